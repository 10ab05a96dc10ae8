import 'reflect-metadata';
import { describePostgres, loadConfig, runMain, runSeed } from '@samverkan/platform';
import { seedSteps } from '../seed/seed-steps.js';

/** `node seed.js`: loads the demo data (idempotent: safe to run again). Run migrations first. */
await runMain('samverkan-seed', async () => {
  const config = loadConfig();
  const done = await runSeed(config, seedSteps);
  console.log(
    done.length === 0
      ? `${describePostgres(config.DATABASE_URL)}: no seed steps registered`
      : `${describePostgres(config.DATABASE_URL)}: seeded ${done.join(', ')}`,
  );
});
