import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Anchors of the audit chain. The chain's hashes are plain SHA-256, so a database superuser who
 * switches the triggers off could rewrite events and recompute every hash after them, or empty the
 * table. An anchor seals the chain's head at a moment with an HMAC whose key (AUDIT_ANCHOR_KEY) the
 * database never holds, and the newest anchor is also written outside the database; `verify`
 * checks both (see libs/audit/src/audit-anchor.service.ts). Append-only like the events.
 */
export class AuditAnchors1796016837278 implements MigrationInterface {
  name = 'AuditAnchors1796016837278';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_anchors (
        seq         bigint PRIMARY KEY CHECK (seq > 0),
        anchored_at timestamptz NOT NULL,
        event_id    bigint NOT NULL,
        event_hash  text NOT NULL,
        prev_mac    text NOT NULL,
        mac         text NOT NULL
      )`);
    await q.query(`
      CREATE TRIGGER audit_anchors_no_update_delete BEFORE UPDATE OR DELETE ON audit_anchors
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_anchors_no_truncate BEFORE TRUNCATE ON audit_anchors
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_anchors`);
  }
}
