import { Logger } from '@nestjs/common';
import type { QueueBase } from 'bullmq';

const REPEAT_AFTER_MS = 60_000;

/**
 * Logs a queue's or worker's connection errors through the application logger. Without a listener
 * BullMQ prints every reconnect failure to the console; a Redis outage would flood it.
 * The same message is repeated at most once a minute.
 */
export function reportQueueErrors(target: Pick<QueueBase, 'on' | 'name'>, kind: 'queue' | 'worker' | 'events'): void {
  const logger = new Logger(`Redis(${kind} ${target.name})`);
  let last = { message: '', at: 0 };
  target.on('error', (error: Error) => {
    const now = Date.now();
    if (error.message === last.message && now - last.at < REPEAT_AFTER_MS) return;
    last = { message: error.message, at: now };
    logger.error(`${kind} ${target.name}: ${error.message}`);
  });
}
