import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #18. A second factor for local accounts, so a password session can become strong
 * (HSLF-FS 2016:40 4 kap 4 §): TOTP (RFC 6238) with its secret sealed by FieldCipher and one-time
 * recovery codes (SHA-256 of 50 random bits each, never the code), and passkeys (WebAuthn: the
 * credential's public key and signature counter). `mfa_challenges` holds the short-lived,
 * single-use challenges between a password and its second factor, of a passkey ceremony, and of
 * a step-up; only the SHA-256 of the challenge token is stored.
 */
export class Mfa1796031792083 implements MigrationInterface {
  name = 'Mfa1796031792083';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_totp (
        user_id          uuid PRIMARY KEY REFERENCES users (id),
        secret_sealed    bytea NOT NULL,
        key_id           text NOT NULL,
        confirmed_at     timestamptz,
        last_used_step   bigint,
        created_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE user_recovery_codes (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id     uuid NOT NULL REFERENCES users (id),
        code_hash   text NOT NULL,
        used_at     timestamptz,
        created_at  timestamptz NOT NULL DEFAULT now(),
        UNIQUE (user_id, code_hash)
      )`);
    await q.query(`
      CREATE TABLE user_passkeys (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id        uuid NOT NULL REFERENCES users (id),
        credential_id  text NOT NULL UNIQUE,
        public_key     bytea NOT NULL,
        counter        bigint NOT NULL DEFAULT 0,
        transports     text[] NOT NULL DEFAULT '{}',
        name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        version        integer NOT NULL DEFAULT 1,
        created_at     timestamptz NOT NULL DEFAULT now(),
        last_used_at   timestamptz
      )`);
    await q.query(`CREATE INDEX user_passkeys_user_idx ON user_passkeys (user_id, created_at)`);
    await q.query(`
      CREATE TABLE mfa_challenges (
        token_hash          text PRIMARY KEY,
        purpose             text NOT NULL CHECK (purpose IN ('login', 'passkey_login', 'passkey_register', 'step_up')),
        user_id             uuid REFERENCES users (id),
        session_id          uuid REFERENCES auth_sessions (id),
        webauthn_challenge  text,
        expires_at          timestamptz NOT NULL,
        used_at             timestamptz,
        created_at          timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX mfa_challenges_expires_idx ON mfa_challenges (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE mfa_challenges`);
    await q.query(`DROP TABLE user_passkeys`);
    await q.query(`DROP TABLE user_recovery_codes`);
    await q.query(`DROP TABLE user_totp`);
  }
}
