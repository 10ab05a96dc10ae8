import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, type OwnershipColumns, type Principal } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { assertVersionMatched, Clock, escapeLike, invalidField, type Page, ProblemException } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import { isValidOrgNumber, licensingMunicipality, normaliseOrgNumber } from './licence-rules.js';
import type { HolderInput, LicenceHolderView, LicensingListQuery } from './licensing.dto.js';
import { registerPage, registerRow } from './register-queries.js';

export const HOLDER_COLUMNS: OwnershipColumns = { id: 'h.id', organisationId: 'h.owner_organisation_id' };

const SELECT_HOLDERS = `SELECT h.id, h.owner_organisation_id AS "ownerOrganisationId", h.name, h.org_number AS "orgNumber",
  h.contact_name AS "contactName", h.contact_email AS "contactEmail", h.contact_phone AS "contactPhone", h.address, h.version
  FROM licence_holders h`;

/**
 * Licence holders (tillståndshavare), registered by a municipality's licensing officer with a
 * checked organisation number, once per municipality.
 */
@Injectable()
export class LicenceHoldersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal, query: LicensingListQuery): Promise<Page<LicenceHolderView>> {
    return registerPage<LicenceHolderView>(this.dataSource, this.clock.now(), principal, query, {
      select: SELECT_HOLDERS,
      table: 'licence_holders',
      alias: 'h',
      columns: HOLDER_COLUMNS,
      grants: false,
      orderBy: 'h.name',
      filter: (qb) => {
        if (query.q) {
          // By name, or by the start of the organisation number however it is typed (with or without the dash).
          const digits = query.q.replace(/\D/g, '');
          const prefix = digits.length > 6 ? `${digits.slice(0, 6)}-${digits.slice(6)}` : digits;
          qb.andWhere(digits.length >= 2 ? '(h.name ILIKE :q OR h.org_number LIKE :prefix)' : 'h.name ILIKE :q', {
            q: `%${escapeLike(query.q)}%`,
            prefix: `${prefix}%`,
          });
        }
      },
    });
  }

  async get(principal: Principal, id: string): Promise<LicenceHolderView> {
    const holder = await this.find(id);
    await this.access.authorize(principal, 'premises', 'read', { id, organisationId: holder.ownerOrganisationId });
    return holder;
  }

  async create(principal: Principal, input: HolderInput): Promise<LicenceHolderView> {
    const orgNumber = this.checkOrgNumber(input.orgNumber);
    const owner = licensingMunicipality(principal.memberships);
    if (!owner) throw new ProblemException('licence_holder.licensing_officer_only');
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
    return this.find(id);
  }

  async update(principal: Principal, id: string, version: number, input: HolderInput): Promise<LicenceHolderView> {
    const before = await this.get(principal, id);
    await this.access.assertAllowed(principal, 'premises:manage', { id, organisationId: before.ownerOrganisationId });
    const orgNumber = this.checkOrgNumber(input.orgNumber);
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager
        .query<unknown[]>(
          `UPDATE licence_holders SET name = $3, org_number = $4, contact_name = $5, contact_email = $6, contact_phone = $7, address = $8,
           version = version + 1 WHERE id = $1 AND version = $2`,
          [id, version, input.name.trim(), orgNumber, input.contactName ?? '', input.contactEmail ?? '', input.contactPhone ?? '', input.address ?? ''],
        )
        .catch((error: { code?: string }) => {
          if (error.code === '23505') throw new ProblemException('licence_holder.exists', { orgNumber });
          throw error;
        });
      assertVersionMatched(updated, before.version);
      await this.audit.record(
        { action: 'licence_holder.update', resourceType: 'licence_holder', resourceId: id, subjectOrganisationId: before.ownerOrganisationId },
        manager,
      );
    });
    return this.find(id);
  }

  private checkOrgNumber(value: string): string {
    if (!isValidOrgNumber(value)) throw invalidField('orgNumber', 'org_number.invalid');
    return normaliseOrgNumber(value);
  }

  private find(id: string): Promise<LicenceHolderView> {
    return registerRow<LicenceHolderView>(this.dataSource, SELECT_HOLDERS, 'h', id, 'licence holder');
  }
}
