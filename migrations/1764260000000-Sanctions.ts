import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sanction cases (AL 9 kap 17–18 §): findings from inspections lead to a case; the licence holder
 * is heard (kommunicering) before the municipality decides — erinran, varning, återkallelse or no
 * action — with reasons and how to appeal (förvaltningslagen 2017:900).
 */
export class Sanctions1764260000000 implements MigrationInterface {
  name = 'Sanctions1764260000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sanction_cases (
        id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        licence_id            uuid NOT NULL REFERENCES licences (id),
        collaboration_id      uuid NOT NULL REFERENCES collaborations (id),
        owner_organisation_id uuid NOT NULL REFERENCES organisations (id),
        inspection_ids        uuid[] NOT NULL DEFAULT '{}',
        grounds               text NOT NULL,
        proposed_by           uuid NOT NULL REFERENCES users (id),
        proposed_at           timestamptz NOT NULL,
        heard_on              date,
        decision              text CHECK (decision IN ('erinran', 'varning', 'aterkallelse', 'no_action')),
        decision_reasons      text,
        appeal_information    text,
        decided_by            uuid REFERENCES users (id),
        decided_on            date,
        created_at            timestamptz NOT NULL DEFAULT now(),
        updated_at            timestamptz NOT NULL DEFAULT now(),
        version               integer NOT NULL DEFAULT 1,
        -- The holder is heard before the decision, never after it.
        CONSTRAINT sanction_cases_heard_first CHECK (decision IS NULL OR (heard_on IS NOT NULL AND heard_on < decided_on))
      )`);
    await q.query(`CREATE INDEX sanction_cases_licence_idx ON sanction_cases (licence_id)`);
    await q.query(`CREATE INDEX sanction_cases_owner_idx ON sanction_cases (owner_organisation_id, decided_on)`);
    await q.query(`CREATE TRIGGER sanction_cases_updated_at BEFORE UPDATE ON sanction_cases FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sanction_cases`);
  }
}
