import { Alert, Button, Card, Heading, Link as DsLink, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { type components, youthCaseFormValues, youthRiskFactorValues } from '../../api/schema';
import { date, PageTitle, TableWrap } from '../../components/common';
import { useSession } from '../../session';
import { CheckboxGroup, FormStatus, RadioGroup, checked, text, useApiForm, useCollaborations, type CaseForm, type RiskFactor } from './forms';
import { SelectField } from '../../components/forms';

/** A young person as the api shows them: the number masked; found by search, with their cases the user may read. */
type Subject = components['schemas']['YouthSubjectView'] & { cases?: components['schemas']['YouthSubjectCaseView'][] };
type NewCaseBody = components['schemas']['NewCaseInput'];

/**
 * What another screen may hand over when it sends the user here (the header's search box): the
 * number travels in router state, never in the address.
 */
function prefilledNumber(state: unknown): string | undefined {
  const value = (state as { personalNumber?: unknown } | null)?.personalNumber;
  return typeof value === 'string' && value.length <= 20 ? value : undefined;
}

/**
 * Opening a case: first find the young person by number (or register them), then the case itself.
 * The number travels only in request bodies; the api checks it (date and check digit).
 */
export function NewCase() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [subject, setSubject] = useState<Subject>();
  const prefill = prefilledNumber(useLocation().state);
  if (!can('youth_case:create')) return <Alert data-color="warning">{t('youth.noPermission')}</Alert>;
  return (
    <>
      <DsLink asChild>
        <Link to="/youth-cases">{t('youth.back')}</Link>
      </DsLink>
      <PageTitle>{t('youthNew.title')}</PageTitle>
      {subject ? (
        <>
          <Card>
            <Paragraph>
              {subject.name}, {t('youth.years', { age: subject.age })} — {t('youth.number')}: {subject.personalNumber}
            </Paragraph>
            <Button variant="tertiary" data-size="sm" onClick={() => setSubject(undefined)}>
              {t('youthNew.other')}
            </Button>
          </Card>
          {!!subject.cases?.length && <ExistingCases cases={subject.cases} />}
          <CaseDetails subject={subject} />
        </>
      ) : (
        <FindSubject onFound={setSubject} prefill={prefill} />
      )}
    </>
  );
}

/** Step 1: search by number with a reason (audited); if nobody is found, register the young person. */
function FindSubject({ onFound, prefill }: { onFound: (subject: Subject) => void; prefill?: string }) {
  const { t } = useTranslation();
  // Handed a number (from the header's search): it is filled in; the reason is what is left to give.
  useEffect(() => {
    if (prefill) document.getElementById('reason')?.focus();
  }, [prefill]);
  const search = useApiForm();
  const register = useApiForm();
  const [notFound, setNotFound] = useState<string>();
  // The reason given for the search: the same look-up, by exact number, if someone registers them meanwhile.
  const [reason, setReason] = useState('');

  async function find(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const personalNumber = String(form.get('personalNumber') ?? '').trim();
    const why = String(form.get('reason') ?? '');
    setNotFound(undefined);
    setReason(why);
    register.reset();
    const { data: found } = await search.send(() => api.POST('/api/v1/youth-subjects/search', { body: { personalNumber, reason: why } }));
    if (!found) return;
    if (found.items[0]) onFound(found.items[0]);
    else setNotFound(personalNumber);
  }

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name') ?? '');
    const { data: created, problem } = await register.send(() => api.POST('/api/v1/youth-subjects', { body: { personalNumber: notFound!, name } }));
    if (created) return onFound(created);
    // Registered by someone else since the search: carry on with that registration, found again by
    // its exact number (the subject's own page opens only through a case one may read).
    const existing = (problem as { existingSubjectId?: string } | undefined)?.existingSubjectId;
    if (existing) {
      const { data } = await api.POST('/api/v1/youth-subjects/search', { body: { personalNumber: notFound!, reason } });
      const subject = data?.items.find((s) => s.id === existing);
      if (subject) onFound(subject);
    }
  }

  return (
    <section>
      <Heading level={2} data-size="sm">
        {t('youthNew.findHeading')}
      </Heading>
      <form className="protocol" onSubmit={(e) => void find(e)}>
        <Paragraph data-size="sm">{t('youthNew.findHelp')}</Paragraph>
        <FormStatus form={search} />
        <Textfield
          id="personalNumber"
          name="personalNumber"
          label={t('youthNew.personalNumber')}
          autoComplete="off"
          required
          defaultValue={prefill}
          error={search.error('personalNumber')}
        />
        <Textfield id="reason" name="reason" label={t('youthNew.reason')} required minLength={5} maxLength={500} error={search.error('reason')} />
        <Button type="submit" disabled={search.busy}>
          {t('youthNew.search')}
        </Button>
      </form>
      {notFound && (
        <form className="protocol" onSubmit={(e) => void add(e)}>
          <Alert data-color="info">{t('youthNew.notFound')}</Alert>
          <FormStatus form={register} />
          <Textfield
            id="name"
            name="name"
            label={t('youthNew.name')}
            required
            minLength={2}
            maxLength={200}
            autoComplete="off"
            error={register.error('name') ?? register.error('personalNumber')}
          />
          <Button type="submit" disabled={register.busy}>
            {t('youthNew.register')}
          </Button>
        </form>
      )}
    </section>
  );
}

/** The person's cases the user may read (the search shows no others), each a link to the case. */
function ExistingCases({ cases }: { cases: NonNullable<Subject['cases']> }) {
  const { t, i18n } = useTranslation();
  return (
    <section>
      <Heading level={2} data-size="sm">
        {t('youthNew.existingHeading')}
      </Heading>
      <TableWrap>
        <Table zebra>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('youth.reference')}</Table.HeaderCell>
              <Table.HeaderCell>{t('youth.form')}</Table.HeaderCell>
              <Table.HeaderCell>{t('youth.status')}</Table.HeaderCell>
              <Table.HeaderCell>{t('youthNew.unitName')}</Table.HeaderCell>
              <Table.HeaderCell>{t('youthNew.opened')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {cases.map((c) => (
              <Table.Row key={c.id}>
                <Table.Cell>
                  <DsLink asChild>
                    <Link to={`/youth-cases/${c.id}`}>{c.reference}</Link>
                  </DsLink>
                </Table.Cell>
                <Table.Cell>{t(`youth.formsShort.${c.form}`)}</Table.Cell>
                <Table.Cell>{t(`statuses.${c.status}`)}</Table.Cell>
                <Table.Cell>{c.unitName}</Table.Cell>
                <Table.Cell>{date(c.openedOn, i18n.language)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableWrap>
    </section>
  );
}

/** Step 2: the form of cooperation, the assessment's risk factors and the review date; lands on the new case. */
function CaseDetails({ subject }: { subject: Subject }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const form = useApiForm();
  const confirm = useApiForm('duplicate');
  const collaborations = useCollaborations();
  // A refused duplicate: the case to open instead, and what was asked (sent again with a reason).
  const [duplicate, setDuplicate] = useState<{ caseId: string; caseNumber: string; body: NewCaseBody }>();
  // Units of the municipality the user works in: a choice only when there is more than one.
  const units = (me?.memberships ?? [])
    .filter((m) => m.organisation.kind === 'municipality')
    .map((m) => m.unit)
    .filter((u, i, all) => all.findIndex((x) => x.id === u.id) === i);

  async function open(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const riskFactors = checked<RiskFactor>(data, 'riskFactors');
    const body: NewCaseBody = {
      subjectId: subject.id,
      form: String(data.get('form')) as CaseForm,
      riskFactors,
      reviewOn: text(data, 'reviewOn'),
      unitId: text(data, 'unitId'),
      collaborationId: text(data, 'collaborationId'),
    };
    setDuplicate(undefined);
    confirm.reset();
    const { problem } = await form.send(
      () => api.POST('/api/v1/youth-cases', { body }),
      (created) => void navigate(`/youth-cases/${created.id}`),
    );
    if (problem?.code === 'youth_case.duplicate_open') {
      const { caseId, caseNumber } = problem.params as { caseId: string; caseNumber: string };
      setDuplicate({ caseId, caseNumber, body });
    }
  }

  async function openAnyway(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const duplicateReason = String(new FormData(event.currentTarget).get('duplicateReason') ?? '');
    await confirm.send(
      () => api.POST('/api/v1/youth-cases', { body: { ...duplicate!.body, duplicateReason } }),
      (created) => void navigate(`/youth-cases/${created.id}`),
    );
  }

  return (
    <section>
      <Heading level={2} data-size="sm">
        {t('youthNew.detailsHeading')}
      </Heading>
      <form className="protocol" onSubmit={(e) => void open(e)}>
        <FormStatus form={form} />
        <RadioGroup<CaseForm>
          id="form"
          legend={t('youthNew.form')}
          description={t('youthNew.formHelp')}
          options={youthCaseFormValues.map((key) => ({ key, label: t(`youth.forms.${key}`) }))}
          error={form.error('form') ?? form.error('subjectId')}
        />
        <CheckboxGroup<RiskFactor>
          id="riskFactors"
          legend={t('youthNew.riskFactors')}
          options={youthRiskFactorValues.map((key) => ({ key, label: t(`youth.riskFactorLabels.${key}`) }))}
          error={form.error('riskFactors')}
        />
        <Textfield id="reviewOn" name="reviewOn" type="date" label={t('youthNew.reviewOn')} error={form.error('reviewOn')} />
        {units.length > 1 && (
          <SelectField id="unitId" label={t('youthNew.unit')} description={t('youthNew.unitHelp')} error={form.error('unitId')} defaultValue="">
            <option value="">{t('youthNew.choose')}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </SelectField>
        )}
        {collaborations.length > 1 && (
          <SelectField id="collaborationId" label={t('youthNew.collaboration')} error={form.error('collaborationId')} defaultValue="">
            <option value="">{t('youthNew.choose')}</option>
            {collaborations.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
        )}
        {/* Errors the screen has no field for (e.g. a unit or collaboration the api could not choose) are in the summary above. */}
        <Paragraph data-size="sm">{t('youthNew.coordinatorNote')}</Paragraph>
        <Button type="submit" disabled={form.busy}>
          {t('youthNew.open')}
        </Button>
      </form>
      {duplicate && (
        <form className="protocol" onSubmit={(e) => void openAnyway(e)}>
          <DsLink asChild>
            <Link to={`/youth-cases/${duplicate.caseId}`}>{t('youthNew.duplicateLink', { reference: duplicate.caseNumber })}</Link>
          </DsLink>
          <FormStatus form={confirm} />
          <Textfield
            id={confirm.id('duplicateReason')}
            name="duplicateReason"
            label={t('youthNew.duplicateReason')}
            required
            minLength={5}
            maxLength={2000}
            error={confirm.error('duplicateReason')}
          />
          <Button type="submit" variant="secondary" disabled={confirm.busy}>
            {t('youthNew.duplicateOpen')}
          </Button>
        </form>
      )}
    </section>
  );
}
