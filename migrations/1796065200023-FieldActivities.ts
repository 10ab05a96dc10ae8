import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #20, recording in the field: organisations that take part in a collaboration besides its
 * two parties (the rescue service on a safety walk), whose members read and record in it; and an
 * activity's named place (one of its collaboration's places) and local start time of day.
 */
export class FieldActivities1796065200023 implements MigrationInterface {
  name = 'FieldActivities1796065200023';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE collaboration_partners (
        collaboration_id uuid NOT NULL REFERENCES collaborations (id) ON DELETE CASCADE,
        organisation_id  uuid NOT NULL REFERENCES organisations (id),
        created_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (collaboration_id, organisation_id)
      )`);
    // A principal's collaborations are looked up by organisation.
    await q.query(`CREATE INDEX collaboration_partners_organisation_idx ON collaboration_partners (organisation_id)`);
    // start_time is a local time of day (Europe/Stockholm) on occurred_on, as people write it.
    await q.query(`ALTER TABLE activities ADD COLUMN place_id uuid REFERENCES places (id), ADD COLUMN start_time time`);
    await q.query(`CREATE INDEX activities_place_idx ON activities (place_id) WHERE place_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX activities_place_idx`);
    await q.query(`ALTER TABLE activities DROP COLUMN start_time, DROP COLUMN place_id`);
    await q.query(`DROP TABLE collaboration_partners`);
  }
}
