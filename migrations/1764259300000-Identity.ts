import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisations and their units, users and their memberships (user × unit × role, dated),
 * collaborations (one police area × one municipality) and refresh tokens.
 */
export class Identity1764259300000 implements MigrationInterface {
  name = 'Identity1764259300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisations (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name          text NOT NULL,
        kind          text NOT NULL CHECK (kind IN ('police', 'municipality', 'rescue_service', 'other')),
        org_number    text,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        version       integer NOT NULL DEFAULT 1,
        CONSTRAINT organisations_name_key UNIQUE (name)
      )`);
    await q.query(`
      CREATE TABLE units (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        name            text NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        updated_at      timestamptz NOT NULL DEFAULT now(),
        version         integer NOT NULL DEFAULT 1,
        CONSTRAINT units_organisation_name_key UNIQUE (organisation_id, name)
      )`);
    await q.query(`
      CREATE TABLE collaborations (
        id                          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name                        text NOT NULL,
        police_organisation_id      uuid NOT NULL REFERENCES organisations (id),
        municipality_organisation_id uuid NOT NULL REFERENCES organisations (id),
        created_at                  timestamptz NOT NULL DEFAULT now(),
        updated_at                  timestamptz NOT NULL DEFAULT now(),
        version                     integer NOT NULL DEFAULT 1,
        CONSTRAINT collaborations_name_key UNIQUE (name),
        CONSTRAINT collaborations_pair_key UNIQUE (police_organisation_id, municipality_organisation_id)
      )`);
    await q.query(`CREATE INDEX collaborations_municipality_idx ON collaborations (municipality_organisation_id)`);
    await q.query(`
      CREATE TABLE users (
        id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id           uuid NOT NULL REFERENCES organisations (id),
        email                     text NOT NULL CHECK (email = lower(email)),
        display_name              text NOT NULL,
        password_hash             text NOT NULL,
        is_active                 boolean NOT NULL DEFAULT true,
        deactivated_at            timestamptz,
        -- Bumped when a user is deactivated: access tokens carry it, so old ones stop working at once.
        token_version             integer NOT NULL DEFAULT 1,
        failed_login_count        integer NOT NULL DEFAULT 0,
        failed_login_window_start timestamptz,
        locked_until              timestamptz,
        last_login_at             timestamptz,
        created_at                timestamptz NOT NULL DEFAULT now(),
        updated_at                timestamptz NOT NULL DEFAULT now(),
        version                   integer NOT NULL DEFAULT 1,
        CONSTRAINT users_email_key UNIQUE (email)
      )`);
    await q.query(`CREATE INDEX users_organisation_idx ON users (organisation_id, display_name)`);
    // Admins search users by any part of name or e-mail.
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE INDEX users_search_idx ON users USING gin ((display_name || ' ' || email) gin_trgm_ops)`);
    await q.query(`
      CREATE TABLE memberships (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id     uuid NOT NULL REFERENCES users (id),
        unit_id     uuid NOT NULL REFERENCES units (id),
        role        text NOT NULL,
        valid_from  timestamptz NOT NULL DEFAULT now(),
        valid_until timestamptz,
        created_by  uuid REFERENCES users (id),
        created_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT memberships_period_check CHECK (valid_until IS NULL OR valid_until > valid_from)
      )`);
    await q.query(`CREATE INDEX memberships_user_idx ON memberships (user_id)`);
    await q.query(`CREATE INDEX memberships_unit_idx ON memberships (unit_id)`);
    await q.query(`
      CREATE TABLE refresh_tokens (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        family_id   uuid NOT NULL,
        user_id     uuid NOT NULL REFERENCES users (id),
        token_hash  text NOT NULL,
        expires_at  timestamptz NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        used_at     timestamptz,
        revoked_at  timestamptz
      )`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    await q.query(`CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id)`);
    for (const table of ['organisations', 'units', 'collaborations', 'users']) {
      await q.query(
        `CREATE TRIGGER ${table}_updated_at BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION set_updated_at()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE refresh_tokens`);
    await q.query(`DROP TABLE memberships`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP EXTENSION IF EXISTS pg_trgm`);
    await q.query(`DROP TABLE collaborations`);
    await q.query(`DROP TABLE units`);
    await q.query(`DROP TABLE organisations`);
  }
}
