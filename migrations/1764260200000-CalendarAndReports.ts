import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each inspector's personal calendar feed (a secret token in the URL, stored hashed, revocable)
 * and the yearly restaurant report (restaurangrapport) per licence, due 1 March the next year.
 */
export class CalendarAndReports1764260200000 implements MigrationInterface {
  name = 'CalendarAndReports1764260200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendar_feeds (
        user_id    uuid PRIMARY KEY REFERENCES users (id),
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE restaurant_reports (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        licence_id   uuid NOT NULL REFERENCES licences (id),
        year         integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        due_on       date NOT NULL,
        submitted_on date,
        figures      jsonb,
        created_at   timestamptz NOT NULL DEFAULT now(),
        version      integer NOT NULL DEFAULT 1,
        CONSTRAINT restaurant_reports_year_key UNIQUE (licence_id, year)
      )`);
    await q.query(`CREATE INDEX restaurant_reports_due_idx ON restaurant_reports (year, submitted_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE restaurant_reports`);
    await q.query(`DROP TABLE calendar_feeds`);
  }
}
