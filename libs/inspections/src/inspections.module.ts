import { Module } from '@nestjs/common';
import { DeadlinesModule, DeadlinesService } from '@samverkan/deadlines';
import { IdentityModule } from '@samverkan/identity';
import { QueueModule, QueueName } from '@samverkan/platform';
import { PromisesModule } from '@samverkan/promises';
import { CalendarController } from './calendar.controller.js';
import { ChecklistsController } from './checklists.controller.js';
import { CalendarService } from './calendar.service.js';
import { InspectionsController } from './inspections.controller.js';
import { InspectionsService } from './inspections.service.js';
import { FindingPhotosService } from './finding-photos.service.js';
import { PhotoStorage, PostgresPhotoStorage } from './photo-storage.js';
import { LicensingController } from './licensing.controller.js';
import { LicensingService } from './licensing.service.js';
import { RestaurantReportOpener } from './restaurant-report-opener.js';
import { RestaurantReportsService } from './restaurant-reports.service.js';
import { SupervisionProcessor } from './supervision.processor.js';
import { SanctionsController } from './sanctions.controller.js';
import { SanctionsService } from './sanctions.service.js';
import { SupervisionController } from './supervision.controller.js';
import { SupervisionService } from './supervision.service.js';

/**
 * Alcohol licence supervision. So far: the licence register (holders, premises, licences) and
 * inspections (scheduling, findings, status path, response deadline, re-inspection) and sanction
 * cases (proposal, hearing, decision), the risk-based supervision plan, the year's statistics,
 * inspectors' calendar feeds and restaurant reports, photos on findings.
 */
@Module({
  imports: [IdentityModule, DeadlinesModule, PromisesModule],
  controllers: [LicensingController, CalendarController, ChecklistsController, InspectionsController, SanctionsController, SupervisionController],
  providers: [
    LicensingService,
    InspectionsService,
    FindingPhotosService,
    { provide: PhotoStorage, useClass: PostgresPhotoStorage },
    SanctionsService,
    SupervisionService,
    CalendarService,
    RestaurantReportOpener,
    RestaurantReportsService,
  ],
  exports: [LicensingService, InspectionsService],
})
export class InspectionsModule {}

/** The worker's part: the yearly opening of restaurant reports. */
@Module({
  imports: [QueueModule.register(QueueName.Supervision, QueueName.Deadlines)],
  providers: [DeadlinesService, RestaurantReportOpener, SupervisionProcessor],
})
export class InspectionsWorkerModule {}
