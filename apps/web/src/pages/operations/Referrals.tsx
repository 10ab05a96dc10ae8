import { Button, Field, Heading, Label, List, Paragraph, Select, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asProblem, type Problem } from '../../api/client';
import { date, EmptyState, ProblemMessage, useLoad } from '../../components/common';
import { fieldError } from '../../components/forms';
import { todayInStockholm } from '../../components/time';
import type { components } from '../../api/schema';

/** Today in Sweden as YYYY-MM-DD: the latest day an observation can be from. */

/**
 * Referrals to the municipality's licensing officers about licensed premises: what was seen, in
 * general terms. Licensing gets the premises, the day and this text — nothing of the operation.
 */
export function Referrals(props: {
  operationId: string;
  collaborationId: string;
  referrals: components['schemas']['OperationReferralView'][];
  canRefer: boolean;
  onSent: () => void;
}) {
  const { t, i18n } = useTranslation();
  const premises = useLoad(
    () => api.GET('/api/v1/operations/premises', { params: { query: { collaborationId: props.collaborationId, limit: 200 } } }),
    [props.collaborationId],
  );
  const [problem, setProblem] = useState<Problem>();
  const [formKey, setFormKey] = useState(0);
  const nameOf = (id: string) => premises.data?.items.find((p) => p.id === id)?.name ?? '–';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const { error, response } = await api.POST('/api/v1/operations/{id}/referrals', {
      params: { path: { id: props.operationId } },
      body: {
        premisesId: String(form.get('premisesId') ?? ''),
        observedOn: String(form.get('observedOn') ?? ''),
        observation: String(form.get('observation') ?? '').trim(),
      },
    });
    setProblem(error ? asProblem(error, response.status) : undefined);
    if (!error) {
      setFormKey((k) => k + 1);
      props.onSent();
    }
  }

  return (
    <section className="protocol" aria-labelledby="referrals-heading">
      <Heading level={2} data-size="sm" id="referrals-heading">
        {t('operationsReferrals.heading')}
      </Heading>
      {props.referrals.length === 0 ? (
        <EmptyState>{t('operationsReferrals.empty')}</EmptyState>
      ) : (
        <List.Unordered>
          {props.referrals.map((r) => (
            <List.Item key={r.id}>
              <strong>{nameOf(r.premisesId)}</strong>, {date(r.observedOn, i18n.language)}: {r.observation}{' '}
              <Tag data-color={r.acknowledgedAt ? 'success' : 'neutral'}>
                {r.acknowledgedAt ? t('operationsReferrals.acknowledged') : t('operationsReferrals.open')}
              </Tag>
            </List.Item>
          ))}
        </List.Unordered>
      )}
      {props.canRefer && (
        <form key={formKey} className="protocol" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="referral-form-heading">
          <Heading level={3} data-size="xs" id="referral-form-heading">
            {t('operationsReferrals.new')}
          </Heading>
          <Paragraph data-size="sm">{t('operationsReferrals.intro')}</Paragraph>
          <ProblemMessage problem={problem ?? premises.problem} />
          <Field>
            <Label htmlFor="premisesId">{t('operationsReferrals.premises')}</Label>
            <Select id="premisesId" name="premisesId" defaultValue="">
              <Select.Option value="" disabled>
                {t('operationsReferrals.choosePremises')}
              </Select.Option>
              {premises.data?.items.map((p) => (
                <Select.Option key={p.id} value={p.id}>{`${p.name}, ${p.address}`}</Select.Option>
              ))}
            </Select>
            {fieldError(problem, 'premisesId') && <ValidationMessage>{fieldError(problem, 'premisesId')}</ValidationMessage>}
          </Field>
          <Textfield
            id="observedOn"
            name="observedOn"
            type="date"
            max={todayInStockholm()}
            label={t('operationsReferrals.observedOn')}
            required
            error={fieldError(problem, 'observedOn')}
          />
          <Textfield
            id="observation"
            name="observation"
            label={t('operationsReferrals.observation')}
            description={t('operationsReferrals.observationHelp')}
            multiline
            rows={3}
            required
            error={fieldError(problem, 'observation')}
          />
          <div>
            <Button type="submit">{t('operationsReferrals.send')}</Button>
          </div>
        </form>
      )}
    </section>
  );
}
