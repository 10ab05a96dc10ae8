import { CALENDAR_TIME_ZONE, formatDay, formatInstant, stockholmDate } from '@samverkan/platform';
import type { ReminderRule } from './deadlines.dto.js';

/**
 * Reminder rules, CiviCRM ActionSchedule style: an offset (value + unit) before, at or after a
 * deadline's due time, and who receives it. Defaults are seeded by the Deadlines migration; a
 * system_admin changes them through PUT /api/v1/reminder-rules. This file is the one place that
 * turns a rule into a time: `fireAt` and `superseded` say it in TypeScript, `fireAtSql` and
 * `supersededSql` say the same in SQL for set-based delivery (#19), and a test against PostgreSQL
 * holds the two to the same answers (deadlines e2e, "the SQL rules agree").
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

/**
 * Reminders are delivered in buckets (#19): every reminder whose time falls in the same second goes
 * out in one job, set-based, instead of one job per reminder. A bucket is [n s, (n + 1) s); its job
 * runs at the bucket's end, so no reminder goes out before its time.
 */
export const REMINDER_BUCKET_MS = 1_000;

/** The bucket of an instant. */
export function bucketOf(instant: Date): number {
  return Math.floor(instant.getTime() / REMINDER_BUCKET_MS);
}

/** The instants a bucket spans: [start, end). */
export function bucketSpan(bucket: number): { start: Date; end: Date } {
  return { start: new Date(bucket * REMINDER_BUCKET_MS), end: new Date((bucket + 1) * REMINDER_BUCKET_MS) };
}

/** The bucket's BullMQ job id: deterministic (scheduling or reconciling twice adds it once), no ':' and not all digits. */
export function bucketJobId(bucket: number): string {
  return `reminders-${bucket}`;
}

/** The bucket a fire time (an SQL timestamptz expression) falls in, as SQL: the same number as bucketOf. */
export function bucketSql(fireAt: string): string {
  return `floor(extract(epoch FROM ${fireAt}) * 1000 / ${REMINDER_BUCKET_MS})::bigint`;
}

const SIGN_SQL = (r: string) => `(CASE ${r}.anchor WHEN 'before' THEN -1 ELSE 1 END)`;
const DAY_SQL = `interval '${UNIT_MS.days} milliseconds'`;
const UNIT_SQL = (r: string) =>
  `(CASE ${r}.offset_unit ${Object.entries(UNIT_MS)
    .map(([unit, ms]) => `WHEN '${unit}' THEN interval '${ms} milliseconds'`)
    .join(' ')} END)`;

/**
 * fireAt in SQL, for a deadline row `d` (due_at) and a rule row `r` (anchor, offset_value,
 * offset_unit). Working days step a whole 24 hours at a time, as fireAt does, and skip the steps
 * that land on a Saturday or Sunday in Stockholm.
 */
export function fireAtSql(d: string, r: string): string {
  const step = `${d}.due_at + ${SIGN_SQL(r)} * s.n * ${DAY_SQL}`;
  return `(CASE WHEN ${r}.anchor = 'at' OR ${r}.offset_value = 0 THEN ${d}.due_at
    WHEN ${r}.offset_unit <> 'working_days' THEN ${d}.due_at + ${SIGN_SQL(r)} * ${r}.offset_value * ${UNIT_SQL(r)}
    ELSE (SELECT ${step} FROM generate_series(1, ${r}.offset_value * 3 + 3) AS s(n)
          WHERE extract(isodow FROM (${step}) AT TIME ZONE '${CALENDAR_TIME_ZONE}') < 6
          ORDER BY s.n OFFSET ${r}.offset_value - 1 LIMIT 1) END)`;
}

/**
 * Bounds of fire time minus due time for a rule row `r`, as SQL intervals: what lets a bucket's
 * deadlines be found by a range of due_at (an index) before fireAtSql picks them exactly. N working
 * days span at least N and at most 3N + 3 whole days (the generate_series above).
 */
export function fireShiftSql(r: string): { min: string; max: string } {
  const exact = `(CASE WHEN ${r}.anchor = 'at' THEN interval '0' ELSE ${SIGN_SQL(r)} * ${r}.offset_value * ${UNIT_SQL(r)} END)`;
  const near = `(CASE ${r}.anchor WHEN 'after' THEN ${r}.offset_value WHEN 'before' THEN -3 * ${r}.offset_value - 3 ELSE 0 END) * ${DAY_SQL}`;
  const far = `(CASE ${r}.anchor WHEN 'after' THEN 3 * ${r}.offset_value + 3 WHEN 'before' THEN -${r}.offset_value ELSE 0 END) * ${DAY_SQL}`;
  const working = `${r}.offset_unit = 'working_days' AND ${r}.anchor <> 'at'`;
  return { min: `(CASE WHEN ${working} THEN ${near} ELSE ${exact} END)`, max: `(CASE WHEN ${working} THEN ${far} ELSE ${exact} END)` };
}

/**
 * superseded in SQL: true when another active rule of the deadline's kind for the same recipients
 * falls due later than rule `r` (whose fire time is the SQL expression `fire`) and is due already at
 * `now`. Ties go to the greater key, compared byte-wise as in TypeScript.
 */
export function supersededSql(d: string, r: string, fire: string, now: string): string {
  return `EXISTS (SELECT 1 FROM reminder_rules o CROSS JOIN LATERAL (SELECT ${fireAtSql(d, 'o')} AS at) oa
    WHERE o.deadline_kind = ${r}.deadline_kind AND o.active AND o.key <> ${r}.key AND o.recipient = ${r}.recipient AND oa.at <= ${now}
      AND (oa.at > ${fire} OR (oa.at = ${fire} AND o.key COLLATE "C" > ${r}.key COLLATE "C")))`;
}

export const RULE_LABELS: Record<Recipient, string> = {
  responsible: 'Påminnelse',
  manager: 'Eskalering',
};

/**
 * A bucket with more reminders than this is delivered in shards side by side, each in its own
 * transaction on its own connection: one transaction keeps one core of PostgreSQL busy, and the
 * foreign-key and index work of a large bucket is most of its time (#19: 100 000 reminders, two
 * 3-second statements).
 */
export const SHARD_SIZE = 2_000;
/** Shards of one bucket at most: the worker's pool (10 connections) also serves its other jobs. */
export const MAX_SHARDS = 4;

/** How many shards a bucket of this many reminders is delivered in: a power of two (a shard is a residue of the id's last byte). */
export function shardsFor(reminders: number): number {
  let shards = 1;
  while (shards < MAX_SHARDS && reminders > shards * SHARD_SIZE) shards *= 2;
  return shards;
}
