/** Refusals of libs/identity, and its own field checks (see define.ts: problem(), field()). */
export const IDENTITY_CODES = {} as const;
