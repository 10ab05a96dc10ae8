/** Refusals of libs/audit, and its own field checks (see define.ts: problem(), field()). */
export const AUDIT_CODES = {} as const;
