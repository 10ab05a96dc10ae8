import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #17. A manager's work queue lists the open deadlines of an organisation (and of units and
 * their people) by due time; the organisation had no index. The person and kind filters use the
 * existing deadlines_user_idx and deadlines_kind_idx.
 */
export class WorkQueueIndexes1796028324789 implements MigrationInterface {
  name = 'WorkQueueIndexes1796028324789';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX deadlines_open_organisation_idx ON deadlines (responsible_organisation_id, due_at) WHERE status = 'open'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX deadlines_open_organisation_idx`);
  }
}
