import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append-only audit trail. Each event carries a SHA-256 hash over its own fields and the hash
 * of the event before it, computed by the database as the row is inserted, so rows cannot be
 * altered, removed or slipped in without breaking the chain. UPDATE, DELETE and TRUNCATE are
 * refused. Access logs are kept at least 5 years (HSLF-FS 2016:40 practice, DOMAIN.md §3).
 */
export class AuditTrail1764259500000 implements MigrationInterface {
  name = 'AuditTrail1764259500000';

  async up(q: QueryRunner): Promise<void> {
    // Ids are drawn by the chaining trigger, not by a column default (see below).
    await q.query(`CREATE SEQUENCE audit_events_id_seq`);
    await q.query(`
      CREATE TABLE audit_events (
        id                      bigint PRIMARY KEY,
        occurred_at             timestamptz NOT NULL,
        actor_user_id           uuid,
        actor_unit_id           uuid,
        actor_organisation_id   uuid,
        action                  text NOT NULL,
        resource_type           text,
        resource_id             text,
        subject_organisation_id uuid,
        outcome                 text NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
        request_id              text,
        ip                      text,
        changed_fields          text[],
        details                 jsonb,
        prev_hash               text NOT NULL,
        hash                    text NOT NULL
      )`);
    await q.query(`ALTER SEQUENCE audit_events_id_seq OWNED BY audit_events.id`);
    await q.query(`CREATE INDEX audit_events_occurred_idx ON audit_events (occurred_at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_events_actor_idx ON audit_events (actor_user_id, occurred_at DESC)`);
    await q.query(`CREATE INDEX audit_events_resource_idx ON audit_events (resource_type, resource_id, occurred_at DESC)`);
    await q.query(`CREATE INDEX audit_events_action_idx ON audit_events (action, occurred_at DESC)`);
    await q.query(`CREATE INDEX audit_events_actor_org_idx ON audit_events (actor_organisation_id, occurred_at DESC)`);
    await q.query(`CREATE INDEX audit_events_subject_org_idx ON audit_events (subject_organisation_id, occurred_at DESC)`);

    // The one definition of what an event's hash covers; the insert trigger and verification share it.
    await q.query(`
      CREATE FUNCTION audit_event_digest(e audit_events, previous text) RETURNS text
      LANGUAGE sql IMMUTABLE AS $$
        SELECT encode(sha256(convert_to(concat_ws('|',
          previous, e.id::text, to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
          coalesce(e.actor_user_id::text, ''), coalesce(e.actor_unit_id::text, ''),
          coalesce(e.actor_organisation_id::text, ''), e.action, coalesce(e.resource_type, ''),
          coalesce(e.resource_id, ''), coalesce(e.subject_organisation_id::text, ''), e.outcome,
          coalesce(e.request_id, ''), coalesce(e.ip, ''), coalesce(array_to_string(e.changed_fields, ','), ''),
          coalesce(e.details::text, '')), 'UTF8')), 'hex')
      $$`);
    await q.query(`
      CREATE FUNCTION audit_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        previous text;
      BEGIN
        -- One writer at a time, held to commit: the id is drawn under the lock so that id order is
        -- chain order even when transactions commit out of order.
        PERFORM pg_advisory_xact_lock(hashtext('audit_events_chain'));
        NEW.id := nextval('audit_events_id_seq');
        SELECT hash INTO previous FROM audit_events ORDER BY id DESC LIMIT 1;
        NEW.prev_hash := coalesce(previous, '');
        NEW.hash := audit_event_digest(NEW, NEW.prev_hash);
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_chain()`);
    await q.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_events_no_update_delete BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION audit_event_digest(audit_events, text)`);
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP FUNCTION audit_events_append_only()`);
    await q.query(`DROP FUNCTION audit_events_chain()`);
  }
}
