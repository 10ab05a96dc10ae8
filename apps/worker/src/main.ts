import 'reflect-metadata';
import { AppLogger, checkDependencies, guardShutdown, loadConfig, runMain, WorkerRegistryService } from '@samverkan/platform';
import { createWorkerApp } from './worker.factory.js';

await runMain('samverkan-worker', async () => {
  const config = loadConfig();
  await checkDependencies(config);
  const app = await createWorkerApp(config);
  const logger = app.get(AppLogger);
  // On SIGTERM/SIGINT: workers stop taking jobs, finish the ones in flight, then connections close.
  app.enableShutdownHooks();
  guardShutdown(config.SHUTDOWN_TIMEOUT_MS, (message) => logger.log(message, 'Shutdown'));
  await app.init();
  const { workerId } = app.get(WorkerRegistryService).identity;
  logger.log(`Samverkan worker ${workerId} consuming queues (prefix ${config.QUEUE_PREFIX})`, 'Bootstrap');
});
