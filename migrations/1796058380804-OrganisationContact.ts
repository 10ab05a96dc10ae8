import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #20: the public page of a promise names its parties with the contact a citizen may use
 * (the organisation's switchboard, e-mail and web site — never a person's), and the public index
 * lists the published promises, newest period first, from a partial index of only those.
 */
export class OrganisationContact1796058380804 implements MigrationInterface {
  name = 'OrganisationContact1796058380804';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE organisations
        ADD COLUMN contact_phone text CHECK (length(contact_phone) <= 40),
        ADD COLUMN contact_email text CHECK (length(contact_email) <= 254),
        ADD COLUMN contact_url   text CHECK (length(contact_url) <= 500 AND contact_url ~ '^https://')`);
    await q.query(`CREATE INDEX promises_published_idx ON promises (period_start DESC, id) WHERE published`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX promises_published_idx`);
    await q.query(`ALTER TABLE organisations DROP COLUMN contact_phone, DROP COLUMN contact_email, DROP COLUMN contact_url`);
  }
}
