import { Alert } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet, Route, Routes } from 'react-router';
import { PageTitle } from '../../components/common';
import { useSession } from '../../session';
import './admin.css';
import { ReminderRules } from './ReminderRules';
import { Roles } from './Roles';
import { IdentityProviderDetail, IdentityProviders, NewIdentityProvider } from './IdentityProviders';
import { NewUser } from './NewUser';
import { UserDetail } from './UserDetail';
import { Users } from './Users';
import { OrganisationDetail } from './OrganisationDetail';
import { Organisations } from './Organisations';
import { Collaborations } from './Collaborations';

/** The sections of the area, in menu order, each with the permission its api asks for. */
const SECTIONS = [
  { path: 'users', key: 'adminNav.users', permission: 'user:read' },
  { path: 'roles', key: 'adminNav.roles', permission: 'user:read' },
  { path: 'reminder-rules', key: 'adminNav.reminderRules', permission: 'reminder_rule:manage' },
  { path: 'identity-providers', key: 'adminIdp.nav', permission: 'organisation:manage' },
  { path: 'organisations', key: 'adminNav.organisations', permission: 'organisation:details' },
  { path: 'collaborations', key: 'adminNav.collaborations', permission: 'collaboration:manage' },
] as const;

type Section = (typeof SECTIONS)[number];

/** Administration: users and memberships, the role catalogue, reminder rules, identity providers, organisations and collaborations. */
export default function AdminArea() {
  return (
    <Routes>
      <Route element={<AdminLayout />}>
        <Route index element={<FirstAllowedSection />} />
        <Route
          path="users"
          element={
            <Allowed section={SECTIONS[0]}>
              <Users />
            </Allowed>
          }
        />
        <Route
          path="users/new"
          element={
            <Allowed section={SECTIONS[0]} permission="user:manage">
              <NewUser />
            </Allowed>
          }
        />
        <Route
          path="users/:id"
          element={
            <Allowed section={SECTIONS[0]}>
              <UserDetail />
            </Allowed>
          }
        />
        <Route
          path="roles"
          element={
            <Allowed section={SECTIONS[1]}>
              <Roles />
            </Allowed>
          }
        />
        <Route
          path="reminder-rules"
          element={
            <Allowed section={SECTIONS[2]}>
              <ReminderRules />
            </Allowed>
          }
        />
        <Route
          path="identity-providers"
          element={
            <Allowed section={SECTIONS[3]}>
              <IdentityProviders />
            </Allowed>
          }
        />
        <Route
          path="identity-providers/new"
          element={
            <Allowed section={SECTIONS[3]}>
              <NewIdentityProvider />
            </Allowed>
          }
        />
        <Route
          path="identity-providers/:id"
          element={
            <Allowed section={SECTIONS[3]}>
              <IdentityProviderDetail />
            </Allowed>
          }
        />
        <Route
          path="organisations"
          element={
            <Allowed section={SECTIONS[4]}>
              <Organisations />
            </Allowed>
          }
        />
        <Route
          path="organisations/:id"
          element={
            <Allowed section={SECTIONS[4]}>
              <OrganisationDetail />
            </Allowed>
          }
        />
        <Route
          path="collaborations"
          element={
            <Allowed section={SECTIONS[5]}>
              <Collaborations />
            </Allowed>
          }
        />
        <Route path="*" element={<Navigate to="/admin" replace />} />
      </Route>
    </Routes>
  );
}

function useAllowedSections(): Section[] {
  const { can } = useSession();
  return SECTIONS.filter((s) => can(s.permission));
}

/** The area's own menu: only the sections the user's permissions open. */
function AdminLayout() {
  const { t } = useTranslation();
  const sections = useAllowedSections();
  return (
    <>
      {sections.length > 0 && (
        <nav aria-label={t('adminNav.label')} className="area-nav">
          <ul>
            {sections.map((s) => (
              <li key={s.path}>
                <NavLink to={`/admin/${s.path}`}>{t(s.key)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <Outlet />
    </>
  );
}

function FirstAllowedSection() {
  const [first] = useAllowedSections();
  return first ? <Navigate to={`/admin/${first.path}`} replace /> : <NotAllowed />;
}

/** A section only for those whose permissions allow it; others are told so, and nothing is loaded. */
function Allowed({ section, permission, children }: { section: Section; permission?: string; children: ReactNode }) {
  const { can } = useSession();
  return can(section.permission) && (!permission || can(permission)) ? children : <NotAllowed />;
}

function NotAllowed() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle>{t('nav.admin')}</PageTitle>
      <Alert data-color="warning">{t('adminNav.notAllowed')}</Alert>
    </>
  );
}
