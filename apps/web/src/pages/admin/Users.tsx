import { Button, Link as DsLink, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { EmptyState, Loading, PageTitle, ProblemMessage, TableWrap, useLoad } from '../../components/common';
import { useListQuery } from '../../components/useListQuery';
import { useSession } from '../../session';
import { fieldError, SelectField } from '../../components/forms';
import { Pager } from '../../components/Pager';
import { useEnumLabel } from '../../components/labels';
import type { components } from '../../api/schema';

type User = components['schemas']['UserView'];

const PAGE_SIZE = 25;

/** The users the admin administers: search by name or e-mail, filter by organisation and status; filters live in the address. */
export function Users() {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const { can } = useSession();
  const { params, applyFilters, goToOffset } = useListQuery();
  const q = params.get('q') ?? '';
  const organisationId = params.get('organisationId') ?? '';
  const active = params.get('active') ?? '';
  const offset = Number(params.get('offset') ?? 0) || 0;
  const users = useLoad(
    () =>
      api.GET('/api/v1/users', {
        params: {
          query: { q: q || undefined, organisationId: organisationId || undefined, active: active ? active === 'true' : undefined, limit: PAGE_SIZE, offset },
        },
      }),
    [q, organisationId, active, offset],
  );
  const organisations = useLoad(() => api.GET('/api/v1/organisations'), []);
  const filtered = !!(q || organisationId || active);

  return (
    <>
      <PageTitle>{t('adminUsers.title')}</PageTitle>
      {can('user:manage') && (
        <div className="row">
          <Button asChild>
            <Link to="/admin/users/new">{t('adminUsers.new')}</Link>
          </Button>
        </div>
      )}
      <form className="admin-filters" role="search" aria-label={t('adminUsers.filters')} onSubmit={applyFilters} noValidate>
        <Textfield
          id="q"
          name="q"
          key={`q-${q}`}
          defaultValue={q}
          label={t('adminUsers.search')}
          description={t('adminUsers.searchHint')}
          error={fieldError(users.problem, 'q')}
        />
        {!!organisations.data?.length && (
          <SelectField
            id="organisationId"
            key={`o-${organisationId}`}
            defaultValue={organisationId}
            label={t('adminUsers.organisation')}
            error={fieldError(users.problem, 'organisationId')}
          >
            <Select.Option value="">{t('adminUsers.allOrganisations')}</Select.Option>
            {organisations.data.map((o) => (
              <Select.Option key={o.id} value={o.id}>
                {o.name}
              </Select.Option>
            ))}
          </SelectField>
        )}
        <SelectField id="active" key={`a-${active}`} defaultValue={active} label={t('adminUsers.status')} error={fieldError(users.problem, 'active')}>
          <Select.Option value="">{t('adminUsers.allStatuses')}</Select.Option>
          <Select.Option value="true">{t('adminUsers.active')}</Select.Option>
          <Select.Option value="false">{t('adminUsers.inactive')}</Select.Option>
        </SelectField>
        <div className="row">
          <Button type="submit" variant="secondary">
            {t('adminUsers.filter')}
          </Button>
          {filtered && (
            <DsLink asChild>
              <Link to="/admin/users">{t('adminUsers.clear')}</Link>
            </DsLink>
          )}
        </div>
      </form>
      {users.loading && <Loading />}
      <ProblemMessage problem={users.problem} />
      {!users.loading && users.data?.items.length === 0 && (
        <EmptyState>{filtered ? t('adminUsers.noMatch') : can('user:manage') ? t('adminUsers.emptyManage') : t('adminUsers.empty')}</EmptyState>
      )}
      {!!users.data?.items.length && (
        <>
          <TableWrap>
            <Table zebra>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('adminUsers.name')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('adminUsers.email')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('adminUsers.organisation')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('adminUsers.roles')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('adminUsers.status')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {users.data.items.map((u) => (
                  <Table.Row key={u.id}>
                    <Table.Cell>
                      <DsLink asChild>
                        <Link to={`/admin/users/${u.id}`}>{u.displayName}</Link>
                      </DsLink>
                    </Table.Cell>
                    <Table.Cell>{u.email}</Table.Cell>
                    <Table.Cell>{u.organisation.name}</Table.Cell>
                    <Table.Cell>{currentRoles(u, label) || t('adminUsers.noRole')}</Table.Cell>
                    <Table.Cell>
                      <UserStatus user={u} />
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </TableWrap>
          <Pager label={t('adminUsers.pages')} page={users.data} onOffset={goToOffset} />
        </>
      )}
    </>
  );
}

/** The roles a user holds now, with their units. */
function currentRoles(user: User, label: ReturnType<typeof useEnumLabel>): string {
  return user.memberships
    .filter((m) => m.active)
    .map((m) => `${label('RoleName', m.role)}, ${m.unitName}`)
    .join('; ');
}

/** Active or inactive, and locked after failed sign-ins: in words, not only colour. */
export function UserStatus({ user }: { user: User }) {
  const { t } = useTranslation();
  return (
    <span className="row">
      <Tag data-color={user.isActive ? 'success' : 'neutral'}>{user.isActive ? t('adminUsers.active') : t('adminUsers.inactive')}</Tag>
      {user.lockedUntil && <Tag data-color="warning">{t('adminUsers.locked')}</Tag>}
    </span>
  );
}
