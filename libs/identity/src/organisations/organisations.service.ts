import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Principal, scopeCondition } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { Clock, invalidField, isValidOrgNumber, normaliseOrgNumber, ProblemException } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import type { CollaborationView, CreateOrganisationRequest, OrganisationView } from './organisations.dto.js';

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
    const [view] = (await this.list(principal)).filter((organisation) => organisation.id === id);
    return view;
  }

  /** Organisations (with units) the principal may see; a short list, ordered by name. */
  async list(principal: Principal): Promise<OrganisationView[]> {
    const scope = scopeCondition(principal, 'organisation:read', { id: 'o.id', organisationId: 'o.id' }, this.clock.now(), {
      grants: false,
    });
    const [sql, params] = this.dataSource
      .createQueryBuilder()
      .select([
        'o.id AS "id"',
        'o.name AS "name"',
        'o.kind AS "kind"',
        'o.org_number AS "orgNumber"',
        `coalesce((SELECT json_agg(json_build_object('id', un.id, 'name', un.name) ORDER BY un.name)
           FROM units un WHERE un.organisation_id = o.id), '[]') AS "units"`,
      ])
      .from('organisations', 'o')
      .where(scope.sql, scope.params)
      .orderBy('o.name')
      .getQueryAndParameters();
    return this.dataSource.query<OrganisationView[]>(sql, params);
  }

  /** The collaborations with the given ids (the principal's own). */
  async collaborations(ids: string[]): Promise<CollaborationView[]> {
    if (ids.length === 0) return [];
    return this.dataSource.query<CollaborationView[]>(
      `SELECT c.id, c.name,
              json_build_object('id', p.id, 'name', p.name) AS police,
              json_build_object('id', m.id, 'name', m.name) AS municipality,
              coalesce((SELECT json_agg(json_build_object('id', o.id, 'name', o.name) ORDER BY o.name)
                        FROM collaboration_partners cp JOIN organisations o ON o.id = cp.organisation_id
                        WHERE cp.collaboration_id = c.id), '[]') AS partners
       FROM collaborations c
       JOIN organisations p ON p.id = c.police_organisation_id
       JOIN organisations m ON m.id = c.municipality_organisation_id
       WHERE c.id = ANY($1::uuid[]) ORDER BY c.name`,
      [ids],
    );
  }
}
