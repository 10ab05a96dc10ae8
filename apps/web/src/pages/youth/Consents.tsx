import { Alert, Button, Details, Fieldset, Heading, List, Paragraph, Tag, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asProblem, type Problem } from '../../api/client';
import { type components, youthSignerRoleValues } from '../../api/schema';
import { date, EmptyState, ProblemMessage, useLoad } from '../../components/common';
import { ReasonDialog } from '../../components/ReasonDialog';
import { todayInStockholm } from '../../components/time';
import { CheckboxGroup, checked, FormStatus, useApiForm, useCategoryOptions, useOtherOrganisations, type Category, type SignerRole } from './forms';
import { SelectField } from '../../components/forms';

type Consent = components['schemas']['YouthConsentView'];

const STATE_COLOURS = { valid: 'success', pending: 'info', expired: 'warning', withdrawn: 'neutral' } as const satisfies Record<Consent['state'], string>;

/** Whole days from today (in Sweden) to a calendar date. */
function daysUntil(day: string): number {
  return Math.round((Date.parse(day) - Date.parse(todayInStockholm())) / 86_400_000);
}

/**
 * The case's consents with their state and how long each runs; withdrawing one asks for the reason
 * and stops sharing at once. Recording a new one is for those who may share (youth_case:share).
 */
export function Consents({ caseId, ownerOrganisationId, open }: { caseId: string; ownerOrganisationId: string; open: boolean }) {
  const { t } = useTranslation();
  const consents = useLoad(() => api.GET('/api/v1/youth-cases/{id}/consents', { params: { path: { id: caseId } } }), [caseId]);
  const organisations = useOtherOrganisations(ownerOrganisationId);
  const dialog = useRef<HTMLDialogElement>(null);
  const [withdrawing, setWithdrawing] = useState<string>();
  const [stopped, setStopped] = useState(false);

  async function withdraw(reason: string): Promise<Problem | undefined> {
    const { error, response } = await api.POST('/api/v1/youth-cases/{id}/consents/{consentId}/withdraw', {
      params: { path: { id: caseId, consentId: withdrawing! } },
      body: { reason },
    });
    if (error) return asProblem(error, response.status);
    setStopped(true);
    consents.reload();
  }

  return (
    <section id="case-consents">
      <Heading level={2} data-size="sm">
        {t('consents.title')}
      </Heading>
      <ProblemMessage problem={consents.problem} />
      {stopped && (
        <Alert data-color="success" role="status">
          {t('consents.stopped')}
        </Alert>
      )}
      {consents.data?.length === 0 && <EmptyState>{t('consents.empty')}</EmptyState>}
      <List.Unordered>
        {consents.data?.map((k) => (
          <List.Item key={k.id}>
            <ConsentSummary consent={k} organisations={organisations} />
            {(k.state === 'valid' || k.state === 'pending') && (
              <Button
                variant="tertiary"
                data-size="sm"
                onClick={() => {
                  setWithdrawing(k.id);
                  setStopped(false);
                  dialog.current?.showModal();
                }}
              >
                {t('consents.withdraw')}
              </Button>
            )}
          </List.Item>
        ))}
      </List.Unordered>
      <ReasonDialog
        dialog={dialog}
        id="withdrawReason"
        title={t('consents.withdraw')}
        label={t('consents.withdrawReason')}
        submitLabel={t('consents.withdrawSubmit')}
        danger
        onSubmit={withdraw}
      />
      {open && <ConsentForm caseId={caseId} organisations={organisations} onRecorded={consents.reload} />}
    </section>
  );
}

/** One consent: its state in words (not colour alone), how long it runs, who signed, with whom, what. */
function ConsentSummary({ consent: k, organisations }: { consent: Consent; organisations: { id: string; name: string }[] }) {
  const { t, i18n } = useTranslation();
  const on = (day: string | null) => date(day, i18n.language);
  const left = daysUntil(k.validUntil);
  return (
    <div className="youth-item">
      <div className="row">
        <Tag data-color={STATE_COLOURS[k.state]}>{t(`consents.states.${k.state}`)}</Tag>
        <strong>
          {k.state === 'valid' &&
            `${t('consents.validUntil', { date: on(k.validUntil) })} (${left === 0 ? t('consents.lastDay') : t('consents.daysLeft', { count: left })})`}
          {k.state === 'pending' && `${t('consents.startsOn', { date: on(k.validFrom) })}, ${t('consents.validUntil', { date: on(k.validUntil) })}`}
          {k.state === 'expired' && t('consents.expiredOn', { date: on(k.validUntil) })}
          {k.state === 'withdrawn' && t('consents.withdrawnOn', { date: on(k.withdrawnAt), reason: k.withdrawalReason ?? '' })}
        </strong>
      </div>
      <Paragraph data-size="sm">
        {t('consents.signers')}: {k.signers.map((s) => `${s.name} (${t(`consents.roles.${s.role}`)})`).join(', ')} — {t('consents.validity')} {on(k.validFrom)}–
        {on(k.validUntil)}
      </Paragraph>
      <Paragraph data-size="sm">
        {t('consents.organisations')}: {k.organisationIds.map((id) => organisations.find((o) => o.id === id)?.name ?? '–').join(', ')} —{' '}
        {t('consents.categories')}: {k.categories.map((c) => t(`youth.categories.${c}`)).join(', ')}
      </Paragraph>
    </div>
  );
}

/**
 * A signed consent: who signed (the api checks the age rules: guardians, the young person, or both),
 * which organisations may receive what, and for how long.
 */
function ConsentForm({ caseId, organisations, onRecorded }: { caseId: string; organisations: { id: string; name: string }[]; onRecorded: () => void }) {
  const { t } = useTranslation();
  const form = useApiForm('consent');
  const categories = useCategoryOptions();
  const [signers, setSigners] = useState<number[]>([0]);
  const nextSigner = useRef(1);

  async function record(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const data = new FormData(element);
    const value = (name: string) => String(data.get(name) ?? '');
    await form.send(
      () =>
        api.POST('/api/v1/youth-cases/{id}/consents', {
          params: { path: { id: caseId } },
          body: {
            signers: signers.map((key) => ({ name: value(`signer-${key}-name`), role: value(`signer-${key}-role`) as SignerRole })),
            organisationIds: checked(data, 'organisationIds'),
            categories: checked<Category>(data, 'categories'),
            signedOn: value('signedOn'),
            validFrom: value('validFrom'),
            validUntil: value('validUntil'),
          },
        }),
      () => {
        element.reset();
        setSigners([0]);
        onRecorded();
      },
    );
  }

  const signersError = form.error('signers');
  return (
    <Details>
      <Details.Summary>{t('consents.record')}</Details.Summary>
      <Details.Content>
        <form className="protocol" onSubmit={(e) => void record(e)}>
          <FormStatus form={form} success={t('consents.recorded')} />
          <Fieldset
            id={form.id('signers')}
            tabIndex={-1}
            aria-describedby={[`${form.id('signers')}-help`, signersError && `${form.id('signers')}-error`].filter(Boolean).join(' ')}
          >
            <Fieldset.Legend>{t('consents.signersLegend')}</Fieldset.Legend>
            <Fieldset.Description id={`${form.id('signers')}-help`}>{t('consents.signersHelp')}</Fieldset.Description>
            {signers.map((key, index) => (
              <Fieldset key={key}>
                <Fieldset.Legend>{t('consents.signer', { number: index + 1 })}</Fieldset.Legend>
                <div className="row youth-signer">
                  <Textfield
                    id={form.id(`signers[${index}].name`)}
                    name={`signer-${key}-name`}
                    label={t('consents.signerName')}
                    required
                    minLength={2}
                    maxLength={200}
                    error={form.error(`signers[${index}].name`)}
                  />
                  <SelectField
                    id={form.id(`signers[${index}].role`)}
                    name={`signer-${key}-role`}
                    label={t('consents.signerRole')}
                    defaultValue="guardian"
                    error={form.error(`signers[${index}].role`)}
                  >
                    {youthSignerRoleValues.map((role) => (
                      <option key={role} value={role}>
                        {t(`consents.roles.${role}`)}
                      </option>
                    ))}
                  </SelectField>
                  {signers.length > 1 && (
                    <Button variant="tertiary" data-size="sm" onClick={() => setSigners(signers.filter((k) => k !== key))}>
                      {t('consents.removeSigner', { number: index + 1 })}
                    </Button>
                  )}
                </div>
              </Fieldset>
            ))}
            {signers.length < 4 && (
              <Button variant="secondary" data-size="sm" onClick={() => setSigners([...signers, nextSigner.current++])}>
                {t('consents.addSigner')}
              </Button>
            )}
            {signersError && <ValidationMessage id={`${form.id('signers')}-error`}>{signersError}</ValidationMessage>}
          </Fieldset>
          {organisations.length === 0 && <Paragraph data-size="sm">{t('consents.noOrganisations')}</Paragraph>}
          <CheckboxGroup
            id={form.id('organisationIds')}
            name="organisationIds"
            legend={t('consents.organisationsLegend')}
            options={organisations.map((o) => ({ key: o.id, label: o.name }))}
            error={form.error('organisationIds')}
          />
          <CheckboxGroup<Category>
            id={form.id('categories')}
            name="categories"
            legend={t('consents.categoriesLegend')}
            description={t('consents.categoriesHelp')}
            options={categories}
            error={form.error('categories')}
          />
          <div className="row">
            <Textfield
              id={form.id('signedOn')}
              name="signedOn"
              type="date"
              label={t('consents.signedOn')}
              required
              defaultValue={todayInStockholm()}
              error={form.error('signedOn')}
            />
            <Textfield
              id={form.id('validFrom')}
              name="validFrom"
              type="date"
              label={t('consents.validFrom')}
              required
              defaultValue={todayInStockholm()}
              error={form.error('validFrom')}
            />
            <Textfield
              id={form.id('validUntil')}
              name="validUntil"
              type="date"
              label={t('consents.validUntilField')}
              required
              error={form.error('validUntil')}
            />
          </div>
          <div>
            <Button type="submit" disabled={form.busy}>
              {t('consents.submit')}
            </Button>
          </div>
        </form>
      </Details.Content>
    </Details>
  );
}
