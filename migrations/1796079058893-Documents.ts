import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #21: documents Samverkan issues as PDF (inspection report, hearing letter, sanction
 * decision, consent form, meeting minutes, register extract, yearly follow-up). A row is asked for
 * by the api and filled by the worker, which renders the PDF and stores its bytes in the file
 * storage (FileStorage); `progress` is what the web client shows meanwhile.
 * - An issued document has a version per record and kind (re-issuing adds one and keeps the
 *   earlier), the registration number (diarienummer) it carries on every page, and when it was sent.
 * - A preview has no version and no number; it is kept a day for its requester, then swept.
 * Like attachments, there is no foreign key to the record: its lib's retention purge removes its documents.
 */
export class Documents1796079058893 implements MigrationInterface {
  name = 'Documents1796079058893';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE documents (
        id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind                 text NOT NULL CHECK (kind IN ('inspection_report', 'hearing_letter', 'sanction_decision', 'consent_form',
                                                           'meeting_minutes', 'register_extract', 'follow_up_report')),
        record_type          text NOT NULL CHECK (record_type IN ('inspection', 'sanction_case', 'youth_case', 'youth_meeting', 'youth_subject', 'follow_up')),
        record_id            uuid NOT NULL,
        reference            text NOT NULL CHECK (char_length(reference) <= 200),
        organisation_id      uuid NOT NULL REFERENCES organisations (id),
        version              integer CHECK (version > 0),
        registration_number  text CHECK (char_length(registration_number) BETWEEN 1 AND 60),
        status               text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'ready', 'failed')),
        progress             smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        title                text,
        page_count           integer,
        byte_size            integer,
        sha256               text,
        storage_key          text,
        requested_by         uuid NOT NULL REFERENCES users (id),
        requested_at         timestamptz NOT NULL DEFAULT now(),
        rendered_at          timestamptz,
        sent_at              timestamptz,
        sent_by              uuid REFERENCES users (id),
        expires_at           timestamptz,
        -- Issued (a version and its number, kept) or a preview (neither, swept when it expires).
        CONSTRAINT documents_issued_or_preview CHECK (
          (version IS NOT NULL AND registration_number IS NOT NULL AND expires_at IS NULL)
          OR (version IS NULL AND registration_number IS NULL AND expires_at IS NOT NULL AND sent_at IS NULL)),
        CONSTRAINT documents_ready_has_file CHECK ((status = 'ready') = (storage_key IS NOT NULL)),
        CONSTRAINT documents_version_key UNIQUE (record_type, record_id, kind, version)
      )`);
    // The record's list of issued documents, newest first (the unique key serves it); previews by expiry for the sweep.
    await q.query(`CREATE INDEX documents_preview_expiry_idx ON documents (expires_at) WHERE version IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM photo_blobs WHERE key::text IN (SELECT storage_key FROM documents)`);
    await q.query(`DELETE FROM disk_files WHERE key::text IN (SELECT storage_key FROM documents)`);
    await q.query(`DROP TABLE documents`);
  }
}
