import { AttachmentsModule } from '@samverkan/attachments';
import { OperationAttachmentGate } from './operation-attachment-gate.js';
import { Module } from '@nestjs/common';
import { IdentityModule } from '@samverkan/identity';
import { DeadlinesModule } from '@samverkan/deadlines';
import { InspectionsModule } from '@samverkan/inspections';
import { NotificationsModule } from '@samverkan/notifications';
import { FieldCipher } from '@samverkan/platform';
import { PromisesModule } from '@samverkan/promises';
import { LicensingReferralsService } from './licensing-referrals.service.js';
import { OperationDirectoryService } from './operation-directory.service.js';
import { OperationMap } from './operation-map.service.js';
import { OperationSearch } from './operation-search.service.js';
import { OperationSummariesService } from './operation-summaries.service.js';
import { LicensingReferralsController, OperationsController, OperationSummariesController } from './operations.controller.js';
import { OperationsService } from './operations.service.js';

/** Police operations against drug and alcohol sales, their released summaries and referrals to licensing. */
@Module({
  imports: [IdentityModule, DeadlinesModule, NotificationsModule, PromisesModule, InspectionsModule, AttachmentsModule],
  controllers: [OperationsController, OperationSummariesController, LicensingReferralsController],
  providers: [
    OperationAttachmentGate,
    FieldCipher,
    OperationsService,
    OperationSummariesService,
    LicensingReferralsService,
    OperationDirectoryService,
    OperationSearch,
    OperationMap,
  ],
  // The header search (libs/search) finds operations by code name through OperationSearch; the map (libs/map) draws released areas through OperationMap.
  exports: [OperationSearch, OperationMap],
})
export class OperationsModule {}
