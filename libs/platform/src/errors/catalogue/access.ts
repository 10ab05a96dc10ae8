/** Refusals of libs/access, and its own field checks (see define.ts: problem(), field()). */
export const ACCESS_CODES = {} as const;
