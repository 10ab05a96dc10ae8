import { field, problem } from './define.js';

/** Documents issued as PDF (issue #21, libs/documents). */
export const DOCUMENTS_CODES = {
  'document.kind_mismatch': field('This kind of document is issued from a {recordType}.', {
    recordType: 'the record type the kind belongs to (DocumentRecordType)',
  }),
  'document.not_ready': problem(409, 'The document is still being created ({progress} %); try again shortly.', { progress: 'how far it has come, in percent' }),
  'document.failed': problem(409, 'The document could not be created; create it again.'),
  'document.already_sent': problem(409, 'The document is already recorded as sent, on {sentAt}.', { sentAt: 'when it was recorded as sent (ISO 8601)' }),
  'document.preview_not_sent': problem(409, 'A preview is never sent; issue the document first.'),
  'document.sent_in_future': field('The time it was sent may not be in the future.'),
  'document.sent_before_issue': field('The document cannot have been sent before it was issued.'),
} as const;
