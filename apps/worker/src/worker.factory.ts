import { type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type AppConfig, AppLogger, type AppOptions } from '@samverkan/platform';
import { WorkerModule } from './worker.module.js';

/** Builds the worker (a Nest application context, no HTTP server); consumers start on init. */
export async function createWorkerApp(config: AppConfig, options: AppOptions = {}): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, options), { bufferLogs: true });
  app.useLogger(app.get(AppLogger));
  return app;
}
