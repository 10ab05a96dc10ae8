import { type DynamicModule, Module } from '@nestjs/common';
import { AccessModule } from '@samverkan/access';
import { AuditModule } from '@samverkan/audit';
import { IdentityModule } from '@samverkan/identity';
import { PromisesModule } from '@samverkan/promises';
import { DeadlinesModule } from '@samverkan/deadlines';
import { InspectionsModule } from '@samverkan/inspections';
import { YouthModule } from '@samverkan/youth';
import { OperationsModule } from '@samverkan/operations';
import { SearchModule } from '@samverkan/search';
import { MapModule } from '@samverkan/map';
import { AttachmentsApiModule } from '@samverkan/attachments';
import { DocumentsApiModule } from '@samverkan/documents';
import { type AppConfig, type AppOptions, ClockModule, ConfigModule, DatabaseModule, HealthModule, LoggingModule, QueueModule } from '@samverkan/platform';
import { migrations } from '@samverkan/migrations';

/** The HTTP API. Domain modules (identity, promises, inspections, …) are added here as they arrive. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig, options: AppOptions = {}): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot('samverkan-api'),
        ClockModule.forRoot(options.clock),
        DatabaseModule.forRoot('samverkan-api', migrations),
        QueueModule.forRoot({ failFast: true }),
        HealthModule,
        AuditModule,
        AccessModule,
        IdentityModule,
        PromisesModule,
        DeadlinesModule,
        InspectionsModule,
        YouthModule,
        OperationsModule,
        SearchModule,
        MapModule,
        AttachmentsApiModule,
        DocumentsApiModule,
      ],
    };
  }
}
