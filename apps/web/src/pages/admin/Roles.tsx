import { Heading, List, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { Loading, PageTitle, ProblemMessage, TableWrap, useLoad } from '../../components/common';
import { useEnumLabel } from '../../components/labels';
import { type components, scopeValues } from '../../api/schema';

type RoleCatalogue = components['schemas']['RoleCatalogueView'];
type RoleView = components['schemas']['RoleView'];
type Scope = components['schemas']['Scope'];

/** The role catalogue as the api defines it: who may hold each role, how far it reaches, and what it allows. */
export function Roles() {
  const { t } = useTranslation();
  const catalogue = useLoad(() => api.GET('/api/v1/roles'), []);
  return (
    <>
      <PageTitle>{t('adminRoles.title')}</PageTitle>
      <Paragraph>{t('adminRoles.intro')}</Paragraph>
      {catalogue.loading && <Loading />}
      <ProblemMessage problem={catalogue.problem} />
      {catalogue.data && (
        <section>
          <Heading level={2} data-size="sm">
            {t('adminRoles.scopesTitle')}
          </Heading>
          <dl className="admin-facts">
            {scopesUsed(catalogue.data).map((scope) => (
              <ScopeExplained key={scope} scope={scope} />
            ))}
          </dl>
        </section>
      )}
      {catalogue.data?.roles.map((role) => (
        <RoleSection key={role.name} role={role} />
      ))}
    </>
  );
}

/** The scopes the catalogue uses, narrowest first (the api's scopes are listed in that order). */
function scopesUsed(catalogue: RoleCatalogue): Scope[] {
  const used = new Set(catalogue.roles.flatMap((r) => [r.scope, ...r.permissions.map((p) => p.scope)]));
  return scopeValues.filter((s) => used.has(s));
}

function ScopeExplained({ scope }: { scope: Scope }) {
  const { t } = useTranslation();
  return (
    <>
      <dt>{t(`adminRoles.scopes.${scope}`, { defaultValue: scope })}</dt>
      <dd>{t(`adminRoles.scopeHints.${scope}`, { defaultValue: '' })}</dd>
    </>
  );
}

function RoleSection({ role }: { role: RoleView }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const kinds = role.organisationKinds.map((k) => t(`adminRoles.kinds.${k}`, { defaultValue: k })).join(', ');
  return (
    <section aria-labelledby={`role-${role.name}`}>
      <Heading level={2} data-size="sm" id={`role-${role.name}`}>
        {label('RoleName', role.name)}
      </Heading>
      <List.Unordered data-size="sm">
        <List.Item>
          {t('adminRoles.heldIn')}: {kinds}
        </List.Item>
        <List.Item>
          {t('adminRoles.scope')}: {t(`adminRoles.scopes.${role.scope}`, { defaultValue: role.scope })}
        </List.Item>
        {role.restrictedAreas.length > 0 && (
          <List.Item>
            {t('adminRoles.readsRestricted')}: {role.restrictedAreas.map((a) => label('RestrictedArea', a)).join(', ')}
          </List.Item>
        )}
        <List.Item>{label('GrantAuthority', role.grantAuthority)}</List.Item>
      </List.Unordered>
      <TableWrap>
        <Table data-size="sm" aria-labelledby={`role-${role.name}`}>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('adminRoles.permission')}</Table.HeaderCell>
              <Table.HeaderCell>{t('adminRoles.scope')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {role.permissions.map((p) => (
              <Table.Row key={p.name}>
                <Table.Cell>{label('Permission', p.name)}</Table.Cell>
                <Table.Cell>{t(`adminRoles.scopes.${p.scope}`, { defaultValue: p.scope })}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </TableWrap>
    </section>
  );
}
