import { InjectQueue, Processor } from '@nestjs/bullmq';
import { type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, JobName, QueueName, QueueProcessor, RedisLossWatch } from '@samverkan/platform';
import type { Queue } from 'bullmq';
import { AuditAnchorService } from './audit-anchor.service.js';

/** The worker's `audit` queue: anchors the chain every AUDIT_ANCHOR_EVERY_MS (and once at start). */
@Processor(QueueName.Audit)
export class AuditAnchorProcessor extends QueueProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly anchors: AuditAnchorService,
    private readonly config: AppConfig,
    @InjectQueue(QueueName.Audit) private readonly queue: Queue,
    private readonly watch: RedisLossWatch,
  ) {
    super();
  }

  /** The scheduler (and one anchor now), at start-up and again whenever Redis lost it (RedisLossWatch, #15). */
  async onApplicationBootstrap(): Promise<void> {
    await this.watch.keep({
      name: 'audit',
      restore: async () => {
        await this.queue.upsertJobScheduler('audit-anchor', { every: this.config.AUDIT_ANCHOR_EVERY_MS }, { name: JobName.AuditAnchor });
        await this.anchors.anchor();
      },
      intact: async () => (await this.queue.getJobScheduler('audit-anchor')) !== undefined,
    });
  }

  protected readonly handlers = {
    [JobName.AuditAnchor]: async () => ({ anchored: (await this.anchors.anchor())?.seq ?? null }),
  };
}
