export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** What happened, as a caller of AuditService.record describes it. */
export interface AuditEntry {
  /** `<area>.<verb>`, e.g. `auth.login`, `user.deactivate`, `youth_case.read`. */
  action: string;
  outcome?: AuditOutcome;
  resourceType?: string;
  resourceId?: string;
  /** The organisation that owns the record acted on, so that its auditors see the event. */
  subjectOrganisationId?: string;
  /** Names (never values) of the fields an update changed. */
  changedFields?: string[];
  /** Extra facts that are not personal data (status codes, counts, permission names). */
  details?: Record<string, unknown>;
  /** Defaults to the request's actor; given explicitly where there is no request (jobs) or no login yet. */
  actor?: { userId?: string; unitId?: string; organisationId?: string };
}

/** Names of the fields whose values differ between two versions of a record. */
export function changedFields<T extends object>(before: T, after: Partial<T>): string[] {
  return Object.keys(after).filter((key) => {
    const a = (before as Record<string, unknown>)[key];
    const b = (after as Record<string, unknown>)[key];
    return JSON.stringify(a) !== JSON.stringify(b);
  });
}
