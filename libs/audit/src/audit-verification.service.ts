import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, Clock, JobName, ProblemException, QueueName } from '@samverkan/platform';
import type { Queue } from 'bullmq';
import type { DataSource, QueryRunner } from 'typeorm';
import { AuditAnchorService } from './audit-anchor.service.js';
import { chainBreak, checkpointBreak, verificationStart } from './audit-verification-rules.js';
import type { AnchorVerification, ChainBreakKind, ChainVerificationRun, ChainVerificationState, VerificationKind, VerificationStatus } from './audit.dto.js';
import { AuditService } from './audit.service.js';

/** What a verification job carries: a run to do (asked for, or found unfinished), or a scheduler's tick of a kind. */
export interface VerificationJobData {
  runId?: string;
  kind?: VerificationKind;
}

/** One run at a time across every worker: a session lock on the connection the run uses, released if the worker dies. */
const RUN_LOCK = `hashtext('audit_verification_runs')`;

interface RunRow {
  id: string;
  kind: VerificationKind;
  status: VerificationStatus;
  requestedBy: string | null;
  requestedAt: Date;
  startedAt: Date | null;
  checkpointAt: Date | null;
  finishedAt: Date | null;
  fromEventId: string;
  fromHash: string;
  baseEvents: string;
  untilEventId: string | null;
  totalEvents: string | null;
  lastEventId: string;
  lastHash: string;
  checkedEvents: string;
  valid: boolean | null;
  brokenEventId: string | null;
  breakKind: ChainBreakKind | null;
  reason: string | null;
  anchors: AnchorVerification | null;
}

const RUN_COLUMNS = `id, kind, status, requested_by AS "requestedBy", requested_at AS "requestedAt", started_at AS "startedAt",
  checkpoint_at AS "checkpointAt", finished_at AS "finishedAt", from_event_id::text AS "fromEventId", from_hash AS "fromHash",
  base_events::text AS "baseEvents", until_event_id::text AS "untilEventId", total_events::text AS "totalEvents",
  last_event_id::text AS "lastEventId", last_hash AS "lastHash", checked_events::text AS "checkedEvents", valid,
  broken_event_id::text AS "brokenEventId", break_kind AS "breakKind", reason, anchors`;

/**
 * One page of the chain: up to `$4` events after event `$1` (whose hash is `$2`) and not after `$3`,
 * each event's hash recomputed (`audit_event_digest`, the one definition the insert trigger uses) and
 * its link checked against the event before — the first against the previous page's last hash. It
 * answers the page's last event (the next checkpoint) and the first event that breaks, with the event
 * before it (the checkpoint to stop at). Exported for the benchmark, which measures this statement.
 */
export const VERIFY_PAGE = `WITH page AS (
    SELECT e.id, e.hash, e.prev_hash, e.hash = audit_event_digest(e, e.prev_hash) AS hash_ok
    FROM audit_events e WHERE e.id > $1::bigint AND e.id <= $3::bigint ORDER BY e.id LIMIT $4
  ), chain AS (
    SELECT id, hash, hash_ok, prev_hash = coalesce(lag(hash) OVER w, $2::text) AS link_ok,
           coalesce(lag(id) OVER w, $1::bigint) AS before_id, coalesce(lag(hash) OVER w, $2::text) AS before_hash, row_number() OVER w AS n
    FROM page WINDOW w AS (ORDER BY id)
  )
  SELECT (SELECT count(*)::int FROM chain) AS checked, last.id::text AS "lastId", last.hash AS "lastHash",
         b.id::text AS "brokenId", b.hash_ok AS "hashOk", b.link_ok AS "linkOk", b.before_id::text AS "beforeId", b.before_hash AS "beforeHash",
         b.n::int AS "brokenAt"
  FROM (SELECT 1) one
  LEFT JOIN LATERAL (SELECT id, hash FROM chain ORDER BY id DESC LIMIT 1) last ON true
  LEFT JOIN LATERAL (SELECT * FROM chain WHERE NOT (hash_ok AND link_ok) ORDER BY id LIMIT 1) b ON true`;

interface PageResult {
  checked: number;
  lastId: string | null;
  lastHash: string | null;
  brokenId: string | null;
  hashOk: boolean | null;
  linkOk: boolean | null;
  beforeId: string | null;
  beforeHash: string | null;
  brokenAt: number | null;
}

/**
 * Verification of the audit chain (issue #19). Recomputing every hash in one statement took 220 s
 * at 5 million events, past the api's statement timeout, so the worker verifies the chain in pages
 * of AUDIT_VERIFY_PAGE_SIZE events, each page starting from the previous page's last verified hash,
 * and writes the run's checkpoint after every page (audit_verification_runs): a stopped run resumes
 * where it was, a scheduled incremental run checks only what was written since the last completed
 * run, and a full run (weekly, and when an auditor asks) checks again from the first event, which
 * is what finds an old event altered later. The anchors are checked at the end of every run as before
 * (AuditAnchorService). The api only reads the stored state and queues runs.
 */
@Injectable()
export class AuditVerificationService {
  private readonly logger = new Logger(AuditVerificationService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.AuditVerification) private readonly queue: Queue,
    private readonly anchors: AuditAnchorService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** The newest completed run and the one waiting or under way: read from the table, never computed here. */
  async state(): Promise<ChainVerificationState> {
    const [lastRun] = await this.dataSource.query<RunRow[]>(
      `SELECT ${RUN_COLUMNS} FROM audit_verification_runs WHERE status = 'completed' ORDER BY finished_at DESC LIMIT 1`,
    );
    const [current] = await this.dataSource.query<RunRow[]>(
      `SELECT ${RUN_COLUMNS} FROM audit_verification_runs WHERE status <> 'completed' ORDER BY status = 'running' DESC, requested_at LIMIT 1`,
    );
    return { lastRun: lastRun ? viewOf(lastRun) : null, current: current ? viewOf(current) : null };
  }

  /**
   * Queues a full run for `userId`. At most one full run waits or runs at a time (a partial unique
   * index): a second request is refused with the id of the one already there.
   */
  async requestFull(userId: string): Promise<ChainVerificationRun> {
    const [created] = await this.dataSource.query<RunRow[]>(
      `INSERT INTO audit_verification_runs (kind, requested_by, requested_at) VALUES ('full', $1, $2)
       ON CONFLICT (kind) WHERE status <> 'completed' DO NOTHING RETURNING ${RUN_COLUMNS}`,
      [userId, this.clock.now()],
    );
    if (!created) {
      const [waiting] = await this.dataSource.query<{ id: string }[]>(`SELECT id FROM audit_verification_runs WHERE kind = 'full' AND status <> 'completed'`);
      throw new ProblemException('audit.verification_running', { runId: waiting?.id ?? '' });
    }
    await this.enqueue(created.id, '0');
    return viewOf(created);
  }

  /**
   * Puts a job on the queue for each run not completed (a request whose job Redis lost, a run whose
   * worker stopped). A job's id is the run's and its checkpoint: a run still waiting is not queued
   * twice, while a run stopped at a checkpoint gets a new job (the finished job of the worker that
   * stopped keeps its id in Redis for a day, and a job id once used is not queued again).
   */
  async requeueUnfinished(): Promise<number> {
    const runs = await this.dataSource.query<{ id: string; checkpoint: string }[]>(
      `SELECT id, last_event_id::text AS checkpoint FROM audit_verification_runs WHERE status <> 'completed'`,
    );
    for (const run of runs) await this.enqueue(run.id, run.checkpoint);
    return runs.length;
  }

  private async enqueue(runId: string, checkpoint: string): Promise<void> {
    try {
      await this.queue.add(JobName.AuditVerify, { runId } satisfies VerificationJobData, { jobId: `verify-${runId}-${checkpoint}` });
    } catch (error) {
      // The run is stored; the worker's next scheduled run (or its start) does it. Redis only delivers.
      this.logger.warn(`verification run ${runId} stored but not queued (${(error as Error).message}); the next scheduled run takes it`);
    }
  }

  /**
   * The worker's part: under the run lock, creates the scheduled run of `kind` if there is one to
   * make, then does every run not completed, oldest first and an interrupted one before all. Answers
   * `busy` when another worker holds the lock (it will do what is waiting). `shouldStop` is asked
   * after every page (the worker shutting down): the run then keeps its checkpoint for the next one.
   */
  async runPending(options: { kind?: VerificationKind; shouldStop?: () => boolean } = {}): Promise<{ completed: string[] } | 'busy'> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await rowsOf<{ locked: boolean }>(runner, `SELECT pg_try_advisory_lock(${RUN_LOCK}) AS locked`);
      if (!locked) return 'busy';
      try {
        if (options.kind) await this.schedule(runner, options.kind);
        const completed: string[] = [];
        for (;;) {
          const [next] = await rowsOf<RunRow>(
            runner,
            `SELECT ${RUN_COLUMNS} FROM audit_verification_runs WHERE status <> 'completed' ORDER BY status = 'running' DESC, requested_at LIMIT 1`,
          );
          if (!next) break;
          if (!(await this.execute(runner, next, options.shouldStop ?? (() => false)))) break;
          completed.push(next.id);
        }
        return { completed };
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(${RUN_LOCK})`);
      }
    } finally {
      await runner.release();
    }
  }

  /** A scheduler's tick: a full run unless one waits already; an incremental run only when nothing waits (a waiting run covers it). */
  private async schedule(runner: QueryRunner, kind: VerificationKind): Promise<void> {
    await runner.query(
      `INSERT INTO audit_verification_runs (kind, requested_at) SELECT $1, $2
       WHERE $1 = 'full' OR NOT EXISTS (SELECT 1 FROM audit_verification_runs WHERE status <> 'completed')
       ON CONFLICT (kind) WHERE status <> 'completed' DO NOTHING`,
      [kind, this.clock.now()],
    );
  }

  /** Starts `run` (or picks it up at its checkpoint) and checks page by page; true once it completed, false when told to stop. */
  private async execute(runner: QueryRunner, stored: RunRow, shouldStop: () => boolean): Promise<boolean> {
    let run = stored;
    if (run.status === 'queued') {
      run = await this.start(runner, run);
      if (run.status === 'completed') return this.completed(run);
    }
    const until = run.untilEventId ?? '0';
    const pageSize = this.config.AUDIT_VERIFY_PAGE_SIZE;
    let broken: { id: string; kind: ChainBreakKind; reason: string } | null = null;
    while (BigInt(run.lastEventId) < BigInt(until)) {
      if (shouldStop()) return false;
      const [page] = await rowsOf<PageResult>(runner, VERIFY_PAGE, [run.lastEventId, run.lastHash, until, pageSize]);
      if (page.checked === 0) break;
      const found = page.brokenId ? chainBreak(page.hashOk!, page.linkOk!) : null;
      // Stopped at a break, the checkpoint is the event before it: the next incremental run finds the break again.
      const [lastEventId, lastHash, checked] = found ? [page.beforeId!, page.beforeHash!, page.brokenAt! - 1] : [page.lastId!, page.lastHash!, page.checked];
      [run] = await rowsOf<RunRow>(
        runner,
        `UPDATE audit_verification_runs SET last_event_id = $2, last_hash = $3, checked_events = checked_events + $4, checkpoint_at = $5
         WHERE id = $1 RETURNING ${RUN_COLUMNS}`,
        [run.id, lastEventId, lastHash, checked, this.clock.now()],
      );
      if (found) {
        broken = { id: page.brokenId!, ...found };
        break;
      }
    }
    return this.complete(runner, run, broken);
  }

  /** Fixes where the run starts and ends: after the newest completed run's checkpoint (incremental) or the first event (full), up to the newest event now. */
  private async start(runner: QueryRunner, run: RunRow): Promise<RunRow> {
    const [last] = await rowsOf<RunRow>(
      runner,
      `SELECT ${RUN_COLUMNS} FROM audit_verification_runs WHERE status = 'completed' ORDER BY finished_at DESC LIMIT 1`,
    );
    const from = verificationStart(
      run.kind,
      last ? { lastEventId: last.lastEventId, lastHash: last.lastHash, baseEvents: Number(last.baseEvents), checkedEvents: Number(last.checkedEvents) } : null,
    );
    // Ids are drawn under the chain's lock held to commit, so every event up to the newest committed one is committed too.
    const [head] = await rowsOf<{ id: string }>(runner, `SELECT coalesce(max(id), 0)::text AS id FROM audit_events`);
    const until = BigInt(head.id) > BigInt(from.fromEventId) ? head.id : from.fromEventId;
    const [{ total }] = await rowsOf<{ total: string }>(runner, `SELECT count(*)::text AS total FROM audit_events WHERE id > $1::bigint AND id <= $2::bigint`, [
      from.fromEventId,
      until,
    ]);
    [run] = await rowsOf<RunRow>(
      runner,
      `UPDATE audit_verification_runs SET status = 'running', started_at = $2, checkpoint_at = $2, from_event_id = $3, from_hash = $4,
         base_events = $5, until_event_id = $6, total_events = $7, last_event_id = $3, last_hash = $4, checked_events = 0
       WHERE id = $1 RETURNING ${RUN_COLUMNS}`,
      [run.id, this.clock.now(), from.fromEventId, from.fromHash, from.baseEvents, until, total],
    );
    // The event an incremental run starts after must still be there as it was verified.
    const [checkpoint] =
      from.fromEventId === '0' ? [] : await rowsOf<{ hash: string }>(runner, `SELECT hash FROM audit_events WHERE id = $1::bigint`, [from.fromEventId]);
    const found = checkpointBreak(from.fromEventId, from.fromHash, checkpoint?.hash ?? null);
    if (found) return this.finish(runner, run, { id: from.fromEventId, ...found });
    return run;
  }

  private async complete(runner: QueryRunner, run: RunRow, broken: { id: string; kind: ChainBreakKind; reason: string } | null): Promise<boolean> {
    return this.completed(await this.finish(runner, run, broken));
  }

  /** Checks the anchors (as before, every run) and stores the outcome. */
  private async finish(runner: QueryRunner, run: RunRow, broken: { id: string; kind: ChainBreakKind; reason: string } | null): Promise<RunRow> {
    const anchors = await this.anchors.verify();
    const found =
      broken ??
      (anchors.brokenAnchorSeq !== undefined
        ? { id: anchors.brokenEventId ?? null, kind: 'anchor' as const, reason: anchors.reason ?? 'an anchor does not match' }
        : null);
    const [finished] = await rowsOf<RunRow>(
      runner,
      `UPDATE audit_verification_runs SET status = 'completed', finished_at = $2, valid = $3, broken_event_id = $4, break_kind = $5, reason = $6, anchors = $7
       WHERE id = $1 RETURNING ${RUN_COLUMNS}`,
      [run.id, this.clock.now(), found === null, found?.id ?? null, found?.kind ?? null, found?.reason ?? null, JSON.stringify(anchors)],
    );
    return finished;
  }

  /** A completed run is recorded in the trail (by the system), its outcome a failure when the chain is broken. */
  private async completed(run: RunRow): Promise<true> {
    const view = viewOf(run);
    await this.audit.record({
      action: 'audit.verify_complete',
      outcome: view.valid ? 'success' : 'failure',
      details: {
        runId: view.id,
        kind: view.kind,
        checkedEvents: view.checkedEvents,
        runEvents: view.runEvents,
        throughEventId: view.throughEventId,
        ...(view.firstBrokenEventId ? { firstBrokenEventId: view.firstBrokenEventId } : {}),
        ...(view.breakKind ? { breakKind: view.breakKind } : {}),
      },
    });
    if (!view.valid) this.logger.warn(`audit chain verification ${view.id} found a break: ${view.breakKind} at event ${view.firstBrokenEventId ?? '–'}`);
    return true;
  }
}

/** The rows of a query on the run's own connection (structured: an UPDATE … RETURNING answers its rows too). */
async function rowsOf<T>(runner: QueryRunner, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await runner.query(sql, params, true)).records as T[];
}

function viewOf(row: RunRow): ChainVerificationRun {
  const runEvents = Number(row.checkedEvents);
  const verified = Number(row.baseEvents) + runEvents;
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    requestedBy: row.requestedBy,
    requestedAt: row.requestedAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    checkpointAt: row.checkpointAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    fromEventId: row.fromEventId,
    untilEventId: row.untilEventId,
    throughEventId: row.status === 'queued' || row.lastEventId === '0' ? null : row.lastEventId,
    checkedEvents: row.status === 'queued' ? 0 : verified,
    runEvents,
    totalEvents: row.totalEvents === null ? null : Number(row.totalEvents),
    valid: row.valid,
    ...(row.brokenEventId ? { firstBrokenEventId: row.brokenEventId } : {}),
    ...(row.breakKind ? { breakKind: row.breakKind } : {}),
    ...(row.reason ? { reason: row.reason } : {}),
    ...(row.anchors ? { anchors: row.anchors } : {}),
  };
}
