import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Principal, recordLinkSql } from '@samverkan/access';
import { addDays, afterCommit, Clock, JobName, type Page, pageOf, QueueName, stockholmMidnight, updateReturning } from '@samverkan/platform';
import type { JobsOptions, Queue } from 'bullmq';
import type { DataSource, EntityManager } from 'typeorm';
import type { DeadlineListQuery, DeadlineView, ReminderRule } from './deadlines.dto.js';
import { fireAt, reminderJobId } from './reminder-rules.js';

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

export interface ReminderJob {
  deadlineId: string;
  ruleKey: string;
  dueVersion: number;
}

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

  /** Jobs follow the database once the caller's transaction commits: added for open deadlines, withdrawn for closed ones. */
  private async scheduleAfterCommit(manager: EntityManager, ids: readonly string[]): Promise<void> {
    for (const id of ids) await afterCommit(manager, 'deadlines.schedule', id, (all) => this.schedule(all));
  }

  /**
   * A delayed BullMQ job per active rule of each open deadline (deterministic ids,
   * so scheduling twice is harmless); jobs of closed deadlines are withdrawn. Failures are logged,
   * not thrown: the change is committed and the reconciler will catch up.
   */
  async schedule(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    try {
      const rows = await this.dataSource.query<(ReminderRule & { id: string; due_at: Date; due_version: number; status: string })[]>(
        `SELECT d.id, d.due_at, d.due_version, d.status, r.key, r.anchor, r.offset_value AS "offsetValue",
                r.offset_unit AS "offsetUnit", r.recipient, r.active
         FROM deadlines d JOIN reminder_rules r ON r.deadline_kind = d.kind
         WHERE d.id = ANY($1::uuid[])`,
        [ids],
      );
      const open = rows.filter((r) => r.status === 'open' && r.active);
      await this.addJobs(open.map((r) => ({ deadlineId: r.id, ruleKey: r.key, dueVersion: r.due_version, fireAt: fireAt(r.due_at, r) })));
      for (const r of rows.filter((row) => row.status !== 'open')) {
        await this.queue.remove(reminderJobId(r.id, r.key, r.due_version)).catch(() => 0);
      }
      return open.length;
    } catch (error) {
      this.logger.warn(`scheduling ${ids.length} deadline(s) failed; the reconciler will restore them: ${(error as Error).message}`);
      return 0;
    }
  }

  async addJobs(jobs: readonly (ReminderJob & { fireAt: Date })[]): Promise<void> {
    const now = this.clock.now().getTime();
    for (let i = 0; i < jobs.length; i += 500) {
      await this.queue.addBulk(
        jobs.slice(i, i + 500).map((j) => ({
          name: JobName.DeadlineRemind,
          data: { deadlineId: j.deadlineId, ruleKey: j.ruleKey, dueVersion: j.dueVersion },
          opts: {
            jobId: reminderJobId(j.deadlineId, j.ruleKey, j.dueVersion),
            delay: Math.max(0, j.fireAt.getTime() - now),
            attempts: 5,
            backoff: { type: 'exponential', delay: 5_000 },
            removeOnComplete: { age: 7 * 86_400 },
          } satisfies JobsOptions,
        })),
      );
    }
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
