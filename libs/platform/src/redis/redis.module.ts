import { Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config.js';
import { failFastRedisConnection } from '../queues/redis-connection.js';
import { RateLimiter } from './rate-limiter.service.js';
import { REDIS } from './redis.token.js';

/** Closes the shared client when the app stops. */
@Injectable()
class RedisLifecycle implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}

/**
 * A shared Redis client for short-lived state that is not a job (rate-limit counters). Its keys
 * live under QUEUE_PREFIX like the queues', so deployments and test files sharing a Redis stay apart.
 */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        const logger = new Logger('Redis');
        const client = new Redis(config.REDIS_URL, {
          ...failFastRedisConnection(config.REDIS_URL, 'samverkan-state'),
          keyPrefix: `${config.QUEUE_PREFIX}:`,
          lazyConnect: true,
        });
        // One line per distinct failure, not one per reconnect attempt.
        let lastError = '';
        client.on('error', (error: Error) => {
          if (error.message !== lastError) logger.error(`shared client: ${error.message}`);
          lastError = error.message;
        });
        client.on('ready', () => (lastError = ''));
        client.connect().catch(() => undefined);
        return client;
      },
    },
    RedisLifecycle,
    RateLimiter,
  ],
  exports: [REDIS, RateLimiter],
})
export class RedisModule {}
