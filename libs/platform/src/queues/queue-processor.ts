import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { type Job, UnrecoverableError } from 'bullmq';

/**
 * Base of every BullMQ processor in Samverkan: logs failed jobs (name, id, attempt, reason — never
 * the payload, which may hold personal data) and connection errors through the app logger.
 * Delivery is at least once, so `process` must be idempotent: re-read state, then act.
 */
export abstract class QueueProcessor extends WorkerHost {
  protected readonly logger = new Logger(this.constructor.name);

  /** The jobs this queue takes, by name, and what runs each. */
  protected abstract readonly handlers: Readonly<Record<string, (job: Job, token?: string) => Promise<unknown>>>;

  async process(job: Job, token?: string): Promise<unknown> {
    const handle = Object.hasOwn(this.handlers, job.name) ? this.handlers[job.name] : undefined;
    // A job no handler takes would fail on every retry as well.
    if (!handle) throw new UnrecoverableError(`Unknown job ${job.name}`);
    return handle(job, token);
  }

  @OnWorkerEvent('failed')
  protected onFailed(job: Job | undefined, error: Error): void {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1);
    this.logger[final ? 'error' : 'warn'](`${job.name} (job ${job.id}) failed on attempt ${job.attemptsMade}${final ? ', giving up' : ''}: ${error.message}`);
  }

  @OnWorkerEvent('error')
  protected onError(error: Error): void {
    this.logger.error(`worker error: ${error.message}`);
  }
}
