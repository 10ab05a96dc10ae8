/** Refusals of libs/deadlines, and its own field checks (see define.ts: problem(), field()). */
export const DEADLINES_CODES = {} as const;
