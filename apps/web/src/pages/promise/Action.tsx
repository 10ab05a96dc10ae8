import { Alert, Button, Heading, Link as DsLink, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, asProblem, type Problem } from '../../api/client';
import { actionStatusValues, type components } from '../../api/schema';
import { date, dateTime, EmptyState, Loading, PageTitle, ProblemMessage, TableWrap, useLoad } from '../../components/common';
import { useSession } from '../../session';
import { DeleteAction, PlanForm, type PlanOutcome, ReassignForm } from './ActionPlanning';
import { RecordActivity } from './RecordActivity';
import { BackLink, STATUS_COLOUR } from './shared';
import { fieldError, SelectField } from '../../components/forms';

type ActionStatus = components['schemas']['ActionStatus'];
type ActionView = components['schemas']['ActionView'];
type ActivityView = components['schemas']['ActivityView'];
type HistoryEvent = components['schemas']['ActionEventView'];

/** One action: what, who, by when, its history and activities; reporting on it for those allowed. */
export function ActionPage() {
  const { id } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const view = useLoad(() => api.GET('/api/v1/actions/{id}', { params: { path: { id: id! } } }), [id]);
  const a = view.data;
  const commitment = useLoad(
    a ? () => api.GET('/api/v1/promises/{id}/commitments/{commitmentId}', { params: { path: { id: a.promiseId, commitmentId: a.commitmentId } } }) : null,
    [a?.commitmentId],
  );
  const activities = useLoad(() => api.GET('/api/v1/activities', { params: { query: { actionId: id!, limit: 50 } } }), [id]);
  const [open, setOpen] = useState<'status' | 'activity' | 'reassign' | 'plan' | null>(null);
  const [planNotice, setPlanNotice] = useState<PlanOutcome>();
  const mayReassign = can('promise_action:reassign') || can('promise_action:update');
  const mayPlan = can('promise:manage') && can('promise_action:update');
  // Outside the form: the form starts afresh with each new version, the notice stays.
  const [notice, setNotice] = useState<StatusOutcome>();

  if (view.loading && !a) return <Loading />;
  if (!a) return <ProblemMessage problem={view.problem} />;
  return (
    <>
      <BackLink to="/promise/actions">{t('promiseActions.title')}</BackLink>
      <PageTitle>{a.title}</PageTitle>
      <div className="row">
        <Tag data-color={STATUS_COLOUR[a.status]}>{t(`promiseVocab.actionStatuses.${a.status}`)}</Tag>
        {a.overdue && <Tag data-color="danger">{t('promiseActions.overdue')}</Tag>}
        <Tag data-color="neutral">{t(`promiseVocab.parties.${a.party}`)}</Tag>
      </div>
      <dl className="promise-facts">
        <dt>{t('promiseAction.commitment')}</dt>
        <dd>{commitment.data?.text ?? '…'}</dd>
        <dt>{t('promiseActions.responsible')}</dt>
        <dd>{[a.responsibleUser?.displayName, a.responsibleUnit?.name, a.responsibleOrganisation.name].filter(Boolean).join(', ')}</dd>
        <dt>{t('promiseAction.period')}</dt>
        <dd>
          {a.startDate ? `${date(a.startDate, i18n.language)} – ` : ''}
          {date(a.dueDate, i18n.language)}
        </dd>
        <dt>{t('promiseActions.progress')}</dt>
        <dd>
          <progress max={100} value={a.progress} aria-label={`${t('promiseActions.progress')}: ${a.progress} %`} /> {a.progress} %
        </dd>
        {a.statusReason && (
          <>
            <dt>{t('promiseAction.statusReason')}</dt>
            <dd>{a.statusReason}</dd>
          </>
        )}
      </dl>
      {a.description && <Paragraph>{a.description}</Paragraph>}
      {a.carriedToId && (
        // Carried into the next promise: final here, the work goes on there (promise-succession.service).
        <Alert data-color="info">
          {t('promiseNext.carriedTo')}{' '}
          <DsLink asChild>
            <Link to={`/promise/actions/${a.carriedToId}`}>{t('promiseNext.openCarriedTo')}</Link>
          </DsLink>
        </Alert>
      )}
      {a.carriedFromId && (
        <Paragraph data-size="sm">
          {t('promiseNext.carriedFrom')}{' '}
          <DsLink asChild>
            <Link to={`/promise/actions/${a.carriedFromId}`}>{t('promiseNext.openCarriedFrom')}</Link>
          </DsLink>
        </Paragraph>
      )}
      {(mayReassign || mayPlan) && !a.carriedToId && (
        // Issue #20: the plan of the action changed in the screens — who, when, how much it weighs.
        <section aria-labelledby="promise-action-plan">
          <Heading level={2} data-size="sm" id="promise-action-plan">
            {t('promiseActionPlan.title')}
          </Heading>
          <div className="row">
            {mayReassign && (
              <Button
                variant={open === 'reassign' ? 'primary' : 'secondary'}
                aria-expanded={open === 'reassign'}
                onClick={() => setOpen(open === 'reassign' ? null : 'reassign')}
              >
                {t('promiseActionPlan.reassign')}
              </Button>
            )}
            {mayPlan && (
              <Button
                variant={open === 'plan' ? 'primary' : 'secondary'}
                aria-expanded={open === 'plan'}
                onClick={() => setOpen(open === 'plan' ? null : 'plan')}
              >
                {t('promiseActionPlan.edit')}
              </Button>
            )}
            {can('promise:manage') && <DeleteAction action={a} />}
          </div>
          {(open === 'reassign' || open === 'plan') && planNotice && (
            <Alert data-color={planNotice === 'saved' ? 'success' : 'warning'} role={planNotice === 'saved' ? 'status' : 'alert'}>
              {planNotice === 'saved' ? t('promiseAction.saved') : t('promiseAction.stale')}
            </Alert>
          )}
          {open === 'reassign' && (
            <ReassignForm
              key={a.version}
              action={a}
              onDone={(outcome) => {
                setPlanNotice(outcome);
                view.reload();
              }}
            />
          )}
          {open === 'plan' && (
            <PlanForm
              key={a.version}
              action={a}
              onDone={(outcome) => {
                setPlanNotice(outcome);
                view.reload();
              }}
            />
          )}
        </section>
      )}
      {can('promise_action:update') && !a.carriedToId && (
        <section aria-labelledby="promise-report">
          <Heading level={2} data-size="sm" id="promise-report">
            {t('promiseAction.report')}
          </Heading>
          <div className="row">
            <Button
              variant={open === 'status' ? 'primary' : 'secondary'}
              aria-expanded={open === 'status'}
              onClick={() => setOpen(open === 'status' ? null : 'status')}
            >
              {t('promiseAction.updateStatus')}
            </Button>
            <Button
              variant={open === 'activity' ? 'primary' : 'secondary'}
              aria-expanded={open === 'activity'}
              onClick={() => setOpen(open === 'activity' ? null : 'activity')}
            >
              {t('promiseAction.recordActivity')}
            </Button>
          </div>
          {/* One form at a time: both have a note, and each field's id is the api's field name. */}
          {open === 'status' && notice === 'saved' && (
            <Alert data-color="success" role="status">
              {t('promiseAction.saved')}
            </Alert>
          )}
          {open === 'status' && notice === 'stale' && (
            <Alert data-color="warning" role="alert">
              {t('promiseAction.stale')}
            </Alert>
          )}
          {open === 'status' && notice === 'nothing' && (
            <Alert data-color="info" role="status">
              {t('promiseAction.nothingChanged')}
            </Alert>
          )}
          {open === 'status' && (
            <StatusForm
              key={a.version}
              action={a}
              onDone={(outcome) => {
                setNotice(outcome);
                if (outcome === 'saved' || outcome === 'stale') view.reload();
              }}
            />
          )}
          {open === 'activity' && commitment.data && <RecordActivity commitment={commitment.data} actionId={a.id} onRecorded={activities.reload} />}
        </section>
      )}
      <History events={a.history} />
      <section aria-labelledby="promise-activities">
        <Heading level={2} data-size="sm" id="promise-activities">
          {t('promiseAction.activities')}
        </Heading>
        <ProblemMessage problem={activities.problem} />
        {activities.data?.items.length === 0 && <EmptyState>{t('promiseAction.noActivities')}</EmptyState>}
        {!!activities.data?.items.length && <ActivityTable activities={activities.data.items} />}
      </section>
    </>
  );
}

/**
 * Status, progress and a note. The change carries the version read (If-Match): when someone else
 * changed the action meanwhile the api answers 412, and the page shows the new version.
 */
type StatusOutcome = 'saved' | 'stale' | 'nothing' | undefined;

function StatusForm({ action, onDone }: { action: ActionView; onDone: (outcome: StatusOutcome) => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<Problem>();

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const status = String(form.get('status')) as ActionStatus;
    const progress = String(form.get('progress') ?? '');
    const statusReason = String(form.get('statusReason') ?? '').trim();
    const note = String(form.get('note') ?? '').trim();
    // Only what changed: the api keeps the rest (and refuses edits of a done action but a reopening).
    const body = {
      ...(status !== action.status ? { status } : {}),
      ...(progress !== '' && Number(progress) !== action.progress ? { progress: Number(progress) } : {}),
      ...(statusReason ? { statusReason } : {}),
      ...(note ? { note } : {}),
    };
    setProblem(undefined);
    if (Object.keys(body).length === 0) return onDone('nothing');
    const { error, response } = await api.PATCH('/api/v1/actions/{id}', {
      params: { path: { id: action.id }, header: { 'If-Match': `"${action.version}"` } },
      body,
    });
    if (response.status === 412) return onDone('stale');
    if (error) {
      setProblem(asProblem(error, response.status));
      return onDone(undefined);
    }
    onDone('saved');
  }

  return (
    <form className="protocol promise-form" onSubmit={(e) => void save(e)} aria-label={t('promiseAction.updateStatus')} noValidate>
      <ProblemMessage problem={problem} />
      <SelectField id="status" label={t('promiseActions.status')} defaultValue={action.status} error={fieldError(problem, 'status')}>
        {actionStatusValues.map((s) => (
          <option key={s} value={s}>
            {t(`promiseVocab.actionStatuses.${s}`)}
          </option>
        ))}
      </SelectField>
      <Textfield
        id="progress"
        name="progress"
        type="number"
        inputMode="numeric"
        min={0}
        max={100}
        label={t('promiseAction.progressField')}
        defaultValue={String(action.progress)}
        error={fieldError(problem, 'progress')}
      />
      <Textfield
        id="statusReason"
        name="statusReason"
        multiline
        rows={2}
        label={t('promiseAction.statusReason')}
        description={t('promiseAction.statusReasonHelp')}
        error={fieldError(problem, 'statusReason')}
      />
      <Textfield
        id="note"
        name="note"
        multiline
        rows={3}
        label={t('promiseAction.note')}
        description={t('promiseAction.noteHelp')}
        error={fieldError(problem, 'note')}
      />
      <div>
        <Button type="submit">{t('promiseAction.save')}</Button>
      </div>
    </form>
  );
}

function History({ events }: { events: HistoryEvent[] }) {
  const { t, i18n } = useTranslation();
  const status = (s: ActionStatus | null) => (s ? t(`promiseVocab.actionStatuses.${s}`) : '–');
  return (
    <section aria-labelledby="promise-history">
      <Heading level={2} data-size="sm" id="promise-history">
        {t('promiseAction.history')}
      </Heading>
      <TableWrap>
        <Table data-size="sm">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('promiseAction.when')}</Table.HeaderCell>
              <Table.HeaderCell>{t('promiseAction.who')}</Table.HeaderCell>
              <Table.HeaderCell>{t('promiseAction.what')}</Table.HeaderCell>
              <Table.HeaderCell>{t('promiseAction.details')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {events.map((e, i) => (
              <Table.Row key={i}>
                <Table.Cell>{dateTime(e.occurredAt, i18n.language)}</Table.Cell>
                <Table.Cell>{e.actor?.displayName ?? '–'}</Table.Cell>
                <Table.Cell>{t(`promiseVocab.events.${e.kind}`)}</Table.Cell>
                <Table.Cell>
                  {[
                    e.kind === 'status_changed' || e.kind === 'reopened' ? `${status(e.fromStatus)} → ${status(e.toStatus)}` : null,
                    e.progress !== null && e.kind !== 'created' ? `${t('promiseActions.progress')} ${e.progress} %` : null,
                    e.reason && `${t('promiseAction.statusReason')}: ${e.reason}`,
                    e.note && `${t('promiseAction.note')}: ${e.note}`,
                  ]
                    .filter(Boolean)
                    .join(' · ') || '–'}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableWrap>
    </section>
  );
}

/** Activities as a table: when, what, where and the counts recorded. */
export function ActivityTable({ activities, commitments }: { activities: ActivityView[]; commitments?: Map<string, string> }) {
  const { t, i18n } = useTranslation();
  return (
    <TableWrap>
      <Table data-size="sm" zebra>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('promiseActivities.date')}</Table.HeaderCell>
            <Table.HeaderCell>{t('promiseActivities.kind')}</Table.HeaderCell>
            {commitments && <Table.HeaderCell>{t('promiseActions.commitment')}</Table.HeaderCell>}
            <Table.HeaderCell>{t('promiseActivities.place')}</Table.HeaderCell>
            <Table.HeaderCell>{t('promiseActivities.counts')}</Table.HeaderCell>
            <Table.HeaderCell>{t('promiseActivities.note')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {activities.map((ac) => (
            <Table.Row key={ac.id}>
              <Table.Cell>
                {/* The round's or walk's report: what it found, and where new findings are recorded (issue #20). */}
                <DsLink asChild>
                  <Link to={`/promise/activities/${ac.id}`}>{date(ac.occurredOn, i18n.language)}</Link>
                </DsLink>
                {ac.startTime ? ` ${ac.startTime}` : ''}
              </Table.Cell>
              <Table.Cell>{t(`promiseVocab.kinds.${ac.kind}`)}</Table.Cell>
              {commitments && <Table.Cell>{commitments.get(ac.commitmentId) ?? '–'}</Table.Cell>}
              <Table.Cell>{ac.placeName ?? (ac.place || '–')}</Table.Cell>
              <Table.Cell>
                {Object.entries(ac.metrics)
                  .map(([name, n]) => `${t(`promiseVocab.metrics.${name}`, { defaultValue: name })}: ${n}`)
                  .join(', ') || '–'}
              </Table.Cell>
              <Table.Cell>{ac.note || '–'}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </TableWrap>
  );
}
