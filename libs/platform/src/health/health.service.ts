import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { describePostgres, describeRedis, reasonOf } from '../database/connection-target.js';
import { MIGRATIONS_TABLE } from '../database/data-source-options.js';
import { redisConnection } from '../queues/redis-connection.js';
import type { DependencyCheck, ReadinessChecks } from './health.dto.js';

export interface Readiness {
  ready: boolean;
  checks: ReadinessChecks;
}

const CHECK_TIMEOUT_MS = 2_000;

/** Readiness: PostgreSQL answers, every migration is applied, Redis answers. */
@Injectable()
export class HealthService implements OnApplicationShutdown {
  private readonly redis: Redis;
  private lastRedisError?: Error;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {
    // A dedicated client that fails fast: readiness must answer within seconds when Redis is gone.
    this.redis = new Redis(config.REDIS_URL, {
      ...redisConnection(config.REDIS_URL, 'samverkan-health'),
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: CHECK_TIMEOUT_MS,
      retryStrategy: () => null,
    });
    // ioredis reports why a connection failed as an 'error' event; the check reports it.
    this.redis.on('error', (error) => (this.lastRedisError = error));
  }

  async readiness(): Promise<Readiness> {
    const [database, redis] = await Promise.all([this.checkDatabase(), this.checkRedis()]);
    const migrations = database.status === 'up' ? await this.checkMigrations() : { status: 'down' as const, error: 'database unreachable' };
    return {
      ready: [database, migrations, redis].every((c) => c.status === 'up'),
      checks: { database, migrations, redis },
    };
  }

  private async checkDatabase(): Promise<DependencyCheck> {
    const target = describePostgres(this.config.DATABASE_URL);
    try {
      await withTimeout(this.dataSource.query('SELECT 1'), CHECK_TIMEOUT_MS);
      return { status: 'up', target };
    } catch (error) {
      return { status: 'down', target, error: reasonOf(error) };
    }
  }

  private async checkMigrations(): Promise<DependencyCheck> {
    try {
      const applied = await withTimeout(this.dataSource.query<{ name: string }[]>(`SELECT name FROM ${MIGRATIONS_TABLE}`), CHECK_TIMEOUT_MS);
      const done = new Set(applied.map((row) => row.name));
      const pending = this.dataSource.migrations.map((m) => m.name ?? m.constructor.name).filter((n) => !done.has(n));
      return pending.length === 0
        ? { status: 'up', applied: done.size }
        : { status: 'down', applied: done.size, pending, error: `${pending.length} migration(s) not applied; run npm run db:migrate` };
    } catch (error) {
      return { status: 'down', error: reasonOf(error) };
    }
  }

  private async checkRedis(): Promise<DependencyCheck> {
    const target = describeRedis(this.config.REDIS_URL);
    this.lastRedisError = undefined;
    try {
      if (this.redis.status === 'wait' || this.redis.status === 'end') {
        await withTimeout(this.redis.connect(), CHECK_TIMEOUT_MS);
      }
      await withTimeout(this.redis.ping(), CHECK_TIMEOUT_MS);
      return { status: 'up', target };
    } catch (error) {
      // Start the next check from a clean connection.
      this.redis.disconnect();
      return { status: 'down', target, error: reasonOf(this.lastRedisError ?? error) };
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
