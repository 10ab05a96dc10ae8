import { InjectQueue, Processor } from '@nestjs/bullmq';
import { type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, CALENDAR_TIME_ZONE, JobName, QueueName, QueueProcessor, RedisLossWatch } from '@samverkan/platform';
import { DelayedError, type Job, type Queue } from 'bullmq';
import { AuditVerificationService, type VerificationJobData } from './audit-verification.service.js';

/** The weekly full verification: Sunday night, when the trail is quiet. */
export const FULL_VERIFICATION_SCHEDULE = { pattern: '0 3 * * 0', tz: CALENDAR_TIME_ZONE };

/** How long a requested run waits before trying again while another worker holds the run lock. */
const BUSY_RETRY_MS = 30_000;

/**
 * The worker's `audit-verification` queue (issue #19): an incremental run every AUDIT_VERIFY_EVERY_MS,
 * a full run weekly, and the runs auditors ask for. A queue of its own, so a run of minutes never
 * holds up the anchors on the `audit` queue.
 */
@Processor(QueueName.AuditVerification)
export class AuditVerificationProcessor extends QueueProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private stopping = false;

  constructor(
    private readonly verification: AuditVerificationService,
    private readonly config: AppConfig,
    @InjectQueue(QueueName.AuditVerification) private readonly queue: Queue,
    private readonly watch: RedisLossWatch,
  ) {
    super();
  }

  /** The schedulers, and a job for every run not completed (its job lost with Redis, or its worker stopped), at start and when Redis lost them. */
  async onApplicationBootstrap(): Promise<void> {
    await this.watch.keep({
      name: 'audit-verification',
      restore: async () => {
        await this.queue.upsertJobScheduler(
          'audit-verify-incremental',
          { every: this.config.AUDIT_VERIFY_EVERY_MS },
          { name: JobName.AuditVerify, data: { kind: 'incremental' } satisfies VerificationJobData },
        );
        await this.queue.upsertJobScheduler('audit-verify-full', FULL_VERIFICATION_SCHEDULE, {
          name: JobName.AuditVerify,
          data: { kind: 'full' } satisfies VerificationJobData,
        });
        await this.verification.requeueUnfinished();
      },
      intact: async () => (await this.queue.getJobScheduler('audit-verify-incremental')) !== undefined,
    });
  }

  /** A run under way stops after its current page and keeps its checkpoint; the next worker resumes it. */
  beforeApplicationShutdown(): void {
    this.stopping = true;
  }

  protected readonly handlers = {
    [JobName.AuditVerify]: async (job: Job<VerificationJobData>, token?: string) => {
      const result = await this.verification.runPending({ kind: job.data.kind, shouldStop: () => this.stopping });
      if (result !== 'busy') return result;
      // Another worker is verifying. A scheduler's tick is covered by it; a requested run must not be lost, so it waits and tries again.
      if (!job.data.runId) return { skipped: 'another verification is under way' };
      await job.moveToDelayed(Date.now() + BUSY_RETRY_MS, token);
      throw new DelayedError();
    },
  };
}
