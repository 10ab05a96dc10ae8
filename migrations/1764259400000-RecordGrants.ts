import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-record grants (ArkCase participants, Casebox dated grants): allow or deny a user, unit or
 * organisation some actions on one record, with a reason and a validity period. Deny beats grant.
 */
export class RecordGrants1764259400000 implements MigrationInterface {
  name = 'RecordGrants1764259400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE record_grants (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        resource_type text NOT NULL,
        resource_id   uuid NOT NULL,
        grantee_type  text NOT NULL CHECK (grantee_type IN ('user', 'unit', 'organisation')),
        grantee_id    uuid NOT NULL,
        effect        text NOT NULL CHECK (effect IN ('grant', 'deny')),
        actions       text[] NOT NULL CHECK (cardinality(actions) > 0),
        reason        text NOT NULL CHECK (length(trim(reason)) > 0),
        granted_by    uuid NOT NULL REFERENCES users (id),
        valid_from    timestamptz NOT NULL DEFAULT now(),
        valid_until   timestamptz,
        revoked_at    timestamptz,
        revoked_by    uuid REFERENCES users (id),
        created_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT record_grants_period_check CHECK (valid_until IS NULL OR valid_until > valid_from)
      )`);
    // Record checks look grants up by record; list filters by grantee and resource type.
    await q.query(`CREATE INDEX record_grants_resource_idx ON record_grants (resource_type, resource_id) WHERE revoked_at IS NULL`);
    await q.query(
      `CREATE INDEX record_grants_grantee_idx ON record_grants (grantee_type, grantee_id, resource_type) WHERE revoked_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE record_grants`);
  }
}
