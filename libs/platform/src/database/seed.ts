import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { dataSourceOptions } from './data-source-options.js';

/**
 * One part of the demo data. `run` must be idempotent (upserts on fixed keys), so that
 * `npm run seed` can be repeated on a database that already holds the data.
 */
export interface SeedStep {
  name: string;
  run(manager: EntityManager): Promise<void>;
}

const SEED_LOCK = 'samverkan-seed';

/** Runs the steps in order, in one transaction, one seeding process at a time. */
export async function runSeed(config: Pick<AppConfig, 'DATABASE_URL'>, steps: readonly SeedStep[]): Promise<string[]> {
  const ds = new DataSource({ ...dataSourceOptions(config, 'samverkan-seed'), logging: ['error'] });
  await ds.initialize();
  try {
    return await ds.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [SEED_LOCK]);
      const done: string[] = [];
      for (const step of steps) {
        await step.run(manager);
        done.push(step.name);
      }
      return done;
    });
  } finally {
    await ds.destroy();
  }
}
