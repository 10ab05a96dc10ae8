import { randomBytes } from 'node:crypto';
import { type AppConfig, type Env, loadConfig } from '@samverkan/platform';
import { Redis } from 'ioredis';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const TEST_QUEUE_PREFIX = 'samverkan-test-';

/**
 * What one test file runs against: its own database (cloned from the migrated template) and its
 * own Redis key prefix, so files run in parallel without touching each other or the demo data.
 */
export class TestEnvironment {
  private constructor(
    readonly database: TestDatabase,
    readonly config: AppConfig,
  ) {}

  static async create(overrides: Env = {}): Promise<TestEnvironment> {
    const database = await createTestDatabase();
    return new TestEnvironment(database, testConfig(database.url, overrides));
  }

  /** The same database and queue prefix with some settings changed (e.g. an unreachable Redis). */
  withConfig(overrides: Env): AppConfig {
    return loadConfig({ ...configAsEnv(this.config), ...overrides });
  }

  async close(): Promise<void> {
    await this.database.drop();
    await deleteQueueKeys(this.config.QUEUE_PREFIX);
  }
}

export function testConfig(databaseUrl: string, overrides: Env = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: `${TEST_QUEUE_PREFIX}${randomBytes(6).toString('hex')}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SHUTDOWN_TIMEOUT_MS: '10000',
    // The tests sign in with the demo accounts' passwords; the step-up tests turn this off.
    DEMO_STRONG_PASSWORD_SESSIONS: 'true',
    // Tests change users, sessions and memberships in SQL as well as through the api; the cache of
    // principals (whose revocation through the api principal-cache.e2e-spec proves) is off unless asked for.
    PRINCIPAL_CACHE_TTL_MS: '0',
    ...overrides,
  });
}

export function configAsEnv(config: AppConfig): Env {
  return Object.fromEntries(Object.entries(config).map(([key, value]) => [key, Array.isArray(value) ? value.join(',') : String(value)]));
}

/** Removes every Redis key under a queue prefix. */
export async function deleteQueueKeys(prefix: string, redisUrl = TEST_REDIS_URL): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
