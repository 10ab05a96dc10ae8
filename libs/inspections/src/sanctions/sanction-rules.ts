/**
 * The rules of a sanction case (AL 9 kap 17–18 §) in one place: the decisions it can end in, that it
 * is decided once, that the holder is heard first (kommunicering, förvaltningslagen 2017:900 25 §),
 * and what a decision does to the licence. Pure: the services load a case, call these, and throw
 * what they return.
 */
import { addDays, type FieldError, fieldError } from '@samverkan/platform';

/**
 * The decisions a case can end in, up the ladder: erinran (a reminder), varning (a warning),
 * återkallelse (the licence is revoked) — or no action.
 */
export const DECISIONS = ['erinran', 'varning', 'aterkallelse', 'no_action'] as const;
export type SanctionDecision = (typeof DECISIONS)[number];

/** The sanctions a case can consider (not "no action": that needs no hearing of the holder). */
export const CONSIDERED_SANCTIONS = ['erinran', 'varning', 'aterkallelse'] as const;
export type ConsideredSanction = (typeof CONSIDERED_SANCTIONS)[number];

/** The ladder's order, mildest first: a harsher decision than the one considered is one step up or more. */
const SEVERITY: Readonly<Record<SanctionDecision, number>> = { no_action: 0, erinran: 1, varning: 2, aterkallelse: 3 };

/**
 * The considered sanction is what the hearing tells the holder (FL 25 §), so it is named or changed
 * only before the hearing is sent; to consider another one after that, the case is heard anew as a
 * new case.
 */
export function consideredSanctionErrors(sanctionCase: { heardOn: string | null }): FieldError[] {
  return sanctionCase.heardOn ? [fieldError('consideredSanction', 'sanction.already_heard')] : [];
}

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

/**
 * Days the holder has to answer the hearing (kommunicering, FL 25 §: "a reasonable time", in
 * practice one to two weeks), unless the officer sets another deadline. A deadline in the reminder
 * engine, of the same kind as the holder's response to an inspection report.
 */
export const HEARING_RESPONSE_DAYS = 14;

/** The hearing's response deadline: the day the officer sets, else HEARING_RESPONSE_DAYS after the hearing was sent. */
export function hearingResponseDueOn(heardOn: string, requested?: string): string {
  return requested ?? addDays(heardOn, HEARING_RESPONSE_DAYS);
}

/**
 * The hearing is sent on a day that has come, and its response deadline is after that day; once the
 * holder has answered (`responseReceivedOn`), the hearing it answered stays as it was.
 */
export function hearingErrors(heardOn: string, today: string, responseDueOn?: string, responseReceivedOn?: string | null): FieldError[] {
  if (responseReceivedOn) return [fieldError('heardOn', 'sanction.hearing_answered')];
  if (heardOn > today) return [fieldError('heardOn', 'date.in_future')];
  if (responseDueOn !== undefined && responseDueOn <= heardOn) return [fieldError('responseDueOn', 'date.after', { other: 'heardOn' })];
  return [];
}

/** The holder's answer comes after the hearing was sent, on a day that has come. */
export function responseErrors(sanctionCase: { heardOn: string | null }, receivedOn: string, today: string): FieldError[] {
  if (!sanctionCase.heardOn) return [fieldError('receivedOn', 'sanction.not_heard')];
  if (receivedOn < sanctionCase.heardOn) return [fieldError('receivedOn', 'date.not_before', { other: 'heardOn' })];
  if (receivedOn > today) return [fieldError('receivedOn', 'date.in_future')];
  return [];
}

/** What a decision needs to know of the case's hearing. */
export interface HearingState {
  heardOn: string | null;
  responseDueOn: string | null;
  responseReceivedOn: string | null;
}

/**
 * The decision comes after the holder has been heard (FL 25 §): the hearing sent on an earlier day
 * than the decision's, and the holder's answer in — or its deadline passed (`today` after the
 * deadline's day) without one. A decision is not dated before the answer it weighs, and is no
 * harsher than the sanction the hearing named, if it named one.
 */
export function decisionErrors(
  sanctionCase: HearingState & { consideredSanction: ConsideredSanction | null },
  decision: SanctionDecision,
  decidedOn: string,
  today: string,
): FieldError[] {
  if (!sanctionCase.heardOn || sanctionCase.heardOn >= decidedOn) return [fieldError('decision', 'sanction.not_heard')];
  // The holder answered the sanction the hearing named; a harsher one was never put to them (FL 25 §).
  const { consideredSanction } = sanctionCase;
  if (consideredSanction && SEVERITY[decision] > SEVERITY[consideredSanction]) {
    return [fieldError('decision', 'sanction.harsher_than_heard', { consideredSanction })];
  }
  const { responseReceivedOn, responseDueOn } = sanctionCase;
  if (responseReceivedOn ? decidedOn < responseReceivedOn : responseDueOn !== null && today <= responseDueOn) {
    return [fieldError('decision', 'sanction.awaiting_response', { dueOn: responseDueOn ?? '' })];
  }
  return [];
}

/** Where a case stands, for its status line: proposed, hearing sent and awaiting the answer, answered or the answer's time passed, decided. */
export const SANCTION_STAGES = ['proposed', 'awaiting_response', 'response_received', 'response_time_passed', 'decided'] as const;
export type SanctionStage = (typeof SANCTION_STAGES)[number];

export function sanctionStage(c: HearingState & { decision: SanctionDecision | null }, today: string): SanctionStage {
  if (c.decision) return 'decided';
  if (!c.heardOn) return 'proposed';
  if (c.responseReceivedOn) return 'response_received';
  return c.responseDueOn !== null && today > c.responseDueOn ? 'response_time_passed' : 'awaiting_response';
}

/** Återkallelse revokes the licence (AL 9 kap 18 §); the other decisions leave it as it is. */
export function revokesLicence(decision: SanctionDecision): boolean {
  return decision === 'aterkallelse';
}
