import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { AfterCommitSubscriber } from './after-commit.js';
import { BeforeCommitSubscriber } from './before-commit.js';

export const MIGRATIONS_TABLE = 'typeorm_migrations';

/** The migration classes, oldest first. The apps pass them in (from `@samverkan/migrations`): platform sits below the schema. */
export type Migrations = NonNullable<DataSourceOptions['migrations']>;

/**
 * The one description of Samverkan's database, shared by the apps, the migration CLI and tests.
 * The schema changes only through migrations: `synchronize` is off everywhere, tests included.
 */
export function dataSourceOptions(config: Pick<AppConfig, 'DATABASE_URL'>, applicationName = 'samverkan', migrations: Migrations = []): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.DATABASE_URL,
    applicationName,
    synchronize: false,
    migrationsRun: false,
    migrations,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    entities: [],
    subscribers: [BeforeCommitSubscriber, AfterCommitSubscriber],
    extra: {
      max: 10,
      connectionTimeoutMillis: 5_000,
      // A runaway query must not hold a connection for ever; long reports set their own limit.
      statement_timeout: 30_000,
    },
  };
}
