import { type Env, FieldCipher, loadConfig } from '@samverkan/platform';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** libs/youth's SIGNERS_FIELD, spelled out: a migration never changes once it has run. */
const SIGNERS_FIELD = 'youth_consent.signers';

/**
 * Consent signers name young people and their guardians; they were stored in clear (jsonb), though
 * names of young people are kept only encrypted (README, issue #15). The list moves to
 * `signers_sealed` (AES-256-GCM via FieldCipher, the JSON of [{ name, role }]) with the key id of
 * the row, like youth_subjects.
 *
 * Existing rows are converted here, inside the migration's transaction, with the data key of the environment
 * the migration runs in: the migrate CLI reads the same environment as the apps (docker/compose.yml
 * gives `migrate` the apps' settings), so what this seals the apps open, and DATA_PREVIOUS_KEYS
 * lets `down` open rows sealed under an earlier key. In production loadConfig refuses to run
 * without DATA_KEY, before any row changes. An empty table (a new database, the tests' template)
 * needs no key at all. `env` is for tests that convert rows under their own configuration.
 */
export class SealConsentSigners1796017897647 implements MigrationInterface {
  name = 'SealConsentSigners1796017897647';

  constructor(private readonly env: Env = process.env) {}

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE youth_consents ADD COLUMN key_id text, ADD COLUMN signers_sealed bytea`);
    const rows = await q.query(`SELECT id, signers FROM youth_consents ORDER BY id FOR UPDATE`);
    if (rows.length > 0) {
      const cipher = new FieldCipher(loadConfig(this.env));
      for (const row of rows as { id: string; signers: unknown }[]) {
        await q.query(`UPDATE youth_consents SET key_id = $2, signers_sealed = $3 WHERE id = $1`, [
          row.id,
          cipher.keyId,
          cipher.encrypt(SIGNERS_FIELD, JSON.stringify(row.signers)),
        ]);
      }
    }
    await q.query(`ALTER TABLE youth_consents ALTER COLUMN key_id SET NOT NULL, ALTER COLUMN signers_sealed SET NOT NULL, DROP COLUMN signers`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE youth_consents ADD COLUMN signers jsonb`);
    const rows = await q.query(`SELECT id, key_id, signers_sealed FROM youth_consents ORDER BY id FOR UPDATE`);
    if (rows.length > 0) {
      const cipher = new FieldCipher(loadConfig(this.env));
      for (const row of rows as { id: string; key_id: string; signers_sealed: Buffer }[]) {
        await q.query(`UPDATE youth_consents SET signers = $2 WHERE id = $1`, [row.id, cipher.decrypt(SIGNERS_FIELD, row.signers_sealed, row.key_id)]);
      }
    }
    await q.query(`ALTER TABLE youth_consents ALTER COLUMN signers SET NOT NULL,
      ADD CONSTRAINT youth_consents_signers_check CHECK (jsonb_typeof(signers) = 'array'),
      DROP COLUMN signers_sealed, DROP COLUMN key_id`);
  }
}
