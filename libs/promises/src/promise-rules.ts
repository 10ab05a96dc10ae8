/**
 * The status rules of the promise and its actions, in one place: pure functions the services call
 * and the tests read. Progress roll-ups live in progress.ts.
 */
import { type FieldError, fieldError } from '@samverkan/platform';
import { type ActionStatus, FINAL_ACTION_STATUSES, type PromiseStatus } from './vocabulary.js';

/** How a promise (medborgarlöfte) moves: signed, in force, evaluated each year, extended or closed. */
export const PROMISE_TRANSITIONS: Record<PromiseStatus, readonly PromiseStatus[]> = {
  draft: ['signed'],
  signed: ['active', 'draft'],
  active: ['evaluated', 'extended'],
  evaluated: ['closed', 'extended', 'active'],
  extended: ['evaluated', 'closed'],
  closed: [],
};

export function promiseStatusErrors(from: PromiseStatus, to: PromiseStatus | undefined): FieldError[] {
  return to && to !== from && !PROMISE_TRANSITIONS[from].includes(to) ? [fieldError('status', 'status.transition', { from, to })] : [];
}

/**
 * The status people see, derived in one place: a promise in force (signed, active, extended) whose
 * period has ended is closed (Avslutat) — its figures are then its final result — whatever status
 * was last set by hand.
 */
export function shownPromiseStatus(status: PromiseStatus, periodEnd: string, today: string): PromiseStatus {
  return today > periodEnd && (status === 'signed' || status === 'active' || status === 'extended') ? 'closed' : status;
}

/** Whether a promise's period is over (its figures are final). */
export function promiseEnded(periodEnd: string, today: string): boolean {
  return today > periodEnd;
}

/** Statuses that need a reason when an action enters them. */
const NEEDS_REASON: readonly ActionStatus[] = ['blocked', 'cancelled'];
/** Progress a reopened action falls back to at most: it is not done after all. */
const REOPENED_PROGRESS_CAP = 90;

export interface ActionChange {
  status?: ActionStatus;
  statusReason?: string;
  progress?: number;
  /** Whether the change edits anything besides status, reason and note. */
  editsOtherFields: boolean;
}

export interface ActionOutcome {
  status: ActionStatus;
  progress: number;
  /** Whether a final action (done, cancelled) opens again. */
  reopening: boolean;
  errors: FieldError[];
}

/**
 * An action's status change. Done and cancelled are final: the only change allowed then is
 * reopening (an open status, with a reason). Blocked and cancelled need a reason; done is 100 %.
 */
export function actionStatusChange(before: { status: ActionStatus; progress: number }, change: ActionChange): ActionOutcome {
  const status = change.status ?? before.status;
  const wasFinal = FINAL_ACTION_STATUSES.includes(before.status);
  const reopening = wasFinal && !FINAL_ACTION_STATUSES.includes(status);
  const errors: FieldError[] = [];
  if (wasFinal && !reopening && (change.editsOtherFields || change.status !== undefined)) {
    errors.push(fieldError('status', 'action.final', { status: before.status }));
  } else if ((reopening || (NEEDS_REASON.includes(status) && status !== before.status)) && !change.statusReason) {
    errors.push(fieldError('statusReason', 'action.reason_required', { change: reopening ? 'reopen' : `set ${status}` }));
  }
  const progress = status === 'done' ? 100 : (change.progress ?? (reopening ? Math.min(before.progress, REOPENED_PROGRESS_CAP) : before.progress));
  return { status, progress, reopening, errors };
}

/**
 * The dates an open action carried into the next promise gets: it starts when the new period does
 * (or later, if it was planned to), and keeps its due date if that falls within the new period.
 * One already overdue gets the end of the new period's first year, and one due after the period
 * its last day; the manager re-plans it from there.
 */
export function carriedDates(
  action: { startDate: string | null; dueDate: string },
  period: { periodStart: string; periodEnd: string },
): { startDate: string; dueDate: string } {
  const startDate = action.startDate && action.startDate > period.periodStart ? action.startDate : period.periodStart;
  const firstYearEnd = `${period.periodStart.slice(0, 4)}-12-31`;
  let dueDate = action.dueDate;
  if (dueDate < startDate) dueDate = firstYearEnd < period.periodEnd ? firstYearEnd : period.periodEnd;
  if (dueDate > period.periodEnd) dueDate = period.periodEnd;
  return { startDate: startDate > dueDate ? dueDate : startDate, dueDate };
}
