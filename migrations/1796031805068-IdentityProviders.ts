import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #18. Sign-in through the organisation's identity provider (OpenID Connect, authorization
 * code flow with PKCE). A system administrator configures each provider per organisation: the
 * issuer, the client id and secret (sealed with FieldCipher, never returned), which claim names
 * the user and which users column it is matched against, the `acr` values that count as strong
 * authentication (HSLF-FS 2016:40), and whether unknown people may get an account just in time
 * (with a default role in a unit of the organisation).
 *
 * `external_identities` links a provider's subject to an account when the provider matches on
 * `external_subject` (e.g. a SITHS HSA-id), one account per subject and provider.
 * `oidc_login_attempts` holds each started sign-in's state, nonce and PKCE verifier until the
 * provider answers; it is deleted when the answer is taken, so a replayed state finds nothing.
 */
export class IdentityProviders1796031805068 implements MigrationInterface {
  name = 'IdentityProviders1796031805068';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE identity_providers (
        id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id       uuid NOT NULL REFERENCES organisations (id),
        display_name          text NOT NULL,
        issuer                text NOT NULL,
        client_id             text NOT NULL,
        client_secret         bytea NOT NULL,
        client_secret_key_id  text NOT NULL,
        scopes                text NOT NULL DEFAULT 'openid email profile',
        user_claim            text NOT NULL DEFAULT 'email',
        match_on              text NOT NULL DEFAULT 'email' CHECK (match_on IN ('email', 'external_subject')),
        strong_acr_values     text[] NOT NULL DEFAULT '{}',
        jit_allowed           boolean NOT NULL DEFAULT false,
        jit_role              text,
        jit_unit_id           uuid REFERENCES units (id),
        is_active             boolean NOT NULL DEFAULT true,
        created_at            timestamptz NOT NULL DEFAULT now(),
        updated_at            timestamptz NOT NULL DEFAULT now(),
        version               integer NOT NULL DEFAULT 1,
        CONSTRAINT identity_providers_name_key UNIQUE (organisation_id, display_name),
        CHECK (NOT jit_allowed OR (jit_role IS NOT NULL AND jit_unit_id IS NOT NULL))
      )`);
    // The sign-in page lists the active providers by name; the admin list sorts by name too.
    await q.query(`CREATE INDEX identity_providers_name_idx ON identity_providers (display_name, id)`);
    await q.query(`
      CREATE TABLE external_identities (
        provider_id  uuid NOT NULL REFERENCES identity_providers (id),
        subject      text NOT NULL,
        user_id      uuid NOT NULL REFERENCES users (id),
        created_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (provider_id, subject)
      )`);
    await q.query(`CREATE INDEX external_identities_user_idx ON external_identities (user_id)`);
    await q.query(`
      CREATE TABLE oidc_login_attempts (
        state          text PRIMARY KEY,
        provider_id    uuid NOT NULL REFERENCES identity_providers (id),
        nonce          text NOT NULL,
        code_verifier  text NOT NULL,
        redirect_uri   text NOT NULL,
        created_at     timestamptz NOT NULL DEFAULT now(),
        expires_at     timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX oidc_login_attempts_expiry_idx ON oidc_login_attempts (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE oidc_login_attempts`);
    await q.query(`DROP TABLE external_identities`);
    await q.query(`DROP TABLE identity_providers`);
  }
}
