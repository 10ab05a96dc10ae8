import { Card, Heading, Link as DsLink, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { date, EmptyState, Loading, PageTitle, ProblemMessage, useLoad } from '../../components/common';
import { useSession } from '../../session';
import { figure, percent, promisePath, useCurrentPromise } from './shared';
import { YearChart } from './YearChart';

type PromiseView = components['schemas']['PromiseView'];
type CommitmentFigures = components['schemas']['CommitmentFiguresView'];

/** Where the promise stands: its problem areas and commitments, progress, what is late, and each year's target against actual. */
export function PromisePage() {
  const { t, i18n } = useTranslation();
  const { promise, promises, chosen, loading, problem } = useCurrentPromise();
  const { can } = useSession();
  const dashboard = useLoad(promise ? () => api.GET('/api/v1/dashboard/actions', { params: { query: { promiseId: promise.id } } }) : null, [promise?.id]);
  if (loading) return <Loading />;
  if (!promise)
    return (
      <>
        <PageTitle>{t('promise.title')}</PageTitle>
        <ProblemMessage problem={problem} />
        <EmptyState>{t('promise.empty')}</EmptyState>
      </>
    );
  const d = dashboard.data;
  return (
    <>
      <PageTitle>{promise.title}</PageTitle>
      <PromiseFacts promise={promise} />
      {promises.length > 1 && <OtherPromises promises={promises} current={promise.id} />}
      <nav aria-label={t('promise.sections')}>
        <ul className="promise-links">
          <li>
            <DsLink asChild>
              <Link to={promisePath('/promise/actions', chosen)}>{t('promise.actionsLink')}</Link>
            </DsLink>
          </li>
          <li>
            <DsLink asChild>
              <Link to={promisePath('/promise/actions', chosen, { overdue: 'true' })}>{t('promise.overdueLink', { count: d?.overdue.total ?? 0 })}</Link>
            </DsLink>
          </li>
          {can('promise:manage') && (
            <li>
              <DsLink asChild>
                <Link to={promisePath('/promise/plan', chosen)}>{t('promisePlan.link')}</Link>
              </DsLink>
            </li>
          )}
          <li>
            <DsLink asChild>
              <Link to={promisePath('/promise/activities', chosen)}>{t('promise.activitiesLink')}</Link>
            </DsLink>
          </li>
          <li>
            <DsLink asChild>
              <Link to={promisePath('/promise/follow-ups', chosen)}>{t('promise.followUpsLink')}</Link>
            </DsLink>
          </li>
          {promise.published && (
            <li>
              <DsLink asChild>
                <Link to={`/public/promises/${promise.id}`}>{t('promise.publicLink')}</Link>
              </DsLink>
            </li>
          )}
        </ul>
      </nav>
      {!promise.published && <Paragraph data-size="sm">{t('promise.notPublished')}</Paragraph>}
      {dashboard.loading && <Loading />}
      <ProblemMessage problem={dashboard.problem} />
      {d && (
        <>
          <section aria-labelledby="promise-overall">
            <Heading level={2} data-size="sm" id="promise-overall">
              {t('promise.overall')}
            </Heading>
            <Paragraph>
              {t('promise.progress')}: <strong>{percent(d.progress)}</strong> — {t('promise.overdueActions')}: <strong>{d.overdue.total}</strong> —{' '}
              {t('promise.dueSoon')}: <strong>{d.dueNext14Days.total}</strong>
            </Paragraph>
            {d.progress !== null && <progress max={100} value={d.progress} aria-label={`${t('promise.progress')}: ${percent(d.progress)}`} />}
            <Paragraph data-size="sm">{t('promise.window', { from: date(d.window.from, i18n.language), to: date(d.window.to, i18n.language) })}</Paragraph>
          </section>
          <section aria-labelledby="promise-commitments">
            <Heading level={2} data-size="sm" id="promise-commitments">
              {t('promise.commitments')}
            </Heading>
            {promise.problemAreas.map((area) => (
              <ProblemArea key={area.id} area={area} commitments={d.commitments.filter((c) => c.problemArea.id === area.id)} chosen={chosen} />
            ))}
          </section>
          <YearChart commitments={d.commitments} years={d.byYear} />
        </>
      )}
    </>
  );
}

function PromiseFacts({ promise }: { promise: PromiseView }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <div className="row">
        <Tag data-color="accent">{t(`promiseVocab.promiseStatuses.${promise.shownStatus}`)}</Tag>
        <Paragraph data-size="sm">
          {promise.collaborationName} — {t('promise.period')}: {date(promise.periodStart, i18n.language)} – {date(promise.periodEnd, i18n.language)}
        </Paragraph>
      </div>
      {promise.summary && <Paragraph>{promise.summary}</Paragraph>}
    </>
  );
}

function OtherPromises({ promises, current }: { promises: PromiseView[]; current: string }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('promise.otherPromises')}>
      <ul className="promise-links">
        {promises
          .filter((p) => p.id !== current)
          .map((p) => (
            <li key={p.id}>
              <DsLink asChild>
                <Link to={promisePath('/promise', p.id)}>{p.title}</Link>
              </DsLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}

function ProblemArea({ area, commitments, chosen }: { area: PromiseView['problemAreas'][number]; commitments: CommitmentFigures[]; chosen: string | null }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="promise-area" aria-labelledby={`area-${area.id}`}>
      <Heading level={3} data-size="xs" id={`area-${area.id}`}>{`${area.position}. ${area.title}`}</Heading>
      {area.description && <Paragraph data-size="sm">{area.description}</Paragraph>}
      {commitments.length === 0 && <EmptyState>{t('promise.noCommitments')}</EmptyState>}
      <div className="cards">
        {commitments.map((c) => (
          <Card key={c.id}>
            <div className="row">
              <Tag data-color="neutral">{t(`promiseVocab.parties.${c.party}`)}</Tag>
            </div>
            <Paragraph>{c.text}</Paragraph>
            {c.progress !== null && <progress max={100} value={c.progress} aria-label={`${t('promise.progress')}: ${percent(c.progress)}`} />}
            <Paragraph data-size="sm">
              {c.target
                ? t('promise.againstTarget', {
                    actual: figure(c.actual, i18n.language),
                    target: figure(c.target.forWindow, i18n.language),
                    unit: c.target.unit,
                    percent: percent(c.progress),
                  })
                : t('promise.byActions', { done: c.actions.done, total: c.actions.total, percent: percent(c.progress) })}
            </Paragraph>
            <div className="row">
              {c.actions.overdue > 0 && <Tag data-color="danger">{t('promise.overdueCount', { count: c.actions.overdue })}</Tag>}
              <DsLink asChild>
                <Link to={promisePath('/promise/actions', chosen, { commitmentId: c.id })}>{t('promise.commitmentActions', { count: c.actions.total })}</Link>
              </DsLink>
            </div>
          </Card>
        ))}
      </div>
    </section>
  );
}
