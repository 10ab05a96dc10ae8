import { InjectQueue, Processor } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { JobName, QueueName, QueueProcessor, RedisLossWatch } from '@samverkan/platform';
import type { Job, Queue } from 'bullmq';
import { EmailService } from './email.service.js';

/** How often stored e-mail that has no job is queued again. */
export const EMAIL_OUTBOX_EVERY_MS = 5 * 60_000;

/** The worker's `notifications` queue: sending e-mail. */
@Processor(QueueName.Notifications, { concurrency: 4 })
export class NotificationsProcessor extends QueueProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly email: EmailService,
    @InjectQueue(QueueName.Notifications) private readonly queue: Queue,
    private readonly watch: RedisLossWatch,
  ) {
    super();
  }

  /**
   * The e-mail outbox: stored messages whose job Redis never got (down when the transaction
   * committed) or lost are queued again every five minutes, at start-up and whenever Redis lost its
   * data (RedisLossWatch). The daily digest moved to the deadlines queue: its old scheduler here goes.
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.queue.removeJobScheduler('daily-digest');
    await this.watch.keep({
      name: 'notifications',
      restore: async () => {
        await this.queue.upsertJobScheduler('email-outbox', { every: EMAIL_OUTBOX_EVERY_MS }, { name: JobName.EmailOutbox });
        await this.email.requeuePending();
      },
      intact: async () => (await this.queue.getJobScheduler('email-outbox')) !== undefined,
    });
  }

  protected readonly handlers = {
    [JobName.EmailOutbox]: async () => ({ queued: await this.email.requeuePending() }),
    [JobName.EmailSend]: (job: Job<{ emailId: string }>) => this.email.send(job.data.emailId, job.attemptsMade + 1 >= (job.opts.attempts ?? 1)),
  };
}
