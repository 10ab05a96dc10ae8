import { type DynamicModule, Module } from '@nestjs/common';
import {
  type AppConfig,
  type AppOptions,
  ClockModule,
  ConfigModule,
  DatabaseModule,
  LoggingModule,
  QueueModule,
  RedisLossWatchModule,
  SystemWorkerModule,
} from '@samverkan/platform';
import { AuditWorkerModule } from '@samverkan/audit';
import { DeadlinesWorkerModule } from '@samverkan/deadlines';
import { DocumentsWorkerModule } from '@samverkan/documents';
import { InspectionsWorkerModule } from '@samverkan/inspections';
import { PromisesWorkerModule } from '@samverkan/promises';
import { YouthWorkerModule } from '@samverkan/youth';
import { migrations } from '@samverkan/migrations';

/** The worker: BullMQ consumers of every queue. Domain processors are added here as they arrive. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, options: AppOptions = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot('samverkan-worker'),
        ClockModule.forRoot(options.clock),
        DatabaseModule.forRoot('samverkan-worker', migrations),
        QueueModule.forRoot(),
        RedisLossWatchModule,
        AuditWorkerModule,
        SystemWorkerModule,
        DeadlinesWorkerModule,
        InspectionsWorkerModule,
        YouthWorkerModule,
        PromisesWorkerModule,
        DocumentsWorkerModule,
      ],
    };
  }
}
