import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Photos taken on site, attached to a checklist item of an inspection. The metadata lives in
 * finding_photos; the bytes live wherever the PhotoStorage puts them (photo_blobs for the
 * PostgreSQL storage, so a photo and its metadata are written in one transaction). Sanction cases
 * are found from the inspections they were opened on (an escalation opens one). Supervision
 * deadlines get their default reminder rules.
 */
export class InspectionFollowUp1764260300000 implements MigrationInterface {
  name = 'InspectionFollowUp1764260300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE photo_blobs (
        key        text PRIMARY KEY,
        data       bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE finding_photos (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        inspection_id uuid NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
        item_key      text NOT NULL,
        content_type  text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
        byte_size     integer NOT NULL CHECK (byte_size > 0),
        sha256        text NOT NULL,
        storage_key   text NOT NULL,
        uploaded_by   uuid REFERENCES users (id),
        uploaded_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX finding_photos_inspection_idx ON finding_photos (inspection_id, item_key, uploaded_at)`);
    await q.query(`CREATE INDEX sanction_cases_inspections_idx ON sanction_cases USING gin (inspection_ids)`);
    // The premises list reads each premises' latest planned visits (next due visit).
    await q.query(`CREATE INDEX supervision_plan_items_premises_idx ON supervision_plan_items (premises_id)`);
    // Default reminders for supervision deadlines (editable at /api/v1/reminder-rules).
    await q.query(`
      INSERT INTO reminder_rules (deadline_kind, key, anchor, offset_value, offset_unit, recipient) VALUES
        ('licence_holder_response', 'at-due', 'at', 0, 'days', 'responsible'),
        ('licence_holder_response', 'escalate-5wd', 'after', 5, 'working_days', 'manager'),
        ('restaurant_report', 'before-14d', 'before', 14, 'days', 'responsible'),
        ('restaurant_report', 'at-due', 'at', 0, 'days', 'responsible'),
        ('restaurant_report', 'after-14d', 'after', 14, 'days', 'responsible')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM reminder_rules WHERE deadline_kind IN ('licence_holder_response', 'restaurant_report')`);
    await q.query(`DROP INDEX supervision_plan_items_premises_idx`);
    await q.query(`DROP INDEX sanction_cases_inspections_idx`);
    await q.query(`DROP TABLE finding_photos`);
    await q.query(`DROP TABLE photo_blobs`);
  }
}
