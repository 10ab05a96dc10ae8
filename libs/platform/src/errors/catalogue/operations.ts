/** Refusals of libs/operations, and its own field checks (see define.ts: problem(), field()). */
export const OPERATIONS_CODES = {} as const;
