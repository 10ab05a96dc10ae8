import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, type Principal } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { DeadlinesService } from '@samverkan/deadlines';
import { Clock, fieldError, invalidField, ProblemException, ValidationProblem } from '@samverkan/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { ACTION_DEADLINE, ActionsService } from './actions.service.js';
import { PromiseAccess } from './promise-access.js';
import { carriedDates } from './promise-rules.js';
import type { CreateSuccessorRequest } from './promises.dto.js';
import type { PromiseView } from './promises.views.js';
import { PromisesService } from './promises.service.js';

interface OpenAction {
  id: string;
  commitment_id: string;
  title: string;
  description: string;
  responsible_organisation_id: string;
  responsible_unit_id: string | null;
  responsible_user_id: string | null;
  start_date: string | null;
  due_date: string;
  weight: number;
}

/**
 * Issue #20: the next promise started from the current one. The new promise is a draft (both
 * parties sign it as any other): the problem areas and commitments are copied, and the open actions
 * chosen are carried over.
 *
 * Carried, not moved: the action of the ending promise stays as its period left it — its status and
 * progress are that promise's final result (and its approved follow-ups' figures) — and becomes
 * final there, linked to the new action that continues the work with its own dates and deadline.
 * Moving it would rewrite the earlier promise's record after the fact.
 */
@Injectable()
export class PromiseSuccessionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly records: PromiseAccess,
    private readonly promises: PromisesService,
    private readonly actions: ActionsService,
    private readonly deadlines: DeadlinesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async startSuccessor(principal: Principal, id: string, request: CreateSuccessorRequest): Promise<PromiseView> {
    const facts = await this.records.promise(principal, id);
    await this.access.assertAllowed(principal, 'promise:manage', facts);
    const newId = await this.dataSource.transaction(async (manager) => {
      // The row lock makes two managers starting the next promise at once take turns: the second sees the first's.
      const [current] = await manager.query<{ collaboration_id: string; period_end: string; has_successor: boolean }[]>(
        `SELECT collaboration_id, to_char(period_end, 'YYYY-MM-DD') AS period_end,
                EXISTS (SELECT 1 FROM promises s WHERE s.predecessor_id = p.id) AS has_successor
         FROM promises p WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (current.has_successor) throw new ProblemException('promise.successor_exists');
      this.assertPeriod(request, current.period_end);
      const carried = await this.actionsToCarry(manager, id, request.carryActionIds);

      const [created] = await manager.query<{ id: string }[]>(
        `INSERT INTO promises (collaboration_id, title, summary, period_start, period_end, created_by, predecessor_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [current.collaboration_id, request.title.trim(), request.summary ?? '', request.periodStart, request.periodEnd, principal.userId, id],
      );
      await manager.query(
        `INSERT INTO problem_areas (promise_id, position, title, description)
         SELECT $2, position, title, description FROM problem_areas WHERE promise_id = $1`,
        [id, created.id],
      );
      const commitmentIds = await this.copyCommitments(manager, id, created.id);
      await this.audit.record(
        { action: 'promise.start_successor', resourceType: 'promise', resourceId: created.id, details: { predecessorId: id, carriedActions: carried.length } },
        manager,
      );
      for (const action of carried) {
        await this.carry(manager, principal, action, commitmentIds.get(action.commitment_id)!, request);
      }
      return created.id;
    });
    return this.promises.get(principal, newId);
  }

  private assertPeriod(request: CreateSuccessorRequest, currentEnd: string): void {
    const errors = [
      request.periodStart <= currentEnd && fieldError('periodStart', 'promise.successor_overlaps', { periodEnd: currentEnd }),
      request.periodEnd <= request.periodStart && fieldError('periodEnd', 'date.after', { other: 'periodStart' }),
    ].filter((e) => !!e);
    if (errors.length > 0) throw new ValidationProblem(errors);
  }

  /** The open actions to carry: those named (each must be an open action of this promise), or all. */
  private async actionsToCarry(manager: EntityManager, promiseId: string, named: string[] | undefined): Promise<OpenAction[]> {
    const open = await manager.query<OpenAction[]>(
      `SELECT a.id, a.commitment_id, a.title, a.description, a.responsible_organisation_id, a.responsible_unit_id,
              CASE WHEN u.is_active THEN a.responsible_user_id END AS responsible_user_id,
              to_char(a.start_date, 'YYYY-MM-DD') AS start_date, to_char(a.due_date, 'YYYY-MM-DD') AS due_date, a.weight::float8 AS weight
       FROM actions a JOIN commitments c ON c.id = a.commitment_id LEFT JOIN users u ON u.id = a.responsible_user_id
       WHERE c.promise_id = $1 AND a.status NOT IN ('done', 'cancelled') AND a.carried_to_id IS NULL
       ORDER BY a.due_date, a.id
       FOR UPDATE OF a`,
      [promiseId],
    );
    if (named === undefined) return open;
    const byId = new Map(open.map((a) => [a.id, a]));
    if (named.some((actionId) => !byId.has(actionId))) throw invalidField('carryActionIds', 'promise.carry_not_open');
    return [...new Set(named)].map((actionId) => byId.get(actionId)!);
  }

  /** Each commitment copied under the copied problem area of the same position; old id → new id. */
  private async copyCommitments(manager: EntityManager, fromPromise: string, toPromise: string): Promise<Map<string, string>> {
    const old = await manager.query<{ id: string }[]>('SELECT id FROM commitments WHERE promise_id = $1 ORDER BY position, id', [fromPromise]);
    const ids = new Map<string, string>();
    for (const { id } of old) {
      const [copy] = await manager.query<{ id: string }[]>(
        `INSERT INTO commitments (promise_id, problem_area_id, party, position, text, target_value, target_unit, target_period,
           target_metric, weight, activity_kind)
         SELECT $2, npa.id, c.party, c.position, c.text, c.target_value, c.target_unit, c.target_period, c.target_metric, c.weight,
                c.activity_kind
         FROM commitments c JOIN problem_areas pa ON pa.id = c.problem_area_id
         JOIN problem_areas npa ON npa.promise_id = $2 AND npa.position = pa.position
         WHERE c.id = $1 RETURNING id`,
        [id, toPromise],
      );
      ids.set(id, copy.id);
      await this.audit.record({ action: 'commitment.create', resourceType: 'commitment', resourceId: copy.id, details: { copiedFrom: id } }, manager);
    }
    return ids;
  }

  /** The new action continues the old one; the old one is final in its promise and its reminders stop. */
  private async carry(manager: EntityManager, principal: Principal, action: OpenAction, commitmentId: string, period: CreateSuccessorRequest) {
    const { startDate, dueDate } = carriedDates({ startDate: action.start_date, dueDate: action.due_date }, period);
    const [created] = await manager.query<{ id: string }[]>(
      `INSERT INTO actions (commitment_id, collaboration_id, title, description, responsible_organisation_id, responsible_unit_id,
         responsible_user_id, start_date, due_date, weight, created_by, carried_from_id)
       SELECT $2, collaboration_id, $3, $4, $5, $6, $7, $8, $9, $10, $11, $1 FROM actions WHERE id = $1 RETURNING id`,
      [
        action.id,
        commitmentId,
        action.title,
        action.description,
        action.responsible_organisation_id,
        action.responsible_unit_id,
        action.responsible_user_id,
        startDate,
        dueDate,
        action.weight,
        principal.userId,
      ],
    );
    await manager.query(
      `INSERT INTO action_events (action_id, occurred_at, actor_user_id, kind, to_status, progress) VALUES ($1, $2, $3, 'created', 'planned', 0)`,
      [created.id, this.clock.now(), principal.userId],
    );
    await manager.query('UPDATE actions SET carried_to_id = $2, version = version + 1 WHERE id = $1', [action.id, created.id]);
    await this.deadlines.close(manager, ACTION_DEADLINE, 'action', action.id, 'cancelled');
    await this.actions.syncDeadline(manager, created.id);
    await this.audit.record({ action: 'action.create', resourceType: 'action', resourceId: created.id, details: { carriedFrom: action.id } }, manager);
    await this.audit.record({ action: 'action.carry_over', resourceType: 'action', resourceId: action.id, details: { to: created.id } }, manager);
  }
}
