import pg from 'pg';
import { DataSource, type Migration } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { dataSourceOptions, MIGRATIONS_TABLE, type Migrations } from './data-source-options.js';
import { ensureDatabase } from './ensure-database.js';

/** Held while migrations run, so two runners (a migration Job retried, two deploys) take turns. */
const MIGRATE_LOCK = 'samverkan-migrate';

/**
 * Applies every pending migration (creating the database first if needed); returns what ran.
 * Runners take turns on an advisory lock: the second finds nothing pending (deploy/k8s runs it as
 * a Job that may be retried or re-applied while one still runs).
 */
export async function migrateUp(config: Pick<AppConfig, 'DATABASE_URL'>, migrations: Migrations): Promise<Migration[]> {
  await ensureDatabase(config.DATABASE_URL);
  const lock = new pg.Client({ connectionString: config.DATABASE_URL, connectionTimeoutMillis: 5_000 });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [MIGRATE_LOCK]);
    return await withDataSource(config, migrations, (ds) => ds.runMigrations({ transaction: 'each' }));
  } finally {
    await lock.end(); // ends the session, which releases the lock
  }
}

/** The names of the migrations not yet applied to the database (all of them on an empty one). */
export async function pendingMigrations(config: Pick<AppConfig, 'DATABASE_URL'>, migrations: Migrations): Promise<string[]> {
  const client = new pg.Client({ connectionString: config.DATABASE_URL, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const table = await client.query<{ found: string | null }>('SELECT to_regclass($1) AS found', [MIGRATIONS_TABLE]);
    const applied = table.rows[0]?.found ? (await client.query<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE}`)).rows.map((r) => r.name) : [];
    const done = new Set(applied);
    // Named like TypeORM names them: the migration's `name`, else its class name.
    const names = (migrations as (new () => { name?: string })[]).map((Migration) => new Migration().name ?? Migration.name);
    return names.filter((name) => !done.has(name));
  } finally {
    await client.end();
  }
}

/** Reverts the most recently applied migration; returns its name, or undefined if none was applied. */
export async function migrateDown(config: Pick<AppConfig, 'DATABASE_URL'>, migrations: Migrations): Promise<string | undefined> {
  return withDataSource(config, migrations, async (ds) => {
    const executed = await ds.driver
      .createQueryRunner('master')
      .query(`SELECT name FROM ${ds.options.migrationsTableName} ORDER BY timestamp DESC, id DESC LIMIT 1`)
      .catch(() => [] as { name: string }[]);
    if (executed.length === 0) return undefined;
    await ds.undoLastMigration({ transaction: 'each' });
    return (executed[0] as { name: string }).name;
  });
}

async function withDataSource<T>(config: Pick<AppConfig, 'DATABASE_URL'>, migrations: Migrations, work: (ds: DataSource) => Promise<T>) {
  const ds = new DataSource({ ...dataSourceOptions(config, 'samverkan-migrate', migrations), logging: ['error'] });
  await ds.initialize();
  try {
    return await work(ds);
  } finally {
    await ds.destroy();
  }
}
