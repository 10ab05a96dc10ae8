import { Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config.js';
import { withTimeout } from '../async/with-timeout.js';
import { failFastRedisConnection, REDIS_COMMAND_TIMEOUT_MS } from '../queues/redis-connection.js';
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
 * live under QUEUE_PREFIX like the queues', so deployments and test files sharing a Redis stay apart,
 * and in the same hash slot (QUEUE_PREFIX is a hash tag: a Redis Cluster takes them as it takes the queues').
 */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [AppConfig],
      useFactory: async (config: AppConfig) => {
        const logger = new Logger('Redis');
        const client = new Redis(config.REDIS_URL, {
          ...failFastRedisConnection(config.REDIS_URL, 'samverkan-state'),
          keyPrefix: `${config.QUEUE_PREFIX}:`,
          lazyConnect: true,
          // Every authenticated request asks for its principal's epochs (principal-cache.ts): the
          // commands of concurrent requests go out in one write instead of one each (#19).
          enableAutoPipelining: true,
        });
        // One line per distinct failure, not one per reconnect attempt.
        let lastError = '';
        client.on('error', (error: Error) => {
          if (error.message !== lastError) logger.error(`shared client: ${error.message}`);
          lastError = error.message;
        });
        client.on('ready', () => (lastError = ''));
        // Connected before the first request (the client queues nothing while it connects); a Redis
        // that is down does not hold the start up: the rate limit counts locally until it is back.
        await withTimeout(client.connect(), REDIS_COMMAND_TIMEOUT_MS, 'connecting the shared Redis client').catch(() => undefined);
        return client;
      },
    },
    RedisLifecycle,
    RateLimiter,
  ],
  exports: [REDIS, RateLimiter],
})
export class RedisModule {}
