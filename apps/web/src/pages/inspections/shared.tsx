import { Alert } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { api } from '../../api/client';
import { PageTitle, useLoad } from '../../components/common';
import type { components } from '../../api/schema';
import { useSession } from '../../session';

/** The area's sub-navigation: each part only for those whose permissions let them use it. */
const PARTS = [
  { to: '/inspections', key: 'inspections.nav.list', permission: 'inspection:read', end: true },
  { to: '/inspections/calendar', key: 'inspections.nav.calendar', permission: 'inspection:read', end: false },
  { to: '/inspections/premises', key: 'inspections.nav.premises', permission: 'premises:read', end: false },
  { to: '/inspections/plan', key: 'inspections.nav.plan', permission: 'inspection:read', end: false },
  { to: '/inspections/sanctions', key: 'inspections.nav.sanctions', permission: 'premises:read', end: false },
  // Licences and restaurant reports: for those who keep the licence register.
  { to: '/inspections/licences', key: 'licensing.nav.licences', permission: 'premises:manage', end: false },
  { to: '/inspections/restaurant-reports', key: 'licensing.nav.reports', permission: 'premises:manage', end: false },
  // Licensing casework (#17): tips and police referrals.
  { to: '/inspections/referrals', key: 'inspectionsCasework.nav', permission: 'premises:manage', end: false },
] as const;

export function AreaNav() {
  const { t } = useTranslation();
  const { can } = useSession();
  return (
    <nav aria-label={t('inspections.nav.label')} className="area-nav">
      <ul>
        {PARTS.filter((p) => can(p.permission)).map((p) => (
          <li key={p.to}>
            <NavLink to={p.to} end={p.end}>
              {t(p.key)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A screen only for those with the permission; others get the same answer as for a missing page. */
export function Allowed({ permission, children }: { permission: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { can } = useSession();
  if (can(permission)) return children;
  return (
    <>
      <PageTitle>{t('inspections.noAccess')}</PageTitle>
      <Alert data-color="warning">{t('errors.notFound')}</Alert>
    </>
  );
}

/**
 * Who may be booked as inspector: the api's list for those who plan inspections (one per
 * collaboration of theirs); others can only pick themselves.
 */
export function useInspectors(collaborationId?: string): components['schemas']['InspectorView'][] {
  const { can, me } = useSession();
  const wanted = collaborationId ?? me?.collaborations[0]?.id;
  const list = useLoad(
    can('inspection:plan') && wanted ? () => api.GET('/api/v1/inspections/inspectors', { params: { query: { collaborationId: wanted } } }) : null,
    [wanted],
  );
  if (list.data) return list.data;
  return me ? [{ id: me.user.id, displayName: me.user.displayName, organisation: '', organisationKind: '' }] : [];
}

/** The premises the reader may see, for pickers (the register of one municipality is well under 200). */
export function usePremisesOptions() {
  const { can } = useSession();
  return useLoad(can('premises:read') ? () => api.GET('/api/v1/premises', { params: { query: { limit: 200 } } }) : null, []);
}
