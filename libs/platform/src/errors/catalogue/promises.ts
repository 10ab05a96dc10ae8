/** Refusals of libs/promises, and its own field checks (see define.ts: problem(), field()). */
export const PROMISES_CODES = {} as const;
