import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #18. A session is what one sign-in started: the refresh-token family its access tokens
 * name (`sid`). Until now it existed only as that family; strong authentication (HSLF-FS 2016:40
 * for social services' records) and the user's list of sessions need it as a record of its own:
 * how the user signed in (password, password + TOTP or a recovery code, passkey, the
 * organisation's identity provider with its `acr`/`amr`), when it last authenticated strongly
 * (step-up), the device it came from, and when and why it ended. A request's principal is loaded
 * with its session in the same statement (principal.service.ts), so ending a session takes effect
 * on the next request. Live families get a password session, not strong.
 */
export class AuthSessions1796031449446 implements MigrationInterface {
  name = 'AuthSessions1796031449446';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE auth_sessions (
        id            uuid PRIMARY KEY,
        user_id       uuid NOT NULL REFERENCES users (id),
        method        text NOT NULL CHECK (method IN ('password', 'password_totp', 'password_recovery_code', 'passkey', 'oidc')),
        acr           text,
        amr           text[] NOT NULL DEFAULT '{}',
        strong_at     timestamptz,
        user_agent    text,
        ip            inet,
        created_at    timestamptz NOT NULL DEFAULT now(),
        last_used_at  timestamptz NOT NULL DEFAULT now(),
        ended_at      timestamptz,
        ended_reason  text CHECK (ended_reason IN ('signed_out', 'signed_out_elsewhere', 'ended_by_admin', 'deactivated', 'replayed', 'expired',
                        'password_changed')),
        CHECK ((ended_at IS NULL) = (ended_reason IS NULL))
      )`);
    await q.query(`CREATE INDEX auth_sessions_user_live_idx ON auth_sessions (user_id, created_at DESC) WHERE ended_at IS NULL`);
    await q.query(`
      INSERT INTO auth_sessions (id, user_id, method, created_at, last_used_at)
      SELECT t.family_id, t.user_id, 'password', min(t.created_at), max(t.created_at) FROM refresh_tokens t
      GROUP BY t.family_id, t.user_id HAVING bool_or(t.revoked_at IS NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE auth_sessions`);
  }
}
