import { Redis } from 'ioredis';
import pg from 'pg';
import type { AppConfig } from '../config/app-config.js';
import { redisConnection } from '../queues/redis-connection.js';
import { databaseName, describePostgres, describeRedis, reasonOf } from '../database/connection-target.js';

/** A start-up failure worth one clear line rather than a stack trace. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

const TIMEOUT_MS = 5_000;

/** Fails with a StartupError naming the dependency and where it was looked for. */
export async function checkDependencies(config: Pick<AppConfig, 'DATABASE_URL' | 'REDIS_URL'>): Promise<void> {
  const problems = (await Promise.all([checkPostgres(config.DATABASE_URL), checkRedis(config.REDIS_URL)])).filter((p): p is string => p !== undefined);
  if (problems.length > 0) throw new StartupError(problems.join('; '));
}

async function checkPostgres(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: TIMEOUT_MS });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    if ((error as { code?: string }).code === '3D000') {
      return `${describePostgres(url)}: database "${databaseName(url)}" does not exist; run npm run db:migrate (DATABASE_URL)`;
    }
    return `cannot reach ${describePostgres(url)} (DATABASE_URL): ${reasonOf(error)}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function checkRedis(url: string): Promise<string | undefined> {
  const client = new Redis(url, {
    ...redisConnection(url, 'samverkan-startup-check'),
    lazyConnect: true,
    connectTimeout: TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  // ioredis rejects connect() with "Connection is closed"; the reason arrives as an 'error' event.
  let cause: unknown;
  client.on('error', (error) => (cause ??= error));
  try {
    await client.connect();
    await client.ping();
    return undefined;
  } catch (error) {
    return `cannot reach ${describeRedis(url)} (REDIS_URL): ${reasonOf(cause ?? error)}`;
  } finally {
    client.disconnect();
  }
}
