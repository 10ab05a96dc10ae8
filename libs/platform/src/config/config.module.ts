import { type DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig } from './app-config.js';
import { type Env, loadConfig } from './load-config.js';

/**
 * Provides the validated AppConfig to the whole application. Apps pass the environment they run
 * in (tests pass their own, so each test file can point at its own database and queue prefix).
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(source: Env | AppConfig = process.env): DynamicModule {
    const config = source instanceof AppConfig ? source : loadConfig(source);
    return {
      module: ConfigModule,
      providers: [{ provide: AppConfig, useValue: config }],
      exports: [AppConfig],
    };
  }
}
