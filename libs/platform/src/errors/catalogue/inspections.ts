/** Refusals of libs/inspections, and its own field checks (see define.ts: problem(), field()). */
export const INSPECTIONS_CODES = {} as const;
