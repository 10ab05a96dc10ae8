import type { AuditOutcome } from '@samverkan/platform';

export type { AuditEntry, AuditOutcome } from '@samverkan/platform';

/** An event as stored and listed. */
export interface AuditEventView {
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  actorUnitId: string | null;
  actorOrganisationId: string | null;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  subjectOrganisationId: string | null;
  outcome: AuditOutcome;
  requestId: string | null;
  ip: string | null;
  changedFields: string[] | null;
  details: Record<string, unknown> | null;
  hash: string;
}

/** Names of the fields whose values differ between two versions of a record. */
export function changedFields<T extends object>(before: T, after: Partial<T>): string[] {
  return Object.keys(after).filter((key) => {
    const a = (before as Record<string, unknown>)[key];
    const b = (after as Record<string, unknown>)[key];
    return JSON.stringify(a) !== JSON.stringify(b);
  });
}
