import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #20: photos of the findings register's findings (broken lighting, vandalism, ...). The
 * bytes live in the file storage (libs/platform FileStorage, today the photo_blobs table); this
 * table says which finding a photo belongs to. Named apart from `finding_photos`, which holds the
 * inspections' checklist photos. Listed per finding in upload order, hence the index.
 */
export class FindingPhotos1796064226306 implements MigrationInterface {
  name = 'FindingPhotos1796064226306';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE promise_finding_photos (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        finding_id   uuid NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
        content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
        byte_size    integer NOT NULL CHECK (byte_size > 0),
        sha256       text NOT NULL,
        storage_key  text NOT NULL,
        uploaded_by  uuid REFERENCES users (id),
        uploaded_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX promise_finding_photos_finding_idx ON promise_finding_photos (finding_id, uploaded_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM photo_blobs WHERE key IN (SELECT storage_key FROM promise_finding_photos)`);
    await q.query(`DROP TABLE promise_finding_photos`);
  }
}
