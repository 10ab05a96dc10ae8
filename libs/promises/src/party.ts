import { type Permission, type Principal, scopesFor } from '@samverkan/access';
import type { ActivityKind, Party } from './vocabulary.js';
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

/**
 * The kinds of activity a partner of a collaboration (an organisation that is neither of its two
 * parties: the rescue service) takes part in. The promise's safety walks are made "together with
 * the police and the rescue service" (DOMAIN.md §1), whichever party answers for the commitment.
 */
export const PARTNER_ACTIVITY_KINDS: readonly ActivityKind[] = ['safety_walk'];

/**
 * Who may record (or change) an activity of `kind` under a commitment — the one place of the rule:
 * - a party's member, as for any work on the commitment (`assertParty`);
 * - a partner's member only an activity of a kind partners take part in, under a commitment that
 *   takes exactly that kind (its `activity_kind`), whatever the commitment's party. So the rescue
 *   service records the safety walks it walks, and nothing else of the promise.
 */
export function mayRecord(
  principal: Principal,
  permission: Permission,
  commitment: { party: Party; activityKind: ActivityKind | null },
  kind: ActivityKind,
): boolean {
  if (partiesFor(principal, permission).has(commitment.party)) return true;
  const holding = new Set(scopesFor(principal, permission).map((s) => s.organisationId));
  const partner = principal.memberships.some((m) => holding.has(m.organisationId) && m.organisationKind !== 'police' && m.organisationKind !== 'municipality');
  return partner && PARTNER_ACTIVITY_KINDS.includes(kind) && commitment.activityKind === kind;
}

export function assertMayRecord(
  principal: Principal,
  permission: Permission,
  commitment: { party: Party; activityKind: ActivityKind | null },
  kind: ActivityKind,
): void {
  if (!mayRecord(principal, permission, commitment, kind)) throw new ProblemException('promise.party_only', { party: commitment.party });
}
