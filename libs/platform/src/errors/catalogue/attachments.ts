import { field } from './define.js';

/** Attachments on records (issue #21, libs/attachments; the checks in platform files/attachment-type.ts). */
export const ATTACHMENTS_CODES = {
  'attachment.body_missing': field('Send the file as the request body (a PDF, JPEG, PNG or WebP file).'),
  'attachment.type_refused': field('The file must be a PDF, JPEG, PNG or WebP file; its contents say otherwise.'),
  'attachment.too_large': field('The file is larger than the limit of {maxBytes} bytes.', { maxBytes: 'the largest file accepted, in bytes' }),
  'attachment.name_missing': field('Give the file a name.'),
  'attachment.name_too_long': field('The file name may be at most {max} characters.', { max: 'the longest name allowed' }),
  'attachment.name_control': field('The file name may not contain control characters.'),
  'attachment.name_path': field('The file name may not contain path parts (/ or \\).'),
  'attachment.category_required': field('Choose the information category of the file.'),
  'attachment.category_not_taken': field('Only attachments of youth cases have an information category.'),
} as const;
