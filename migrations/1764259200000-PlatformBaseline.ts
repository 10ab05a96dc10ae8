import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Platform baseline: the trigger function later tables use to keep `updated_at` true, and the
 * register of worker processes (who is consuming the queues, since when, last seen).
 */
export class PlatformBaseline1764259200000 implements MigrationInterface {
  name = 'PlatformBaseline1764259200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.updated_at := now();
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TABLE worker_heartbeat (
        worker_id    text PRIMARY KEY,
        hostname     text NOT NULL,
        pid          integer NOT NULL,
        version      text NOT NULL,
        started_at   timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        stopped_at   timestamptz
      )`);
    await q.query(`CREATE INDEX worker_heartbeat_last_seen_idx ON worker_heartbeat (last_seen_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE worker_heartbeat`);
    await q.query(`DROP FUNCTION set_updated_at()`);
  }
}
