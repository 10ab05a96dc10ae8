/** Refusals of libs/youth, and its own field checks (see define.ts: problem(), field()). */
export const YOUTH_CODES = {} as const;
