import { Module } from '@nestjs/common';
import { FilesModule } from '@samverkan/platform';
import { AttachmentGates } from './attachment-gates.js';
import {
  AttachmentsController,
  FindingAttachmentsController,
  InspectionAttachmentsController,
  OperationAttachmentsController,
  SanctionCaseAttachmentsController,
  YouthCaseAttachmentsController,
} from './attachments.controller.js';
import { AttachmentsService } from './attachments.service.js';

/**
 * Attachments without routes: the record libs import it to register their gates (AttachmentGates)
 * and to purge attachments with their records; the api adds the routes (AttachmentsApiModule).
 * One instance in the application, so every lib registers with the same gates.
 */
@Module({
  imports: [FilesModule],
  providers: [AttachmentGates, AttachmentsService],
  exports: [AttachmentGates, AttachmentsService],
})
export class AttachmentsModule {}

/** The routes of attachments, for the api. */
@Module({
  imports: [AttachmentsModule],
  controllers: [
    YouthCaseAttachmentsController,
    FindingAttachmentsController,
    InspectionAttachmentsController,
    SanctionCaseAttachmentsController,
    OperationAttachmentsController,
    AttachmentsController,
  ],
})
export class AttachmentsApiModule {}
