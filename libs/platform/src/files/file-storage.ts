import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Where the bytes of stored files (inspection photos, photos of findings) live. Writes take the
 * caller's transaction, so a file and the row that points at it are stored (or refused) together.
 * A driver is chosen once (FilesModule); the libs see only this class, so another driver (a disk
 * or object store, issue #21) replaces the provider without touching them.
 */
export abstract class FileStorage {
  /** Stores the bytes and returns the key to read them back. */
  abstract put(manager: EntityManager, bytes: Buffer): Promise<string>;
  /** The bytes under the key, or null when there are none. */
  abstract get(key: string): Promise<Buffer | null>;
  /** Removes the bytes as part of the caller's transaction. */
  abstract remove(manager: EntityManager, key: string): Promise<void>;
}

/**
 * Files as bytea rows in PostgreSQL (table `photo_blobs`, named when photos were all it held):
 * backed up, access-controlled and transactional with the rest.
 */
@Injectable()
export class PostgresFileStorage extends FileStorage {
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
