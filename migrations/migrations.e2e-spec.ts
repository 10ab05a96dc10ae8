import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MIGRATIONS_TABLE, migrateDown, migrateUp } from '@samverkan/platform';
import { createEmptyDatabase, type TestDatabase } from '@samverkan/testing';
import pg from 'pg';
import { migrations } from './index.js';

const MIGRATION_FILE = /^(\d{13})-([A-Za-z0-9]+)\.ts$/;

describe('migrations', () => {
  it('lists every migration file in migrations/index.ts, oldest first', () => {
    const files = readdirSync(new URL('.', import.meta.url))
      .filter((file) => MIGRATION_FILE.test(file))
      .sort();
    const expected = files.map((file) => {
      const [, timestamp, name] = MIGRATION_FILE.exec(file)!;
      return `${name}${timestamp}`;
    });
    expect(migrations.map((m) => m.name)).toEqual(expected);
  });

  describe('on an empty database', () => {
    let db: TestDatabase;
    let client: pg.Client | undefined;

    beforeAll(async () => {
      db = await createEmptyDatabase();
    });

    afterAll(async () => {
      await client?.end();
      await db.drop();
    });

    async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
      if (!client) {
        client = new pg.Client({ connectionString: db.url });
        await client.connect();
      }
      return (await client.query<T>(sql)).rows;
    }

    const userTables = () =>
      query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`).then((rows) =>
        rows.map((r) => r.table_name),
      );

    it('creates the database and applies every migration', async () => {
      const ran = await migrateUp({ DATABASE_URL: db.url }, migrations);
      expect(ran.map((m) => m.name)).toEqual(migrations.map((m) => m.name));
      expect(await userTables()).toEqual(expect.arrayContaining([MIGRATIONS_TABLE, 'worker_heartbeat']));
    });

    it('does nothing when the schema is up to date', async () => {
      expect(await migrateUp({ DATABASE_URL: db.url }, migrations)).toEqual([]);
    });

    it('reverts every migration, newest first, down to an empty schema', async () => {
      const reverted: (string | undefined)[] = [];
      for (let i = 0; i < migrations.length; i += 1) reverted.push(await migrateDown({ DATABASE_URL: db.url }, migrations));
      expect(reverted).toEqual(migrations.map((m) => m.name).reverse());
      expect(await migrateDown({ DATABASE_URL: db.url }, migrations)).toBeUndefined();

      expect(await userTables()).toEqual([MIGRATIONS_TABLE]);
      const functions = await query(`SELECT proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                                      WHERE n.nspname = 'public'`);
      expect(functions).toEqual([]);
    });

    it('applies them all again after a full revert', async () => {
      const ran = await migrateUp({ DATABASE_URL: db.url }, migrations);
      expect(ran).toHaveLength(migrations.length);
      expect(await userTables()).toContain('worker_heartbeat');
    });
  });
});
