import { Alert, Button, Link as DsLink, Heading, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { problemText } from '../../api/problem-text';
import { organisationKindValues, type components } from '../../api/schema';
import { EmptyState, Loading, PageTitle, ProblemMessage, TableWrap, useLoad } from '../../components/common';
import { fieldError, fieldErrorWithin, formText, SelectField, useApiForm } from '../../components/forms';
import { useSession } from '../../session';

type Organisation = components['schemas']['OrganisationView'];
type Kind = components['schemas']['OrganisationKind'];

/** What the last change was, for the success message. */
type Notice = { what: 'created'; name: string } | { what: 'unitAdded'; unit: string; organisation: string };

/**
 * The organisations and their units. A system administrator (organisation:manage) creates an
 * organisation with its first units and adds a unit to one; an organisation administrator sees
 * their own. Each organisation's details (contact, appeal court) are changed on its own page
 * (organisation:details). The api checks every field; its refusals appear next to the field they concern.
 */
export function Organisations() {
  const { t } = useTranslation();
  const { can } = useSession();
  const manage = can('organisation:manage');
  const organisations = useLoad(() => api.GET('/api/v1/organisations'), []);
  const [notice, setNotice] = useState<Notice>();

  const changed = (what: Notice) => {
    setNotice(what);
    organisations.reload();
  };
  // A new attempt hides the last success, so a refusal is never shown beside an older "done".
  const starting = () => setNotice(undefined);

  return (
    <>
      <PageTitle>{t('adminOrgs.title')}</PageTitle>
      <Paragraph>{manage ? t('adminOrgs.intro') : t('adminOrgs.introOwn')}</Paragraph>
      {notice && (
        <Alert data-color="success" role="status">
          {notice.what === 'created'
            ? t('adminOrgs.notices.created', { name: notice.name })
            : t('adminOrgs.notices.unitAdded', { unit: notice.unit, organisation: notice.organisation })}
        </Alert>
      )}
      {organisations.loading && !organisations.data && <Loading />}
      <ProblemMessage problem={organisations.problem} />
      {organisations.data?.length === 0 && <EmptyState>{t('adminOrgs.empty')}</EmptyState>}
      {!!organisations.data?.length && (
        <TableWrap>
          <Table zebra className="admin-orgs">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('adminOrgs.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('adminOrgs.kind')}</Table.HeaderCell>
                <Table.HeaderCell>{t('adminOrgs.orgNumber')}</Table.HeaderCell>
                <Table.HeaderCell>{t('adminOrgs.units')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {organisations.data.map((o) => (
                <Table.Row key={o.id}>
                  <Table.Cell>
                    <DsLink asChild>
                      <Link to={`/admin/organisations/${o.id}`}>{o.name}</Link>
                    </DsLink>
                  </Table.Cell>
                  <Table.Cell>{t(`adminOrgs.kinds.${o.kind}`)}</Table.Cell>
                  <Table.Cell>{o.orgNumber ?? t('adminOrgs.none')}</Table.Cell>
                  <Table.Cell>
                    {o.units.length ? (
                      <ul className="admin-units">
                        {o.units.map((u) => (
                          <li key={u.id}>{u.name}</li>
                        ))}
                      </ul>
                    ) : (
                      t('adminOrgs.noUnits')
                    )}
                    {manage && <NewUnit organisation={o} onStart={starting} onAdded={(unit) => changed({ what: 'unitAdded', unit, organisation: o.name })} />}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableWrap>
      )}
      {manage && <NewOrganisation onStart={starting} onCreated={(name) => changed({ what: 'created', name })} />}
    </>
  );
}

/**
 * "Ny enhet" for one organisation. The field's label names the organisation (every row has one, and
 * a screen reader moving by fields hears which); a refusal (a name the organisation has) is said next to it.
 */
function NewUnit({ organisation, onStart, onAdded }: { organisation: Organisation; onStart: () => void; onAdded: (unit: string) => void }) {
  const { t } = useTranslation();
  const { problem, busy, formKey, submit } = useApiForm();
  const id = `unit-${organisation.id}`;
  const label = t('adminOrgs.newUnitIn', { organisation: organisation.name });

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = formText(event.currentTarget)('name');
    onStart();
    const data = await submit(() => api.POST('/api/v1/organisations/{id}/units', { params: { path: { id: organisation.id } }, body: { name } }));
    if (data) onAdded(data.name);
  }

  // A field error is the name's; any other refusal (409 unit.name_taken) is about the name too.
  const error = fieldError(problem, 'name', t('adminOrgs.newUnit')) ?? (problem && !problem.errors?.length ? problemText(problem) : undefined);
  return (
    <form key={formKey} className="admin-inline-form" onSubmit={(e) => void add(e)} noValidate>
      <Textfield id={id} name="name" label={label} data-size="sm" autoComplete="off" error={error} />
      <Button type="submit" variant="secondary" data-size="sm" loading={busy}>
        {t('adminOrgs.addUnit')}
      </Button>
    </form>
  );
}

/** A new organisation with its kind, organisation number and first units (one per line). */
function NewOrganisation({ onStart, onCreated }: { onStart: () => void; onCreated: (name: string) => void }) {
  const { t } = useTranslation();
  const { problem, busy, formKey, submit } = useApiForm();

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = formText(event.currentTarget);
    const units = value('units')
      .split(/\s*\n\s*/)
      .filter(Boolean);
    onStart();
    const data = await submit(() =>
      api.POST('/api/v1/organisations', {
        body: {
          name: value('name'),
          // Nothing chosen or typed is sent as missing, so the api says the field is required.
          kind: (value('kind') || undefined) as Kind,
          orgNumber: value('orgNumber') || undefined,
          units: (units.length ? units : undefined) as string[],
        },
      }),
    );
    if (data) onCreated(data.name);
  }

  return (
    <section aria-labelledby="new-organisation" className="protocol admin-section">
      <Heading level={2} data-size="sm" id="new-organisation">
        {t('adminOrgs.newTitle')}
      </Heading>
      <ProblemMessage problem={problem} />
      {/* noValidate: the api decides what is valid and says so next to each field. */}
      <form key={formKey} className="protocol admin-form" onSubmit={(e) => void create(e)} noValidate>
        <Textfield id="name" name="name" label={t('adminOrgs.name')} required autoComplete="off" error={fieldError(problem, 'name', t('adminOrgs.name'))} />
        <SelectField id="kind" label={t('adminOrgs.kind')} required defaultValue="" error={fieldError(problem, 'kind', t('adminOrgs.kind'))}>
          <Select.Option value="">{t('adminOrgs.choose')}</Select.Option>
          {organisationKindValues.map((k) => (
            <Select.Option key={k} value={k}>
              {t(`adminOrgs.kinds.${k}`)}
            </Select.Option>
          ))}
        </SelectField>
        <Textfield
          id="orgNumber"
          name="orgNumber"
          label={t('adminOrgs.orgNumber')}
          description={t('adminOrgs.orgNumberHint')}
          autoComplete="off"
          error={fieldError(problem, 'orgNumber', t('adminOrgs.orgNumber'))}
        />
        <Textfield
          id="units"
          name="units"
          multiline
          rows={3}
          label={t('adminOrgs.units')}
          description={t('adminOrgs.unitsHint')}
          required
          error={fieldErrorWithin(problem, 'units')}
        />
        <div className="row">
          <Button type="submit" loading={busy}>
            {t('adminOrgs.create')}
          </Button>
        </div>
      </form>
    </section>
  );
}
