import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Principal, scopeCondition } from '@samverkan/access';
import { Clock } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import type { CollaborationView, OrganisationView } from './organisations.dto.js';

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

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
              json_build_object('id', m.id, 'name', m.name) AS municipality
       FROM collaborations c
       JOIN organisations p ON p.id = c.police_organisation_id
       JOIN organisations m ON m.id = c.municipality_organisation_id
       WHERE c.id = ANY($1::uuid[]) ORDER BY c.name`,
      [ids],
    );
  }
}
