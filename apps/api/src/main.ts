import 'reflect-metadata';
import { AppLogger, checkDependencies, guardShutdown, loadConfig, runMain } from '@samverkan/platform';
import { createApiApp } from './api.factory.js';

await runMain('samverkan-api', async () => {
  const config = loadConfig();
  await checkDependencies(config);
  const app = await createApiApp(config);
  const logger = app.get(AppLogger);
  app.enableShutdownHooks();
  guardShutdown(config.SHUTDOWN_TIMEOUT_MS, (message) => logger.log(message, 'Shutdown'));
  await app.listen({ port: config.PORT, host: config.HOST });
  const url = await app.getUrl();
  logger.log(`Samverkan API listening on ${url} (OpenAPI: ${url}/api/docs)`, 'Bootstrap');
});
