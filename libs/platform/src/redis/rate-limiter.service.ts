import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Clock } from '../clock/clock.js';
import { REDIS } from './redis.token.js';

export interface RateLimitResult {
  allowed: boolean;
  /** Seconds until the current window ends (for Retry-After). */
  retryAfterSeconds: number;
}

/**
 * Fixed-window counters in Redis, shared by every api process. If Redis cannot answer, the
 * request is let through (and logged): availability of sign-in outweighs this one control, and
 * account lockout still protects each account.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly clock: Clock,
  ) {}

  async hit(bucket: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const window = Math.floor(now / windowSeconds);
    const retryAfterSeconds = (window + 1) * windowSeconds - now;
    try {
      const key = `ratelimit:${bucket}:${window}`;
      const results = await this.redis
        .multi()
        .incr(key)
        .expire(key, windowSeconds + 1)
        .exec();
      const count = Number(results?.[0]?.[1]);
      return { allowed: count <= limit, retryAfterSeconds };
    } catch (error) {
      this.logger.warn(`rate limit ${bucket} not checked: ${(error as Error).message}`);
      return { allowed: true, retryAfterSeconds };
    }
  }
}
