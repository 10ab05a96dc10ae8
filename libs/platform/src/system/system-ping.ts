/** Payload and answer of the `system.ping` job: proof that a worker consumes the queues. */
export interface SystemPingData {
  requestedAt: string;
  /** Keeps the job in flight this long; lets operators watch a graceful shutdown finish it. */
  holdMs?: number;
}

export interface SystemPingResult {
  workerId: string;
  hostname: string;
  pid: number;
  answeredAt: string;
}

export const MAX_PING_HOLD_MS = 10_000;
