import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, type OwnershipColumns, type Principal } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { assertVersionMatched, Clock, escapeLike, invalidField, type Page, ProblemException, ValidationProblem } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import { nextVisitDueOn } from '../supervision/risk-model.js';
import { premisesChangeErrors, premisesInUse } from './licence-rules.js';
import type { LicensingListQuery, PremisesInput, PremisesView } from './licensing.dto.js';
import { registerPage, registerRow } from './register-queries.js';

export const PREMISES_COLUMNS: OwnershipColumns = { id: 'p.id', collaborationId: 'p.collaboration_id', organisationId: 'p.owner_organisation_id' };

export const SELECT_PREMISES = `SELECT p.id, p.collaboration_id AS "collaborationId", p.owner_organisation_id AS "ownerOrganisationId", p.name,
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

/** Premises as SELECT_PREMISES reads them; the next visit is computed by the risk model. */
type PremisesRow = Omit<PremisesView, 'nextVisitDueOn'>;

/**
 * Premises as the API shows them: their licences, the risk score of the latest supervision plan with
 * the factors behind it, and when the next supervision visit is due (see the risk model).
 */
function withNextVisit(premises: PremisesRow): PremisesView {
  return { ...premises, nextVisitDueOn: nextVisitDueOn(premises.lastVisitScheduledOn, premises.plannedVisitsPerYear) };
}

/**
 * Licensed premises (serveringsställen), owned by the municipality of their collaboration. Police
 * inspectors see the premises they inspect through per-record grants.
 */
@Injectable()
export class PremisesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal, query: LicensingListQuery): Promise<Page<PremisesView>> {
    const page = await registerPage<PremisesRow>(this.dataSource, this.clock.now(), principal, query, {
      select: SELECT_PREMISES,
      table: 'premises',
      alias: 'p',
      columns: PREMISES_COLUMNS,
      grants: true,
      orderBy: 'p.name',
      filter: (qb) => {
        if (query.q) qb.andWhere('p.name ILIKE :q', { q: `%${escapeLike(query.q)}%` });
        // Premises by their licences' status, e.g. those with an active licence.
        if (query.status) qb.andWhere('EXISTS (SELECT 1 FROM licences l WHERE l.premises_id = p.id AND l.status = :status)', { status: query.status });
      },
    });
    return { ...page, items: page.items.map(withNextVisit) };
  }

  async get(principal: Principal, id: string): Promise<PremisesView> {
    const premises = await this.find(id);
    await this.access.authorize(principal, 'premises', 'read', {
      id,
      collaborationId: premises.collaborationId,
      organisationId: premises.ownerOrganisationId,
    });
    return premises;
  }

  async create(principal: Principal, input: PremisesInput): Promise<PremisesView> {
    const owner = await this.municipalityOf(input.collaborationId);
    await this.access.assertAllowed(principal, 'premises:manage', { id: input.collaborationId, collaborationId: input.collaborationId, organisationId: owner });
    const id = await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO premises (collaboration_id, owner_organisation_id, name, kind, address, postal_code, city, latitude, longitude,
           capacity, has_own_kitchen) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          input.collaborationId,
          owner,
          input.name.trim(),
          input.kind,
          input.address.trim(),
          input.postalCode ?? '',
          input.city ?? '',
          input.latitude ?? null,
          input.longitude ?? null,
          input.capacity ?? null,
          input.hasOwnKitchen,
        ],
      );
      await this.audit.record({ action: 'premises.create', resourceType: 'premises', resourceId: row.id, subjectOrganisationId: owner }, manager);
      return row.id;
    });
    return this.find(id);
  }

  async update(principal: Principal, id: string, version: number, input: PremisesInput): Promise<PremisesView> {
    const before = await this.get(principal, id);
    await this.access.assertAllowed(principal, 'premises:manage', { id, collaborationId: before.collaborationId, organisationId: before.ownerOrganisationId });
    const activeLicences = await this.dataSource.query<{ type: string; audience: string }[]>(
      `SELECT type, audience FROM licences WHERE premises_id = $1 AND status = 'active'`,
      [id],
    );
    const errors = premisesChangeErrors(before, input, activeLicences);
    if (errors.length > 0) throw new ValidationProblem(errors);
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.query<unknown[]>(
        `UPDATE premises SET name = $3, kind = $4, address = $5, postal_code = $6, city = $7, latitude = $8, longitude = $9,
           capacity = $10, has_own_kitchen = $11, version = version + 1 WHERE id = $1 AND version = $2`,
        [
          id,
          version,
          input.name.trim(),
          input.kind,
          input.address.trim(),
          input.postalCode ?? '',
          input.city ?? '',
          input.latitude ?? null,
          input.longitude ?? null,
          input.capacity ?? null,
          input.hasOwnKitchen,
        ],
      );
      assertVersionMatched(updated, before.version);
      await this.audit.record(
        { action: 'premises.update', resourceType: 'premises', resourceId: id, subjectOrganisationId: before.ownerOrganisationId },
        manager,
      );
    });
    return this.find(id);
  }

  /**
   * Removes premises registered by mistake. Premises with licences or inspections are part of the
   * supervision record and stay (409); their licences end by status instead.
   */
  async delete(principal: Principal, id: string, version: number): Promise<void> {
    const premises = await this.get(principal, id);
    await this.access.assertAllowed(principal, 'premises:manage', {
      id,
      collaborationId: premises.collaborationId,
      organisationId: premises.ownerOrganisationId,
    });
    await this.dataSource.transaction(async (manager) => {
      const [history] = await manager.query<{ licences: number; inspections: number }[]>(
        `SELECT (SELECT count(*)::int FROM licences WHERE premises_id = $1) AS licences,
                (SELECT count(*)::int FROM inspections WHERE premises_id = $1) AS inspections`,
        [id],
      );
      if (premisesInUse(history)) {
        throw new ProblemException('premises.in_use', { licences: history.licences, inspections: history.inspections });
      }
      await manager.query('DELETE FROM supervision_plan_items WHERE premises_id = $1', [id]);
      const deleted = await manager.query<unknown[]>('DELETE FROM premises WHERE id = $1 AND version = $2', [id, version]);
      assertVersionMatched(deleted, premises.version);
      await this.audit.record(
        {
          action: 'premises.delete',
          resourceType: 'premises',
          resourceId: id,
          subjectOrganisationId: premises.ownerOrganisationId,
          details: { name: premises.name },
        },
        manager,
      );
    });
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

  private async find(id: string): Promise<PremisesView> {
    return withNextVisit(await registerRow<PremisesRow>(this.dataSource, SELECT_PREMISES, 'p', id, 'premises'));
  }
}
