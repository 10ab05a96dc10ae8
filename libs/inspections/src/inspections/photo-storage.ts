import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Where the bytes of inspection photos live. Writes take the caller's transaction, so a photo and
 * its metadata row are stored (or refused) together. Swap the provider for a disk or object store
 * implementation without touching the inspections code.
 */
export abstract class PhotoStorage {
  /** Stores the bytes and returns the key to read them back. */
  abstract put(manager: EntityManager, bytes: Buffer): Promise<string>;
  abstract get(key: string): Promise<Buffer | null>;
  abstract remove(manager: EntityManager, key: string): Promise<void>;
}

/** Photos as bytea rows in PostgreSQL: backed up, access-controlled and transactional with the rest. */
@Injectable()
export class PostgresPhotoStorage extends PhotoStorage {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async put(manager: EntityManager, bytes: Buffer): Promise<string> {
    const key = randomUUID();
    await manager.query('INSERT INTO photo_blobs (key, data) VALUES ($1, $2)', [key, bytes]);
    return key;
  }

  async get(key: string): Promise<Buffer | null> {
    const [row] = await this.dataSource.query<{ data: Buffer }[]>('SELECT data FROM photo_blobs WHERE key = $1', [key]);
    return row?.data ?? null;
  }

  async remove(manager: EntityManager, key: string): Promise<void> {
    await manager.query('DELETE FROM photo_blobs WHERE key = $1', [key]);
  }
}

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
