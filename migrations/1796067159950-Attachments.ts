import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #21: files attached to records (a signed consent on a youth case, a letter on a sanction
 * case, ...). One table for every record type; the record's own lib decides who sees and changes
 * them (libs/attachments gates), so there is no foreign key to the record: a youth case's
 * attachments go with the case in its retention purge (youth-retention.service.ts). The bytes live
 * in the file storage (FileStorage); `disk_files` is the disk driver's ledger of committed keys
 * (a file on disk without a row is an orphan of a rolled-back upload and is swept).
 */
export class Attachments1796067159950 implements MigrationInterface {
  name = 'Attachments1796067159950';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE attachments (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        record_type   text NOT NULL CHECK (record_type IN ('youth_case', 'inspection', 'sanction_case', 'operation', 'finding')),
        record_id     uuid NOT NULL,
        file_name     text NOT NULL CHECK (char_length(file_name) BETWEEN 1 AND 200),
        description   text NOT NULL DEFAULT '' CHECK (char_length(description) <= 500),
        category      text CHECK ((record_type = 'youth_case') = (category IS NOT NULL)),
        content_type  text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png', 'image/webp')),
        byte_size     integer NOT NULL CHECK (byte_size > 0),
        sha256        text NOT NULL,
        storage_key   text NOT NULL,
        uploaded_by   uuid REFERENCES users (id),
        uploaded_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX attachments_record_idx ON attachments (record_type, record_id, uploaded_at)`);
    await q.query(`CREATE TABLE disk_files (key uuid PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM photo_blobs WHERE key IN (SELECT storage_key FROM attachments)`);
    await q.query(`DROP TABLE disk_files`);
    await q.query(`DROP TABLE attachments`);
  }
}
