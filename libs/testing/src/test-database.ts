import { createHash, randomBytes } from 'node:crypto';
import { migrations } from '@samverkan/migrations';
import { migrateUp, withDatabase } from '@samverkan/platform';
import pg from 'pg';

/** Server the test databases live on; the demo database on it is never touched. */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_DATABASE_PREFIX = 'samverkan_t_';
const TEMPLATE_PREFIX = 'samverkan_tpl_';
const TEMPLATE_LOCK = 'samverkan-test-template';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh database for one test file, cloned from a template that holds every migration. The
 * template is built once per set of migrations (its name carries their fingerprint), under an
 * advisory lock so that parallel test files wait for the first one to build it.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = await ensureTemplate();
  const name = testDatabaseName();
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(template)}`));
  return { name, url: withDatabase(TEST_SERVER_URL, name), drop: () => dropDatabase(name) };
}

/** An empty database (no migrations), for tests of the migrations themselves. */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  const name = testDatabaseName();
  return { name, url: withDatabase(TEST_SERVER_URL, name), drop: () => dropDatabase(name) };
}

/**
 * The name carries the pid of the process that owns the database, so the clean-up after a jest run
 * (global-teardown.mjs) removes only what dead processes left behind, never a database that another
 * run on the same machine is using between two queries.
 */
function testDatabaseName(): string {
  return `${TEST_DATABASE_PREFIX}${process.pid}_${randomBytes(6).toString('hex')}`;
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`));
}

/** Fingerprint of the migrations' names and code: a changed migration gets a fresh template. */
function migrationsFingerprint(): string {
  const hash = createHash('sha256');
  for (const migration of migrations) {
    hash.update(migration.name);
    hash.update(migration.prototype.up.toString());
    hash.update(migration.prototype.down.toString());
  }
  return hash.digest('hex').slice(0, 12);
}

async function ensureTemplate(): Promise<string> {
  const template = `${TEMPLATE_PREFIX}${migrationsFingerprint()}`;
  await withAdmin(async (admin) => {
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [TEMPLATE_LOCK]);
    try {
      const found = await admin.query<{ datistemplate: boolean }>('SELECT datistemplate FROM pg_database WHERE datname = $1', [template]);
      // Marked as template only once fully migrated; anything else is a leftover of a crash.
      const stamp = `COMMENT ON DATABASE ${pg.escapeIdentifier(template)} IS ${pg.escapeLiteral(new Date().toISOString().slice(0, 19))}`;
      if (found.rows[0]?.datistemplate) {
        await admin.query(stamp);
        return;
      }
      // Other checkouts (worktrees with other migrations) may be testing against their own template right
      // now: only templates unused for a day (the comment holds when one was last used, UTC), or this
      // one's crash leftover, are dropped.
      const stale = await admin.query<{ datname: string }>(
        `SELECT datname FROM pg_database d WHERE datname LIKE $1
           AND (datname = $2 OR coalesce(shobj_description(d.oid, 'pg_database'), '') < to_char(now() AT TIME ZONE 'UTC' - interval '1 day', 'YYYY-MM-DD"T"HH24:MI:SS'))`,
        [`${TEMPLATE_PREFIX}%`, template],
      );
      for (const { datname } of stale.rows) {
        await admin.query(`ALTER DATABASE ${pg.escapeIdentifier(datname)} IS_TEMPLATE false`);
        await admin.query(`DROP DATABASE ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
      }
      await migrateUp({ DATABASE_URL: withDatabase(TEST_SERVER_URL, template) }, migrations);
      await admin.query(`ALTER DATABASE ${pg.escapeIdentifier(template)} IS_TEMPLATE true`);
      await admin.query(stamp);
    } finally {
      await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [TEMPLATE_LOCK]);
    }
  });
  return template;
}

async function withAdmin<T>(work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: TEST_SERVER_URL });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
