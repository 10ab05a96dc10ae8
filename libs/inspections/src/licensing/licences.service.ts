import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, type OwnershipColumns, type Principal } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { assertVersionMatched, Clock, type Page, pageOf, type PageQuery, stockholmDate, ValidationProblem } from '@samverkan/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { LicenceHoldersService } from './licence-holders.service.js';
import {
  decisionKindForStatus,
  LICENCE_STATUSES,
  type LicenceDecisionKind,
  licenceGrantErrors,
  licenceStatusErrors,
  licenceTermsErrors,
  servingManagerErrors,
} from './licence-rules.js';
import type { LicenceDecisionView, LicenceInput, LicenceTermsInput, LicenceView, LicensingListQuery } from './licensing.dto.js';
import { PremisesService } from './premises.service.js';
import { registerPage, registerRow } from './register-queries.js';

// A licence is seen with its premises: grants on the premises (e.g. to a police inspector) cover its licences.
const LICENCE_COLUMNS: OwnershipColumns = { id: 'l.premises_id', collaborationId: 'l.collaboration_id', organisationId: 'l.owner_organisation_id' };

const SELECT_LICENCES = `SELECT l.id, l.holder_id AS "holderId", h.name AS "holderName", l.premises_id AS "premisesId", p.name AS "premisesName",
  l.collaboration_id AS "collaborationId", l.owner_organisation_id AS "ownerOrganisationId", l.type, l.audience,
  l.drink_categories AS "drinkCategories", l.serving_hours AS "servingHours", l.serving_areas AS "servingAreas", l.conditions,
  to_char(l.valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(l.valid_until, 'YYYY-MM-DD') AS "validUntil", l.status, l.version,
  coalesce((SELECT json_agg(json_build_object('id', s.id, 'name', s.name, 'birthDate', to_char(s.birth_date, 'YYYY-MM-DD'),
     'notifiedOn', to_char(s.notified_on, 'YYYY-MM-DD')) ORDER BY s.name) FROM serving_managers s WHERE s.licence_id = l.id), '[]')
    AS "servingManagers"
  FROM licences l JOIN licence_holders h ON h.id = l.holder_id JOIN premises p ON p.id = l.premises_id`;

const SELECT_DECISIONS = `SELECT d.id, d.kind, to_char(d.decided_on, 'YYYY-MM-DD') AS "decidedOn", d.reason, d.changed_fields AS "changedFields",
  u.display_name AS "decidedByName", d.sanction_case_id AS "sanctionCaseId", d.created_at AS "recordedAt"
  FROM licence_decisions d LEFT JOIN users u ON u.id = d.decided_by`;

/** The terms a change decision may alter, with the value each has when the request leaves it out. */
const TERMS_DEFAULTS = { audience: null, drinkCategories: null, servingHours: {}, servingAreas: [], conditions: '', validUntil: null } as const;

/** JSON with object keys sorted, to compare terms as stored (jsonb orders keys its own way) with terms as sent. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/**
 * Serving licences (serveringstillstånd, Alkohollagen 2010:1622) granted by the municipality of the
 * premises: the grant with its serving managers, change decisions, and status changes short of
 * revocation, which only a sanction decision makes.
 */
@Injectable()
export class LicencesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly holders: LicenceHoldersService,
    private readonly premises: PremisesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal, query: LicensingListQuery): Promise<Page<LicenceView>> {
    return registerPage<LicenceView>(this.dataSource, this.clock.now(), principal, query, {
      select: SELECT_LICENCES,
      table: 'licences',
      alias: 'l',
      columns: LICENCE_COLUMNS,
      grants: true,
      orderBy: 'l.valid_from',
      filter: (qb) => {
        if (query.premisesId) qb.andWhere('l.premises_id = :premisesId', { premisesId: query.premisesId });
        if (query.holderId) qb.andWhere('l.holder_id = :holderId', { holderId: query.holderId });
        if (query.status) qb.andWhere('l.status = :status', { status: query.status });
      },
    });
  }

  async get(principal: Principal, id: string): Promise<LicenceView> {
    const licence = await this.find(id);
    await this.access.authorize(principal, 'premises', 'read', {
      id: licence.premisesId,
      collaborationId: licence.collaborationId,
      organisationId: licence.ownerOrganisationId,
    });
    return licence;
  }

  /** Grants a licence: AL 8 kap — serving managers at least 20, own kitchen for a permanent licence to the public. */
  async create(principal: Principal, input: LicenceInput): Promise<LicenceView> {
    const premises = await this.premises.get(principal, input.premisesId);
    await this.access.assertAllowed(principal, 'premises:manage', {
      id: input.premisesId,
      collaborationId: premises.collaborationId,
      organisationId: premises.ownerOrganisationId,
    });
    const holder = await this.holders.get(principal, input.holderId);
    const errors = licenceGrantErrors(input, {
      holderOrganisationId: holder.ownerOrganisationId,
      premisesOrganisationId: premises.ownerOrganisationId,
      premisesHasOwnKitchen: premises.hasOwnKitchen,
      today: stockholmDate(this.clock.now()),
    });
    if (errors.length > 0) throw new ValidationProblem(errors);
    const id = await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO licences (holder_id, premises_id, collaboration_id, owner_organisation_id, type, audience, drink_categories,
           serving_hours, serving_areas, conditions, valid_from, valid_until)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [
          input.holderId,
          input.premisesId,
          premises.collaborationId,
          premises.ownerOrganisationId,
          input.type,
          input.audience,
          input.drinkCategories,
          JSON.stringify(input.servingHours ?? {}),
          JSON.stringify(input.servingAreas ?? []),
          input.conditions ?? '',
          input.validFrom,
          input.validUntil ?? null,
        ],
      );
      await this.insertServingManagers(manager, row.id, input.servingManagers);
      await this.recordDecision(manager, row.id, 'granted', principal.userId);
      await this.audit.record(
        { action: 'licence.create', resourceType: 'licence', resourceId: row.id, subjectOrganisationId: premises.ownerOrganisationId },
        manager,
      );
      return row.id;
    });
    return this.find(id);
  }

  /**
   * A change decision (ändringsbeslut): serving hours, areas, audience, drink categories, conditions
   * or end date. The kitchen rule (AL 8 kap 15 §) is checked again when the audience becomes public.
   */
  async updateTerms(principal: Principal, id: string, version: number, input: LicenceTermsInput): Promise<LicenceView> {
    const licence = await this.get(principal, id);
    await this.access.assertAllowed(principal, 'premises:manage', {
      id,
      collaborationId: licence.collaborationId,
      organisationId: licence.ownerOrganisationId,
    });
    const [premises] = await this.dataSource.query<{ has_own_kitchen: boolean }[]>('SELECT has_own_kitchen FROM premises WHERE id = $1', [licence.premisesId]);
    const errors = licenceTermsErrors(licence, input, premises.has_own_kitchen);
    if (errors.length > 0) throw new ValidationProblem(errors);
    const changed = (Object.keys(TERMS_DEFAULTS) as (keyof typeof TERMS_DEFAULTS)[]).filter(
      (field) => canonical(licence[field] ?? null) !== canonical(input[field] ?? TERMS_DEFAULTS[field]),
    );
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.query<unknown[]>(
        `UPDATE licences SET audience = $3, drink_categories = $4, serving_hours = $5, serving_areas = $6, conditions = $7, valid_until = $8,
           version = version + 1 WHERE id = $1 AND version = $2`,
        [
          id,
          version,
          input.audience,
          input.drinkCategories,
          JSON.stringify(input.servingHours ?? {}),
          JSON.stringify(input.servingAreas ?? []),
          input.conditions ?? '',
          input.validUntil ?? null,
        ],
      );
      assertVersionMatched(updated, licence.version);
      if (changed.length > 0) await this.recordDecision(manager, id, 'terms_changed', principal.userId, input.reason, changed);
      await this.audit.record(
        { action: 'licence.terms', resourceType: 'licence', resourceId: id, changedFields: changed, subjectOrganisationId: licence.ownerOrganisationId },
        manager,
      );
    });
    return this.find(id);
  }

  /** Replaces the serving managers notified for a licence (each at least 20, AL 8 kap 14 §). */
  async replaceServingManagers(principal: Principal, id: string, version: number, managers: LicenceInput['servingManagers']): Promise<LicenceView> {
    const licence = await this.get(principal, id);
    await this.access.assertAllowed(principal, 'premises:manage', {
      id,
      collaborationId: licence.collaborationId,
      organisationId: licence.ownerOrganisationId,
    });
    const errors = servingManagerErrors(managers, stockholmDate(this.clock.now()));
    if (errors.length > 0) throw new ValidationProblem(errors);
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.query<unknown[]>('UPDATE licences SET version = version + 1 WHERE id = $1 AND version = $2', [id, version]);
      assertVersionMatched(updated, licence.version);
      await manager.query('DELETE FROM serving_managers WHERE licence_id = $1', [id]);
      await this.insertServingManagers(manager, id, managers);
      await this.recordDecision(manager, id, 'serving_managers_changed', principal.userId);
      await this.audit.record({ action: 'licence.serving_managers', resourceType: 'licence', resourceId: id, changedFields: ['servingManagers'] }, manager);
    });
    return this.find(id);
  }

  /** Suspends, surrenders or expires a licence (revocation is a sanction decision, AL 9 kap 18 §). */
  async setStatus(principal: Principal, id: string, version: number, status: (typeof LICENCE_STATUSES)[number], reason?: string): Promise<LicenceView> {
    const licence = await this.get(principal, id);
    await this.access.assertAllowed(principal, 'premises:manage', {
      id,
      collaborationId: licence.collaborationId,
      organisationId: licence.ownerOrganisationId,
    });
    const errors = licenceStatusErrors(status);
    if (errors.length > 0) throw new ValidationProblem(errors);
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.query<unknown[]>('UPDATE licences SET status = $3, version = version + 1 WHERE id = $1 AND version = $2', [
        id,
        version,
        status,
      ]);
      assertVersionMatched(updated, licence.version);
      if (status !== licence.status) await this.recordDecision(manager, id, decisionKindForStatus(status), principal.userId, reason);
      await this.audit.record(
        { action: 'licence.status', resourceType: 'licence', resourceId: id, changedFields: ['status'], details: { from: licence.status, to: status } },
        manager,
      );
    });
    return this.find(id);
  }

  /** Återkallelse: the licence is revoked by a sanction decision, in the decision's transaction (audited as the decision). */
  async revokeBySanction(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE licences SET status = 'revoked', version = version + 1 WHERE id = $1`, [id]);
    // The history names the decision: the sanction case decided återkallelse in this transaction (9 kap 18 §).
    await manager.query(
      `INSERT INTO licence_decisions (licence_id, kind, decided_on, reason, decided_by, sanction_case_id)
       SELECT s.licence_id, 'revoked', coalesce(s.decided_on, $2::date), coalesce(s.decision_reasons, ''), s.decided_by, s.id FROM sanction_cases s
       WHERE s.licence_id = $1 AND s.decision = 'aterkallelse' ORDER BY s.decided_on DESC NULLS LAST, s.created_at DESC LIMIT 1`,
      [id, stockholmDate(this.clock.now())],
    );
  }

  /** The licence's decisions, newest first: grant, change decisions, serving managers, status changes, revocation. */
  async decisions(principal: Principal, id: string, query: PageQuery): Promise<Page<LicenceDecisionView>> {
    await this.get(principal, id);
    const filtered = this.dataSource.createQueryBuilder().from('licence_decisions', 'd').where('d.licence_id = :id', { id });
    return pageOf<LicenceDecisionView>(
      this.dataSource,
      filtered,
      {
        alias: 'd',
        orderBy: [
          ['d.decided_on', 'DESC'],
          ['d.created_at', 'DESC'],
        ],
        idOrder: 'DESC',
        select: SELECT_DECISIONS,
      },
      query,
    );
  }

  /** One decision in the licence's history, in the transaction of the change it records (decided today, Stockholm). */
  private async recordDecision(
    manager: EntityManager,
    licenceId: string,
    kind: LicenceDecisionKind,
    decidedBy: string,
    reason?: string,
    changedFields: readonly string[] = [],
  ): Promise<void> {
    await manager.query(`INSERT INTO licence_decisions (licence_id, kind, decided_on, reason, changed_fields, decided_by) VALUES ($1, $2, $3, $4, $5, $6)`, [
      licenceId,
      kind,
      stockholmDate(this.clock.now()),
      reason?.trim() ?? '',
      changedFields,
      decidedBy,
    ]);
  }

  private async insertServingManagers(manager: EntityManager, licenceId: string, managers: LicenceInput['servingManagers']): Promise<void> {
    for (const m of managers) {
      await manager.query('INSERT INTO serving_managers (licence_id, name, birth_date, notified_on) VALUES ($1, $2, $3, $4)', [
        licenceId,
        m.name.trim(),
        m.birthDate,
        m.notifiedOn,
      ]);
    }
  }

  private find(id: string): Promise<LicenceView> {
    return registerRow<LicenceView>(this.dataSource, SELECT_LICENCES, 'l', id, 'licence');
  }
}
