import { InjectQueue, Processor } from '@nestjs/bullmq';
import { type OnApplicationBootstrap } from '@nestjs/common';
import { CALENDAR_TIME_ZONE, JobName, QueueName, QueueProcessor, RedisLossWatch } from '@samverkan/platform';
import type { Queue } from 'bullmq';
import { YouthRetentionService } from './youth-retention.service.js';
import { YouthSharingService } from './youth-sharing.service.js';

/** Consents that ran out are reported within a quarter of an hour. */
export const CONSENT_EXPIRY_EVERY_MS = 15 * 60_000;
/** Retention runs at night, Swedish time. */
export const RETENTION_SCHEDULE = { pattern: '30 2 * * *', tz: CALENDAR_TIME_ZONE };

/** The worker's `youth` queue. Both jobs are idempotent: they re-read what is due and claim it. */
@Processor(QueueName.Youth)
export class YouthProcessor extends QueueProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly sharing: YouthSharingService,
    private readonly retention: YouthRetentionService,
    @InjectQueue(QueueName.Youth) private readonly queue: Queue,
    private readonly watch: RedisLossWatch,
  ) {
    super();
  }

  /** The schedulers, at start-up and again whenever Redis lost them (RedisLossWatch). */
  async onApplicationBootstrap(): Promise<void> {
    await this.watch.keep({
      name: 'youth',
      restore: async () => {
        await this.queue.upsertJobScheduler('youth-consent-expiry', { every: CONSENT_EXPIRY_EVERY_MS }, { name: JobName.YouthConsentExpiry });
        await this.queue.upsertJobScheduler('youth-retention-nightly', RETENTION_SCHEDULE, { name: JobName.YouthRetentionPurge });
      },
      intact: async () => (await this.queue.getJobScheduler('youth-consent-expiry')) !== undefined,
    });
  }

  protected readonly handlers = {
    [JobName.YouthConsentExpiry]: async () => ({ notified: await this.sharing.notifyExpiredConsents() }),
    [JobName.YouthRetentionPurge]: () => this.retention.purgeDue(),
  };
}
