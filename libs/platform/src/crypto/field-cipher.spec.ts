import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '../config/load-config.js';
import { FieldCipher } from './field-cipher.js';

const keyA = randomBytes(32).toString('base64');
const keyB = randomBytes(32).toString('base64');

describe('personal data at rest', () => {
  const cipher = new FieldCipher(loadConfig({ DATA_KEY: keyA, DATA_KEY_ID: 'a' }));

  it('encrypts with a fresh IV each time and decrypts only for the same field', () => {
    const one = cipher.encrypt('youth_subject.pin', '200803142389');
    const two = cipher.encrypt('youth_subject.pin', '200803142389');
    expect(one.equals(two)).toBe(false);
    expect(one.toString('latin1')).not.toContain('200803142389');
    expect(cipher.decrypt('youth_subject.pin', one, 'a')).toBe('200803142389');
    expect(() => cipher.decrypt('youth_subject.name', one, 'a')).toThrow();
    const tampered = Buffer.from(one);
    tampered[tampered.length - 1] ^= 1;
    expect(() => cipher.decrypt('youth_subject.pin', tampered, 'a')).toThrow();
  });

  it('still opens and finds values written under a previous key after a rotation', () => {
    const sealed = cipher.encrypt('youth_subject.pin', '200803142389');
    const oldHash = cipher.lookupHash('200803142389');
    const rotated = new FieldCipher(loadConfig({ DATA_KEY: keyB, DATA_KEY_ID: 'b', DATA_PREVIOUS_KEYS: `a:${keyA}` }));
    expect(rotated.keyId).toBe('b');
    expect(rotated.decrypt('youth_subject.pin', sealed, 'a')).toBe('200803142389');
    expect(rotated.lookupHashes('200803142389')).toContain(oldHash);
    expect(rotated.lookupHash('200803142389')).not.toBe(oldHash);
    expect(() => new FieldCipher(loadConfig({ DATA_KEY: keyB, DATA_KEY_ID: 'b' })).decrypt('youth_subject.pin', sealed, 'a')).toThrow(
      /key a is not configured/,
    );
  });

  it('requires a proper key in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) })).toThrow(/DATA_KEY/);
    expect(() => loadConfig({ DATA_KEY: 'too-short' })).toThrow(/DATA_KEY must be 32 bytes/);
  });
});
