import { Alert, Button, Details, Heading, Link as DsLink, Paragraph, Select, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, asProblem, type Problem } from '../../api/client';
import { dateTime, EmptyState, Loading, PageTitle, ProblemMessage, useLoad } from '../../components/common';
import { useListQuery } from '../../components/useListQuery';
import { useSession } from '../../session';
import { fieldError, SelectField } from '../../components/forms';
import { Pager } from '../../components/Pager';
import { auditOutcomeValues, type components } from '../../api/schema';
import './audit.css';

type AuditEvent = components['schemas']['AuditEventView'];
type AuditOutcome = components['schemas']['AuditOutcome'];

const PAGE_SIZE = 50;
const TEXT_FILTERS = ['action', 'resourceType', 'resourceId', 'actorUserId'] as const;

/** The audit trail and its chain verification (auditors). */
export default function AuditArea() {
  const { t } = useTranslation();
  const { can } = useSession();
  if (!can('audit:read')) {
    return (
      <>
        <PageTitle>{t('audit.title')}</PageTitle>
        <Alert data-color="warning">{t('audit.notAllowed')}</Alert>
      </>
    );
  }
  return (
    <>
      <PageTitle>{t('audit.title')}</PageTitle>
      <Paragraph>{t('audit.intro')}</Paragraph>
      {can('audit:verify') && <ChainCheck />}
      <AuditTrail />
    </>
  );
}

/** A calendar day from the filter as the start of that day where the reader is (Sweden). */
const startOfDay = (day: string) => new Date(`${day}T00:00:00`).toISOString();
/** "To" includes the whole day picked: the api's `to` is exclusive, so send the next midnight. */
const endOfDay = (day: string) => {
  const next = new Date(`${day}T00:00:00`);
  next.setDate(next.getDate() + 1);
  return next.toISOString();
};

/** The events the reader may see, newest first, filtered; the filters live in the address so a finding can be linked to. */
function AuditTrail() {
  const { t } = useTranslation();
  const { params, setParams, applyFilters, goToOffset } = useListQuery();
  const value = (name: string) => params.get(name) ?? '';
  const offset = Number(params.get('offset') ?? 0) || 0;
  const filters = [...TEXT_FILTERS, 'outcome', 'from', 'to'].map(value);
  const events = useLoad(
    () =>
      api.GET('/api/v1/audit-events', {
        params: {
          query: {
            action: value('action') || undefined,
            resourceType: value('resourceType') || undefined,
            resourceId: value('resourceId') || undefined,
            actorUserId: value('actorUserId') || undefined,
            outcome: (value('outcome') || undefined) as AuditOutcome | undefined,
            from: value('from') ? startOfDay(value('from')) : undefined,
            to: value('to') ? endOfDay(value('to')) : undefined,
            limit: PAGE_SIZE,
            offset,
          },
        },
      }),
    [...filters, offset],
  );
  const filtered = filters.some(Boolean);

  /** Narrows the trail to one value seen in an event (this actor, this record). */
  function only(name: 'actorUserId' | 'resourceId', v: string, resourceType?: string | null) {
    const next = new URLSearchParams();
    next.set(name, v);
    if (resourceType) next.set('resourceType', resourceType);
    setParams(next);
  }

  const problem = events.problem;
  return (
    <section aria-labelledby="audit-trail">
      <Heading level={2} data-size="sm" id="audit-trail">
        {t('audit.events')}
      </Heading>
      <form className="audit-filters" role="search" aria-label={t('audit.filters')} onSubmit={applyFilters} noValidate key={params.toString()}>
        <Textfield
          id="action"
          name="action"
          defaultValue={value('action')}
          label={t('audit.action')}
          description={t('audit.actionHint')}
          error={fieldError(problem, 'action')}
        />
        <Textfield
          id="resourceType"
          name="resourceType"
          defaultValue={value('resourceType')}
          label={t('audit.resourceType')}
          description={t('audit.resourceTypeHint')}
          error={fieldError(problem, 'resourceType')}
        />
        <Textfield
          id="resourceId"
          name="resourceId"
          defaultValue={value('resourceId')}
          label={t('audit.resourceId')}
          error={fieldError(problem, 'resourceId')}
        />
        <Textfield
          id="actorUserId"
          name="actorUserId"
          defaultValue={value('actorUserId')}
          label={t('audit.actorUserId')}
          description={t('audit.actorHint')}
          error={fieldError(problem, 'actorUserId')}
        />
        <SelectField id="outcome" defaultValue={value('outcome')} label={t('audit.outcome')} error={fieldError(problem, 'outcome')}>
          <Select.Option value="">{t('audit.allOutcomes')}</Select.Option>
          {auditOutcomeValues.map((o) => (
            <Select.Option key={o} value={o}>
              {t(`audit.outcomes.${o}`)}
            </Select.Option>
          ))}
        </SelectField>
        <Textfield id="from" name="from" type="date" defaultValue={value('from')} label={t('audit.from')} error={fieldError(problem, 'from')} />
        <Textfield id="to" name="to" type="date" defaultValue={value('to')} label={t('audit.to')} error={fieldError(problem, 'to')} />
        <div className="row">
          <Button type="submit" variant="secondary">
            {t('audit.filter')}
          </Button>
          {filtered && (
            <DsLink asChild>
              <Link to="/audit">{t('audit.clear')}</Link>
            </DsLink>
          )}
        </div>
      </form>
      {events.loading && <Loading />}
      <ProblemMessage problem={problem} />
      {!events.loading && events.data?.items.length === 0 && <EmptyState>{filtered ? t('audit.noMatch') : t('audit.empty')}</EmptyState>}
      {!!events.data?.items.length && (
        <>
          <ul className="audit-events" aria-label={t('audit.events')}>
            {events.data.items.map((e) => (
              <EventItem key={e.id} event={e} onOnly={only} />
            ))}
          </ul>
          <Pager label={t('audit.pages')} page={events.data} onOffset={goToOffset} />
        </>
      )}
    </section>
  );
}

const OUTCOME_COLOR = { success: 'success', failure: 'danger', denied: 'warning' } as const;

/** One event: when, what, outcome on the line; everything recorded in the disclosure. */
function EventItem({
  event: e,
  onOnly,
}: {
  event: AuditEvent;
  onOnly: (name: 'actorUserId' | 'resourceId', value: string, resourceType?: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <li>
      <Details data-testid={`audit-event-${e.id}`}>
        <Details.Summary>
          <span className="audit-summary">
            <span>{dateTime(e.occurredAt, i18n.language)}</span>
            <code>{e.action}</code>
            <Tag data-color={OUTCOME_COLOR[e.outcome]} data-size="sm">
              {t(`audit.outcomes.${e.outcome}`)}
            </Tag>
            {e.resourceType && <span className="audit-subtle">{e.resourceType}</span>}
          </span>
        </Details.Summary>
        <Details.Content>
          <dl className="audit-facts">
            <dt>{t('audit.eventId')}</dt>
            <dd>{e.id}</dd>
            <dt>{t('audit.actorUserId')}</dt>
            <dd>{e.actorUserId ?? t('audit.system')}</dd>
            <dt>{t('audit.actorUnit')}</dt>
            <dd>{e.actorUnitId ?? '–'}</dd>
            <dt>{t('audit.actorOrganisation')}</dt>
            <dd>{e.actorOrganisationId ?? '–'}</dd>
            <dt>{t('audit.resource')}</dt>
            <dd>{e.resourceType ? `${e.resourceType} ${e.resourceId ?? ''}` : '–'}</dd>
            <dt>{t('audit.subjectOrganisation')}</dt>
            <dd>{e.subjectOrganisationId ?? '–'}</dd>
            <dt>{t('audit.changedFields')}</dt>
            <dd>{e.changedFields?.join(', ') || '–'}</dd>
            <dt>{t('audit.requestId')}</dt>
            <dd>{e.requestId ?? '–'}</dd>
            <dt>{t('audit.ip')}</dt>
            <dd>{e.ip ?? '–'}</dd>
            <dt>{t('audit.hash')}</dt>
            <dd className="audit-hash">{e.hash}</dd>
          </dl>
          {e.details && (
            <>
              <Paragraph data-size="sm">
                <strong>{t('audit.details')}</strong>
              </Paragraph>
              <pre className="audit-json">{JSON.stringify(e.details, null, 2)}</pre>
            </>
          )}
          <div className="row">
            {e.actorUserId && (
              <Button variant="tertiary" data-size="sm" onClick={() => onOnly('actorUserId', e.actorUserId!)}>
                {t('audit.onlyActor')}
              </Button>
            )}
            {e.resourceId && (
              <Button variant="tertiary" data-size="sm" onClick={() => onOnly('resourceId', e.resourceId!, e.resourceType)}>
                {t('audit.onlyResource')}
              </Button>
            )}
          </div>
        </Details.Content>
      </Details>
    </li>
  );
}

/**
 * Recomputes the hash chain over the whole trail on the server. It can take a while on a long trail,
 * so the button shows that it is working and the outcome is announced when it arrives.
 */
function ChainCheck() {
  const { t, i18n } = useTranslation();
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<components['schemas']['ChainVerification']>();
  const [problem, setProblem] = useState<Problem>();

  async function verify() {
    setRunning(true);
    setResult(undefined);
    setProblem(undefined);
    const { data, error, response } = await api.GET('/api/v1/audit-events/verify');
    setRunning(false);
    if (data) setResult(data);
    else setProblem(asProblem(error, response.status));
  }

  const count = (n: number) => n.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'sv-SE');
  return (
    <section aria-labelledby="audit-chain" className="audit-chain">
      <Heading level={2} data-size="sm" id="audit-chain">
        {t('audit.chainTitle')}
      </Heading>
      <Paragraph data-size="sm">{t('audit.chainIntro')}</Paragraph>
      <div className="row">
        <Button onClick={() => void verify()} loading={running} disabled={running}>
          {t('audit.verify')}
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {running && <Paragraph data-size="sm">{t('audit.verifying')}</Paragraph>}
        {result?.valid && (
          <Alert data-color="success">
            <Paragraph>{t('audit.intact', { count: result.checkedEvents, formatted: count(result.checkedEvents) })}</Paragraph>
            <SealSummary anchors={result.anchors} formatted={count} />
          </Alert>
        )}
        {result && !result.valid && (
          <Alert data-color="danger">
            <Heading level={3} data-size="xs">
              {result.firstBrokenEventId || result.anchors.brokenAnchorSeq === undefined
                ? t('audit.broken', { id: result.firstBrokenEventId })
                : t('audit.brokenSeal', { seq: result.anchors.brokenAnchorSeq })}
            </Heading>
            <Paragraph>{result.breakKind ? t(`audit.breakKinds.${result.breakKind}`) : result.reason}</Paragraph>
            <Paragraph data-size="sm">{t('audit.checked', { count: result.checkedEvents, formatted: count(result.checkedEvents) })}</Paragraph>
            <SealSummary anchors={result.anchors} formatted={count} />
          </Alert>
        )}
      </div>
      <ProblemMessage problem={problem} />
    </section>
  );
}

/** How many seals were checked and whether the copy kept outside the database agrees. */
function SealSummary({ anchors, formatted }: { anchors: components['schemas']['AnchorVerification']; formatted: (n: number) => string }) {
  const { t } = useTranslation();
  return (
    <Paragraph data-size="sm">
      {t('audit.anchors', { count: anchors.checkedAnchors, formatted: formatted(anchors.checkedAnchors), unanchored: formatted(anchors.unanchoredEvents) })}{' '}
      {t(`audit.externalHead.${anchors.externalHead}`)}
    </Paragraph>
  );
}
