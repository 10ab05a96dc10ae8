import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config.js';
import { dataSourceOptions, type Migrations } from './data-source-options.js';

/**
 * The application's TypeORM DataSource. Domain libs add their entities with
 * `TypeOrmModule.forFeature([...])` (autoLoadEntities picks them up).
 */
@Module({})
export class DatabaseModule {
  /**
   * @param applicationName shows in pg_stat_activity, so a DBA can tell api from worker.
   * @param migrations the schema's migrations, which readiness checks against the database.
   */
  static forRoot(applicationName: string, migrations: Migrations): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            ...dataSourceOptions(config, applicationName, migrations),
            autoLoadEntities: true,
            // Start-up checks already report an unreachable database once and clearly.
            retryAttempts: 1,
          }),
        }),
      ],
      exports: [TypeOrmModule],
    };
  }
}
