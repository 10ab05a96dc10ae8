import { ApiProperty } from '@nestjs/swagger';

/** Payload and answer of the `system.ping` job: proof that a worker consumes the queues. */
export interface SystemPingData {
  requestedAt: string;
  /** Keeps the job in flight this long; lets operators watch a graceful shutdown finish it. */
  holdMs?: number;
}

/** The worker that answered a ping: an opaque id, never its host name or process id (#15). */
export class SystemPingResult {
  @ApiProperty({ format: 'uuid', description: 'The worker process’s id in the worker registry (worker_heartbeat)' }) workerId!: string;
  @ApiProperty({ type: String, format: 'date-time' }) answeredAt!: string;
}

export const MAX_PING_HOLD_MS = 10_000;
