import { Button, Field, Fieldset, Heading, Label, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asProblem, type Problem } from '../../api/client';
import { ProblemMessage } from '../../components/common';
import type { components } from '../../api/schema';
import { type SubstanceOption } from './shared';
import { fieldError } from '../../components/forms';
import { useEnumLabel } from '../../components/labels';

type Substance = components['schemas']['Substance'];
type SeizureUnit = components['schemas']['SeizureUnit'];

/** A seizure being edited: the quantity as typed (the api judges it). */
interface SeizureRow {
  substance: Substance;
  quantity: string;
  unit: SeizureUnit;
}
type CountField = 'arrests' | 'reportsFiled' | 'personsChecked' | 'placesChecked';
const COUNT_FIELDS: CountField[] = ['arrests', 'reportsFiled', 'personsChecked', 'placesChecked'];

/**
 * The participants record the outcome while the operation runs or just ended: counts, seizures
 * (substance, quantity, one of the substance's units) and after-action notes that stay with the police.
 */
export function OutcomeEditor(props: {
  operationId: string;
  /** The operation's version the form was filled from: the outcome is replaced whole, with If-Match. */
  version: number;
  outcome: components['schemas']['OutcomeView'] | null;
  substances: SubstanceOption[];
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const { substances } = props;
  const [rows, setRows] = useState<SeizureRow[]>(
    () => props.outcome?.seizures.map((s) => ({ substance: s.substance, quantity: String(s.quantity), unit: s.unit })) ?? [],
  );
  const [problem, setProblem] = useState<Problem>();
  const unitsOf = (substance: Substance): readonly SeizureUnit[] => substances.find((s) => s.key === substance)?.units ?? [];

  function setRow(index: number, change: Partial<SeizureRow>) {
    setRows(
      rows.map((r, i) => {
        if (i !== index) return r;
        const next = { ...r, ...change };
        // A new substance keeps the unit only if the substance is counted in it.
        if (change.substance !== undefined && !unitsOf(next.substance).includes(next.unit)) next.unit = unitsOf(next.substance)[0] ?? next.unit;
        return next;
      }),
    );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const count = (name: CountField) => (String(form.get(name) ?? '').trim() === '' ? Number.NaN : Number(form.get(name)));
    const { error, response } = await api.PUT('/api/v1/operations/{id}/outcome', {
      params: { path: { id: props.operationId }, header: { 'If-Match': `"${props.version}"` } },
      body: {
        seizures: rows.map((r) => ({ substance: r.substance, quantity: Number(r.quantity.replace(',', '.')), unit: r.unit })),
        arrests: count('arrests'),
        reportsFiled: count('reportsFiled'),
        personsChecked: count('personsChecked'),
        placesChecked: count('placesChecked'),
        notes: String(form.get('notes') ?? ''),
      },
    });
    setProblem(error ? asProblem(error, response.status) : undefined);
    if (!error) props.onSaved();
  }

  return (
    <form className="protocol" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="outcome-form-heading">
      <Heading level={3} data-size="xs" id="outcome-form-heading">
        {props.outcome ? t('operationsOutcome.edit') : t('operationsOutcome.record')}
      </Heading>
      <ProblemMessage problem={problem} />
      <div className="operations-counts">
        {COUNT_FIELDS.map((name) => (
          <Textfield
            key={name}
            id={name}
            name={name}
            type="number"
            min={0}
            step={1}
            inputMode="numeric"
            label={t(`operationsOutcome.${name}`)}
            defaultValue={props.outcome ? String(props.outcome[name]) : '0'}
            error={fieldError(problem, name)}
          />
        ))}
      </div>
      <Fieldset id="seizures">
        <Fieldset.Legend>{t('operationsOutcome.seizures')}</Fieldset.Legend>
        <Fieldset.Description>{t('operationsOutcome.seizuresHelp')}</Fieldset.Description>
        {rows.map((r, i) => (
          <Fieldset key={i} className="operations-seizure">
            <Fieldset.Legend>{t('operationsOutcome.seizure', { n: i + 1 })}</Fieldset.Legend>
            <div className="row">
              <Field>
                <Label htmlFor={`seizures[${i}].substance`}>{t('operationsOutcome.substance')}</Label>
                <Select id={`seizures[${i}].substance`} value={r.substance} onChange={(e) => setRow(i, { substance: e.target.value as Substance })}>
                  {substances.map((s) => (
                    <Select.Option key={s.key} value={s.key}>
                      {label('Substance', s.key)}
                    </Select.Option>
                  ))}
                </Select>
                {fieldError(problem, `seizures[${i}].substance`) && <ValidationMessage>{fieldError(problem, `seizures[${i}].substance`)}</ValidationMessage>}
              </Field>
              <Textfield
                id={`seizures[${i}].quantity`}
                label={t('operationsOutcome.quantity')}
                inputMode="decimal"
                value={r.quantity}
                onChange={(e) => setRow(i, { quantity: e.target.value })}
                error={fieldError(problem, `seizures[${i}].quantity`)}
              />
              <Field>
                <Label htmlFor={`seizures[${i}].unit`}>{t('operationsOutcome.unit')}</Label>
                <Select id={`seizures[${i}].unit`} value={r.unit} onChange={(e) => setRow(i, { unit: e.target.value as SeizureUnit })}>
                  {unitsOf(r.substance).map((u) => (
                    <Select.Option key={u} value={u}>
                      {t(`operationsUnits.${u}`)}
                    </Select.Option>
                  ))}
                </Select>
                {fieldError(problem, `seizures[${i}].unit`) && <ValidationMessage>{fieldError(problem, `seizures[${i}].unit`)}</ValidationMessage>}
              </Field>
              <Button type="button" variant="tertiary" data-size="sm" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                {t('operationsOutcome.removeSeizure', { n: i + 1 })}
              </Button>
            </div>
          </Fieldset>
        ))}
        <div>
          <Button
            type="button"
            variant="secondary"
            data-size="sm"
            disabled={substances.length === 0}
            onClick={() => setRows([...rows, { substance: substances[0].key, quantity: '', unit: substances[0].units[0] }])}
          >
            {t('operationsOutcome.addSeizure')}
          </Button>
        </div>
      </Fieldset>
      <Textfield
        id="notes"
        name="notes"
        label={t('operationsOutcome.notes')}
        description={t('operationsOutcome.notesHelp')}
        multiline
        rows={3}
        defaultValue={props.outcome?.notes ?? ''}
        error={fieldError(problem, 'notes')}
      />
      <div>
        <Button type="submit">{t('operationsOutcome.save')}</Button>
      </div>
    </form>
  );
}
