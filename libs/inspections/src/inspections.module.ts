import { Module } from '@nestjs/common';
import { DeadlinesModule } from '@samverkan/deadlines';
import { PromisesModule } from '@samverkan/promises';
import { CalendarController } from './calendar.controller.js';
import { ChecklistsController } from './checklists.controller.js';
import { CalendarService } from './calendar.service.js';
import { InspectionsController } from './inspections.controller.js';
import { InspectionsService } from './inspections.service.js';
import { LicensingController } from './licensing.controller.js';
import { LicensingService } from './licensing.service.js';
import { RestaurantReportsService } from './restaurant-reports.service.js';
import { SanctionsController } from './sanctions.controller.js';
import { SanctionsService } from './sanctions.service.js';
import { SupervisionController } from './supervision.controller.js';
import { SupervisionService } from './supervision.service.js';

/**
 * Alcohol licence supervision. So far: the licence register (holders, premises, licences) and
 * inspections (scheduling, findings, status path, response deadline, re-inspection) and sanction
 * cases (proposal, hearing, decision), the risk-based supervision plan, the year's statistics,
 * inspectors' calendar feeds and restaurant reports.
 */
@Module({
  imports: [DeadlinesModule, PromisesModule],
  controllers: [LicensingController, CalendarController, ChecklistsController, InspectionsController, SanctionsController, SupervisionController],
  providers: [LicensingService, InspectionsService, SanctionsService, SupervisionService, CalendarService, RestaurantReportsService],
  exports: [LicensingService, InspectionsService],
})
export class InspectionsModule {}
