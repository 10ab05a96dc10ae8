import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Principal, RECORD_PAGES, scopeCondition } from '@samverkan/access';
import { Clock, containsPattern, foldedContains, hitsOf, type SearchHits } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import { PROMISE_COLUMNS } from './promise-access.js';

/**
 * Actions and commitments for the header search, by part of their title (text), whatever the case
 * and accents; in the scope of their lists (promise:read in the caller's collaborations).
 */
@Injectable()
export class PromiseSearch {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async actions(principal: Principal, text: string, limit: number): Promise<SearchHits> {
    // As GET /actions: whoever reads the promise reads all its actions.
    const scope = scopeCondition(principal, 'promise:read', { id: 'a.id', collaborationId: 'a.collaboration_id' }, this.clock.now(), { grants: false });
    const rows = await this.dataSource
      .createQueryBuilder()
      .from('actions', 'a')
      .innerJoin('commitments', 'c', 'c.id = a.commitment_id')
      .innerJoin('promises', 'p', 'p.id = c.promise_id')
      .select('a.id', 'id')
      .addSelect('a.title', 'label')
      .addSelect('p.title', 'secondary')
      .where(scope.sql, scope.params)
      .andWhere(foldedContains('a.title', 'pattern'), { pattern: containsPattern(text) })
      .orderBy('a.due_date', 'DESC')
      .addOrderBy('a.id')
      .limit(limit + 1)
      .getRawMany<{ id: string; label: string; secondary: string }>();
    return hitsOf(
      rows.map((row) => ({ ...row, link: RECORD_PAGES.action.path(row.id) })),
      limit,
    );
  }

  /** Commitments open on their promise's page, where they are listed with their progress. */
  async commitments(principal: Principal, text: string, limit: number): Promise<SearchHits> {
    const scope = scopeCondition(principal, 'promise:read', PROMISE_COLUMNS, this.clock.now());
    const rows = await this.dataSource
      .createQueryBuilder()
      .from('commitments', 'c')
      .innerJoin('promises', 'p', 'p.id = c.promise_id')
      .select('c.id', 'id')
      .addSelect('c.text', 'label')
      .addSelect('p.title', 'secondary')
      .addSelect('p.id', 'promiseId')
      .where(scope.sql, scope.params)
      .andWhere(foldedContains('c.text', 'pattern'), { pattern: containsPattern(text) })
      .orderBy('p.period_start', 'DESC')
      .addOrderBy('c.position')
      .addOrderBy('c.id')
      .limit(limit + 1)
      .getRawMany<{ id: string; label: string; secondary: string; promiseId: string }>();
    return hitsOf(
      rows.map(({ promiseId, ...row }) => ({ ...row, link: `/promise?promise=${promiseId}` })),
      limit,
    );
  }
}
