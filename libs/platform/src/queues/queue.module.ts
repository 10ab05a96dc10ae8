import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { type DynamicModule, Module } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppConfig } from '../config/app-config.js';
import type { QueueName } from './queue-names.js';
import { reportQueueErrors } from './queue-error-reporter.js';
import { failFastRedisConnection, redisConnection } from './redis-connection.js';

/** Finished jobs are kept a while for inspection; the database, not Redis, is the record. */
const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 1_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/**
 * BullMQ on REDIS_URL, every key under QUEUE_PREFIX — a hash tag such as `{samverkan}`, so each
 * queue's keys share one slot and Redis Cluster runs BullMQ's multi-key scripts. Import `QueueModule.forRoot()` once per app
 * and `QueueModule.register(QueueName.X)` in the module that produces or consumes a queue.
 */
@Module({})
export class QueueModule {
  /**
   * @param options.failFast the api: its queues only produce jobs while answering requests, so a
   * command fails fast when Redis is gone (failFastRedisConnection). The worker keeps BullMQ's
   * patient defaults: its consumers wait for Redis to come back.
   */
  static forRoot(options: { failFast?: boolean } = {}): DynamicModule {
    return {
      module: QueueModule,
      imports: [
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            connection: (options.failFast ? failFastRedisConnection : redisConnection)(config.REDIS_URL, 'samverkan-queues'),
            prefix: config.QUEUE_PREFIX,
            defaultJobOptions: DEFAULT_JOB_OPTIONS,
          }),
        }),
      ],
    };
  }

  static register(...names: QueueName[]): DynamicModule {
    const queues = BullModule.registerQueue(...names.map((name) => ({ name })));
    const errorReporting = {
      provide: `samverkan:queue-error-reporting:${names.join(',')}`,
      inject: names.map((name) => getQueueToken(name)),
      useFactory: (...registered: Queue[]) => registered.forEach((queue) => reportQueueErrors(queue, 'queue')),
    };
    return { module: QueueModule, imports: [queues], providers: [errorReporting], exports: [queues] };
  }
}
