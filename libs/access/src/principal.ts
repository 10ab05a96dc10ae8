import type { Permission } from './permissions.js';
import { type OrganisationKind, type RoleName, roleScope, type Scope } from './roles.js';
import type { PrincipalSession } from './session-assurance.js';

/** One active membership of the signed-in user: a role held in a unit. */
export interface PrincipalMembership {
  membershipId: string;
  role: RoleName;
  unitId: string;
  unitName: string;
  organisationId: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  /** Collaborations the unit's organisation takes part in. */
  collaborationIds: string[];
}

/** The signed-in user as access control sees them, loaded afresh on every request. */
export interface Principal {
  userId: string;
  email: string;
  displayName: string;
  /** The organisation that employs the user. */
  organisationId: string;
  memberships: PrincipalMembership[];
  /** The session the request's access token names; absent for a principal loaded without a token. */
  session?: PrincipalSession;
}

/** Where one permission reaches through one membership. */
export interface ScopeGrant {
  scope: Scope;
  userId: string;
  unitId: string;
  organisationId: string;
  collaborationIds: string[];
}

/** Every (membership, scope) through which the principal holds `permission`. Empty: not held. */
export function scopesFor(principal: Principal, permission: Permission): ScopeGrant[] {
  const grants: ScopeGrant[] = [];
  for (const m of principal.memberships) {
    const scope = roleScope(m.role, permission);
    if (scope) {
      grants.push({
        scope,
        userId: principal.userId,
        unitId: m.unitId,
        organisationId: m.organisationId,
        collaborationIds: m.collaborationIds,
      });
    }
  }
  return grants;
}

export function hasPermission(principal: Principal, permission: Permission): boolean {
  return scopesFor(principal, permission).length > 0;
}

const SCOPE_ORDER: Scope[] = ['own', 'unit', 'organisation', 'collaboration', 'all'];

/** The permissions the principal holds, each with its widest scope (for /me and the web client). */
export function effectivePermissions(principal: Principal, catalogue: readonly Permission[]): Partial<Record<Permission, Scope>> {
  const result: Partial<Record<Permission, Scope>> = {};
  for (const permission of catalogue) {
    const scopes = scopesFor(principal, permission).map((g) => g.scope);
    if (scopes.length > 0) {
      result[permission] = scopes.reduce((a, b) => (SCOPE_ORDER.indexOf(b) > SCOPE_ORDER.indexOf(a) ? b : a));
    }
  }
  return result;
}
