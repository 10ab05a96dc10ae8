import { InjectQueue, Processor } from '@nestjs/bullmq';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { JobName, QueueName, QueueProcessor } from '@samverkan/platform';
import type { Job, Queue } from 'bullmq';
import { DigestService } from './digest.service.js';
import { EmailService } from './email.service.js';

/** The worker's `notifications` queue: sending e-mail and the daily digest. */
@Processor(QueueName.Notifications, { concurrency: 4 })
export class NotificationsProcessor extends QueueProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly email: EmailService,
    private readonly digest: DigestService,
    @InjectQueue(QueueName.Notifications) private readonly queue: Queue,
  ) {
    super();
  }

  /** The daily digest: 07:00 Swedish time, whatever the server's zone. */
  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('daily-digest', { pattern: '0 7 * * *', tz: 'Europe/Stockholm' }, { name: JobName.DigestRun });
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case JobName.EmailSend:
        return this.email.send((job.data as { emailId: string }).emailId, job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
      case JobName.DigestRun:
        return this.digest.run();
      default:
        throw new Error(`Unknown job ${job.name}`);
    }
  }
}
