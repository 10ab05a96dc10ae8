import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';
import { useSession } from '../../session';

type FindingView = components['schemas']['FindingView'];
type FindingStatus = components['schemas']['FindingStatus'];

/** The tag colour of a finding's status; the tag's text says it in words. */
export const FINDING_STATUS_COLOUR: Record<FindingStatus, string> = {
  open: 'warning',
  in_progress: 'info',
  done: 'success',
  rejected: 'neutral',
};

/** Where a finding is: its named place, else the position it was given. */
export function useFindingPlace() {
  const { t } = useTranslation();
  return (f: Pick<FindingView, 'place' | 'latitude' | 'longitude'>) =>
    f.place?.name ?? (f.latitude !== null && f.longitude !== null ? t('findings.position', { latitude: f.latitude, longitude: f.longitude }) : '–');
}

/**
 * Whether the reader may deal with the finding, as far as the screens can tell from their roles
 * (finding:update through the responsible unit, its organisation or wider); the api decides.
 */
export function useMayWorkOn() {
  const { me } = useSession();
  return (f: Pick<FindingView, 'responsibleUnit' | 'responsibleOrganisation' | 'recordedBy'>) => {
    const scope = me?.permissions['finding:update'];
    if (!me || !scope) return false;
    if (scope === 'own') return f.recordedBy.id === me.user.id;
    if (scope === 'unit') return me.memberships.some((m) => m.unit.id === f.responsibleUnit.id);
    if (scope === 'organisation') return me.memberships.some((m) => m.organisation.id === f.responsibleOrganisation.id);
    return true;
  };
}
