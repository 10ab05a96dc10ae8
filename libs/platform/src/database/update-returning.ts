import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs an UPDATE or DELETE … RETURNING and gives the returned rows. (TypeORM's raw `query()`
 * answers those statements on PostgreSQL with `[rows, affectedCount]`, unlike SELECT and INSERT.)
 */
export async function updateReturning<T>(db: DataSource | EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const result: unknown = await db.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}

/** How many rows an UPDATE or DELETE run through raw `query()` touched. */
export function affectedRows(result: unknown): number {
  return Array.isArray(result) && result.length === 2 && typeof result[1] === 'number' ? result[1] : 0;
}
