import { Injectable, Logger } from '@nestjs/common';
import { DeadlinesService } from './deadlines.service.js';

/** Open deadlines looked at per statement. */
const PAGE = 10_000;

/**
 * Restores what Redis lost. The buckets (reminder-rules.ts) of every pending reminder of an open
 * deadline — not yet delivered, not overtaken — are (re)queued with their deterministic ids: jobs
 * still in Redis are left as they are, missing future ones come back, and ones whose time passed
 * while Redis was empty run now — late rather than never; a bucket whose job gave up is retried.
 * Runs at worker start and every five minutes (a BullMQ job scheduler). Set-based: one statement
 * per page of open deadlines, one job per bucket, however many reminders it holds (#19).
 */
@Injectable()
export class ReconcilerService {
  private readonly logger = new Logger(ReconcilerService.name);

  constructor(private readonly deadlines: DeadlinesService) {}

  async run(): Promise<{ checked: number; buckets: number }> {
    let after = '00000000-0000-0000-0000-000000000000';
    let checked = 0;
    const buckets = new Set<number>();
    for (;;) {
      const page = await this.deadlines.pendingBuckets({ after, limit: PAGE });
      for (const bucket of page.buckets) buckets.add(bucket);
      checked += page.reminders;
      if (!page.last || page.deadlines < PAGE) break;
      after = page.last;
    }
    const all = [...buckets].sort((a, b) => a - b);
    await this.deadlines.enqueueBuckets(all);
    const retried = await this.deadlines.retryFailedBuckets(all);
    if (checked > 0)
      this.logger.log(`reconciled ${checked} pending reminder(s) in ${all.length} bucket(s)${retried ? `, ${retried} failed bucket(s) retried` : ''}`);
    return { checked, buckets: all.length };
  }
}
