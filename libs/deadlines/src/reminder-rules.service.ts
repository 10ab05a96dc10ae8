import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@samverkan/audit';
import { StaleVersionProblem } from '@samverkan/platform';
import type { DataSource, EntityManager } from 'typeorm';
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

  /**
   * The version of the whole rule set (its ETag): the highest version of any rule. Every replace
   * writes its rules with the next one, so the set's version only grows.
   */
  async version(manager: EntityManager = this.dataSource.manager): Promise<number> {
    const [{ version }] = await manager.query<{ version: number }[]>('SELECT coalesce(max(version), 0)::int AS version FROM reminder_rules');
    return version;
  }

  /**
   * Replaces the rules of every kind named in `rules` with exactly those given, if the set is
   * still at `expectedVersion` (If-Match; issue #15: a replacing write never overwrites a change its
   * sender has not seen, 412 otherwise). Returns the rules and the set's new version.
   */
  async replace(rules: ReminderRuleInput[], expectedVersion: number): Promise<{ rules: ReminderRule[]; version: number }> {
    const kinds = [...new Set(rules.map((r) => r.deadlineKind))];
    const version = await this.dataSource.transaction(async (manager) => {
      // One replace at a time, readers unhindered: the version check and the write see the same set.
      await manager.query('LOCK TABLE reminder_rules IN EXCLUSIVE MODE');
      const current = await this.version(manager);
      if (current !== expectedVersion) throw new StaleVersionProblem(current);
      await manager.query('DELETE FROM reminder_rules WHERE deadline_kind = ANY($1::text[])', [kinds]);
      for (const r of rules) {
        await manager.query(
          `INSERT INTO reminder_rules (deadline_kind, key, anchor, offset_value, offset_unit, recipient, active, version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [r.deadlineKind, r.key, r.anchor, r.offsetValue, r.offsetUnit, r.recipient, r.active, current + 1],
        );
      }
      await this.audit.record({ action: 'reminder_rules.replace', resourceType: 'reminder_rules', details: { kinds, rules: rules.length } }, manager);
      return current + 1;
    });
    return { rules: await this.list(), version };
  }
}
