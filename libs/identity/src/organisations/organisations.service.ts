import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Principal, scopeCondition } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { assertVersionMatched, Clock, invalidField, isValidOrgNumber, normaliseOrgNumber, ProblemException } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import type { CreateOrganisationRequest, OrganisationView, UnitRefView, UpdateOrganisationRequest } from './organisations.dto.js';

/** The details PUT /organisations/{id} replaces (the audit names those it changed). */
const DETAILS = ['name', 'orgNumber', 'contactPhone', 'contactEmail', 'contactUrl', 'appealCourt'] as const;

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /**
   * A new organisation and its first units. Only a system administrator holds organisation:manage;
   * they then appoint its first admins, who alone give its domain roles (role-granting.ts).
   */
  async create(principal: Principal, request: CreateOrganisationRequest): Promise<OrganisationView> {
    if (request.orgNumber !== undefined && !isValidOrgNumber(request.orgNumber)) throw invalidField('orgNumber', 'org_number.invalid');
    const name = request.name.trim();
    const units = [...new Set(request.units.map((unit) => unit.trim()))];
    const id = await this.dataSource.transaction(async (manager) => {
      const [created] = await manager.query<{ id: string }[]>(
        `INSERT INTO organisations (name, kind, org_number) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING RETURNING id`,
        [name, request.kind, request.orgNumber === undefined ? null : normaliseOrgNumber(request.orgNumber)],
      );
      if (!created) throw new ProblemException('organisation.name_taken', { name });
      await manager.query(`INSERT INTO units (organisation_id, name) SELECT $1, unnest($2::text[])`, [created.id, units]);
      await this.audit.record(
        {
          action: 'organisation.create',
          resourceType: 'organisation',
          resourceId: created.id,
          subjectOrganisationId: created.id,
          changedFields: ['name', 'kind', 'orgNumber', 'units'],
        },
        manager,
      );
      return created.id;
    });
    return this.get(principal, id);
  }

  /** One organisation the principal may see; any other is a 404. */
  async get(principal: Principal, id: string): Promise<OrganisationView> {
    const [organisation] = await this.query(principal, id);
    if (!organisation) throw new NotFoundException(`No organisation with id ${id}.`);
    return organisation;
  }

  /**
   * Replaces an organisation's details (If-Match: the version read). Its contact shows on the
   * promise's public page and in the letters it issues; a municipality's court is named in the
   * appeal instruction of its decisions, so only a municipality has one.
   */
  async update(principal: Principal, id: string, version: number, request: UpdateOrganisationRequest): Promise<OrganisationView> {
    // A system administrator changes any organisation, an organisation administrator only their own.
    const [before] = await this.query(principal, id, 'organisation:details');
    if (!before) throw new NotFoundException(`No organisation with id ${id}.`);
    if (request.orgNumber && !isValidOrgNumber(request.orgNumber)) throw invalidField('orgNumber', 'org_number.invalid');
    if (request.appealCourt && before.kind !== 'municipality') throw invalidField('appealCourt', 'organisation.appeal_court_municipality');
    const after = {
      name: request.name.trim(),
      orgNumber: request.orgNumber ? normaliseOrgNumber(request.orgNumber) : null,
      contactPhone: request.contactPhone?.trim() || null,
      contactEmail: request.contactEmail?.trim() || null,
      contactUrl: request.contactUrl?.trim() || null,
      appealCourt: request.appealCourt ?? null,
    };
    const changed = DETAILS.filter((field) => after[field] !== before[field]);
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager
        .query<unknown[]>(
          `UPDATE organisations SET name = $3, org_number = $4, contact_phone = $5, contact_email = $6, contact_url = $7, appeal_court = $8,
             version = version + 1, updated_at = now()
           WHERE id = $1 AND version = $2`,
          [id, version, after.name, after.orgNumber, after.contactPhone, after.contactEmail, after.contactUrl, after.appealCourt],
        )
        .catch((error: { code?: string }) => {
          if (error.code === '23505') throw new ProblemException('organisation.name_taken', { name: after.name });
          throw error;
        });
      assertVersionMatched(updated, before.version);
      await this.audit.record(
        { action: 'organisation.update', resourceType: 'organisation', resourceId: id, subjectOrganisationId: id, changedFields: changed },
        manager,
      );
    });
    return this.get(principal, id);
  }

  /** A new unit of an organisation; its name is unique within the organisation. */
  async addUnit(organisationId: string, name: string): Promise<UnitRefView> {
    const unitName = name.trim();
    return this.dataSource.transaction(async (manager) => {
      const [organisation] = await manager.query<{ id: string }[]>('SELECT id FROM organisations WHERE id = $1', [organisationId]);
      if (!organisation) throw new NotFoundException(`No organisation with id ${organisationId}.`);
      const [unit] = await manager.query<UnitRefView[]>(
        `INSERT INTO units (organisation_id, name) VALUES ($1, $2) ON CONFLICT (organisation_id, name) DO NOTHING RETURNING id, name`,
        [organisationId, unitName],
      );
      if (!unit) throw new ProblemException('unit.name_taken', { name: unitName });
      await this.audit.record(
        { action: 'organisation.unit_create', resourceType: 'unit', resourceId: unit.id, subjectOrganisationId: organisationId, changedFields: ['name'] },
        manager,
      );
      return unit;
    });
  }

  /** Organisations (with units) the principal may see; a short list, ordered by name. */
  list(principal: Principal): Promise<OrganisationView[]> {
    return this.query(principal);
  }

  private query(
    principal: Principal,
    id?: string,
    permission: 'organisation:read' | 'organisation:details' = 'organisation:read',
  ): Promise<OrganisationView[]> {
    const scope = scopeCondition(principal, permission, { id: 'o.id', organisationId: 'o.id' }, this.clock.now(), {
      grants: false,
    });
    const query = this.dataSource
      .createQueryBuilder()
      .select([
        'o.id AS "id"',
        'o.name AS "name"',
        'o.kind AS "kind"',
        'o.org_number AS "orgNumber"',
        'o.contact_phone AS "contactPhone"',
        'o.contact_email AS "contactEmail"',
        'o.contact_url AS "contactUrl"',
        'o.appeal_court AS "appealCourt"',
        'o.version AS "version"',
        `coalesce((SELECT json_agg(json_build_object('id', un.id, 'name', un.name) ORDER BY un.name)
           FROM units un WHERE un.organisation_id = o.id), '[]') AS "units"`,
      ])
      .from('organisations', 'o')
      .where(scope.sql, scope.params)
      .orderBy('o.name');
    if (id !== undefined) query.andWhere('o.id = :id', { id });
    const [sql, params] = query.getQueryAndParameters();
    return this.dataSource.query<OrganisationView[]>(sql, params);
  }
}
