import 'reflect-metadata';
import cluster from 'node:cluster';
import { pino } from 'pino';
import { AppLogger, checkDependencies, createRootLogger, guardShutdown, loadConfig, runMain } from '@samverkan/platform';
import { apiProcessCount, runPrimary } from './cluster.js';

await runMain('samverkan-api', async () => {
  const config = loadConfig();
  const processes = apiProcessCount(config);
  // Start-up checks run once per machine or pod: in the primary, or in the one process; never per fork.
  if (cluster.isPrimary) await checkDependencies(config);
  if (cluster.isPrimary && processes > 1) {
    const logger = createRootLogger(config, 'samverkan-api', pino.destination({ dest: 1, sync: true })).child({ cluster: 'primary' });
    const code = await runPrimary({ processes, shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS, log: (level, message) => logger[level](message) });
    process.exit(code);
  }
  // Loaded here, not at the top: the primary never builds the application, so it stays small.
  const { createApiApp } = await import('./api.factory.js');
  const app = await createApiApp(config);
  const logger = app.get(AppLogger);
  app.enableShutdownHooks();
  guardShutdown(config.SHUTDOWN_TIMEOUT_MS, (message) => logger.log(message, 'Shutdown'));
  await app.listen({ port: config.PORT, host: config.HOST });
  const url = await app.getUrl();
  logger.log(`Samverkan API listening on ${url} (OpenAPI: ${url}/api/docs)`, 'Bootstrap');
});
