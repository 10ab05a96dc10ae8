import 'reflect-metadata';
import { describePostgres, loadConfig, migrateDown, migrateUp, runMain } from '@samverkan/platform';
import { migrations } from '@samverkan/migrations';

/** `node migrate.js up|down`: applies every pending migration, or reverts the last one. */
await runMain('samverkan-migrate', async () => {
  const direction = process.argv[2] ?? 'up';
  if (direction !== 'up' && direction !== 'down') {
    throw new Error(`unknown direction "${direction}"; use up or down`);
  }
  const config = loadConfig();
  const target = describePostgres(config.DATABASE_URL);
  if (direction === 'up') {
    const ran = await migrateUp(config, migrations);
    console.log(ran.length === 0 ? `${target}: schema is up to date` : `${target}: applied ${ran.length} migration(s): ${ran.map((m) => m.name).join(', ')}`);
  } else {
    const reverted = await migrateDown(config, migrations);
    console.log(reverted ? `${target}: reverted ${reverted}` : `${target}: no migration to revert`);
  }
});
