import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #17. The decisions on a serving licence (Alkohollagen 2010:1622): the grant, change
 * decisions on its terms (ändringsbeslut), new serving managers (8 kap 14 §), suspension,
 * surrender, expiry and revocation by a sanction decision (9 kap 18 §). Until now only the
 * licence's current state was kept; this is its history, written by the licensing part (which
 * owns it) in the same transaction as each change. Existing licences get their grant, and those
 * revoked by a sanction decision their revocation, from the records that exist.
 *
 * Also: licence holders are found by their organisation number, exactly or by its start
 * (text_pattern_ops serves both = and LIKE 'prefix%'), in the register and the header search.
 */
export class LicenceDecisions1796028200242 implements MigrationInterface {
  name = 'LicenceDecisions1796028200242';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE licence_decisions (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        licence_id       uuid NOT NULL REFERENCES licences (id),
        kind             text NOT NULL CHECK (kind IN ('granted', 'terms_changed', 'serving_managers_changed', 'reinstated', 'suspended',
                           'surrendered', 'expired', 'revoked')),
        decided_on       date NOT NULL,
        reason           text NOT NULL DEFAULT '',
        changed_fields   text[] NOT NULL DEFAULT '{}',
        decided_by       uuid REFERENCES users (id),
        sanction_case_id uuid REFERENCES sanction_cases (id),
        created_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX licence_decisions_licence_idx ON licence_decisions (licence_id, decided_on DESC, created_at DESC)`);
    await q.query(`
      INSERT INTO licence_decisions (licence_id, kind, decided_on, created_at)
      SELECT id, 'granted', valid_from, created_at FROM licences`);
    await q.query(`
      INSERT INTO licence_decisions (licence_id, kind, decided_on, reason, decided_by, sanction_case_id, created_at)
      SELECT s.licence_id, 'revoked', s.decided_on, coalesce(s.decision_reasons, ''), s.decided_by, s.id, s.created_at FROM sanction_cases s
      WHERE s.decision = 'aterkallelse' AND s.decided_on IS NOT NULL`);
    await q.query(`CREATE INDEX licence_holders_org_number_idx ON licence_holders (org_number text_pattern_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX licence_holders_org_number_idx`);
    await q.query(`DROP TABLE licence_decisions`);
  }
}
