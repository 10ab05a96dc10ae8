import { NotFoundException } from '@nestjs/common';
import { type OwnershipColumns, type Principal, scopeCondition } from '@samverkan/access';
import { type Page, pageOf, type PageQuery } from '@samverkan/platform';
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** One row of the licence register by id, as `select` reads it; 404 when there is none. */
export async function registerRow<T>(dataSource: DataSource, select: string, alias: string, id: string, what: string): Promise<T> {
  const [row] = await dataSource.query<T[]>(`${select} WHERE ${alias}.id = $1`, [id]);
  if (!row) throw new NotFoundException(`No ${what} with id ${id}.`);
  return row;
}

/**
 * A page of the licence register the principal may read (premises:read in their scope; per-record
 * grants count except on licence holders, who belong to the municipality alone).
 */
export function registerPage<T>(
  dataSource: DataSource,
  now: Date,
  principal: Principal,
  query: PageQuery,
  list: {
    select: string;
    table: string;
    alias: string;
    columns: OwnershipColumns;
    grants: boolean;
    orderBy: string;
    filter: (qb: SelectQueryBuilder<ObjectLiteral>) => void;
  },
): Promise<Page<T>> {
  const scope = scopeCondition(principal, 'premises:read', list.columns, now, { grants: list.grants });
  const qb = dataSource.createQueryBuilder().from(list.table, list.alias).where(scope.sql, scope.params);
  list.filter(qb);
  return pageOf<T>(dataSource, qb, { alias: list.alias, orderBy: [[list.orderBy, 'ASC']], select: list.select }, query);
}
