import { ApiProperty } from '@nestjs/swagger';

/** Payload and answer of the `system.ping` job: proof that a worker consumes the queues. */
export interface SystemPingData {
  requestedAt: string;
  /** Keeps the job in flight this long; lets operators watch a graceful shutdown finish it. */
  holdMs?: number;
}

/** The worker that answered a ping. */
export class SystemPingResult {
  @ApiProperty({ description: 'The worker process’s id in the worker registry' }) workerId!: string;
  @ApiProperty() hostname!: string;
  @ApiProperty({ type: 'integer' }) pid!: number;
  @ApiProperty({ type: String, format: 'date-time' }) answeredAt!: string;
}

export const MAX_PING_HOLD_MS = 10_000;
