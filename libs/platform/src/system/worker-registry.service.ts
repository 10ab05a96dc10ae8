import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../clock/clock.js';
import { APP_VERSION } from '../version.js';

export interface WorkerIdentity {
  /** Random per process: the only part of the identity the api shows (host and pid stay in the database). */
  workerId: string;
  hostname: string;
  pid: number;
}

const HEARTBEAT_INTERVAL_MS = 30_000;

/**
 * Keeps this worker process's row in `worker_heartbeat`: written at start, touched every 30 s and
 * on every ping, marked stopped at shutdown. Operators (and readiness) read who consumes the queues
 * from the database, which outlives Redis.
 */
@Injectable()
export class WorkerRegistryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerRegistryService.name);
  private readonly startedAt: Date;
  readonly identity: WorkerIdentity;
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {
    this.startedAt = clock.now();
    const host = hostname();
    this.identity = { workerId: randomUUID(), hostname: host, pid: process.pid };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO worker_heartbeat (worker_id, hostname, pid, version, started_at, last_seen_at)
       VALUES ($1, $2, $3, $4, $5, $5)
       ON CONFLICT (worker_id) DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at, stopped_at = NULL`,
      [this.identity.workerId, this.identity.hostname, this.identity.pid, APP_VERSION, this.startedAt],
    );
    this.timer = setInterval(() => {
      this.touch().catch((error: unknown) => this.logger.warn({ err: error }, 'Heartbeat failed'));
    }, HEARTBEAT_INTERVAL_MS);
    this.timer.unref();
  }

  async touch(): Promise<Date> {
    const now = this.clock.now();
    await this.dataSource.query(`UPDATE worker_heartbeat SET last_seen_at = $2 WHERE worker_id = $1`, [this.identity.workerId, now]);
    return now;
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    if (!this.dataSource.isInitialized) return;
    await this.dataSource
      .query(`UPDATE worker_heartbeat SET stopped_at = $2 WHERE worker_id = $1`, [this.identity.workerId, this.clock.now()])
      .catch((error: unknown) => this.logger.warn({ err: error }, 'Could not mark worker stopped'));
  }
}
