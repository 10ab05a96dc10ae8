import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dataSourceOptions, PREPARED_PER_CONNECTION, preparedQuery } from '@samverkan/platform';
import { TestEnvironment } from '@samverkan/testing';
import { DataSource } from 'typeorm';

/**
 * Lists run their statements prepared (#19): each text is planned once per connection, the
 * number of statements a connection keeps is bounded, and what comes back is what an unnamed
 * query answers.
 */
describe('preparedQuery', () => {
  let env: TestEnvironment;
  let db: DataSource;

  beforeAll(async () => {
    env = await TestEnvironment.create();
    // One connection, so every call below lands on the same backend.
    const options = dataSourceOptions(env.config, 'samverkan-test');
    db = await new DataSource({ ...options, extra: { ...(options.extra as object), max: 1 } } as typeof options).initialize();
  });

  afterAll(async () => {
    await db?.destroy();
    await env?.close();
  });

  const prepared = async () =>
    await db.query<{ name: string; statement: string }[]>(`SELECT name, statement FROM pg_prepared_statements WHERE name LIKE 'sv\\_%' ORDER BY prepare_time`);

  it('answers as an unnamed query does, with one named statement per text', async () => {
    const text = `SELECT n, $1::text || n AS label, $2::date AS day, $3::uuid[] AS ids FROM generate_series(1, 3) n ORDER BY n`;
    const values = ['rad ', '2026-11-30', ['5f0a1c9e-3d1b-4c8e-9a55-0b7d2c1e4f60']];
    const first = await preparedQuery(db, text, values);
    expect(first).toEqual(await db.query(text, values));
    expect(await preparedQuery(db, text, ['annan ', '2026-12-01', []])).toEqual(await db.query(text, ['annan ', '2026-12-01', []]));
    expect((await prepared()).filter((p) => p.statement === text)).toHaveLength(1);
  });

  it('reports a failing statement as the query would, and the connection goes on', async () => {
    await expect(preparedQuery(db, 'SELECT 1 / $1::int AS x', [0])).rejects.toThrow(/division by zero/);
    expect(await preparedQuery(db, 'SELECT 1 / $1::int AS x', [1])).toEqual([{ x: 1 }]);
    expect((await prepared()).map((p) => p.statement)).toContain('SELECT 1 / $1::int AS x');
  });

  it('keeps at most PREPARED_PER_CONNECTION statements on a connection; the rest run unnamed and still answer', async () => {
    for (let i = 0; i < PREPARED_PER_CONNECTION + 10; i++) {
      expect(await preparedQuery<{ i: number }>(db, `SELECT $1::int + ${i} AS i`, [1])).toEqual([{ i: 1 + i }]);
    }
    expect((await prepared()).length).toBe(PREPARED_PER_CONNECTION);
  });
});
