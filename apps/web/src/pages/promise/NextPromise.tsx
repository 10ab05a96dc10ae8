import { Alert, Button, Checkbox, Fieldset, Heading, Link as DsLink, Paragraph, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, asProblem, type Problem } from '../../api/client';
import type { components } from '../../api/schema';
import { Loading, ProblemMessage, useLoad } from '../../components/common';
import { fieldError, fieldErrorWithin } from '../../components/forms';
import { addDays, formatDate } from '../../components/time';

type PromiseView = components['schemas']['PromiseView'];

const textOf = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** The last day of the period of `years` years that starts on `start`. */
const periodEndFrom = (start: string, years: number) => addDays(`${Number(start.slice(0, 4)) + years}${start.slice(4)}`, -1);

/**
 * Extending the promise: a later end date, and the status Förlängt (the api checks the status
 * rules and the period; If-Match guards against a change made meanwhile).
 */
export function ExtendPromise({ promise, onChanged }: { promise: PromiseView; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const [problem, setProblem] = useState<Problem>();
  const [done, setDone] = useState(false);

  async function extend(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { error, response } = await api.PATCH('/api/v1/promises/{id}', {
      params: { path: { id: promise.id }, header: { 'If-Match': `"${promise.version}"` } },
      body: { periodEnd: textOf(new FormData(event.currentTarget), 'periodEnd'), status: 'extended' },
    });
    if (error) {
      setProblem(asProblem(error, response.status));
      return;
    }
    setProblem(undefined);
    setDone(true);
    onChanged();
  }

  return (
    <form className="protocol promise-form" onSubmit={(e) => void extend(e)} aria-labelledby="plan-extend" noValidate>
      <Heading level={2} data-size="sm" id="plan-extend">
        {t('promiseNext.extendTitle')}
      </Heading>
      <Paragraph data-size="sm">
        {t('promiseNext.period', { start: formatDate(promise.periodStart, i18n.language), end: formatDate(promise.periodEnd, i18n.language) })}
      </Paragraph>
      {done && !problem && (
        <Alert data-color="success" role="status">
          {t('promiseNext.extended', { end: formatDate(promise.periodEnd, i18n.language) })}
        </Alert>
      )}
      <ProblemMessage problem={problem} />
      <Textfield
        id="extend-periodEnd"
        name="periodEnd"
        type="date"
        label={t('promiseNext.newEnd')}
        defaultValue={periodEndFrom(addDays(promise.periodEnd, 1), 1)}
        error={fieldError(problem, 'periodEnd') ?? fieldError(problem, 'status')}
      />
      <div>
        <Button type="submit" variant="secondary">
          {t('promiseNext.extend')}
        </Button>
      </div>
    </form>
  );
}

/**
 * Starting the next promise from this one (POST …/successor): a draft with the same problem areas
 * and commitments, and the open actions chosen here carried over — each continues as a new action
 * of the next promise, the old one stays as its period left it.
 */
export function NextPromise({ promise }: { promise: PromiseView }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const open = useLoad(() => api.GET('/api/v1/actions', { params: { query: { promiseId: promise.id, open: true, limit: 200 } } }), [promise.id]);
  const carriable = (open.data?.items ?? []).filter((a) => !a.carriedToId);
  const [problem, setProblem] = useState<Problem>();
  const start = addDays(promise.periodEnd, 1);

  if (promise.successorId) {
    return (
      <Paragraph>
        {t('promiseNext.started')}{' '}
        <DsLink asChild>
          <Link to={`/promise/plan?promise=${promise.successorId}`}>{t('promiseNext.openNext')}</Link>
        </DsLink>
      </Paragraph>
    );
  }

  async function startNext(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const { data, error, response } = await api.POST('/api/v1/promises/{id}/successor', {
      params: { path: { id: promise.id } },
      body: {
        title: textOf(form, 'title'),
        ...(textOf(form, 'summary') ? { summary: textOf(form, 'summary') } : {}),
        periodStart: textOf(form, 'periodStart'),
        periodEnd: textOf(form, 'periodEnd'),
        carryActionIds: form.getAll('carryActionIds').map(String),
      },
    });
    if (error || !data) {
      setProblem(asProblem(error, response.status));
      return;
    }
    void navigate(`/promise/plan?promise=${data.id}`);
  }

  return (
    <form className="protocol promise-form" onSubmit={(e) => void startNext(e)} aria-labelledby="plan-next" noValidate>
      <Heading level={2} data-size="sm" id="plan-next">
        {t('promiseNext.title')}
      </Heading>
      <Paragraph data-size="sm">{t('promiseNext.intro')}</Paragraph>
      <ProblemMessage problem={problem} />
      <Textfield id="next-title" name="title" label={t('promiseNext.name')} error={fieldError(problem, 'title')} />
      <Textfield
        id="next-periodStart"
        name="periodStart"
        type="date"
        label={t('promiseNext.start')}
        defaultValue={start}
        error={fieldError(problem, 'periodStart')}
      />
      <Textfield
        id="next-periodEnd"
        name="periodEnd"
        type="date"
        label={t('promiseNext.end')}
        defaultValue={periodEndFrom(start, 3)}
        error={fieldError(problem, 'periodEnd')}
      />
      <Textfield id="next-summary" name="summary" multiline rows={2} label={t('promiseNext.summary')} error={fieldError(problem, 'summary')} />
      {open.loading ? (
        <Loading />
      ) : (
        <Fieldset>
          <Fieldset.Legend>{t('promiseNext.carry')}</Fieldset.Legend>
          <Fieldset.Description>{carriable.length ? t('promiseNext.carryHelp') : t('promiseNext.nothingOpen')}</Fieldset.Description>
          <ProblemMessage problem={open.problem} />
          {carriable.map((a) => (
            <Checkbox
              key={a.id}
              name="carryActionIds"
              value={a.id}
              defaultChecked
              label={t('promiseNext.carryAction', { title: a.title, due: formatDate(a.dueDate, i18n.language) })}
            />
          ))}
          {fieldErrorWithin(problem, 'carryActionIds') && <ValidationMessage>{fieldErrorWithin(problem, 'carryActionIds')}</ValidationMessage>}
        </Fieldset>
      )}
      <div>
        <Button type="submit">{t('promiseNext.submit')}</Button>
      </div>
    </form>
  );
}
