/**
 * The rules of a sanction case (AL 9 kap 17–18 §) in one place: the decisions it can end in, that it
 * is decided once, that the holder is heard first (kommunicering, förvaltningslagen 2017:900 25 §),
 * and what a decision does to the licence. Pure: the services load a case, call these, and throw
 * what they return.
 */
import { type FieldError, fieldError } from '@samverkan/platform';

/**
 * The decisions a case can end in, up the ladder: erinran (a reminder), varning (a warning),
 * återkallelse (the licence is revoked) — or no action.
 */
export const DECISIONS = ['erinran', 'varning', 'aterkallelse', 'no_action'] as const;
export type SanctionDecision = (typeof DECISIONS)[number];

/** How to appeal, printed on every decision (förvaltningslagen 2017:900 33 §; AL 10 kap 1 §). */
export const DEFAULT_APPEAL_INFORMATION =
  'Beslutet kan överklagas hos förvaltningsrätten. Skicka överklagandet till kommunen inom tre veckor från den dag du fick del av beslutet.';

/** A case is decided once: after that, neither the hearing nor the decision changes (409). */
export function isDecided(sanctionCase: { decision: SanctionDecision | null }): boolean {
  return sanctionCase.decision !== null;
}

/** The case rests on inspections of the licensed premises only (`ofPremises`: how many of the requested ones are). */
export function proposalErrors(inspectionIds: readonly string[], ofPremises: number): FieldError[] {
  return ofPremises !== new Set(inspectionIds).size ? [fieldError('inspectionIds', 'sanction.inspection_not_of_premises')] : [];
}

/** The holder is heard on a day that has come. */
export function hearingErrors(heardOn: string, today: string): FieldError[] {
  return heardOn > today ? [fieldError('heardOn', 'date.in_future')] : [];
}

/** The decision comes after the holder has been heard (FL 25 §): heard on an earlier day than the decision's. */
export function decisionErrors(sanctionCase: { heardOn: string | null }, decidedOn: string): FieldError[] {
  return !sanctionCase.heardOn || sanctionCase.heardOn >= decidedOn ? [fieldError('decision', 'sanction.not_heard')] : [];
}

/** Återkallelse revokes the licence (AL 9 kap 18 §); the other decisions leave it as it is. */
export function revokesLicence(decision: SanctionDecision): boolean {
  return decision === 'aterkallelse';
}
