import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Citizen promises (medborgarlöften) and the action tracker: problem areas, commitments per party,
 * actions with a history, activities (what was actually done, with metrics), and the yearly
 * follow-up approved by both parties. `collaboration_id` is repeated on actions and activities so
 * that scope filters need no join; every list filter has an index.
 */
export class Promises1764259600000 implements MigrationInterface {
  name = 'Promises1764259600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE promises (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collaboration_id uuid NOT NULL REFERENCES collaborations (id),
        title            text NOT NULL,
        summary          text NOT NULL DEFAULT '',
        period_start     date NOT NULL,
        period_end       date NOT NULL,
        status           text NOT NULL DEFAULT 'draft'
                         CHECK (status IN ('draft', 'signed', 'active', 'evaluated', 'closed', 'extended')),
        published        boolean NOT NULL DEFAULT false,
        created_by       uuid REFERENCES users (id),
        created_at       timestamptz NOT NULL DEFAULT now(),
        updated_at       timestamptz NOT NULL DEFAULT now(),
        version          integer NOT NULL DEFAULT 1,
        CONSTRAINT promises_period_check CHECK (period_end > period_start)
      )`);
    await q.query(`CREATE INDEX promises_collaboration_idx ON promises (collaboration_id, period_start DESC)`);
    await q.query(`
      CREATE TABLE problem_areas (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        promise_id  uuid NOT NULL REFERENCES promises (id) ON DELETE CASCADE,
        position    integer NOT NULL,
        title       text NOT NULL,
        description text NOT NULL DEFAULT '',
        CONSTRAINT problem_areas_position_key UNIQUE (promise_id, position) DEFERRABLE INITIALLY DEFERRED
      )`);
    await q.query(`
      CREATE TABLE commitments (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        promise_id      uuid NOT NULL REFERENCES promises (id) ON DELETE CASCADE,
        problem_area_id uuid NOT NULL REFERENCES problem_areas (id),
        party           text NOT NULL CHECK (party IN ('joint', 'police', 'municipality')),
        position        integer NOT NULL DEFAULT 0,
        text            text NOT NULL,
        -- Optional numeric target: "at least <target_value> <target_unit> per <target_period>", counted
        -- as activities of the commitment (target_metric NULL) or as the sum of one activity metric.
        target_value    numeric CHECK (target_value > 0),
        target_unit     text,
        target_period   text CHECK (target_period IN ('year', 'promise_period')),
        target_metric   text,
        weight          numeric NOT NULL DEFAULT 1 CHECK (weight > 0),
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        version         integer NOT NULL DEFAULT 1,
        CONSTRAINT commitments_target_check CHECK (
          (target_value IS NULL AND target_unit IS NULL AND target_period IS NULL AND target_metric IS NULL)
          OR (target_value IS NOT NULL AND target_unit IS NOT NULL AND target_period IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX commitments_promise_idx ON commitments (promise_id, position)`);
    await q.query(`CREATE INDEX commitments_problem_area_idx ON commitments (problem_area_id)`);
    await q.query(`
      CREATE TABLE actions (
        id                          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        commitment_id               uuid NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
        collaboration_id            uuid NOT NULL REFERENCES collaborations (id),
        title                       text NOT NULL,
        description                 text NOT NULL DEFAULT '',
        responsible_organisation_id uuid NOT NULL REFERENCES organisations (id),
        responsible_unit_id         uuid REFERENCES units (id),
        responsible_user_id         uuid REFERENCES users (id),
        start_date                  date,
        due_date                    date NOT NULL,
        status                      text NOT NULL DEFAULT 'planned'
                                    CHECK (status IN ('planned', 'in_progress', 'blocked', 'done', 'cancelled')),
        status_reason               text,
        progress                    integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        weight                      numeric NOT NULL DEFAULT 1 CHECK (weight > 0),
        completed_at                timestamptz,
        created_by                  uuid REFERENCES users (id),
        created_at                  timestamptz NOT NULL DEFAULT now(),
        updated_at                  timestamptz NOT NULL DEFAULT now(),
        version                     integer NOT NULL DEFAULT 1,
        CONSTRAINT actions_dates_check CHECK (start_date IS NULL OR due_date >= start_date),
        CONSTRAINT actions_reason_check CHECK (status NOT IN ('blocked', 'cancelled') OR status_reason IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX actions_collaboration_status_due_idx ON actions (collaboration_id, status, due_date)`);
    await q.query(`CREATE INDEX actions_due_idx ON actions (due_date) WHERE status NOT IN ('done', 'cancelled')`);
    await q.query(`CREATE INDEX actions_commitment_idx ON actions (commitment_id)`);
    await q.query(`CREATE INDEX actions_responsible_organisation_idx ON actions (responsible_organisation_id)`);
    await q.query(`CREATE INDEX actions_responsible_unit_idx ON actions (responsible_unit_id)`);
    await q.query(`CREATE INDEX actions_responsible_user_idx ON actions (responsible_user_id)`);
    await q.query(`
      CREATE TABLE action_events (
        id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        action_id     uuid NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
        occurred_at   timestamptz NOT NULL,
        actor_user_id uuid REFERENCES users (id),
        kind          text NOT NULL CHECK (kind IN ('created', 'updated', 'status_changed', 'progress', 'note', 'reopened')),
        from_status   text,
        to_status     text,
        progress      integer,
        reason        text,
        note          text,
        changed_fields text[]
      )`);
    await q.query(`CREATE INDEX action_events_action_idx ON action_events (action_id, occurred_at)`);
    await q.query(`
      CREATE TABLE activities (
        id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        commitment_id       uuid NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
        action_id           uuid REFERENCES actions (id) ON DELETE SET NULL,
        collaboration_id    uuid NOT NULL REFERENCES collaborations (id),
        owner_organisation_id uuid NOT NULL REFERENCES organisations (id),
        owner_unit_id       uuid REFERENCES units (id),
        occurred_on         date NOT NULL,
        place               text NOT NULL DEFAULT '',
        latitude            numeric CHECK (latitude BETWEEN -90 AND 90),
        longitude           numeric CHECK (longitude BETWEEN -180 AND 180),
        kind                text NOT NULL CHECK (kind IN ('speed_check', 'traffic_operation', 'neighbourhood_watch',
                              'guard_patrol', 'safety_walk', 'prevention_session', 'licensed_premises_inspection',
                              'drug_sale_operation', 'other')),
        participating_organisation_ids uuid[] NOT NULL DEFAULT '{}',
        metrics             jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(metrics) = 'object'),
        note                text NOT NULL DEFAULT '',
        -- Activities created by other modules (an inspection, a released operation summary) name their
        -- source, so creating them again is harmless.
        source              text NOT NULL DEFAULT 'manual',
        source_id           uuid,
        created_by          uuid REFERENCES users (id),
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        version             integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX activities_commitment_idx ON activities (commitment_id, occurred_on)`);
    await q.query(`CREATE INDEX activities_collaboration_idx ON activities (collaboration_id, occurred_on DESC)`);
    await q.query(`CREATE INDEX activities_action_idx ON activities (action_id)`);
    await q.query(`CREATE INDEX activities_owner_idx ON activities (owner_organisation_id, owner_unit_id)`);
    await q.query(`CREATE INDEX activities_kind_idx ON activities (kind, occurred_on)`);
    await q.query(`CREATE UNIQUE INDEX activities_source_key ON activities (source, source_id) WHERE source_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE follow_ups (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        promise_id  uuid NOT NULL REFERENCES promises (id) ON DELETE CASCADE,
        year        integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        half        integer CHECK (half IN (1, 2)),
        status      text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'frozen')),
        conclusion  text NOT NULL DEFAULT '',
        decision    text CHECK (decision IN ('continue', 'adjust', 'extend', 'new_promise')),
        frozen_at   timestamptz,
        created_by  uuid REFERENCES users (id),
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        version     integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE UNIQUE INDEX follow_ups_period_key ON follow_ups (promise_id, year, coalesce(half, 0))`);
    await q.query(`
      CREATE TABLE follow_up_items (
        follow_up_id  uuid NOT NULL REFERENCES follow_ups (id) ON DELETE CASCADE,
        commitment_id uuid NOT NULL REFERENCES commitments (id) ON DELETE CASCADE,
        target        numeric,
        actual        numeric,
        assessment    text NOT NULL DEFAULT 'not_assessed'
                      CHECK (assessment IN ('achieved', 'partly', 'not_achieved', 'not_assessed')),
        narrative     text NOT NULL DEFAULT '',
        PRIMARY KEY (follow_up_id, commitment_id)
      )`);
    await q.query(`
      CREATE TABLE follow_up_approvals (
        follow_up_id uuid NOT NULL REFERENCES follow_ups (id) ON DELETE CASCADE,
        side         text NOT NULL CHECK (side IN ('police', 'municipality')),
        user_id      uuid NOT NULL REFERENCES users (id),
        approved_at  timestamptz NOT NULL,
        PRIMARY KEY (follow_up_id, side)
      )`);
    for (const table of ['promises', 'commitments', 'actions', 'activities', 'follow_ups']) {
      await q.query(`CREATE TRIGGER ${table}_updated_at BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['follow_up_approvals', 'follow_up_items', 'follow_ups', 'activities', 'action_events', 'actions', 'commitments', 'problem_areas', 'promises']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
