import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Clock } from '../clock/clock.js';
import { REDIS } from './redis.token.js';

export interface RateLimitResult {
  allowed: boolean;
  /** Seconds until the current window ends (for Retry-After). */
  retryAfterSeconds: number;
}

/** Local windows kept at most; beyond it the oldest are dropped (a flood of addresses cannot grow memory). */
const MAX_LOCAL_BUCKETS = 10_000;

/**
 * Fixed-window counters in Redis, shared by every api process. If Redis cannot answer, the same
 * limit is counted in this process instead (logged): a Redis outage must not open sign-in to
 * password guessing (#15, "the login rate limit must fail closed or fall back to a local limit").
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);
  /** `bucket:window` → hits counted here while Redis could not be asked. */
  private readonly local = new Map<string, number>();

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
      this.logger.warn(`rate limit ${bucket} counted in this process (Redis: ${(error as Error).message})`);
      return { allowed: this.hitLocally(`${bucket}:${window}`) <= limit, retryAfterSeconds };
    }
  }

  private hitLocally(key: string): number {
    const count = (this.local.get(key) ?? 0) + 1;
    this.local.delete(key); // re-inserted last: the map's order is the order of last use
    this.local.set(key, count);
    if (this.local.size > MAX_LOCAL_BUCKETS) this.local.delete(this.local.keys().next().value!);
    return count;
  }
}
