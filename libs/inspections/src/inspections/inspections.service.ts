import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, type Principal, scopeCondition } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { MembersDirectory } from '@samverkan/identity';
import { DeadlinesService } from '@samverkan/deadlines';
import {
  assertVersionMatched,
  Clock,
  formatDay,
  invalidField,
  type Page,
  pageOf,
  ProblemException,
  stockholmDate,
  ValidationProblem,
} from '@samverkan/platform';
import { ActivitiesService } from '@samverkan/promises';
import type { DataSource, EntityManager } from 'typeorm';
import { PremisesService } from '../licensing/premises.service.js';
import { SanctionsService } from '../sanctions/sanctions.service.js';
import { ChecklistTemplatesService } from './checklist-templates.service.js';
import { inspectionReportHtml, loadReportFacts } from './inspection-report.js';
import {
  bookingTimeErrors,
  bookingTipErrors,
  countsAsPerformed,
  escalationGrounds,
  escalationLicence,
  findingErrors,
  HOLDER_RESPONSE_DEADLINE,
  holderResponseClosing,
  holderResponseDueOn,
  INSPECTION_TRANSITIONS,
  INSPECTOR_ROLES,
  inspectorErrors,
  isOpenForFindings,
  opensHolderResponse,
  opensSanctionCase,
  premisesClash,
  transitionErrors,
  transitionPermission,
} from './inspection-rules.js';
import type { InspectionStatus } from './inspection-rules.js';
import type {
  FindingInput,
  InspectionListItemView,
  InspectionListQuery,
  InspectionView,
  InspectorView,
  ScheduleInspectionRequest,
  TransitionRequest,
} from './inspections.dto.js';

/** The exclusion constraint that keeps two inspections of the same premises from overlapping. */
const PREMISES_CLASH_CONSTRAINT = 'inspections_no_premises_clash';

const INSPECTION_COLUMNS = { id: 'i.id', collaborationId: 'i.collaboration_id', organisationId: 'i.owner_organisation_id' };

export const SELECT_INSPECTIONS = `
  SELECT i.id, i.premises_id AS "premisesId", p.name AS "premisesName", i.licence_id AS "licenceId", i.type,
         i.planned_start AS "plannedStart", i.planned_end AS "plannedEnd", i.status, i.status_reason AS "statusReason",
         i.performed_at AS "performedAt", i.report_sent_at AS "reportSentAt", i.response_received_at AS "responseReceivedAt",
         i.previous_inspection_id AS "previousInspectionId", i.tip_id AS "tipId", i.collaboration_id AS "collaborationId",
         i.owner_organisation_id AS "ownerOrganisationId", i.created_by AS "createdBy", i.version,
         coalesce((SELECT json_agg(json_build_object('id', u.id, 'displayName', u.display_name, 'organisation', o.name,
                    'organisationKind', o.kind) ORDER BY o.kind, u.display_name)
                   FROM inspection_inspectors ii JOIN users u ON u.id = ii.user_id JOIN organisations o ON o.id = u.organisation_id
                   WHERE ii.inspection_id = i.id), '[]') AS inspectors,
         coalesce((SELECT json_agg(json_build_object('itemKey', f.item_key, 'result', f.result, 'note', f.note) ORDER BY f.item_key)
                   FROM inspection_findings f WHERE f.inspection_id = i.id), '[]') AS findings,
         coalesce((SELECT json_agg(json_build_object('id', ph.id, 'itemKey', ph.item_key, 'contentType', ph.content_type,
                    'byteSize', ph.byte_size, 'uploadedAt', ph.uploaded_at) ORDER BY ph.item_key, ph.uploaded_at)
                   FROM finding_photos ph WHERE ph.inspection_id = i.id), '[]') AS photos,
         (SELECT t.items FROM checklist_templates t WHERE t.id = i.checklist_template_id) AS checklist,
         (SELECT s.id FROM sanction_cases s WHERE s.inspection_ids @> ARRAY[i.id] ORDER BY s.proposed_at DESC LIMIT 1) AS "sanctionCaseId"
  FROM inspections i JOIN premises p ON p.id = i.premises_id`;

/**
 * Inspections (tillsyn) of licensed premises: scheduling without double bookings, findings per
 * checklist item, the status path, the holder's response deadline, re-inspections, and the
 * promise activity each performed inspection adds.
 */
@Injectable()
export class InspectionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly premises: PremisesService,
    private readonly templates: ChecklistTemplatesService,
    private readonly activities: ActivitiesService,
    private readonly deadlines: DeadlinesService,
    private readonly sanctions: SanctionsService,
    private readonly members: MembersDirectory,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal, query: InspectionListQuery): Promise<Page<InspectionListItemView>> {
    const scope = scopeCondition(principal, 'inspection:read', INSPECTION_COLUMNS, this.clock.now());
    const qb = this.dataSource.createQueryBuilder().from('inspections', 'i').where(scope.sql, scope.params);
    if (query.premisesId) qb.andWhere('i.premises_id = :premisesId', { premisesId: query.premisesId });
    if (query.status) qb.andWhere('i.status = :status', { status: query.status });
    if (query.type) qb.andWhere('i.type = :type', { type: query.type });
    if (query.from) qb.andWhere('i.planned_start >= :from', { from: query.from });
    if (query.to) qb.andWhere('i.planned_start < :to', { to: query.to });
    if (query.inspectorId) {
      qb.andWhere('EXISTS (SELECT 1 FROM inspection_inspectors x WHERE x.inspection_id = i.id AND x.user_id = :inspector)', { inspector: query.inspectorId });
    }
    return pageOf(this.dataSource, qb, { alias: 'i', orderBy: [['i.planned_start', 'DESC']], select: SELECT_INSPECTIONS }, query);
  }

  async get(principal: Principal, id: string): Promise<InspectionView> {
    const row = await this.find(id);
    await this.access.authorize(principal, 'inspection', 'read', { id, collaborationId: row.collaborationId, organisationId: row.ownerOrganisationId });
    return row;
  }

  /**
   * Who may be booked on the collaboration's inspections: the active holders of a role that may
   * perform inspections (licensing officers, police), in its municipality and its police.
   */
  async inspectors(principal: Principal, collaborationId: string): Promise<InspectorView[]> {
    const municipality = await this.premises.municipalityOf(collaborationId);
    await this.access.assertAllowed(principal, 'inspection:plan', { id: collaborationId, collaborationId, organisationId: municipality });
    const [{ police }] = await this.dataSource.query<{ police: string }[]>('SELECT police_organisation_id AS police FROM collaborations WHERE id = $1', [
      collaborationId,
    ]);
    return this.members.people({ organisationIds: [municipality, police], roles: INSPECTOR_ROLES });
  }

  /**
   * Books an inspection. Refuses (409, naming the clash) an inspector already booked at an
   * overlapping time; a coordinated inspection needs a police and a municipal inspector.
   * Police inspectors get access to this inspection and its premises (per-record grants).
   */
  async schedule(principal: Principal, request: ScheduleInspectionRequest, previousInspectionId?: string): Promise<InspectionView> {
    const premises = await this.premises.get(principal, request.premisesId);
    const ownership = { id: request.premisesId, collaborationId: premises.collaborationId, organisationId: premises.ownerOrganisationId };
    await this.access.assertAllowed(principal, 'inspection:plan', ownership);
    const start = new Date(request.plannedStart);
    const end = new Date(request.plannedEnd);
    const timeErrors = bookingTimeErrors(start, end);
    if (timeErrors.length > 0) throw new ValidationProblem(timeErrors);
    const inspectorIds = [...new Set(request.inspectorIds)];
    const people = await this.dataSource.query<{ id: string; kind: string; active: boolean }[]>(
      `SELECT u.id, o.kind, u.is_active AS active FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.id = ANY($1::uuid[])`,
      [inspectorIds],
    );
    const errors = inspectorErrors(request.type, inspectorIds, people);
    if (errors.length > 0) throw new ValidationProblem(errors);
    if (request.licenceId) {
      const [licence] = await this.dataSource.query('SELECT 1 FROM licences WHERE id = $1 AND premises_id = $2', [request.licenceId, request.premisesId]);
      if (!licence) throw invalidField('licenceId', 'inspection.licence_not_of_premises');
    }
    if (request.tipId) {
      // The tip is about premises the caller may plan at (checked above): only a tip of the same premises.
      const [tip] = await this.dataSource.query<{ premises_id: string }[]>('SELECT premises_id FROM premises_tips WHERE id = $1', [request.tipId]);
      const tipErrors = bookingTipErrors(request.premisesId, tip?.premises_id ?? null);
      if (tipErrors.length > 0) throw new ValidationProblem(tipErrors);
    }
    // An inspector's clash is named first (it is what the booker changes most often), then the premises'.
    await this.assertFree(inspectorIds, start, end);
    await this.assertPremisesFree(request.premisesId, start, end);
    const id = await this.dataSource
      .transaction(async (manager) => {
        const templateId = await this.templates.current(manager, premises.ownerOrganisationId);
        const [row] = await manager.query<{ id: string }[]>(
          `INSERT INTO inspections (premises_id, licence_id, collaboration_id, owner_organisation_id, type, planned_start, planned_end,
           previous_inspection_id, checklist_template_id, created_by, tip_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
          [
            request.premisesId,
            request.licenceId ?? null,
            premises.collaborationId,
            premises.ownerOrganisationId,
            request.type,
            start,
            end,
            previousInspectionId ?? null,
            templateId,
            principal.userId,
            request.tipId ?? null,
          ],
        );
        try {
          for (const inspectorId of inspectorIds) {
            await manager.query(`INSERT INTO inspection_inspectors (inspection_id, user_id, during) VALUES ($1, $2, tstzrange($3, $4))`, [
              row.id,
              inspectorId,
              start,
              end,
            ]);
          }
        } catch (error) {
          // Another booking slipped in between the check and this insert: the constraint refuses it.
          if ((error as { code?: string }).code === '23P01') throw new ProblemException('inspection.booked_meanwhile');
          throw error;
        }
        for (const police of people.filter((p) => p.kind === 'police')) {
          for (const [resourceType, resourceId, actions] of [
            ['inspection', row.id, ['read', 'perform']],
            ['premises', request.premisesId, ['read']],
          ] as const) {
            await this.access.grant(
              principal,
              {
                resourceType,
                resourceId,
                granteeType: 'user',
                granteeId: police.id,
                effect: 'grant',
                actions: [...actions],
                reason: `Inspektör vid tillsyn ${formatDay(stockholmDate(start))}`,
                validUntil: null,
              },
              manager,
            );
          }
        }
        await this.audit.record(
          {
            action: 'inspection.schedule',
            resourceType: 'inspection',
            resourceId: row.id,
            subjectOrganisationId: premises.ownerOrganisationId,
            details: request.tipId ? { tipId: request.tipId } : undefined,
          },
          manager,
        );
        return row.id;
      })
      .catch(async (error: unknown) => {
        // Another inspection of the premises was booked between the check and the insert: the
        // exclusion constraint refuses it, and the refusal names that inspection like the check does.
        if ((error as { constraint?: string }).constraint === PREMISES_CLASH_CONSTRAINT) {
          await this.assertPremisesFree(request.premisesId, start, end);
          throw new ProblemException('inspection.booked_meanwhile');
        }
        throw error;
      });
    return this.find(id);
  }

  /** One action: a follow-up inspection of the same premises, linked to this one. */
  async reinspect(principal: Principal, id: string, request: Omit<ScheduleInspectionRequest, 'premisesId' | 'licenceId' | 'tipId'>): Promise<InspectionView> {
    const earlier = await this.get(principal, id);
    return this.schedule(principal, { ...request, premisesId: earlier.premisesId, licenceId: earlier.licenceId ?? undefined }, id);
  }

  /**
   * The inspection, if the principal may record findings (and photos) on it now: only while it is
   * planned or performed — once the report has gone to the holder the protocol is fixed.
   */
  async openForFindings(principal: Principal, id: string): Promise<InspectionView> {
    const row = await this.get(principal, id);
    await this.access.assertAllowed(principal, 'inspection:perform', { id, collaborationId: row.collaborationId, organisationId: row.ownerOrganisationId });
    if (!isOpenForFindings(row.status)) throw new ProblemException('inspection.closed_for_findings', { status: row.status });
    return row;
  }

  async recordFindings(principal: Principal, id: string, findings: FindingInput[]): Promise<InspectionView> {
    const row = await this.openForFindings(principal, id);
    const errors = findingErrors(row.checklist, findings);
    if (errors.length > 0) throw new ValidationProblem(errors);
    await this.dataSource.transaction(async (manager) => {
      for (const f of findings) {
        await manager.query(
          `INSERT INTO inspection_findings (inspection_id, item_key, result, note) VALUES ($1, $2, $3, $4)
           ON CONFLICT (inspection_id, item_key) DO UPDATE SET result = EXCLUDED.result, note = EXCLUDED.note`,
          [id, f.itemKey, f.result, f.note ?? ''],
        );
      }
      await this.audit.record(
        { action: 'inspection.findings', resourceType: 'inspection', resourceId: id, changedFields: findings.map((f) => f.itemKey) },
        manager,
      );
    });
    return this.find(id);
  }

  /** Moves an inspection along its path (see INSPECTION_TRANSITIONS), with the side effects of each step. */
  async transition(principal: Principal, id: string, version: number, request: TransitionRequest): Promise<InspectionView> {
    const row = await this.get(principal, id);
    await this.access.assertAllowed(principal, transitionPermission(request.to), {
      id,
      collaborationId: row.collaborationId,
      organisationId: row.ownerOrganisationId,
    });
    const errors = transitionErrors(row.status, request.to, request.reason);
    if (errors.length > 0) throw new ValidationProblem(errors);
    const sanctionLicenceId = opensSanctionCase(request.to) ? await this.licenceToSanction(row) : null;
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.query<unknown[]>(
        `UPDATE inspections SET status = $3, status_reason = coalesce($4, status_reason),
           performed_at = CASE WHEN $3 = 'performed' THEN $5 ELSE performed_at END,
           attempted_at = CASE WHEN $3 = 'attempted' THEN $5 ELSE attempted_at END,
           report_sent_at = CASE WHEN $3 = 'report_sent' THEN $5 ELSE report_sent_at END,
           response_received_at = CASE WHEN $3 = 'response_received' THEN $5 ELSE response_received_at END,
           version = version + 1
         WHERE id = $1 AND version = $2`,
        [id, version, request.to, request.reason ?? null, now],
      );
      assertVersionMatched(updated, row.version);
      // Bookings block calendars only while the inspection is planned.
      await manager.query('UPDATE inspection_inspectors SET active = false WHERE inspection_id = $1', [id]);
      if (countsAsPerformed(request.to)) {
        // Every performed inspection counts toward the promise's commitment on inspections (#4).
        await this.activities.recordForKind(
          {
            collaborationId: row.collaborationId,
            kind: 'licensed_premises_inspection',
            occurredOn: stockholmDate(row.plannedStart),
            place: row.premisesName,
            source: 'inspection',
            sourceId: id,
            ownerOrganisationId: row.ownerOrganisationId,
            metrics: { premises_visited: 1, remarks: await this.remarks(manager, id) },
            participatingOrganisationIds: [],
          },
          manager,
        );
      }
      if (opensHolderResponse(request.to)) {
        // The deadline's reminders are scheduled once the transaction commits (DeadlinesService).
        await this.deadlines.upsert(manager, {
          kind: HOLDER_RESPONSE_DEADLINE,
          resourceType: 'inspection',
          resourceId: id,
          title: `Yttrande från tillståndshavaren – ${row.premisesName}`,
          dueOn: holderResponseDueOn(now),
          responsibleUserId: row.createdBy ?? null,
          responsibleOrganisationId: row.ownerOrganisationId,
        });
      }
      if (sanctionLicenceId) {
        await this.sanctions.openForEscalation(manager, {
          licenceId: sanctionLicenceId,
          collaborationId: row.collaborationId,
          ownerOrganisationId: row.ownerOrganisationId,
          inspectionId: id,
          grounds: escalationGrounds(row, request.reason),
          proposedBy: principal.userId,
        });
      }
      const responseClosing = holderResponseClosing(request.to);
      if (responseClosing) await this.deadlines.close(manager, HOLDER_RESPONSE_DEADLINE, 'inspection', id, responseClosing);
      await this.audit.record(
        { action: `inspection.${request.to}`, resourceType: 'inspection', resourceId: id, details: { from: row.status, to: request.to } },
        manager,
      );
    });
    return this.find(id);
  }

  /** The report to the licence holder, generated from the protocol (printable HTML). */
  async reportHtml(principal: Principal, id: string): Promise<string> {
    await this.get(principal, id);
    const facts = await loadReportFacts(this.dataSource, id);
    if (!facts) throw new NotFoundException(`No inspection with id ${id}.`);
    await this.audit.record({ action: 'inspection.report_export', resourceType: 'inspection', resourceId: id });
    return inspectionReportHtml(facts);
  }

  /** The licence a sanction case about this inspection concerns (see escalationLicence). */
  private async licenceToSanction(row: InspectionView): Promise<string> {
    const active = await this.dataSource.query<{ id: string }[]>(`SELECT id FROM licences WHERE premises_id = $1 AND status = 'active'`, [row.premisesId]);
    const licenceId = escalationLicence(
      row.licenceId,
      active.map((l) => l.id),
    );
    if (!licenceId) throw invalidField('to', 'inspection.escalation_needs_licence');
    return licenceId;
  }

  /** Refuses (409, naming the other inspection and its time) a booking that overlaps another inspection of the premises (premisesClash). */
  private async assertPremisesFree(premisesId: string, start: Date, end: Date): Promise<void> {
    const others = await this.dataSource.query<{ id: string; premises: string; status: InspectionStatus; plannedStart: Date; plannedEnd: Date }[]>(
      `SELECT i.id, p.name AS premises, i.status, i.planned_start AS "plannedStart", i.planned_end AS "plannedEnd"
       FROM inspections i JOIN premises p ON p.id = i.premises_id
       WHERE i.premises_id = $1 AND i.status <> 'cancelled' AND tstzrange(i.planned_start, i.planned_end) && tstzrange($2, $3)
       ORDER BY i.planned_start LIMIT 5`,
      [premisesId, start, end],
    );
    const clash = premisesClash(start, end, others);
    if (clash) {
      throw new ProblemException(
        'inspection.premises_clash',
        { premises: clash.premises, start: clash.plannedStart.toISOString(), end: clash.plannedEnd.toISOString() },
        { conflictingInspectionId: clash.id },
      );
    }
  }

  private async assertFree(inspectorIds: string[], start: Date, end: Date): Promise<void> {
    const [clash] = await this.dataSource.query<{ inspection_id: string; premises: string; display_name: string; planned_start: Date; planned_end: Date }[]>(
      `SELECT ii.inspection_id, p.name AS premises, u.display_name, i.planned_start, i.planned_end
       FROM inspection_inspectors ii JOIN inspections i ON i.id = ii.inspection_id JOIN premises p ON p.id = i.premises_id
       JOIN users u ON u.id = ii.user_id
       WHERE ii.active AND ii.user_id = ANY($1::uuid[]) AND ii.during && tstzrange($2, $3) LIMIT 1`,
      [inspectorIds, start, end],
    );
    if (clash) {
      throw new ProblemException(
        'inspection.inspector_booked',
        { inspector: clash.display_name, premises: clash.premises, start: clash.planned_start.toISOString(), end: clash.planned_end.toISOString() },
        { conflictingInspectionId: clash.inspection_id },
      );
    }
  }

  private async remarks(manager: EntityManager, id: string): Promise<number> {
    const [{ n }] = await manager.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM inspection_findings WHERE inspection_id = $1 AND result = 'remark'`, [
      id,
    ]);
    return n;
  }

  private async find(id: string): Promise<InspectionView> {
    const [row] = await this.dataSource.query<InspectionListItemView[]>(`${SELECT_INSPECTIONS} WHERE i.id = $1`, [id]);
    if (!row) throw new NotFoundException(`No inspection with id ${id}.`);
    return { ...row, nextStatuses: INSPECTION_TRANSITIONS[row.status] };
  }
}
