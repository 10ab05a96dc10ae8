import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Page, PageQuery } from './pagination.js';

export interface PageOfOptions {
  /** Alias of the listed table in `filtered` and `select`; its `id` identifies a row. */
  alias: string;
  /** Sort keys, most significant first; the id breaks ties so pages never overlap. */
  orderBy: [expression: string, direction: 'ASC' | 'DESC'][];
  /** `SELECT … FROM <table> <alias> …` producing the full rows (joins, json aggregates). */
  select: string;
}

/**
 * One page of a scoped, filtered list, in SQL: the page's ids (filter, order, limit, offset),
 * the full rows for just those ids, and the total that matched — no table is loaded into memory
 * and nothing is fetched per row.
 */
export async function pageOf<T>(dataSource: DataSource, filtered: SelectQueryBuilder<ObjectLiteral>, options: PageOfOptions, query: PageQuery): Promise<Page<T>> {
  const { alias, orderBy, select } = options;
  const ids = filtered.clone().select(`${alias}.id`, 'id');
  orderBy.forEach(([expression, direction], i) => {
    ids.addSelect(expression, `sort${i}`);
    if (i === 0) ids.orderBy(expression, direction);
    else ids.addOrderBy(expression, direction);
  });
  ids.addOrderBy(`${alias}.id`).limit(query.limit).offset(query.offset);
  const [sql, params] = ids.getQueryAndParameters();
  const order = [...orderBy.map(([, direction], i) => `page.sort${i} ${direction}`), `${alias}.id`].join(', ');
  const [items, count] = await Promise.all([
    dataSource.query<T[]>(`WITH page AS (${sql}) ${select} JOIN page ON page.id = ${alias}.id ORDER BY ${order}`, params),
    filtered.clone().select('count(*)::int', 'total').getRawOne<{ total: number }>(),
  ]);
  return { items, total: count?.total ?? 0, limit: query.limit, offset: query.offset };
}
