import 'reflect-metadata';
import { describePostgres, loadConfig, migrateDown, migrateUp, pendingMigrations, runMain, StartupError } from '@samverkan/platform';
import { migrations } from '@samverkan/migrations';

const WAIT_POLL_MS = 2_000;

/**
 * `node migrate.js up|down|wait [seconds]`: applies every pending migration, reverts the last one,
 * or waits (default 600 s) until another runner has applied them all — the api's and worker's init
 * container on Kubernetes, while the migration Job runs (deploy/k8s).
 */
await runMain('samverkan-migrate', async () => {
  const direction = process.argv[2] ?? 'up';
  if (direction !== 'up' && direction !== 'down' && direction !== 'wait') {
    throw new Error(`unknown direction "${direction}"; use up, down or wait`);
  }
  const config = loadConfig();
  const target = describePostgres(config.DATABASE_URL);
  if (direction === 'up') {
    const ran = await migrateUp(config, migrations);
    console.log(ran.length === 0 ? `${target}: schema is up to date` : `${target}: applied ${ran.length} migration(s): ${ran.map((m) => m.name).join(', ')}`);
  } else if (direction === 'down') {
    const reverted = await migrateDown(config, migrations);
    console.log(reverted ? `${target}: reverted ${reverted}` : `${target}: no migration to revert`);
  } else {
    const until = Date.now() + Number(process.argv[3] ?? 600) * 1_000;
    let reason: string;
    for (;;) {
      try {
        const pending = await pendingMigrations(config, migrations);
        if (pending.length === 0) break;
        reason = `${pending.length} migration(s) pending: ${pending.join(', ')}`;
      } catch (error) {
        reason = (error as Error).message; // the database is not there yet
      }
      if (Date.now() > until) throw new StartupError(`${target}: gave up waiting for migrations (${reason})`);
      await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS));
    }
    console.log(`${target}: schema is up to date`);
  }
});
