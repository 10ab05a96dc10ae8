import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * reminder_deliveries.notification_id references notifications ON DELETE SET NULL: without an index
 * every deleted notification (retention, #19 at national scale) scans the whole guard table.
 * Partial: most guard rows of old reminders already point nowhere.
 */
export class ReminderDeliveryNotificationIndex1796047077616 implements MigrationInterface {
  name = 'ReminderDeliveryNotificationIndex1796047077616';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX reminder_deliveries_notification_idx ON reminder_deliveries (notification_id) WHERE notification_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX reminder_deliveries_notification_idx`);
  }
}
