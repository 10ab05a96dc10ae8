import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Clock } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import { DeadlinesService } from './deadlines.service.js';
import type { ReminderRule } from './deadlines.dto.js';
import { fireAt, superseded } from './reminder-rules.js';

/**
 * Restores what Redis lost. Every open deadline's reminders that have not been delivered are
 * (re)queued with their deterministic ids: jobs still in Redis are left as they are, missing
 * future ones come back, and ones whose time passed while Redis was empty run now — late rather
 * than never. Runs at worker start and every five minutes (a BullMQ job scheduler).
 */
@Injectable()
export class ReconcilerService {
  private readonly logger = new Logger(ReconcilerService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deadlines: DeadlinesService,
    private readonly clock: Clock,
  ) {}

  async run(): Promise<{ checked: number }> {
    let after = '00000000-0000-0000-0000-000000000000';
    let checked = 0;
    for (;;) {
      // Keyset pages of open deadlines; (deadline, rule, due version) already delivered are skipped,
      // and so are rules overtaken by a later one that is due too (they would only be superseded).
      const page = await this.dataSource.query<{ id: string }[]>(`SELECT id FROM deadlines WHERE status = 'open' AND id > $1 ORDER BY id LIMIT 1000`, [after]);
      if (page.length === 0) break;
      after = page[page.length - 1].id;
      const all = await this.dataSource.query<(ReminderRule & { id: string; due_at: Date; due_version: number; delivered: boolean })[]>(
        `SELECT d.id, d.due_at, d.due_version, r.key, r.anchor, r.offset_value AS "offsetValue",
                r.offset_unit AS "offsetUnit", r.recipient, r.active,
                EXISTS (SELECT 1 FROM reminder_deliveries x
                        WHERE x.deadline_id = d.id AND x.rule_key = r.key AND x.due_version = d.due_version) AS delivered
         FROM deadlines d JOIN reminder_rules r ON r.deadline_kind = d.kind AND r.active
         WHERE d.id = ANY($1::uuid[])`,
        [page.map((p) => p.id)],
      );
      const now = this.clock.now();
      const rows = all.filter(
        (r) =>
          !r.delivered &&
          !superseded(
            r,
            all.filter((o) => o.id === r.id),
            r.due_at,
            now,
          ),
      );
      await this.deadlines.addJobs(rows.map((r) => ({ deadlineId: r.id, ruleKey: r.key, dueVersion: r.due_version, fireAt: fireAt(r.due_at, r) })));
      checked += rows.length;
    }
    if (checked > 0) this.logger.log(`reconciled ${checked} pending reminder(s)`);
    return { checked };
  }
}
