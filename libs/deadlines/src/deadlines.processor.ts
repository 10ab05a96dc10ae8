import { InjectQueue, Processor } from '@nestjs/bullmq';
import { type OnApplicationBootstrap } from '@nestjs/common';
import { JobName, QueueName, QueueProcessor, RedisLossWatch } from '@samverkan/platform';
import { DelayedError, type Job, type Queue } from 'bullmq';
import type { ReminderJob } from './deadlines.service.js';
import { DigestService } from './digest.service.js';
import { ReconcilerService } from './reconciler.service.js';
import { ReminderService } from './reminder.service.js';

export const RECONCILE_EVERY_MS = 5 * 60_000;

/** The worker's `deadlines` queue: reminders and escalations (a job per bucket), the periodic reconciler and the morning digest. */
@Processor(QueueName.Deadlines, { concurrency: 8 })
export class DeadlinesProcessor extends QueueProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly reminders: ReminderService,
    private readonly reconciler: ReconcilerService,
    private readonly digest: DigestService,
    @InjectQueue(QueueName.Deadlines) private readonly queue: Queue,
    private readonly watch: RedisLossWatch,
  ) {
    super();
  }

  /**
   * Start-up, and again whenever Redis lost its data (RedisLossWatch, #15): register the five-minute
   * reconciler (and run it once now) and the digest at 07:00 Swedish time, whatever the server's zone.
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.watch.keep({
      name: 'deadlines',
      restore: async () => {
        await this.queue.upsertJobScheduler('deadline-reconcile', { every: RECONCILE_EVERY_MS }, { name: JobName.DeadlineReconcile });
        await this.queue.upsertJobScheduler('daily-digest', { pattern: '0 7 * * *', tz: 'Europe/Stockholm' }, { name: JobName.DigestRun });
        await this.reconciler.run();
      },
      intact: async () => (await this.queue.getJobScheduler('deadline-reconcile')) !== undefined,
    });
  }

  protected readonly handlers = {
    [JobName.DeadlineRemind]: (job: Job<ReminderJob>, token?: string) => this.remind(job, token),
    [JobName.DeadlineReconcile]: () => this.reconciler.run(),
    [JobName.DigestRun]: () => this.digest.run(),
  };

  private async remind(job: Job<ReminderJob>, token?: string): Promise<unknown> {
    // A job queued before buckets (#19) names one reminder; the start-up reconcile has queued its bucket instead.
    if (typeof job.data.bucket !== 'number') return { outcome: 'none', delivered: 0, superseded: 'bucket' };
    const result = await this.reminders.deliverBucket(job.data.bucket);
    if (result.outcome === 'early' && result.fireAt && token) {
      // Fired before its time (a clock moved): back to the queue for the right moment.
      await job.moveToDelayed(result.fireAt.getTime(), token);
      throw new DelayedError();
    }
    return result;
  }
}
