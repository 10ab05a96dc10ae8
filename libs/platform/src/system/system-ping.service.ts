import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue, QueueEvents } from 'bullmq';
import { withTimeout } from '../async/with-timeout.js';
import { AppConfig } from '../config/app-config.js';
import { Clock } from '../clock/clock.js';
import { JobName, QueueName } from '../queues/queue-names.js';
import { reportQueueErrors } from '../queues/queue-error-reporter.js';
import { queueEventsFromNow } from '../queues/queue-events-from-now.js';
import { redisConnection } from '../queues/redis-connection.js';
import type { SystemPingData, SystemPingResult } from './system-ping.js';

/**
 * Sends a `system.ping` job and waits for a worker to answer it. The whole round trip, connecting
 * to Redis included, is bounded by the timeout: with Redis down the ping fails in time (#15).
 */
@Injectable()
export class SystemPingService implements OnApplicationShutdown {
  private events?: QueueEvents;
  /** The one opening under way, so pings that come together share it instead of each opening one. */
  private opening?: Promise<QueueEvents>;

  constructor(
    @InjectQueue(QueueName.System) private readonly queue: Queue<SystemPingData, SystemPingResult>,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async ping(timeoutMs: number, holdMs = 0): Promise<SystemPingResult> {
    const until = performance.now() + timeoutMs;
    const left = () => Math.max(1, Math.round(until - performance.now()));
    const events = await withTimeout(this.queueEvents(), left(), 'connecting to the queue events');
    const job = await withTimeout(
      this.queue.add(
        JobName.SystemPing,
        { requestedAt: this.clock.now().toISOString(), holdMs },
        // A ping nobody answered is worthless later: no retries, and gone soon after.
        { attempts: 1, removeOnComplete: { age: 600 }, removeOnFail: { age: 600 } },
      ),
      left(),
      'queueing system.ping',
    );
    try {
      return await withTimeout(job.waitUntilFinished(events, left()), left() + 100, 'waiting for a worker');
    } catch (error) {
      // Unanswered: withdraw it so a worker that starts later does not answer a stale question.
      await withTimeout(job.remove(), 1_000, 'withdrawing system.ping').catch(() => undefined);
      throw error;
    }
  }

  /**
   * Queue events need their own blocking connection; opened on the first ping that finds Redis
   * answering (asked on the queue's fail-fast connection first: BullMQ's QueueEvents never gives up
   * on a server it has not reached yet, not even when closed).
   */
  private async queueEvents(): Promise<QueueEvents> {
    this.opening ??= this.openQueueEvents().catch((error: unknown) => {
      this.opening = undefined; // Redis did not answer: the next ping tries again
      throw error;
    });
    const events = await this.opening;
    await events.waitUntilReady();
    return events;
  }

  private async openQueueEvents(): Promise<QueueEvents> {
    await this.queue.count(); // Redis answers now
    this.events = await queueEventsFromNow(this.queue, {
      connection: redisConnection(this.config.REDIS_URL, 'samverkan-queue-events'),
      prefix: this.config.QUEUE_PREFIX,
    });
    reportQueueErrors(this.events, 'events');
    return this.events;
  }

  /** Bounded: with Redis gone, closing the events connection could wait for ever. */
  async onApplicationShutdown(): Promise<void> {
    if (this.events) await withTimeout(this.events.close(), 2_000, 'closing the queue events').catch(() => undefined);
  }
}
