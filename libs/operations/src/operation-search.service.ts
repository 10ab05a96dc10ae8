import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Principal, RECORD_PAGES, scopeCondition, scopesFor } from '@samverkan/access';
import { Clock, containsPattern, foldedContains, hitsOf, type SearchHits } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import { OPERATION_COLUMNS } from './operations.service.js';

/**
 * Operations for the header search, by part of their code name (title), police only. GET
 * /operations shows every operation of the caller's police area but its title only where they may
 * open it; a search by title must not reveal more, so it finds only operations they may open
 * (operation:read in their scope: commanders, participants through their grants).
 */
@Injectable()
export class OperationSearch {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async byCodeName(principal: Principal, text: string, limit: number): Promise<SearchHits> {
    const policeAreas = [...new Set(scopesFor(principal, 'operation:read').map((s) => s.organisationId))];
    const memberOfPolice = principal.memberships.some((m) => m.organisationKind === 'police' && policeAreas.includes(m.organisationId));
    if (!memberOfPolice) return { items: [], more: false };
    const detail = scopeCondition(principal, 'operation:read', OPERATION_COLUMNS, this.clock.now());
    const rows = await this.dataSource
      .createQueryBuilder()
      .from('operations', 'o')
      .select('o.id', 'id')
      .addSelect('o.title', 'label')
      .addSelect('o.area', 'secondary')
      .where('o.owner_organisation_id = ANY(:policeAreas)', { policeAreas })
      .andWhere(detail.sql, detail.params)
      .andWhere(foldedContains('o.title', 'pattern'), { pattern: containsPattern(text) })
      .orderBy('o.planned_start', 'DESC')
      .addOrderBy('o.id')
      .limit(limit + 1)
      .getRawMany<{ id: string; label: string; secondary: string }>();
    return hitsOf(
      rows.map((row) => ({ ...row, link: RECORD_PAGES.operation.path(row.id) })),
      limit,
    );
  }
}
