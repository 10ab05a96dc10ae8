import { Heading, Link as DsLink } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { date, EmptyState, Loading, PageTitle, ProblemMessage, useLoad } from '../../components/common';
import { useSession } from '../../session';
import { FindingTable } from '../findings/Findings';
import { NewFinding } from '../findings/NewFinding';
import '../findings/findings.css';
import { BackLink } from './shared';

/**
 * The report of a round or a safety walk (issue #20): what was done, where, by whom, the counts, and
 * what it found with each finding's state; those who record findings add them here, photo included.
 */
export function ActivityReportPage() {
  const { id } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const view = useLoad(() => api.GET('/api/v1/activities/{id}', { params: { path: { id: id! } } }), [id]);
  const a = view.data;
  const findings = useLoad(() => api.GET('/api/v1/findings', { params: { query: { activityId: id!, limit: 200 } } }), [id]);
  const commitment = useLoad(
    a ? () => api.GET('/api/v1/promises/{id}/commitments/{commitmentId}', { params: { path: { id: a.promiseId, commitmentId: a.commitmentId } } }) : null,
    [a?.commitmentId],
  );

  if (view.loading && !a) return <Loading />;
  if (!a) return <ProblemMessage problem={view.problem} />;
  const kind = t(`promiseVocab.kinds.${a.kind}`);
  const counts = Object.entries(a.metrics).map(([name, n]) => `${t(`promiseVocab.metrics.${name}`, { defaultValue: name })}: ${n}`);
  return (
    <>
      <BackLink to={`/promise/activities?promise=${a.promiseId}`}>{t('activityReport.back')}</BackLink>
      <PageTitle>{t('activityReport.title', { kind, date: date(a.occurredOn, i18n.language) })}</PageTitle>
      <section aria-labelledby="activity-facts">
        <Heading level={2} data-size="sm" id="activity-facts">
          {t('activityReport.facts')}
        </Heading>
        <dl className="promise-facts">
          <dt>{t('activityReport.kind')}</dt>
          <dd>{kind}</dd>
          <dt>{t('activityReport.date')}</dt>
          <dd>
            {date(a.occurredOn, i18n.language)}
            {a.startTime ? ` ${a.startTime}` : ''}
          </dd>
          <dt>{t('activityReport.place')}</dt>
          <dd>{a.placeName ?? (a.place || '–')}</dd>
          <dt>{t('promiseAction.commitment')}</dt>
          <dd>{commitment.data?.text ?? '…'}</dd>
          <dt>{t('activityReport.participants')}</dt>
          <dd>{a.participatingOrganisations.map((o) => o.name).join(', ') || '–'}</dd>
          <dt>{t('activityReport.counts')}</dt>
          <dd>{counts.join(', ') || '–'}</dd>
          <dt>{t('activityReport.note')}</dt>
          <dd>{a.note || '–'}</dd>
        </dl>
      </section>
      <section aria-labelledby="activity-findings">
        <Heading level={2} data-size="sm" id="activity-findings">
          {t('activityReport.findings', { count: findings.data?.total ?? 0 })}
        </Heading>
        <ProblemMessage problem={findings.problem} />
        {findings.data?.items.length === 0 && <EmptyState>{t('activityReport.noFindings')}</EmptyState>}
        {!!findings.data?.items.length && <FindingTable findings={findings.data.items} />}
        <DsLink asChild>
          <Link to={`/findings?promise=${a.promiseId}`}>{t('activityReport.allFindings')}</Link>
        </DsLink>
      </section>
      {can('finding:record') && (
        <section aria-labelledby="activity-new-finding">
          <Heading level={2} data-size="sm" id="activity-new-finding">
            {t('findingNew.title')}
          </Heading>
          {/* The commitment's problem area is the form's default, and a default is read once: the form
              waits for it, or a finding saved quickly would go under no problem area. */}
          {commitment.loading ? <Loading /> : <NewFinding activity={a} problemAreaId={commitment.data?.problemAreaId} onCreated={findings.reload} />}
        </section>
      )}
    </>
  );
}
