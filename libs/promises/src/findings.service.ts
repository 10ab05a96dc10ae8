import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, type Principal, type RecordOwnership, scopeCondition, scopesFor } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { DeadlinesService } from '@samverkan/deadlines';
import {
  assertVersionMatched,
  Clock,
  type FieldError,
  fieldError,
  invalidField,
  type Page,
  pageOf,
  stockholmDate,
  ValidationProblem,
} from '@samverkan/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { findingStatusChange } from './finding-rules.js';
import type { CreateFindingRequest, FindingListQuery, UpdateFindingRequest } from './findings.dto.js';
import type { FindingView, ResponsibleUnitView } from './findings.views.js';
import type { FindingStatus } from './vocabulary.js';

/** The deadline kind of a finding's due date (its reminder rules: migration FindingsAndPlaces). */
export const FINDING_DEADLINE = 'finding_due';

/** Open or in progress: what counts as not yet dealt with. */
const OPEN = `f.status IN ('open', 'in_progress')`;

/** A finding as the api shows it; `:today` (the Stockholm date) is bound for `overdue`. */
const SELECT_FINDINGS = `
  SELECT f.id, f.promise_id AS "promiseId", f.activity_id AS "activityId",
         CASE WHEN pl.id IS NULL THEN NULL ELSE json_build_object('id', pl.id, 'name', pl.name, 'kind', pl.kind) END AS place,
         coalesce(f.latitude, pl.latitude)::float8 AS latitude, coalesce(f.longitude, pl.longitude)::float8 AS longitude,
         f.category, f.description,
         CASE WHEN pa.id IS NULL THEN NULL ELSE json_build_object('id', pa.id, 'title', pa.title) END AS "problemArea",
         json_build_object('id', o.id, 'name', o.name) AS "responsibleOrganisation",
         json_build_object('id', un.id, 'name', un.name) AS "responsibleUnit",
         to_char(f.due_date, 'YYYY-MM-DD') AS "dueDate", f.status, f.resolution, f.resolved_at AS "resolvedAt",
         (${OPEN} AND f.due_date < :today::date) AS overdue,
         json_build_object('id', u.id, 'displayName', u.display_name) AS "recordedBy",
         json_build_object('id', ro.id, 'name', ro.name) AS "recorderOrganisation",
         f.recorded_at AS "recordedAt",
         coalesce((SELECT json_agg(json_build_object('id', ph.id, 'contentType', ph.content_type, 'byteSize', ph.byte_size, 'uploadedAt', ph.uploaded_at)
                                   ORDER BY ph.uploaded_at, ph.id)
                   FROM promise_finding_photos ph WHERE ph.finding_id = f.id), '[]') AS photos,
         f.version
  FROM findings f
  LEFT JOIN places pl ON pl.id = f.place_id
  LEFT JOIN problem_areas pa ON pa.id = f.problem_area_id
  JOIN organisations o ON o.id = f.responsible_organisation_id
  JOIN units un ON un.id = f.responsible_unit_id
  JOIN users u ON u.id = f.recorded_by
  JOIN organisations ro ON ro.id = f.recorder_organisation_id`;

/** Who answers for a finding: its responsible unit (finding:update with unit scope reaches it). */
export interface FindingOwnership extends RecordOwnership {
  id: string;
  collaborationId: string;
  promiseId: string;
}

/**
 * The findings register (issue #20): what a guard round or a safety walk finds, followed through by
 * the unit responsible. Members of the collaboration read every finding (promise:read); a member
 * holding finding:record there records one, on behalf of the organisation and unit through which
 * they hold it; finding:update on the finding (its responsible unit, or wider) changes it.
 */
@Injectable()
export class FindingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly deadlines: DeadlinesService,
    private readonly clock: Clock,
  ) {}

  today(): string {
    return stockholmDate(this.clock.now());
  }

  async list(principal: Principal, query: FindingListQuery): Promise<Page<FindingView>> {
    const today = this.today();
    const scope = scopeCondition(principal, 'promise:read', { id: 'f.promise_id', collaborationId: 'f.collaboration_id' }, this.clock.now(), {
      grants: false,
    });
    const qb = this.dataSource.createQueryBuilder().from('findings', 'f').where(scope.sql, scope.params);
    if (query.promiseId) qb.andWhere('f.promise_id = :promiseId', { promiseId: query.promiseId });
    if (query.status) qb.andWhere('f.status = :status', { status: query.status });
    if (query.category) qb.andWhere('f.category = :category', { category: query.category });
    if (query.placeId) qb.andWhere('f.place_id = :placeId', { placeId: query.placeId });
    if (query.activityId) qb.andWhere('f.activity_id = :activityId', { activityId: query.activityId });
    if (query.problemAreaId) qb.andWhere('f.problem_area_id = :problemAreaId', { problemAreaId: query.problemAreaId });
    if (query.responsibleUnitId) qb.andWhere('f.responsible_unit_id = :unit', { unit: query.responsibleUnitId });
    if (query.overdue === true) qb.andWhere(`${OPEN} AND f.due_date < :today`, { today });
    if (query.overdue === false) qb.andWhere(`NOT (${OPEN} AND f.due_date < :today)`, { today });
    return pageOf<FindingView>(this.dataSource, qb, { alias: 'f', orderBy: [['f.due_date', 'ASC']], select: SELECT_FINDINGS, selectParams: { today } }, query);
  }

  /** The units a finding of the promise may be given to: those of the collaboration's police and municipality, by organisation and name. */
  async responsibleUnits(principal: Principal, promiseId: string): Promise<ResponsibleUnitView[]> {
    const [promise] = await this.dataSource.query<{ id: string; collaborationId: string }[]>(
      `SELECT id, collaboration_id AS "collaborationId" FROM promises WHERE id = $1`,
      [promiseId],
    );
    if (!promise) throw new NotFoundException(`No promise with id ${promiseId}.`);
    await this.access.authorize(principal, 'promise', 'read', promise);
    return this.dataSource.query<ResponsibleUnitView[]>(
      `SELECT u.id, u.name, json_build_object('id', o.id, 'name', o.name) AS organisation
       FROM collaborations c
       JOIN organisations o ON o.id IN (c.municipality_organisation_id, c.police_organisation_id)
       JOIN units u ON u.organisation_id = o.id
       WHERE c.id = $1
       ORDER BY o.id = c.police_organisation_id, u.name, u.id`,
      [promise.collaborationId],
    );
  }

  async get(principal: Principal, id: string): Promise<FindingView> {
    await this.facts(principal, id);
    return this.find(id);
  }

  async create(principal: Principal, request: CreateFindingRequest): Promise<FindingView> {
    const [promise] = await this.dataSource.query<{ id: string; collaborationId: string }[]>(
      `SELECT id, collaboration_id AS "collaborationId" FROM promises WHERE id = $1`,
      [request.promiseId],
    );
    if (!promise) throw new NotFoundException(`No promise with id ${request.promiseId}.`);
    await this.access.authorize(principal, 'promise', 'read', promise);
    // The recorder's side: the organisation and unit through which the caller records findings here.
    const holding = scopesFor(principal, 'finding:record').find((s) => s.collaborationIds.includes(promise.collaborationId));
    if (!holding) throw invalidField('promiseId', 'finding.not_recording_here');
    await this.assertReferences(request, promise.collaborationId);
    const id = await this.dataSource.transaction(async (manager) => {
      const [created] = await manager.query<{ id: string }[]>(
        `INSERT INTO findings (collaboration_id, promise_id, activity_id, place_id, latitude, longitude, category, description, problem_area_id,
           responsible_organisation_id, responsible_unit_id, due_date, recorded_by, recorder_organisation_id, recorder_unit_id, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
        [
          promise.collaborationId,
          promise.id,
          request.activityId ?? null,
          request.placeId ?? null,
          request.latitude ?? null,
          request.longitude ?? null,
          request.category,
          request.description.trim(),
          request.problemAreaId ?? null,
          request.responsibleOrganisationId,
          request.responsibleUnitId,
          request.dueDate,
          principal.userId,
          holding.organisationId,
          holding.unitId,
          this.clock.now(),
        ],
      );
      await this.audit.record(
        { action: 'finding.create', resourceType: 'finding', resourceId: created.id, details: { category: request.category, status: 'open' } },
        manager,
      );
      await this.syncDeadline(manager, created.id);
      return created.id;
    });
    return this.find(id);
  }

  /** The responsible unit's work on a finding: status (done needs what was done, rejected why), and its details. */
  async update(principal: Principal, id: string, version: number, request: UpdateFindingRequest): Promise<FindingView> {
    const facts = await this.facts(principal, id);
    await this.access.assertAllowed(principal, 'finding:update', facts);
    const before = await this.find(id);
    const { status, resolution, errors } = findingStatusChange(before, request);
    const unit = await this.newResponsibleUnit(facts, request.responsibleUnitId);
    if (unit.error) errors.push(unit.error);
    if (errors.length > 0) throw new ValidationProblem(errors);
    const current: Record<string, unknown> = { ...before, responsibleUnitId: before.responsibleUnit.id };
    const changed = (Object.keys(request) as (keyof UpdateFindingRequest)[]).filter((k) => JSON.stringify(request[k]) !== JSON.stringify(current[k]));
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.query<unknown[]>(
        `UPDATE findings SET status = $3, resolution = $4, resolved_at = CASE WHEN $4::text IS NULL THEN NULL ELSE $5::timestamptz END,
           category = $6, description = $7, due_date = $8, responsible_unit_id = $9, responsible_organisation_id = $10, version = version + 1
         WHERE id = $1 AND version = $2`,
        [
          id,
          version,
          status,
          resolution,
          this.clock.now(),
          request.category ?? before.category,
          request.description?.trim() ?? before.description,
          request.dueDate ?? before.dueDate,
          unit.unitId,
          unit.organisationId,
        ],
      );
      assertVersionMatched(updated, before.version);
      await this.audit.record(
        {
          action: 'finding.update',
          resourceType: 'finding',
          resourceId: id,
          changedFields: changed,
          details: {
            ...(status !== before.status ? { from: before.status, to: status } : {}),
            ...(unit.unitId !== before.responsibleUnit.id ? { unitFrom: before.responsibleUnit.id, unitTo: unit.unitId } : {}),
          },
        },
        manager,
      );
      await this.syncDeadline(manager, id);
    });
    return this.find(id);
  }

  /**
   * The unit a finding is handed to (or the one it has): a unit of the police or the municipality of
   * the finding's collaboration; the responsible organisation follows the unit.
   */
  private async newResponsibleUnit(
    facts: FindingOwnership,
    unitId: string | undefined,
  ): Promise<{ unitId: string; organisationId: string; error?: FieldError }> {
    const unchanged = { unitId: facts.unitId as string, organisationId: facts.organisationId as string };
    if (!unitId || unitId === facts.unitId) return unchanged;
    const [unit] = await this.dataSource.query<{ organisation_id: string }[]>(
      `SELECT u.organisation_id FROM units u JOIN collaborations c ON u.organisation_id IN (c.police_organisation_id, c.municipality_organisation_id)
       WHERE u.id = $1 AND c.id = $2`,
      [unitId, facts.collaborationId],
    );
    if (!unit) return { ...unchanged, error: fieldError('responsibleUnitId', 'action.responsible_not_party') };
    return { unitId, organisationId: unit.organisation_id };
  }

  /** Reading a finding is reading its promise, in its collaboration: 404 outside it. */
  async facts(principal: Principal, id: string): Promise<FindingOwnership> {
    const [row] = await this.dataSource.query<FindingOwnership[]>(
      `SELECT id, collaboration_id AS "collaborationId", promise_id AS "promiseId", responsible_organisation_id AS "organisationId",
              responsible_unit_id AS "unitId", recorded_by AS "ownerUserId"
       FROM findings WHERE id = $1`,
      [id],
    );
    if (!row) throw new NotFoundException(`No finding with id ${id}.`);
    await this.access.authorize(principal, 'promise', 'read', { id: row.promiseId, collaborationId: row.collaborationId });
    return row;
  }

  /**
   * A finding's due date as a deadline (reminders, escalation to the unit's managers), owned by its
   * responsible unit: open while the finding is, met when done, cancelled when rejected.
   */
  private async syncDeadline(manager: EntityManager, id: string): Promise<void> {
    const [f] = await manager.query<{ title: string; due: string; status: FindingStatus; unit_id: string; org_id: string }[]>(
      `SELECT left(coalesce(pl.name || ': ', '') || f.description, 200) AS title, to_char(f.due_date, 'YYYY-MM-DD') AS due, f.status,
              f.responsible_unit_id AS unit_id, f.responsible_organisation_id AS org_id
       FROM findings f LEFT JOIN places pl ON pl.id = f.place_id WHERE f.id = $1`,
      [id],
    );
    if (f.status === 'done' || f.status === 'rejected') {
      await this.deadlines.close(manager, FINDING_DEADLINE, 'finding', id, f.status === 'done' ? 'met' : 'cancelled');
      return;
    }
    await this.deadlines.upsert(manager, {
      kind: FINDING_DEADLINE,
      resourceType: 'finding',
      resourceId: id,
      title: f.title,
      dueOn: f.due,
      responsibleUserId: null,
      responsibleUnitId: f.unit_id,
      responsibleOrganisationId: f.org_id,
    });
  }

  /**
   * What a finding points at must be of its promise and collaboration: the named place, the
   * activity, the problem area; the responsible organisation a party of the collaboration and the
   * unit one of its units. A place is named or given as a position (both coordinates).
   */
  private async assertReferences(request: CreateFindingRequest, collaborationId: string): Promise<void> {
    const errors: FieldError[] = [];
    const hasPosition = request.latitude !== undefined || request.longitude !== undefined;
    if (hasPosition && (request.latitude === undefined || request.longitude === undefined)) {
      errors.push(fieldError(request.latitude === undefined ? 'latitude' : 'longitude', 'place.position_pair'));
    } else if (!hasPosition && !request.placeId) {
      errors.push(fieldError('placeId', 'finding.place_required'));
    }
    const [row] = await this.dataSource.query<{ place_ok: boolean; activity_ok: boolean; area_ok: boolean; org_ok: boolean; unit_ok: boolean }[]>(
      `SELECT ($1::uuid IS NULL OR EXISTS (SELECT 1 FROM places WHERE id = $1 AND collaboration_id = $6)) AS place_ok,
              ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM activities ac JOIN commitments c ON c.id = ac.commitment_id WHERE ac.id = $2 AND c.promise_id = $7)) AS activity_ok,
              ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM problem_areas WHERE id = $3 AND promise_id = $7)) AS area_ok,
              EXISTS (SELECT 1 FROM collaborations WHERE id = $6 AND $4::uuid IN (police_organisation_id, municipality_organisation_id)) AS org_ok,
              EXISTS (SELECT 1 FROM units WHERE id = $5 AND organisation_id = $4) AS unit_ok`,
      [
        request.placeId ?? null,
        request.activityId ?? null,
        request.problemAreaId ?? null,
        request.responsibleOrganisationId,
        request.responsibleUnitId,
        collaborationId,
        request.promiseId,
      ],
    );
    if (!row.place_ok) errors.push(fieldError('placeId', 'finding.place_unknown'));
    if (!row.activity_ok) errors.push(fieldError('activityId', 'finding.activity_unknown'));
    if (!row.area_ok) errors.push(fieldError('problemAreaId', 'promise.problem_area_unknown'));
    if (!row.org_ok) errors.push(fieldError('responsibleOrganisationId', 'action.responsible_not_party'));
    if (!row.unit_ok) errors.push(fieldError('responsibleUnitId', 'action.unit_not_of_organisation'));
    if (errors.length > 0) throw new ValidationProblem(errors);
  }

  private async find(id: string): Promise<FindingView> {
    const [sql, params] = this.dataSource.driver.escapeQueryWithParameters(`${SELECT_FINDINGS} WHERE f.id = :id`, { id, today: this.today() });
    const [row] = await this.dataSource.query<FindingView[]>(sql, params);
    if (!row) throw new NotFoundException(`No finding with id ${id}.`);
    return row;
  }
}
