import { Global, Inject, Injectable, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { withTimeout } from '../async/with-timeout.js';
import { AppConfig } from '../config/app-config.js';
import { RedisModule } from '../redis/redis.module.js';
import { REDIS } from '../redis/redis.token.js';
import { REDIS_COMMAND_TIMEOUT_MS } from './redis-connection.js';

/** What a worker lib keeps in Redis and can put back from the database. */
export interface QueueStateKeeper {
  /** Names the lib in logs. */
  name: string;
  /** Re-creates its job schedulers, then re-queues from the database what is due (the reconcilers). Safe to run twice. */
  restore: () => Promise<unknown>;
  /** False when what it keeps is gone (a job scheduler missing, e.g. evicted) although the sentinel is there. */
  intact?: () => Promise<boolean>;
}

/** Written at start-up and after each restore; never expires. Its absence means Redis lost its data. */
export const REDIS_SENTINEL_KEY = 'redis-sentinel';

/**
 * Notices that Redis lost its data while the worker runs — a restart without persistence, a
 * failover to an empty replica, eviction, FLUSHALL — and puts back what the worker keeps there,
 * without a restart (#15: 600 due reminders waited for a worker restart). Every
 * REDIS_WATCH_INTERVAL_MS it checks a sentinel key (under QUEUE_PREFIX) and asks each keeper whether
 * its schedulers are there; when something is gone it writes the sentinel again, then runs every
 * keeper's restore. The database is the truth and every restore is idempotent, so several workers
 * restoring at once do no harm. Worker only: the api keeps nothing in Redis that it could restore.
 */
@Injectable()
export class RedisLossWatch implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RedisLossWatch');
  private readonly keepers: QueueStateKeeper[] = [];
  private timer?: NodeJS.Timeout;
  private checking?: Promise<void>;
  private lastError = '';

  // The shared client (RedisModule): fails fast, so a check while Redis is down fails (logged once)
  // and the next one tries again; its keys are under QUEUE_PREFIX.
  constructor(
    private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** Registers a keeper and restores its state now (start-up: schedulers created, reconciled); a failure stops the start. */
  async keep(keeper: QueueStateKeeper): Promise<void> {
    this.keepers.push(keeper);
    await keeper.restore();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.redis.set(REDIS_SENTINEL_KEY, new Date().toISOString()).catch((error: Error) => this.reportOnce(error));
    this.timer = setInterval(() => void this.check(), this.config.REDIS_WATCH_INTERVAL_MS);
    this.timer.unref();
  }

  /** One check (the timer's); concurrent calls share the one in progress. */
  check(): Promise<void> {
    this.checking ??= this.checkOnce().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async checkOnce(): Promise<void> {
    let reason: string | undefined;
    try {
      if ((await this.redis.exists(REDIS_SENTINEL_KEY)) === 0) reason = 'its sentinel key is gone';
      for (const keeper of this.keepers) {
        if (reason) break;
        if (keeper.intact && !(await withTimeout(keeper.intact(), REDIS_COMMAND_TIMEOUT_MS, `checking ${keeper.name}`))) {
          reason = `the job schedulers of ${keeper.name} are gone`;
        }
      }
      if (this.lastError) this.logger.log('Redis answers again');
      this.lastError = '';
    } catch (error) {
      this.reportOnce(error as Error);
      return;
    }
    if (reason) await this.restore(reason);
  }

  private async restore(reason: string): Promise<void> {
    this.logger.warn(`Redis lost its data (${reason}): re-creating job schedulers and re-queueing from the database`);
    // The sentinel first: if Redis loses its data again while this runs, the next check sees it.
    await this.redis.set(REDIS_SENTINEL_KEY, new Date().toISOString());
    let failed = false;
    for (const keeper of this.keepers) {
      try {
        await keeper.restore();
      } catch (error) {
        failed = true;
        this.logger.error(`restoring ${keeper.name} failed: ${(error as Error).message}`);
      }
    }
    // Not everything came back: the next check tries again.
    if (failed) await this.redis.del(REDIS_SENTINEL_KEY).catch(() => undefined);
    else this.logger.log(`restored ${this.keepers.map((k) => k.name).join(', ')}`);
  }

  private reportOnce(error: Error): void {
    if (error.message !== this.lastError) this.logger.error(`Redis check failed: ${error.message}`);
    this.lastError = error.message;
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.checking?.catch(() => undefined);
  }
}

/** The watch for the worker app (global: every worker lib's processor registers with it). */
@Global()
@Module({ imports: [RedisModule], providers: [RedisLossWatch], exports: [RedisLossWatch] })
export class RedisLossWatchModule {}
