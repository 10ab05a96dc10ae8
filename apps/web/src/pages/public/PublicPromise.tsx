import { Card, Details, Heading, Link, List, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { date, EmptyState, Loading, PageTitle, ProblemMessage, useLoad } from '../../components/common';
import './public.css';

type PublicCommitment = components['schemas']['PublicPromiseCommitmentView'];
type PublicParty = components['schemas']['PublicPartyView'];

/**
 * The promise as citizens see it, without signing in: what was promised, how far each commitment
 * has come, and the approved yearly follow-ups. One column, so it reads well on a phone.
 */
export default function PublicPromise({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const view = useLoad(() => api.GET('/api/v1/public/promises/{id}', { params: { path: { id } } }), [id]);
  if (view.loading) return <Loading />;
  const p = view.data;
  if (!p)
    return (
      <>
        <PageTitle>{t('publicPromise.fallbackTitle')}</PageTitle>
        <ProblemMessage problem={view.problem} />
        <Paragraph>
          <Link href="/public">{t('publicPromise.allPromises')}</Link>
        </Paragraph>
      </>
    );
  return (
    <div className="public-promise">
      <Paragraph data-size="sm">
        <Link href="/public">{t('publicPromise.allPromises')}</Link>
      </Paragraph>
      <Paragraph data-size="sm">{t('publicPromise.kicker')}</Paragraph>
      <PageTitle>{p.title}</PageTitle>
      <Paragraph data-size="sm">
        {p.collaboration} — {t('publicPromise.period', { from: date(p.periodStart, i18n.language), to: date(p.periodEnd, i18n.language) })} —{' '}
        {t('publicPromise.status')}: {p.status}
      </Paragraph>
      {p.ended && (
        <Paragraph>
          <strong>{p.progress === null ? t('publicPromise.endedNoResult') : t('publicPromise.ended', { percent: `${p.progress} %` })}</strong>
        </Paragraph>
      )}
      {p.summary && <Paragraph>{p.summary}</Paragraph>}
      <Paragraph data-size="sm">{t('publicPromise.updated', { on: date(p.updatedOn, i18n.language) })}</Paragraph>
      {p.problemAreas.map((area, i) => (
        <section key={area.title} aria-labelledby={`public-area-${i}`} className="public-section">
          <Heading level={2} data-size="sm" id={`public-area-${i}`}>
            {area.title}
          </Heading>
          {area.description && <Paragraph>{area.description}</Paragraph>}
          {area.commitments.length === 0 && <EmptyState>{t('publicPromise.noCommitments')}</EmptyState>}
          {area.commitments.map((c, j) => (
            <PublicCommitmentCard key={j} commitment={c} ended={p.ended} />
          ))}
        </section>
      ))}
      {p.findings.some((f) => f.raised > 0 || f.fixed > 0) && (
        // Issue #20: what rounds and safety walks found and what has been fixed, as counts only.
        <section aria-labelledby="public-findings" className="public-section">
          <Heading level={2} data-size="sm" id="public-findings">
            {t('publicPromise.findings')}
          </Heading>
          <Paragraph data-size="sm">{t('publicPromise.findingsIntro')}</Paragraph>
          <List.Unordered>
            {p.findings.map((f) => (
              <List.Item key={f.problemArea ?? ''}>
                <strong>{f.problemArea ?? t('publicPromise.findingsWithoutArea')}:</strong>{' '}
                {t('publicPromise.findingsCounts', { raised: f.raised, fixed: f.fixed })}
              </List.Item>
            ))}
          </List.Unordered>
        </section>
      )}
      <section aria-labelledby="public-parties" className="public-section">
        <Heading level={2} data-size="sm" id="public-parties">
          {t('publicPromise.parties')}
        </Heading>
        <div className="public-parties">
          {p.parties.map((party) => (
            <PublicPartyCard key={party.name} party={party} />
          ))}
        </div>
      </section>
      <section aria-labelledby="public-follow-ups" className="public-section">
        <Heading level={2} data-size="sm" id="public-follow-ups">
          {t('publicPromise.followUps')}
        </Heading>
        {p.followUps.length === 0 && <EmptyState>{t('publicPromise.noFollowUps')}</EmptyState>}
        {p.followUps.map((f) => (
          <article key={f.year} aria-labelledby={`public-follow-up-${f.year}`} className="public-follow-up">
            <Heading level={3} data-size="xs" id={`public-follow-up-${f.year}`}>
              {t('publicPromise.followUpOf', { year: f.year })}
            </Heading>
            <Paragraph>{f.conclusion || t('publicPromise.noConclusion')}</Paragraph>
            {f.decision && (
              <Paragraph>
                <strong>{t('publicPromise.decision')}:</strong> {f.decision}
              </Paragraph>
            )}
            <Details>
              <Details.Summary>{t('publicPromise.assessments', { year: f.year })}</Details.Summary>
              <Details.Content>
                <List.Unordered>
                  {f.assessments.map((a, k) => (
                    <List.Item key={k}>
                      <strong>{a.assessment}:</strong> {a.commitment}
                    </List.Item>
                  ))}
                </List.Unordered>
              </Details.Content>
            </Details>
          </article>
        ))}
      </section>
    </div>
  );
}

/** A party by name with the organisation's own contact (the api never gives a person's). */
function PublicPartyCard({ party }: { party: PublicParty }) {
  const { t } = useTranslation();
  return (
    <Card className="public-commitment" aria-label={party.name}>
      <div>
        <Tag data-color="neutral">{party.party}</Tag>
      </div>
      <Heading level={3} data-size="xs">
        {party.name}
      </Heading>
      {party.phone && (
        <Paragraph data-size="sm">
          {t('publicPromise.phone')}: <Link href={`tel:${party.phone.replace(/[^0-9+]/g, '')}`}>{party.phone}</Link>
        </Paragraph>
      )}
      {party.email && (
        <Paragraph data-size="sm">
          {t('publicPromise.email')}: <Link href={`mailto:${party.email}`}>{party.email}</Link>
        </Paragraph>
      )}
      {party.url && (
        <Paragraph data-size="sm">
          {t('publicPromise.web')}: <Link href={party.url}>{party.url}</Link>
        </Paragraph>
      )}
    </Card>
  );
}

/** A yearly target against that year's outcome, a whole-period one against the outcome since the start (final once ended). */
function targetKey(c: PublicCommitment, ended: boolean): string {
  if (c.target?.per === 'år') return 'publicPromise.targetPerYearOf';
  return ended ? 'publicPromise.targetPerPeriodFinal' : 'publicPromise.targetPerPeriod';
}

function PublicCommitmentCard({ commitment: c, ended }: { commitment: PublicCommitment; ended: boolean }) {
  const { t } = useTranslation();
  const percent = c.progress === null ? null : `${c.progress} %`;
  return (
    <Card className="public-commitment">
      <div>
        <Tag data-color="neutral">{c.party}</Tag>
      </div>
      <Paragraph>{c.text}</Paragraph>
      {c.progress !== null && <progress max={100} value={c.progress} aria-label={t('publicPromise.progressLabel', { percent })} />}
      <Paragraph data-size="sm">
        {c.target
          ? t(targetKey(c, ended), {
              value: c.target.value,
              unit: c.target.unit,
              actual: c.actual,
              year: c.actualYear,
            })
          : t('publicPromise.noTarget')}
        {percent && <> {t('publicPromise.progress', { percent })}</>}
      </Paragraph>
      <Paragraph data-size="sm">{t('publicPromise.actions', { done: c.completedActions, open: c.openActions })}</Paragraph>
      {c.completedActionTitles.length > 0 && (
        <Details>
          <Details.Summary>{t('publicPromise.completed', { count: c.completedActionTitles.length })}</Details.Summary>
          <Details.Content>
            <List.Unordered>
              {c.completedActionTitles.map((title) => (
                <List.Item key={title}>{title}</List.Item>
              ))}
            </List.Unordered>
          </Details.Content>
        </Details>
      )}
    </Card>
  );
}
