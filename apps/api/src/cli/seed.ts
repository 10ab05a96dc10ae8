import 'reflect-metadata';
import { DEMO_USERS } from '../seed/identity.seed.js';
import { describePostgres, loadConfig, runMain, runSeed } from '@samverkan/platform';
import { seedSteps } from '../seed/seed-steps.js';

/** `node seed.js`: loads the demo data (idempotent: safe to run again). Run migrations first. */
await runMain('samverkan-seed', async () => {
  const config = loadConfig();
  const done = await runSeed(config, seedSteps(config));
  console.log(`${describePostgres(config.DATABASE_URL)}: seeded ${done.join('; ')}`);
  console.log(`\nDemo accounts (password: ${config.SEED_PASSWORD}):`);
  for (const user of DEMO_USERS) console.log(`  ${user.email.padEnd(34)} ${user.role.padEnd(24)} ${user.displayName}, ${user.unit}`);
});
