/** Refusals of libs/notifications, and its own field checks (see define.ts: problem(), field()). */
export const NOTIFICATIONS_CODES = {} as const;
