import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { preparedQuery } from '../database/prepared-query.js';
import type { Page, PageQuery } from './pagination.js';

export interface PageOfOptions {
  /** Alias of the listed table in `filtered` and `select`; its `id` identifies a row. */
  alias: string;
  /** Sort keys, most significant first; the id breaks ties so pages never overlap. */
  orderBy: [expression: string, direction: 'ASC' | 'DESC'][];
  /**
   * Direction of the id that breaks ties (default ASC). DESC suits newest-first logs whose ids
   * grow with time (audit events, notifications).
   */
  idOrder?: 'ASC' | 'DESC';
  /**
   * `SELECT … FROM <table> <alias> …` producing the full rows (joins, json aggregates, per-row
   * expressions such as "may the caller open this row"). It may reference only its own
   * `selectParams` — never the filter's — as `:name` (a `::type` cast is left alone).
   */
  select: string;
  /**
   * Values that `select` needs from the caller (the caller's scope, "today", "now"), bound as
   * parameters after the filter's; a value is never written into the SQL text. Each `:name` in
   * `select` whose name is a key here becomes a placeholder; an array binds as one array value.
   */
  selectParams?: ObjectLiteral;
}

/**
 * One page of a scoped, filtered list, in SQL: the page's ids (filter, order, limit, offset),
 * the full rows for just those ids, and the total that matched — no table is loaded into memory
 * and nothing is fetched per row. Every paged list goes through here.
 */
export async function pageOf<T>(
  dataSource: DataSource,
  filtered: SelectQueryBuilder<ObjectLiteral>,
  options: PageOfOptions,
  query: PageQuery,
): Promise<Page<T>> {
  const { alias, orderBy, idOrder = 'ASC', select, selectParams = {} } = options;
  const ids = filtered.clone().select(`${alias}.id`, 'id');
  orderBy.forEach(([expression, direction], i) => {
    ids.addSelect(expression, `sort${i}`);
    if (i === 0) ids.orderBy(expression, direction);
    else ids.addOrderBy(expression, direction);
  });
  ids.addOrderBy(`${alias}.id`, idOrder).limit(query.limit).offset(query.offset);
  const [sql, params] = ids.getQueryAndParameters();
  const rows = bindAfter(select, selectParams, params);
  const order = [...orderBy.map(([, direction], i) => `page.sort${i} ${direction}`), `${alias}.id ${idOrder}`].join(', ');
  const [countSql, countParams] = filtered.clone().select('count(*)::int', 'total').getQueryAndParameters();
  // Prepared: a list's statements are planned once per connection (prepared-query.ts).
  const [items, [count]] = await Promise.all([
    preparedQuery<T>(dataSource, `WITH page AS (${sql}) ${rows} JOIN page ON page.id = ${alias}.id ORDER BY ${order}`, params),
    preparedQuery<{ total: number }>(dataSource, countSql, countParams),
  ]);
  return { items, total: count?.total ?? 0, limit: query.limit, offset: query.offset };
}

/** Turns `:name` placeholders of `sql` named in `named` into `$n`, appending their values to `bound`. */
export function bindAfter(sql: string, named: ObjectLiteral, bound: unknown[]): string {
  const positions = new Map<string, number>();
  return sql.replace(/(?<!:):([A-Za-z_][A-Za-z0-9_]*)/g, (placeholder, name: string) => {
    if (!Object.hasOwn(named, name)) return placeholder;
    let position = positions.get(name);
    if (position === undefined) positions.set(name, (position = bound.push(named[name])));
    return `$${position}`;
  });
}
