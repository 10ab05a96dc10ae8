import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Principal, RECORD_PAGES, scopeCondition } from '@samverkan/access';
import { Clock, hitsOf, type SearchHits } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import { CASE_COLUMNS } from './youth-case-access.js';
import { caseReference } from './youth-deadlines.js';

/** The lowest or highest uuid whose hex digits start with `prefix`. */
function uuidBound(prefix: string, fill: '0' | 'f'): string {
  const hex = prefix.toLowerCase().padEnd(32, fill);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Youth cases for the header search, by the number shown for them (UÄ- and the first hex digits of
 * the id). Only cases the principal may read, in the scope of GET /youth-cases (OSL 26 kap 1 §:
 * a case outside it does not exist for them); no names or personal numbers in the answer.
 */
@Injectable()
export class YouthCaseSearch {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Cases whose number starts with `prefix` (1–8 hex digits), a range of the primary key. */
  async byNumber(principal: Principal, prefix: string, limit: number): Promise<SearchHits> {
    const scope = scopeCondition(principal, 'youth_case:read', CASE_COLUMNS, this.clock.now());
    const rows = await this.dataSource
      .createQueryBuilder()
      .from('youth_cases', 'c')
      .innerJoin('organisations', 'o', 'o.id = c.owner_organisation_id')
      .select('c.id', 'id')
      .addSelect('o.name', 'organisation')
      .where('c.id BETWEEN :low AND :high', { low: uuidBound(prefix, '0'), high: uuidBound(prefix, 'f') })
      .andWhere("c.status <> 'purged'")
      .andWhere(scope.sql, scope.params)
      .orderBy('c.id')
      .limit(limit + 1)
      .getRawMany<{ id: string; organisation: string }>();
    return hitsOf(
      rows.map((row) => ({ id: row.id, label: caseReference(row.id), secondary: row.organisation, link: RECORD_PAGES.youth_case.path(row.id) })),
      limit,
    );
  }
}
