/**
 * The rules of tips and complaints about premises (and police referrals, AL 9 kap 2 §: the police
 * tell the municipality what matters for its supervision). Pure.
 */
import { RISK_MODEL } from '../supervision/risk-model.js';

/** How a tip came in: recorded on the premises, or with a police referral from an operation (acknowledged on the referral). */
export const TIP_ORIGINS = ['direct', 'referral'] as const;
export type TipOrigin = (typeof TIP_ORIGINS)[number];

/** The tips factor of the risk model: points per tip received in the year before the plan, at most `max`. */
export const TIP_RISK = RISK_MODEL.tips;

/** Whether a tip weighs in the premises' risk score as of `today`: received within the last year (a plan made now counts it). */
export function countsInRisk(receivedOn: string, today: string): boolean {
  const yearBefore = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  return receivedOn >= yearBefore && receivedOn <= today;
}

/** Who is told of a new tip: the licensing officers of the premises' municipality, but not whoever recorded it. */
export function tipRecipients(officerIds: readonly string[], recordedBy: string): string[] {
  return officerIds.filter((id) => id !== recordedBy);
}
