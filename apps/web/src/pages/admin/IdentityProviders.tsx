import { Alert, Button, Checkbox, Link as DsLink, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, asProblem, type Problem } from '../../api/client';
import type { components } from '../../api/schema';
import { EmptyState, Loading, PageTitle, ProblemMessage, TableWrap, useLoad } from '../../components/common';
import { fieldError, SelectField } from '../../components/forms';
import { useEnumLabel } from '../../components/labels';
import { Pager } from '../../components/Pager';
import { useListQuery } from '../../components/useListQuery';

type Provider = components['schemas']['IdentityProviderView'];
type MatchOn = components['schemas']['IdentityMatchOn'];
type RoleName = components['schemas']['RoleName'];

const PAGE_SIZE = 25;
const MATCH_ON: MatchOn[] = ['email', 'external_subject'];

/** The organisations' identity providers (OpenID Connect, issue #18), for a system administrator. */
export function IdentityProviders() {
  const { t } = useTranslation();
  const { params, goToOffset } = useListQuery();
  const offset = Number(params.get('offset') ?? 0) || 0;
  const providers = useLoad(() => api.GET('/api/v1/identity-providers', { params: { query: { limit: PAGE_SIZE, offset } } }), [offset]);
  return (
    <>
      <PageTitle>{t('adminIdp.title')}</PageTitle>
      <Paragraph>{t('adminIdp.intro')}</Paragraph>
      <div className="row">
        <Button asChild>
          <Link to="/admin/identity-providers/new">{t('adminIdp.new')}</Link>
        </Button>
      </div>
      {providers.loading && <Loading />}
      <ProblemMessage problem={providers.problem} />
      {!providers.loading && providers.data?.items.length === 0 && <EmptyState>{t('adminIdp.empty')}</EmptyState>}
      {!!providers.data?.items.length && (
        <>
          <TableWrap>
            <Table zebra>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('adminIdp.displayName')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('adminIdp.organisation')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('adminIdp.issuer')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('adminIdp.status')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {providers.data.items.map((p) => (
                  <Table.Row key={p.id}>
                    <Table.Cell>
                      <DsLink asChild>
                        <Link to={`/admin/identity-providers/${p.id}`}>{p.displayName}</Link>
                      </DsLink>
                    </Table.Cell>
                    <Table.Cell>{p.organisationName}</Table.Cell>
                    <Table.Cell>{p.issuer}</Table.Cell>
                    <Table.Cell>
                      <Tag data-color={p.isActive ? 'success' : 'neutral'}>{p.isActive ? t('adminIdp.active') : t('adminIdp.inactive')}</Tag>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableWrap>
          <Pager label={t('adminIdp.pages')} page={providers.data} onOffset={goToOffset} />
        </>
      )}
    </>
  );
}

/** A new provider for an organisation. */
export function NewIdentityProvider() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);

  async function create(values: FormValues) {
    setBusy(true);
    const { data, error, response } = await api.POST('/api/v1/identity-providers', {
      body: { ...values, organisationId: values.organisationId ?? '', clientSecret: values.clientSecret ?? '' },
    });
    setBusy(false);
    if (!data) return setProblem(asProblem(error, response.status));
    void navigate(`/admin/identity-providers/${data.id}`, { state: { saved: true } });
  }

  return (
    <>
      <DsLink asChild>
        <Link to="/admin/identity-providers">{t('adminIdp.back')}</Link>
      </DsLink>
      <PageTitle>{t('adminIdp.newTitle')}</PageTitle>
      <ProviderForm problem={problem} busy={busy} submitLabel={t('adminIdp.create')} onSubmit={create} />
    </>
  );
}

/** One provider: change its settings (If-Match); the secret is only ever replaced, never shown. */
export function IdentityProviderDetail() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const provider = useLoad(() => api.GET('/api/v1/identity-providers/{id}', { params: { path: { id } } }), [id]);
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  async function save(values: FormValues) {
    if (!provider.data) return;
    setBusy(true);
    setSaved(false);
    const { organisationId: _organisation, ...changes } = values;
    const { data, error, response } = await api.PATCH('/api/v1/identity-providers/{id}', {
      params: { path: { id }, header: { 'If-Match': `"${provider.data.version}"` } },
      body: changes,
    });
    setBusy(false);
    if (!data) return setProblem(asProblem(error, response.status));
    setProblem(undefined);
    setSaved(true);
    provider.reload();
  }

  return (
    <>
      <DsLink asChild>
        <Link to="/admin/identity-providers">{t('adminIdp.back')}</Link>
      </DsLink>
      <PageTitle>{provider.data?.displayName ?? t('adminIdp.editTitle')}</PageTitle>
      {provider.loading && !provider.data && <Loading />}
      <ProblemMessage problem={provider.problem} />
      {saved && <Alert data-color="success">{t('adminIdp.saved')}</Alert>}
      {provider.data && (
        <ProviderForm key={provider.data.version} provider={provider.data} problem={problem} busy={busy} submitLabel={t('adminIdp.save')} onSubmit={save} />
      )}
    </>
  );
}

interface FormValues {
  organisationId?: string;
  displayName: string;
  issuer: string;
  clientId: string;
  clientSecret?: string;
  scopes: string;
  userClaim: string;
  matchOn: MatchOn;
  strongAcrValues: string[];
  jitAllowed: boolean;
  jitRole?: RoleName;
  jitUnitId?: string;
  isActive: boolean;
}

/** The provider's settings; the api checks every field and its messages appear next to them. */
function ProviderForm(props: { provider?: Provider; problem?: Problem; busy: boolean; submitLabel: string; onSubmit: (values: FormValues) => Promise<void> }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const { provider, problem } = props;
  const organisations = useLoad(() => api.GET('/api/v1/organisations'), []);
  const catalogue = useLoad(() => api.GET('/api/v1/roles'), []);
  const [organisationId, setOrganisationId] = useState(provider?.organisationId ?? '');
  const organisation = organisations.data?.find((o) => o.id === organisationId);
  const roles = (catalogue.data?.roles ?? []).filter((r) => organisation && r.organisationKinds.includes(organisation.kind));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '').trim();
    const secret = value('clientSecret');
    void props.onSubmit({
      organisationId: provider ? undefined : organisationId,
      displayName: value('displayName'),
      issuer: value('issuer'),
      clientId: value('clientId'),
      clientSecret: secret || undefined,
      scopes: value('scopes'),
      userClaim: value('userClaim'),
      matchOn: value('matchOn') as MatchOn,
      strongAcrValues: value('strongAcrValues')
        .split(/\s*\n\s*/)
        .filter(Boolean),
      jitAllowed: form.get('jitAllowed') === 'true',
      jitRole: (value('jitRole') || undefined) as RoleName | undefined,
      jitUnitId: value('jitUnitId') || undefined,
      isActive: form.get('isActive') === 'true',
    });
  }

  return (
    <>
      <ProblemMessage problem={organisations.problem} />
      <ProblemMessage problem={problem} />
      {/* noValidate: the api decides what is valid and says so next to each field. */}
      <form className="protocol admin-form" onSubmit={submit} noValidate>
        {!provider && (
          <SelectField
            id="organisationId"
            label={t('adminIdp.organisation')}
            value={organisationId}
            onChange={(e) => setOrganisationId(e.target.value)}
            error={fieldError(problem, 'organisationId')}
          >
            <Select.Option value="">{t('adminIdp.choose')}</Select.Option>
            {(organisations.data ?? []).map((o) => (
              <Select.Option key={o.id} value={o.id}>
                {o.name}
              </Select.Option>
            ))}
          </SelectField>
        )}
        <Textfield
          id="displayName"
          name="displayName"
          label={t('adminIdp.displayName')}
          description={t('adminIdp.displayNameHint')}
          defaultValue={provider?.displayName}
          autoComplete="off"
          error={fieldError(problem, 'displayName')}
        />
        <Textfield
          id="issuer"
          name="issuer"
          label={t('adminIdp.issuer')}
          description={t('adminIdp.issuerHint')}
          defaultValue={provider?.issuer}
          autoComplete="off"
          error={fieldError(problem, 'issuer')}
        />
        <Textfield
          id="clientId"
          name="clientId"
          label={t('adminIdp.clientId')}
          defaultValue={provider?.clientId}
          autoComplete="off"
          error={fieldError(problem, 'clientId')}
        />
        <Textfield
          id="clientSecret"
          name="clientSecret"
          type="password"
          label={t('adminIdp.clientSecret')}
          description={provider ? t('adminIdp.clientSecretKeep') : t('adminIdp.clientSecretHint')}
          autoComplete="new-password"
          error={fieldError(problem, 'clientSecret')}
        />
        <Textfield
          id="scopes"
          name="scopes"
          label={t('adminIdp.scopes')}
          defaultValue={provider?.scopes ?? 'openid email profile'}
          error={fieldError(problem, 'scopes')}
        />
        <Textfield
          id="userClaim"
          name="userClaim"
          label={t('adminIdp.userClaim')}
          description={t('adminIdp.userClaimHint')}
          defaultValue={provider?.userClaim ?? 'email'}
          error={fieldError(problem, 'userClaim')}
        />
        <SelectField id="matchOn" label={t('adminIdp.matchOnLabel')} defaultValue={provider?.matchOn ?? 'email'} error={fieldError(problem, 'matchOn')}>
          {MATCH_ON.map((m) => (
            <Select.Option key={m} value={m}>
              {label('IdentityMatchOn', m)}
            </Select.Option>
          ))}
        </SelectField>
        <Textfield
          id="strongAcrValues"
          name="strongAcrValues"
          multiline
          rows={3}
          label={t('adminIdp.strongAcrValues')}
          description={t('adminIdp.strongAcrHint')}
          defaultValue={provider?.strongAcrValues.join('\n')}
          error={fieldError(problem, 'strongAcrValues')}
        />
        <Checkbox
          id="jitAllowed"
          name="jitAllowed"
          value="true"
          label={t('adminIdp.jitAllowed')}
          description={t('adminIdp.jitAllowedHint')}
          defaultChecked={provider?.jitAllowed}
        />
        <SelectField
          id="jitRole"
          label={t('adminIdp.jitRole')}
          defaultValue={provider?.jitRole ?? ''}
          key={`role-${roles.length}`}
          error={fieldError(problem, 'jitRole')}
        >
          <Select.Option value="">{t('adminIdp.noRole')}</Select.Option>
          {roles.map((r) => (
            <Select.Option key={r.name} value={r.name}>
              {label('RoleName', r.name)}
            </Select.Option>
          ))}
        </SelectField>
        <SelectField
          id="jitUnitId"
          label={t('adminIdp.jitUnit')}
          defaultValue={provider?.jitUnitId ?? ''}
          key={`unit-${organisation?.id ?? ''}`}
          error={fieldError(problem, 'jitUnitId')}
        >
          <Select.Option value="">{t('adminIdp.noRole')}</Select.Option>
          {(organisation?.units ?? []).map((u) => (
            <Select.Option key={u.id} value={u.id}>
              {u.name}
            </Select.Option>
          ))}
        </SelectField>
        <Checkbox id="isActive" name="isActive" value="true" label={t('adminIdp.isActive')} defaultChecked={provider?.isActive ?? true} />
        <div className="row">
          <Button type="submit" loading={props.busy}>
            {props.submitLabel}
          </Button>
        </div>
      </form>
    </>
  );
}
