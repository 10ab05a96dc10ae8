import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Risk-based supervision planning (tillsynsplan): what the risk model needs to know about premises
 * (young guests, dancing, tips and complaints) and the yearly plan per collaboration with its
 * planned visits per premises, the score and the factors behind it.
 */
export class SupervisionPlans1764260100000 implements MigrationInterface {
  name = 'SupervisionPlans1764260100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE premises ADD COLUMN young_audience boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE premises ADD COLUMN dancing boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE TABLE premises_tips (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        premises_id uuid NOT NULL REFERENCES premises (id) ON DELETE CASCADE,
        received_on date NOT NULL,
        source      text NOT NULL CHECK (source IN ('public', 'police', 'municipality', 'other')),
        summary     text NOT NULL,
        created_by  uuid REFERENCES users (id),
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX premises_tips_premises_idx ON premises_tips (premises_id, received_on DESC)`);
    await q.query(`
      CREATE TABLE supervision_plans (
        id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        collaboration_id      uuid NOT NULL REFERENCES collaborations (id),
        owner_organisation_id uuid NOT NULL REFERENCES organisations (id),
        year                  integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        created_by            uuid REFERENCES users (id),
        created_at            timestamptz NOT NULL DEFAULT now(),
        version               integer NOT NULL DEFAULT 1,
        CONSTRAINT supervision_plans_year_key UNIQUE (collaboration_id, year)
      )`);
    await q.query(`
      CREATE TABLE supervision_plan_items (
        plan_id        uuid NOT NULL REFERENCES supervision_plans (id) ON DELETE CASCADE,
        premises_id    uuid NOT NULL REFERENCES premises (id),
        risk_score     integer NOT NULL,
        risk_factors   jsonb NOT NULL,
        planned_visits integer NOT NULL CHECK (planned_visits >= 0),
        note           text NOT NULL DEFAULT '',
        PRIMARY KEY (plan_id, premises_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE supervision_plan_items`);
    await q.query(`DROP TABLE supervision_plans`);
    await q.query(`DROP TABLE premises_tips`);
    await q.query(`ALTER TABLE premises DROP COLUMN dancing`);
    await q.query(`ALTER TABLE premises DROP COLUMN young_audience`);
  }
}
