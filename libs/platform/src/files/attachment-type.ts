import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { fieldError, ValidationProblem } from '../errors/problem.js';
import { sniffPhotoType } from './photo-type.js';

/** The types an attachment may be (issue #21), known from the bytes, never from a name or a header. */
export const ATTACHMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/**
 * The Content-Types an attachment upload is sent with: the raw file as the body. The type is then
 * sniffed from the bytes; the header only routes the body to the attachment parser (configure-http-app).
 */
export const ATTACHMENT_BODY_TYPES = ['application/octet-stream', 'application/pdf'] as const;

/** The longest file name an attachment keeps. */
export const ATTACHMENT_NAME_MAX = 200;

/** What the attachment body parser hands on when a body was over the limit: the size, not the bytes. */
export class OversizedBody {
  constructor(readonly size: number) {}
}

/** The attachment type the bytes really are, or null: PDF by its `%PDF-` header, images as photos are. */
export function sniffAttachmentType(bytes: Buffer): AttachmentType | null {
  if (bytes.length >= 5 && bytes.toString('latin1', 0, 5) === '%PDF-') return 'application/pdf';
  return sniffPhotoType(bytes);
}

/**
 * A file name as given, checked: no path parts (a name, not a place to write), no control
 * characters, at most 200 characters. Returns the error codes at `field`, none when fine.
 */
export function fileNameErrors(name: string | undefined, field = 'fileName'): ReturnType<typeof fieldError>[] {
  if (name === undefined || name.trim() === '') return [fieldError(field, 'attachment.name_missing')];
  if ([...name].length > ATTACHMENT_NAME_MAX) return [fieldError(field, 'attachment.name_too_long', { max: ATTACHMENT_NAME_MAX })];
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) return [fieldError(field, 'attachment.name_control')];
  if (/[/\\]/.test(name) || name.trim() === '.' || name.trim() === '..') return [fieldError(field, 'attachment.name_path')];
  return [];
}

/**
 * An uploaded attachment checked before anything is stored: a non-empty body within `maxBytes`
 * whose bytes are one of the allowed types, and a proper file name; a 400 with every field error
 * otherwise. Returns the sniffed type and the SHA-256.
 */
export function acceptAttachment(
  body: unknown,
  fileName: string | undefined,
  maxBytes: number,
): { bytes: Buffer; type: AttachmentType; sha256: string; fileName: string } {
  const errors = fileNameErrors(fileName);
  let accepted: { bytes: Buffer; type: AttachmentType } | undefined;
  if (body instanceof OversizedBody) errors.push(fieldError('body', 'attachment.too_large', { maxBytes }));
  else if (!Buffer.isBuffer(body) || body.length === 0) errors.push(fieldError('body', 'attachment.body_missing'));
  else if (body.length > maxBytes) errors.push(fieldError('body', 'attachment.too_large', { maxBytes }));
  else {
    const type = sniffAttachmentType(body);
    if (!type) errors.push(fieldError('body', 'attachment.type_refused'));
    else accepted = { bytes: body, type };
  }
  if (errors.length > 0 || !accepted) throw new ValidationProblem(errors);
  return { ...accepted, fileName: fileName!.trim(), sha256: createHash('sha256').update(accepted.bytes).digest('hex') };
}

/**
 * Reads an attachment body: up to `maxBytes` kept, more only counted (and thrown away), so an
 * oversized upload is answered with a 400 at the field (an `OversizedBody`) rather than Fastify's
 * bare 413, without holding it in memory. Past `drainLimit` the request is refused outright.
 */
export function readAttachmentBody(payload: Readable, maxBytes: number, drainLimit: number, done: (error: Error | null, body?: unknown) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let finished = false;
  const finish = (error: Error | null, body?: unknown) => {
    if (finished) return;
    finished = true;
    done(error, body);
  };
  payload.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= maxBytes) chunks.push(chunk);
    else chunks.length = 0;
    if (size > drainLimit) {
      payload.destroy();
      finish(Object.assign(new Error('The request body is too large.'), { statusCode: 413 }));
    }
  });
  payload.on('end', () => finish(null, size > maxBytes ? new OversizedBody(size) : Buffer.concat(chunks, size)));
  payload.on('error', (error) => finish(error));
}
