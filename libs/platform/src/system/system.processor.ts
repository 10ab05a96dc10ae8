import { setTimeout as sleep } from 'node:timers/promises';
import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { JobName, QueueName } from '../queues/queue-names.js';
import { QueueProcessor } from '../queues/queue-processor.js';
import { MAX_PING_HOLD_MS, type SystemPingData, type SystemPingResult } from './system-ping.js';
import { WorkerRegistryService } from './worker-registry.service.js';

/** Consumes the `system` queue in the worker app. Safe to run twice: a ping only touches a heartbeat. */
@Processor(QueueName.System)
export class SystemProcessor extends QueueProcessor {
  constructor(private readonly registry: WorkerRegistryService) {
    super();
  }

  protected readonly handlers = {
    [JobName.SystemPing]: (job: Job<SystemPingData>) => this.ping(job.data),
  };

  private async ping(data: SystemPingData): Promise<SystemPingResult> {
    const hold = Math.min(Math.max(data.holdMs ?? 0, 0), MAX_PING_HOLD_MS);
    if (hold > 0) await sleep(hold);
    const answeredAt = await this.registry.touch();
    return { workerId: this.registry.identity.workerId, answeredAt: answeredAt.toISOString() };
  }
}
