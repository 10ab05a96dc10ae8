import type { EntityManager } from 'typeorm';

/**
 * The deadline kinds of youth cases (their default reminder rules are in the YouthCases
 * migration). Deadline titles carry a case reference, never a name: reminders travel by e-mail.
 */
export const REVIEW_DEADLINE = 'youth_case_review';
export const PLAN_ITEM_DEADLINE = 'youth_plan_item';
export const MEETING_DEADLINE = 'youth_meeting';
export const CONSENT_EXPIRY_DEADLINE = 'youth_consent_expiry';
/** SoL 11 kap 1 a §: a report of concern is assessed within 14 days (reminder rules: the YouthCaseFlow migration). */
export const PRELIMINARY_ASSESSMENT_DEADLINE = 'youth_preliminary_assessment';

/** A short, stable reference people can say on the phone without naming the young person. */
export function caseReference(caseId: string): string {
  return `UÄ-${caseId.slice(0, 8).toUpperCase()}`;
}

/**
 * Everything in a case that can carry a deadline: the case itself (review), its plan items,
 * meetings and consents (expiry) — one query, for closing them all when the case closes or is purged.
 */
export async function caseDeadlineResources(manager: EntityManager, caseId: string): Promise<{ resourceType: string; resourceIds: string[] }[]> {
  const rows = await manager.query<{ type: string; id: string }[]>(
    `SELECT 'youth_plan_item' AS type, id FROM youth_plan_items WHERE case_id = $1
     UNION ALL SELECT 'youth_meeting', id FROM youth_meetings WHERE case_id = $1
     UNION ALL SELECT 'youth_consent', id FROM youth_consents WHERE case_id = $1`,
    [caseId],
  );
  const children = ['youth_plan_item', 'youth_meeting', 'youth_consent'].map((type) => ({
    resourceType: type,
    resourceIds: rows.filter((r) => r.type === type).map((r) => r.id),
  }));
  return [{ resourceType: 'youth_case', resourceIds: [caseId] }, ...children];
}
