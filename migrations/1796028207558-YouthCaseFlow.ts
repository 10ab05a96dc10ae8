import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #17, youth cases opened by person:
 * - `youth_cases.duplicate_reason`: the documented reason for opening a second open case of the
 *   same form for the same young person (also in the audit event);
 * - an index for the open cases of a subject and form (the duplicate check) and one for the
 *   reports still waiting for their förhandsbedömning (the manager's list);
 * - default reminder rules for the förhandsbedömning deadline (SoL 11 kap 1 a §: within 14 days
 *   of receiving a report of concern): to the receiving unit three days before and on the day,
 *   escalated to its managers one working day after.
 */
export class YouthCaseFlow1796028207558 implements MigrationInterface {
  name = 'YouthCaseFlow1796028207558';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE youth_cases ADD COLUMN duplicate_reason text CHECK (length(duplicate_reason) <= 2000)`);
    await q.query(`CREATE INDEX youth_cases_subject_form_open_idx ON youth_cases (subject_id, form) WHERE status NOT IN ('closed', 'purged')`);
    await q.query(`CREATE INDEX youth_cases_unassessed_idx ON youth_cases (owner_unit_id, created_at) WHERE status = 'concern_raised'`);
    await q.query(`
      INSERT INTO reminder_rules (deadline_kind, key, anchor, offset_value, offset_unit, recipient) VALUES
        ('youth_preliminary_assessment', 'before-3d', 'before', 3, 'days', 'responsible'),
        ('youth_preliminary_assessment', 'at-due', 'at', 0, 'days', 'responsible'),
        ('youth_preliminary_assessment', 'escalate-1wd', 'after', 1, 'working_days', 'manager')
      ON CONFLICT (deadline_kind, key) DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM reminder_rules WHERE deadline_kind = 'youth_preliminary_assessment'`);
    await q.query(`DROP INDEX youth_cases_unassessed_idx`);
    await q.query(`DROP INDEX youth_cases_subject_form_open_idx`);
    await q.query(`ALTER TABLE youth_cases DROP COLUMN duplicate_reason`);
  }
}
