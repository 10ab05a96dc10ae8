import { mkdtemp, readdir, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dataSourceOptions, DiskFileStorage, type FileStorage, PostgresFileStorage } from '@samverkan/platform';
import { createTestDatabase, type TestDatabase, testConfig } from '@samverkan/testing';
import { DataSource } from 'typeorm';

/**
 * Both file storage drivers (issue #21) through the same checks: what a committed transaction put
 * is read back, what a rolled-back one put is not (and on disk leaves no orphan that lasts), and a
 * removal takes effect only when its transaction commits.
 */
describe('file storage drivers', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let dir: string;
  const drivers: Record<string, FileStorage> = {};

  beforeAll(async () => {
    database = await createTestDatabase();
    dir = await mkdtemp(join(tmpdir(), 'samverkan-files-'));
    const config = testConfig(database.url, { FILE_STORAGE: 'disk', FILE_STORAGE_DIR: dir });
    dataSource = await new DataSource(dataSourceOptions(config)).initialize();
    drivers.postgres = new PostgresFileStorage(dataSource);
    const disk = new DiskFileStorage(dataSource, config);
    await disk.onApplicationBootstrap();
    drivers.disk = disk;
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const rollback = new Error('roll back');

  describe.each(['postgres', 'disk'])('the %s driver', (name) => {
    const storage = () => drivers[name];

    it('reads back what a committed transaction put, under a random key', async () => {
      const bytes = Buffer.from(`%PDF-1.4 ${name}`);
      const key = await dataSource.transaction((manager) => storage().put(manager, bytes));
      expect(key).toMatch(/^[0-9a-f-]{36}$/);
      expect(await storage().get(key)).toEqual(bytes);
      const other = await dataSource.transaction((manager) => storage().put(manager, bytes));
      expect(other).not.toBe(key);
    });

    it('keeps nothing of a put whose transaction rolled back', async () => {
      let key = '';
      await expect(
        dataSource.transaction(async (manager) => {
          key = await storage().put(manager, Buffer.from('rolled back'));
          throw rollback;
        }),
      ).rejects.toBe(rollback);
      expect(key).not.toBe('');
      expect(await storage().get(key)).toBeNull();
    });

    it('removes the bytes only when the removing transaction commits', async () => {
      const bytes = Buffer.from('kept, then removed');
      const key = await dataSource.transaction((manager) => storage().put(manager, bytes));
      await expect(
        dataSource.transaction(async (manager) => {
          await storage().remove(manager, key);
          throw rollback;
        }),
      ).rejects.toBe(rollback);
      expect(await storage().get(key)).toEqual(bytes);
      await dataSource.transaction((manager) => storage().remove(manager, key));
      expect(await storage().get(key)).toBeNull();
    });

    it('answers null for a key it never gave out', async () => {
      expect(await storage().get('00000000-0000-4000-8000-000000000000')).toBeNull();
      expect(await storage().get('../../etc/passwd')).toBeNull();
    });
  });

  describe('on disk', () => {
    it('writes whole files under their keys, leaves no temporary file, and unlinks a removed file after commit', async () => {
      const disk = drivers.disk as DiskFileStorage;
      const key = await dataSource.transaction((manager) => disk.put(manager, Buffer.from('on disk')));
      let names = await readdir(dir);
      expect(names).toContain(key);
      expect(names.filter((n) => n.startsWith('.tmp-'))).toEqual([]);
      await dataSource.transaction((manager) => disk.remove(manager, key));
      names = await readdir(dir);
      expect(names).not.toContain(key);
    });

    it('sweeps a rolled-back upload once it is old enough, and never a committed file', async () => {
      const disk = drivers.disk as DiskFileStorage;
      const committed = await dataSource.transaction((manager) => disk.put(manager, Buffer.from('committed')));
      let orphan = '';
      await expect(
        dataSource.transaction(async (manager) => {
          orphan = await disk.put(manager, Buffer.from('orphan'));
          throw rollback;
        }),
      ).rejects.toBe(rollback);
      // A fresh orphan may still belong to a transaction that is about to commit: left alone.
      expect(await disk.sweep()).toBe(0);
      expect(await readdir(dir)).toContain(orphan);
      const old = new Date(Date.now() - 2 * 3600_000);
      await utimes(join(dir, orphan), old, old);
      await utimes(join(dir, committed), old, old);
      expect(await disk.sweep()).toBe(1);
      const names = await readdir(dir);
      expect(names).not.toContain(orphan);
      expect(names).toContain(committed);
      expect(await disk.get(committed)).toEqual(Buffer.from('committed'));
    });
  });
});
