import { type DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { AppLogger } from './app-logger.js';
import { createRootLogger, ROOT_LOGGER, type RootLogger } from './root-logger.js';

/**
 * Structured JSON logs (pino). Apps call `app.useLogger(app.get(AppLogger))` so that Nest's own
 * messages go the same way; code that needs fields beyond a message injects ROOT_LOGGER.
 */
@Module({})
export class LoggingModule {
  /** @param service names the process in every line (samverkan-api, samverkan-worker). */
  static forRoot(service: string): DynamicModule {
    return {
      module: LoggingModule,
      global: true,
      providers: [
        { provide: ROOT_LOGGER, inject: [AppConfig], useFactory: (config: AppConfig) => createRootLogger(config, service) },
        { provide: AppLogger, inject: [ROOT_LOGGER], useFactory: (root: RootLogger) => new AppLogger(root) },
      ],
      exports: [ROOT_LOGGER, AppLogger],
    };
  }
}
