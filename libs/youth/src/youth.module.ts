import { Module } from '@nestjs/common';
import { AccessService } from '@samverkan/access';
import { AttachmentsModule } from '@samverkan/attachments';
import { IdentityModule } from '@samverkan/identity';
import { DeadlinesModule, DeadlinesService } from '@samverkan/deadlines';
import { NotificationsModule, NotificationsWorkerModule } from '@samverkan/notifications';
import { FieldCipher, QueueModule, QueueName } from '@samverkan/platform';
import { YouthAttachmentGate } from './youth-attachment-gate.js';
import { YouthCaseAccess } from './youth-case-access.js';
import { YouthCaseSearch } from './youth-case-search.service.js';
import { YouthCasesController } from './youth-cases.controller.js';
import { YouthCaseloadService } from './youth-caseload.service.js';
import { YouthCasesService } from './youth-cases.service.js';
import { YouthRecordsService } from './youth-records.service.js';
import { YouthReportsService } from './youth-reports.service.js';
import { YouthRetentionService } from './youth-retention.service.js';
import { YouthSharingService } from './youth-sharing.service.js';
import { YouthStaff } from './youth-staff.js';
import { YouthSubjectsController } from './youth-subjects.controller.js';
import { YouthSubjectsService } from './youth-subjects.service.js';
import { YouthProcessor } from './youth.processor.js';

/**
 * Youth cases shared between social services and the police: subjects (encrypted), cases, consents,
 * disclosures, entries, plans, meetings, access log, register extract and statistics.
 */
@Module({
  imports: [IdentityModule, DeadlinesModule, NotificationsModule, AttachmentsModule],
  controllers: [YouthSubjectsController, YouthCasesController],
  providers: [
    FieldCipher,
    YouthCaseAccess,
    YouthStaff,
    YouthSubjectsService,
    YouthCasesService,
    YouthCaseloadService,
    YouthSharingService,
    YouthRecordsService,
    YouthReportsService,
    YouthCaseSearch,
    YouthAttachmentGate,
  ],
  // The header search (libs/search) finds cases by number through YouthCaseSearch.
  exports: [YouthCaseSearch],
})
export class YouthModule {}

/** The worker's part: consent expiry notices and nightly retention. */
@Module({
  imports: [QueueModule.register(QueueName.Youth, QueueName.Deadlines), NotificationsWorkerModule, AttachmentsModule],
  providers: [AccessService, DeadlinesService, FieldCipher, YouthCaseAccess, YouthSubjectsService, YouthSharingService, YouthRetentionService, YouthProcessor],
})
export class YouthWorkerModule {}
