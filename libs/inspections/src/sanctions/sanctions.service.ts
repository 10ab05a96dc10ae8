import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, type OwnershipColumns, type Principal, scopeCondition } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { DeadlinesService } from '@samverkan/deadlines';
import { assertVersionMatched, Clock, type Page, pageOf, ProblemException, stockholmDate, ValidationProblem } from '@samverkan/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { LicencesService } from '../licensing/licences.service.js';
import { HOLDER_RESPONSE_DEADLINE } from '../inspections/inspection-rules.js';
import {
  type ConsideredSanction,
  consideredSanctionErrors,
  decisionErrors,
  DEFAULT_APPEAL_INFORMATION,
  hearingErrors,
  hearingResponseDueOn,
  isDecided,
  proposalErrors,
  responseErrors,
  revokesLicence,
  sanctionStage,
} from './sanction-rules.js';
import type { DecisionRequest, HearingRequest, HearingResponseRequest, SanctionCaseView, SanctionListQuery } from './sanctions.dto.js';

const SELECT = `SELECT s.id, s.licence_id AS "licenceId", l.premises_id AS "premisesId", p.name AS "premisesName", h.name AS "holderName",
  s.collaboration_id AS "collaborationId",
  s.owner_organisation_id AS "ownerOrganisationId", s.inspection_ids AS "inspectionIds", s.grounds, s.considered_sanction AS "consideredSanction", s.proposed_by AS "proposedBy",
  (SELECT u.display_name FROM users u WHERE u.id = s.proposed_by) AS "proposedByName",
  s.proposed_at AS "proposedAt", to_char(s.heard_on, 'YYYY-MM-DD') AS "heardOn", to_char(s.response_due_on, 'YYYY-MM-DD') AS "responseDueOn",
  to_char(s.response_received_on, 'YYYY-MM-DD') AS "responseReceivedOn", s.response, s.decision, s.decision_reasons AS "decisionReasons",
  s.appeal_information AS "appealInformation", s.decided_by AS "decidedBy",
  (SELECT u.display_name FROM users u WHERE u.id = s.decided_by) AS "decidedByName", to_char(s.decided_on, 'YYYY-MM-DD') AS "decidedOn", s.version
  FROM sanction_cases s JOIN licences l ON l.id = s.licence_id JOIN premises p ON p.id = l.premises_id JOIN licence_holders h ON h.id = l.holder_id`;

// A sanction case is seen with its licence's premises: grants on the premises (e.g. to a police inspector) cover it.
const SANCTION_COLUMNS: OwnershipColumns = { id: 'l.premises_id', collaborationId: 's.collaboration_id', organisationId: 's.owner_organisation_id' };

/**
 * Sanction cases (AL 9 kap 17–18 §). The police may propose; only the municipality's licensing
 * officer decides, and only after the holder has been heard (kommunicering). Återkallelse revokes
 * the licence.
 */
@Injectable()
export class SanctionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly licences: LicencesService,
    private readonly deadlines: DeadlinesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async propose(
    principal: Principal,
    input: { licenceId: string; grounds: string; inspectionIds?: string[]; consideredSanction?: ConsideredSanction },
  ): Promise<SanctionCaseView> {
    const licence = await this.licences.get(principal, input.licenceId);
    const inspectionIds = [...new Set(input.inspectionIds ?? [])];
    if (inspectionIds.length > 0) {
      const [{ n }] = await this.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM inspections WHERE id = ANY($1::uuid[]) AND premises_id = $2`,
        [inspectionIds, licence.premisesId],
      );
      const errors = proposalErrors(inspectionIds, n);
      if (errors.length > 0) throw new ValidationProblem(errors);
    }
    const id = await this.dataSource.transaction((manager) =>
      this.open(manager, {
        licenceId: input.licenceId,
        collaborationId: licence.collaborationId,
        ownerOrganisationId: licence.ownerOrganisationId,
        inspectionIds,
        grounds: input.grounds.trim(),
        consideredSanction: input.consideredSanction ?? null,
        proposedBy: principal.userId,
      }),
    );
    return this.find(id);
  }

  /**
   * An escalated inspection opens a sanction case on the licence at once, linked to the inspection,
   * in the caller's transaction (the caller has checked the escalation is allowed). The licensing
   * officer then hears the holder and decides.
   */
  openForEscalation(
    manager: EntityManager,
    input: { licenceId: string; collaborationId: string; ownerOrganisationId: string; inspectionId: string; grounds: string; proposedBy: string },
  ): Promise<string> {
    const { inspectionId, ...rest } = input;
    return this.open(manager, { ...rest, inspectionIds: [inspectionId], consideredSanction: null }, { escalatedFrom: inspectionId });
  }

  /** Opens a sanction case (proposed, not yet heard or decided) in the caller's transaction. */
  private async open(
    manager: EntityManager,
    c: {
      licenceId: string;
      collaborationId: string;
      ownerOrganisationId: string;
      inspectionIds: string[];
      grounds: string;
      consideredSanction: ConsideredSanction | null;
      proposedBy: string;
    },
    details?: Record<string, unknown>,
  ): Promise<string> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO sanction_cases (licence_id, collaboration_id, owner_organisation_id, inspection_ids, grounds, considered_sanction, proposed_by, proposed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [c.licenceId, c.collaborationId, c.ownerOrganisationId, c.inspectionIds, c.grounds, c.consideredSanction, c.proposedBy, this.clock.now()],
    );
    await this.audit.record(
      {
        action: 'sanction.propose',
        resourceType: 'sanction_case',
        resourceId: row.id,
        subjectOrganisationId: c.ownerOrganisationId,
        details: { ...details, consideredSanction: c.consideredSanction },
      },
      manager,
    );
    return row.id;
  }

  /** Sanction cases the principal may see (of one licence, or open/decided ones), newest first. */
  async list(principal: Principal, query: SanctionListQuery): Promise<Page<SanctionCaseView>> {
    if (query.licenceId) await this.licences.get(principal, query.licenceId);
    const scope = scopeCondition(principal, 'premises:read', SANCTION_COLUMNS, this.clock.now());
    const qb = this.dataSource
      .createQueryBuilder()
      .from('sanction_cases', 's')
      .innerJoin('licences', 'l', 'l.id = s.licence_id')
      .where(scope.sql, scope.params);
    if (query.licenceId) qb.andWhere('s.licence_id = :licenceId', { licenceId: query.licenceId });
    if (query.state) qb.andWhere(query.state === 'open' ? 's.decision IS NULL' : 's.decision IS NOT NULL');
    const page = await pageOf<SanctionCaseView>(this.dataSource, qb, { alias: 's', orderBy: [['s.proposed_at', 'DESC']], select: SELECT }, query);
    return { ...page, items: page.items.map((c) => this.withStage(c)) };
  }

  async get(principal: Principal, id: string): Promise<SanctionCaseView> {
    const row = await this.find(id);
    await this.licences.get(principal, row.licenceId);
    return row;
  }

  /** Names or changes the sanction the case considers, before the hearing tells the holder of it. */
  async nameConsideredSanction(principal: Principal, id: string, version: number, consideredSanction: ConsideredSanction): Promise<SanctionCaseView> {
    const row = await this.decidable(principal, id);
    if (isDecided(row)) throw new ProblemException('sanction.decided');
    const errors = consideredSanctionErrors(row);
    if (errors.length > 0) throw new ValidationProblem(errors);
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.query<unknown[]>(
        'UPDATE sanction_cases SET considered_sanction = $3, version = version + 1 WHERE id = $1 AND version = $2',
        [id, version, consideredSanction],
      );
      assertVersionMatched(updated, row.version);
      await this.audit.record(
        {
          action: 'sanction.considered',
          resourceType: 'sanction_case',
          resourceId: id,
          subjectOrganisationId: row.ownerOrganisationId,
          details: { consideredSanction },
        },
        manager,
      );
    });
    return this.find(id);
  }

  /**
   * Sends the hearing (kommunicering, FL 25 §): the day the material went to the holder and the last
   * day to answer (default HEARING_RESPONSE_DAYS later), a deadline with reminders to the officer.
   */
  async recordHearing(principal: Principal, id: string, version: number, input: HearingRequest): Promise<SanctionCaseView> {
    const row = await this.decidable(principal, id);
    if (isDecided(row)) throw new ProblemException('sanction.decided');
    const errors = hearingErrors(input.heardOn, stockholmDate(this.clock.now()), input.responseDueOn, row.responseReceivedOn);
    if (errors.length > 0) throw new ValidationProblem(errors);
    const dueOn = hearingResponseDueOn(input.heardOn, input.responseDueOn);
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.query<unknown[]>(
        'UPDATE sanction_cases SET heard_on = $3, response_due_on = $4, version = version + 1 WHERE id = $1 AND version = $2',
        [id, version, input.heardOn, dueOn],
      );
      assertVersionMatched(updated, row.version);
      // Until the answer is in, the deadline reminds the officer (same reminder rules as an inspection report's answer).
      if (!row.responseReceivedOn) {
        await this.deadlines.upsert(manager, {
          kind: HOLDER_RESPONSE_DEADLINE,
          resourceType: 'sanction_case',
          resourceId: id,
          title: `Svar på kommunicering – ${row.premisesName}`,
          dueOn,
          responsibleUserId: principal.userId,
          responsibleOrganisationId: row.ownerOrganisationId,
        });
      }
      await this.audit.record(
        {
          action: 'sanction.hearing',
          resourceType: 'sanction_case',
          resourceId: id,
          subjectOrganisationId: row.ownerOrganisationId,
          details: { heardOn: input.heardOn, responseDueOn: dueOn },
        },
        manager,
      );
    });
    return this.find(id);
  }

  /** Records the holder's answer to the hearing; the answer's deadline is met. */
  async recordResponse(principal: Principal, id: string, version: number, input: HearingResponseRequest): Promise<SanctionCaseView> {
    const row = await this.decidable(principal, id);
    if (isDecided(row)) throw new ProblemException('sanction.decided');
    const errors = responseErrors(row, input.receivedOn, stockholmDate(this.clock.now()));
    if (errors.length > 0) throw new ValidationProblem(errors);
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.query<unknown[]>(
        'UPDATE sanction_cases SET response_received_on = $3, response = $4, version = version + 1 WHERE id = $1 AND version = $2',
        [id, version, input.receivedOn, input.response.trim()],
      );
      assertVersionMatched(updated, row.version);
      await this.deadlines.close(manager, HOLDER_RESPONSE_DEADLINE, 'sanction_case', id, 'met');
      await this.audit.record(
        {
          action: 'sanction.hearing_response',
          resourceType: 'sanction_case',
          resourceId: id,
          subjectOrganisationId: row.ownerOrganisationId,
          details: { receivedOn: input.receivedOn },
        },
        manager,
      );
    });
    return this.find(id);
  }

  async decide(principal: Principal, id: string, version: number, input: DecisionRequest): Promise<SanctionCaseView> {
    const row = await this.decidable(principal, id);
    if (isDecided(row)) throw new ProblemException('sanction.decided');
    const decidedOn = input.decidedOn ?? stockholmDate(this.clock.now());
    const errors = decisionErrors(row, input.decision, decidedOn, stockholmDate(this.clock.now()));
    if (errors.length > 0) throw new ValidationProblem(errors);
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.query<unknown[]>(
        `UPDATE sanction_cases SET decision = $3, decision_reasons = $4, appeal_information = $5, decided_by = $6, decided_on = $7,
           version = version + 1 WHERE id = $1 AND version = $2`,
        [id, version, input.decision, input.reasons.trim(), input.appealInformation ?? DEFAULT_APPEAL_INFORMATION, principal.userId, decidedOn],
      );
      assertVersionMatched(updated, row.version);
      if (revokesLicence(input.decision)) await this.licences.revokeBySanction(manager, row.licenceId);
      // Decided without an answer after the deadline passed: nothing more to wait for.
      await this.deadlines.close(manager, HOLDER_RESPONSE_DEADLINE, 'sanction_case', id, 'cancelled');
      await this.audit.record(
        {
          action: 'sanction.decide',
          resourceType: 'sanction_case',
          resourceId: id,
          subjectOrganisationId: row.ownerOrganisationId,
          details: { decision: input.decision },
        },
        manager,
      );
    });
    return this.find(id);
  }

  /** Only those who may decide (the municipality's licensing officers) record hearings and decisions. */
  private async decidable(principal: Principal, id: string): Promise<SanctionCaseView> {
    const row = await this.get(principal, id);
    await this.access.assertAllowed(principal, 'sanction:decide', { id, collaborationId: row.collaborationId, organisationId: row.ownerOrganisationId });
    return row;
  }

  private async find(id: string): Promise<SanctionCaseView> {
    const [row] = await this.dataSource.query<SanctionCaseView[]>(`${SELECT} WHERE s.id = $1`, [id]);
    if (!row) throw new NotFoundException(`No sanction case with id ${id}.`);
    return this.withStage(row);
  }

  private withStage(row: Omit<SanctionCaseView, 'stage'>): SanctionCaseView {
    return { ...row, stage: sanctionStage(row, stockholmDate(this.clock.now())) };
  }
}
