import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { afterCommit, dataSourceOptions } from '@samverkan/platform';
import { TestEnvironment } from '@samverkan/testing';
import { DataSource } from 'typeorm';

/** Work registered on a transaction runs once after COMMIT, batched by key, and never after ROLLBACK. */
describe('afterCommit', () => {
  let env: TestEnvironment;
  let db: DataSource;

  beforeAll(async () => {
    env = await TestEnvironment.create();
    db = await new DataSource(dataSourceOptions(env.config, 'samverkan-test')).initialize();
  });

  afterAll(async () => {
    await db?.destroy();
    await env?.close();
  });

  function recorder() {
    const runs: string[][] = [];
    return { runs, run: async (items: string[]) => void runs.push(items) };
  }

  it('waits for the commit, then runs each key once with all its items', async () => {
    const { runs, run } = recorder();
    const other = recorder();
    await db.transaction(async (manager) => {
      await afterCommit(manager, 'test.a', 'one', run);
      await afterCommit(manager, 'test.a', 'two', run);
      await afterCommit(manager, 'test.b', 'three', other.run);
      expect(runs).toEqual([]);
    });
    expect(runs).toEqual([['one', 'two']]);
    expect(other.runs).toEqual([['three']]);
  });

  it('drops the work when the transaction rolls back', async () => {
    const { runs, run } = recorder();
    await expect(
      db.transaction(async (manager) => {
        await afterCommit(manager, 'test.a', 'lost', run);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(runs).toEqual([]);
  });

  it('waits for the outer commit when a savepoint is released', async () => {
    const { runs, run } = recorder();
    await db.transaction(async (outer) => {
      await outer.transaction(async (inner) => afterCommit(inner, 'test.a', 'nested', run));
      expect(runs).toEqual([]);
    });
    expect(runs).toEqual([['nested']]);
  });

  it('runs at once outside a transaction, and logs rather than throws a failure: the change is committed', async () => {
    const { runs, run } = recorder();
    await afterCommit(db.manager, 'test.a', 'now', run);
    expect(runs).toEqual([['now']]);
    await expect(db.transaction((manager) => afterCommit(manager, 'test.a', 'x', () => Promise.reject(new Error('Redis is down'))))).resolves.toBeUndefined();
  });
});
