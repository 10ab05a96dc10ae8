import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type Queue, QueueEvents } from 'bullmq';
import { AppConfig } from '../config/app-config.js';
import { Clock } from '../clock/clock.js';
import { JobName, QueueName } from '../queues/queue-names.js';
import { reportQueueErrors } from '../queues/queue-error-reporter.js';
import { redisConnection } from '../queues/redis-connection.js';
import type { SystemPingData, SystemPingResult } from './system-ping.js';

/** Sends a `system.ping` job and waits for a worker to answer it. */
@Injectable()
export class SystemPingService implements OnApplicationShutdown {
  private events?: QueueEvents;

  constructor(
    @InjectQueue(QueueName.System) private readonly queue: Queue<SystemPingData, SystemPingResult>,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async ping(timeoutMs: number, holdMs = 0): Promise<SystemPingResult> {
    const events = await this.queueEvents();
    const job = await this.queue.add(
      JobName.SystemPing,
      { requestedAt: this.clock.now().toISOString(), holdMs },
      // A ping nobody answered is worthless later: no retries, and gone soon after.
      { attempts: 1, removeOnComplete: { age: 600 }, removeOnFail: { age: 600 } },
    );
    try {
      return await job.waitUntilFinished(events, timeoutMs);
    } catch (error) {
      // Unanswered: withdraw it so a worker that starts later does not answer a stale question.
      await job.remove().catch(() => undefined);
      throw error;
    }
  }

  /** Queue events need their own blocking connection; opened on the first ping only. */
  private async queueEvents(): Promise<QueueEvents> {
    if (!this.events) {
      this.events = new QueueEvents(QueueName.System, {
        connection: redisConnection(this.config.REDIS_URL, 'samverkan-queue-events'),
        prefix: this.config.QUEUE_PREFIX,
      });
      reportQueueErrors(this.events, 'events');
    }
    await this.events.waitUntilReady();
    return this.events;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.events?.close();
  }
}
