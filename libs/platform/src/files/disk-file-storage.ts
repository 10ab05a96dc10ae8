import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { afterCommit } from '../database/after-commit.js';
import { FileStorage } from './file-storage.js';

/** A key is a UUID the driver made; nothing else ever names a file (no path from a user). */
const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TEMP_PREFIX = '.tmp-';

/**
 * A file left on disk longer than this without its ledger row is an orphan (its transaction rolled
 * back, or the process died between COMMIT and the removal of the bytes) and is swept. Long enough
 * that no live transaction is that old (statements time out far sooner).
 */
export const DISK_ORPHAN_AGE_MS = 3600_000;

/**
 * Files in a directory (FILE_STORAGE=disk, FILE_STORAGE_DIR), for deployments that keep bytes out
 * of the database. Transactions and a file system do not commit together, so:
 * - put writes the bytes to a temporary name and renames it to the key (a reader never sees half a
 *   file), and inserts the key in the ledger table `disk_files` in the caller's transaction. If
 *   that transaction rolls back, the ledger row goes with it and the file is an orphan that the
 *   sweep removes (at start-up and on `sweep()`); the bytes are written before COMMIT, so a
 *   committed row never points at bytes that were never written.
 * - remove deletes the ledger row in the caller's transaction and unlinks the file only after
 *   COMMIT (afterCommit): a rolled-back removal keeps its bytes. A failed unlink leaves a file
 *   without a ledger row, which the sweep removes.
 */
@Injectable()
export class DiskFileStorage extends FileStorage implements OnApplicationBootstrap {
  private readonly logger = new Logger(DiskFileStorage.name);
  private readonly dir: string;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {
    super();
    this.dir = resolve(config.FILE_STORAGE_DIR);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.FILE_STORAGE !== 'disk') return; // provided always, used only when chosen
    await mkdir(this.dir, { recursive: true });
    const swept = await this.sweep();
    if (swept > 0) this.logger.log(`removed ${swept} orphaned file(s) from the file storage`);
  }

  async put(manager: EntityManager, bytes: Buffer): Promise<string> {
    const key = randomUUID();
    await mkdir(this.dir, { recursive: true });
    const temp = join(this.dir, `${TEMP_PREFIX}${key}`);
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      // On disk before the row that points at it commits.
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, this.path(key));
    await manager.query('INSERT INTO disk_files (key) VALUES ($1)', [key]);
    return key;
  }

  async get(key: string): Promise<Buffer | null> {
    if (!KEY.test(key)) return null;
    const [row] = await this.dataSource.query<{ key: string }[]>('SELECT key FROM disk_files WHERE key = $1', [key]);
    if (!row) return null;
    try {
      return await readFile(this.path(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async remove(manager: EntityManager, key: string): Promise<void> {
    if (!KEY.test(key)) return;
    await manager.query('DELETE FROM disk_files WHERE key = $1', [key]);
    await afterCommit(manager, 'disk-file-storage.unlink', key, (keys) => Promise.all(keys.map((k) => this.unlink(k))));
  }

  /**
   * Removes files older than `olderThanMs` that no committed ledger row names (rolled-back puts,
   * failed unlinks, temporary files of a crashed write). Returns how many were removed.
   */
  async sweep(olderThanMs = DISK_ORPHAN_AGE_MS): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
    const cutoff = Date.now() - olderThanMs;
    const candidates: string[] = [];
    for (const name of names) {
      const key = name.startsWith(TEMP_PREFIX) ? name.slice(TEMP_PREFIX.length) : name;
      if (!KEY.test(key)) continue; // not ours: left alone
      const info = await stat(join(this.dir, name)).catch(() => null);
      if (info && info.mtimeMs <= cutoff) candidates.push(name);
    }
    if (candidates.length === 0) return 0;
    const keys = candidates.filter((name) => !name.startsWith(TEMP_PREFIX));
    const rows = await this.dataSource.query<{ key: string }[]>('SELECT key FROM disk_files WHERE key = ANY($1::uuid[])', [keys]);
    const kept = new Set(rows.map((r) => r.key));
    let removed = 0;
    for (const name of candidates) {
      if (kept.has(name)) continue;
      await unlink(join(this.dir, name)).catch(() => undefined);
      removed += 1;
    }
    return removed;
  }

  private path(key: string): string {
    return join(this.dir, key);
  }

  private async unlink(key: string): Promise<void> {
    try {
      await unlink(this.path(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}
