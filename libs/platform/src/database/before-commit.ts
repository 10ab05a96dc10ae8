import type { EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent, TransactionStartEvent } from 'typeorm';
import { EventSubscriber } from 'typeorm';

/**
 * Writes that belong to a transaction but are best made at its very end — the audit events, whose
 * hash-chain trigger holds one lock from the insert until COMMIT (#19): written last, every audited
 * transaction holds that lock only for its own insert and commit, not for the rest of its work.
 * The writes still run inside the transaction, so the change and its rows commit together or not at
 * all; a failing write fails the commit and the transaction rolls back.
 */
interface Batch {
  items: unknown[];
  run: (manager: EntityManager, items: unknown[]) => Promise<unknown>;
}

const pending = new WeakMap<QueryRunner, Map<string, Batch>>();

/**
 * Adds `item` to the batch `key` of the manager's transaction; just before COMMIT `run` gets every
 * item added under that key, once. The caller must be inside a transaction.
 */
export function beforeCommit<T>(manager: EntityManager, key: string, item: T, run: (manager: EntityManager, items: T[]) => Promise<unknown>): void {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) throw new Error(`beforeCommit(${key}) outside a transaction`);
  const batches = pending.get(runner) ?? new Map<string, Batch>();
  pending.set(runner, batches);
  const batch = batches.get(key) ?? { items: [], run: run as Batch['run'] };
  batch.items.push(item);
  batches.set(key, batch);
}

async function flush(runner: QueryRunner): Promise<void> {
  const batches = pending.get(runner);
  pending.delete(runner);
  for (const batch of batches?.values() ?? []) await batch.run(runner.manager, batch.items);
}

/**
 * Listed in every DataSource's options (dataSourceOptions). Savepoints: what is pending is written
 * when a nested transaction starts, so a rolled-back savepoint drops only what was added inside it.
 */
@EventSubscriber()
export class BeforeCommitSubscriber implements EntitySubscriberInterface {
  async beforeTransactionStart({ queryRunner }: TransactionStartEvent): Promise<void> {
    if (queryRunner.isTransactionActive) await flush(queryRunner);
  }

  async beforeTransactionCommit({ queryRunner }: TransactionCommitEvent): Promise<void> {
    await flush(queryRunner);
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    pending.delete(queryRunner);
  }
}
