import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, type OwnershipColumns, type Principal, scopeCondition } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { assertVersionMatched, Clock, escapeLike, type FieldError, fieldError, invalidField, type Page, pageOf, ProblemException, ValidationProblem } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import { nextVisitDueOn } from '../supervision/risk-model.js';
import { isOldEnough, isValidOrgNumber, kitchenRequired, normaliseOrgNumber, WEEKDAYS } from './licence-rules.js';
import type { HolderInput, LicenceHolderView, LicenceInput, LicenceTermsInput, LicenceView, LicensingListQuery, PremisesInput, PremisesView } from './licensing.dto.js';

const PREMISES_COLUMNS: OwnershipColumns = { id: 'p.id', collaborationId: 'p.collaboration_id', organisationId: 'p.owner_organisation_id' };
// A licence is seen with its premises: grants on the premises (e.g. to a police inspector) cover its licences.
const LICENCE_COLUMNS: OwnershipColumns = { id: 'l.premises_id', collaborationId: 'l.collaboration_id', organisationId: 'l.owner_organisation_id' };
const HOLDER_COLUMNS: OwnershipColumns = { id: 'h.id', organisationId: 'h.owner_organisation_id' };

const SELECT_PREMISES = `SELECT p.id, p.collaboration_id AS "collaborationId", p.owner_organisation_id AS "ownerOrganisationId", p.name,
  p.kind, p.address, p.postal_code AS "postalCode", p.city, p.latitude::float8 AS latitude, p.longitude::float8 AS longitude,
  p.capacity, p.has_own_kitchen AS "hasOwnKitchen", p.version,
  to_char((SELECT max(i.planned_start) FROM inspections i WHERE i.premises_id = p.id AND i.performed_at IS NOT NULL) AT TIME ZONE 'Europe/Stockholm',
    'YYYY-MM-DD') AS "lastVisitScheduledOn",
  (SELECT pi.planned_visits FROM supervision_plan_items pi JOIN supervision_plans sp ON sp.id = pi.plan_id
    WHERE pi.premises_id = p.id ORDER BY sp.year DESC LIMIT 1) AS "plannedVisitsPerYear",
  (SELECT json_build_object('year', sp.year, 'score', pi.risk_score, 'factors', pi.risk_factors) FROM supervision_plan_items pi
    JOIN supervision_plans sp ON sp.id = pi.plan_id WHERE pi.premises_id = p.id ORDER BY sp.year DESC LIMIT 1) AS risk,
  coalesce((SELECT json_agg(json_build_object('id', l.id, 'holderName', h.name, 'type', l.type, 'audience', l.audience, 'status', l.status,
      'validUntil', to_char(l.valid_until, 'YYYY-MM-DD')) ORDER BY l.valid_from DESC)
    FROM licences l JOIN licence_holders h ON h.id = l.holder_id WHERE l.premises_id = p.id), '[]') AS licences
  FROM premises p`;

/**
 * Premises as the API shows them: their licences, the risk score of the latest supervision plan with
 * the factors behind it, and when the next supervision visit is due (see the risk model).
 */
function withNextVisit(premises: PremisesRow): PremisesView {
  return { ...premises, nextVisitDueOn: nextVisitDueOn(premises.lastVisitScheduledOn, premises.plannedVisitsPerYear) };
}

/** Premises as SELECT_PREMISES reads them; the next visit is computed by the risk model. */
type PremisesRow = Omit<PremisesView, 'nextVisitDueOn'>;
const SELECT_HOLDERS = `SELECT h.id, h.owner_organisation_id AS "ownerOrganisationId", h.name, h.org_number AS "orgNumber",
  h.contact_name AS "contactName", h.contact_email AS "contactEmail", h.contact_phone AS "contactPhone", h.address, h.version
  FROM licence_holders h`;
const SELECT_LICENCES = `SELECT l.id, l.holder_id AS "holderId", h.name AS "holderName", l.premises_id AS "premisesId", p.name AS "premisesName",
  l.collaboration_id AS "collaborationId", l.owner_organisation_id AS "ownerOrganisationId", l.type, l.audience,
  l.drink_categories AS "drinkCategories", l.serving_hours AS "servingHours", l.serving_areas AS "servingAreas", l.conditions,
  to_char(l.valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(l.valid_until, 'YYYY-MM-DD') AS "validUntil", l.status, l.version,
  coalesce((SELECT json_agg(json_build_object('id', s.id, 'name', s.name, 'birthDate', to_char(s.birth_date, 'YYYY-MM-DD'),
     'notifiedOn', to_char(s.notified_on, 'YYYY-MM-DD')) ORDER BY s.name) FROM serving_managers s WHERE s.licence_id = l.id), '[]')
    AS "servingManagers"
  FROM licences l JOIN licence_holders h ON h.id = l.holder_id JOIN premises p ON p.id = l.premises_id`;

/**
 * The licence register (Alkohollagen 2010:1622): holders, premises and serving licences, owned
 * by the municipality that grants them. Licensing officers manage it; others read within scope.
 */
@Injectable()
export class LicensingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  // ---- licence holders ---------------------------------------------------------------------

  async listHolders(principal: Principal, query: LicensingListQuery): Promise<Page<LicenceHolderView>> {
    return this.page<LicenceHolderView>(SELECT_HOLDERS, 'licence_holders', 'h', HOLDER_COLUMNS, principal, query, (qb) => {
      if (query.q) qb.andWhere('h.name ILIKE :q', { q: `%${escapeLike(query.q)}%` });
    }, 'h.name');
  }

  async getHolder(principal: Principal, id: string): Promise<LicenceHolderView> {
    const holder = await this.one<LicenceHolderView>(SELECT_HOLDERS, 'h', id, 'licence holder');
    await this.access.authorize(principal, 'premises', 'read', { id, organisationId: holder.ownerOrganisationId });
    return holder;
  }

  async createHolder(principal: Principal, input: HolderInput): Promise<LicenceHolderView> {
    const orgNumber = this.checkOrgNumber(input.orgNumber);
    const owner = this.managedOrganisation(principal);
    const id = await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO licence_holders (owner_organisation_id, name, org_number, contact_name, contact_email, contact_phone, address)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (owner_organisation_id, org_number) DO NOTHING RETURNING id`,
        [owner, input.name.trim(), orgNumber, input.contactName ?? '', input.contactEmail ?? '', input.contactPhone ?? '', input.address ?? ''],
      );
      if (!row) throw new ProblemException('licence_holder.exists', { orgNumber });
      await this.audit.record({ action: 'licence_holder.create', resourceType: 'licence_holder', resourceId: row.id, subjectOrganisationId: owner }, manager);
      return row.id;
    });
    return this.one<LicenceHolderView>(SELECT_HOLDERS, 'h', id, 'licence holder');
  }

  async updateHolder(principal: Principal, id: string, version: number, input: HolderInput): Promise<LicenceHolderView> {
    const before = await this.getHolder(principal, id);
    await this.access.assertAllowed(principal, 'premises:manage', { id, organisationId: before.ownerOrganisationId });
    const orgNumber = this.checkOrgNumber(input.orgNumber);
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.query<unknown[]>(
        `UPDATE licence_holders SET name = $3, org_number = $4, contact_name = $5, contact_email = $6, contact_phone = $7, address = $8,
           version = version + 1 WHERE id = $1 AND version = $2`,
        [id, version, input.name.trim(), orgNumber, input.contactName ?? '', input.contactEmail ?? '', input.contactPhone ?? '', input.address ?? ''],
      ).catch((error: { code?: string }) => {
        if (error.code === '23505') throw new ProblemException('licence_holder.exists', { orgNumber });
        throw error;
      });
      assertVersionMatched(updated, before.version);
      await this.audit.record({ action: 'licence_holder.update', resourceType: 'licence_holder', resourceId: id, subjectOrganisationId: before.ownerOrganisationId }, manager);
    });
    return this.one<LicenceHolderView>(SELECT_HOLDERS, 'h', id, 'licence holder');
  }

  // ---- premises ----------------------------------------------------------------------------

  async listPremises(principal: Principal, query: LicensingListQuery): Promise<Page<PremisesView>> {
    const page = await this.page<PremisesRow>(SELECT_PREMISES, 'premises', 'p', PREMISES_COLUMNS, principal, query, (qb) => {
      if (query.q) qb.andWhere('p.name ILIKE :q', { q: `%${escapeLike(query.q)}%` });
      // Premises by their licences' status, e.g. those with an active licence.
      if (query.status) qb.andWhere('EXISTS (SELECT 1 FROM licences l WHERE l.premises_id = p.id AND l.status = :status)', { status: query.status });
    }, 'p.name');
    return { ...page, items: page.items.map(withNextVisit) };
  }

  async getPremises(principal: Principal, id: string): Promise<PremisesView> {
    const premises = await this.one<PremisesRow>(SELECT_PREMISES, 'p', id, 'premises');
    await this.access.authorize(principal, 'premises', 'read', {
      id,
      collaborationId: premises.collaborationId,
      organisationId: premises.ownerOrganisationId,
    });
    return withNextVisit(premises);
  }

  async createPremises(principal: Principal, input: PremisesInput): Promise<PremisesView> {
    const owner = await this.municipalityOf(input.collaborationId);
    await this.access.assertAllowed(principal, 'premises:manage', { id: input.collaborationId, collaborationId: input.collaborationId, organisationId: owner });
    const id = await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO premises (collaboration_id, owner_organisation_id, name, kind, address, postal_code, city, latitude, longitude,
           capacity, has_own_kitchen) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [input.collaborationId, owner, input.name.trim(), input.kind, input.address.trim(), input.postalCode ?? '', input.city ?? '',
          input.latitude ?? null, input.longitude ?? null, input.capacity ?? null, input.hasOwnKitchen],
      );
      await this.audit.record({ action: 'premises.create', resourceType: 'premises', resourceId: row.id, subjectOrganisationId: owner }, manager);
      return row.id;
    });
    return withNextVisit(await this.one<PremisesRow>(SELECT_PREMISES, 'p', id, 'premises'));
  }

  async updatePremises(principal: Principal, id: string, version: number, input: PremisesInput): Promise<PremisesView> {
    const before = await this.getPremises(principal, id);
    await this.access.assertAllowed(principal, 'premises:manage', { id, collaborationId: before.collaborationId, organisationId: before.ownerOrganisationId });
    if (input.collaborationId !== before.collaborationId) {
      throw invalidField('collaborationId', 'premises.collaboration_fixed');
    }
    if (!input.hasOwnKitchen) await this.assertNoLicenceNeedsKitchen(id);
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.query<unknown[]>(
        `UPDATE premises SET name = $3, kind = $4, address = $5, postal_code = $6, city = $7, latitude = $8, longitude = $9,
           capacity = $10, has_own_kitchen = $11, version = version + 1 WHERE id = $1 AND version = $2`,
        [id, version, input.name.trim(), input.kind, input.address.trim(), input.postalCode ?? '', input.city ?? '',
          input.latitude ?? null, input.longitude ?? null, input.capacity ?? null, input.hasOwnKitchen],
      );
      assertVersionMatched(updated, before.version);
      await this.audit.record({ action: 'premises.update', resourceType: 'premises', resourceId: id, subjectOrganisationId: before.ownerOrganisationId }, manager);
    });
    return withNextVisit(await this.one<PremisesRow>(SELECT_PREMISES, 'p', id, 'premises'));
  }

  /**
   * Removes premises registered by mistake. Premises with licences or inspections are part of the
   * supervision record and stay (409); their licences end by status instead.
   */
  async deletePremises(principal: Principal, id: string, version: number): Promise<void> {
    const premises = await this.getPremises(principal, id);
    await this.access.assertAllowed(principal, 'premises:manage', { id, collaborationId: premises.collaborationId, organisationId: premises.ownerOrganisationId });
    await this.dataSource.transaction(async (manager) => {
      const [history] = await manager.query<{ licences: number; inspections: number }[]>(
        `SELECT (SELECT count(*)::int FROM licences WHERE premises_id = $1) AS licences,
                (SELECT count(*)::int FROM inspections WHERE premises_id = $1) AS inspections`,
        [id],
      );
      if (history.licences > 0 || history.inspections > 0) {
        throw new ProblemException('premises.in_use', { licences: history.licences, inspections: history.inspections });
      }
      await manager.query('DELETE FROM supervision_plan_items WHERE premises_id = $1', [id]);
      const deleted = await manager.query<unknown[]>('DELETE FROM premises WHERE id = $1 AND version = $2', [id, version]);
      assertVersionMatched(deleted, premises.version);
      await this.audit.record({ action: 'premises.delete', resourceType: 'premises', resourceId: id, subjectOrganisationId: premises.ownerOrganisationId, details: { name: premises.name } }, manager);
    });
  }

  // ---- licences ----------------------------------------------------------------------------

  async listLicences(principal: Principal, query: LicensingListQuery): Promise<Page<LicenceView>> {
    return this.page<LicenceView>(SELECT_LICENCES, 'licences', 'l', LICENCE_COLUMNS, principal, query, (qb) => {
      if (query.premisesId) qb.andWhere('l.premises_id = :premisesId', { premisesId: query.premisesId });
      if (query.holderId) qb.andWhere('l.holder_id = :holderId', { holderId: query.holderId });
      if (query.status) qb.andWhere('l.status = :status', { status: query.status });
    }, 'l.valid_from');
  }

  async getLicence(principal: Principal, id: string): Promise<LicenceView> {
    const licence = await this.one<LicenceView>(SELECT_LICENCES, 'l', id, 'licence');
    await this.access.authorize(principal, 'premises', 'read', {
      id: licence.premisesId,
      collaborationId: licence.collaborationId,
      organisationId: licence.ownerOrganisationId,
    });
    return licence;
  }

  /** Grants a licence: AL 8 kap — serving managers at least 20, own kitchen for a permanent licence to the public. */
  async createLicence(principal: Principal, input: LicenceInput): Promise<LicenceView> {
    const premises = await this.getPremises(principal, input.premisesId);
    await this.access.assertAllowed(principal, 'premises:manage', { id: input.premisesId, collaborationId: premises.collaborationId, organisationId: premises.ownerOrganisationId });
    const holder = await this.getHolder(principal, input.holderId);
    const errors: FieldError[] = [];
    if (holder.ownerOrganisationId !== premises.ownerOrganisationId) {
      errors.push(fieldError('holderId', 'licence.holder_elsewhere'));
    }
    if (kitchenRequired(input.type, input.audience) && !premises.hasOwnKitchen) {
      errors.push(fieldError('premisesId', 'licence.kitchen_required'));
    }
    if (input.validUntil && input.validUntil < input.validFrom) errors.push(fieldError('validUntil', 'date.not_before', { other: 'validFrom' }));
    input.servingManagers.forEach((m, i) => {
      if (!isOldEnough(m.birthDate, m.notifiedOn)) {
        errors.push(fieldError(`servingManagers[${i}].birthDate`, 'licence.serving_manager_age', { minAge: 20 }));
      }
    });
    errors.push(...servingHoursErrors(input.servingHours));
    if (errors.length > 0) throw new ValidationProblem(errors);
    const id = await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO licences (holder_id, premises_id, collaboration_id, owner_organisation_id, type, audience, drink_categories,
           serving_hours, serving_areas, conditions, valid_from, valid_until)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [input.holderId, input.premisesId, premises.collaborationId, premises.ownerOrganisationId, input.type, input.audience,
          input.drinkCategories, JSON.stringify(input.servingHours ?? {}), JSON.stringify(input.servingAreas ?? []),
          input.conditions ?? '', input.validFrom, input.validUntil ?? null],
      );
      for (const m of input.servingManagers) {
        await manager.query('INSERT INTO serving_managers (licence_id, name, birth_date, notified_on) VALUES ($1, $2, $3, $4)', [
          row.id, m.name.trim(), m.birthDate, m.notifiedOn,
        ]);
      }
      await this.audit.record({ action: 'licence.create', resourceType: 'licence', resourceId: row.id, subjectOrganisationId: premises.ownerOrganisationId }, manager);
      return row.id;
    });
    return this.one<LicenceView>(SELECT_LICENCES, 'l', id, 'licence');
  }

  /**
   * A change decision (ändringsbeslut): serving hours, areas, audience, drink categories, conditions
   * or end date. The kitchen rule (AL 8 kap 15 §) is checked again when the audience becomes public.
   */
  async updateLicenceTerms(principal: Principal, id: string, version: number, input: LicenceTermsInput): Promise<LicenceView> {
    const licence = await this.getLicence(principal, id);
    await this.access.assertAllowed(principal, 'premises:manage', { id, collaborationId: licence.collaborationId, organisationId: licence.ownerOrganisationId });
    const errors: FieldError[] = [...servingHoursErrors(input.servingHours)];
    if (input.validUntil && input.validUntil < licence.validFrom) errors.push(fieldError('validUntil', 'date.not_before', { other: 'validFrom' }));
    if (kitchenRequired(licence.type, input.audience)) {
      const [premises] = await this.dataSource.query<{ has_own_kitchen: boolean }[]>('SELECT has_own_kitchen FROM premises WHERE id = $1', [licence.premisesId]);
      if (!premises.has_own_kitchen) errors.push(fieldError('audience', 'licence.kitchen_required'));
    }
    if (errors.length > 0) throw new ValidationProblem(errors);
    const changed = (['audience', 'drinkCategories', 'servingHours', 'servingAreas', 'conditions', 'validUntil'] as const).filter(
      (field) => JSON.stringify(licence[field] ?? null) !== JSON.stringify(input[field] ?? (field === 'servingHours' ? {} : field === 'servingAreas' ? [] : field === 'conditions' ? '' : null)),
    );
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.query<unknown[]>(
        `UPDATE licences SET audience = $3, drink_categories = $4, serving_hours = $5, serving_areas = $6, conditions = $7, valid_until = $8,
           version = version + 1 WHERE id = $1 AND version = $2`,
        [id, version, input.audience, input.drinkCategories, JSON.stringify(input.servingHours ?? {}), JSON.stringify(input.servingAreas ?? []),
          input.conditions ?? '', input.validUntil ?? null],
      );
      assertVersionMatched(updated, licence.version);
      await this.audit.record({ action: 'licence.terms', resourceType: 'licence', resourceId: id, changedFields: changed, subjectOrganisationId: licence.ownerOrganisationId }, manager);
    });
    return this.one<LicenceView>(SELECT_LICENCES, 'l', id, 'licence');
  }

  /** Replaces the serving managers notified for a licence (each at least 20, AL 8 kap 14 §). */
  async replaceServingManagers(principal: Principal, id: string, version: number, managers: LicenceInput['servingManagers']): Promise<LicenceView> {
    const licence = await this.getLicence(principal, id);
    await this.access.assertAllowed(principal, 'premises:manage', { id, collaborationId: licence.collaborationId, organisationId: licence.ownerOrganisationId });
    const errors = managers
      .map((m, i) => (isOldEnough(m.birthDate, m.notifiedOn) ? undefined : fieldError(`servingManagers[${i}].birthDate`, 'licence.serving_manager_age', { minAge: 20 })))
      .filter((e): e is FieldError => e !== undefined);
    if (errors.length > 0) throw new ValidationProblem(errors);
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.query<unknown[]>('UPDATE licences SET version = version + 1 WHERE id = $1 AND version = $2', [id, version]);
      assertVersionMatched(updated, licence.version);
      await manager.query('DELETE FROM serving_managers WHERE licence_id = $1', [id]);
      for (const m of managers) {
        await manager.query('INSERT INTO serving_managers (licence_id, name, birth_date, notified_on) VALUES ($1, $2, $3, $4)', [id, m.name.trim(), m.birthDate, m.notifiedOn]);
      }
      await this.audit.record({ action: 'licence.serving_managers', resourceType: 'licence', resourceId: id, changedFields: ['servingManagers'] }, manager);
    });
    return this.one<LicenceView>(SELECT_LICENCES, 'l', id, 'licence');
  }

  /** Suspends, surrenders or expires a licence (revocation is a sanction decision, AL 9 kap 18 §). */
  async setLicenceStatus(principal: Principal, id: string, version: number, status: string): Promise<LicenceView> {
    const licence = await this.getLicence(principal, id);
    await this.access.assertAllowed(principal, 'premises:manage', { id, collaborationId: licence.collaborationId, organisationId: licence.ownerOrganisationId });
    if (status === 'revoked') {
      throw invalidField('status', 'licence.revoked_by_sanction_only');
    }
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.query<unknown[]>('UPDATE licences SET status = $3, version = version + 1 WHERE id = $1 AND version = $2', [id, version, status]);
      assertVersionMatched(updated, licence.version);
      await this.audit.record(
        { action: 'licence.status', resourceType: 'licence', resourceId: id, changedFields: ['status'], details: { from: licence.status, to: status } },
        manager,
      );
    });
    return this.one<LicenceView>(SELECT_LICENCES, 'l', id, 'licence');
  }

  // ---- helpers -----------------------------------------------------------------------------

  private checkOrgNumber(value: string): string {
    if (!isValidOrgNumber(value)) {
      throw invalidField('orgNumber', 'org_number.invalid');
    }
    return normaliseOrgNumber(value);
  }

  /** The municipality of the collaboration: licences are its business (AL 9 kap 2 §). 400 if there is none. */
  async municipalityOf(collaborationId: string): Promise<string> {
    const [row] = await this.dataSource.query<{ municipality_organisation_id: string }[]>(
      'SELECT municipality_organisation_id FROM collaborations WHERE id = $1',
      [collaborationId],
    );
    if (!row) throw invalidField('collaborationId', 'reference.not_found', { resource: 'collaboration' });
    return row.municipality_organisation_id;
  }

  /** The municipality through which the principal manages licences. */
  private managedOrganisation(principal: Principal): string {
    const membership = principal.memberships.find((m) => m.organisationKind === 'municipality' && m.role === 'licensing_officer');
    if (!membership) throw new ProblemException('licence_holder.licensing_officer_only');
    return membership.organisationId;
  }

  private async assertNoLicenceNeedsKitchen(premisesId: string): Promise<void> {
    const [row] = await this.dataSource.query(
      `SELECT 1 FROM licences WHERE premises_id = $1 AND status = 'active' AND type = 'permanent' AND audience = 'public'`,
      [premisesId],
    );
    if (row) throw invalidField('hasOwnKitchen', 'premises.kitchen_needed');
  }

  private async one<T>(select: string, alias: string, id: string, what: string): Promise<T> {
    const [row] = await this.dataSource.query<T[]>(`${select} WHERE ${alias}.id = $1`, [id]);
    if (!row) throw new NotFoundException(`No ${what} with id ${id}.`);
    return row;
  }

  private async page<T>(
    select: string,
    table: string,
    alias: string,
    columns: OwnershipColumns,
    principal: Principal,
    query: LicensingListQuery,
    filter: (qb: ReturnType<DataSource['createQueryBuilder']>) => void,
    order: string,
  ): Promise<Page<T>> {
    const scope = scopeCondition(principal, 'premises:read', columns, this.clock.now(), { grants: table !== 'licence_holders' });
    const qb = this.dataSource.createQueryBuilder().from(table, alias).where(scope.sql, scope.params);
    filter(qb);
    return pageOf<T>(this.dataSource, qb, { alias, orderBy: [[order, 'ASC']], select }, query);
  }
}

/** Serving hours: known weekdays, HH:MM times. */
function servingHoursErrors(hours: Record<string, { from: string; to: string }> | undefined): FieldError[] {
  const errors: FieldError[] = [];
  for (const [day, span] of Object.entries(hours ?? {})) {
    if (!(WEEKDAYS as readonly string[]).includes(day)) errors.push(fieldError(`servingHours.${day}`, 'licence.weekday'));
    else if (!span || !/^([01]\d|2[0-3]):[0-5]\d$/.test(span.from) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(span.to)) {
      errors.push(fieldError(`servingHours.${day}`, 'licence.serving_hours'));
    }
  }
  return errors;
}
