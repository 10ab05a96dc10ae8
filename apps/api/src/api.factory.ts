import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type AppConfig, AppLogger, type AppOptions, configureHttpApp, createFastifyAdapter } from '@samverkan/platform';
import { ApiModule } from './api.module.js';

/** Builds the API application (not yet listening). main.ts and the e2e tests both use this. */
export async function createApiApp(config: AppConfig, options: AppOptions = {}): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config, options), createFastifyAdapter(config), {
    bufferLogs: true,
  });
  app.useLogger(app.get(AppLogger));
  await configureHttpApp(app, config);
  return app;
}
