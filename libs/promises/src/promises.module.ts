import { Module } from '@nestjs/common';
import { AccessService } from '@samverkan/access';
import { AttachmentsModule } from '@samverkan/attachments';
import { DocumentsCoreModule } from '@samverkan/documents';
import { DeadlinesModule } from '@samverkan/deadlines';
import { FilesModule } from '@samverkan/platform';
import { ActionsController, ActivitiesController, DashboardController } from './actions.controller.js';
import { ActionsService } from './actions.service.js';
import { ActivitiesService } from './activities.service.js';
import { DashboardService } from './dashboard.service.js';
import { FiguresService } from './figures.service.js';
import { FindingAttachmentGate } from './finding-attachment-gate.js';
import { FindingPhotosService } from './finding-photos.service.js';
import { FollowUpDocumentGate, FollowUpReportTemplate } from './follow-up-documents.js';
import { FindingsController, PlacesController } from './findings.controller.js';
import { FindingsService } from './findings.service.js';
import { PlacesService } from './places.service.js';
import { FollowUpsController, PublicPromisesController } from './follow-ups.controller.js';
import { FollowUpsService } from './follow-ups.service.js';
import { PromiseAccess } from './promise-access.js';
import { PromiseMap } from './promise-map.service.js';
import { PromiseSearch } from './promise-search.service.js';
import { PromisesController } from './promises.controller.js';
import { PromisesService } from './promises.service.js';
import { PromiseSuccessionService } from './promise-succession.service.js';
import { PublicService } from './public.service.js';
import { ReportsService } from './reports.service.js';

/** Citizen promises and the action tracker. Other modules record activities through ActivitiesService. */
@Module({
  imports: [DeadlinesModule, FilesModule, AttachmentsModule, DocumentsCoreModule],
  controllers: [
    PromisesController,
    ActionsController,
    ActivitiesController,
    DashboardController,
    FollowUpsController,
    PublicPromisesController,
    PlacesController,
    FindingsController,
  ],
  providers: [
    PromiseAccess,
    PromisesService,
    PromiseSuccessionService,
    ActionsService,
    ActivitiesService,
    FiguresService,
    DashboardService,
    FollowUpsService,
    ReportsService,
    PublicService,
    PromiseSearch,
    PromiseMap,
    PlacesService,
    FindingsService,
    FindingPhotosService,
    FindingAttachmentGate,
    FollowUpDocumentGate,
  ],
  // PromiseSearch: the header search (libs/search) finds actions and commitments through it.
  // PromiseMap: the map (libs/map) draws places and findings; the operations' release names a place through it.
  exports: [ActivitiesService, PromiseSearch, PromiseMap],
})
export class PromisesModule {}

/** The worker's part: the yearly follow-up's report as a document (the worker renders documents). */
@Module({
  imports: [DocumentsCoreModule],
  providers: [AccessService, PromiseAccess, FiguresService, FollowUpsService, ReportsService, FollowUpReportTemplate],
})
export class PromisesWorkerModule {}
