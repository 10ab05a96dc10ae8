import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SUPERVISOR_ROLES } from '@samverkan/access';
import { Notifier } from '@samverkan/notifications';
import { Clock } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import { answerersSql, supervisorsSql } from './deadline-answerers.js';
import { NO_JIT } from './deadlines.service.js';
import { bucketSpan, dueText, fireAtSql, fireShiftSql, RULE_LABELS, shardsFor, supersededSql } from './reminder-rules.js';

export type DeliveryOutcome = 'delivered' | 'none' | 'early';

export interface BucketDelivery {
  outcome: DeliveryOutcome;
  /** Guard rows written: one per reminder and recipient told now. */
  delivered: number;
  /** For 'early': when the bucket is really due. */
  fireAt?: Date;
}

/** A job that arrives this much before its time (clock drift between hosts) still counts. */
const EARLY_TOLERANCE_MS = 2_000;

interface Shard {
  index: number;
  count: number;
}

/**
 * The reminders of a bucket (reminder-rules.ts): an active rule of an open deadline whose time, from
 * the deadline's current due time and the rule as it is now, falls in the bucket — not one the
 * deadline's later rule, due as well, overtakes. A met, cancelled or moved deadline, or a rule
 * switched off, simply is not among them. Parameters: $1 bucket start, $2 end, $3 now; with
 * `shard`, the parameters holding the shard count and index (a shard is the deadlines whose id's
 * last byte leaves that remainder: ids are random, so shards are even).
 */
function bucketRemindersSql(shard?: { count: string; index: string }): string {
  const shift = fireShiftSql('r');
  const inShard = shard ? `AND get_byte(uuid_send(d.id), 15) % ${shard.count}::int = ${shard.index}::int` : '';
  return `
  SELECT d.id, d.kind, d.due_version, d.responsible_user_id, d.responsible_unit_id, d.responsible_organisation_id, r.key, r.recipient,
         d.title, d.resource_type, d.resource_id, d.due_at, to_char(d.due_on, 'YYYY-MM-DD') AS due_on
  FROM reminder_rules r
  JOIN deadlines d ON d.kind = r.deadline_kind AND d.status = 'open'
    AND d.due_at >= $1::timestamptz - ${shift.max} AND d.due_at < $2::timestamptz - ${shift.min}
  CROSS JOIN LATERAL (SELECT ${fireAtSql('d', 'r')} AS at) f
  WHERE r.active AND f.at >= $1::timestamptz AND f.at < $2::timestamptz AND NOT ${supersededSql('d', 'r', 'f.at', '$3::timestamptz')} ${inShard}`;
}

/**
 * Delivers reminders a bucket at a time, set-based (#19). A large bucket is split into shards
 * (shardsFor) delivered side by side. Each shard is one transaction that holds the shard's lock
 * (a transaction-level advisory lock: a bucket delivered twice at once — BullMQ's at-least-once
 * delivery, a stalled job run again — runs one after the other):
 *
 * 1. one INSERT … SELECT lists every recipient of every reminder in the bucket that has no guard
 *    row yet (deadline-answerers.ts: the responsible person, else the unit, else the organisation's
 *    supervisors; escalations to the supervisors), with its notice, in a temporary table;
 * 2. notifications' set-based entry point writes the notices from that table (#10: only
 *    notifications writes notifications; one inbox row per person, deadline, due version and kind,
 *    which a later rule's reminder refreshes) and notes each one's id there;
 * 3. one INSERT … SELECT writes the guard rows — one per (deadline, rule, due version, recipient),
 *    linked to its notification, ON CONFLICT DO NOTHING — so nobody is told twice.
 *
 * A handful of statements whatever the bucket holds, and no reminder passes through this process.
 * Everything is keyed, so even a reminder delivered by two buckets at once (its rule changed
 * between two snapshots) leaves one inbox row, one e-mail (its dedupe key) and one guard row.
 */
@Injectable()
export class ReminderService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifier: Notifier,
    private readonly clock: Clock,
  ) {}

  async deliverBucket(bucket: number): Promise<BucketDelivery> {
    const { start, end } = bucketSpan(bucket);
    if (end.getTime() - this.clock.now().getTime() > EARLY_TOLERANCE_MS) {
      // Fired before its time (a clock moved): the processor puts the job back for the right moment.
      return { outcome: 'early', delivered: 0, fireAt: end };
    }
    const reminders = await this.dataSource.transaction(async (manager) => {
      await manager.query(NO_JIT);
      const [{ count }] = await manager.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM (${bucketRemindersSql()}) due`, [
        start,
        end,
        this.clock.now(),
      ]);
      return count;
    });
    if (reminders === 0) return { outcome: 'none', delivered: 0 };
    const count = shardsFor(reminders);
    // Every shard runs to its end before the job does: a failed one fails the job, whose retry then
    // finds only what that shard left (the others' guard rows are committed).
    const shards = await Promise.allSettled(Array.from({ length: count }, (_, index) => this.deliverShard(bucket, { index, count })));
    const failed = shards.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    const delivered = shards.reduce((sum, s) => sum + (s as PromiseFulfilledResult<number>).value, 0);
    return { outcome: delivered > 0 ? 'delivered' : 'none', delivered };
  }

  /** One shard of a bucket in one transaction (the steps above); answers the guard rows written. */
  private async deliverShard(bucket: number, shard: Shard): Promise<number> {
    const { start, end } = bucketSpan(bucket);
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`reminders ${bucket} ${shard.index}/${shard.count}`]);
      const now = this.clock.now();
      await manager.query(NO_JIT);
      await manager.query(`SET LOCAL work_mem = '32MB'`); // a full bucket's sorts and hashes stay in memory
      // A full shard (25 000 reminders) is a few long statements, not many short ones: the 30-second
      // limit meant for runaway queries would cut them on a loaded machine.
      await manager.query(`SET LOCAL statement_timeout = '10min'`);
      await manager.query(
        `CREATE TEMP TABLE reminder_fresh (deadline_id uuid NOT NULL, rule_key text NOT NULL, due_version int NOT NULL, user_id uuid NOT NULL,
           kind text NOT NULL, title text NOT NULL, body text, resource_type text NOT NULL, resource_id uuid NOT NULL, inbox_key text NOT NULL,
           dedupe_key text NOT NULL, email text NOT NULL, due_at timestamptz NOT NULL, due_on text, overdue boolean NOT NULL, notification_id uuid)
         ON COMMIT DROP`,
      );
      const deadlines = `SELECT DISTINCT id, responsible_user_id, responsible_unit_id, responsible_organisation_id FROM due`;
      const kind = `CASE w.recipient WHEN 'manager' THEN 'deadline_escalation' ELSE 'deadline_reminder' END`;
      const [{ count }] = await manager.query<{ count: number }[]>(
        `WITH due AS MATERIALIZED (${bucketRemindersSql({ count: '$7', index: '$8' })}),
         who AS (
           SELECT due.*, a.user_id FROM due JOIN (${answerersSql(`${deadlines} WHERE recipient = 'responsible'`, '$3::timestamptz', '$4')}) a ON a.deadline_id = due.id
           WHERE due.recipient = 'responsible'
           UNION ALL
           SELECT due.*, s.user_id FROM due JOIN (${supervisorsSql(`${deadlines} WHERE recipient = 'manager'`, '$3::timestamptz', '$4')}) s ON s.deadline_id = due.id
           WHERE due.recipient = 'manager'),
         kept AS (
           INSERT INTO reminder_fresh (deadline_id, rule_key, due_version, user_id, kind, title, resource_type, resource_id, inbox_key, dedupe_key, email,
             due_at, due_on, overdue)
           SELECT w.id, w.key, w.due_version, w.user_id, ${kind},
                  (CASE w.recipient WHEN 'manager' THEN $5 ELSE $6 END) || ': ' || w.title, w.resource_type, w.resource_id,
                  'deadline-' || w.id || '-v' || w.due_version || '-' || ${kind}, 'reminder-' || w.id || '-' || w.key || '-' || w.due_version,
                  -- Escalations always mail at once; reminders follow the user's choice (a mail each, the digest, none).
                  CASE w.recipient WHEN 'manager' THEN 'always' ELSE 'preference' END,
                  w.due_at, w.due_on, w.due_at <= $3::timestamptz
           FROM who w
           WHERE NOT EXISTS (SELECT 1 FROM reminder_deliveries x
                             WHERE x.deadline_id = w.id AND x.rule_key = w.key AND x.due_version = w.due_version AND x.recipient_user_id = w.user_id)
           RETURNING 1)
         SELECT count(*)::int AS count FROM kept`,
        [start, end, now, SUPERVISOR_ROLES, RULE_LABELS.manager, RULE_LABELS.responsible, shard.count, shard.index],
      );
      if (count === 0) return 0;
      // The bodies: a bucket's reminders share a handful of due times; each is written out once (dueText).
      // (Matched on due_at as text: a JavaScript Date would drop its microseconds.)
      const times = await manager.query<{ at: string; due_at: Date; due_on: string | null; overdue: boolean }[]>(
        'SELECT DISTINCT due_at::text AS at, due_at, due_on, overdue FROM reminder_fresh',
      );
      const bodies = times.map((t) => (t.overdue ? `Försenad – skulle ha varit klar ${dueText(t)}.` : `Ska vara klar ${dueText(t)}.`));
      await manager.query(
        `UPDATE reminder_fresh f SET body = t.body FROM unnest($1::text[], $2::text[], $3::boolean[], $4::text[]) AS t(at, due_on, overdue, body)
         WHERE f.due_at::text = t.at AND f.due_on IS NOT DISTINCT FROM t.due_on AND f.overdue = t.overdue`,
        [times.map((t) => t.at), times.map((t) => t.due_on), times.map((t) => t.overdue), bodies],
      );
      await this.notifier.notifyTable(manager, 'reminder_fresh');
      const [{ written }] = await manager.query<{ written: number }[]>(
        `WITH written AS (
           INSERT INTO reminder_deliveries (deadline_id, rule_key, due_version, recipient_user_id, delivered_at, notification_id)
           SELECT deadline_id, rule_key, due_version, user_id, $1, notification_id FROM reminder_fresh
           ON CONFLICT DO NOTHING RETURNING 1)
         SELECT count(*)::int AS written FROM written`,
        [now],
      );
      return written;
    });
  }
}
