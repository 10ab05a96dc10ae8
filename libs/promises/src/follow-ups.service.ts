import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, type Principal, scopesFor } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { affectedRows, assertVersionMatched, Clock, invalidField, ProblemException, stockholmDate } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import { FiguresService } from './figures.service.js';
import type { CreateFollowUpRequest, UpdateFollowUpRequest } from './follow-ups.dto.js';
import { PromiseAccess } from './promise-access.js';
import type { FollowUpItemView, FollowUpView } from './follow-ups.views.js';
import type { CommitmentFiguresView, PromiseWindowView } from './promises.views.js';
import type { Assessment, Decision, FollowUpStatus, Side } from './vocabulary.js';

interface FollowUpRow {
  id: string;
  promise_id: string;
  promise_title: string;
  collaboration_name: string;
  collaboration_id: string;
  period_start: string;
  period_end: string;
  year: number;
  half: 1 | 2 | null;
  status: FollowUpStatus;
  conclusion: string;
  decision: Decision | null;
  frozen_at: Date | null;
  version: number;
  approvals: { side: Side; user_id: string; display_name: string; approved_at: string }[];
  items: { commitment_id: string; target: number | null; actual: number | null; assessment: Assessment; narrative: string }[];
}

/**
 * The yearly (or half-yearly) follow-up: drafted from the figures, assessed per commitment, then
 * approved by one person from each party; the second approval freezes it, fixing its figures.
 */
@Injectable()
export class FollowUpsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly records: PromiseAccess,
    private readonly figures: FiguresService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal, promiseId: string): Promise<FollowUpView[]> {
    await this.records.promise(principal, promiseId);
    const ids = await this.dataSource.query<{ id: string }[]>('SELECT id FROM follow_ups WHERE promise_id = $1 ORDER BY year DESC, half DESC NULLS FIRST', [
      promiseId,
    ]);
    return Promise.all(ids.map((row) => this.view(row.id)));
  }

  async get(principal: Principal, id: string): Promise<FollowUpView> {
    const row = await this.row(id);
    await this.records.promise(principal, row.promise_id);
    return this.view(id);
  }

  /** The follow-up of a year, if one was made (used by the report). */
  async forYear(promiseId: string, year: number): Promise<FollowUpView | undefined> {
    const [row] = await this.dataSource.query<{ id: string }[]>('SELECT id FROM follow_ups WHERE promise_id = $1 AND year = $2 AND half IS NULL', [
      promiseId,
      year,
    ]);
    return row ? this.view(row.id) : undefined;
  }

  async create(principal: Principal, promiseId: string, request: CreateFollowUpRequest): Promise<FollowUpView> {
    const promise = await this.records.promise(principal, promiseId);
    await this.access.assertAllowed(principal, 'promise:report', promise);
    const id = await this.dataSource.transaction(async (manager) => {
      const [created] = await manager.query<{ id: string }[]>(
        `INSERT INTO follow_ups (promise_id, year, half, created_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING RETURNING id`,
        [promiseId, request.year, request.half ?? null, principal.userId],
      );
      if (!created) throw new ProblemException('follow_up.exists');
      await manager.query(`INSERT INTO follow_up_items (follow_up_id, commitment_id) SELECT $1, id FROM commitments WHERE promise_id = $2`, [
        created.id,
        promiseId,
      ]);
      await this.audit.record({ action: 'follow_up.create', resourceType: 'follow_up', resourceId: created.id }, manager);
      return created.id;
    });
    return this.view(id);
  }

  /** Edits a draft. Any edit withdraws earlier approvals: both parties approve the same text. */
  async update(principal: Principal, id: string, version: number, request: UpdateFollowUpRequest): Promise<FollowUpView> {
    const row = await this.row(id);
    await this.assertReporter(principal, row);
    if (row.status === 'frozen') throw new ProblemException('follow_up.frozen');
    const known = new Set(row.items.map((i) => i.commitment_id));
    const unknown = (request.items ?? []).findIndex((i) => !known.has(i.commitmentId));
    if (unknown >= 0) throw invalidField(`items[${unknown}].commitmentId`, 'follow_up.commitment_unknown');
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.query<unknown[]>(
        `UPDATE follow_ups SET conclusion = $3, decision = $4, version = version + 1 WHERE id = $1 AND version = $2 AND status = 'draft'`,
        [id, version, request.conclusion ?? row.conclusion, request.decision ?? row.decision],
      );
      assertVersionMatched(updated, row.version);
      for (const item of request.items ?? []) {
        await manager.query(
          `UPDATE follow_up_items SET assessment = coalesce($3, assessment), narrative = coalesce($4, narrative)
           WHERE follow_up_id = $1 AND commitment_id = $2`,
          [id, item.commitmentId, item.assessment ?? null, item.narrative ?? null],
        );
      }
      const withdrawn = await manager.query<unknown[]>('DELETE FROM follow_up_approvals WHERE follow_up_id = $1', [id]);
      await this.audit.record(
        {
          action: 'follow_up.update',
          resourceType: 'follow_up',
          resourceId: id,
          changedFields: Object.keys(request),
          details: affectedRows(withdrawn) > 0 ? { approvalsWithdrawn: affectedRows(withdrawn) } : undefined,
        },
        manager,
      );
    });
    return this.view(id);
  }

  /**
   * Approves for the caller's side (police or municipality). The second side's approval freezes
   * the follow-up: the figures of that moment are written into it and it can no longer change.
   */
  async approve(principal: Principal, id: string): Promise<FollowUpView> {
    const row = await this.row(id);
    const sides = await this.assertReporter(principal, row);
    if (row.status === 'frozen') throw new ProblemException('follow_up.frozen');
    const approved = new Set(row.approvals.map((a) => a.side));
    const side = sides.find((s) => !approved.has(s));
    if (!side) throw new ProblemException('follow_up.already_approved');
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT 1 FROM follow_ups WHERE id = $1 FOR UPDATE', [id]);
      await manager.query('INSERT INTO follow_up_approvals (follow_up_id, side, user_id, approved_at) VALUES ($1, $2, $3, $4)', [
        id,
        side,
        principal.userId,
        now,
      ]);
      await this.audit.record({ action: 'follow_up.approve', resourceType: 'follow_up', resourceId: id, details: { side } }, manager);
      const [{ n }] = await manager.query<{ n: number }[]>('SELECT count(*)::int AS n FROM follow_up_approvals WHERE follow_up_id = $1', [id]);
      if (n < 2) return;
      const figures = await this.figures.commitments(row.promise_id, windowOf(row), stockholmDate(now));
      for (const f of figures) {
        await manager.query(`UPDATE follow_up_items SET target = $3, actual = $4 WHERE follow_up_id = $1 AND commitment_id = $2`, [
          id,
          f.id,
          f.target?.forWindow ?? null,
          f.actual,
        ]);
      }
      await manager.query(`UPDATE follow_ups SET status = 'frozen', frozen_at = $2, version = version + 1 WHERE id = $1`, [id, now]);
      await this.audit.record({ action: 'follow_up.freeze', resourceType: 'follow_up', resourceId: id }, manager);
    });
    return this.view(id);
  }

  /** promise:report on the promise, acting for the sides of the caller's organisations. */
  private async assertReporter(principal: Principal, row: FollowUpRow): Promise<Side[]> {
    await this.records.promise(principal, row.promise_id);
    await this.access.assertAllowed(principal, 'promise:report', { id: row.promise_id, collaborationId: row.collaboration_id });
    const orgs = new Set(scopesFor(principal, 'promise:report').map((s) => s.organisationId));
    const sides = [
      ...new Set(
        principal.memberships
          .filter((m) => orgs.has(m.organisationId) && m.collaborationIds.includes(row.collaboration_id))
          .map((m) => (m.organisationKind === 'police' ? 'police' : m.organisationKind === 'municipality' ? 'municipality' : undefined))
          .filter((s): s is Side => s !== undefined),
      ),
    ];
    if (sides.length === 0) throw new ProblemException('follow_up.not_a_party');
    return sides;
  }

  private async row(id: string): Promise<FollowUpRow> {
    const [row] = await this.dataSource.query<FollowUpRow[]>(
      `SELECT f.id, f.promise_id, p.title AS promise_title, co.name AS collaboration_name, p.collaboration_id,
              to_char(p.period_start, 'YYYY-MM-DD') AS period_start, to_char(p.period_end, 'YYYY-MM-DD') AS period_end,
              f.year, f.half, f.status, f.conclusion, f.decision, f.frozen_at, f.version,
              coalesce((SELECT json_agg(json_build_object('side', fa.side, 'user_id', u.id, 'display_name', u.display_name,
                          'approved_at', fa.approved_at) ORDER BY fa.approved_at)
                        FROM follow_up_approvals fa JOIN users u ON u.id = fa.user_id WHERE fa.follow_up_id = f.id), '[]') AS approvals,
              coalesce((SELECT json_agg(json_build_object('commitment_id', i.commitment_id, 'target', i.target, 'actual', i.actual,
                          'assessment', i.assessment, 'narrative', i.narrative))
                        FROM follow_up_items i WHERE i.follow_up_id = f.id), '[]') AS items
       FROM follow_ups f JOIN promises p ON p.id = f.promise_id JOIN collaborations co ON co.id = p.collaboration_id
       WHERE f.id = $1`,
      [id],
    );
    if (!row) throw new NotFoundException(`No follow-up with id ${id}.`);
    return row;
  }

  /** The follow-up as its routes show it (no access check: callers have made theirs). */
  async view(id: string): Promise<FollowUpView> {
    const row = await this.row(id);
    const window = windowOf(row);
    const live = await this.figures.commitments(row.promise_id, window, stockholmDate(this.clock.now()));
    const stored = new Map(row.items.map((i) => [i.commitment_id, i]));
    const items = live
      .filter((f) => stored.has(f.id))
      .map((f): FollowUpItemView => {
        const item = stored.get(f.id)!;
        // A frozen follow-up shows the figures approved, not today's.
        const figures =
          row.status === 'frozen'
            ? { ...f, actual: Number(item.actual ?? 0), target: f.target && { ...f.target, forWindow: Number(item.target ?? f.target.forWindow) } }
            : f;
        return { ...figures, assessment: item.assessment, suggestedAssessment: suggest(figures), narrative: item.narrative };
      });
    return {
      id: row.id,
      promiseId: row.promise_id,
      promiseTitle: row.promise_title,
      collaborationName: row.collaboration_name,
      year: row.year,
      half: row.half,
      window,
      status: row.status,
      conclusion: row.conclusion,
      decision: row.decision,
      approvals: row.approvals.map((a) => ({
        side: a.side,
        user: { id: a.user_id, displayName: a.display_name },
        approvedAt: new Date(a.approved_at).toISOString(),
      })),
      frozenAt: row.frozen_at?.toISOString() ?? null,
      version: row.version,
      items,
      progress: this.figures.promiseProgress(items),
    };
  }
}

/** The dates a follow-up covers: its year or half-year, within the promise's period. */
export function windowOf(f: { year: number; half: 1 | 2 | null; period_start: string; period_end: string }): PromiseWindowView {
  const from = f.half === 2 ? `${f.year}-07-01` : `${f.year}-01-01`;
  const to = f.half === 1 ? `${f.year}-06-30` : `${f.year}-12-31`;
  return { from: from < f.period_start ? f.period_start : from, to: to > f.period_end ? f.period_end : to };
}

export function suggest(f: Pick<CommitmentFiguresView, 'target' | 'actual'>): Assessment {
  if (!f.target) return 'not_assessed';
  const ratio = f.actual / f.target.forWindow;
  return ratio >= 1 ? 'achieved' : ratio >= 0.5 ? 'partly' : 'not_achieved';
}
