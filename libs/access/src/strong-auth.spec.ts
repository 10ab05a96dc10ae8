import { describe, expect, it } from '@jest/globals';
import { ALL_PERMISSIONS, permissionArea } from './permissions.js';
import type { Principal } from './principal.js';
import type { PrincipalSession } from './session-assurance.js';
import { requiresStrongSession, sessionAllows, sessionFreshFor, STRONG_SESSION_PERMISSIONS, strongPermissionsOf } from './strong-auth.js';

const now = new Date('2026-11-30T10:00:00Z');
const weak: PrincipalSession = { id: 's1', method: 'password', acr: null, strongAt: null };
const strongAt = (minutesAgo: number): PrincipalSession => ({
  id: 's2',
  method: 'password_totp',
  acr: null,
  strongAt: new Date(now.getTime() - minutesAgo * 60_000),
});

describe('strong-auth catalogue', () => {
  it('covers every social services and police permission, and nothing shared or administrative', () => {
    for (const permission of ALL_PERMISSIONS) {
      const area = permissionArea(permission);
      expect([permission, requiresStrongSession(permission)]).toEqual([permission, area === 'social_services' || area === 'police']);
    }
    expect(requiresStrongSession('operation_summary:read')).toBe(false);
    expect(requiresStrongSession('youth_concern:report')).toBe(false);
    expect(Object.keys(STRONG_SESSION_PERMISSIONS)).toContain('youth_subject:reveal');
  });

  it('lets a strong session use them and refuses a weak one; other permissions need nothing', () => {
    expect(sessionAllows(weak, 'youth_case:read')).toBe(false);
    expect(sessionAllows(weak, 'operation:read')).toBe(false);
    expect(sessionAllows(weak, 'promise:read')).toBe(true);
    expect(sessionAllows(strongAt(600), 'youth_case:read')).toBe(true);
    // A principal loaded without a token (never a request) is not judged here.
    expect(sessionAllows(undefined, 'youth_case:read')).toBe(true);
  });

  it('asks for step-up when the last strong authentication is older than the limit', () => {
    expect(sessionFreshFor(strongAt(14), 15, now)).toBe(true);
    expect(sessionFreshFor(strongAt(15), 15, now)).toBe(true);
    expect(sessionFreshFor(strongAt(16), 15, now)).toBe(false);
    expect(sessionFreshFor(weak, 15, now)).toBe(false);
  });

  it('lists the strong permissions a principal holds', () => {
    const base = { userId: 'u', email: 'e', displayName: 'd', organisationId: 'o' };
    const membership = { membershipId: 'm', unitId: 'un', unitName: 'U', organisationId: 'o', organisationName: 'O', collaborationIds: [] };
    const social: Principal = { ...base, memberships: [{ ...membership, role: 'social_worker', organisationKind: 'municipality' }] };
    const admin: Principal = { ...base, memberships: [{ ...membership, role: 'org_admin', organisationKind: 'municipality' }] };
    expect(strongPermissionsOf(social)).toContain('youth_case:read');
    expect(strongPermissionsOf(admin)).toEqual([]);
  });
});
