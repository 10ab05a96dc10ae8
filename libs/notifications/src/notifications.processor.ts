import { InjectQueue, Processor } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { JobName, QueueName, QueueProcessor } from '@samverkan/platform';
import type { Job, Queue } from 'bullmq';
import { EmailService } from './email.service.js';

/** The worker's `notifications` queue: sending e-mail. */
@Processor(QueueName.Notifications, { concurrency: 4 })
export class NotificationsProcessor extends QueueProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly email: EmailService,
    @InjectQueue(QueueName.Notifications) private readonly queue: Queue,
  ) {
    super();
  }

  /** The daily digest moved to the deadlines queue (it lists deadlines): its old scheduler here goes. */
  async onApplicationBootstrap(): Promise<void> {
    await this.queue.removeJobScheduler('daily-digest');
  }

  protected readonly handlers = {
    [JobName.EmailSend]: (job: Job<{ emailId: string }>) => this.email.send(job.data.emailId, job.attemptsMade + 1 >= (job.opts.attempts ?? 1)),
  };
}
