/**
 * The deadline kinds of youth cases (their default reminder rules are in the YouthCases
 * migration). Deadline titles carry a case reference, never a name: reminders travel by e-mail.
 */
export const REVIEW_DEADLINE = 'youth_case_review';
export const PLAN_ITEM_DEADLINE = 'youth_plan_item';
export const MEETING_DEADLINE = 'youth_meeting';
export const CONSENT_EXPIRY_DEADLINE = 'youth_consent_expiry';

/** A short, stable reference people can say on the phone without naming the young person. */
export function caseReference(caseId: string): string {
  return `UÄ-${caseId.slice(0, 8).toUpperCase()}`;
}
