import type { Permission } from '@samverkan/access';
import { addDays, stockholmDate, stockholmMidnight } from '@samverkan/platform';

/**
 * A work queue sorts a unit's open deadlines by how urgent they are: overdue (past their due
 * time), due soon (within DUE_SOON_DAYS, the fortnight a manager plans), or later.
 */
export const WORK_QUEUE_STATES = ['overdue', 'due_soon', 'later'] as const;
export type WorkQueueState = (typeof WORK_QUEUE_STATES)[number];

/** "Snart förfallet": due within two weeks. */
export const DUE_SOON_DAYS = 14;

/** The end of the due-soon window: the Stockholm midnight ending the 14th day from today. */
export function dueSoonLimit(now: Date): Date {
  return stockholmMidnight(addDays(stockholmDate(now), DUE_SOON_DAYS + 1));
}

export function workQueueState(dueAt: Date, now: Date): WorkQueueState {
  if (dueAt.getTime() < now.getTime()) return 'overdue';
  return dueAt.getTime() < dueSoonLimit(now).getTime() ? 'due_soon' : 'later';
}

/**
 * The deadline kinds whose responsible person can be handed to someone else, and the permissions
 * the owning lib accepts on the record when it is (an action's responsible person:
 * libs/promises PUT /actions/{id}/responsible, whose update moves the deadline with it). Other kinds follow
 * their record's own rules (a youth case's coordinator, an inspection's inspector) and the queue
 * offers no reassignment for them.
 */
export const REASSIGNABLE_KINDS = {
  action_due: { permissions: ['promise_action:update', 'promise_action:reassign'], resourceType: 'action' },
} as const satisfies Record<string, { permissions: readonly Permission[]; resourceType: string }>;

export function isReassignable(kind: string): kind is keyof typeof REASSIGNABLE_KINDS {
  return Object.hasOwn(REASSIGNABLE_KINDS, kind);
}
