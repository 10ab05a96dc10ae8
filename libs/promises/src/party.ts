import { type Permission, type Principal, scopesFor } from '@samverkan/access';
import type { Party } from './vocabulary.js';
import { ProblemException } from '@samverkan/platform';

/**
 * Police roles act on police commitments, municipal roles on municipal ones, both on joint ones.
 * The parties a principal may act for with `permission`: from the organisations of the memberships
 * through which the permission is held.
 */
export function partiesFor(principal: Principal, permission: Permission): Set<Party> {
  const parties = new Set<Party>();
  const holding = new Set(scopesFor(principal, permission).map((s) => s.organisationId));
  for (const m of principal.memberships) {
    if (!holding.has(m.organisationId)) continue;
    if (m.organisationKind === 'police') parties.add('police').add('joint');
    if (m.organisationKind === 'municipality') parties.add('municipality').add('joint');
  }
  return parties;
}

export function assertParty(principal: Principal, permission: Permission, party: Party): void {
  if (!partiesFor(principal, permission).has(party)) {
    throw new ProblemException('promise.party_only', { party });
  }
}
