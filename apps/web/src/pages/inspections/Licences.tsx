import {
  Alert,
  Button,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Link as DsLink,
  Paragraph,
  Table,
  Tag,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, asProblem, type Problem } from '../../api/client';
import { type components, drinkCategoryValues, licenceAudienceValues, licenceTypeValues, servingAreaKindValues } from '../../api/schema';
import { date, EmptyState, Loading, PageTitle, ProblemMessage, TableWrap, useLoad } from '../../components/common';
import { fieldError, fieldErrorWithin, SelectField } from '../../components/forms';
import { useEnumLabel } from '../../components/labels';
import { Pager } from '../../components/Pager';
import { todayInStockholm } from '../../components/time';
import { useListQuery } from '../../components/useListQuery';
import { useSession } from '../../session';
import { usePremisesOptions } from './shared';

const PAGE_SIZE = 25;

type Licence = components['schemas']['LicenceView'];
type Holder = components['schemas']['LicenceHolderView'];
type Weekday = keyof components['schemas']['WeeklyServingHours'];
export type LicenceTerms = components['schemas']['LicenceTermsInput'];

/** The order of the week (the days are the properties of the api's WeeklyServingHours). */
export const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** The licence register's holders (tillståndshavare): search by name or organisation number, and register one. */
export function LicenceHolders() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { params, applyFilters, goToOffset } = useListQuery();
  const q = params.get('q') ?? '';
  const offset = Number(params.get('offset') ?? 0);
  const list = useLoad(() => api.GET('/api/v1/licence-holders', { params: { query: { q: q || undefined, limit: PAGE_SIZE, offset } } }), [q, offset]);
  const [registering, setRegistering] = useState(false);

  return (
    <>
      <PageTitle>{t('licensing.holders.title')}</PageTitle>
      <Paragraph data-size="sm">{t('licensing.holders.intro')}</Paragraph>
      <form className="inspections-filters" role="search" onSubmit={applyFilters}>
        <Textfield id="q" name="q" label={t('licensing.holders.search')} description={t('licensing.holders.searchHelp')} defaultValue={q} />
        <div>
          <Button type="submit" variant="secondary">
            {t('licensing.holders.searchButton')}
          </Button>
        </div>
      </form>
      {list.loading && <Loading />}
      <ProblemMessage problem={list.problem} />
      {!list.loading && list.data?.items.length === 0 && <EmptyState>{q ? t('licensing.holders.none') : t('licensing.holders.empty')}</EmptyState>}
      {!!list.data?.items.length && (
        <TableWrap>
          <Table zebra>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('licensing.holders.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('licensing.holders.orgNumber')}</Table.HeaderCell>
                <Table.HeaderCell>{t('licensing.holders.contact')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.data.items.map((h) => (
                <Table.Row key={h.id}>
                  <Table.Cell>
                    <DsLink asChild>
                      <Link to={`/inspections/licences/holders/${h.id}`}>{h.name}</Link>
                    </DsLink>
                  </Table.Cell>
                  <Table.Cell>{h.orgNumber}</Table.Cell>
                  <Table.Cell>{[h.contactName, h.contactEmail, h.contactPhone].filter(Boolean).join(', ') || '–'}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableWrap>
      )}
      {list.data && <Pager page={list.data} onOffset={goToOffset} />}
      {can('premises:manage') && (
        <section>
          <Heading level={2} data-size="sm">
            {t('licensing.holders.register')}
          </Heading>
          {registering ? (
            <HolderForm onCancel={() => setRegistering(false)} />
          ) : (
            <div>
              <Button variant="secondary" onClick={() => setRegistering(true)}>
                {t('licensing.holders.register')}
              </Button>
            </div>
          )}
        </section>
      )}
    </>
  );
}

/**
 * Registers a holder, or changes one (`holder` given, with the version read as If-Match); the api
 * checks the organisation number (Luhn) and says so at the field.
 */
function HolderForm({ holder, onCancel, onSaved }: { holder?: Holder; onCancel: () => void; onSaved?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<Problem>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const optional = (name: string) => text(name) || undefined;
    const body = {
      name: text('name'),
      orgNumber: text('orgNumber'),
      contactName: optional('contactName'),
      contactEmail: optional('contactEmail'),
      contactPhone: optional('contactPhone'),
      address: optional('address'),
    };
    const { data, error, response } = holder
      ? await api.PUT('/api/v1/licence-holders/{id}', { params: { path: { id: holder.id }, header: { 'If-Match': `"${holder.version}"` } }, body })
      : await api.POST('/api/v1/licence-holders', { body });
    setProblem(error ? asProblem(error, response.status) : undefined);
    if (!data) return;
    if (holder) onSaved?.();
    else void navigate(`/inspections/licences/holders/${data.id}`);
  }

  const field = (name: keyof typeof LABELS, props: { required?: boolean; type?: 'email'; description?: string } = {}) => (
    <Textfield
      id={name}
      name={name}
      {...props}
      label={t(LABELS[name])}
      defaultValue={holder?.[name] ?? ''}
      error={fieldError(problem, name, t(LABELS[name]))}
    />
  );

  return (
    <form className="protocol" onSubmit={(e) => void submit(e)} noValidate>
      <ProblemMessage problem={problem} />
      {field('name', { required: true })}
      {field('orgNumber', { required: true, description: t('licensing.holders.orgNumberHelp') })}
      {field('contactName')}
      {field('contactEmail', { type: 'email' })}
      {field('contactPhone')}
      {field('address')}
      <div className="row">
        <Button type="submit">{holder ? t('licensing.holders.save') : t('licensing.holders.registerSubmit')}</Button>
        <Button type="button" variant="tertiary" onClick={onCancel}>
          {t('licensing.reports.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** The labels of a holder's fields (also the api's field names). */
const LABELS = {
  name: 'licensing.holders.name',
  orgNumber: 'licensing.holders.orgNumber',
  contactName: 'licensing.holders.contact',
  contactEmail: 'licensing.holders.contactEmail',
  contactPhone: 'licensing.holders.contactPhone',
  address: 'licensing.holders.address',
} as const;

/** One holder: contact details, its licences, and registering a new licence for premises. */
export function LicenceHolderPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const { can } = useSession();
  const label = useEnumLabel();
  const holder = useLoad(() => api.GET('/api/v1/licence-holders/{id}', { params: { path: { id: id! } } }), [id]);
  const licences = useLoad(() => api.GET('/api/v1/licences', { params: { query: { holderId: id!, limit: 100 } } }), [id]);
  const [granting, setGranting] = useState(false);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string>();
  if (holder.loading && !holder.data) return <Loading />;
  if (!holder.data) return <ProblemMessage problem={holder.problem} />;
  const h = holder.data;

  return (
    <>
      <DsLink asChild>
        <Link to="/inspections/licences">{t('licensing.holders.back')}</Link>
      </DsLink>
      <PageTitle>{h.name}</PageTitle>
      <dl className="inspections-facts">
        <dt>{t('licensing.holders.orgNumber')}</dt>
        <dd>{h.orgNumber}</dd>
        <dt>{t('licensing.holders.contact')}</dt>
        <dd>{h.contactName || '–'}</dd>
        <dt>{t('licensing.holders.contactEmail')}</dt>
        <dd>{h.contactEmail || '–'}</dd>
        <dt>{t('licensing.holders.contactPhone')}</dt>
        <dd>{h.contactPhone || '–'}</dd>
        <dt>{t('licensing.holders.address')}</dt>
        <dd>{h.address || '–'}</dd>
      </dl>
      <Saved>{saved}</Saved>
      {can('premises:manage') &&
        (editing ? (
          <HolderForm
            key={h.version}
            holder={h}
            onCancel={() => setEditing(false)}
            onSaved={() => {
              setEditing(false);
              setSaved(t('licensing.holders.saved'));
              holder.reload();
            }}
          />
        ) : (
          <div>
            <Button
              variant="secondary"
              onClick={() => {
                setSaved(undefined);
                setEditing(true);
              }}
            >
              {t('licensing.holders.edit')}
            </Button>
          </div>
        ))}
      <section>
        <Heading level={2} data-size="sm">
          {t('licensing.holders.licences')}
        </Heading>
        <ProblemMessage problem={licences.problem} />
        {licences.data?.items.length === 0 && <EmptyState>{t('licensing.holders.noLicences')}</EmptyState>}
        {!!licences.data?.items.length && (
          <TableWrap>
            <Table zebra>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('licensing.licence.premises')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('licensing.licence.type')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('licensing.licence.validFrom')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('licensing.licence.status')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {licences.data.items.map((l) => (
                  <Table.Row key={l.id}>
                    <Table.Cell>
                      <DsLink asChild>
                        <Link to={`/inspections/licences/${l.id}`}>{t('licensing.licence.titleShort', { premises: l.premisesName })}</Link>
                      </DsLink>
                    </Table.Cell>
                    <Table.Cell>{label('LicenceType', l.type)}</Table.Cell>
                    <Table.Cell>{date(l.validFrom)}</Table.Cell>
                    <Table.Cell>
                      <Tag data-color={l.status === 'active' ? 'success' : 'warning'}>{label('LicenceStatus', l.status)}</Tag>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableWrap>
        )}
      </section>
      {can('premises:manage') && (
        <section>
          <Heading level={2} data-size="sm">
            {t('licensing.licence.grant')}
          </Heading>
          {granting ? (
            <GrantLicence holderId={h.id} onCancel={() => setGranting(false)} />
          ) : (
            <div>
              <Button variant="secondary" onClick={() => setGranting(true)}>
                {t('licensing.licence.grant')}
              </Button>
            </div>
          )}
        </section>
      )}
    </>
  );
}

/** Registers a granted licence for premises with its terms and first serving manager (AL 8 kap). */
function GrantLicence({ holderId, onCancel }: { holderId: string; onCancel: () => void }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const navigate = useNavigate();
  const premises = usePremisesOptions();
  const [problem, setProblem] = useState<Problem>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const terms = termsFrom(form);
    const { data, error, response } = await api.POST('/api/v1/licences', {
      body: {
        ...terms,
        holderId,
        premisesId: text('premisesId'),
        type: text('type') as components['schemas']['LicenceType'],
        validFrom: text('validFrom'),
        servingManagers: [{ name: text('manager.name'), birthDate: text('manager.birthDate'), notifiedOn: text('manager.notifiedOn') }],
      },
    });
    setProblem(error ? asProblem(error, response.status) : undefined);
    if (data) void navigate(`/inspections/licences/${data.id}`);
  }

  return (
    <form className="protocol" onSubmit={(e) => void submit(e)} noValidate>
      <ProblemMessage problem={problem} />
      <SelectField
        id="premisesId"
        label={t('licensing.licence.premises')}
        required
        defaultValue=""
        error={fieldError(problem, 'premisesId', t('licensing.licence.premises'))}
      >
        <option value="" disabled>
          {t('licensing.licence.choosePremises')}
        </option>
        {premises.data?.items.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <SelectField id="type" label={t('licensing.licence.type')} defaultValue="permanent" error={fieldError(problem, 'type', t('licensing.licence.type'))}>
        {licenceTypeValues.map((v) => (
          <option key={v} value={v}>
            {label('LicenceType', v)}
          </option>
        ))}
      </SelectField>
      <Textfield
        id="validFrom"
        name="validFrom"
        type="date"
        required
        label={t('licensing.licence.validFrom')}
        defaultValue={todayInStockholm()}
        error={fieldError(problem, 'validFrom', t('licensing.licence.validFrom'))}
      />
      <TermsFields problem={problem} />
      <Fieldset>
        <Fieldset.Legend>{t('licensing.licence.firstManager')}</Fieldset.Legend>
        <Fieldset.Description>{t('licensing.managers.intro')}</Fieldset.Description>
        <Textfield
          id="servingManagers[0].name"
          name="manager.name"
          label={t('licensing.managers.name')}
          error={fieldError(problem, 'servingManagers[0].name', t('licensing.managers.name'))}
        />
        <Textfield
          id="servingManagers[0].birthDate"
          name="manager.birthDate"
          type="date"
          label={t('licensing.managers.birthDate')}
          error={fieldError(problem, 'servingManagers[0].birthDate', t('licensing.managers.birthDate'))}
        />
        <Textfield
          id="servingManagers[0].notifiedOn"
          name="manager.notifiedOn"
          type="date"
          label={t('licensing.managers.notifiedOn')}
          defaultValue={todayInStockholm()}
          error={fieldError(problem, 'servingManagers[0].notifiedOn', t('licensing.managers.notifiedOn'))}
        />
        {fieldError(problem, 'servingManagers') && <ValidationMessage>{fieldError(problem, 'servingManagers')}</ValidationMessage>}
      </Fieldset>
      <div className="row">
        <Button type="submit">{t('licensing.licence.grantSubmit')}</Button>
        <Button type="button" variant="tertiary" onClick={onCancel}>
          {t('licensing.reports.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** The terms of a licence as the form holds them: audience, drinks, hours per weekday, areas, conditions, end date. */
export function termsFrom(form: FormData): LicenceTerms {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const servingHours: Record<string, { from: string; to: string }> = {};
  for (const day of WEEKDAYS) {
    const from = text(`hours.${day}.from`);
    const to = text(`hours.${day}.to`);
    if (from || to) servingHours[day] = { from, to };
  }
  const servingAreas: LicenceTerms['servingAreas'] = [];
  for (let i = 0; form.has(`areas.${i}.name`); i++) {
    const name = text(`areas.${i}.name`);
    if (name) servingAreas.push({ name, kind: text(`areas.${i}.kind`) as components['schemas']['ServingAreaKind'] });
  }
  return {
    audience: text('audience') as components['schemas']['LicenceAudience'],
    drinkCategories: form.getAll('drinkCategories').map(String) as components['schemas']['DrinkCategory'][],
    servingHours,
    servingAreas,
    conditions: text('conditions'),
    validUntil: text('validUntil') || undefined,
  };
}

/** The inputs of a licence's terms, filled with `licence`'s when it is given (a change decision). */
export function TermsFields({ problem, licence }: { problem?: Problem; licence?: Licence }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const areas = [...(licence?.servingAreas ?? []), { name: '', kind: 'indoor' as const }];
  const drinksError = fieldErrorWithin(problem, 'drinkCategories');
  return (
    <>
      <SelectField
        id="audience"
        label={t('licensing.licence.audience')}
        defaultValue={licence?.audience ?? 'public'}
        error={fieldError(problem, 'audience', t('licensing.licence.audience'))}
      >
        {licenceAudienceValues.map((v) => (
          <option key={v} value={v}>
            {label('LicenceAudience', v)}
          </option>
        ))}
      </SelectField>
      <Fieldset id="drinkCategories">
        <Fieldset.Legend>{t('licensing.licence.drinks')}</Fieldset.Legend>
        {drinkCategoryValues.map((d) => (
          <Checkbox
            key={d}
            name="drinkCategories"
            value={d}
            label={label('DrinkCategory', d)}
            defaultChecked={licence ? licence.drinkCategories.includes(d) : d !== 'spirits'}
          />
        ))}
        {drinksError && <ValidationMessage>{drinksError}</ValidationMessage>}
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>{t('licensing.licence.hours')}</Fieldset.Legend>
        <Fieldset.Description>{t('licensing.licence.hoursHelp')}</Fieldset.Description>
        <div className="licensing-hours">
          {WEEKDAYS.map((day) => {
            const dayName = t(`licensing.licence.weekdays.${day}`);
            const error = fieldError(problem, `servingHours.${day}`, dayName);
            return (
              <Field key={day} className="licensing-hours-day">
                <div className="row">
                  <Textfield
                    id={`servingHours.${day}`}
                    name={`hours.${day}.from`}
                    type="time"
                    label={t('licensing.licence.dayFrom', { day: dayName })}
                    defaultValue={licence?.servingHours[day]?.from ?? ''}
                    aria-invalid={error ? true : undefined}
                  />
                  <Textfield
                    id={`servingHours.${day}.to`}
                    name={`hours.${day}.to`}
                    type="time"
                    label={t('licensing.licence.dayTo', { day: dayName })}
                    defaultValue={licence?.servingHours[day]?.to ?? ''}
                    aria-invalid={error ? true : undefined}
                  />
                </div>
                {error && <ValidationMessage>{error}</ValidationMessage>}
              </Field>
            );
          })}
        </div>
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>{t('licensing.licence.areas')}</Fieldset.Legend>
        {areas.map((a, i) => (
          <div className="row" key={i}>
            <Textfield
              id={`servingAreas[${i}].name`}
              name={`areas.${i}.name`}
              label={`${t('licensing.licence.areaName')} ${i + 1}`}
              defaultValue={a.name}
              error={fieldErrorWithin(problem, `servingAreas[${i}]`) ?? fieldErrorWithin(problem, `servingAreas.${i}`)}
            />
            <SelectField id={`areas.${i}.kind`} label={`${t('licensing.licence.areaKind')} ${i + 1}`} defaultValue={a.kind}>
              {servingAreaKindValues.map((k) => (
                <option key={k} value={k}>
                  {label('ServingAreaKind', k)}
                </option>
              ))}
            </SelectField>
          </div>
        ))}
      </Fieldset>
      <Textfield
        id="conditions"
        name="conditions"
        multiline
        rows={3}
        label={t('licensing.licence.conditions')}
        defaultValue={licence?.conditions ?? ''}
        error={fieldError(problem, 'conditions', t('licensing.licence.conditions'))}
      />
      <Textfield
        id="validUntil"
        name="validUntil"
        type="date"
        label={t('licensing.licence.validUntil')}
        description={t('licensing.licence.validUntilHelp')}
        defaultValue={licence?.validUntil ?? ''}
        error={fieldError(problem, 'validUntil', t('licensing.licence.validUntil'))}
      />
    </>
  );
}

/** A short line after a change was saved (announced to screen readers). */
export function Saved({ children }: { children: string | undefined }) {
  if (!children) return null;
  return (
    <Alert data-color="success" role="status">
      {children}
    </Alert>
  );
}
