import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Principal, scopeCondition, scopesFor } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { assertVersionMatched, Clock, type FieldError, fieldError, invalidField, type Page, pageOf, ValidationProblem } from '@samverkan/platform';
import type { DataSource, EntityManager } from 'typeorm';
import type { ActivityInput, ActivityListQuery, CreateActivityRequest, UpdateActivityRequest } from './activities.dto.js';
import { assertMayRecord, mayRecord } from './party.js';
import { PromiseAccess } from './promise-access.js';
import type { ActivityView, FieldChoicesView, FieldCollaborationChoices, FieldCommitmentChoice } from './activities.views.js';
import { FINAL_ACTION_STATUSES, type ActionStatus, type ActivityKind } from './vocabulary.js';

/** What a manual activity is checked against: its commitment's promise, action, places and parties. */
interface FieldFacts {
  periodStart: string;
  periodEnd: string;
  activityKind: ActivityKind | null;
  actionOk: boolean;
  actionStatus: ActionStatus | null;
  placeOk: boolean;
  strangers: string[];
}

/** An activity another module reports (an inspection done, an operation's released summary). */
export interface SourcedActivity extends ActivityInput {
  commitmentId: string;
  source: string;
  sourceId: string;
  ownerOrganisationId: string;
}

const SELECT_ACTIVITIES = `
  SELECT ac.id, ac.commitment_id AS "commitmentId", ac.action_id AS "actionId", c.promise_id AS "promiseId",
         to_char(ac.occurred_on, 'YYYY-MM-DD') AS "occurredOn", to_char(ac.start_time, 'HH24:MI') AS "startTime",
         ac.place_id AS "placeId", (SELECT pl.name FROM places pl WHERE pl.id = ac.place_id) AS "placeName", ac.place, ac.latitude::float8 AS latitude,
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

  /**
   * What the field form offers, per collaboration in which the caller records (promise_action:update
   * through a membership there): the running promise (signed, active or extended; the latest
   * started), its commitments that take a kind of activity the caller may record under (the party
   * rule, mayRecord) with their open actions, the collaboration's named places, and the
   * organisations that may take part (the two parties, then the partners).
   */
  async fieldChoices(principal: Principal): Promise<FieldChoicesView> {
    const recording = scopesFor(principal, 'promise_action:update');
    const collaborationIds = [...new Set(principal.memberships.filter((m) => recording.some((s) => s.unitId === m.unitId)).flatMap((m) => m.collaborationIds))];
    if (collaborationIds.length === 0) return { collaborations: [] };
    const promises = await this.dataSource.query<(Omit<FieldCollaborationChoices, 'commitments'> & { commitments: FieldCommitmentChoice[] })[]>(
      `SELECT DISTINCT ON (p.collaboration_id) p.collaboration_id AS "collaborationId", co.name AS "collaborationName",
              p.id AS "promiseId", p.title AS "promiseTitle",
              to_char(p.period_start, 'YYYY-MM-DD') AS "periodStart", to_char(p.period_end, 'YYYY-MM-DD') AS "periodEnd",
              coalesce((SELECT json_agg(json_build_object('id', c.id, 'text', c.text, 'party', c.party, 'activityKind', c.activity_kind,
                          'actions', coalesce((SELECT json_agg(json_build_object('id', a.id, 'title', a.title, 'status', a.status) ORDER BY a.due_date, a.title)
                                               FROM actions a WHERE a.commitment_id = c.id AND a.status NOT IN ('done', 'cancelled')), '[]'))
                          ORDER BY c.position)
                        FROM commitments c WHERE c.promise_id = p.id AND c.activity_kind IS NOT NULL), '[]') AS commitments,
              coalesce((SELECT json_agg(json_build_object('id', pl.id, 'name', pl.name, 'kind', pl.kind) ORDER BY lower(pl.name))
                        FROM (SELECT * FROM places WHERE collaboration_id = p.collaboration_id ORDER BY lower(name) LIMIT 200) pl), '[]') AS places,
              (SELECT jsonb_agg(jsonb_build_object('id', o.id, 'name', o.name, 'kind', o.kind) ORDER BY o.name)
                 FROM organisations o WHERE o.id IN (co.police_organisation_id, co.municipality_organisation_id)) ||
              coalesce((SELECT jsonb_agg(jsonb_build_object('id', o.id, 'name', o.name, 'kind', o.kind) ORDER BY o.name)
                        FROM collaboration_partners cp JOIN organisations o ON o.id = cp.organisation_id
                        WHERE cp.collaboration_id = co.id), '[]'::jsonb) AS organisations
       FROM promises p JOIN collaborations co ON co.id = p.collaboration_id
       WHERE p.collaboration_id = ANY($1::uuid[]) AND p.status IN ('signed', 'active', 'extended')
       ORDER BY p.collaboration_id, p.period_start DESC, p.id`,
      [collaborationIds],
    );
    return {
      collaborations: promises
        .map((p) => ({
          ...p,
          commitments: p.commitments.filter((c) =>
            mayRecord(principal, 'promise_action:update', { party: c.party, activityKind: c.activityKind }, c.activityKind),
          ),
        }))
        .sort((a, b) => a.collaborationName.localeCompare(b.collaborationName, 'sv')),
    };
  }

  async get(principal: Principal, id: string): Promise<ActivityView> {
    await this.records.activity(principal, id, false);
    return this.find(id);
  }

  async create(principal: Principal, request: CreateActivityRequest): Promise<ActivityView> {
    const commitment = await this.records.commitment(principal, request.commitmentId);
    const facts = await this.fieldFacts(request.commitmentId, request);
    assertMayRecord(principal, 'promise_action:update', { party: commitment.party, activityKind: facts.activityKind }, request.kind);
    validateMetrics(request.metrics);
    assertFieldFacts(facts, request, true);
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

  async update(principal: Principal, id: string, version: number, request: UpdateActivityRequest): Promise<ActivityView> {
    const owned = await this.records.activity(principal, id, true);
    const before = await this.find(id);
    // Without actionId the activity keeps its action.
    const actionId = request.actionId === undefined ? before.actionId : request.actionId;
    const facts = await this.fieldFacts(before.commitmentId, { ...request, actionId: actionId ?? undefined });
    assertMayRecord(principal, 'promise_action:update', { party: owned.party, activityKind: facts.activityKind }, request.kind);
    validateMetrics(request.metrics);
    // An activity recorded before its action closed stays editable; moving it onto a closed one is refused.
    assertFieldFacts(facts, request, actionId !== before.actionId);
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.query<unknown[]>(
        `UPDATE activities SET occurred_on = $3, place = $4, latitude = $5, longitude = $6, kind = $7,
           participating_organisation_ids = $8, metrics = $9, note = $10, place_id = $11, start_time = $12, action_id = $13,
           version = version + 1
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
          request.placeId ?? null,
          request.startTime ?? null,
          actionId ?? null,
        ],
      );
      assertVersionMatched(updated, before.version);
      await this.audit.record({ action: 'activity.update', resourceType: 'activity', resourceId: id }, manager);
    });
    return this.find(id);
  }

  async remove(principal: Principal, id: string): Promise<void> {
    const owned = await this.records.activity(principal, id, true);
    const [activity] = await this.dataSource.query<{ kind: ActivityKind; activityKind: ActivityKind | null }[]>(
      'SELECT ac.kind, c.activity_kind AS "activityKind" FROM activities ac JOIN commitments c ON c.id = ac.commitment_id WHERE ac.id = $1',
      [id],
    );
    assertMayRecord(principal, 'promise_action:update', { party: owned.party, activityKind: activity.activityKind }, activity.kind);
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
         place, latitude, longitude, kind, participating_organisation_ids, metrics, note, source, source_id, created_by, place_id, start_time)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id`,
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
        a.placeId ?? null,
        a.startTime ?? null,
      ],
    );
    return row.id;
  }

  /** One round trip for everything a manual activity is checked against (assertFieldFacts). */
  private async fieldFacts(commitmentId: string, request: ActivityInput & { actionId?: string | null }): Promise<FieldFacts> {
    const [row] = await this.dataSource.query<FieldFacts[]>(
      `SELECT to_char(p.period_start, 'YYYY-MM-DD') AS "periodStart", to_char(p.period_end, 'YYYY-MM-DD') AS "periodEnd",
              c.activity_kind AS "activityKind",
              ($2::uuid IS NULL OR a.id IS NOT NULL) AS "actionOk", a.status AS "actionStatus",
              ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM places pl WHERE pl.id = $3 AND pl.collaboration_id = p.collaboration_id)) AS "placeOk",
              ARRAY(SELECT x::text FROM unnest($4::uuid[]) x
                    WHERE x NOT IN (co.police_organisation_id, co.municipality_organisation_id)
                      AND NOT EXISTS (SELECT 1 FROM collaboration_partners cp WHERE cp.collaboration_id = co.id AND cp.organisation_id = x)) AS strangers
       FROM commitments c JOIN promises p ON p.id = c.promise_id JOIN collaborations co ON co.id = p.collaboration_id
       LEFT JOIN actions a ON a.id = $2 AND a.commitment_id = c.id
       WHERE c.id = $1`,
      [commitmentId, request.actionId ?? null, request.placeId ?? null, request.participatingOrganisationIds ?? []],
    );
    if (!row) throw new NotFoundException(`No commitment with id ${commitmentId}.`);
    return row;
  }

  private async find(id: string): Promise<ActivityView> {
    const [row] = await this.dataSource.query<ActivityView[]>(`${SELECT_ACTIVITIES} WHERE ac.id = $1`, [id]);
    if (!row) throw new NotFoundException(`No activity with id ${id}.`);
    return row;
  }
}

/**
 * Issue #20: what is recorded must fit the promise it counts for — its action still open (when it
 * names one), its date within the promise's period, its named place one of the collaboration's, its
 * participants parties or partners of the collaboration. All refusals at once, at their fields.
 */
function assertFieldFacts(facts: FieldFacts, request: ActivityInput & { actionId?: string | null }, checkActionOpen: boolean): void {
  const errors: FieldError[] = [];
  if (!facts.actionOk) errors.push(fieldError('actionId', 'activity.action_not_of_commitment'));
  else if (checkActionOpen && facts.actionStatus && FINAL_ACTION_STATUSES.includes(facts.actionStatus)) {
    errors.push(fieldError('actionId', 'activity.action_closed'));
  }
  // ISO dates compare as strings.
  if (request.occurredOn < facts.periodStart || request.occurredOn > facts.periodEnd) {
    errors.push(fieldError('occurredOn', 'activity.outside_period', { periodStart: facts.periodStart, periodEnd: facts.periodEnd }));
  }
  if (!facts.placeOk) errors.push(fieldError('placeId', 'activity.place_unknown'));
  if (facts.strangers.length > 0) errors.push(fieldError('participatingOrganisationIds', 'activity.participant_not_in_collaboration'));
  if (errors.length > 0) throw new ValidationProblem(errors);
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
