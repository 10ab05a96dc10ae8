import { Module } from '@nestjs/common';
import { DeadlinesModule, DeadlinesService } from '@samverkan/deadlines';
import { IdentityModule } from '@samverkan/identity';
import { NotificationsModule } from '@samverkan/notifications';
import { AttachmentsModule } from '@samverkan/attachments';
import { DocumentsCoreModule } from '@samverkan/documents';
import { FilesModule, QueueModule, QueueName } from '@samverkan/platform';
import { InspectionAttachmentGate, SanctionCaseAttachmentGate } from './attachment-gates.js';
import { PromisesModule } from '@samverkan/promises';
import { InspectionDocumentGate, SanctionCaseDocumentGate } from './documents/document-gates.js';
import { HearingLetterTemplate } from './documents/hearing-letter.template.js';
import { InspectionReportTemplate } from './documents/inspection-report.template.js';
import { SanctionDecisionTemplate } from './documents/sanction-decision.template.js';
import { CalendarController } from './inspections/calendar.controller.js';
import { CalendarService } from './inspections/calendar.service.js';
import { ChecklistTemplatesService } from './inspections/checklist-templates.service.js';
import { ChecklistsController } from './inspections/checklists.controller.js';
import { FindingPhotosService } from './inspections/finding-photos.service.js';
import { InspectionsController } from './inspections/inspections.controller.js';
import { InspectionsService } from './inspections/inspections.service.js';
import { LicenceHoldersService } from './licensing/licence-holders.service.js';
import { LicencesService } from './licensing/licences.service.js';
import { LicensingController } from './licensing/licensing.controller.js';
import { LicensingMap } from './licensing/licensing-map.service.js';
import { LicensingSearch } from './licensing/licensing-search.service.js';
import { RestaurantReportsController } from './licensing/restaurant-reports.controller.js';
import { PremisesTipsController } from './licensing/premises-tips.controller.js';
import { PremisesTipsService } from './licensing/premises-tips.service.js';
import { PremisesService } from './licensing/premises.service.js';
import { RestaurantReportsService } from './licensing/restaurant-reports.service.js';
import { SanctionsController } from './sanctions/sanctions.controller.js';
import { SanctionsService } from './sanctions/sanctions.service.js';
import { RestaurantReportOpener } from './supervision/restaurant-report-opener.js';
import { SupervisionController } from './supervision/supervision.controller.js';
import { SupervisionProcessor } from './supervision/supervision.processor.js';
import { SupervisionService } from './supervision/supervision.service.js';

/**
 * Alcohol licence supervision, by aggregate: licensing (holders, premises, licences, tips,
 * restaurant reports), inspections (booking, protocol and photos, status path, checklists,
 * calendar feeds, report), sanctions (proposal, hearing, decision), supervision (risk model,
 * yearly plan, statistics) and the documents of inspections and sanction cases (issue #21). Other libs record premises tips through PremisesTipsService.
 */
@Module({
  imports: [IdentityModule, DeadlinesModule, NotificationsModule, PromisesModule, FilesModule, AttachmentsModule, DocumentsCoreModule],
  controllers: [
    LicensingController,
    PremisesTipsController,
    CalendarController,
    ChecklistsController,
    InspectionsController,
    SanctionsController,
    SupervisionController,
    RestaurantReportsController,
  ],
  providers: [
    InspectionAttachmentGate,
    SanctionCaseAttachmentGate,
    InspectionDocumentGate,
    SanctionCaseDocumentGate,
    LicenceHoldersService,
    PremisesService,
    LicencesService,
    PremisesTipsService,
    RestaurantReportsService,
    InspectionsService,
    ChecklistTemplatesService,
    FindingPhotosService,
    CalendarService,
    SanctionsService,
    SupervisionService,
    RestaurantReportOpener,
    LicensingSearch,
    LicensingMap,
  ],
  exports: [PremisesTipsService, LicensingSearch, LicensingMap],
})
export class InspectionsModule {}

/** The worker's part: the yearly opening of restaurant reports, and the documents of inspections and sanction cases (issue #21). */
@Module({
  imports: [QueueModule.register(QueueName.Supervision, QueueName.Deadlines), DocumentsCoreModule],
  providers: [DeadlinesService, RestaurantReportOpener, SupervisionProcessor, InspectionReportTemplate, HearingLetterTemplate, SanctionDecisionTemplate],
})
export class InspectionsWorkerModule {}
