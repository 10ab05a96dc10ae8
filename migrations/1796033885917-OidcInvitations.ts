import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #18: an invited person may accept the invitation by signing in through their
 * organisation's identity provider instead of choosing a password. The sign-in attempt remembers
 * the invitation it was started from, so the answer links that provider account to the invited
 * user (and uses up the link); the attempt goes with the link.
 */
export class OidcInvitations1796033885917 implements MigrationInterface {
  name = 'OidcInvitations1796033885917';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE oidc_login_attempts ADD COLUMN invitation_id uuid REFERENCES account_tokens (id) ON DELETE CASCADE`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE oidc_login_attempts DROP COLUMN invitation_id`);
  }
}
