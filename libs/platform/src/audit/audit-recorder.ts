import type { EntityManager } from 'typeorm';

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** What happened, as a caller of AuditRecorder.record describes it. */
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

/**
 * Records an audit event, inside the caller's transaction when a manager is given. libs/audit
 * provides it (AuditService); libs/access records denials and grants through this token, so
 * access does not import audit, whose review of the trail is itself guarded by access.
 */
export abstract class AuditRecorder {
  abstract record(entry: AuditEntry, manager?: EntityManager): Promise<void>;
}
