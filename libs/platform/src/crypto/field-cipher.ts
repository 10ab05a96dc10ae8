import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';

/** Used only when DATA_KEY is unset outside production (the config refuses that in production). */
const DEVELOPMENT_KEY = createHash('sha256').update('samverkan-development-data-key-do-not-use-in-production').digest();

const IV_BYTES = 12;
const TAG_BYTES = 16;

interface DataKey {
  id: string;
  encryption: Buffer;
  /** A separate key for the keyed look-up hash, derived so the encryption key never hashes. */
  lookup: Buffer;
}

function dataKey(id: string, material: Buffer): DataKey {
  return { id, encryption: material, lookup: Buffer.from(hkdfSync('sha256', material, Buffer.alloc(0), 'samverkan/personal-number-lookup', 32)) };
}

/**
 * Sensitive fields at rest (personal numbers, names, police intelligence): AES-256-GCM with a
 * random IV per value and the field name as associated data (a value cannot be moved to another
 * column unnoticed); the key id is stored with the row,
 * so values written under an earlier key (DATA_PREVIOUS_KEYS) still open after a rotation.
 * Exact look-up goes through a keyed hash (HMAC-SHA256), never through the plain value.
 */
@Injectable()
export class FieldCipher {
  private readonly current: DataKey;
  private readonly keys = new Map<string, DataKey>();

  constructor(config: AppConfig) {
    this.current = dataKey(config.DATA_KEY_ID, config.DATA_KEY ? Buffer.from(config.DATA_KEY, 'base64') : DEVELOPMENT_KEY);
    for (const entry of config.DATA_PREVIOUS_KEYS) {
      const [id, material] = entry.split(':');
      this.keys.set(id, dataKey(id, Buffer.from(material, 'base64')));
    }
    this.keys.set(this.current.id, this.current);
  }

  get keyId(): string {
    return this.current.id;
  }

  /** iv ‖ tag ‖ ciphertext, under the current key. */
  encrypt(field: string, plaintext: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.encryption, iv);
    cipher.setAAD(Buffer.from(field));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  /** Throws if the key is unknown or the value was tampered with (GCM authentication). */
  decrypt(field: string, sealed: Buffer, keyId: string): string {
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`personal data key ${keyId} is not configured (DATA_KEY_ID / DATA_PREVIOUS_KEYS)`);
    const decipher = createDecipheriv('aes-256-gcm', key.encryption, sealed.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(field));
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }

  /** The keyed hash stored for look-up, under the current key. */
  lookupHash(value: string): string {
    return createHmac('sha256', this.current.lookup).update(value).digest('hex');
  }

  /** The hashes under every configured key: rows written before a rotation are still found. */
  lookupHashes(value: string): string[] {
    return [...this.keys.values()].map((key) => createHmac('sha256', key.lookup).update(value).digest('hex'));
  }
}
