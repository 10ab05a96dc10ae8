import { Module } from '@nestjs/common';
import { QueueModule } from '../queues/queue.module.js';
import { QueueName } from '../queues/queue-names.js';
import { SystemProcessor } from './system.processor.js';
import { WorkerRegistryService } from './worker-registry.service.js';

/** The worker side of the platform: answers system.ping and keeps the worker's heartbeat. */
@Module({
  imports: [QueueModule.register(QueueName.System)],
  providers: [SystemProcessor, WorkerRegistryService],
  exports: [WorkerRegistryService],
})
export class SystemWorkerModule {}
