import { Alert, Button, Card, Fieldset, Heading, Link as DsLink, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, asProblem, type Problem } from '../../api/client';
import { activityKindValues, type components, promisePartyValues, targetPeriodValues } from '../../api/schema';
import { EmptyState, Loading, PageTitle, ProblemMessage, useLoad } from '../../components/common';
import { fieldError, SelectField } from '../../components/forms';
import { useSession } from '../../session';
import { ExtendPromise, NextPromise } from './NextPromise';
import { BackLink, promisePath, useCurrentPromise } from './shared';

type PromiseView = components['schemas']['PromiseView'];
type CommitmentView = components['schemas']['CommitmentView'];
type PromiseParty = components['schemas']['PromiseParty'];
type TargetPeriod = components['schemas']['TargetPeriod'];
type CreateCommitment = components['schemas']['CreateCommitmentRequest'];
type PromiseStatus = components['schemas']['PromiseStatus'];
type ActivityKind = components['schemas']['ActivityKind'];

/** The statuses from which a promise may be extended (PROMISE_TRANSITIONS in libs/promises promise-rules.ts). */
const EXTENDABLE: readonly PromiseStatus[] = ['active', 'evaluated', 'extended'];

/** A form's text value, trimmed; empty when the field was left blank. */
const textOf = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/**
 * Issue #20: the promise planned in the screens rather than through the api — its commitments
 * (party, text, target with its period) and new actions with an owner from the staff, dates and a
 * weight. Offered to whoever holds promise:manage; the api decides each request (party rules,
 * owners of the collaboration) and its refusals appear at the fields, whose ids are the api's names.
 */
export function PlanPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { promise, chosen, loading, problem, reload } = useCurrentPromise();
  const commitments = useLoad(
    promise ? () => api.GET('/api/v1/promises/{id}/commitments', { params: { path: { id: promise.id }, query: { limit: 200 } } }) : null,
    [promise?.id],
  );
  const [editing, setEditing] = useState<string | null>(null);

  // A reload (after the promise is extended) keeps the page and its notices on screen.
  if (loading && !promise) return <Loading />;
  return (
    <>
      <BackLink to={promisePath('/promise', chosen)}>{promise?.title ?? t('promise.title')}</BackLink>
      <PageTitle>{t('promisePlan.title')}</PageTitle>
      <ProblemMessage problem={problem} />
      {!can('promise:manage') && <Paragraph>{t('promisePlan.notAllowed')}</Paragraph>}
      {promise && can('promise:manage') && (
        <>
          <section aria-labelledby="plan-action" className="promise-plan-section">
            <Heading level={2} data-size="sm" id="plan-action">
              {t('promisePlan.newAction')}
            </Heading>
            <ActionForm promise={promise} commitments={commitments.data?.items ?? []} chosen={chosen} />
          </section>
          <section aria-labelledby="plan-commitments" className="promise-plan-section">
            <Heading level={2} data-size="sm" id="plan-commitments">
              {t('promisePlan.commitments')}
            </Heading>
            <ProblemMessage problem={commitments.problem} />
            {commitments.data?.items.length === 0 && <EmptyState>{t('promisePlan.noCommitments')}</EmptyState>}
            {commitments.data?.items.map((c) => (
              <Card key={c.id} className="promise-form">
                <div className="row">
                  <Tag data-color="neutral">{t(`promiseVocab.parties.${c.party}`)}</Tag>
                  <Tag data-color="neutral">{c.problemAreaTitle}</Tag>
                </div>
                <Paragraph>{c.text}</Paragraph>
                {c.target && (
                  <Paragraph data-size="sm">
                    {t('promisePlan.targetSummary', { value: c.target.value, unit: c.target.unit, period: t(`promisePlan.periods.${c.target.period}`) })}
                  </Paragraph>
                )}
                {editing === c.id ? (
                  <CommitmentForm
                    key={c.version}
                    promise={promise}
                    commitment={c}
                    onSaved={() => {
                      setEditing(null);
                      commitments.reload();
                    }}
                    onCancel={() => setEditing(null)}
                  />
                ) : (
                  <div>
                    <Button variant="secondary" aria-label={t('promisePlan.editOf', { text: c.text })} onClick={() => setEditing(c.id)}>
                      {t('promisePlan.edit')}
                    </Button>
                  </div>
                )}
              </Card>
            ))}
            <Heading level={3} data-size="xs">
              {t('promisePlan.newCommitment')}
            </Heading>
            <CommitmentForm promise={promise} onSaved={commitments.reload} />
          </section>
          {/* The period's end: extended while in force; the next promise starts from one that is not a draft. */}
          {EXTENDABLE.includes(promise.status) && (
            <section className="promise-plan-section">
              <ExtendPromise key={promise.id} promise={promise} onChanged={reload} />
            </section>
          )}
          {promise.status !== 'draft' && (
            <section className="promise-plan-section">
              <NextPromise key={promise.periodEnd} promise={promise} />
            </section>
          )}
        </>
      )}
    </>
  );
}

/**
 * A new commitment, or changes to one (If-Match with the version read: a 412 says someone else
 * changed it meanwhile). A target needs value, unit and period together; left empty, progress is
 * measured by the actions.
 */
function CommitmentForm({
  promise,
  commitment,
  onSaved,
  onCancel,
}: {
  promise: PromiseView;
  commitment?: CommitmentView;
  onSaved: () => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<Problem>();
  const [saved, setSaved] = useState(0);
  const prefix = commitment ? `commitment-${commitment.id}-` : 'new-commitment-';

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = textOf(form, 'target.value');
    const unit = textOf(form, 'target.unit');
    const target =
      value || unit
        ? {
            value: Number(value.replace(',', '.')),
            unit,
            period: textOf(form, 'target.period') as TargetPeriod,
            ...(textOf(form, 'target.metric') ? { metric: textOf(form, 'target.metric') } : {}),
          }
        : undefined;
    const weight = textOf(form, 'weight');
    const common = {
      problemAreaId: textOf(form, 'problemAreaId'),
      text: textOf(form, 'text'),
      ...(weight ? { weight: Number(weight.replace(',', '.')) } : {}),
      // Empty: no kind (which, on a change, removes the one it had).
      activityKind: (textOf(form, 'activityKind') || null) as ActivityKind | null,
    };
    const { error, response } = commitment
      ? await api.PATCH('/api/v1/promises/{id}/commitments/{commitmentId}', {
          params: { path: { id: promise.id, commitmentId: commitment.id }, header: { 'If-Match': `"${commitment.version}"` } },
          body: { ...common, target: target ?? null },
        })
      : await api.POST('/api/v1/promises/{id}/commitments', {
          params: { path: { id: promise.id } },
          body: { ...common, party: textOf(form, 'party') as PromiseParty, ...(target ? { target } : {}) } as CreateCommitment,
        });
    if (error) {
      setProblem(asProblem(error, response.status));
      return;
    }
    setProblem(undefined);
    setSaved((n) => n + 1);
    onSaved();
  }

  // Ids are the api's field names, prefixed per form so that several forms can share the page; the
  // error summary links by the api's name, so each field also carries it as `name`.
  const id = (field: string) => `${prefix}${field}`;
  const error = (field: string, label?: string) => fieldError(problem, field, label);
  return (
    <>
      {!commitment && saved > 0 && !problem && (
        <Alert data-color="success" role="status">
          {t('promisePlan.commitmentSaved')}
        </Alert>
      )}
      <form
        key={saved}
        className="protocol promise-form"
        onSubmit={(e) => void save(e)}
        aria-label={commitment ? t('promisePlan.editCommitment') : t('promisePlan.newCommitment')}
        noValidate
      >
        <ProblemMessage problem={problem} />
        <SelectField
          id={id('problemAreaId')}
          name="problemAreaId"
          label={t('promisePlan.problemArea')}
          defaultValue={commitment?.problemAreaId ?? ''}
          error={error('problemAreaId')}
        >
          <option value="">{t('promisePlan.choose')}</option>
          {promise.problemAreas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title}
            </option>
          ))}
        </SelectField>
        {!commitment && (
          <SelectField id={id('party')} name="party" label={t('promisePlan.party')} defaultValue="" error={error('party')}>
            <option value="">{t('promisePlan.choose')}</option>
            {promisePartyValues.map((p) => (
              <option key={p} value={p}>
                {t(`promiseVocab.parties.${p}`)}
              </option>
            ))}
          </SelectField>
        )}
        <Textfield id={id('text')} name="text" multiline rows={2} label={t('promisePlan.text')} defaultValue={commitment?.text ?? ''} error={error('text')} />
        <Fieldset>
          <Fieldset.Legend>{t('promisePlan.target')}</Fieldset.Legend>
          <Fieldset.Description>{t('promisePlan.targetHelp')}</Fieldset.Description>
          <Textfield
            id={id('target.value')}
            name="target.value"
            inputMode="decimal"
            label={t('promisePlan.targetValue')}
            defaultValue={commitment?.target ? String(commitment.target.value) : ''}
            error={error('target.value') ?? error('target')}
          />
          <Textfield
            id={id('target.unit')}
            name="target.unit"
            label={t('promisePlan.targetUnit')}
            defaultValue={commitment?.target?.unit ?? ''}
            error={error('target.unit')}
          />
          <SelectField
            id={id('target.period')}
            name="target.period"
            label={t('promisePlan.targetPeriod')}
            defaultValue={commitment?.target?.period ?? 'year'}
            error={error('target.period')}
          >
            {targetPeriodValues.map((p) => (
              <option key={p} value={p}>
                {t(`promisePlan.periods.${p}`)}
              </option>
            ))}
          </SelectField>
          <Textfield
            id={id('target.metric')}
            name="target.metric"
            label={t('promisePlan.targetMetric')}
            description={t('promisePlan.targetMetricHelp')}
            defaultValue={commitment?.target?.metric ?? ''}
            error={error('target.metric')}
          />
        </Fieldset>
        <Textfield
          id={id('weight')}
          name="weight"
          inputMode="decimal"
          label={t('promisePlan.weight')}
          defaultValue={commitment ? String(commitment.weight) : ''}
          error={error('weight')}
        />
        <SelectField
          id={id('activityKind')}
          name="activityKind"
          label={t('promisePlan.activityKind')}
          description={t('promisePlan.activityKindHelp')}
          defaultValue={commitment?.activityKind ?? ''}
          error={error('activityKind')}
        >
          <option value="">{t('promisePlan.noActivityKind')}</option>
          {activityKindValues.map((k) => (
            <option key={k} value={k}>
              {t(`promiseVocab.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <div className="row">
          <Button type="submit">{commitment ? t('promisePlan.save') : t('promisePlan.addCommitment')}</Button>
          {onCancel && (
            <Button variant="secondary" onClick={onCancel}>
              {t('app.cancel')}
            </Button>
          )}
        </div>
      </form>
    </>
  );
}

/**
 * A new action under a commitment: title, the owning party's organisation and a person from its
 * staff (the work queue's list of the people the planner leads), start and due dates, weight.
 */
function ActionForm({ promise, commitments, chosen }: { promise: PromiseView; commitments: CommitmentView[]; chosen: string | null }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const collaboration = me?.collaborations.find((c) => c.id === promise.collaborationId);
  const organisations = collaboration ? [collaboration.municipality, collaboration.police] : [];
  const ownOrganisation = me?.memberships.find((m) => organisations.some((o) => o.id === m.organisation.id))?.organisation.id ?? '';
  const [organisationId, setOrganisationId] = useState(ownOrganisation);
  const staff = useLoad(() => api.GET('/api/v1/work-queue/staff'), []);
  const people = (staff.data ?? []).filter((s) => s.organisationId === organisationId);
  const [problem, setProblem] = useState<Problem>();
  const [created, setCreated] = useState<{ id: string; title: string }[]>([]);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const weight = textOf(form, 'weight');
    const { data, error, response } = await api.POST('/api/v1/actions', {
      body: {
        commitmentId: textOf(form, 'commitmentId'),
        title: textOf(form, 'title'),
        ...(textOf(form, 'description') ? { description: textOf(form, 'description') } : {}),
        responsibleOrganisationId: organisationId,
        ...(textOf(form, 'responsibleUserId') ? { responsibleUserId: textOf(form, 'responsibleUserId') } : {}),
        ...(textOf(form, 'startDate') ? { startDate: textOf(form, 'startDate') } : {}),
        dueDate: textOf(form, 'dueDate'),
        // The api's default, said here because the generated type asks for it.
        weight: weight ? Number(weight.replace(',', '.')) : 1,
      },
    });
    if (error || !data) {
      setProblem(asProblem(error, response.status));
      return;
    }
    setProblem(undefined);
    setCreated((list) => [{ id: data.id, title: data.title }, ...list]);
  }

  return (
    <>
      {created.length > 0 && !problem && (
        <Alert data-color="success" role="status">
          {t('promisePlan.actionCreated', { title: created[0].title })}{' '}
          <DsLink asChild>
            <Link to={`/promise/actions/${created[0].id}`}>{t('promisePlan.openAction')}</Link>
          </DsLink>{' '}
          <DsLink asChild>
            <Link to={promisePath('/promise/actions', chosen)}>{t('promise.actionsLink')}</Link>
          </DsLink>
        </Alert>
      )}
      {/* A fresh form after each action: the next one of the year is planned from blank fields. */}
      <form key={created.length} className="protocol promise-form" onSubmit={(e) => void create(e)} aria-label={t('promisePlan.newAction')} noValidate>
        <ProblemMessage problem={problem} />
        <SelectField id="commitmentId" label={t('promisePlan.commitment')} defaultValue="" error={fieldError(problem, 'commitmentId')}>
          <option value="">{t('promisePlan.choose')}</option>
          {commitments.map((c) => (
            <option key={c.id} value={c.id}>
              {`${t(`promiseVocab.parties.${c.party}`)}: ${c.text}`}
            </option>
          ))}
        </SelectField>
        <Textfield id="title" name="title" label={t('promisePlan.actionTitle')} error={fieldError(problem, 'title')} />
        <Textfield id="description" name="description" multiline rows={2} label={t('promisePlan.description')} error={fieldError(problem, 'description')} />
        <SelectField
          id="responsibleOrganisationId"
          label={t('promisePlan.organisation')}
          value={organisationId}
          onChange={(e) => setOrganisationId(e.target.value)}
          error={fieldError(problem, 'responsibleOrganisationId')}
        >
          <option value="">{t('promisePlan.choose')}</option>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="responsibleUserId"
          label={t('promisePlan.owner')}
          description={t('promisePlan.ownerHelp')}
          defaultValue=""
          error={fieldError(problem, 'responsibleUserId')}
        >
          <option value="">{t('promisePlan.noOwner')}</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {`${p.displayName} (${p.unitNames.join(', ')})`}
            </option>
          ))}
        </SelectField>
        <Textfield id="startDate" name="startDate" type="date" label={t('promisePlan.startDate')} error={fieldError(problem, 'startDate')} />
        <Textfield id="dueDate" name="dueDate" type="date" label={t('promisePlan.dueDate')} error={fieldError(problem, 'dueDate')} />
        <Textfield
          id="weight"
          name="weight"
          inputMode="decimal"
          label={t('promisePlan.weight')}
          description={t('promisePlan.weightHelp')}
          error={fieldError(problem, 'weight')}
        />
        <div>
          <Button type="submit">{t('promisePlan.addAction')}</Button>
        </div>
      </form>
    </>
  );
}
