import {
  Alert,
  Button,
  Card,
  Checkbox,
  Field,
  Heading,
  Label,
  Link as DsLink,
  List,
  Paragraph,
  Select,
  Table,
  Tag,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api, asProblem, type Problem } from '../../api/client';
import { ConfirmDialog, fieldError, SelectField } from '../../components/forms';
import { date, dateTime, EmptyState, Loading, PageTitle, ProblemMessage, TableWrap, useLoad } from '../../components/common';
import { useListQuery } from '../../components/useListQuery';
import { useSession } from '../../session';
import { Pager } from '../../components/Pager';
import { todayInStockholm } from '../../components/time';
import { type components, licenceStatusValues, premisesKindValues, tipSourceValues } from '../../api/schema';
import { useEnumLabel } from '../../components/labels';

type Schemas = components['schemas'];
type Premises = components['schemas']['PremisesView'];
type Licence = components['schemas']['LicenceView'];
type RiskFactor = components['schemas']['PremisesRiskFactorView'];

/** The order the week's serving hours are shown in (the days are the properties of the api's WeeklyServingHours). */
const WEEKDAYS: (keyof components['schemas']['WeeklyServingHours'])[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const PAGE_SIZE = 25;

/**
 * The factors of a risk score, each with its points and why: what makes up the score. `compact`
 * leaves out the why (for the plan's long table; the premises page has it).
 */
export function RiskFactors({ factors, compact = false }: { factors: RiskFactor[]; compact?: boolean }) {
  const { t } = useTranslation();
  const because = useBecause();
  if (factors.length === 0) return <>–</>;
  return (
    <List.Unordered data-size="sm" className="inspections-factors">
      {factors.map((f) => {
        const label = t(`inspections.risk.factors.${f.factor}`);
        return (
          <List.Item key={f.factor}>
            {compact
              ? t('inspections.risk.factorShort', { label, points: f.points })
              : t('inspections.risk.factor', { label, points: f.points, because: because(f) })}
          </List.Item>
        );
      })}
    </List.Unordered>
  );
}

/**
 * Why a factor counts, as the api words it; for the kind of premises the api names the kind by its
 * code ("typ av ställe: nightclub"), so the kind is shown in words instead.
 */
function useBecause() {
  const label = useEnumLabel();
  return (f: RiskFactor) => {
    const kind = f.factor === 'kind' ? premisesKindValues.find((k) => f.because.endsWith(`: ${k}`)) : undefined;
    return kind ? label('PremisesKind', kind) : f.because;
  };
}

/** When the next visit is due, in words: never visited means now; a past date is overdue. */
function NextVisit({ premises }: { premises: Premises }) {
  const { t, i18n } = useTranslation();
  if (!premises.nextVisitDueOn) return <>{t('inspections.premisesRegister.dueNow')}</>;
  const overdue = premises.nextVisitDueOn < todayInStockholm();
  return (
    <>
      {date(premises.nextVisitDueOn, i18n.language)}
      {overdue && ` (${t('inspections.premisesRegister.overdue')})`}
    </>
  );
}

/** The register of licensed premises with each one's risk score and its factors, licences and next visit. */
export function PremisesRegister() {
  const { t } = useTranslation();
  const { can } = useSession();
  const location = useLocation();
  const { params, setParams, goToOffset } = useListQuery();
  const [registering, setRegistering] = useState(false);
  // What was done last: premises registered here, or removed on their page (which comes back here).
  const [done, setDone] = useState<string | undefined>((location.state as { removed?: string } | null)?.removed);
  const q = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const offset = Number(params.get('offset') ?? 0);
  const list = useLoad(
    () =>
      api.GET('/api/v1/premises', {
        params: { query: { q: q || undefined, status: (status || undefined) as components['schemas']['LicenceStatus'] | undefined, limit: PAGE_SIZE, offset } },
      }),
    [q, status, offset],
  );

  function registered(name: string) {
    setRegistering(false);
    setDone(t('premisesEdit.registered', { name }));
    list.reload();
  }

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const key of ['q', 'status']) if (form.get(key)) next.set(key, String(form.get(key)));
    setParams(next);
  }

  return (
    <>
      <PageTitle>{t('inspections.premisesRegister.title')}</PageTitle>
      <Paragraph data-size="sm">{t('inspections.premisesRegister.intro')}</Paragraph>
      {done && (
        <Alert data-color="success" role="status">
          {done}
        </Alert>
      )}
      {can('premises:manage') && (
        <section aria-labelledby="register-premises-heading">
          <Heading level={2} data-size="sm" id="register-premises-heading">
            {t('premisesEdit.register')}
          </Heading>
          {registering ? (
            <>
              <Paragraph data-size="sm">{t('premisesEdit.registerIntro')}</Paragraph>
              <PremisesForm onCancel={() => setRegistering(false)} onSaved={(p) => registered(p.name)} />
            </>
          ) : (
            <div>
              <Button
                variant="secondary"
                onClick={() => {
                  setDone(undefined);
                  setRegistering(true);
                }}
              >
                {t('premisesEdit.register')}
              </Button>
            </div>
          )}
        </section>
      )}
      <form className="inspections-filters" onSubmit={search} aria-label={t('inspections.filter.label')}>
        <Textfield id="q" name="q" label={t('inspections.premisesRegister.search')} defaultValue={q} />
        <Field>
          <Label htmlFor="status">{t('inspections.premisesRegister.licenceStatus')}</Label>
          <Select id="status" name="status" defaultValue={status}>
            <Select.Option value="">{t('inspections.filter.all')}</Select.Option>
            {licenceStatusValues.map((s) => (
              <Select.Option key={s} value={s}>
                {t(`inspections.licence.statuses.${s}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <div>
          <Button type="submit" variant="secondary">
            {t('inspections.filter.apply')}
          </Button>
        </div>
      </form>
      {list.loading && <Loading />}
      <ProblemMessage problem={list.problem} />
      {!list.loading && list.data?.items.length === 0 && <EmptyState>{t('inspections.premisesRegister.empty')}</EmptyState>}
      {!!list.data?.items.length && (
        <TableWrap>
          <Table zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('inspections.premises')}</Table.HeaderCell>
                <Table.HeaderCell>{t('inspections.premisesRegister.licences')}</Table.HeaderCell>
                <Table.HeaderCell>{t('inspections.risk.score')}</Table.HeaderCell>
                <Table.HeaderCell>{t('inspections.risk.factorsHeading')}</Table.HeaderCell>
                <Table.HeaderCell>{t('inspections.premisesRegister.nextVisit')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.data.items.map((p) => (
                <Table.Row key={p.id}>
                  <Table.Cell>
                    <DsLink asChild>
                      <Link to={`/inspections/premises/${p.id}`}>{p.name}</Link>
                    </DsLink>
                    <div className="inspections-entry-meta">{t(`inspections.kinds.${p.kind}`)}</div>
                  </Table.Cell>
                  <Table.Cell>
                    {p.licences.length === 0
                      ? '–'
                      : p.licences.map((l) => (
                          <div key={l.id}>
                            {t(`inspections.licence.types.${l.type}`)}: {t(`inspections.licence.statuses.${l.status}`)}
                          </div>
                        ))}
                  </Table.Cell>
                  <Table.Cell>{p.risk ? t('inspections.risk.scoreOf', { score: p.risk.score, year: p.risk.year }) : t('inspections.risk.none')}</Table.Cell>
                  <Table.Cell>{p.risk ? <RiskFactors factors={p.risk.factors} /> : '–'}</Table.Cell>
                  <Table.Cell>
                    <NextVisit premises={p} />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableWrap>
      )}
      {list.data && <Pager page={list.data} onOffset={goToOffset} />}
    </>
  );
}

/** One premises: its facts, risk factors, licences with their terms and sanction cases, inspection history, next visit. */
export function PremisesView() {
  const { id } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const because = useBecause();
  const navigate = useNavigate();
  const removeDialog = useRef<HTMLDialogElement>(null);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const premises = useLoad(() => api.GET('/api/v1/premises/{id}', { params: { path: { id: id! } } }), [id]);
  const licences = useLoad(() => api.GET('/api/v1/licences', { params: { query: { premisesId: id!, limit: 50 } } }), [id]);
  const history = useLoad(() => api.GET('/api/v1/inspections', { params: { query: { premisesId: id!, limit: 50 } } }), [id]);
  if (premises.loading && !premises.data) return <Loading />;
  if (!premises.data) return <ProblemMessage problem={premises.problem} />;
  const p = premises.data;
  const manages = can('premises:manage');

  /** Removes premises registered by mistake; the api refuses (409) once they have licences or inspections. */
  async function remove(): Promise<Problem | undefined> {
    const { error, response } = await api.DELETE('/api/v1/premises/{id}', { params: { path: { id: p.id }, header: { 'If-Match': `"${p.version}"` } } });
    if (error) return asProblem(error, response.status);
    void navigate('/inspections/premises', { state: { removed: t('premisesEdit.removed', { name: p.name }) } });
    return undefined;
  }

  return (
    <>
      <DsLink asChild>
        <Link to="/inspections/premises">{t('inspections.premisesRegister.title')}</Link>
      </DsLink>
      <PageTitle>{p.name}</PageTitle>
      <dl className="inspections-facts">
        <dt>{t('inspections.premisesRegister.kind')}</dt>
        <dd>{t(`inspections.kinds.${p.kind}`)}</dd>
        <dt>{t('inspections.premisesRegister.address')}</dt>
        <dd>{[p.address, [p.postalCode, p.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')}</dd>
        <dt>{t('inspections.premisesRegister.capacity')}</dt>
        <dd>{p.capacity ?? '–'}</dd>
        <dt>{t('inspections.premisesRegister.kitchen')}</dt>
        <dd>{p.hasOwnKitchen ? t('inspections.yes') : t('inspections.no')}</dd>
        <dt>{t('inspections.premisesRegister.lastVisit')}</dt>
        <dd>{date(p.lastVisitScheduledOn, i18n.language)}</dd>
        <dt>{t('inspections.premisesRegister.nextVisit')}</dt>
        <dd>
          <NextVisit premises={p} />
        </dd>
      </dl>
      {saved && (
        <Alert data-color="success" role="status">
          {t('premisesEdit.saved')}
        </Alert>
      )}
      {manages &&
        (editing ? (
          <PremisesForm
            key={p.version}
            premises={p}
            onCancel={() => setEditing(false)}
            onReload={premises.reload}
            onSaved={() => {
              setEditing(false);
              setSaved(true);
              premises.reload();
            }}
          />
        ) : (
          <div className="row">
            <Button
              variant="secondary"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t('premisesEdit.edit')}
            </Button>
            <Button variant="tertiary" data-color="danger" onClick={() => removeDialog.current?.showModal()}>
              {t('premisesEdit.remove')}
            </Button>
          </div>
        ))}
      {manages && (
        <ConfirmDialog
          dialog={removeDialog}
          title={t('premisesEdit.removeTitle', { name: p.name })}
          text={t('premisesEdit.removeText')}
          confirmLabel={t('premisesEdit.removeConfirm')}
          danger
          onConfirm={remove}
        />
      )}
      {can('inspection:plan') && (
        <div>
          <Button asChild>
            <Link to={`/inspections/new?premisesId=${p.id}`}>{t('inspections.schedule.title')}</Link>
          </Button>
        </div>
      )}
      <section>
        <Heading level={2} data-size="sm">
          {t('inspections.risk.title')}
        </Heading>
        {p.risk ? (
          <>
            <Paragraph>
              {t('inspections.risk.scoreOf', { score: p.risk.score, year: p.risk.year })}
              {p.plannedVisitsPerYear !== null && ` — ${t('inspections.risk.visits', { count: p.plannedVisitsPerYear })}`}
            </Paragraph>
            <TableWrap>
              <Table>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('inspections.risk.factorHeading')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('inspections.risk.points')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('inspections.risk.because')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {p.risk.factors.map((f) => (
                    <Table.Row key={f.factor}>
                      <Table.Cell>{t(`inspections.risk.factors.${f.factor}`)}</Table.Cell>
                      <Table.Cell>{f.points}</Table.Cell>
                      <Table.Cell>{because(f)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </TableWrap>
          </>
        ) : (
          <EmptyState>{t('inspections.risk.noneHelp')}</EmptyState>
        )}
      </section>
      <PremisesTips premises={p} />
      <section>
        <Heading level={2} data-size="sm">
          {t('inspections.premisesRegister.licences')}
        </Heading>
        <ProblemMessage problem={licences.problem} />
        {licences.data?.items.length === 0 && <EmptyState>{t('inspections.licence.none')}</EmptyState>}
        <div className="cards">
          {licences.data?.items.map((l) => (
            <LicenceCard key={l.id} licence={l} />
          ))}
        </div>
      </section>
      <section>
        <Heading level={2} data-size="sm">
          {t('inspections.premisesRegister.history')}
        </Heading>
        <ProblemMessage problem={history.problem} />
        {history.data?.items.length === 0 && <EmptyState>{t('inspections.premisesRegister.noHistory')}</EmptyState>}
        {!!history.data?.items.length && (
          <TableWrap>
            <Table zebra>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('inspections.when')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('inspections.type')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('inspections.status')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('inspections.inspectors')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {history.data.items.map((i) => (
                  <Table.Row key={i.id}>
                    <Table.Cell>
                      <DsLink asChild>
                        <Link to={`/inspections/${i.id}`}>{dateTime(i.plannedStart, i18n.language)}</Link>
                      </DsLink>
                    </Table.Cell>
                    <Table.Cell>{t(`inspections.types.${i.type}`)}</Table.Cell>
                    <Table.Cell>{t(`statuses.${i.status}`)}</Table.Cell>
                    <Table.Cell>{i.inspectors.map((x) => x.displayName).join(', ')}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableWrap>
        )}
        {history.data && history.data.total > history.data.items.length && (
          <DsLink asChild>
            <Link to={`/inspections?premisesId=${p.id}`}>{t('inspections.premisesRegister.allInspections', { count: history.data.total })}</Link>
          </DsLink>
        )}
      </section>
    </>
  );
}

/** A number typed in a form, or what was typed when it is none (the api says so at the field); nothing when empty. */
function numberOrText(value: string): number | undefined {
  const text = value.trim().replace(',', '.');
  if (!text) return undefined;
  const n = Number(text);
  return (Number.isFinite(n) ? n : text) as number;
}

/**
 * Registers premises, or changes them (`premises` given, with the version read as If-Match; a 412
 * says someone else changed them, and `onReload` fetches their latest details). Every field of the
 * api's PremisesInput; the collaboration is chosen only when registering and the user has several
 * (premises never move to another collaboration).
 */
function PremisesForm({
  premises,
  onCancel,
  onSaved,
  onReload,
}: {
  premises?: Premises;
  onCancel: () => void;
  onSaved: (premises: Premises) => void;
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  const { me } = useSession();
  const label = useEnumLabel();
  const [problem, setProblem] = useState<Problem>();
  const collaborations = me?.collaborations ?? [];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const body: Schemas['PremisesInput'] = {
      collaborationId: premises?.collaborationId ?? (text('collaborationId') || collaborations[0]?.id || ''),
      name: text('name'),
      kind: text('kind') as Schemas['PremisesKind'],
      address: text('address'),
      postalCode: text('postalCode') || undefined,
      city: text('city') || undefined,
      capacity: numberOrText(text('capacity')),
      latitude: numberOrText(text('latitude')),
      longitude: numberOrText(text('longitude')),
      hasOwnKitchen: form.get('hasOwnKitchen') === 'yes',
    };
    const { data, error, response } = premises
      ? await api.PUT('/api/v1/premises/{id}', { params: { path: { id: premises.id }, header: { 'If-Match': `"${premises.version}"` } }, body })
      : await api.POST('/api/v1/premises', { body });
    setProblem(error ? asProblem(error, response.status) : undefined);
    if (data) onSaved(data);
  }

  const textField = (name: 'name' | 'address' | 'postalCode' | 'city', props: { required?: boolean; description?: string } = {}) => (
    <Textfield
      id={name}
      name={name}
      {...props}
      label={t(`premisesEdit.${name}`)}
      defaultValue={premises?.[name] ?? ''}
      error={fieldError(problem, name, t(`premisesEdit.${name}`))}
    />
  );
  const numberField = (name: 'capacity' | 'latitude' | 'longitude', description?: string) => (
    <Textfield
      id={name}
      name={name}
      inputMode={name === 'capacity' ? 'numeric' : 'decimal'}
      description={description}
      label={t(`premisesEdit.${name}`)}
      defaultValue={premises?.[name] ?? ''}
      error={fieldError(problem, name, t(`premisesEdit.${name}`))}
    />
  );
  const kitchenError = fieldError(problem, 'hasOwnKitchen', t('premisesEdit.hasOwnKitchen'));

  return (
    <form className="protocol" onSubmit={(e) => void submit(e)} noValidate aria-label={premises ? t('premisesEdit.edit') : t('premisesEdit.register')}>
      <ProblemMessage problem={problem} />
      {problem?.status === 412 && onReload && (
        <div>
          <Button type="button" variant="secondary" onClick={onReload}>
            {t('premisesEdit.reload')}
          </Button>
        </div>
      )}
      {!premises && collaborations.length > 1 && (
        <SelectField
          id="collaborationId"
          label={t('premisesEdit.collaboration')}
          defaultValue={collaborations[0]?.id}
          error={fieldError(problem, 'collaborationId', t('premisesEdit.collaboration'))}
        >
          {collaborations.map((c) => (
            <Select.Option key={c.id} value={c.id}>
              {c.name}
            </Select.Option>
          ))}
        </SelectField>
      )}
      {textField('name', { required: true })}
      <SelectField
        id="kind"
        label={t('premisesEdit.kind')}
        required
        defaultValue={premises?.kind ?? ''}
        error={fieldError(problem, 'kind', t('premisesEdit.kind'))}
      >
        <Select.Option value="">{t('premisesEdit.chooseKind')}</Select.Option>
        {premisesKindValues.map((k) => (
          <Select.Option key={k} value={k}>
            {label('PremisesKind', k)}
          </Select.Option>
        ))}
      </SelectField>
      {textField('address', { required: true })}
      {textField('postalCode', { description: t('premisesEdit.postalCodeHelp') })}
      {textField('city')}
      {numberField('capacity', t('premisesEdit.capacityHelp'))}
      {numberField('latitude', t('premisesEdit.coordinatesHelp'))}
      {numberField('longitude')}
      <Field>
        <Checkbox
          id="hasOwnKitchen"
          name="hasOwnKitchen"
          value="yes"
          label={t('premisesEdit.hasOwnKitchenLabel')}
          description={t('premisesEdit.hasOwnKitchenHelp')}
          defaultChecked={premises?.hasOwnKitchen ?? false}
          aria-invalid={kitchenError ? true : undefined}
        />
        {kitchenError && <ValidationMessage>{kitchenError}</ValidationMessage>}
      </Field>
      <div className="row">
        <Button type="submit">{premises ? t('premisesEdit.save') : t('premisesEdit.registerSubmit')}</Button>
        <Button type="button" variant="tertiary" onClick={onCancel}>
          {t('premisesEdit.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** A licence with its terms: who holds it, what may be served to whom and when, by whom; and its sanction cases. */
function LicenceCard({ licence: l }: { licence: Licence }) {
  const { t, i18n } = useTranslation();
  const hours = WEEKDAYS.flatMap((day) => {
    const span = l.servingHours[day];
    return span ? [`${t(`inspections.licence.weekdays.${day}`)} ${span.from}–${span.to}`] : [];
  });
  return (
    <Card>
      <Heading level={3} data-size="xs">
        {l.holderName}
      </Heading>
      <div className="row">
        <Tag data-color={l.status === 'active' ? 'success' : 'warning'}>{t(`inspections.licence.statuses.${l.status}`)}</Tag>
        <Paragraph data-size="sm">
          {t(`inspections.licence.types.${l.type}`)}, {t(`inspections.licence.audiences.${l.audience}`)}
        </Paragraph>
      </div>
      <dl className="inspections-facts">
        <dt>{t('inspections.licence.valid')}</dt>
        <dd>
          {date(l.validFrom, i18n.language)} – {l.validUntil ? date(l.validUntil, i18n.language) : t('inspections.licence.untilFurther')}
        </dd>
        <dt>{t('inspections.licence.drinks')}</dt>
        <dd>{l.drinkCategories.map((d) => t(`inspections.licence.drinkCategories.${d}`)).join(', ')}</dd>
        <dt>{t('inspections.licence.hours')}</dt>
        <dd>{hours.length ? hours.join('; ') : '–'}</dd>
        {l.servingAreas.length > 0 && (
          <>
            <dt>{t('inspections.licence.areas')}</dt>
            <dd>{l.servingAreas.map((a) => `${a.name} (${t(`inspections.licence.areaKinds.${a.kind}`)})`).join(', ')}</dd>
          </>
        )}
        {l.conditions && (
          <>
            <dt>{t('inspections.licence.conditions')}</dt>
            <dd>{l.conditions}</dd>
          </>
        )}
        <dt>{t('inspections.licence.managers')}</dt>
        <dd>{l.servingManagers.map((m) => m.name).join(', ') || '–'}</dd>
      </dl>
      <DsLink asChild>
        <Link to={`/inspections/licences/${l.id}`}>{t('licensing.licence.open')}</Link>
      </DsLink>
      <LicenceSanctions licenceId={l.id} />
    </Card>
  );
}

function LicenceSanctions({ licenceId }: { licenceId: string }) {
  const { t, i18n } = useTranslation();
  const cases = useLoad(() => api.GET('/api/v1/sanction-cases', { params: { query: { licenceId, limit: 20 } } }), [licenceId]);
  if (!cases.data?.items.length) return null;
  return (
    <>
      <Heading level={4} data-size="2xs">
        {t('inspections.sanctions.title')}
      </Heading>
      <List.Unordered data-size="sm">
        {cases.data.items.map((c) => (
          <List.Item key={c.id}>
            <DsLink asChild>
              <Link to={`/inspections/sanctions/${c.id}`}>
                {c.decision
                  ? `${t(`inspections.sanctions.decisions.${c.decision}`)} ${date(c.decidedOn, i18n.language)}`
                  : t('inspections.sanctions.openSince', { date: date(c.proposedAt, i18n.language) })}
              </Link>
            </DsLink>
          </List.Item>
        ))}
      </List.Unordered>
    </>
  );
}

/**
 * Tips and police referrals about the premises (#17): how they weigh in its risk score (the risk
 * model's tips factor of the latest plan), each tip in full for those who manage the premises, and a
 * form to leave a tip for anyone who may read the premises (a police inspector, too).
 */
function PremisesTips({ premises: p }: { premises: Premises }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const label = useEnumLabel();
  const because = useBecause();
  const manages = can('premises:manage');
  const tips = useLoad(manages ? () => api.GET('/api/v1/premises-tips', { params: { query: { premisesId: p.id, limit: 50 } } }) : null, [p.id, manages]);
  const tipFactor = p.risk?.factors.find((f) => f.factor === 'tips');
  return (
    <section aria-labelledby="premises-tips-heading">
      <Heading level={2} data-size="sm" id="premises-tips-heading">
        {t('inspectionsCasework.premisesTips')}
      </Heading>
      <Paragraph data-size="sm">
        {!p.risk
          ? t('inspectionsCasework.riskNone')
          : tipFactor
            ? t('inspectionsCasework.riskNow', { year: p.risk.year, score: p.risk.score, points: tipFactor.points, because: because(tipFactor) })
            : t('inspectionsCasework.riskNoTips', { year: p.risk.year, score: p.risk.score })}
      </Paragraph>
      {manages && (
        <>
          <ProblemMessage problem={tips.problem} />
          {tips.data?.items.length === 0 && <EmptyState>{t('inspectionsCasework.premisesTipsEmpty')}</EmptyState>}
          {!!tips.data?.items.length && (
            <List.Unordered>
              {tips.data.items.map((tip) => (
                <List.Item key={tip.id}>
                  <DsLink asChild>
                    <Link to={`/inspections/tips/${tip.id}`}>
                      {label('TipSource', tip.source)}, {date(tip.receivedOn, i18n.language)}
                    </Link>
                  </DsLink>{' '}
                  <Tag data-color={tip.acknowledgedAt ? 'success' : 'warning'}>
                    {tip.acknowledgedAt ? t('inspectionsCasework.acknowledged') : t('inspectionsCasework.open')}
                  </Tag>
                  <Paragraph className="inspections-pre">{tip.summary}</Paragraph>
                  <Paragraph data-size="sm">{tip.countsInRisk ? t('inspectionsCasework.countsInRisk') : t('inspectionsCasework.notInRisk')}</Paragraph>
                </List.Item>
              ))}
            </List.Unordered>
          )}
        </>
      )}
      <TipForm premisesId={p.id} onSaved={tips.reload} defaultSource={manages ? 'public' : 'police'} />
    </section>
  );
}

/** Leaving a tip about the premises: when it came in, from whom, what it says. */
function TipForm({ premisesId, onSaved, defaultSource }: { premisesId: string; onSaved: () => void; defaultSource: Schemas['TipSource'] }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const [problem, setProblem] = useState<Problem>();
  const [saved, setSaved] = useState(false);
  const [formKey, setFormKey] = useState(0);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const { error, response } = await api.POST('/api/v1/premises/{id}/tips', {
      params: { path: { id: premisesId } },
      body: {
        receivedOn: String(form.get('receivedOn') ?? ''),
        source: String(form.get('source') ?? '') as Schemas['TipSource'],
        summary: String(form.get('summary') ?? '').trim(),
      },
    });
    setProblem(error ? asProblem(error, response.status) : undefined);
    setSaved(!error);
    if (!error) {
      setFormKey((k) => k + 1);
      onSaved();
    }
  }

  return (
    <form key={formKey} className="protocol" onSubmit={(e) => void submit(e)} aria-labelledby="new-tip-heading" noValidate>
      <Heading level={3} data-size="xs" id="new-tip-heading">
        {t('inspectionsCasework.newTip')}
      </Heading>
      <Paragraph data-size="sm">{t('inspectionsCasework.newTipIntro')}</Paragraph>
      <ProblemMessage problem={problem} />
      {saved && (
        <Alert data-color="success" role="status">
          {t('inspectionsCasework.tipSaved')}
        </Alert>
      )}
      <Textfield
        id="receivedOn"
        name="receivedOn"
        type="date"
        required
        max={todayInStockholm()}
        defaultValue={todayInStockholm()}
        label={t('inspectionsCasework.tipReceivedOn')}
        error={fieldError(problem, 'receivedOn')}
      />
      <Field>
        <Label htmlFor="source">{t('inspectionsCasework.tipSource')}</Label>
        <Select id="source" name="source" defaultValue={defaultSource}>
          {tipSourceValues.map((source) => (
            <Select.Option key={source} value={source}>
              {label('TipSource', source)}
            </Select.Option>
          ))}
        </Select>
        {fieldError(problem, 'source') && <ValidationMessage>{fieldError(problem, 'source')}</ValidationMessage>}
      </Field>
      <Textfield
        id="summary"
        name="summary"
        multiline
        rows={3}
        required
        label={t('inspectionsCasework.tipSummary')}
        description={t('inspectionsCasework.tipSummaryHelp')}
        error={fieldError(problem, 'summary')}
      />
      <div>
        <Button type="submit" variant="secondary">
          {t('inspectionsCasework.saveTip')}
        </Button>
      </div>
    </form>
  );
}
