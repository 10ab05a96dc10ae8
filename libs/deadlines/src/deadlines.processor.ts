import { InjectQueue, Processor } from '@nestjs/bullmq';
import { type OnApplicationBootstrap } from '@nestjs/common';
import { JobName, QueueName, QueueProcessor } from '@samverkan/platform';
import { DelayedError, type Job, type Queue } from 'bullmq';
import type { ReminderJob } from './deadlines.service.js';
import { ReconcilerService } from './reconciler.service.js';
import { ReminderService } from './reminder.service.js';

export const RECONCILE_EVERY_MS = 5 * 60_000;

/** The worker's `deadlines` queue: reminders and escalations, and the periodic reconciler. */
@Processor(QueueName.Deadlines, { concurrency: 8 })
export class DeadlinesProcessor extends QueueProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly reminders: ReminderService,
    private readonly reconciler: ReconcilerService,
    @InjectQueue(QueueName.Deadlines) private readonly queue: Queue,
  ) {
    super();
  }

  /** Start-up: register the five-minute reconciler and run it once now. */
  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('deadline-reconcile', { every: RECONCILE_EVERY_MS }, { name: JobName.DeadlineReconcile });
    await this.reconciler.run();
  }

  async process(job: Job, token?: string): Promise<unknown> {
    switch (job.name) {
      case JobName.DeadlineRemind: {
        const result = await this.reminders.deliver(job.data as ReminderJob);
        if (result.outcome === 'early' && result.fireAt && token) {
          await job.moveToDelayed(result.fireAt.getTime(), token);
          throw new DelayedError();
        }
        return result;
      }
      case JobName.DeadlineReconcile:
        return this.reconciler.run();
      default:
        throw new Error(`Unknown job ${job.name}`);
    }
  }
}
