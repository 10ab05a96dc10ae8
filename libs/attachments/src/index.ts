export * from './attachment-gates.js';
export * from './attachments.dto.js';
export * from './attachments.module.js';
export * from './attachments.service.js';
export * from './attachments.views.js';
export {
  AttachmentsController,
  FindingAttachmentsController,
  InspectionAttachmentsController,
  OperationAttachmentsController,
  SanctionCaseAttachmentsController,
  YouthCaseAttachmentsController,
} from './attachments.controller.js';
