import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Principal, scopeCondition, scopesFor } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { assertVersionMatched, Clock, type FieldError, fieldError, invalidField, type Page, pageOf, ValidationProblem } from '@samverkan/platform';
import type { DataSource, EntityManager } from 'typeorm';
import type { ActivityInput, ActivityListQuery, CreateActivityRequest } from './activities.dto.js';
import { assertParty } from './party.js';
import { PromiseAccess } from './promise-access.js';
import type { ActivityView } from './activities.views.js';

/** An activity another module reports (an inspection done, an operation's released summary). */
export interface SourcedActivity extends ActivityInput {
  commitmentId: string;
  source: string;
  sourceId: string;
  ownerOrganisationId: string;
}

const SELECT_ACTIVITIES = `
  SELECT ac.id, ac.commitment_id AS "commitmentId", ac.action_id AS "actionId", c.promise_id AS "promiseId",
         to_char(ac.occurred_on, 'YYYY-MM-DD') AS "occurredOn", ac.place, ac.latitude::float8 AS latitude,
         ac.longitude::float8 AS longitude, ac.kind,
         coalesce((SELECT json_agg(json_build_object('id', o.id, 'name', o.name) ORDER BY o.name) FROM organisations o
                   WHERE o.id = ANY(ac.participating_organisation_ids)), '[]') AS "participatingOrganisations",
         ac.metrics, ac.note, ac.source, ac.owner_organisation_id AS "ownerOrganisationId", ac.version
  FROM activities ac JOIN commitments c ON c.id = ac.commitment_id`;

/** What was actually done under a commitment, with its counts; the source of a commitment's actual. */
@Injectable()
export class ActivitiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: PromiseAccess,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal, query: ActivityListQuery): Promise<Page<ActivityView>> {
    const scope = scopeCondition(principal, 'promise:read', { id: 'ac.id', collaborationId: 'ac.collaboration_id' }, this.clock.now(), { grants: false });
    const qb = this.dataSource
      .createQueryBuilder()
      .from('activities', 'ac')
      .innerJoin('commitments', 'c', 'c.id = ac.commitment_id')
      .where(scope.sql, scope.params);
    if (query.promiseId) qb.andWhere('c.promise_id = :promiseId', { promiseId: query.promiseId });
    if (query.commitmentId) qb.andWhere('ac.commitment_id = :commitmentId', { commitmentId: query.commitmentId });
    if (query.actionId) qb.andWhere('ac.action_id = :actionId', { actionId: query.actionId });
    if (query.kind) qb.andWhere('ac.kind = :kind', { kind: query.kind });
    if (query.from) qb.andWhere('ac.occurred_on >= :from', { from: query.from });
    if (query.to) qb.andWhere('ac.occurred_on <= :to', { to: query.to });
    return pageOf<ActivityView>(this.dataSource, qb, { alias: 'ac', orderBy: [['ac.occurred_on', 'DESC']], select: SELECT_ACTIVITIES }, query);
  }

  async get(principal: Principal, id: string): Promise<ActivityView> {
    await this.records.activity(principal, id, false);
    return this.find(id);
  }

  async create(principal: Principal, request: CreateActivityRequest): Promise<ActivityView> {
    const commitment = await this.records.commitment(principal, request.commitmentId);
    assertParty(principal, 'promise_action:update', commitment.party);
    validateMetrics(request.metrics);
    if (request.actionId) await this.assertActionOf(request.actionId, request.commitmentId);
    // Recorded by the member's organisation and unit through which they report on actions.
    const holding = scopesFor(principal, 'promise_action:update').find((s) =>
      principal.memberships.some((m) => m.unitId === s.unitId && m.collaborationIds.includes(commitment.collaborationId)),
    );
    if (!holding) throw invalidField('commitmentId', 'activity.not_reporting_here');
    const id = await this.dataSource.transaction(async (manager) => {
      const created = await this.insert(manager, {
        ...request,
        collaborationId: commitment.collaborationId,
        ownerOrganisationId: holding.organisationId,
        ownerUnitId: holding.unitId,
        createdBy: principal.userId,
        source: 'manual',
        sourceId: null,
      });
      await this.audit.record({ action: 'activity.create', resourceType: 'activity', resourceId: created }, manager);
      return created;
    });
    return this.find(id);
  }

  /**
   * Records an activity reported by another module. Idempotent on (source, sourceId): a job that
   * runs twice, or a summary released again, updates the same activity.
   */
  async recordFromSource(activity: SourcedActivity, manager: EntityManager = this.dataSource.manager): Promise<string> {
    validateMetrics(activity.metrics);
    const [commitment] = await manager.query<{ collaboration_id: string }[]>(
      `SELECT p.collaboration_id FROM commitments c JOIN promises p ON p.id = c.promise_id WHERE c.id = $1`,
      [activity.commitmentId],
    );
    if (!commitment) throw new NotFoundException(`No commitment with id ${activity.commitmentId}.`);
    const [existing] = await manager.query<{ id: string }[]>('SELECT id FROM activities WHERE source = $1 AND source_id = $2', [
      activity.source,
      activity.sourceId,
    ]);
    if (existing) {
      await manager.query(`UPDATE activities SET occurred_on = $2, place = $3, kind = $4, metrics = $5, note = $6, version = version + 1 WHERE id = $1`, [
        existing.id,
        activity.occurredOn,
        activity.place ?? '',
        activity.kind,
        JSON.stringify(activity.metrics ?? {}),
        activity.note ?? '',
      ]);
      return existing.id;
    }
    return this.insert(manager, { ...activity, collaborationId: commitment.collaboration_id, ownerUnitId: null, createdBy: null });
  }

  /**
   * Records a module's activity under the commitment that takes activities of its kind, in the
   * collaboration's promise running on that date. Undefined when no promise has such a commitment.
   */
  async recordForKind(
    activity: Omit<SourcedActivity, 'commitmentId'> & { collaborationId: string },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string | undefined> {
    const [commitment] = await manager.query<{ id: string }[]>(
      `SELECT c.id FROM commitments c JOIN promises p ON p.id = c.promise_id
       WHERE p.collaboration_id = $1 AND c.activity_kind = $2 AND $3::date BETWEEN p.period_start AND p.period_end
       ORDER BY p.period_start DESC LIMIT 1`,
      [activity.collaborationId, activity.kind, activity.occurredOn],
    );
    return commitment ? this.recordFromSource({ ...activity, commitmentId: commitment.id }, manager) : undefined;
  }

  async update(principal: Principal, id: string, version: number, request: ActivityInput): Promise<ActivityView> {
    const facts = await this.records.activity(principal, id, true);
    assertParty(principal, 'promise_action:update', facts.party);
    validateMetrics(request.metrics);
    const before = await this.find(id);
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.query<unknown[]>(
        `UPDATE activities SET occurred_on = $3, place = $4, latitude = $5, longitude = $6, kind = $7,
           participating_organisation_ids = $8, metrics = $9, note = $10, version = version + 1
         WHERE id = $1 AND version = $2`,
        [
          id,
          version,
          request.occurredOn,
          request.place ?? '',
          request.latitude ?? null,
          request.longitude ?? null,
          request.kind,
          request.participatingOrganisationIds ?? [],
          JSON.stringify(request.metrics ?? {}),
          request.note ?? '',
        ],
      );
      assertVersionMatched(updated, before.version);
      await this.audit.record({ action: 'activity.update', resourceType: 'activity', resourceId: id }, manager);
    });
    return this.find(id);
  }

  async remove(principal: Principal, id: string): Promise<void> {
    const facts = await this.records.activity(principal, id, true);
    assertParty(principal, 'promise_action:update', facts.party);
    await this.dataSource.transaction(async (manager) => {
      await manager.query('DELETE FROM activities WHERE id = $1', [id]);
      await this.audit.record({ action: 'activity.delete', resourceType: 'activity', resourceId: id }, manager);
    });
  }

  private async insert(
    manager: EntityManager,
    a: ActivityInput & {
      commitmentId: string;
      actionId?: string;
      collaborationId: string;
      ownerOrganisationId: string;
      ownerUnitId: string | null;
      createdBy: string | null;
      source: string;
      sourceId: string | null;
    },
  ): Promise<string> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO activities (commitment_id, action_id, collaboration_id, owner_organisation_id, owner_unit_id, occurred_on,
         place, latitude, longitude, kind, participating_organisation_ids, metrics, note, source, source_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
      [
        a.commitmentId,
        a.actionId ?? null,
        a.collaborationId,
        a.ownerOrganisationId,
        a.ownerUnitId,
        a.occurredOn,
        a.place ?? '',
        a.latitude ?? null,
        a.longitude ?? null,
        a.kind,
        a.participatingOrganisationIds ?? [],
        JSON.stringify(a.metrics ?? {}),
        a.note ?? '',
        a.source,
        a.sourceId,
        a.createdBy,
      ],
    );
    return row.id;
  }

  private async assertActionOf(actionId: string, commitmentId: string): Promise<void> {
    const [row] = await this.dataSource.query('SELECT 1 FROM actions WHERE id = $1 AND commitment_id = $2', [actionId, commitmentId]);
    if (!row) throw invalidField('actionId', 'activity.action_not_of_commitment');
  }

  private async find(id: string): Promise<ActivityView> {
    const [row] = await this.dataSource.query<ActivityView[]>(`${SELECT_ACTIVITIES} WHERE ac.id = $1`, [id]);
    if (!row) throw new NotFoundException(`No activity with id ${id}.`);
    return row;
  }
}

/** Metrics are named counts: snake_case names, whole non-negative numbers. */
function validateMetrics(metrics: Record<string, unknown> | undefined): void {
  const errors: FieldError[] = [];
  for (const [name, value] of Object.entries(metrics ?? {})) {
    if (!/^[a-z][a-z0-9_]{0,62}$/.test(name)) errors.push(fieldError(`metrics.${name}`, 'activity.metric_name'));
    else if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 1_000_000_000) {
      errors.push(fieldError(`metrics.${name}`, 'activity.metric_count'));
    }
  }
  if (errors.length > 0) throw new ValidationProblem(errors);
}
