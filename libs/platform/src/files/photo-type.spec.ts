import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { ValidationProblem } from '../errors/problem.js';
import { acceptPhoto, sniffPhotoType } from './photo-type.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x1a, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);

/** What an uploaded photo really is, from its bytes, and the checks every photo upload makes. */
describe('photo types', () => {
  it('knows JPEG, PNG and WebP by their signatures, and nothing else', () => {
    expect(sniffPhotoType(JPEG)).toBe('image/jpeg');
    expect(sniffPhotoType(PNG)).toBe('image/png');
    expect(sniffPhotoType(WEBP)).toBe('image/webp');
    expect(sniffPhotoType(Buffer.from('<svg onload="alert(1)"></svg>'))).toBeNull();
    expect(sniffPhotoType(Buffer.from('GIF89a'))).toBeNull();
    expect(sniffPhotoType(PNG.subarray(0, 7))).toBeNull();
  });

  it('accepts a body of the type its Content-Type says (parameters and case aside) with its SHA-256', () => {
    expect(acceptPhoto('image/png', PNG)).toEqual({ bytes: PNG, type: 'image/png', sha256: createHash('sha256').update(PNG).digest('hex') });
    expect(acceptPhoto('Image/JPEG; charset=binary', JPEG).type).toBe('image/jpeg');
  });

  it('refuses a missing body or one that is not what it claims, at the field body', () => {
    const codeOf = (declared: string | undefined, body: unknown) => {
      try {
        acceptPhoto(declared, body);
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationProblem);
        return (error as ValidationProblem).errors.map((e) => `${e.field}:${e.code}`);
      }
      throw new Error('accepted');
    };
    expect(codeOf('image/png', Buffer.alloc(0))).toEqual(['body:photo.body_missing']);
    expect(codeOf('image/png', { not: 'bytes' })).toEqual(['body:photo.body_missing']);
    expect(codeOf('image/jpeg', PNG)).toEqual(['body:photo.type_mismatch']);
    expect(codeOf(undefined, PNG)).toEqual(['body:photo.type_mismatch']);
  });
});
