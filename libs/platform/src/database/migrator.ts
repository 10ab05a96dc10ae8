import { DataSource, type Migration } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { dataSourceOptions, type Migrations } from './data-source-options.js';
import { ensureDatabase } from './ensure-database.js';

/** Applies every pending migration (creating the database first if needed); returns what ran. */
export async function migrateUp(config: Pick<AppConfig, 'DATABASE_URL'>, migrations: Migrations): Promise<Migration[]> {
  await ensureDatabase(config.DATABASE_URL);
  return withDataSource(config, migrations, (ds) => ds.runMigrations({ transaction: 'each' }));
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
