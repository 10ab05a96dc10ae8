import { Alert, Button, Heading, Link as DsLink, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { api, asProblem, type Problem } from '../../api/client';
import { date, dateTime, Loading, PageTitle, ProblemMessage, TableWrap, useLoad } from '../../components/common';
import { useSession } from '../../session';
import { ConfirmDialog, fieldError, formText, SelectField, useApiForm } from '../../components/forms';
import { useEnumLabel } from '../../components/labels';
import type { components } from '../../api/schema';
import { UserStatus } from './Users';
import { UserAccount } from '../account/UserAccount';

type User = components['schemas']['UserView'];
type Membership = components['schemas']['MembershipView'];

/** What the last change was, for the success message (a new user arrives with 'created'). */
type Notice = 'created' | 'membershipAdded' | 'membershipEnded' | 'deactivated' | 'reactivated';

/** One user with their roles; with user:manage, give and end roles and (de)activate the account. */
export function UserDetail() {
  const { id } = useParams<{ id: string }>();
  const { t, i18n } = useTranslation();
  const { can, me } = useSession();
  const location = useLocation();
  const user = useLoad(() => api.GET('/api/v1/users/{id}', { params: { path: { id: id! } } }), [id]);
  const [notice, setNotice] = useState<Notice | undefined>((location.state as { notice?: Notice } | null)?.notice);
  const manage = can('user:manage');

  if (user.loading && !user.data) return <Loading />;
  if (!user.data) return <ProblemMessage problem={user.problem} />;
  const u = user.data;

  /** A change succeeded: show what it was and read the user again. */
  const changed = (what: Notice) => {
    setNotice(what);
    user.reload();
  };

  return (
    <>
      <DsLink asChild>
        <Link to="/admin/users">{t('adminUsers.back')}</Link>
      </DsLink>
      <PageTitle>{u.displayName}</PageTitle>
      {notice && (
        <Alert data-color="success" role="status">
          {t(`adminUser.notices.${notice}`, { name: u.displayName })}
        </Alert>
      )}
      <dl className="admin-facts">
        <dt>{t('adminUsers.email')}</dt>
        <dd>{u.email}</dd>
        <dt>{t('adminUsers.employer')}</dt>
        <dd>{u.organisation.name}</dd>
        <dt>{t('adminUsers.status')}</dt>
        <dd>
          <UserStatus user={u} />
        </dd>
        <dt>{t('adminUser.lastLogin')}</dt>
        <dd>{u.lastLoginAt ? dateTime(u.lastLoginAt, i18n.language) : t('adminUser.never')}</dd>
        {u.lockedUntil && (
          <>
            <dt>{t('adminUser.lockedUntil')}</dt>
            <dd>{dateTime(u.lockedUntil, i18n.language)}</dd>
          </>
        )}
      </dl>
      <Memberships user={u} manage={manage} onChanged={changed} />
      {manage && <AddMembership user={u} onAdded={() => changed('membershipAdded')} />}
      {manage && u.id !== me?.user.id && <AccountStatus user={u} onChanged={changed} />}
      <UserAccount user={u} manage={manage} />
    </>
  );
}

/** The user's roles, current and past; a current one can be ended (with a confirmation). */
function Memberships({ user, manage, onChanged }: { user: User; manage: boolean; onChanged: (what: Notice) => void }) {
  const { t, i18n } = useTranslation();
  const label = useEnumLabel();
  const dialog = useRef<HTMLDialogElement>(null);
  const [ending, setEnding] = useState<Membership>();

  async function end(): Promise<Problem | undefined> {
    const { error, response } = await api.POST('/api/v1/users/{id}/memberships/{membershipId}/end', {
      params: { path: { id: user.id, membershipId: ending!.id } },
    });
    if (error) return asProblem(error, response.status);
    onChanged('membershipEnded');
  }

  return (
    <section>
      <Heading level={2} data-size="sm">
        {t('adminUser.memberships')}
      </Heading>
      {user.memberships.length === 0 ? (
        <Paragraph data-size="sm" className="empty">
          {manage ? t('adminUser.noMembershipsManage') : t('adminUser.noMemberships')}
        </Paragraph>
      ) : (
        <TableWrap>
          <Table data-size="sm">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('adminUser.role')}</Table.HeaderCell>
                <Table.HeaderCell>{t('adminUser.unit')}</Table.HeaderCell>
                <Table.HeaderCell>{t('adminUsers.organisation')}</Table.HeaderCell>
                <Table.HeaderCell>{t('adminUser.validFrom')}</Table.HeaderCell>
                <Table.HeaderCell>{t('adminUser.validUntil')}</Table.HeaderCell>
                <Table.HeaderCell>{t('adminUsers.status')}</Table.HeaderCell>
                {manage && <Table.HeaderCell>{t('adminUser.actions')}</Table.HeaderCell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {user.memberships.map((m) => (
                <Table.Row key={m.id}>
                  <Table.Cell>{label('RoleName', m.role)}</Table.Cell>
                  <Table.Cell>{m.unitName}</Table.Cell>
                  <Table.Cell>{m.organisationName}</Table.Cell>
                  <Table.Cell>{date(m.validFrom, i18n.language)}</Table.Cell>
                  <Table.Cell>{m.validUntil ? date(m.validUntil, i18n.language) : t('adminUser.untilFurther')}</Table.Cell>
                  <Table.Cell>
                    <MembershipState membership={m} />
                  </Table.Cell>
                  {manage && (
                    <Table.Cell>
                      {m.active && (
                        <Button
                          variant="tertiary"
                          data-size="sm"
                          aria-label={`${t('adminUser.end')}: ${label('RoleName', m.role)}, ${m.unitName}`}
                          onClick={() => {
                            setEnding(m);
                            dialog.current?.showModal();
                          }}
                        >
                          {t('adminUser.end')}
                        </Button>
                      )}
                    </Table.Cell>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </TableWrap>
      )}
      <ConfirmDialog
        dialog={dialog}
        title={t('adminUser.endTitle')}
        text={ending ? t('adminUser.endText', { role: label('RoleName', ending.role), unit: ending.unitName, name: user.displayName }) : ''}
        confirmLabel={t('adminUser.end')}
        danger
        onConfirm={end}
      />
    </section>
  );
}

function MembershipState({ membership }: { membership: Membership }) {
  const { t } = useTranslation();
  if (membership.active) return <Tag data-color="success">{t('adminUser.states.current')}</Tag>;
  const upcoming = new Date(membership.validFrom) > new Date();
  return <Tag data-color="neutral">{upcoming ? t('adminUser.states.upcoming') : t('adminUser.states.ended')}</Tag>;
}

/** A calendar day picked in the form, as the start of that day where the admin is (Sweden). */
function startOfDay(value: string): string | undefined {
  return value ? new Date(`${value}T00:00:00`).toISOString() : undefined;
}

/**
 * Gives a role in a unit. The role list comes from the api's catalogue and offers only the roles
 * you may give (`grantable`: a system administrator appoints administrators, an organisation's
 * own administrators give its domain roles) that may be held in the chosen unit's kind of organisation.
 */
function AddMembership({ user, onAdded }: { user: User; onAdded: () => void }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const organisations = useLoad(() => api.GET('/api/v1/organisations'), []);
  const catalogue = useLoad(() => api.GET('/api/v1/roles'), []);
  const [unitId, setUnitId] = useState('');
  const { problem, busy, formKey, submit } = useApiForm();

  const kind = organisations.data?.find((o) => o.units.some((un) => un.id === unitId))?.kind;
  const roles = (catalogue.data?.roles ?? []).filter((r) => kind && r.grantable && r.organisationKinds.includes(kind));

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = formText(event.currentTarget);
    const added = await submit(() =>
      api.POST('/api/v1/users/{id}/memberships', {
        params: { path: { id: user.id } },
        body: {
          unitId: value('unitId'),
          role: value('role') as Membership['role'],
          validFrom: startOfDay(value('validFrom')),
          validUntil: startOfDay(value('validUntil')),
        },
      }),
    );
    if (!added) return;
    setUnitId('');
    onAdded();
  }

  return (
    <section>
      <Heading level={2} data-size="sm">
        {t('adminUser.addTitle')}
      </Heading>
      <ProblemMessage problem={organisations.problem ?? catalogue.problem} />
      <ProblemMessage problem={problem} />
      <form key={formKey} className="protocol admin-form" onSubmit={(e) => void add(e)} noValidate>
        <SelectField
          id="unitId"
          label={t('adminUser.unit')}
          value={unitId}
          onChange={(e) => setUnitId(e.target.value)}
          required
          error={fieldError(problem, 'unitId')}
        >
          <Select.Option value="">{t('adminUsers.choose')}</Select.Option>
          {organisations.data?.map((o) => (
            <Select.Optgroup key={o.id} label={o.name}>
              {o.units.map((un) => (
                <Select.Option key={un.id} value={un.id}>
                  {un.name}
                </Select.Option>
              ))}
            </Select.Optgroup>
          ))}
        </SelectField>
        {/* Not disabled before a unit is chosen: a disabled field is greyed out past readable contrast; its one option says what to do. */}
        <SelectField id="role" label={t('adminUser.role')} description={t('adminUser.roleHint')} required error={fieldError(problem, 'role')}>
          <Select.Option value="">{kind ? t('adminUsers.choose') : t('adminUser.unitFirst')}</Select.Option>
          {roles.map((r) => (
            <Select.Option key={r.name} value={r.name}>
              {label('RoleName', r.name)}
            </Select.Option>
          ))}
        </SelectField>
        <Textfield
          id="validFrom"
          name="validFrom"
          type="date"
          label={t('adminUser.validFrom')}
          description={t('adminUser.validFromHint')}
          error={fieldError(problem, 'validFrom')}
        />
        <Textfield
          id="validUntil"
          name="validUntil"
          type="date"
          label={t('adminUser.validUntil')}
          description={t('adminUser.validUntilHint')}
          error={fieldError(problem, 'validUntil')}
        />
        <div className="row">
          <Button type="submit" loading={busy}>
            {t('adminUser.add')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** Deactivating stops sign-in and every session at once; both directions ask first. */
function AccountStatus({ user, onChanged }: { user: User; onChanged: (what: Notice) => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const deactivate = user.isActive;

  async function confirm(): Promise<Problem | undefined> {
    const { error, response } = deactivate
      ? await api.POST('/api/v1/users/{id}/deactivate', { params: { path: { id: user.id } } })
      : await api.POST('/api/v1/users/{id}/reactivate', { params: { path: { id: user.id } } });
    if (error) return asProblem(error, response.status);
    onChanged(deactivate ? 'deactivated' : 'reactivated');
  }

  return (
    <section>
      <Heading level={2} data-size="sm">
        {t('adminUser.account')}
      </Heading>
      <Paragraph data-size="sm">{deactivate ? t('adminUser.deactivateHint') : t('adminUser.reactivateHint')}</Paragraph>
      <div className="row">
        <Button variant="secondary" data-color={deactivate ? 'danger' : undefined} onClick={() => dialog.current?.showModal()}>
          {deactivate ? t('adminUser.deactivate') : t('adminUser.reactivate')}
        </Button>
      </div>
      <ConfirmDialog
        dialog={dialog}
        title={deactivate ? t('adminUser.deactivateTitle', { name: user.displayName }) : t('adminUser.reactivateTitle', { name: user.displayName })}
        text={deactivate ? t('adminUser.deactivateText') : t('adminUser.reactivateText')}
        confirmLabel={deactivate ? t('adminUser.deactivate') : t('adminUser.reactivate')}
        danger={deactivate}
        onConfirm={confirm}
      />
    </section>
  );
}
