import { Button, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, asProblem, type Problem } from '../../api/client';
import type { components } from '../../api/schema';
import { Loading, ProblemMessage, useLoad } from '../../components/common';
import { ConfirmDialog, fieldError, SelectField } from '../../components/forms';

type ActionView = components['schemas']['ActionView'];

/** What a change of the plan came to: saved, or someone else changed the action meanwhile (412). */
export type PlanOutcome = 'saved' | 'stale';

/**
 * Hands the action to another person of its organisation (PUT …/responsible, If-Match): the people
 * the reader leads, from the work queue's staff list. A manager may do this without reporting
 * rights (promise_action:reassign); the api checks the person belongs to the organisation.
 */
export function ReassignForm({ action, onDone }: { action: ActionView; onDone: (outcome: PlanOutcome) => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<Problem>();
  const staff = useLoad(() => api.GET('/api/v1/work-queue/staff'), []);
  const people = (staff.data ?? []).filter((s) => s.organisationId === action.responsibleOrganisation.id);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const note = String(form.get('note') ?? '').trim();
    const { error, response } = await api.PUT('/api/v1/actions/{id}/responsible', {
      params: { path: { id: action.id }, header: { 'If-Match': `"${action.version}"` } },
      body: { responsibleUserId: String(form.get('responsibleUserId') ?? ''), ...(note ? { note } : {}) },
    });
    if (response.status === 412) return onDone('stale');
    if (error) return setProblem(asProblem(error, response.status));
    onDone('saved');
  }

  // The select proposes the present owner, and a default is read once: drawn when the staff is here.
  if (staff.loading) return <Loading />;
  return (
    <form className="protocol promise-form" onSubmit={(e) => void save(e)} aria-label={t('promiseActionPlan.reassign')} noValidate>
      <ProblemMessage problem={problem ?? staff.problem} />
      <SelectField
        id="responsibleUserId"
        label={t('promiseActionPlan.newOwner')}
        defaultValue={action.responsibleUser?.id ?? ''}
        error={fieldError(problem, 'responsibleUserId')}
      >
        <option value="">{t('promisePlan.choose')}</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {`${p.displayName} (${p.unitNames.join(', ')})`}
          </option>
        ))}
      </SelectField>
      <Textfield id="note" name="note" multiline rows={2} label={t('promiseActionPlan.why')} error={fieldError(problem, 'note')} />
      <div>
        <Button type="submit">{t('promiseActionPlan.reassign')}</Button>
      </div>
    </form>
  );
}

/** The action's plan: title, dates and weight (PATCH with If-Match; only what changed is sent). */
export function PlanForm({ action, onDone }: { action: ActionView; onDone: (outcome: PlanOutcome) => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<Problem>();

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const weight = Number(text('weight').replace(',', '.'));
    const body = {
      ...(text('title') !== action.title ? { title: text('title') } : {}),
      ...(text('startDate') && text('startDate') !== action.startDate ? { startDate: text('startDate') } : {}),
      ...(text('dueDate') !== action.dueDate ? { dueDate: text('dueDate') } : {}),
      ...(text('weight') !== '' && weight !== action.weight ? { weight } : {}),
    };
    if (Object.keys(body).length === 0) return onDone('saved');
    const { error, response } = await api.PATCH('/api/v1/actions/{id}', {
      params: { path: { id: action.id }, header: { 'If-Match': `"${action.version}"` } },
      body,
    });
    if (response.status === 412) return onDone('stale');
    if (error) return setProblem(asProblem(error, response.status));
    onDone('saved');
  }

  return (
    <form className="protocol promise-form" onSubmit={(e) => void save(e)} aria-label={t('promiseActionPlan.edit')} noValidate>
      <ProblemMessage problem={problem} />
      <Textfield id="title" name="title" label={t('promisePlan.actionTitle')} defaultValue={action.title} error={fieldError(problem, 'title')} />
      <Textfield
        id="startDate"
        name="startDate"
        type="date"
        label={t('promisePlan.startDate')}
        defaultValue={action.startDate ?? ''}
        error={fieldError(problem, 'startDate')}
      />
      <Textfield
        id="dueDate"
        name="dueDate"
        type="date"
        label={t('promisePlan.dueDate')}
        defaultValue={action.dueDate}
        error={fieldError(problem, 'dueDate')}
      />
      <Textfield
        id="weight"
        name="weight"
        inputMode="decimal"
        label={t('promisePlan.weight')}
        defaultValue={String(action.weight)}
        error={fieldError(problem, 'weight')}
      />
      <div>
        <Button type="submit">{t('promisePlan.save')}</Button>
      </div>
    </form>
  );
}

/** Deletes an action planned by mistake (its deadline is cancelled); one that was carried out is cancelled instead, with a reason. */
export function DeleteAction({ action }: { action: ActionView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <Button variant="secondary" data-color="danger" onClick={() => dialog.current?.showModal()}>
        {t('promiseActionPlan.delete')}
      </Button>
      <ConfirmDialog
        dialog={dialog}
        title={t('promiseActionPlan.deleteTitle')}
        text={t('promiseActionPlan.deleteText', { title: action.title })}
        confirmLabel={t('promiseActionPlan.delete')}
        danger
        onConfirm={async () => {
          const { error, response } = await api.DELETE('/api/v1/actions/{id}', { params: { path: { id: action.id } } });
          if (error || !response.ok) return asProblem(error, response.status);
          void navigate('/promise/actions');
          return undefined;
        }}
      />
    </>
  );
}
