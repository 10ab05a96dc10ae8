import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { beforeCommit, dataSourceOptions } from '@samverkan/platform';
import { TestEnvironment } from '@samverkan/testing';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * Writes registered with beforeCommit (the audit events, #19) run inside the transaction just
 * before COMMIT: after the rest of its work, committed with it, rolled back with it.
 */
describe('beforeCommit', () => {
  let env: TestEnvironment;
  let db: DataSource;

  beforeAll(async () => {
    env = await TestEnvironment.create();
    db = await new DataSource(dataSourceOptions(env.config, 'samverkan-test')).initialize();
    await db.query('CREATE TABLE before_commit_probe (id serial PRIMARY KEY, label text NOT NULL, written_after int NOT NULL)');
  });

  afterAll(async () => {
    await db?.query('DROP TABLE IF EXISTS before_commit_probe');
    await db?.destroy();
    await env?.close();
  });

  // Each row records how many rows the transaction had written before it: proof it ran last.
  const write = async (manager: EntityManager, labels: string[]) => {
    for (const label of labels) {
      await manager.query('INSERT INTO before_commit_probe (label, written_after) SELECT $1, count(*) FROM before_commit_probe', [label]);
    }
  };
  const rows = async () =>
    (await db.query<{ label: string; written_after: number }[]>('SELECT label, written_after FROM before_commit_probe ORDER BY id')).map(
      (r) => `${r.label}@${r.written_after}`,
    );

  it('writes after the rest of the transaction, in one run per key, committed with it', async () => {
    await db.query('TRUNCATE before_commit_probe');
    const runs: string[][] = [];
    await db.transaction(async (manager) => {
      beforeCommit(manager, 'probe', 'event-1', async (m, items: string[]) => {
        runs.push(items);
        await write(m, items);
      });
      await write(manager, ['change-1']);
      beforeCommit(manager, 'probe', 'event-2', async () => undefined);
      await write(manager, ['change-2']);
      expect(await manager.query('SELECT count(*)::int AS n FROM before_commit_probe')).toEqual([{ n: 2 }]);
    });
    expect(runs).toEqual([['event-1', 'event-2']]);
    expect(await rows()).toEqual(['change-1@0', 'change-2@1', 'event-1@2', 'event-2@3']);
  });

  it('writes nothing when the transaction rolls back', async () => {
    await db.query('TRUNCATE before_commit_probe');
    await expect(
      db.transaction(async (manager) => {
        beforeCommit(manager, 'probe', 'lost', write);
        await write(manager, ['change']);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await rows()).toEqual([]);
  });

  it('rolls the whole transaction back when the write fails at commit', async () => {
    await db.query('TRUNCATE before_commit_probe');
    await expect(
      db.transaction(async (manager) => {
        await write(manager, ['change']);
        beforeCommit(manager, 'probe', 'bad', async (m) => m.query('INSERT INTO before_commit_probe (label, written_after) VALUES (NULL, 0)'));
      }),
    ).rejects.toThrow(/null value/);
    expect(await rows()).toEqual([]);
  });

  it('keeps what the outer transaction registered when a savepoint rolls back, and drops what the savepoint did', async () => {
    await db.query('TRUNCATE before_commit_probe');
    await db.transaction(async (outer) => {
      beforeCommit(outer, 'probe', 'outer', write);
      await outer
        .transaction(async (inner) => {
          beforeCommit(inner, 'probe', 'inner', write);
          throw new Error('inner refused');
        })
        .catch(() => undefined);
    });
    expect(await rows()).toEqual(['outer@0']);
  });

  it('refuses to be used outside a transaction', () => {
    expect(() => beforeCommit(db.manager, 'probe', 'x', write)).toThrow(/outside a transaction/);
  });
});
