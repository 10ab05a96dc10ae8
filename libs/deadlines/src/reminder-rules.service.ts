import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@samverkan/audit';
import type { DataSource } from 'typeorm';
import type { ReminderRule, ReminderRuleInput } from './deadlines.dto.js';

const COLUMNS = `deadline_kind AS "deadlineKind", key, anchor, offset_value AS "offsetValue", offset_unit AS "offsetUnit", recipient, active`;

/** Reading and replacing the reminder rules (system_admin). Changes apply to reminders not yet sent. */
@Injectable()
export class ReminderRulesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<ReminderRule[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM reminder_rules ORDER BY deadline_kind, anchor DESC, offset_value DESC, key`);
  }

  /** Replaces the rules of every kind named in `rules` with exactly those given. */
  async replace(rules: ReminderRuleInput[]): Promise<ReminderRule[]> {
    const kinds = [...new Set(rules.map((r) => r.deadlineKind))];
    await this.dataSource.transaction(async (manager) => {
      await manager.query('DELETE FROM reminder_rules WHERE deadline_kind = ANY($1::text[])', [kinds]);
      for (const r of rules) {
        await manager.query(
          `INSERT INTO reminder_rules (deadline_kind, key, anchor, offset_value, offset_unit, recipient, active)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [r.deadlineKind, r.key, r.anchor, r.offsetValue, r.offsetUnit, r.recipient, r.active],
        );
      }
      await this.audit.record({ action: 'reminder_rules.replace', resourceType: 'reminder_rules', details: { kinds, rules: rules.length } }, manager);
    });
    return this.list();
  }
}
