import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #20: the collaboration's named places (Bymiljövägen, the boat harbours, the schools) and the
 * findings register — what a guard round or a safety walk finds, followed through to done by the
 * unit responsible. A position is plain latitude/longitude (WGS 84) with range checks; the lists
 * filter by collaboration, status, category, place and responsible unit, so each has a B-tree
 * index (no map query needs GiST yet). A finding's due date is a deadline (`finding_due`) with the
 * same reminders and escalation as an action's.
 */
export class FindingsAndPlaces1796058394053 implements MigrationInterface {
  name = 'FindingsAndPlaces1796058394053';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE places (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collaboration_id uuid NOT NULL REFERENCES collaborations (id),
        name             text NOT NULL CHECK (length(btrim(name)) BETWEEN 2 AND 200),
        kind             text NOT NULL CHECK (kind IN ('road', 'harbour', 'school', 'square', 'other')),
        latitude         numeric(9, 6) CHECK (latitude BETWEEN -90 AND 90),
        longitude        numeric(9, 6) CHECK (longitude BETWEEN -180 AND 180),
        created_by       uuid REFERENCES users (id),
        created_at       timestamptz NOT NULL DEFAULT now(),
        version          integer NOT NULL DEFAULT 1,
        CHECK ((latitude IS NULL) = (longitude IS NULL))
      )`);
    // Unique per collaboration, case-insensitively; the index also serves "places of a collaboration".
    await q.query(`CREATE UNIQUE INDEX places_collaboration_name_idx ON places (collaboration_id, lower(name))`);
    await q.query(`
      CREATE TABLE findings (
        id                          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collaboration_id            uuid NOT NULL REFERENCES collaborations (id),
        promise_id                  uuid NOT NULL REFERENCES promises (id),
        activity_id                 uuid REFERENCES activities (id) ON DELETE SET NULL,
        place_id                    uuid REFERENCES places (id),
        latitude                    numeric(9, 6) CHECK (latitude BETWEEN -90 AND 90),
        longitude                   numeric(9, 6) CHECK (longitude BETWEEN -180 AND 180),
        category                    text NOT NULL CHECK (category IN ('broken_lighting', 'vandalism', 'graffiti', 'littering',
                                      'youth_gathering', 'speeding', 'traffic_hazard', 'overgrown_vegetation', 'other')),
        description                 text NOT NULL CHECK (length(btrim(description)) >= 3),
        problem_area_id             uuid REFERENCES problem_areas (id),
        responsible_organisation_id uuid NOT NULL REFERENCES organisations (id),
        responsible_unit_id         uuid NOT NULL REFERENCES units (id),
        due_date                    date NOT NULL,
        status                      text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'done', 'rejected')),
        resolution                  text,
        resolved_at                 timestamptz,
        recorded_by                 uuid NOT NULL REFERENCES users (id),
        recorder_organisation_id    uuid NOT NULL REFERENCES organisations (id),
        recorder_unit_id            uuid REFERENCES units (id),
        recorded_at                 timestamptz NOT NULL,
        version                     integer NOT NULL DEFAULT 1,
        CHECK ((latitude IS NULL) = (longitude IS NULL)),
        CHECK (place_id IS NOT NULL OR latitude IS NOT NULL),
        CHECK ((status IN ('done', 'rejected')) = (resolution IS NOT NULL AND resolved_at IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX findings_collaboration_status_due_idx ON findings (collaboration_id, status, due_date)`);
    await q.query(`CREATE INDEX findings_collaboration_category_idx ON findings (collaboration_id, category)`);
    await q.query(`CREATE INDEX findings_place_idx ON findings (place_id)`);
    await q.query(`CREATE INDEX findings_responsible_unit_idx ON findings (responsible_unit_id, status)`);
    await q.query(`CREATE INDEX findings_activity_idx ON findings (activity_id)`);
    await q.query(`CREATE INDEX findings_promise_area_idx ON findings (promise_id, problem_area_id)`);
    await q.query(`CREATE INDEX findings_open_due_idx ON findings (due_date) WHERE status IN ('open', 'in_progress')`);
    // The same defaults as an action's due date: a week and a day before, at the due time, and the
    // responsible unit's managers two working days after.
    await q.query(`
      INSERT INTO reminder_rules (deadline_kind, key, anchor, offset_value, offset_unit, recipient) VALUES
        ('finding_due', 'before-7d', 'before', 7, 'days', 'responsible'),
        ('finding_due', 'before-1d', 'before', 1, 'days', 'responsible'),
        ('finding_due', 'at-due', 'at', 0, 'days', 'responsible'),
        ('finding_due', 'escalate-2wd', 'after', 2, 'working_days', 'manager')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM reminder_rules WHERE deadline_kind = 'finding_due'`);
    await q.query(`DELETE FROM deadlines WHERE kind = 'finding_due'`);
    await q.query(`DROP TABLE findings`);
    await q.query(`DROP TABLE places`);
  }
}
