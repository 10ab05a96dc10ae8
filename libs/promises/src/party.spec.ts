import { describe, expect, it } from '@jest/globals';
import type { OrganisationKind, Principal, RoleName } from '@samverkan/access';
import { mayRecord } from './party.js';

function principal(role: RoleName, organisationKind: OrganisationKind): Principal {
  return {
    userId: 'u1',
    email: 'a@test',
    displayName: 'A',
    organisationId: 'o1',
    memberships: [
      {
        membershipId: 'm1',
        role,
        unitId: 'un1',
        unitName: 'Enhet',
        organisationId: 'o1',
        organisationName: 'Organisation',
        organisationKind,
        collaborationIds: ['c1'],
      },
    ],
  };
}

describe('who may record an activity under a commitment', () => {
  const rescue = principal('rescue_service', 'rescue_service');
  const guard = principal('municipal_guard', 'municipality');
  const officer = principal('police_officer', 'police');
  const walks = { party: 'municipality', activityKind: 'safety_walk' } as const;

  it('lets a party record on its own and joint commitments, whatever the kind', () => {
    expect(mayRecord(guard, 'promise_action:update', walks, 'safety_walk')).toBe(true);
    expect(mayRecord(guard, 'promise_action:update', { party: 'joint', activityKind: null }, 'other')).toBe(true);
    expect(mayRecord(officer, 'promise_action:update', walks, 'safety_walk')).toBe(false);
    expect(mayRecord(officer, 'promise_action:update', { party: 'police', activityKind: 'speed_check' }, 'speed_check')).toBe(true);
  });

  it('lets a partner record only the safety walks of a commitment that takes safety walks', () => {
    expect(mayRecord(rescue, 'promise_action:update', walks, 'safety_walk')).toBe(true);
    expect(mayRecord(rescue, 'promise_action:update', { party: 'joint', activityKind: 'safety_walk' }, 'safety_walk')).toBe(true);
    expect(mayRecord(rescue, 'promise_action:update', walks, 'other')).toBe(false);
    expect(mayRecord(rescue, 'promise_action:update', { party: 'municipality', activityKind: 'guard_patrol' }, 'safety_walk')).toBe(false);
    expect(mayRecord(rescue, 'promise_action:update', { party: 'joint', activityKind: null }, 'safety_walk')).toBe(false);
    expect(mayRecord(rescue, 'promise_action:update', { party: 'police', activityKind: 'speed_check' }, 'speed_check')).toBe(false);
  });

  it('needs the permission itself', () => {
    expect(mayRecord(principal('manager', 'municipality'), 'promise_action:update', walks, 'safety_walk')).toBe(false);
    expect(mayRecord(principal('auditor', 'rescue_service'), 'promise_action:update', walks, 'safety_walk')).toBe(false);
  });
});
