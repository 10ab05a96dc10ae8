import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { AppLogger, checkDependencies, guardShutdown, loadConfig, runMain, WorkerRegistryService } from '@samverkan/platform';
import { createWorkerApp } from './worker.factory.js';

const HEARTBEAT_EVERY_MS = 10_000;

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
  if (config.WORKER_HEARTBEAT_FILE) {
    // The worker has no HTTP port: a liveness probe reads this file's age (deploy/k8s/worker.yaml).
    const beat = () =>
      writeFile(config.WORKER_HEARTBEAT_FILE, new Date().toISOString()).catch((error: Error) => logger.warn(`heartbeat: ${error.message}`, 'Bootstrap'));
    await beat();
    setInterval(() => void beat(), HEARTBEAT_EVERY_MS).unref();
  }
});
