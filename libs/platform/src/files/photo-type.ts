import { createHash } from 'node:crypto';
import { invalidField } from '../errors/problem.js';

/** The image types a photo upload may be; the http layer reads exactly these as raw bodies. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

/**
 * The image type the bytes really are, from their signature, or null. A declared Content-Type is
 * not trusted on its own: the photo is served back to other users later.
 */
export function sniffPhotoType(bytes: Buffer): PhotoType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/**
 * An uploaded photo's body checked before anything is stored: present, and an image of the type
 * its Content-Type says (a 400 at the field `body` otherwise). Returns the type and the SHA-256.
 */
export function acceptPhoto(declaredType: string | undefined, bytes: unknown): { bytes: Buffer; type: PhotoType; sha256: string } {
  if (!Buffer.isBuffer(bytes) || bytes.length === 0) {
    throw invalidField('body', 'photo.body_missing');
  }
  const type = sniffPhotoType(bytes);
  if (!type || type !== declaredType?.split(';')[0].trim().toLowerCase()) {
    throw invalidField('body', 'photo.type_mismatch');
  }
  return { bytes, type, sha256: createHash('sha256').update(bytes).digest('hex') };
}
