import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Principal, recordLinkSql } from '@samverkan/access';
import { addDays, afterCommit, Clock, JobName, type Page, pageOf, QueueName, stockholmMidnight, updateReturning } from '@samverkan/platform';
import type { JobsOptions, Queue } from 'bullmq';
import type { DataSource, EntityManager } from 'typeorm';
import type { DeadlineListQuery, DeadlineView } from './deadlines.dto.js';
import { bucketJobId, bucketOf, bucketSpan, bucketSql, fireAtSql, supersededSql } from './reminder-rules.js';

/** A deadline as the api shows it; `:now` is bound for `overdue`. */
const SELECT_DEADLINES = `SELECT d.id, d.kind, d.resource_type AS "resourceType", d.resource_id AS "resourceId", d.title, d.due_at AS "dueAt",
  to_char(d.due_on, 'YYYY-MM-DD') AS "dueOn", d.status, (d.status = 'open' AND d.due_at < :now) AS overdue, d.responsible_user_id AS "responsibleUserId",
  d.responsible_unit_id AS "responsibleUnitId", d.responsible_organisation_id AS "responsibleOrganisationId", :link AS link
  FROM deadlines d`;

/** SELECT_DEADLINES with the subject's link for the reader (an SQL expression, with its parameters). */
export function selectDeadlines(link: { sql: string; params: Record<string, unknown> }): { select: string; params: Record<string, unknown> } {
  return { select: SELECT_DEADLINES.replace(':link', () => link.sql), params: link.params };
}

export interface DeadlineInput {
  kind: string;
  resourceType: string;
  resourceId: string;
  /** Shown in reminders: no personal data (an action's title, "Yttrande från tillståndshavare", …). */
  title: string;
  responsibleUserId?: string | null;
  responsibleUnitId?: string | null;
  responsibleOrganisationId: string;
}

/**
 * When a deadline falls due: `dueOn`, a calendar day, for deadlines "by the end of that day" (an
 * action's due date, a review day: they pass at the next Stockholm midnight and are written as the
 * day); `dueAt`, an instant, for those with a time (a meeting, a reply within so many hours).
 */
export type DeadlineDue = { dueOn: string; dueAt?: never } | { dueAt: Date; dueOn?: never };

/** The instant a deadline passes, and its day if it is a date-only one. */
export function dueInstant(due: DeadlineDue): { dueAt: Date; dueOn: string | null } {
  return due.dueOn !== undefined ? { dueAt: stockholmMidnight(addDays(due.dueOn, 1)), dueOn: due.dueOn } : { dueAt: due.dueAt, dueOn: null };
}

/** A reminder job: every reminder due in one bucket (reminder-rules.ts, bucketOf). */
export interface ReminderJob {
  bucket: number;
}

/**
 * Turns PostgreSQL's JIT compiler off for a transaction: the rule expressions (reminder-rules.ts)
 * make the planner's estimates high enough to JIT-compile them, which costs seconds per statement
 * and saves nothing on these set-based statements (measured on 100 000 deadlines, #19).
 */
export const NO_JIT = 'SET LOCAL jit = off';

/** A bucket's job gives up after this many attempts (exponential backoff); the reconciler brings it back. */
const BUCKET_ATTEMPTS = 5;

/**
 * The deadline registry every module uses. Modules create, move, meet or cancel deadlines inside
 * their own transaction (the database is the truth); the reminder jobs follow once it commits
 * (afterCommit). If that is lost (crash, Redis down), the reconciler restores them.
 */
@Injectable()
export class DeadlinesService {
  private readonly logger = new Logger(DeadlinesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Deadlines) private readonly queue: Queue<ReminderJob>,
    private readonly clock: Clock,
  ) {}

  /** Opens the deadline of a subject, or moves it; a new due time voids reminders for the old one. */
  async upsert(manager: EntityManager, d: DeadlineInput & DeadlineDue): Promise<string> {
    const { dueAt, dueOn } = dueInstant(d);
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO deadlines (kind, resource_type, resource_id, title, due_at, responsible_user_id, responsible_unit_id,
         responsible_organisation_id, due_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (kind, resource_type, resource_id) DO UPDATE SET
         title = EXCLUDED.title,
         responsible_user_id = EXCLUDED.responsible_user_id,
         responsible_unit_id = EXCLUDED.responsible_unit_id,
         responsible_organisation_id = EXCLUDED.responsible_organisation_id,
         due_version = deadlines.due_version
           + CASE WHEN deadlines.due_at <> EXCLUDED.due_at OR deadlines.status <> 'open' THEN 1 ELSE 0 END,
         due_at = EXCLUDED.due_at, due_on = EXCLUDED.due_on, status = 'open', closed_at = NULL, version = deadlines.version + 1
       RETURNING id`,
      [d.kind, d.resourceType, d.resourceId, d.title, dueAt, d.responsibleUserId ?? null, d.responsibleUnitId ?? null, d.responsibleOrganisationId, dueOn],
    );
    await this.scheduleAfterCommit(manager, [row.id]);
    return row.id;
  }

  /** Met or cancelled: no more reminders. Returns the deadline's id, if there was an open one. */
  async close(manager: EntityManager, kind: string, resourceType: string, resourceId: string, status: 'met' | 'cancelled'): Promise<string | undefined> {
    const [row] = await updateReturning<{ id: string }>(
      manager,
      `UPDATE deadlines SET status = $4, closed_at = $5, version = version + 1
       WHERE kind = $1 AND resource_type = $2 AND resource_id = $3 AND status = 'open' RETURNING id`,
      [kind, resourceType, resourceId, status, this.clock.now()],
    );
    if (row) await this.scheduleAfterCommit(manager, [row.id]);
    return row?.id;
  }

  /** Closes every open deadline of these records (e.g. all of a case's when it closes); returns their ids. */
  async closeAllFor(
    manager: EntityManager,
    resources: { resourceType: string; resourceIds: readonly string[] }[],
    status: 'met' | 'cancelled',
  ): Promise<string[]> {
    const closed: string[] = [];
    for (const { resourceType, resourceIds } of resources) {
      if (resourceIds.length === 0) continue;
      const rows = await updateReturning<{ id: string }>(
        manager,
        `UPDATE deadlines SET status = $3, closed_at = $4, version = version + 1
         WHERE resource_type = $1 AND resource_id = ANY($2::uuid[]) AND status = 'open' RETURNING id`,
        [resourceType, resourceIds, status, this.clock.now()],
      );
      closed.push(...rows.map((r) => r.id));
    }
    await this.scheduleAfterCommit(manager, closed);
    return closed;
  }

  /**
   * Jobs follow the database once the caller's transaction commits. The buckets are found now, on the
   * caller's own connection: after-commit work runs while the caller still holds its connection, so
   * a query there needs a second one, and under load every pooled connection waited for another
   * (#19: audited changes stalled three seconds each). Only the Redis part waits for the commit.
   * A deadline closed or moved later in the same transaction leaves a bucket that finds nothing.
   */
  private async scheduleAfterCommit(manager: EntityManager, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const { buckets } = await this.pendingBuckets({ ids }, manager);
    for (const bucket of buckets) await afterCommit(manager, 'deadlines.enqueue', bucket, (all) => this.enqueueBuckets([...new Set(all)]));
  }

  /**
   * Queues the buckets of these deadlines' pending reminders (closed deadlines have none: their
   * bucket jobs find nothing for them). Failures are logged, not thrown: the change is committed
   * and the reconciler will catch up.
   */
  async schedule(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    try {
      const { buckets } = await this.pendingBuckets({ ids });
      await this.enqueueBuckets(buckets);
      return buckets.length;
    } catch (error) {
      this.logger.warn(`scheduling ${ids.length} deadline(s) failed; the reconciler will restore them: ${(error as Error).message}`);
      return 0;
    }
  }

  /**
   * The buckets holding pending reminders — an active rule of an open deadline, not delivered for
   * its due version, not overtaken by a later rule that is due already (reminder-rules.ts) — of the
   * given deadlines, or of the open deadlines with ids in (after, …] up to `limit` of them (the
   * reconciler's keyset pages). One statement; `reminders` counts the reminders, `last` is the page's last id.
   */
  async pendingBuckets(
    of: { ids: readonly string[] } | { after: string; limit: number },
    inTransaction?: EntityManager,
  ): Promise<{ buckets: number[]; reminders: number; deadlines: number; last?: string }> {
    const now = this.clock.now();
    const columns = 'id, kind, due_at, due_version';
    const page =
      'ids' in of
        ? { sql: `SELECT ${columns} FROM deadlines WHERE id = ANY($2::uuid[]) AND status = 'open'`, params: [of.ids] }
        : { sql: `SELECT ${columns} FROM deadlines WHERE status = 'open' AND id > $2 ORDER BY id LIMIT $3`, params: [of.after, of.limit] };
    // A caller's few deadlines are read in its transaction (no JIT: too cheap to reach its threshold);
    // the reconciler's pages of thousands get their own transaction with JIT off.
    const query = async (manager: EntityManager) =>
      manager.query<{ bucket: string | null; reminders: number; deadlines: number; last: string | null }[]>(
        `WITH d AS MATERIALIZED (${page.sql}),
         pending AS (
           SELECT ${bucketSql('f.at')} AS bucket
           FROM d JOIN reminder_rules r ON r.deadline_kind = d.kind AND r.active
           CROSS JOIN LATERAL (SELECT ${fireAtSql('d', 'r')} AS at) f
           WHERE NOT EXISTS (SELECT 1 FROM reminder_deliveries x WHERE x.deadline_id = d.id AND x.rule_key = r.key AND x.due_version = d.due_version)
             AND NOT ${supersededSql('d', 'r', 'f.at', '$1::timestamptz')})
         SELECT p.bucket, count(p.*)::int AS reminders, (SELECT count(*)::int FROM d) AS deadlines, (SELECT id FROM d ORDER BY id DESC LIMIT 1) AS last
         FROM (SELECT 1) one LEFT JOIN pending p ON true GROUP BY p.bucket`,
        [now, ...page.params],
      );
    const rows = inTransaction
      ? await query(inTransaction)
      : await this.dataSource.transaction(async (manager) => {
          await manager.query(NO_JIT);
          return query(manager);
        });
    const buckets = rows.filter((r) => r.bucket !== null).map((r) => Number(r.bucket));
    return {
      buckets,
      reminders: rows.reduce((sum, r) => sum + r.reminders, 0),
      deadlines: rows[0]?.deadlines ?? 0,
      last: rows[0]?.last ?? undefined,
    };
  }

  /**
   * One delayed job per bucket, due at the bucket's end, with the bucket's deterministic id: a bucket
   * queued twice (by a schedule and the reconciler, or two workers) is one job. A completed job is
   * removed at once, so a reminder that joins a bucket later (a deadline registered after its time)
   * can queue the bucket again; the delivery guard makes a second run of a bucket send nothing twice.
   */
  async enqueueBuckets(buckets: readonly number[]): Promise<void> {
    const now = this.clock.now().getTime();
    for (let i = 0; i < buckets.length; i += 500) {
      await this.queue.addBulk(
        buckets.slice(i, i + 500).map((bucket) => ({
          name: JobName.DeadlineRemind,
          data: { bucket },
          opts: {
            jobId: bucketJobId(bucket),
            delay: Math.max(0, bucketSpan(bucket).end.getTime() - now),
            attempts: BUCKET_ATTEMPTS,
            backoff: { type: 'exponential', delay: 5_000 },
            removeOnComplete: true,
            removeOnFail: { age: 30 * 86_400 },
          } satisfies JobsOptions,
        })),
      );
    }
  }

  /**
   * Buckets whose job gave up (failed on every attempt, e.g. the database was away for minutes) but
   * that still hold pending reminders are retried: a failed job keeps its id, so queuing it again
   * would do nothing. Only buckets already due can have failed.
   */
  async retryFailedBuckets(buckets: readonly number[]): Promise<number> {
    const due = bucketOf(this.clock.now());
    let retried = 0;
    for (const bucket of buckets.filter((b) => b <= due)) {
      const id = bucketJobId(bucket);
      if ((await this.queue.getJobState(id)) !== 'failed') continue;
      await (await this.queue.getJob(id))?.retry('failed');
      retried += 1;
    }
    return retried;
  }

  /** The deadlines a principal answers for: their own, or their units' (filters: mine, unit, kind, overdue, dueBefore). */
  async list(principal: Principal, query: DeadlineListQuery): Promise<Page<DeadlineView>> {
    const now = this.clock.now();
    const mine = 'd.responsible_user_id = :userId';
    const unit = 'd.responsible_unit_id = ANY(:unitIds::uuid[])';
    const qb = this.dataSource
      .createQueryBuilder()
      .from('deadlines', 'd')
      .where(query.scope === 'mine' ? mine : query.scope === 'unit' ? unit : `(${mine} OR ${unit})`, {
        userId: principal.userId,
        unitIds: principal.memberships.map((m) => m.unitId),
      });
    if (query.kind) qb.andWhere('d.kind = :kind', { kind: query.kind });
    if (query.status) qb.andWhere('d.status = :status', { status: query.status });
    if (query.overdue) qb.andWhere(`d.status = 'open' AND d.due_at < :now`, { now });
    if (query.dueBefore) qb.andWhere('d.due_at <= :dueBefore', { dueBefore: query.dueBefore });
    // Each deadline links to its subject where the reader may open it (same scope as the subject's own GET).
    const { select, params } = selectDeadlines(recordLinkSql(principal, 'd.resource_type', 'd.resource_id', now));
    return pageOf<DeadlineView>(this.dataSource, qb, { alias: 'd', orderBy: [['d.due_at', 'ASC']], select, selectParams: { ...params, now } }, query);
  }
}
