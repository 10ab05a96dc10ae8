import { Button, Heading, Link as DsLink, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, asProblem, type Problem } from '../../api/client';
import { type components, consideredSanctionValues, licenceStatusValues } from '../../api/schema';
import { date, EmptyState, Loading, PageTitle, ProblemMessage, TableWrap, useLoad } from '../../components/common';
import { fieldError, SelectField } from '../../components/forms';
import { useEnumLabel } from '../../components/labels';
import { Pager } from '../../components/Pager';
import { todayInStockholm } from '../../components/time';
import { useSession } from '../../session';
import { Saved, TermsFields, termsFrom, WEEKDAYS } from './Licences';

type Licence = components['schemas']['LicenceView'];

const HISTORY_PAGE = 10;

/** The If-Match of a licence: the version read. */
const ifMatch = (licence: Licence) => ({ 'If-Match': `"${licence.version}"` });

/**
 * One serving licence: its terms, change decisions (ändringsbeslut), serving managers (AL 8 kap
 * 14 §), status, a sanction proposal (9 kap 17–18 §§) and the history of its decisions.
 */
export function LicencePage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const { can } = useSession();
  const label = useEnumLabel();
  const licence = useLoad(() => api.GET('/api/v1/licences/{id}', { params: { path: { id: id! } } }), [id]);
  const [historyOffset, setHistoryOffset] = useState(0);
  const [historyTick, setHistoryTick] = useState(0);
  const history = useLoad(
    () => api.GET('/api/v1/licences/{id}/decisions', { params: { path: { id: id! }, query: { limit: HISTORY_PAGE, offset: historyOffset } } }),
    [id, historyOffset, historyTick],
  );
  if (licence.loading && !licence.data) return <Loading />;
  if (!licence.data) return <ProblemMessage problem={licence.problem} />;
  const l = licence.data;
  const changed = () => {
    licence.reload();
    setHistoryOffset(0);
    setHistoryTick((n) => n + 1);
  };
  const manage = can('premises:manage');
  const hours = WEEKDAYS.flatMap((day) => {
    const span = l.servingHours[day];
    return span ? [`${t(`licensing.licence.weekdays.${day}`)} ${span.from}–${span.to}`] : [];
  });

  return (
    <>
      <DsLink asChild>
        <Link to={`/inspections/licences/holders/${l.holderId}`}>{t('licensing.licence.holderLink', { name: l.holderName })}</Link>
      </DsLink>
      <PageTitle>{t('licensing.licence.title', { premises: l.premisesName })}</PageTitle>
      <div className="row">
        <Tag data-color={l.status === 'active' ? 'success' : 'warning'}>{label('LicenceStatus', l.status)}</Tag>
        <DsLink asChild>
          <Link to={`/inspections/premises/${l.premisesId}`}>{t('licensing.licence.premisesLink', { name: l.premisesName })}</Link>
        </DsLink>
      </div>
      <dl className="inspections-facts">
        <dt>{t('licensing.licence.holder')}</dt>
        <dd>{l.holderName}</dd>
        <dt>{t('licensing.licence.type')}</dt>
        <dd>{label('LicenceType', l.type)}</dd>
        <dt>{t('licensing.licence.audience')}</dt>
        <dd>{label('LicenceAudience', l.audience)}</dd>
        <dt>{t('inspections.licence.valid')}</dt>
        <dd>
          {date(l.validFrom)} – {l.validUntil ? date(l.validUntil) : t('inspections.licence.untilFurther')}
        </dd>
        <dt>{t('licensing.licence.drinks')}</dt>
        <dd>{l.drinkCategories.map((d) => label('DrinkCategory', d)).join(', ')}</dd>
        <dt>{t('licensing.licence.hours')}</dt>
        <dd>{hours.length ? hours.join('; ') : t('licensing.licence.noHours')}</dd>
        <dt>{t('licensing.licence.areas')}</dt>
        <dd>
          {l.servingAreas.length ? l.servingAreas.map((a) => `${a.name} (${label('ServingAreaKind', a.kind)})`).join(', ') : t('licensing.licence.noAreas')}
        </dd>
        <dt>{t('licensing.licence.conditions')}</dt>
        <dd>{l.conditions || t('licensing.licence.noConditions')}</dd>
      </dl>
      {manage && <ChangeTerms licence={l} onDone={changed} />}
      <ServingManagers licence={l} manage={manage} onDone={changed} />
      {manage && l.status !== 'revoked' && <ChangeStatus licence={l} onDone={changed} />}
      {can('sanction:propose') && l.status !== 'revoked' && <ProposeSanction licence={l} />}
      <section>
        <Heading level={2} data-size="sm">
          {t('licensing.history.title')}
        </Heading>
        <Paragraph data-size="sm">{t('licensing.history.intro')}</Paragraph>
        <ProblemMessage problem={history.problem} />
        {history.data?.items.length === 0 && <EmptyState>{t('licensing.history.empty')}</EmptyState>}
        {!!history.data?.items.length && (
          <TableWrap>
            <Table zebra>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('licensing.history.when')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('licensing.history.decision')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('licensing.history.changed')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('licensing.history.reason')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('licensing.history.by')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {history.data.items.map((d) => (
                  <Table.Row key={d.id}>
                    <Table.Cell>{date(d.decidedOn)}</Table.Cell>
                    <Table.Cell>
                      {d.sanctionCaseId ? (
                        <DsLink asChild>
                          <Link to={`/inspections/sanctions/${d.sanctionCaseId}`}>{label('LicenceDecisionKind', d.kind)}</Link>
                        </DsLink>
                      ) : (
                        label('LicenceDecisionKind', d.kind)
                      )}
                    </Table.Cell>
                    <Table.Cell>{d.changedFields.map((f) => label('LicenceTerm', f)).join(', ') || '–'}</Table.Cell>
                    <Table.Cell>{d.reason || '–'}</Table.Cell>
                    <Table.Cell>{d.decidedByName ?? t('licensing.history.unknown')}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableWrap>
        )}
        {history.data && <Pager page={history.data} label={t('licensing.history.title')} onOffset={setHistoryOffset} />}
      </section>
    </>
  );
}

/** A change decision on the terms, with its reasons (kept in the history). */
function ChangeTerms({ licence, onDone }: { licence: Licence; onDone: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [saved, setSaved] = useState<string>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const reason = String(form.get('reason') ?? '').trim();
    const { error, response } = await api.PUT('/api/v1/licences/{id}/terms', {
      params: { path: { id: licence.id }, header: ifMatch(licence) },
      body: { ...termsFrom(form), reason: reason || undefined },
    });
    setProblem(error ? asProblem(error, response.status) : undefined);
    if (!error) {
      setOpen(false);
      setSaved(t('licensing.terms.saved'));
      onDone();
    }
  }

  return (
    <section>
      <Heading level={2} data-size="sm">
        {t('licensing.terms.title')}
      </Heading>
      <Paragraph data-size="sm">{t('licensing.terms.intro')}</Paragraph>
      <Saved>{saved}</Saved>
      {open ? (
        <form className="protocol" onSubmit={(e) => void submit(e)} noValidate>
          <ProblemMessage problem={problem} />
          <TermsFields problem={problem} licence={licence} />
          <Textfield
            id="reason"
            name="reason"
            multiline
            rows={2}
            label={t('licensing.terms.reason')}
            error={fieldError(problem, 'reason', t('licensing.terms.reason'))}
          />
          <div className="row">
            <Button type="submit">{t('licensing.terms.submit')}</Button>
            <Button type="button" variant="tertiary" onClick={() => setOpen(false)}>
              {t('licensing.reports.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <div>
          <Button
            variant="secondary"
            onClick={() => {
              setSaved(undefined);
              setOpen(true);
            }}
          >
            {t('licensing.terms.open')}
          </Button>
        </div>
      )}
    </section>
  );
}

/** The notified serving managers: remove one, add one (at least 20, notified to the municipality; AL 8 kap 14 §). */
function ServingManagers({ licence, manage, onDone }: { licence: Licence; manage: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<Problem>();
  const [saved, setSaved] = useState<string>();
  const current = licence.servingManagers.map(({ name, birthDate, notifiedOn }) => ({ name, birthDate, notifiedOn }));
  const added = current.length;

  async function replace(managers: typeof current): Promise<boolean> {
    const { error, response } = await api.PUT('/api/v1/licences/{id}/serving-managers', {
      params: { path: { id: licence.id }, header: ifMatch(licence) },
      body: { servingManagers: managers },
    });
    setProblem(error ? asProblem(error, response.status) : undefined);
    setSaved(error ? undefined : t('licensing.managers.added'));
    if (!error) onDone();
    return !error;
  }

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    if (await replace([...current, { name: text('name'), birthDate: text('birthDate'), notifiedOn: text('notifiedOn') }])) formElement.reset();
  }

  return (
    <section>
      <Heading level={2} data-size="sm">
        {t('licensing.managers.title')}
      </Heading>
      <Paragraph data-size="sm">{t('licensing.managers.intro')}</Paragraph>
      <Saved>{saved}</Saved>
      {current.length === 0 && <EmptyState>{t('licensing.managers.none')}</EmptyState>}
      {current.length > 0 && (
        <TableWrap>
          <Table zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('licensing.managers.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('licensing.managers.birthDate')}</Table.HeaderCell>
                <Table.HeaderCell>{t('licensing.managers.notifiedOn')}</Table.HeaderCell>
                {manage && <Table.HeaderCell>{t('licensing.reports.action')}</Table.HeaderCell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {licence.servingManagers.map((m, i) => (
                <Table.Row key={m.id}>
                  <Table.Cell>{m.name}</Table.Cell>
                  <Table.Cell>{date(m.birthDate)}</Table.Cell>
                  <Table.Cell>{date(m.notifiedOn)}</Table.Cell>
                  {manage && (
                    <Table.Cell>
                      <Button
                        variant="tertiary"
                        data-size="sm"
                        disabled={current.length === 1}
                        title={current.length === 1 ? t('licensing.managers.lastOne') : undefined}
                        onClick={() => void replace(current.filter((_, j) => j !== i))}
                      >
                        {t('licensing.managers.remove', { name: m.name })}
                      </Button>
                    </Table.Cell>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableWrap>
      )}
      {manage && (
        <form className="protocol" onSubmit={(e) => void add(e)} noValidate>
          <Heading level={3} data-size="xs">
            {t('licensing.managers.add')}
          </Heading>
          <ProblemMessage problem={problem} />
          <Textfield
            id={`servingManagers[${added}].name`}
            name="name"
            required
            label={t('licensing.managers.name')}
            error={fieldError(problem, `servingManagers[${added}].name`, t('licensing.managers.name'))}
          />
          <Textfield
            id={`servingManagers[${added}].birthDate`}
            name="birthDate"
            type="date"
            required
            label={t('licensing.managers.birthDate')}
            error={fieldError(problem, `servingManagers[${added}].birthDate`, t('licensing.managers.birthDate'))}
          />
          <Textfield
            id={`servingManagers[${added}].notifiedOn`}
            name="notifiedOn"
            type="date"
            required
            label={t('licensing.managers.notifiedOn')}
            defaultValue={todayInStockholm()}
            error={fieldError(problem, `servingManagers[${added}].notifiedOn`, t('licensing.managers.notifiedOn'))}
          />
          <div>
            <Button type="submit" variant="secondary">
              {t('licensing.managers.add')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

/** Suspend, reinstate, surrender or end the licence, with reasons; revocation is a sanction decision (AL 9 kap 18 §). */
function ChangeStatus({ licence, onDone }: { licence: Licence; onDone: () => void }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const [problem, setProblem] = useState<Problem>();
  const [saved, setSaved] = useState<string>();
  const choices = licenceStatusValues.filter((s) => s !== 'revoked' && s !== licence.status);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const reason = String(form.get('statusReason') ?? '').trim();
    const { error, response } = await api.PATCH('/api/v1/licences/{id}/status', {
      params: { path: { id: licence.id }, header: ifMatch(licence) },
      body: { status: String(form.get('status')) as components['schemas']['LicenceStatus'], reason: reason || undefined },
    });
    setProblem(error ? asProblem(error, response.status) : undefined);
    setSaved(error ? undefined : t('licensing.status.saved'));
    if (!error) onDone();
  }

  return (
    <section>
      <Heading level={2} data-size="sm">
        {t('licensing.status.title')}
      </Heading>
      <Paragraph data-size="sm">{t('licensing.status.intro')}</Paragraph>
      <Saved>{saved}</Saved>
      <form className="protocol" onSubmit={(e) => void submit(e)} noValidate>
        <ProblemMessage problem={problem} />
        <SelectField
          id="status"
          label={t('licensing.status.newStatus')}
          defaultValue={choices[0]}
          error={fieldError(problem, 'status', t('licensing.status.newStatus'))}
        >
          {choices.map((s) => (
            <option key={s} value={s}>
              {label('LicenceStatus', s)}
            </option>
          ))}
        </SelectField>
        <Textfield
          id="statusReason"
          name="statusReason"
          multiline
          rows={2}
          label={t('licensing.status.reason')}
          error={fieldError(problem, 'reason', t('licensing.status.reason'))}
        />
        <div>
          <Button type="submit" variant="secondary">
            {t('licensing.status.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** Opens a sanction case on the licence; the hearing and decision follow on the case's page. */
function ProposeSanction({ licence }: { licence: Licence }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const [problem, setProblem] = useState<Problem>();
  const [caseId, setCaseId] = useState<string>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const { data, error, response } = await api.POST('/api/v1/sanction-cases', {
      body: {
        licenceId: licence.id,
        grounds: String(form.get('grounds') ?? '').trim(),
        consideredSanction: (String(form.get('consideredSanction') ?? '') || undefined) as components['schemas']['ConsideredSanction'] | undefined,
      },
    });
    setProblem(error ? asProblem(error, response.status) : undefined);
    setCaseId(data?.id);
  }

  return (
    <section>
      <Heading level={2} data-size="sm">
        {t('licensing.sanction.title')}
      </Heading>
      <Paragraph data-size="sm">{t('licensing.sanction.intro')}</Paragraph>
      {caseId ? (
        <>
          <Saved>{t('licensing.sanction.proposed')}</Saved>
          <DsLink asChild>
            <Link to={`/inspections/sanctions/${caseId}`}>{t('licensing.sanction.openCase')}</Link>
          </DsLink>
        </>
      ) : (
        <form className="protocol" onSubmit={(e) => void submit(e)} noValidate>
          <ProblemMessage problem={problem} />
          <Textfield
            id="grounds"
            name="grounds"
            multiline
            rows={3}
            label={t('licensing.sanction.grounds')}
            error={fieldError(problem, 'grounds', t('licensing.sanction.grounds'))}
          />
          <SelectField
            id="consideredSanction"
            defaultValue=""
            label={t('licensing.sanction.considered')}
            description={t('licensing.sanction.consideredHelp')}
            error={fieldError(problem, 'consideredSanction')}
          >
            <Select.Option value="">{t('licensing.sanction.consideredOpen')}</Select.Option>
            {consideredSanctionValues.map((v) => (
              <Select.Option key={v} value={v}>
                {label('ConsideredSanction', v)}
              </Select.Option>
            ))}
          </SelectField>
          <div>
            <Button type="submit" variant="secondary">
              {t('licensing.sanction.submit')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
