import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #16. (a) A deadline "by the end of a day" (an action's due date, a review day) was stored
 * only as the next Stockholm midnight and written in reminders as "1 oktober 2022 kl. 00:00" for a
 * due date of 30 September: `deadlines.due_on` now keeps the day itself; `due_at` stays the instant
 * the deadline passes (the next midnight) for scheduling. Existing deadlines due at a Stockholm
 * midnight were all registered from a day, so they get that day back.
 *
 * (b) Each reminder rule wrote its own inbox row, so a deadline registered after its earlier
 * reminders' times (or a worker that was down) gave one person the same reminder three times.
 * `notifications.inbox_key` names what a notification is about (a deadline's reminders to a person
 * for one due version); one row per user and key, which a later reminder refreshes. Existing
 * duplicates are folded into their newest row.
 */
export class DueDaysAndOneReminder1796020665351 implements MigrationInterface {
  name = 'DueDaysAndOneReminder1796020665351';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE deadlines ADD COLUMN due_on date`);
    await q.query(`
      UPDATE deadlines SET due_on = (due_at AT TIME ZONE 'Europe/Stockholm')::date - 1
      WHERE (due_at AT TIME ZONE 'Europe/Stockholm')::time = '00:00'`);
    await q.query(`ALTER TABLE notifications ADD COLUMN inbox_key text`);
    await q.query(`
      UPDATE notifications n SET inbox_key = 'deadline-' || x.deadline_id || '-v' || x.due_version || '-' || n.kind
      FROM reminder_deliveries x WHERE x.notification_id = n.id`);
    const ranked = `SELECT id, first_value(id) OVER w AS keep, row_number() OVER w AS rank
      FROM notifications WHERE inbox_key IS NOT NULL
      WINDOW w AS (PARTITION BY user_id, inbox_key ORDER BY created_at DESC, id DESC)`;
    await q.query(`UPDATE reminder_deliveries x SET notification_id = r.keep FROM (${ranked}) r WHERE x.notification_id = r.id AND r.rank > 1`);
    await q.query(`DELETE FROM notifications n USING (${ranked}) r WHERE n.id = r.id AND r.rank > 1`);
    await q.query(`CREATE UNIQUE INDEX notifications_inbox_key ON notifications (user_id, inbox_key) WHERE inbox_key IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notifications_inbox_key`);
    await q.query(`ALTER TABLE notifications DROP COLUMN inbox_key`);
    await q.query(`ALTER TABLE deadlines DROP COLUMN due_on`);
  }
}
