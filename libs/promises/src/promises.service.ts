import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, type Principal, scopeCondition } from '@samverkan/access';
import { AuditService, changedFields } from '@samverkan/audit';
import { assertVersionMatched, Clock, invalidField, type Page, pageOf, ProblemException, stockholmDate, ValidationProblem } from '@samverkan/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { ActionsService } from './actions.service.js';
import { assertParty } from './party.js';
import { PROMISE_COLUMNS, PromiseAccess } from './promise-access.js';
import type {
  CommitmentListQuery,
  CreateCommitmentRequest,
  CreatePromiseRequest,
  ProblemAreaInput,
  PromiseListQuery,
  UpdateCommitmentRequest,
  UpdatePromiseRequest,
} from './promises.dto.js';
import type { CommitmentView, PromiseView } from './promises.views.js';
import { promiseEnded, promiseStatusErrors, shownPromiseStatus } from './promise-rules.js';

const SELECT_PROMISES = `
  SELECT p.id, p.collaboration_id AS "collaborationId", co.name AS "collaborationName", p.title, p.summary,
         to_char(p.period_start, 'YYYY-MM-DD') AS "periodStart", to_char(p.period_end, 'YYYY-MM-DD') AS "periodEnd",
         p.status, p.published, p.version,
         coalesce((SELECT json_agg(json_build_object('id', pa.id, 'position', pa.position, 'title', pa.title,
                    'description', pa.description) ORDER BY pa.position) FROM problem_areas pa WHERE pa.promise_id = p.id), '[]')
           AS "problemAreas",
         p.predecessor_id AS "predecessorId", (SELECT s.id FROM promises s WHERE s.predecessor_id = p.id) AS "successorId"
  FROM promises p JOIN collaborations co ON co.id = p.collaboration_id`;

const SELECT_COMMITMENTS = `
  SELECT c.id, c.promise_id AS "promiseId", c.problem_area_id AS "problemAreaId", pa.title AS "problemAreaTitle",
         c.party, c.position, c.text,
         CASE WHEN c.target_value IS NULL THEN NULL ELSE json_build_object('value', c.target_value::float8,
           'unit', c.target_unit, 'period', c.target_period, 'metric', c.target_metric) END AS target,
         c.weight::float8 AS weight, c.activity_kind AS "activityKind", c.version
  FROM commitments c JOIN problem_areas pa ON pa.id = c.problem_area_id`;

@Injectable()
export class PromisesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly records: PromiseAccess,
    private readonly audit: AuditService,
    private readonly actions: ActionsService,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal, query: PromiseListQuery): Promise<Page<PromiseView>> {
    const scope = scopeCondition(principal, 'promise:read', PROMISE_COLUMNS, this.clock.now());
    const qb = this.dataSource.createQueryBuilder().from('promises', 'p').where(scope.sql, scope.params);
    if (query.collaborationId) qb.andWhere('p.collaboration_id = :collaborationId', { collaborationId: query.collaborationId });
    if (query.status) qb.andWhere('p.status = :status', { status: query.status });
    if (query.published !== undefined) qb.andWhere('p.published = :published', { published: query.published });
    const page = await pageOf<PromiseView>(this.dataSource, qb, { alias: 'p', orderBy: [['p.period_start', 'DESC']], select: SELECT_PROMISES }, query);
    return { ...page, items: page.items.map((p) => this.shown(p)) };
  }

  async get(principal: Principal, id: string): Promise<PromiseView> {
    await this.records.promise(principal, id);
    return this.shown(await this.find(id));
  }

  /** The status people see and whether the period is over, derived in one place (promise-rules.ts). */
  private shown(p: PromiseView): PromiseView {
    const today = stockholmDate(this.clock.now());
    return { ...p, shownStatus: shownPromiseStatus(p.status, p.periodEnd, today), ended: promiseEnded(p.periodEnd, today) };
  }

  async create(principal: Principal, request: CreatePromiseRequest): Promise<PromiseView> {
    if (request.periodEnd <= request.periodStart) {
      throw invalidField('periodEnd', 'date.after', { other: 'periodStart' });
    }
    const [collaboration] = await this.dataSource.query('SELECT id FROM collaborations WHERE id = $1', [request.collaborationId]);
    if (!collaboration) throw invalidField('collaborationId', 'reference.not_found', { resource: 'collaboration' });
    await this.access.assertAllowed(principal, 'promise:manage', { id: request.collaborationId, collaborationId: request.collaborationId });
    const id = await this.dataSource.transaction(async (manager) => {
      const [created] = await manager.query<{ id: string }[]>(
        `INSERT INTO promises (collaboration_id, title, summary, period_start, period_end, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [request.collaborationId, request.title.trim(), request.summary ?? '', request.periodStart, request.periodEnd, principal.userId],
      );
      for (const [index, area] of request.problemAreas.entries()) {
        await manager.query(`INSERT INTO problem_areas (promise_id, position, title, description) VALUES ($1, $2, $3, $4)`, [
          created.id,
          index + 1,
          area.title.trim(),
          area.description ?? '',
        ]);
      }
      await this.audit.record({ action: 'promise.create', resourceType: 'promise', resourceId: created.id }, manager);
      return created.id;
    });
    return this.shown(await this.find(id));
  }

  async update(principal: Principal, id: string, version: number, request: UpdatePromiseRequest): Promise<PromiseView> {
    const facts = await this.records.promise(principal, id);
    await this.access.assertAllowed(principal, 'promise:manage', facts);
    const before = await this.find(id);
    const statusErrors = promiseStatusErrors(before.status, request.status);
    if (statusErrors.length > 0) throw new ValidationProblem(statusErrors);
    const periodStart = request.periodStart ?? before.periodStart;
    const periodEnd = request.periodEnd ?? before.periodEnd;
    if (periodEnd <= periodStart) throw invalidField('periodEnd', 'date.after', { other: 'periodStart' });
    if (before.successorId && periodEnd !== before.periodEnd) await this.assertBeforeSuccessor(before.successorId, periodEnd);
    const changes = changedFields(before, request);
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.query<unknown[]>(
        `UPDATE promises SET title = $3, summary = $4, period_start = $5, period_end = $6, status = $7, published = $8,
           version = version + 1 WHERE id = $1 AND version = $2`,
        [
          id,
          version,
          request.title ?? before.title,
          request.summary ?? before.summary,
          periodStart,
          periodEnd,
          request.status ?? before.status,
          request.published ?? before.published,
        ],
      );
      assertVersionMatched(updated, before.version);
      await this.audit.record({ action: 'promise.update', resourceType: 'promise', resourceId: id, changedFields: changes }, manager);
    });
    return this.shown(await this.find(id));
  }

  /** Adds a problem area after the existing ones. */
  async addProblemArea(principal: Principal, id: string, request: ProblemAreaInput): Promise<PromiseView> {
    const facts = await this.records.promise(principal, id);
    await this.access.assertAllowed(principal, 'promise:manage', facts);
    await this.dataSource.transaction(async (manager) => {
      const [area] = await manager.query<{ id: string }[]>(
        `INSERT INTO problem_areas (promise_id, position, title, description)
         VALUES ($1, (SELECT coalesce(max(position), 0) + 1 FROM problem_areas WHERE promise_id = $1), $2, $3) RETURNING id`,
        [id, request.title.trim(), request.description ?? ''],
      );
      await this.audit.record({ action: 'promise.add_problem_area', resourceType: 'promise', resourceId: id, details: { problemAreaId: area.id } }, manager);
    });
    return this.shown(await this.find(id));
  }

  /** Only a draft can be deleted; a signed promise is a public commitment and stays on record. */
  async remove(principal: Principal, id: string): Promise<void> {
    const facts = await this.records.promise(principal, id);
    await this.access.assertAllowed(principal, 'promise:manage', facts);
    if (facts.status !== 'draft') throw new ProblemException('promise.not_draft');
    await this.dataSource.transaction(async (manager) => {
      // A next promise dropped as a draft gives the actions it carried back to the earlier one.
      const carriedFrom = await manager.query<{ id: string }[]>(
        `SELECT a.carried_from_id AS id FROM actions a JOIN commitments c ON c.id = a.commitment_id
         WHERE c.promise_id = $1 AND a.carried_from_id IS NOT NULL`,
        [id],
      );
      await manager.query('DELETE FROM promises WHERE id = $1', [id]);
      for (const action of carriedFrom) await this.actions.syncDeadline(manager, action.id);
      await this.audit.record({ action: 'promise.delete', resourceType: 'promise', resourceId: id }, manager);
    });
  }

  async listCommitments(principal: Principal, promiseId: string, query: CommitmentListQuery): Promise<Page<CommitmentView>> {
    await this.records.promise(principal, promiseId);
    const qb = this.dataSource
      .createQueryBuilder()
      .from('commitments', 'c')
      .innerJoin('problem_areas', 'pa', 'pa.id = c.problem_area_id')
      .where('c.promise_id = :promiseId', { promiseId });
    if (query.party) qb.andWhere('c.party = :party', { party: query.party });
    if (query.problemAreaId) qb.andWhere('c.problem_area_id = :problemAreaId', { problemAreaId: query.problemAreaId });
    const orderBy: [string, 'ASC'][] = [
      ['pa.position', 'ASC'],
      ['c.position', 'ASC'],
    ];
    return pageOf<CommitmentView>(this.dataSource, qb, { alias: 'c', orderBy, select: SELECT_COMMITMENTS }, query);
  }

  async getCommitment(principal: Principal, promiseId: string, id: string): Promise<CommitmentView> {
    await this.records.commitment(principal, id, promiseId);
    return this.findCommitment(id);
  }

  async createCommitment(principal: Principal, promiseId: string, request: CreateCommitmentRequest): Promise<CommitmentView> {
    const promise = await this.records.promise(principal, promiseId);
    await this.access.assertAllowed(principal, 'promise:manage', promise);
    assertParty(principal, 'promise:manage', request.party);
    await this.assertProblemArea(promiseId, request.problemAreaId);
    const id = await this.dataSource.transaction(async (manager) => {
      const [created] = await manager.query<{ id: string }[]>(
        `INSERT INTO commitments (promise_id, problem_area_id, party, position, text, target_value, target_unit,
           target_period, target_metric, weight, activity_kind)
         VALUES ($1, $2, $3, (SELECT coalesce(max(position), 0) + 1 FROM commitments WHERE promise_id = $1), $4, $5, $6, $7, $8, $9, $10)
         RETURNING id`,
        [
          promiseId,
          request.problemAreaId,
          request.party,
          request.text.trim(),
          request.target?.value ?? null,
          request.target?.unit ?? null,
          request.target?.period ?? null,
          request.target?.metric ?? null,
          request.weight ?? 1,
          request.activityKind ?? null,
        ],
      );
      await this.audit.record({ action: 'commitment.create', resourceType: 'commitment', resourceId: created.id }, manager);
      return created.id;
    });
    return this.findCommitment(id);
  }

  async updateCommitment(principal: Principal, promiseId: string, id: string, version: number, request: UpdateCommitmentRequest): Promise<CommitmentView> {
    const facts = await this.records.commitment(principal, id, promiseId);
    await this.access.assertAllowed(principal, 'promise:manage', { id: facts.promiseId, collaborationId: facts.collaborationId });
    assertParty(principal, 'promise:manage', facts.party);
    if (request.problemAreaId) await this.assertProblemArea(promiseId, request.problemAreaId);
    const before = await this.findCommitment(id);
    const target = request.target === undefined ? before.target : request.target && { ...request.target, metric: request.target.metric ?? null };
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.query<unknown[]>(
        `UPDATE commitments SET problem_area_id = $3, text = $4, target_value = $5, target_unit = $6, target_period = $7,
           target_metric = $8, weight = $9, activity_kind = $10, version = version + 1 WHERE id = $1 AND version = $2`,
        [
          id,
          version,
          request.problemAreaId ?? before.problemAreaId,
          request.text ?? before.text,
          target?.value ?? null,
          target?.unit ?? null,
          target?.period ?? null,
          target?.metric ?? null,
          request.weight ?? before.weight,
          request.activityKind === undefined ? before.activityKind : request.activityKind,
        ],
      );
      assertVersionMatched(updated, before.version);
      await this.audit.record(
        { action: 'commitment.update', resourceType: 'commitment', resourceId: id, changedFields: changedFields(before, { ...request, target }) },
        manager,
      );
    });
    return this.findCommitment(id);
  }

  async removeCommitment(principal: Principal, promiseId: string, id: string): Promise<void> {
    const facts = await this.records.commitment(principal, id, promiseId);
    await this.access.assertAllowed(principal, 'promise:manage', { id: facts.promiseId, collaborationId: facts.collaborationId });
    assertParty(principal, 'promise:manage', facts.party);
    await this.dataSource.transaction(async (manager: EntityManager) => {
      const [{ used }] = await manager.query<{ used: boolean }[]>(
        `SELECT EXISTS (SELECT 1 FROM actions WHERE commitment_id = $1) OR EXISTS (SELECT 1 FROM activities WHERE commitment_id = $1) AS used`,
        [id],
      );
      if (used) {
        throw new ProblemException('commitment.in_use');
      }
      await manager.query('DELETE FROM commitments WHERE id = $1', [id]);
      await this.audit.record({ action: 'commitment.delete', resourceType: 'commitment', resourceId: id }, manager);
    });
  }

  /** Extended, a promise still ends before the next one starts: one promise in force at a time. */
  private async assertBeforeSuccessor(successorId: string, periodEnd: string): Promise<void> {
    const [next] = await this.dataSource.query<{ start: string }[]>(`SELECT to_char(period_start, 'YYYY-MM-DD') AS start FROM promises WHERE id = $1`, [
      successorId,
    ]);
    if (next && periodEnd >= next.start) throw invalidField('periodEnd', 'promise.overlaps_successor', { successorStart: next.start });
  }

  private async assertProblemArea(promiseId: string, problemAreaId: string): Promise<void> {
    const [area] = await this.dataSource.query('SELECT 1 FROM problem_areas WHERE id = $1 AND promise_id = $2', [problemAreaId, promiseId]);
    if (!area) throw invalidField('problemAreaId', 'promise.problem_area_unknown');
  }

  private async find(id: string): Promise<PromiseView> {
    const [row] = await this.dataSource.query<PromiseView[]>(`${SELECT_PROMISES} WHERE p.id = $1`, [id]);
    if (!row) throw new NotFoundException(`No promise with id ${id}.`);
    return row;
  }

  private async findCommitment(id: string): Promise<CommitmentView> {
    const [row] = await this.dataSource.query<CommitmentView[]>(`${SELECT_COMMITMENTS} WHERE c.id = $1`, [id]);
    if (!row) throw new NotFoundException(`No commitment with id ${id}.`);
    return row;
  }
}
