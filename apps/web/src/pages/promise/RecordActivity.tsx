import { Alert, Button, Fieldset, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asProblem, type Problem } from '../../api/client';
import { activityKindValues, type components } from '../../api/schema';
import { ProblemMessage } from '../../components/common';
import { KIND_METRICS } from './shared';
import { todayInStockholm } from '../../components/time';
import { fieldError, SelectField } from '../../components/forms';

type ActivityKind = components['schemas']['ActivityKind'];
type CommitmentView = components['schemas']['CommitmentView'];

/**
 * Records what was done under a commitment (and an action): kind, date, place, counts and a note.
 * The api checks everything; its messages appear next to the fields (ids are the api's field names,
 * counts `metrics.<name>`).
 */
export function RecordActivity({ commitment, actionId, onRecorded }: { commitment: CommitmentView; actionId?: string; onRecorded: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ActivityKind | ''>('');
  const [problem, setProblem] = useState<Problem>();
  const [recorded, setRecorded] = useState(0);
  // The counts the kind usually has, and the one the commitment's target sums (if any).
  const metrics = [...new Set([...(kind ? KIND_METRICS[kind] : []), ...(commitment.target?.metric ? [commitment.target.metric] : [])])];

  async function record(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const counts = Object.fromEntries(metrics.filter((m) => text(`metrics.${m}`) !== '').map((m) => [m, Number(text(`metrics.${m}`))]));
    const { error, response } = await api.POST('/api/v1/activities', {
      body: {
        commitmentId: commitment.id,
        ...(actionId ? { actionId } : {}),
        kind: kind as ActivityKind,
        occurredOn: text('occurredOn'),
        ...(text('place') ? { place: text('place') } : {}),
        ...(Object.keys(counts).length ? { metrics: counts } : {}),
        ...(text('note') ? { note: text('note') } : {}),
      },
    });
    if (error) {
      setProblem(asProblem(error, response.status));
      return;
    }
    setProblem(undefined);
    setKind('');
    setRecorded((n) => n + 1);
    onRecorded();
  }

  return (
    <>
      {recorded > 0 && !problem && (
        <Alert data-color="success" role="status">
          {t('promiseActivities.recorded')}
        </Alert>
      )}
      {/* A fresh form after each recorded activity. */}
      <form key={recorded} className="protocol promise-form" onSubmit={(e) => void record(e)} aria-label={t('promiseAction.recordActivity')} noValidate>
        <ProblemMessage problem={problem} />
        <SelectField
          id="kind"
          label={t('promiseActivities.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as ActivityKind | '')}
          error={fieldError(problem, 'kind')}
        >
          <option value="">{t('promiseActivities.chooseKind')}</option>
          {activityKindValues.map((k) => (
            <option key={k} value={k}>
              {t(`promiseVocab.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <Textfield
          id="occurredOn"
          name="occurredOn"
          type="date"
          label={t('promiseActivities.date')}
          defaultValue={todayInStockholm()}
          error={fieldError(problem, 'occurredOn')}
        />
        <Textfield id="place" name="place" label={t('promiseActivities.place')} error={fieldError(problem, 'place')} />
        {metrics.length > 0 && (
          <Fieldset>
            <Fieldset.Legend>{t('promiseActivities.counts')}</Fieldset.Legend>
            {metrics.map((m) => (
              <Textfield
                key={m}
                id={`metrics.${m}`}
                name={`metrics.${m}`}
                type="number"
                inputMode="numeric"
                min={0}
                label={t(`promiseVocab.metrics.${m}`, { defaultValue: m })}
                error={fieldError(problem, `metrics.${m}`)}
              />
            ))}
          </Fieldset>
        )}
        <Textfield id="note" name="note" multiline rows={3} label={t('promiseActivities.note')} error={fieldError(problem, 'note')} />
        <div>
          <Button type="submit">{t('promiseActivities.record')}</Button>
        </div>
      </form>
    </>
  );
}
