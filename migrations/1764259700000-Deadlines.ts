import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deadlines and reminders. PostgreSQL is the source of truth: the deadline registry, the reminder
 * rules (data an administrator can change), one delivery row per (deadline, rule, due version,
 * recipient) so a reminder is never sent twice, the in-app inbox, e-mail messages with their
 * sending state, and each user's preference. Redis (BullMQ) only delivers.
 */
export class Deadlines1764259700000 implements MigrationInterface {
  name = 'Deadlines1764259700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reminder_rules (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        deadline_kind text NOT NULL,
        key           text NOT NULL CHECK (key ~ '^[a-z0-9-]{1,40}$'),
        anchor        text NOT NULL CHECK (anchor IN ('before', 'at', 'after')),
        offset_value  integer NOT NULL DEFAULT 0 CHECK (offset_value >= 0),
        offset_unit   text NOT NULL DEFAULT 'days' CHECK (offset_unit IN ('seconds', 'minutes', 'hours', 'days', 'working_days')),
        recipient     text NOT NULL CHECK (recipient IN ('responsible', 'manager')),
        active        boolean NOT NULL DEFAULT true,
        updated_at    timestamptz NOT NULL DEFAULT now(),
        version       integer NOT NULL DEFAULT 1,
        CONSTRAINT reminder_rules_key UNIQUE (deadline_kind, key)
      )`);
    await q.query(`
      CREATE TABLE deadlines (
        id                          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind                        text NOT NULL,
        resource_type               text NOT NULL,
        resource_id                 uuid NOT NULL,
        title                       text NOT NULL,
        due_at                      timestamptz NOT NULL,
        -- Bumped whenever the due time moves: reminders scheduled for an earlier time are void.
        due_version                 integer NOT NULL DEFAULT 1,
        responsible_user_id         uuid REFERENCES users (id),
        responsible_unit_id         uuid REFERENCES units (id),
        responsible_organisation_id uuid NOT NULL REFERENCES organisations (id),
        status                      text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'met', 'cancelled')),
        closed_at                   timestamptz,
        created_at                  timestamptz NOT NULL DEFAULT now(),
        updated_at                  timestamptz NOT NULL DEFAULT now(),
        version                     integer NOT NULL DEFAULT 1,
        CONSTRAINT deadlines_subject_key UNIQUE (kind, resource_type, resource_id)
      )`);
    await q.query(`CREATE INDEX deadlines_open_due_idx ON deadlines (due_at, id) WHERE status = 'open'`);
    await q.query(`CREATE INDEX deadlines_user_idx ON deadlines (responsible_user_id, due_at)`);
    await q.query(`CREATE INDEX deadlines_unit_idx ON deadlines (responsible_unit_id, due_at)`);
    await q.query(`CREATE INDEX deadlines_kind_idx ON deadlines (kind, due_at)`);
    await q.query(`
      CREATE TABLE notifications (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id       uuid NOT NULL REFERENCES users (id),
        kind          text NOT NULL,
        title         text NOT NULL,
        body          text NOT NULL DEFAULT '',
        resource_type text,
        resource_id   uuid,
        deadline_id   uuid REFERENCES deadlines (id) ON DELETE SET NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        read_at       timestamptz
      )`);
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC)`);
    await q.query(`CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`);
    await q.query(`
      CREATE TABLE reminder_deliveries (
        deadline_id       uuid NOT NULL REFERENCES deadlines (id) ON DELETE CASCADE,
        rule_key          text NOT NULL,
        due_version       integer NOT NULL,
        recipient_user_id uuid NOT NULL REFERENCES users (id),
        notification_id   uuid REFERENCES notifications (id) ON DELETE SET NULL,
        delivered_at      timestamptz NOT NULL,
        PRIMARY KEY (deadline_id, rule_key, due_version, recipient_user_id)
      )`);
    await q.query(`
      CREATE TABLE email_messages (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id     uuid REFERENCES users (id),
        to_address  text NOT NULL,
        subject     text NOT NULL,
        body_text   text NOT NULL,
        kind        text NOT NULL,
        -- One digest per user and day, one mail per notification: repeats are refused here.
        dedupe_key  text NOT NULL UNIQUE,
        status      text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts    integer NOT NULL DEFAULT 0,
        last_error  text,
        created_at  timestamptz NOT NULL DEFAULT now(),
        sent_at     timestamptz
      )`);
    await q.query(`CREATE INDEX email_messages_status_idx ON email_messages (status, created_at)`);
    await q.query(`
      CREATE TABLE notification_preferences (
        user_id    uuid PRIMARY KEY REFERENCES users (id),
        email_mode text NOT NULL DEFAULT 'digest' CHECK (email_mode IN ('immediate', 'digest', 'off')),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Defaults (CiviCRM-style offset + unit + anchor): a week and a day before, at the due time, and
    // an escalation to the responsible unit's managers two working days after.
    await q.query(`
      INSERT INTO reminder_rules (deadline_kind, key, anchor, offset_value, offset_unit, recipient) VALUES
        ('action_due', 'before-7d', 'before', 7, 'days', 'responsible'),
        ('action_due', 'before-1d', 'before', 1, 'days', 'responsible'),
        ('action_due', 'at-due', 'at', 0, 'days', 'responsible'),
        ('action_due', 'escalate-2wd', 'after', 2, 'working_days', 'manager')`);
    for (const table of ['reminder_rules', 'deadlines']) {
      await q.query(`CREATE TRIGGER ${table}_updated_at BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION set_updated_at()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['notification_preferences', 'email_messages', 'reminder_deliveries', 'notifications', 'deadlines', 'reminder_rules']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
