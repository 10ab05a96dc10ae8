import { ProblemException } from '@samverkan/platform';
import type { Principal } from './principal.js';
import { scopesFor } from './principal.js';
import { roleScopeAllows } from './record-scope.js';
import { grantAuthority, type OrganisationKind, ROLES, type RoleName, roleScope } from './roles.js';

/** Where a membership is (or would be) held. */
export interface MembershipPlace {
  unitId: string;
  organisationId: string;
}

/**
 * Refuses (403) unless `principal` may give or end `role` in `place`, by the role's grant
 * authority (roles.ts `grantAuthority`). Issue #15: a domain role — above all one that reads
 * youth cases or police intelligence — is given only by that organisation's own administrator; a
 * system administrator appoints administrators, not workers. The caller checks separately that
 * nobody changes their own memberships.
 */
export function assertMayGrant(principal: Principal, role: RoleName, place: MembershipPlace): void {
  const record = { id: place.unitId, unitId: place.unitId, organisationId: place.organisationId };
  if (!roleScopeAllows(principal, 'user:manage', record)) throw new ProblemException('user.organisation_not_administered');
  switch (grantAuthority(role)) {
    case 'system':
      if (!scopesFor(principal, 'user:manage').some((grant) => grant.scope === 'all')) throw new ProblemException('user.system_admin_only');
      return;
    case 'administrator':
      return;
    case 'own_administrator':
      if (!administersItself(principal, place)) throw new ProblemException('user.domain_role_needs_own_admin', { role });
      return;
  }
}

/** The roles the principal could give somewhere (the admin screen offers only these). */
export function grantableRoles(principal: Principal): Set<RoleName> {
  const grantable = new Set<RoleName>();
  for (const name of Object.keys(ROLES) as RoleName[]) {
    const kinds: readonly OrganisationKind[] = ROLES[name].organisationKinds;
    const possible = principal.memberships.some((m) => {
      const scope = roleScope(m.role, 'user:manage');
      const authority = grantAuthority(name);
      if (scope === 'all') return authority !== 'own_administrator';
      if (scope === 'organisation' || scope === 'unit') return authority !== 'system' && kinds.includes(m.organisationKind);
      return false;
    });
    if (possible) grantable.add(name);
  }
  return grantable;
}

/** Administers the place as one of its own organisation's administrators (not through scope `all`). */
function administersItself(principal: Principal, place: MembershipPlace): boolean {
  return scopesFor(principal, 'user:manage').some(
    (grant) => (grant.scope === 'organisation' && grant.organisationId === place.organisationId) || (grant.scope === 'unit' && grant.unitId === place.unitId),
  );
}
