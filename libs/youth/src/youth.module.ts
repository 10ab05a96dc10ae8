import { Module } from '@nestjs/common';
import { AccessService } from '@samverkan/access';
import { AttachmentsModule } from '@samverkan/attachments';
import { IdentityModule } from '@samverkan/identity';
import { DeadlinesModule, DeadlinesService } from '@samverkan/deadlines';
import { DocumentsCoreModule } from '@samverkan/documents';
import { NotificationsModule, NotificationsWorkerModule } from '@samverkan/notifications';
import { FieldCipher, QueueModule, QueueName } from '@samverkan/platform';
import { ConsentFormTemplate } from './documents/consent-form.template.js';
import { MeetingMinutesTemplate } from './documents/meeting-minutes.template.js';
import { RegisterExtractTemplate } from './documents/register-extract.template.js';
import { YouthCaseDocumentGate, YouthMeetingDocumentGate, YouthSubjectDocumentGate } from './documents/youth-document-gates.js';
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
  imports: [IdentityModule, DeadlinesModule, NotificationsModule, AttachmentsModule, DocumentsCoreModule],
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
    // Consent forms, meeting minutes and register extracts (issue #21): who reads and issues them.
    YouthCaseDocumentGate,
    YouthMeetingDocumentGate,
    YouthSubjectDocumentGate,
  ],
  // The header search (libs/search) finds cases by number through YouthCaseSearch.
  exports: [YouthCaseSearch],
})
export class YouthModule {}

/** The worker's part: consent expiry notices, nightly retention, and the youth documents' templates (issue #21). */
@Module({
  imports: [QueueModule.register(QueueName.Youth, QueueName.Deadlines), NotificationsWorkerModule, AttachmentsModule, DocumentsCoreModule],
  providers: [
    AccessService,
    DeadlinesService,
    FieldCipher,
    YouthCaseAccess,
    YouthSubjectsService,
    YouthSharingService,
    YouthRetentionService,
    YouthProcessor,
    ConsentFormTemplate,
    MeetingMinutesTemplate,
    RegisterExtractTemplate,
  ],
})
export class YouthWorkerModule {}
