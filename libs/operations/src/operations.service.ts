import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, type OwnershipColumns, type Principal, type RecordOwnership, scopeCondition, scopesFor } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import {
  assertVersionMatched,
  Clock,
  FieldCipher,
  type FieldError,
  fieldError,
  invalidField,
  type Page,
  pageOf,
  ProblemException,
  replacementErrors,
  ValidationProblem,
} from '@samverkan/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { OPERATION_TRANSITIONS, type OperationStatus, SUBSTANCES } from './operation-rules.js';
import type {
  OperationListQuery,
  OperationTransitionInput,
  OutcomeInput,
  ParticipantsInput,
  ProposeOperationInput,
  ReplaceParticipantsInput,
} from './operations.dto.js';
import type { OperationListItemView, OperationView } from './operations.views.js';

export const OPERATION_COLUMNS: OwnershipColumns = {
  id: 'o.id',
  organisationId: 'o.owner_organisation_id',
  unitId: 'o.owner_unit_id',
  ownerUserId: 'o.proposed_by',
  collaborationId: 'o.collaboration_id',
};

const INTELLIGENCE_FIELD = 'operation.intelligence';

export interface OperationRecord {
  id: string;
  collaborationId: string;
  ownerOrganisationId: string;
  ownerUnitId: string;
  proposedBy: string;
  commitmentId: string | null;
  status: OperationStatus;
  plannedStart: Date;
  plannedEnd: Date;
  area: string;
  version: number;
}

const SELECT_RECORD = `SELECT o.id, o.collaboration_id AS "collaborationId", o.owner_organisation_id AS "ownerOrganisationId",
  o.owner_unit_id AS "ownerUnitId", o.proposed_by AS "proposedBy", o.commitment_id AS "commitmentId", o.status,
  o.planned_start AS "plannedStart", o.planned_end AS "plannedEnd", o.area, o.version FROM operations o`;

/**
 * Police operations against drug and alcohol sales (DOMAIN.md §4). Only the police area's own
 * people know an operation exists; its details reach its participants and commanders; the
 * intelligence behind it only commanders (and it is stored encrypted). Every read is audited.
 */
@Injectable()
export class OperationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly cipher: FieldCipher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * The police area's operations. Everyone with an operations role in the area sees that they
   * exist (status and window); title and area only where they may open the operation.
   */
  async list(principal: Principal, query: OperationListQuery): Promise<Page<OperationListItemView>> {
    const organisations = [...new Set(scopesFor(principal, 'operation:read').map((s) => s.organisationId))];
    const detail = scopeCondition(principal, 'operation:read', OPERATION_COLUMNS, this.clock.now());
    const qb = this.dataSource
      .createQueryBuilder()
      .from('operations', 'o')
      .innerJoin('collaborations', 'c', 'c.id = o.collaboration_id')
      .where('o.owner_organisation_id = ANY(:organisations)', { organisations });
    if (query.status) qb.andWhere('o.status = :status', { status: query.status });
    if (query.collaborationId) qb.andWhere('o.collaboration_id = :collaborationId', { collaborationId: query.collaborationId });
    if (query.year) {
      qb.andWhere(
        `o.planned_start >= make_timestamptz(:year, 1, 1, 0, 0, 0, 'Europe/Stockholm') AND o.planned_start < make_timestamptz(:year + 1, 1, 1, 0, 0, 0, 'Europe/Stockholm')`,
        { year: query.year },
      );
    }
    // Whether the caller may open each operation is a per-row expression of their scope.
    const select = `SELECT o.id AS id, o.status AS status, o.planned_start AS "plannedStart", o.planned_end AS "plannedEnd", c.name AS collaboration,
        (${detail.sql}) AS "canOpen", CASE WHEN ${detail.sql} THEN o.title END AS title, CASE WHEN ${detail.sql} THEN o.area END AS area
      FROM operations o JOIN collaborations c ON c.id = o.collaboration_id`;
    const page = await pageOf<OperationListItemView>(
      this.dataSource,
      qb,
      { alias: 'o', orderBy: [['o.planned_start', 'DESC']], select, selectParams: detail.params },
      query,
    );
    await this.audit.record({ action: 'operation.list', resourceType: 'operation', details: { operationIds: page.items.map((i) => i.id) } });
    return page;
  }

  /** Proposes an operation in the principal's own police area, with its intelligence basis sealed. */
  async propose(principal: Principal, input: ProposeOperationInput): Promise<OperationView> {
    const [collaboration] = await this.dataSource.query<{ police: string }[]>('SELECT police_organisation_id AS police FROM collaborations WHERE id = $1', [
      input.collaborationId,
    ]);
    const unit = collaboration && scopesFor(principal, 'operation:propose').find((s) => s.organisationId === collaboration.police);
    if (!unit) throw invalidField('collaborationId', 'operation.collaboration_not_yours');
    const errors: FieldError[] = [];
    if (new Date(input.plannedEnd) <= new Date(input.plannedStart)) errors.push(fieldError('plannedEnd', 'date.after', { other: 'plannedStart' }));
    if (input.commitmentId) {
      const [commitment] = await this.dataSource.query(
        'SELECT 1 FROM commitments k JOIN promises p ON p.id = k.promise_id WHERE k.id = $1 AND p.collaboration_id = $2',
        [input.commitmentId, input.collaborationId],
      );
      if (!commitment) errors.push(fieldError('commitmentId', 'operation.commitment_not_of_promise'));
    }
    const premisesIds = [...new Set(input.premisesIds ?? [])];
    if (premisesIds.length > 0) {
      const [{ n }] = await this.dataSource.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM premises WHERE id = ANY($1::uuid[]) AND collaboration_id = $2',
        [premisesIds, input.collaborationId],
      );
      if (n !== premisesIds.length) errors.push(fieldError('premisesIds', 'operation.premises_outside'));
    }
    errors.push(...(await this.participantErrors(collaboration.police, input)));
    if (errors.length > 0) throw new ValidationProblem(errors);
    const sealed = this.cipher.encrypt(INTELLIGENCE_FIELD, JSON.stringify({ text: input.intelligence.trim(), reference: input.intelligenceReference.trim() }));
    const id = await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO operations (collaboration_id, owner_organisation_id, owner_unit_id, title, area, places, premises_ids, commitment_id,
           planned_start, planned_end, intelligence_sealed, intelligence_key_id, proposed_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
        [
          input.collaborationId,
          collaboration.police,
          unit.unitId,
          input.title.trim(),
          input.area.trim(),
          JSON.stringify(input.places ?? []),
          premisesIds,
          input.commitmentId ?? null,
          input.plannedStart,
          input.plannedEnd,
          sealed,
          this.cipher.keyId,
          principal.userId,
        ],
      );
      await this.grantParticipants(manager, principal, row.id, input);
      await this.audit.record(
        { action: 'operation.propose', resourceType: 'operation', resourceId: row.id, subjectOrganisationId: collaboration.police },
        manager,
      );
      return row.id;
    });
    return this.view(principal, id, false);
  }

  async get(principal: Principal, id: string): Promise<OperationView> {
    return this.view(principal, id, true);
  }

  /** Moves the operation along its path; each step takes the permission OPERATION_TRANSITIONS names. */
  async transition(principal: Principal, id: string, version: number, input: OperationTransitionInput): Promise<OperationView> {
    const record = await this.readable(principal, id);
    const needed = OPERATION_TRANSITIONS[record.status][input.to];
    if (!needed) throw invalidField('to', 'status.transition', { from: record.status, to: input.to });
    await this.access.assertAllowed(principal, needed, this.ownership(record));
    if (input.to === 'cancelled' && !input.reason) throw invalidField('reason', 'operation.reason_required');
    if (input.to === 'outcome_reported') {
      const [outcome] = await this.dataSource.query('SELECT 1 FROM operation_outcomes WHERE operation_id = $1', [id]);
      if (!outcome) throw invalidField('to', 'operation.outcome_missing');
    }
    const deciding = input.to === 'decided';
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.query<unknown[]>(
        `UPDATE operations SET status = $3, status_reason = coalesce($4, status_reason),
           decided_by = CASE WHEN $5 THEN $6::uuid ELSE decided_by END, decided_at = CASE WHEN $5 THEN $7::timestamptz ELSE decided_at END,
           decision_conditions = CASE WHEN $5 THEN $8 ELSE decision_conditions END, version = version + 1
         WHERE id = $1 AND version = $2`,
        [id, version, input.to, input.reason ?? null, deciding, principal.userId, this.clock.now(), input.conditions ?? null],
      );
      assertVersionMatched(updated, record.version);
      await this.audit.record(
        {
          action: `operation.${input.to}`,
          resourceType: 'operation',
          resourceId: id,
          subjectOrganisationId: record.ownerOrganisationId,
          details: { from: record.status, to: input.to },
        },
        manager,
      );
    });
    return this.view(principal, id, false);
  }

  /** The commander sets who takes part: each participant (officer or unit) gets read and report access. */
  /**
   * Replaces who takes part, with If-Match (issue #15: a replacing write never overwrites a change
   * its sender has not seen) and never with nothing unless `removeAll` says so.
   */
  async setParticipants(principal: Principal, id: string, version: number, input: ReplaceParticipantsInput): Promise<OperationView> {
    const record = await this.readable(principal, id);
    await this.access.assertAllowed(principal, 'operation:decide', this.ownership(record));
    const errors = [
      ...replacementErrors({ userIds: input.userIds, unitIds: input.unitIds }, input.removeAll),
      ...(await this.participantErrors(record.ownerOrganisationId, input)),
    ];
    if (errors.length > 0) throw new ValidationProblem(errors);
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.query('UPDATE operations SET version = version + 1 WHERE id = $1 AND version = $2', [id, version]);
      assertVersionMatched(updated, record.version);
      const previous = await manager.query<{ grant_id: string }[]>('DELETE FROM operation_participants WHERE operation_id = $1 RETURNING grant_id', [id]);
      await this.access.revokeGrants(principal, { ids: previous.map((row) => row.grant_id) }, manager);
      await this.grantParticipants(manager, principal, id, input);
      await this.audit.record(
        {
          action: 'operation.participants',
          resourceType: 'operation',
          resourceId: id,
          subjectOrganisationId: record.ownerOrganisationId,
          details: { removeAll: !!input.removeAll, users: input.userIds?.length ?? 0, units: input.unitIds?.length ?? 0 },
        },
        manager,
      );
    });
    return this.view(principal, id, false);
  }

  /**
   * Seizures, arrests, reports, checks and after-action notes, while the operation runs or just
   * ended. It replaces the outcome (and its list of seizures) whole, so it takes If-Match with the
   * operation's version like every replacing write (issue #15).
   */
  async recordOutcome(principal: Principal, id: string, version: number, input: OutcomeInput): Promise<OperationView> {
    const record = await this.readable(principal, id);
    await this.access.assertAllowed(principal, 'operation:report', this.ownership(record));
    if (record.status !== 'executing' && record.status !== 'completed') {
      throw new ProblemException('operation.not_running', { status: record.status });
    }
    const errors: FieldError[] = [];
    input.seizures.forEach((s, i) => {
      const units: readonly string[] = SUBSTANCES[s.substance].units;
      if (!units.includes(s.unit)) {
        errors.push(fieldError(`seizures[${i}].unit`, 'operation.seizure_unit', { substance: s.substance, units }));
      }
    });
    if (errors.length > 0) throw new ValidationProblem(errors);
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.query('UPDATE operations SET version = version + 1 WHERE id = $1 AND version = $2', [id, version]);
      assertVersionMatched(updated, record.version);
      await manager.query(
        `INSERT INTO operation_outcomes (operation_id, seizures, arrests, reports_filed, persons_checked, places_checked, notes, reported_by, reported_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (operation_id) DO UPDATE SET seizures = EXCLUDED.seizures, arrests = EXCLUDED.arrests, reports_filed = EXCLUDED.reports_filed,
           persons_checked = EXCLUDED.persons_checked, places_checked = EXCLUDED.places_checked, notes = EXCLUDED.notes,
           reported_by = EXCLUDED.reported_by, reported_at = EXCLUDED.reported_at, version = operation_outcomes.version + 1`,
        [
          id,
          JSON.stringify(input.seizures),
          input.arrests,
          input.reportsFiled,
          input.personsChecked,
          input.placesChecked,
          input.notes?.trim() ?? '',
          principal.userId,
          this.clock.now(),
        ],
      );
      await this.audit.record(
        { action: 'operation.outcome', resourceType: 'operation', resourceId: id, subjectOrganisationId: record.ownerOrganisationId },
        manager,
      );
    });
    return this.view(principal, id, false);
  }

  // ---- shared with summaries and referrals ----------------------------------------------------

  /** The operation if the principal may open it (participant, proposer, commander); else 404. */
  async readable(principal: Principal, id: string, manager: EntityManager = this.dataSource.manager): Promise<OperationRecord> {
    const [record] = await manager.query<OperationRecord[]>(`${SELECT_RECORD} WHERE o.id = $1`, [id]);
    if (!record) throw new NotFoundException(`No operation with id ${id}.`);
    await this.access.authorize(principal, 'operation', 'read', this.ownership(record));
    return record;
  }

  ownership(record: OperationRecord): RecordOwnership {
    return {
      id: record.id,
      organisationId: record.ownerOrganisationId,
      unitId: record.ownerUnitId,
      ownerUserId: record.proposedBy,
      collaborationId: record.collaborationId,
    };
  }

  async view(principal: Principal, id: string, audited: boolean): Promise<OperationView> {
    const record = await this.readable(principal, id);
    const commander = await this.access.can(principal, 'operation:decide', this.ownership(record));
    // Opening the sealed intelligence asks for a recent strong authentication (brottsdatalagen 3 kap
    // 8 §, strong-auth.ts): a commander's read is refused until they step up; the answer after a
    // change they made leaves it out instead (the change is done; the next read asks).
    if (commander && audited) await this.access.assertStepUp(principal, 'intelligence', { resourceType: 'operation', resourceId: id });
    const opened = commander && (audited || this.access.isFreshFor(principal));
    const [row] = await this.dataSource.query<(Omit<OperationView, 'intelligence'> & { intelligence_sealed: Buffer; intelligence_key_id: string })[]>(
      `SELECT o.id, o.collaboration_id AS "collaborationId", c.name AS collaboration, o.title, o.area, o.places,
              o.owner_unit_id AS "ownerUnitId", un.name AS "ownerUnit", o.planned_start AS "plannedStart", o.planned_end AS "plannedEnd",
              o.status, o.status_reason AS "statusReason", o.decided_at AS "decidedAt", d.display_name AS "decidedBy",
              o.decision_conditions AS "decisionConditions", p.display_name AS "proposedBy", o.commitment_id AS "commitmentId", o.version,
              (SELECT json_build_object('id', k.id, 'text', k.text) FROM commitments k WHERE k.id = o.commitment_id) AS commitment,
              o.intelligence_sealed, o.intelligence_key_id,
              coalesce((SELECT json_agg(json_build_object('id', pr.id, 'name', pr.name) ORDER BY pr.name) FROM premises pr WHERE pr.id = ANY(o.premises_ids)), '[]') AS premises,
              coalesce((SELECT json_agg(json_build_object('type', op.grantee_type, 'id', op.grantee_id,
                  'name', coalesce(u.display_name, gu.name)) ORDER BY op.grantee_type, coalesce(u.display_name, gu.name))
                FROM operation_participants op LEFT JOIN users u ON op.grantee_type = 'user' AND u.id = op.grantee_id
                LEFT JOIN units gu ON op.grantee_type = 'unit' AND gu.id = op.grantee_id WHERE op.operation_id = o.id), '[]') AS participants,
              (SELECT json_build_object('seizures', oc.seizures, 'arrests', oc.arrests, 'reportsFiled', oc.reports_filed,
                  'personsChecked', oc.persons_checked, 'placesChecked', oc.places_checked, 'notes', oc.notes, 'reportedAt', oc.reported_at)
                FROM operation_outcomes oc WHERE oc.operation_id = o.id) AS outcome,
              (SELECT json_build_object('id', s.id, 'periodStart', s.period_start, 'periodEnd', s.period_end, 'area', s.area, 'counts', s.counts,
                  'releasedAt', s.released_at, 'activityId', s.activity_id) FROM operation_summaries s WHERE s.operation_id = o.id) AS summary,
              coalesce((SELECT json_agg(json_build_object('id', r.id, 'premisesId', r.premises_id, 'observedOn', r.observed_on, 'observation', r.observation,
                  'sentAt', r.sent_at, 'acknowledgedAt', r.acknowledged_at) ORDER BY r.sent_at) FROM licensing_referrals r WHERE r.operation_id = o.id), '[]') AS referrals
       FROM operations o JOIN collaborations c ON c.id = o.collaboration_id JOIN units un ON un.id = o.owner_unit_id
       JOIN users p ON p.id = o.proposed_by LEFT JOIN users d ON d.id = o.decided_by WHERE o.id = $1`,
      [id],
    );
    const { intelligence_sealed: sealed, intelligence_key_id: keyId, ...view } = row;
    const intelligence = opened ? (JSON.parse(this.cipher.decrypt(INTELLIGENCE_FIELD, sealed, keyId)) as { text: string; reference: string }) : null;
    if (audited) {
      await this.audit.record({
        action: 'operation.read',
        resourceType: 'operation',
        resourceId: id,
        subjectOrganisationId: record.ownerOrganisationId,
        details: { intelligence: opened },
      });
    }
    return { ...view, intelligence };
  }

  // ---- helpers -----------------------------------------------------------------------------

  private async participantErrors(policeOrganisationId: string, input: ParticipantsInput): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    const userIds = [...new Set(input.userIds ?? [])];
    const unitIds = [...new Set(input.unitIds ?? [])];
    if (userIds.length > 0) {
      const [{ n }] = await this.dataSource.query<{ n: number }[]>(
        'SELECT count(*)::int AS n FROM users WHERE id = ANY($1::uuid[]) AND organisation_id = $2 AND is_active',
        [userIds, policeOrganisationId],
      );
      if (n !== userIds.length) errors.push(fieldError('userIds', 'operation.participant_not_officer'));
    }
    if (unitIds.length > 0) {
      const [{ n }] = await this.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM units WHERE id = ANY($1::uuid[]) AND organisation_id = $2', [
        unitIds,
        policeOrganisationId,
      ]);
      if (n !== unitIds.length) errors.push(fieldError('unitIds', 'operation.unit_not_of_police_area'));
    }
    return errors;
  }

  private async grantParticipants(manager: EntityManager, principal: Principal, id: string, input: ParticipantsInput): Promise<void> {
    const participants = [
      ...[...new Set(input.userIds ?? [])].map((granteeId) => ({ granteeType: 'user' as const, granteeId })),
      ...[...new Set(input.unitIds ?? [])].map((granteeId) => ({ granteeType: 'unit' as const, granteeId })),
    ];
    for (const p of participants) {
      const grant = await this.access.grant(
        principal,
        {
          resourceType: 'operation',
          resourceId: id,
          granteeType: p.granteeType,
          granteeId: p.granteeId,
          effect: 'grant',
          actions: ['read', 'report'],
          reason: 'Deltar i insatsen',
          validUntil: null,
        },
        manager,
      );
      await manager.query('INSERT INTO operation_participants (operation_id, grantee_type, grantee_id, grant_id) VALUES ($1, $2, $3, $4)', [
        id,
        p.granteeType,
        p.granteeId,
        grant.id,
      ]);
    }
  }
}
