import { Alert, Button, Details, Heading, Link as DsLink, Paragraph, Select, Tag, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, asProblem, type Problem } from '../../api/client';
import { dateTime, EmptyState, Loading, PageTitle, ProblemMessage, useLoad } from '../../components/common';
import { useListQuery } from '../../components/useListQuery';
import { useSession } from '../../session';
import { fieldError, SelectField } from '../../components/forms';
import { Pager } from '../../components/Pager';
import { auditActionText } from '../../components/labels';
import { addDays, fromStockholm } from '../../components/time';
import { auditOutcomeValues, type components } from '../../api/schema';
import './audit.css';

type AuditEvent = components['schemas']['AuditEventView'];
type AuditOutcome = components['schemas']['AuditOutcome'];
type AuditArea = components['schemas']['AuditArea'];

const PAGE_SIZE = 50;
/** The filters kept in the address; `resourceType`/`resourceId` are set only by "only this record" on an event. */
const FILTERS = ['actorUserId', 'action', 'outcome', 'from', 'to', 'resourceType', 'resourceId'] as const;

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
const startOfDay = (day: string) => fromStockholm(`${day}T00:00`);
/** "To" includes the whole day picked: the api's `to` is exclusive, so send the next midnight. */
const endOfDay = (day: string) => fromStockholm(`${addDays(day, 1)}T00:00`);

/** The events the reader may see, newest first, filtered; the filters live in the address so a finding can be linked to. */
function AuditTrail() {
  const { t } = useTranslation();
  const { params, setParams, applyFilters, goToOffset } = useListQuery();
  const value = (name: string) => params.get(name) ?? '';
  const offset = Number(params.get('offset') ?? 0) || 0;
  const filters = FILTERS.map(value);
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
  const actions = useLoad(() => api.GET('/api/v1/audit-events/actions'), []);
  const people = useLoad(() => api.GET('/api/v1/audit-events/actors'), []);
  const filtered = filters.some(Boolean);

  /** Narrows the trail to one value seen in an event (this actor, this record). */
  function only(name: 'actorUserId' | 'resourceId', v: string, resourceType?: string | null) {
    const next = new URLSearchParams();
    next.set(name, v);
    if (resourceType) next.set('resourceType', resourceType);
    setParams(next);
  }

  /** The known actions by area, in the catalogue's order, each with its sentence. */
  const byArea = new Map<AuditArea, string[]>();
  for (const { action, area } of actions.data ?? []) byArea.set(area, [...(byArea.get(area) ?? []), action]);
  /** The people by organisation, for the person list. */
  const byOrganisation = new Map<string, { id: string; name: string }[]>();
  for (const p of people.data ?? []) byOrganisation.set(p.organisationName, [...(byOrganisation.get(p.organisationName) ?? []), p]);

  const problem = events.problem ?? actions.problem ?? people.problem;
  return (
    <section aria-labelledby="audit-trail">
      <Heading level={2} data-size="sm" id="audit-trail">
        {t('audit.events')}
      </Heading>
      <form
        className="audit-filters"
        role="search"
        aria-label={t('audit.filters')}
        onSubmit={applyFilters}
        noValidate
        key={params.toString() + !!people.data + !!actions.data}
      >
        <SelectField id="actorUserId" defaultValue={value('actorUserId')} label={t('audit.person')} error={fieldError(events.problem, 'actorUserId')}>
          <Select.Option value="">{t('audit.allPeople')}</Select.Option>
          {[...byOrganisation].map(([organisation, members]) => (
            <Select.Optgroup key={organisation} label={organisation}>
              {members.map((p) => (
                <Select.Option key={p.id} value={p.id}>
                  {p.name}
                </Select.Option>
              ))}
            </Select.Optgroup>
          ))}
        </SelectField>
        <SelectField id="action" defaultValue={value('action')} label={t('audit.kind')} error={fieldError(events.problem, 'action')}>
          <Select.Option value="">{t('audit.allKinds')}</Select.Option>
          {[...byArea].map(([area, list]) => (
            <Select.Optgroup key={area} label={t(`audit.areas.${area}`)}>
              {list.map((action) => (
                <Select.Option key={action} value={action}>
                  {auditActionText(t, action)}
                </Select.Option>
              ))}
            </Select.Optgroup>
          ))}
        </SelectField>
        <SelectField id="outcome" defaultValue={value('outcome')} label={t('audit.outcome')} error={fieldError(events.problem, 'outcome')}>
          <Select.Option value="">{t('audit.allOutcomes')}</Select.Option>
          {auditOutcomeValues.map((o) => (
            <Select.Option key={o} value={o}>
              {t(`audit.outcomes.${o}`)}
            </Select.Option>
          ))}
        </SelectField>
        <Textfield id="from" name="from" type="date" defaultValue={value('from')} label={t('audit.from')} error={fieldError(events.problem, 'from')} />
        <Textfield id="to" name="to" type="date" defaultValue={value('to')} label={t('audit.to')} error={fieldError(events.problem, 'to')} />
        {value('resourceId') && (
          <>
            {/* "Only this record" is chosen on an event; kept through filtering, cleared with the filters. */}
            <input type="hidden" name="resourceType" value={value('resourceType')} />
            <input type="hidden" name="resourceId" value={value('resourceId')} />
            <Paragraph data-size="sm">{t('audit.recordFilter')}</Paragraph>
          </>
        )}
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

/** Who: the person's name and the unit they acted for; the system for jobs. */
function ActorName({ actor }: { actor: AuditEvent['actor'] }) {
  const { t } = useTranslation();
  if (!actor) return <strong>{t('audit.systemActor')}</strong>;
  const name = actor.name ?? t('audit.unknownActor');
  return <strong>{actor.unitName ? t('audit.withinUnit', { name, unit: actor.unitName }) : name}</strong>;
}

/** A sign-in event names the account signing in as its record: the actor already says who. */
const aboutSelf = (e: AuditEvent) => e.action.startsWith('auth.') && e.resource?.type === 'user' && e.resource.id === e.actor?.id;

/** Which record: its label, linked when the reader may open it; a young person is never named. */
function RecordName({ resource }: { resource: AuditEvent['resource'] }) {
  const { t } = useTranslation();
  if (!resource) return null;
  if (resource.type === 'youth_subject') return <span>{t('audit.youthSubject')}</span>;
  if (!resource.label) return resource.id ? <span className="audit-subtle">{t('audit.unnamedRecord')}</span> : null;
  if (resource.link)
    return (
      <DsLink asChild>
        <Link to={resource.link}>{resource.label}</Link>
      </DsLink>
    );
  return <span>{resource.label}</span>;
}

/** One event: when, who did what to which record, and the outcome on the line; everything recorded in the disclosure. */
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
            <span className="audit-sentence">
              <ActorName actor={e.actor} /> {auditActionText(t, e.action)} <RecordName resource={aboutSelf(e) ? null : e.resource} />
            </span>
            <Tag data-color={OUTCOME_COLOR[e.outcome]} data-size="sm">
              {t(`audit.outcomes.${e.outcome}`)}
            </Tag>
          </span>
        </Details.Summary>
        <Details.Content>
          <dl className="audit-facts">
            <dt>{t('audit.eventId')}</dt>
            <dd>{e.id}</dd>
            <dt>{t('audit.code')}</dt>
            <dd>
              <code>{e.action}</code>
            </dd>
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

/** How often the screen asks for a run's progress while one waits or runs (each answer is audited, so not too often). */
const POLL_MS = 4000;

type VerificationRun = components['schemas']['ChainVerificationRun'];

/**
 * The chain's verification as the worker stored it (issue #19): the newest completed run, a run
 * waiting or under way with its progress (asked for again every few seconds while there is one),
 * and a button that queues a full check from the first event. The screen never waits for a check.
 */
function ChainCheck() {
  const { t, i18n } = useTranslation();
  const state = useLoad(() => api.GET('/api/v1/audit-events/verify'), []);
  const [starting, setStarting] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const current = state.data?.current ?? null;
  const last = state.data?.lastRun ?? null;
  const { reload } = state;

  // While a run waits or runs, its progress is fetched again; each answer (a new object) schedules the next.
  useEffect(() => {
    if (!current) return;
    const timer = setTimeout(reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [state.data]);

  async function start() {
    setStarting(true);
    setProblem(undefined);
    const { error, response } = await api.POST('/api/v1/audit-events/verify');
    setStarting(false);
    if (error) setProblem(asProblem(error, response.status));
    reload();
  }

  const count = (n: number) => n.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'sv-SE');
  const fullUnderWay = current?.kind === 'full';
  return (
    <section aria-labelledby="audit-chain" className="audit-chain">
      <Heading level={2} data-size="sm" id="audit-chain">
        {t('audit.chainTitle')}
      </Heading>
      <Paragraph data-size="sm">{t('audit.chainIntro')}</Paragraph>
      {state.loading && !state.data && <Loading />}
      <ProblemMessage problem={state.problem} />
      {current && <RunProgress run={current} formatted={count} />}
      <div role="status" aria-live="polite">
        {state.data && !last && !current && <Paragraph data-size="sm">{t('audit.notYetVerified')}</Paragraph>}
        {last && <LastRun run={last} formatted={count} />}
      </div>
      <div className="row">
        <Button onClick={() => void start()} loading={starting} disabled={starting || fullUnderWay || !state.data}>
          {t('audit.verify')}
        </Button>
      </div>
      <ProblemMessage problem={problem} />
    </section>
  );
}

/** A run waiting or under way: which kind, and how many of its events are checked. */
function RunProgress({ run, formatted }: { run: VerificationRun; formatted: (n: number) => string }) {
  const { t } = useTranslation();
  const kind = t(`audit.verificationKinds.${run.kind}`);
  if (run.status === 'queued' || run.totalEvents === null) return <Paragraph data-size="sm">{t('audit.runQueued', { kind })}</Paragraph>;
  return (
    <div className="audit-progress">
      <Paragraph data-size="sm" id={`audit-run-${run.id}`}>
        {t('audit.runProgress', { kind, checked: formatted(run.runEvents), total: formatted(run.totalEvents) })}
      </Paragraph>
      <progress aria-labelledby={`audit-run-${run.id}`} value={run.runEvents} max={Math.max(run.totalEvents, 1)} />
    </div>
  );
}

/** The newest completed run: intact through which event and when, or where it breaks; and the seals. */
function LastRun({ run, formatted }: { run: VerificationRun; formatted: (n: number) => string }) {
  const { t, i18n } = useTranslation();
  const when = t('audit.lastRun', {
    when: dateTime(run.finishedAt, i18n.language),
    kind: t(`audit.verificationKinds.${run.kind}`),
  });
  if (run.valid) {
    return (
      <Alert data-color="success">
        <Paragraph>{t('audit.intact', { count: run.checkedEvents, formatted: formatted(run.checkedEvents) })}</Paragraph>
        <Paragraph data-size="sm">
          {when} {run.throughEventId && t('audit.through', { id: run.throughEventId })}
        </Paragraph>
        {run.anchors && <SealSummary anchors={run.anchors} formatted={formatted} />}
      </Alert>
    );
  }
  return (
    <Alert data-color="danger">
      <Heading level={3} data-size="xs">
        {run.firstBrokenEventId || run.anchors?.brokenAnchorSeq === undefined
          ? t('audit.broken', { id: run.firstBrokenEventId })
          : t('audit.brokenSeal', { seq: run.anchors.brokenAnchorSeq })}
      </Heading>
      <Paragraph>{run.breakKind ? t(`audit.breakKinds.${run.breakKind}`) : run.reason}</Paragraph>
      <Paragraph data-size="sm">
        {t('audit.checked', { count: run.checkedEvents, formatted: formatted(run.checkedEvents) })} {when}
      </Paragraph>
      {run.anchors && <SealSummary anchors={run.anchors} formatted={formatted} />}
    </Alert>
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
