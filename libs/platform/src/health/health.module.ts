import { Module } from '@nestjs/common';
import { QueueModule } from '../queues/queue.module.js';
import { QueueName } from '../queues/queue-names.js';
import { SystemPingService } from '../system/system-ping.service.js';
import { HealthController } from './health.controller.js';
import { HealthService } from './health.service.js';

/** Liveness, readiness and the queue round trip, for the api app. */
@Module({
  imports: [QueueModule.register(QueueName.System)],
  controllers: [HealthController],
  providers: [HealthService, SystemPingService],
})
export class HealthModule {}
