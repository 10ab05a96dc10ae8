import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, type Principal, scopeCondition, scopesFor } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { MembersDirectory } from '@samverkan/identity';
import { DeadlinesService } from '@samverkan/deadlines';
import { Notifier } from '@samverkan/notifications';
import {
  affectedRows,
  assertVersionMatched,
  Clock,
  type FieldError,
  fieldError,
  invalidField,
  type Page,
  pageOf,
  ProblemException,
  stockholmDate,
  ValidationProblem,
} from '@samverkan/platform';
import type { DataSource, EntityManager } from 'typeorm';
import type { CaseListQuery, CaseUpdateInput, NewCaseInput, ReportOfConcernInput, TransitionInput } from './youth.dto.js';
import { CASE_COLUMNS, type CaseAccess, type CaseRecord, SELECT_CASE, YouthCaseAccess } from './youth-case-access.js';
import { caseDeadlineResources, caseReference, PRELIMINARY_ASSESSMENT_DEADLINE, REVIEW_DEADLINE } from './youth-deadlines.js';
import { YouthStaff } from './youth-staff.js';
import { type SealedSubject, YouthSubjectsService } from './youth-subjects.service.js';
import type {
  YouthCaseListItemView,
  YouthCaseView,
  YouthConcernReceiptView,
  YouthParticipantView,
  YouthRiskFactorView,
  YouthSubjectView,
} from './youth.views.js';
import {
  awaitsPreliminaryAssessment,
  CASE_TRANSITIONS,
  CASE_WORKER_ROLES,
  duplicateDecision,
  type ExistingCase,
  initialStatus,
  PRELIMINARY_ASSESSMENT_DAYS,
  preliminaryAssessmentDueOn,
  caseFormErrors,
  caseTransitionErrors,
  defaultRetentionClass,
  INFORMATION_CATEGORIES,
  type InformationCategory,
  needsConsentToEnter,
  purgeOn,
  RISK_FACTORS,
  type RiskFactor,
} from './youth-rules.js';

const SELECT_LIST = `SELECT c.id, c.form, c.status, to_char(c.review_on, 'YYYY-MM-DD') AS "reviewOn",
  c.owner_organisation_id AS "ownerOrganisationId", o.name AS "ownerOrganisationName", c.coordinator_user_id AS "coordinatorUserId",
  CASE WHEN c.status = 'concern_raised' THEN to_char(coalesce(
      (SELECT d.due_on FROM deadlines d WHERE d.kind = '${PRELIMINARY_ASSESSMENT_DEADLINE}' AND d.resource_type = 'youth_case' AND d.resource_id = c.id),
      -- a report received before its deadline was registered (#17): 14 days from receipt
      (c.created_at AT TIME ZONE 'Europe/Stockholm')::date + ${PRELIMINARY_ASSESSMENT_DAYS}), 'YYYY-MM-DD') END AS "assessmentDueOn",
  u.display_name AS "coordinatorName", c.created_at AS "openedAt", c.updated_at AS "updatedAt", c.version,
  s.id AS subject_id, s.owner_organisation_id AS subject_owner, s.key_id, s.pin_sealed, s.name_sealed,
  to_char(s.birth_date, 'YYYY-MM-DD') AS birth_date, s.coordination_number
  FROM youth_cases c JOIN organisations o ON o.id = c.owner_organisation_id
  LEFT JOIN youth_subjects s ON s.id = c.subject_id LEFT JOIN users u ON u.id = c.coordinator_user_id`;

/** One case as its view needs it: the gate's columns, the names, the subject still sealed, the participants. */
const SELECT_CASE_VIEW = SELECT_CASE.replace(
  ' FROM youth_cases c',
  `, o.name AS organisation, un.name AS unit, u.display_name AS coordinator, c.duplicate_reason,
  s.owner_organisation_id AS subject_owner, s.key_id, s.pin_sealed, s.name_sealed, to_char(s.birth_date, 'YYYY-MM-DD') AS birth_date, s.coordination_number,
  coalesce((SELECT json_agg(json_build_object('userId', p.user_id, 'displayName', pu.display_name, 'organisation', po.name, 'role', p.role)
      ORDER BY p.role, pu.display_name)
    FROM youth_case_participants p JOIN users pu ON pu.id = p.user_id JOIN organisations po ON po.id = pu.organisation_id WHERE p.case_id = c.id), '[]') AS participants
  FROM youth_cases c JOIN organisations o ON o.id = c.owner_organisation_id JOIN units un ON un.id = c.owner_unit_id
  LEFT JOIN users u ON u.id = c.coordinator_user_id LEFT JOIN youth_subjects s ON s.id = c.subject_id`,
);

interface CaseViewRow extends CaseRecord {
  organisation: string;
  unit: string;
  coordinator: string | null;
  duplicate_reason: string | null;
  subject_owner: string | null;
  key_id: string | null;
  pin_sealed: Buffer | null;
  name_sealed: Buffer | null;
  birth_date: string | null;
  coordination_number: boolean | null;
  participants: YouthParticipantView[];
}

/** A row of the list: the case's columns, and its subject still sealed (viewed, masked, per row). */
interface ListRow extends Omit<YouthCaseListItemView, 'reference' | 'subject'> {
  subject_id: string | null;
  subject_owner: string;
  key_id: string;
  pin_sealed: Buffer;
  name_sealed: Buffer;
  birth_date: string;
  coordination_number: boolean;
}

/**
 * Youth cases (SSPF, SIG, reports of concern): opening, the status flow, participants, and the
 * view each reader is allowed — owners see the case, others only what a consent or disclosure
 * covers. Every read is an audit event, list views included.
 */
@Injectable()
export class YouthCasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly gate: YouthCaseAccess,
    private readonly subjects: YouthSubjectsService,
    private readonly deadlines: DeadlinesService,
    private readonly notifier: Notifier,
    private readonly members: MembersDirectory,
    private readonly staff: YouthStaff,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal, query: CaseListQuery): Promise<Page<YouthCaseListItemView>> {
    const scope = scopeCondition(principal, 'youth_case:read', CASE_COLUMNS, this.clock.now());
    const qb = this.dataSource.createQueryBuilder().from('youth_cases', 'c').where(scope.sql, scope.params);
    qb.andWhere(query.status ? 'c.status = :status' : "c.status <> 'purged'", { status: query.status });
    if (query.form) qb.andWhere('c.form = :form', { form: query.form });
    if (query.coordinatorId) qb.andWhere('c.coordinator_user_id = :coordinator', { coordinator: query.coordinatorId });
    if (query.reviewBefore) qb.andWhere('c.review_on < :reviewBefore', { reviewBefore: query.reviewBefore });
    // Reports of concern waiting for their förhandsbedömning (SoL 11 kap 1 a §): the oldest, most urgent, first.
    if (query.unassessed) qb.andWhere("c.status = 'concern_raised'");
    if (query.unassigned) qb.andWhere("c.coordinator_user_id IS NULL AND c.status NOT IN ('closed', 'purged')");
    const orderBy: [string, 'ASC' | 'DESC'][] = query.unassessed ? [['c.created_at', 'ASC']] : [['c.updated_at', 'DESC']];
    const page = await pageOf<ListRow>(this.dataSource, qb, { alias: 'c', orderBy, select: SELECT_LIST }, query);
    // One audit event for the page: who saw which cases listed (names and masked numbers).
    await this.audit.record({ action: 'youth_case.list', resourceType: 'youth_case', details: { caseIds: page.items.map((r) => r.id) } });
    return {
      ...page,
      items: page.items.map(({ subject_id, subject_owner, key_id, pin_sealed, name_sealed, birth_date, coordination_number, ...rest }) => ({
        ...rest,
        reference: caseReference(rest.id),
        subject: subject_id
          ? this.subjects.view({ id: subject_id, owner_organisation_id: subject_owner, key_id, pin_sealed, name_sealed, birth_date, coordination_number })
          : null,
      })),
    };
  }

  /**
   * Opens a case about a registered young person in the principal's social services unit, in the
   * first status of its form (`initialStatus`). A second open case of the same form for the same
   * person is refused with a link to the one the user may read, unless they give a reason; one they
   * may not read is never hinted at — its owners are told instead (`duplicateDecision`).
   */
  async create(principal: Principal, input: NewCaseInput): Promise<YouthCaseView> {
    const unit = this.workingUnit(principal, input.unitId);
    const subject = await this.subjects.forNewCase(principal, input.subjectId);
    const errors: FieldError[] = [];
    if (subject.owner_organisation_id !== unit.organisationId) errors.push(fieldError('subjectId', 'youth_case.subject_elsewhere'));
    errors.push(...caseFormErrors(input.form, subject.birth_date, stockholmDate(this.clock.now())));
    errors.push(...riskFactorErrors(input.riskFactors ?? []));
    const collaborationId = await this.collaborationOf(unit.organisationId, input.collaborationId, errors);
    const coordinatorId = input.coordinatorUserId ?? principal.userId;
    errors.push(...(await this.coordinatorErrors(coordinatorId, unit.unitId, unit.organisationId)));
    if (errors.length > 0) throw new ValidationProblem(errors);
    const decision = duplicateDecision(await this.openCasesOf(principal, input.subjectId, input.form), input.duplicateReason);
    if (decision.refuse) throw new ProblemException('youth_case.duplicate_open', { caseId: decision.caseId, caseNumber: caseReference(decision.caseId) });
    // The reason is kept only where it confirms a duplicate the user saw: nothing records a hidden one on the new case.
    const duplicateReason = decision.confirmedCaseIds.length > 0 ? input.duplicateReason!.trim() : null;
    const status = initialStatus(input.form, 'social_services');
    const id = await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO youth_cases (subject_id, form, collaboration_id, owner_organisation_id, owner_unit_id, coordinator_user_id, status,
           risk_factors, review_on, retention_class, created_by, duplicate_reason)
         VALUES ($1, $2, $3, $4, $5, $6, $11, $7, $8, $9, $10, $12) RETURNING id`,
        [
          input.subjectId,
          input.form,
          collaborationId,
          unit.organisationId,
          unit.unitId,
          coordinatorId,
          input.riskFactors ?? [],
          input.reviewOn ?? null,
          defaultRetentionClass(subject.birth_date),
          principal.userId,
          status,
          duplicateReason,
        ],
      );
      await manager.query(`INSERT INTO youth_case_participants (case_id, user_id, role, added_by) VALUES ($1, $2, 'coordinator', $3)`, [
        row.id,
        coordinatorId,
        principal.userId,
      ]);
      if (input.reviewOn) await this.registerReview(manager, row.id, input.reviewOn, coordinatorId, unit.organisationId);
      if (awaitsPreliminaryAssessment(status)) await this.registerPreliminaryAssessment(manager, row.id, unit.unitId, unit.organisationId);
      await this.audit.record(
        {
          action: 'youth_case.create',
          resourceType: 'youth_case',
          resourceId: row.id,
          subjectOrganisationId: unit.organisationId,
          details: { form: input.form, status, ...(duplicateReason ? { duplicateOf: decision.confirmedCaseIds, duplicateReason } : {}) },
        },
        manager,
      );
      await this.tellOwnersOfHidden(manager, decision.hiddenCaseIds, row.id);
      return row.id;
    });
    return this.view(principal, id, false);
  }

  /** The case as this principal may see it; the read is audited with what it covered. */
  async get(principal: Principal, id: string): Promise<YouthCaseView> {
    return this.view(principal, id, true);
  }

  async update(principal: Principal, id: string, version: number, input: CaseUpdateInput): Promise<YouthCaseView> {
    const record = await this.gate.workable(principal, id, 'youth_case:update');
    const errors = riskFactorErrors(input.riskFactors ?? []);
    if (input.coordinatorUserId) errors.push(...(await this.coordinatorErrors(input.coordinatorUserId, record.ownerUnitId, record.ownerOrganisationId)));
    if (errors.length > 0) throw new ValidationProblem(errors);
    const coordinator = input.coordinatorUserId ?? record.coordinatorUserId;
    const reviewOn = input.reviewOn === undefined ? record.reviewOn : input.reviewOn;
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.query<unknown[]>(
        `UPDATE youth_cases SET risk_factors = $3, review_on = $4, coordinator_user_id = $5, last_entry_at = $6, version = version + 1
         WHERE id = $1 AND version = $2`,
        [id, version, input.riskFactors ?? record.riskFactors, reviewOn, coordinator, this.clock.now()],
      );
      assertVersionMatched(updated, record.version);
      if (coordinator && coordinator !== record.coordinatorUserId) {
        await manager.query(`DELETE FROM youth_case_participants WHERE case_id = $1 AND role = 'coordinator'`, [id]);
        await manager.query(
          `INSERT INTO youth_case_participants (case_id, user_id, role, added_by) VALUES ($1, $2, 'coordinator', $3)
           ON CONFLICT (case_id, user_id) DO UPDATE SET role = 'coordinator'`,
          [id, coordinator, principal.userId],
        );
      }
      if (reviewOn) await this.registerReview(manager, id, reviewOn, coordinator, record.ownerOrganisationId);
      else await this.deadlines.close(manager, REVIEW_DEADLINE, 'youth_case', id, 'cancelled');
      const changed = (['riskFactors', 'reviewOn', 'coordinatorUserId'] as const).filter((f) => input[f] !== undefined);
      await this.audit.record(
        {
          action: 'youth_case.update',
          resourceType: 'youth_case',
          resourceId: id,
          subjectOrganisationId: record.ownerOrganisationId,
          changedFields: changed,
          ...(coordinator !== record.coordinatorUserId ? { details: { coordinator: { from: record.coordinatorUserId, to: coordinator } } } : {}),
        },
        manager,
      );
    });
    return this.view(principal, id, false);
  }

  /**
   * Moves the case along its flow. In a consent-based form the mapping starts only under a valid
   * consent; closing (a manager's decision) ends all sharing, closes the case's deadlines and sets
   * the purge date from the last entry (SoL 12 kap 1 §).
   */
  async transition(principal: Principal, id: string, version: number, input: TransitionInput): Promise<YouthCaseView> {
    const permission = input.to === 'closed' ? 'youth_case:close' : 'youth_case:update';
    const record = await this.gate.workable(principal, id, permission);
    const consents = needsConsentToEnter(record.form, input.to)
      ? await this.dataSource.query<unknown[]>(
          `SELECT 1 FROM youth_consents WHERE case_id = $1 AND withdrawn_at IS NULL AND valid_from <= $2::date AND valid_until >= $2::date LIMIT 1`,
          [id, stockholmDate(this.clock.now())],
        )
      : [];
    const errors = caseTransitionErrors(record.form, record.status, input.to, consents.length > 0);
    if (errors.length > 0) throw new ValidationProblem(errors);
    const today = stockholmDate(this.clock.now());
    await this.dataSource.transaction(async (manager) => {
      const closing = input.to === 'closed';
      const purge = closing ? purgeOn(stockholmDate(new Date(record.lastEntryAt)), record.retentionClass as 'sol_standard') : null;
      const updated = await manager.query<unknown[]>(
        `UPDATE youth_cases SET status = $3, closed_on = CASE WHEN $4 THEN $5::date ELSE closed_on END, purge_on = $6, version = version + 1
         WHERE id = $1 AND version = $2`,
        [id, version, input.to, closing, today, purge],
      );
      assertVersionMatched(updated, record.version);
      // Leaving the reported status is the förhandsbedömning made (SoL 11 kap 1 a §): to investigate, or to close.
      if (awaitsPreliminaryAssessment(record.status) && !awaitsPreliminaryAssessment(input.to)) {
        await this.deadlines.close(manager, PRELIMINARY_ASSESSMENT_DEADLINE, 'youth_case', id, 'met');
      }
      if (closing) {
        // Closing ends all sharing and every deadline of the case.
        await this.access.revokeGrants(principal, { resourceType: 'youth_case', resourceId: id }, manager);
        await this.deadlines.closeAllFor(manager, await caseDeadlineResources(manager, id), 'cancelled');
      }
      await this.audit.record(
        {
          action: `youth_case.${input.to}`,
          resourceType: 'youth_case',
          resourceId: id,
          subjectOrganisationId: record.ownerOrganisationId,
          details: { from: record.status, to: input.to, reason: input.reason ?? null },
        },
        manager,
      );
    });
    return this.view(principal, id, false);
  }

  /** Adds a contact person: someone of the owning organisation or of an organisation the sharing covers. */
  async addParticipant(principal: Principal, id: string, userId: string): Promise<YouthParticipantView[]> {
    const record = await this.gate.workable(principal, id, 'youth_case:share');
    const [user] = await this.dataSource.query<{ organisation_id: string }[]>('SELECT organisation_id FROM users WHERE id = $1 AND is_active', [userId]);
    if (user?.organisation_id === record.ownerOrganisationId) {
      // Within social services, a contact person is someone of the case's own unit (the staff list).
      if (!(await this.staff.inUnit(userId, record.ownerUnitId))) throw invalidField('userId', 'youth_case.staff_outside_unit');
    } else if (!user || (await this.gate.coverage(id, [user.organisation_id])).length === 0) {
      throw invalidField('userId', 'youth_case.participant_not_covered');
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO youth_case_participants (case_id, user_id, role, added_by) VALUES ($1, $2, 'contact', $3) ON CONFLICT (case_id, user_id) DO NOTHING`,
        [id, userId, principal.userId],
      );
      await this.audit.record(
        {
          action: 'youth_case.participant_add',
          resourceType: 'youth_case',
          resourceId: id,
          subjectOrganisationId: record.ownerOrganisationId,
          details: { userId },
        },
        manager,
      );
    });
    return this.participants(id);
  }

  async removeParticipant(principal: Principal, id: string, userId: string): Promise<void> {
    const record = await this.gate.workable(principal, id, 'youth_case:share');
    await this.dataSource.transaction(async (manager) => {
      const removed = await manager.query<unknown[]>(`DELETE FROM youth_case_participants WHERE case_id = $1 AND user_id = $2 AND role = 'contact'`, [
        id,
        userId,
      ]);
      if (affectedRows(removed) === 0) throw new NotFoundException('No such contact person on this case (the coordinator changes through the case).');
      await this.audit.record(
        {
          action: 'youth_case.participant_remove',
          resourceType: 'youth_case',
          resourceId: id,
          subjectOrganisationId: record.ownerOrganisationId,
          details: { userId },
        },
        manager,
      );
    });
  }

  /**
   * A report of concern from the police (SoL 14 kap 1 §): social services of the collaboration's
   * municipality get a new case with the report as its first entry, the disclosure is recorded,
   * and their managers are notified. The police do not see the case afterwards.
   */
  async reportConcern(principal: Principal, input: ReportOfConcernInput): Promise<YouthConcernReceiptView> {
    const police = scopesFor(principal, 'youth_concern:report').find((s) => s.collaborationIds.includes(input.collaborationId));
    if (!police) throw new ProblemException('youth_case.concern_outside_collaboration');
    const [target] = await this.dataSource.query<{ municipality: string; municipality_name: string }[]>(
      `SELECT c.municipality_organisation_id AS municipality, o.name AS municipality_name
       FROM collaborations c JOIN organisations o ON o.id = c.municipality_organisation_id WHERE c.id = $1`,
      [input.collaborationId],
    );
    // Social services: the unit where the municipality's social services managers work.
    const unitId = target && (await this.members.unitWith(target.municipality, 'social_services_manager'));
    if (!unitId) throw invalidField('collaborationId', 'youth_case.no_social_services');
    const now = this.clock.now();
    const caseId = await this.dataSource.transaction(async (manager) => {
      const subjectId = await this.subjects.findOrCreate(manager, target.municipality, input, principal.userId);
      const subject = await this.subjects.sealed(subjectId, manager);
      const ageErrors = caseFormErrors('report_of_concern', subject.birth_date, stockholmDate(now));
      if (ageErrors.length > 0) throw invalidField('personalNumber', 'youth_case.concern_about_child');
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO youth_cases (subject_id, form, collaboration_id, owner_organisation_id, owner_unit_id, status, retention_class, created_by)
         VALUES ($1, 'report_of_concern', $2, $3, $4, $7, $5, $6) RETURNING id`,
        [
          subjectId,
          input.collaborationId,
          target.municipality,
          unitId,
          defaultRetentionClass(subject.birth_date),
          principal.userId,
          initialStatus('report_of_concern', 'police_report'),
        ],
      );
      // SoL 11 kap 1 a §: the receiving unit decides within 14 days whether to open an investigation.
      await this.registerPreliminaryAssessment(manager, row.id, unitId, target.municipality);
      await manager.query(
        `INSERT INTO youth_entries (case_id, kind, category, visibility, occurred_on, body, author_id) VALUES ($1, 'journal', $2, 'owner', $3, $4, $5)`,
        [row.id, input.category, input.observedOn, input.concern.trim(), principal.userId],
      );
      await manager.query(
        `INSERT INTO youth_disclosures (case_id, ground, from_organisation_id, to_organisation_id, categories, justification, decided_by, decided_at)
         VALUES ($1, 'sol_14_1_report_of_concern', $2, $3, $4, $5, $6, $7)`,
        [
          row.id,
          police.organisationId,
          target.municipality,
          [...new Set(['basic', input.category])],
          'Orosanmälan: polisen ska genast anmäla till socialtjänsten om ett barn kan behöva skydd (SoL 14 kap 1 §).',
          principal.userId,
          now,
        ],
      );
      await this.audit.record(
        { action: 'youth_case.report_of_concern', resourceType: 'youth_case', resourceId: row.id, subjectOrganisationId: target.municipality },
        manager,
      );
      const managers = await this.members.userIds({ unitId, roles: ['social_services_manager'] }, manager);
      await this.notifier.notify(manager, managers, {
        kind: 'youth_report_of_concern',
        title: `Ny orosanmälan från polisen – ${caseReference(row.id)}`,
        body: 'En orosanmälan har kommit in och väntar på bedömning (SoL 14 kap 1 §).',
        resourceType: 'youth_case',
        resourceId: row.id,
        dedupeKey: `report-of-concern-${row.id}`,
      });
      return row.id;
    });
    return { caseReference: caseReference(caseId), receivedBy: target.municipality_name, receivedAt: now };
  }

  // ---- views -------------------------------------------------------------------------------

  async view(principal: Principal, id: string, audited: boolean): Promise<YouthCaseView> {
    // The case, its names, its sealed subject and its participants in one statement; shown only after the gate.
    const [row] = await this.dataSource.query<CaseViewRow[]>(`${SELECT_CASE_VIEW} WHERE c.id = $1`, [id]);
    if (!row) throw new NotFoundException(`No youth case with id ${id}.`);
    const {
      organisation,
      unit,
      coordinator,
      duplicate_reason,
      subject_owner,
      key_id,
      pin_sealed,
      name_sealed,
      birth_date,
      coordination_number,
      participants,
      ...record
    } = row;
    const access = await this.gate.accessTo(principal, record);
    const facts = { organisation, unit, coordinator, duplicate_reason };
    // A case has a subject until it is purged (youth_cases_subject_check), and then the columns are null.
    const sealed = { id: record.subjectId, owner_organisation_id: subject_owner, key_id, pin_sealed, name_sealed, birth_date, coordination_number };
    const subject: YouthSubjectView | null = record.subjectId ? this.subjects.view(sealed as SealedSubject) : null;
    if (audited) {
      await this.audit.record({
        action: 'youth_case.read',
        resourceType: 'youth_case',
        resourceId: id,
        subjectOrganisationId: record.ownerOrganisationId,
        details: access.owner ? { as: 'owner' } : { as: 'recipient', categories: access.categories },
      });
    }
    return {
      id,
      reference: caseReference(id),
      form: record.form,
      status: record.status,
      subject,
      ownerOrganisation: { id: record.ownerOrganisationId, name: facts.organisation },
      ownerUnit: { id: record.ownerUnitId, name: facts.unit },
      coordinator: record.coordinatorUserId ? { id: record.coordinatorUserId, displayName: facts.coordinator } : null,
      riskFactors: visibleRiskFactors(record.riskFactors, access),
      reviewOn: access.owner ? record.reviewOn : null,
      closedOn: record.closedOn,
      ...(access.owner ? { retentionClass: record.retentionClass, purgeOn: record.purgeOn } : {}),
      // Where the case may go from here (closing needs youth_case:close); recipients move nothing.
      nextStatuses: access.owner ? [...CASE_TRANSITIONS[record.status]] : [],
      participants,
      ...(access.owner ? { duplicateReason: facts.duplicate_reason } : {}),
      access: { owner: access.owner, categories: access.categories.map((key) => ({ key, label: INFORMATION_CATEGORIES[key].label })) },
      version: record.version,
    };
  }

  private async participants(id: string): Promise<YouthParticipantView[]> {
    return this.dataSource.query<YouthParticipantView[]>(
      `SELECT p.user_id AS "userId", u.display_name AS "displayName", o.name AS organisation, p.role
       FROM youth_case_participants p JOIN users u ON u.id = p.user_id JOIN organisations o ON o.id = u.organisation_id
       WHERE p.case_id = $1 ORDER BY p.role, u.display_name`,
      [id],
    );
  }

  // ---- helpers -----------------------------------------------------------------------------

  /** The unit in which the principal opens cases: its only one, or the one it names. */
  private workingUnit(principal: Principal, unitId?: string) {
    const units = scopesFor(principal, 'youth_case:create');
    const chosen = unitId ? units.find((u) => u.unitId === unitId) : units.length === 1 ? units[0] : undefined;
    if (!chosen) {
      throw invalidField('unitId', unitId ? 'youth_case.unit_not_yours' : 'youth_case.unit_required');
    }
    return chosen;
  }

  private async collaborationOf(organisationId: string, requested: string | undefined, errors: FieldError[]): Promise<string> {
    const rows = await this.dataSource.query<{ id: string }[]>('SELECT id FROM collaborations WHERE municipality_organisation_id = $1 ORDER BY name', [
      organisationId,
    ]);
    const chosen = requested ? rows.find((r) => r.id === requested) : rows.length === 1 ? rows[0] : undefined;
    if (!chosen) errors.push(fieldError('collaborationId', requested ? 'youth_case.collaboration_not_of_municipality' : 'youth_case.collaboration_required'));
    return chosen?.id ?? '';
  }

  /** A coordinator is a case worker of the case's own unit (picked from the unit's staff list). */
  private async coordinatorErrors(userId: string, unitId: string, organisationId: string): Promise<FieldError[]> {
    if (await this.staff.caseWorkerInUnit(userId, unitId)) return [];
    const elsewhere = await this.members.holds(userId, organisationId, CASE_WORKER_ROLES);
    return [fieldError('coordinatorUserId', elsewhere ? 'youth_case.staff_outside_unit' : 'youth_case.coordinator_not_case_worker')];
  }

  /** The open cases of this form about this young person, and whether the principal may read each (one query). */
  private async openCasesOf(principal: Principal, subjectId: string, form: string): Promise<ExistingCase[]> {
    const scope = scopeCondition(principal, 'youth_case:read', CASE_COLUMNS, this.clock.now());
    const rows = await this.dataSource
      .createQueryBuilder()
      .select('c.id', 'id')
      .addSelect(`(${scope.sql})`, 'readable')
      .from('youth_cases', 'c')
      .where('c.subject_id = :subjectId AND c.form = :form', { subjectId, form })
      .andWhere("c.status NOT IN ('closed', 'purged')")
      .setParameters(scope.params)
      .orderBy('c.created_at', 'DESC')
      .getRawMany<{ id: string; readable: boolean }>();
    return rows.map((r) => ({ id: r.id, readable: r.readable === true }));
  }

  /**
   * Another case was opened for the person of cases the opener may not read: their coordinators and
   * the managers of their units are told, by case numbers only — never the person, and nothing goes
   * back to the opener.
   */
  private async tellOwnersOfHidden(manager: EntityManager, hiddenCaseIds: string[], newCaseId: string): Promise<void> {
    for (const caseId of hiddenCaseIds) {
      const [owner] = await manager.query<{ unit: string; coordinator: string | null }[]>(
        'SELECT owner_unit_id AS unit, coordinator_user_id AS coordinator FROM youth_cases WHERE id = $1',
        [caseId],
      );
      const managers = await this.members.userIds({ unitId: owner.unit, roles: ['social_services_manager'] }, manager);
      const recipients = [...new Set([...(owner.coordinator ? [owner.coordinator] : []), ...managers])];
      await this.notifier.notify(manager, recipients, {
        kind: 'youth_case_duplicate',
        title: `Ytterligare ett ärende har öppnats för personen i ${caseReference(caseId)}`,
        body: `Ärende ${caseReference(newCaseId)} av samma form har öppnats för samma person i en annan enhet. Ta kontakt om arbetet behöver samordnas.`,
        resourceType: 'youth_case',
        resourceId: caseId,
        dedupeKey: `youth-duplicate-${caseId}-${newCaseId}`,
      });
    }
  }

  /** SoL 11 kap 1 a §: the förhandsbedömning, 14 days from receipt, the receiving unit answers for it. */
  private registerPreliminaryAssessment(manager: EntityManager, caseId: string, unitId: string, organisationId: string): Promise<string> {
    return this.deadlines.upsert(manager, {
      kind: PRELIMINARY_ASSESSMENT_DEADLINE,
      resourceType: 'youth_case',
      resourceId: caseId,
      title: `Förhandsbedömning av orosanmälan ${caseReference(caseId)}`,
      dueOn: preliminaryAssessmentDueOn(stockholmDate(this.clock.now())),
      responsibleUserId: null,
      responsibleUnitId: unitId,
      responsibleOrganisationId: organisationId,
    });
  }

  private registerReview(manager: EntityManager, caseId: string, reviewOn: string, coordinator: string | null, organisationId: string): Promise<string> {
    return this.deadlines.upsert(manager, {
      kind: REVIEW_DEADLINE,
      resourceType: 'youth_case',
      resourceId: caseId,
      title: `Omprövning av ungdomsärende ${caseReference(caseId)}`,
      dueOn: reviewOn,
      responsibleUserId: coordinator,
      responsibleOrganisationId: organisationId,
    });
  }

  /** A closed case has nothing more due: its review, plan items, meetings and consent expiries end. */
}

/** The risk factors a reader may see: each belongs to a category (an owner sees all). */
function visibleRiskFactors(factors: string[], access: CaseAccess): YouthRiskFactorView[] {
  return (factors as RiskFactor[])
    .filter((f) => access.categories.includes(RISK_FACTORS[f]?.category as InformationCategory))
    .map((key) => ({ key, label: RISK_FACTORS[key].label }));
}

function riskFactorErrors(factors: string[]): FieldError[] {
  const bad = factors.findIndex((f) => !Object.hasOwn(RISK_FACTORS, f));
  return bad >= 0 ? [fieldError(`riskFactors[${bad}]`, 'youth_case.risk_factor_unknown', { allowed: Object.keys(RISK_FACTORS) })] : [];
}
