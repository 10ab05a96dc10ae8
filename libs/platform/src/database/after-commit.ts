import { Logger } from '@nestjs/common';
import { TimeoutError, withTimeout } from '../async/with-timeout.js';
import {
  type EntityManager,
  type EntitySubscriberInterface,
  EventSubscriber,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';

/**
 * Work that must wait until a transaction has committed — scheduling reminder jobs, queueing
 * e-mail: Redis must never hear of a change PostgreSQL then rolls back. The service that writes
 * the change registers the work on the caller's transaction; the DataSource runs it after COMMIT
 * (AfterCommitSubscriber, in every DataSource's options) and drops it on ROLLBACK. Callers need
 * no plumbing of ids out of their transactions.
 */
interface Batch {
  items: unknown[];
  run: (items: unknown[]) => Promise<unknown>;
}

const pending = new WeakMap<QueryRunner, Map<string, Batch>>();
const logger = new Logger('AfterCommit');

/**
 * The longest the caller (an HTTP request, usually) waits for its after-commit work. The change is
 * committed either way: when Redis is down or hangs, the request answers and the work is left to
 * the reconcilers (the database is the outbox; #15 "Redis down at run time").
 */
export const AFTER_COMMIT_TIMEOUT_MS = 3_000;

/**
 * Adds `item` to the batch `key` of the manager's transaction: after commit, `run` gets every item
 * added under that key, once. Outside a transaction (each statement commits) it runs at once.
 * Failures are logged, not thrown: the change is committed, and the database is the truth (a
 * reconciler restores what was lost).
 */
export async function afterCommit<T>(manager: EntityManager, key: string, item: T, run: (items: T[]) => Promise<unknown>): Promise<void> {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) return runSafely(key, { items: [item], run: run as Batch['run'] });
  const batches = pending.get(runner) ?? new Map<string, Batch>();
  pending.set(runner, batches);
  const batch = batches.get(key) ?? { items: [], run: run as Batch['run'] };
  batch.items.push(item);
  batches.set(key, batch);
}

async function runSafely(key: string, batch: Batch): Promise<void> {
  try {
    await withTimeout(batch.run(batch.items), AFTER_COMMIT_TIMEOUT_MS, `after-commit work ${key}`);
  } catch (error) {
    const outcome = error instanceof TimeoutError ? `did not finish within ${AFTER_COMMIT_TIMEOUT_MS} ms` : `failed: ${(error as Error).message}`;
    logger.warn(`after-commit work ${key} (${batch.items.length} item(s)) ${outcome}; left for the reconciler`);
  }
}

/** Listed in every DataSource's options (dataSourceOptions); TypeORM needs the decorator to load it. */
@EventSubscriber()
export class AfterCommitSubscriber implements EntitySubscriberInterface {
  async afterTransactionCommit({ queryRunner }: TransactionCommitEvent): Promise<void> {
    if (queryRunner.isTransactionActive) return; // a savepoint was released; the transaction goes on
    const batches = pending.get(queryRunner);
    pending.delete(queryRunner);
    for (const [key, batch] of batches ?? []) await runSafely(key, batch);
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    if (!queryRunner.isTransactionActive) pending.delete(queryRunner);
  }
}
