import { Button, Checkbox, Details, Fieldset, Heading, List, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { type components, youthDisclosureGroundValues } from '../../api/schema';
import { dateTime, EmptyState, ProblemMessage, useLoad } from '../../components/common';
import { CheckboxGroup, checked, FormStatus, RadioGroup, useApiForm, useCategoryOptions, useOtherOrganisations, type Category } from './forms';
import { SelectField } from '../../components/forms';

type Ground = components['schemas']['YouthDisclosureGround'];
type Criterion = keyof components['schemas']['OslCriteriaInput'];

/** Grounds social services record here; a report of concern is recorded when the police file it. */
const GROUNDS = youthDisclosureGroundValues.filter((g) => g !== 'sol_14_1_report_of_concern');
/** What OSL 10 kap 18 a § requires the decision-maker to attest (the api's OslCriteriaInput). */
const OSL_CRITERIA: Criterion[] = ['riskOfCriminality', 'helpsPrevent', 'noConflictWithMeasures'];

/** Every disclosure of the case with its legal ground; recording one for those who may disclose. */
export function Disclosures({ caseId, ownerOrganisationId, open }: { caseId: string; ownerOrganisationId: string; open: boolean }) {
  const { t, i18n } = useTranslation();
  const list = useLoad(() => api.GET('/api/v1/youth-cases/{id}/disclosures', { params: { path: { id: caseId } } }), [caseId]);
  return (
    <section id="case-disclosures">
      <Heading level={2} data-size="sm">
        {t('disclosures.title')}
      </Heading>
      <ProblemMessage problem={list.problem} />
      {list.data?.length === 0 && <EmptyState>{t('disclosures.empty')}</EmptyState>}
      <List.Unordered>
        {list.data?.map((d) => (
          <List.Item key={d.id}>
            <div className="youth-item">
              <strong>
                {dateTime(d.decidedAt, i18n.language)} — {t(`disclosures.grounds.${d.ground}`)}
              </strong>
              <Paragraph data-size="sm">
                {d.fromOrganisation} → {d.toOrganisation}: {d.categories.map((c) => t(`youth.categories.${c}`)).join(', ')}
                {d.accessUntil && `, ${t('disclosures.accessUntil', { date: dateTime(d.accessUntil, i18n.language) })}`} —{' '}
                {t('disclosures.decidedBy', { name: d.decidedByName })}
              </Paragraph>
              <Paragraph data-size="sm">{d.justification}</Paragraph>
            </div>
          </List.Item>
        ))}
      </List.Unordered>
      {open && <DisclosureForm caseId={caseId} ownerOrganisationId={ownerOrganisationId} onRecorded={list.reload} />}
    </section>
  );
}

/**
 * A disclosure on its legal ground. The form asks for what the chosen ground requires: under
 * OSL 10 kap 18 a § the three conditions, each attested; the api refuses without them.
 */
function DisclosureForm({ caseId, ownerOrganisationId, onRecorded }: { caseId: string; ownerOrganisationId: string; onRecorded: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm('disclosure');
  const organisations = useOtherOrganisations(ownerOrganisationId);
  const categories = useCategoryOptions();
  const [ground, setGround] = useState<Ground>();

  async function record(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const data = new FormData(element);
    const days = String(data.get('accessDays') ?? '').trim();
    await form.send(
      () =>
        api.POST('/api/v1/youth-cases/{id}/disclosures', {
          params: { path: { id: caseId } },
          body: {
            ground: ground!,
            toOrganisationId: String(data.get('toOrganisationId') ?? ''),
            categories: checked<Category>(data, 'categories'),
            justification: String(data.get('justification') ?? ''),
            ...(ground === 'osl_10_18a' ? { criteria: Object.fromEntries(OSL_CRITERIA.map((c) => [c, data.has(c)])) as Record<Criterion, boolean> } : {}),
            ...(days ? { accessDays: Number(days) } : {}),
          },
        }),
      () => {
        element.reset();
        setGround(undefined);
        onRecorded();
      },
    );
  }

  return (
    <Details>
      <Details.Summary>{t('disclosures.record')}</Details.Summary>
      <Details.Content>
        <form className="protocol" onSubmit={(e) => void record(e)}>
          <FormStatus form={form} success={t('disclosures.recorded')} />
          <RadioGroup<Ground>
            id={form.id('ground')}
            name="ground"
            legend={t('disclosures.groundLegend')}
            description={t('disclosures.groundHelp')}
            options={GROUNDS.map((key) => ({ key, label: t(`disclosures.grounds.${key}`) }))}
            onChange={setGround}
            error={form.error('ground')}
          />
          {ground === 'osl_10_18a' && (
            <Fieldset>
              <Fieldset.Legend>{t('disclosures.criteriaLegend')}</Fieldset.Legend>
              {OSL_CRITERIA.map((c) => (
                <Checkbox
                  key={c}
                  id={form.id(`criteria.${c}`)}
                  name={c}
                  value="true"
                  label={t(`disclosures.criteria.${c}`)}
                  error={form.error(`criteria.${c}`, t(`disclosures.criteria.${c}`))}
                />
              ))}
            </Fieldset>
          )}
          <SelectField
            id={form.id('toOrganisationId')}
            name="toOrganisationId"
            label={t('disclosures.toOrganisation')}
            required
            defaultValue=""
            error={form.error('toOrganisationId')}
          >
            <option value="">{t('disclosures.choose')}</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </SelectField>
          <CheckboxGroup<Category>
            id={form.id('categories')}
            name="categories"
            legend={t('disclosures.categoriesLegend')}
            description={t('disclosures.categoriesHelp')}
            options={categories}
            error={form.error('categories')}
          />
          <Textfield
            id={form.id('justification')}
            name="justification"
            label={t('disclosures.justification')}
            multiline
            rows={4}
            required
            minLength={10}
            maxLength={5000}
            error={form.error('justification')}
          />
          <Textfield
            id={form.id('accessDays')}
            name="accessDays"
            type="number"
            min={1}
            max={90}
            label={t('disclosures.accessDays')}
            description={t('disclosures.accessDaysHelp')}
            error={form.error('accessDays')}
          />
          <div>
            <Button type="submit" disabled={form.busy}>
              {t('disclosures.submit')}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}
