import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An organisation's details become editable through the api (contact, organisation number, name;
 * If-Match on the version it has had from the start). A municipality names the administrative court its
 * decisions are appealed to (the decision letter's appeal instruction, FL 33 §; AL 10 kap. 1 §):
 * court districts do not follow county lines, so the municipality says which one is its own.
 * The Värmland municipalities the decision letter named in code until now keep their court.
 */
export class OrganisationAppealCourt1796118894397 implements MigrationInterface {
  name = 'OrganisationAppealCourt1796118894397';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE organisations
        ADD COLUMN appeal_court text CHECK (appeal_court IS NULL OR (kind = 'municipality' AND length(appeal_court) <= 100))`);
    await q.query(`
      UPDATE organisations SET appeal_court = 'Förvaltningsrätten i Karlstad'
       WHERE kind = 'municipality' AND name IN ('Hammarö kommun', 'Karlstads kommun', 'Forshaga kommun', 'Grums kommun', 'Kils kommun')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisations DROP COLUMN appeal_court`);
  }
}
