import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #18, the account life cycle. An administrator invites a person by e-mail instead of typing
 * their first password, and anyone may ask for a password reset link. Both are one-time links whose
 * token is kept only as its SHA-256 (the raw token exists only in the e-mail): an invitation is
 * valid 72 hours, a reset link one hour. An invited person has no password until they accept, so
 * users.password_hash may be empty (such an account cannot sign in with a password).
 */
export class AccountTokens1796031785554 implements MigrationInterface {
  name = 'AccountTokens1796031785554';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE account_tokens (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind        text NOT NULL CHECK (kind IN ('invitation', 'password_reset')),
        user_id     uuid NOT NULL REFERENCES users (id),
        token_hash  text NOT NULL,
        expires_at  timestamptz NOT NULL,
        used_at     timestamptz,
        created_by  uuid REFERENCES users (id),
        created_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT account_tokens_hash_key UNIQUE (token_hash)
      )`);
    // The user page shows the latest invitation; a new link supersedes the user's earlier ones.
    await q.query(`CREATE INDEX account_tokens_user_idx ON account_tokens (user_id, kind, created_at DESC)`);
    await q.query(`ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE account_tokens`);
    await q.query(`UPDATE users SET password_hash = '!' WHERE password_hash IS NULL`);
    await q.query(`ALTER TABLE users ALTER COLUMN password_hash SET NOT NULL`);
  }
}
