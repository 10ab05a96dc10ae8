export { type AuditEntry, AUDIT_OUTCOMES, type AuditOutcome } from '@samverkan/platform';

/** Names of the fields whose values differ between two versions of a record. */
export function changedFields<T extends object>(before: T, after: Partial<T>): string[] {
  return Object.keys(after).filter((key) => {
    const a = (before as Record<string, unknown>)[key];
    const b = (after as Record<string, unknown>)[key];
    return JSON.stringify(a) !== JSON.stringify(b);
  });
}
