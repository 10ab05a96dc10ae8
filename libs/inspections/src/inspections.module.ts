import { Module } from '@nestjs/common';
import { DeadlinesModule, DeadlinesService } from '@samverkan/deadlines';
import { IdentityModule } from '@samverkan/identity';
import { QueueModule, QueueName } from '@samverkan/platform';
import { PromisesModule } from '@samverkan/promises';
import { CalendarController } from './inspections/calendar.controller.js';
import { ChecklistsController } from './inspections/checklists.controller.js';
import { CalendarService } from './inspections/calendar.service.js';
import { InspectionsController } from './inspections/inspections.controller.js';
import { InspectionsService } from './inspections/inspections.service.js';
import { FindingPhotosService } from './inspections/finding-photos.service.js';
import { PhotoStorage, PostgresPhotoStorage } from './inspections/photo-storage.js';
import { LicensingController } from './licensing/licensing.controller.js';
import { LicensingService } from './licensing/licensing.service.js';
import { RestaurantReportOpener } from './supervision/restaurant-report-opener.js';
import { RestaurantReportsService } from './licensing/restaurant-reports.service.js';
import { SupervisionProcessor } from './supervision/supervision.processor.js';
import { SanctionsController } from './sanctions/sanctions.controller.js';
import { SanctionsService } from './sanctions/sanctions.service.js';
import { SupervisionController } from './supervision/supervision.controller.js';
import { SupervisionService } from './supervision/supervision.service.js';

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
