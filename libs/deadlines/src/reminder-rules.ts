import { formatDay, formatInstant, stockholmDate } from '@samverkan/platform';
import type { ReminderRule } from './deadlines.dto.js';

/**
 * Reminder rules, CiviCRM ActionSchedule style: an offset (value + unit) before, at or after a
 * deadline's due time, and who receives it. Defaults are seeded by the Deadlines migration; a
 * system_admin changes them through PUT /api/v1/reminder-rules. This file is the one place that
 * turns a rule into a time.
 */
export const ANCHORS = ['before', 'at', 'after'] as const;
export type Anchor = (typeof ANCHORS)[number];
export const OFFSET_UNITS = ['seconds', 'minutes', 'hours', 'days', 'working_days'] as const;
export type OffsetUnit = (typeof OFFSET_UNITS)[number];
export const RECIPIENTS = ['responsible', 'manager'] as const;
export type Recipient = (typeof RECIPIENTS)[number];

const UNIT_MS: Record<Exclude<OffsetUnit, 'working_days'>, number> = {
  seconds: 1_000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
};

/** When a rule fires for a deadline due at `dueAt`. Working days skip Saturdays and Sundays (Stockholm calendar). */
export function fireAt(dueAt: Date, rule: Pick<ReminderRule, 'anchor' | 'offsetValue' | 'offsetUnit'>): Date {
  if (rule.anchor === 'at' || rule.offsetValue === 0) return new Date(dueAt);
  const sign = rule.anchor === 'before' ? -1 : 1;
  if (rule.offsetUnit !== 'working_days') return new Date(dueAt.getTime() + sign * rule.offsetValue * UNIT_MS[rule.offsetUnit]);
  let time = dueAt.getTime();
  let remaining = rule.offsetValue;
  while (remaining > 0) {
    time += sign * 86_400_000;
    if (!isWeekend(new Date(time))) remaining -= 1;
  }
  return new Date(time);
}

function isWeekend(instant: Date): boolean {
  const day = new Date(`${stockholmDate(instant)}T12:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

type TimedRule = Pick<ReminderRule, 'key' | 'anchor' | 'offsetValue' | 'offsetUnit' | 'recipient' | 'active'>;

/**
 * Whether a rule is overtaken at `now`: another active rule for the same recipients falls due
 * later than this one and is due already. A reminder caught up late (the deadline was registered
 * after its earlier reminders' times, or the worker was down) is then sent once, as the latest
 * rule says, not once per rule (issue #16). Ties go to the greater key.
 */
export function superseded(rule: TimedRule, rules: readonly TimedRule[], dueAt: Date, now: Date): boolean {
  const at = fireAt(dueAt, rule).getTime();
  return rules.some((other) => {
    if (!other.active || other.key === rule.key || other.recipient !== rule.recipient) return false;
    const otherAt = fireAt(dueAt, other).getTime();
    return otherAt <= now.getTime() && (otherAt > at || (otherAt === at && other.key > rule.key));
  });
}

/** How a reminder names the due time: the day for a date-only deadline ("senast 30 september 2022"), else the date and time. */
export function dueText(deadline: { due_at: Date; due_on: string | null }): string {
  return deadline.due_on ? `senast ${formatDay(deadline.due_on)}` : formatInstant(deadline.due_at);
}

/** Job ids for BullMQ: deterministic, no ':' and not all digits. */
export function reminderJobId(deadlineId: string, ruleKey: string, dueVersion: number): string {
  return `remind-${deadlineId}-${ruleKey}-v${dueVersion}`;
}

export const RULE_LABELS: Record<Recipient, string> = {
  responsible: 'Påminnelse',
  manager: 'Eskalering',
};
