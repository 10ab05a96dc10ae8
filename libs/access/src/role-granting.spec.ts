import { describe, expect, it } from '@jest/globals';
import type { Principal, PrincipalMembership } from './principal.js';
import { assertMayGrant, grantableRoles, type MembershipPlace } from './role-granting.js';
import type { OrganisationKind, RoleName } from './roles.js';

const MUNICIPALITY = { organisationId: 'o-kommun', organisationKind: 'municipality' as OrganisationKind };
const POLICE = { organisationId: 'o-polis', organisationKind: 'police' as OrganisationKind };
const OPERATIONS = { organisationId: 'o-drift', organisationKind: 'other' as OrganisationKind };

function principal(role: RoleName, where: { organisationId: string; organisationKind: OrganisationKind }, unitId = `${where.organisationId}-u1`): Principal {
  const membership: PrincipalMembership = {
    membershipId: 'm1',
    role,
    unitId,
    unitName: 'Enhet',
    organisationId: where.organisationId,
    organisationName: 'Organisation',
    organisationKind: where.organisationKind,
    collaborationIds: ['c1'],
  };
  return { userId: 'u-admin', email: 'a@test', displayName: 'A', organisationId: where.organisationId, memberships: [membership] };
}

/** The code of the refusal, or undefined when allowed. */
function grantRefusal(who: Principal, role: RoleName, place: MembershipPlace): { code: string; params: unknown } | undefined {
  try {
    assertMayGrant(who, role, place);
    return undefined;
  } catch (error) {
    const { code, params } = error as { code: string; params: unknown };
    return { code, params };
  }
}

const inMunicipality = { unitId: 'o-kommun-u2', organisationId: 'o-kommun' };
const inPolice = { unitId: 'o-polis-u2', organisationId: 'o-polis' };

describe('who may give a role (issue #15)', () => {
  it('the municipality’s own administrator gives social-services roles there, not police roles elsewhere', () => {
    const admin = principal('org_admin', MUNICIPALITY);
    expect(grantRefusal(admin, 'social_services_manager', inMunicipality)).toBeUndefined();
    expect(grantRefusal(admin, 'social_worker', inMunicipality)).toBeUndefined();
    expect(grantRefusal(admin, 'police_commander', inPolice)).toEqual({ code: 'user.organisation_not_administered', params: {} });
    expect(grantRefusal(admin, 'system_admin', inMunicipality)).toEqual({ code: 'user.system_admin_only', params: {} });
  });

  it('the police organisation’s own administrator gives police roles there', () => {
    const admin = principal('org_admin', POLICE);
    expect(grantRefusal(admin, 'police_commander', inPolice)).toBeUndefined();
    expect(grantRefusal(admin, 'social_worker', inMunicipality)).toEqual({ code: 'user.organisation_not_administered', params: {} });
  });

  it('a system administrator appoints administrators and auditors anywhere, but gives no domain role', () => {
    const admin = principal('system_admin', OPERATIONS);
    expect(grantRefusal(admin, 'org_admin', inPolice)).toBeUndefined();
    expect(grantRefusal(admin, 'auditor', inMunicipality)).toBeUndefined();
    expect(grantRefusal(admin, 'system_admin', inMunicipality)).toBeUndefined();
    for (const role of ['police_commander', 'police_officer', 'social_worker', 'social_services_manager', 'licensing_officer', 'manager'] as const) {
      expect(grantRefusal(admin, role, role.startsWith('police') ? inPolice : inMunicipality)).toEqual({
        code: 'user.domain_role_needs_own_admin',
        params: { role },
      });
    }
  });

  it('nobody without user:manage gives anything', () => {
    expect(grantRefusal(principal('social_services_manager', MUNICIPALITY), 'social_worker', inMunicipality)).toEqual({
      code: 'user.organisation_not_administered',
      params: {},
    });
  });

  it('offers each administrator only the roles they may give', () => {
    expect([...grantableRoles(principal('system_admin', OPERATIONS))].sort()).toEqual(['auditor', 'org_admin', 'system_admin']);
    expect([...grantableRoles(principal('org_admin', POLICE))].sort()).toEqual(['auditor', 'manager', 'org_admin', 'police_commander', 'police_officer']);
    expect(grantableRoles(principal('org_admin', MUNICIPALITY))).toEqual(
      new Set(['org_admin', 'social_worker', 'social_services_manager', 'licensing_officer', 'municipal_guard', 'safety_coordinator', 'manager', 'auditor']),
    );
    expect(grantableRoles(principal('social_worker', MUNICIPALITY))).toEqual(new Set());
  });
});
