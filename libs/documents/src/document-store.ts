import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FileStorage } from '@samverkan/platform';
import type { DataSource, EntityManager } from 'typeorm';
import type { DocumentKind, DocumentRecordType } from './document-template.js';
import type { DocumentView } from './documents.views.js';

export const SELECT_DOCUMENTS = `SELECT d.id, d.kind, d.record_type AS "recordType", d.record_id AS "recordId", d.reference, d.version,
  d.registration_number AS "registrationNumber", d.status, d.progress, d.title, d.page_count AS "pageCount", d.byte_size AS "byteSize",
  r.display_name AS "requestedByName", d.requested_at AS "requestedAt", d.sent_at AS "sentAt", s.display_name AS "sentByName", d.expires_at AS "expiresAt"
  FROM documents d LEFT JOIN users r ON r.id = d.requested_by LEFT JOIN users s ON s.id = d.sent_by`;

/** A document's row as the service and the worker need it. */
export interface DocumentRow {
  id: string;
  kind: DocumentKind;
  record_type: DocumentRecordType;
  record_id: string;
  reference: string;
  organisation_id: string;
  version: number | null;
  registration_number: string | null;
  status: 'pending' | 'ready' | 'failed';
  progress: number;
  storage_key: string | null;
  sha256: string | null;
  title: string | null;
  requested_by: string;
  requested_at: Date;
  sent_at: Date | null;
  expires_at: Date | null;
}

/** The `documents` table and the files it points at: what both the api and the worker do with them. */
@Injectable()
export class DocumentStore {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: FileStorage,
  ) {}

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<DocumentRow | undefined> {
    const [row] = await manager.query<DocumentRow[]>(
      `SELECT id, kind, record_type, record_id, reference, organisation_id, version, registration_number, status, progress, storage_key, sha256,
              title, requested_by, requested_at, sent_at, expires_at
       FROM documents WHERE id = $1`,
      [id],
    );
    return row;
  }

  async view(id: string): Promise<DocumentView> {
    const [view] = await this.dataSource.query<DocumentView[]>(`${SELECT_DOCUMENTS} WHERE d.id = $1`, [id]);
    return view;
  }

  bytes(row: DocumentRow): Promise<Buffer | null> {
    return row.storage_key ? this.storage.get(row.storage_key) : Promise.resolve(null);
  }

  /** Rendering came this far (percent). Only forward, and only while pending. */
  async progress(id: string, percent: number): Promise<void> {
    await this.dataSource.query(`UPDATE documents SET progress = $2 WHERE id = $1 AND status = 'pending' AND progress < $2`, [id, percent]);
  }

  /** The rendered file, stored with the row in one transaction; false when the row is gone or already done (a retried job). */
  async finish(id: string, file: { bytes: Buffer; sha256: string; pageCount: number; title: string }): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<{ status: string }[]>(`SELECT status FROM documents WHERE id = $1 FOR UPDATE`, [id]);
      if (!row || row.status !== 'pending') return false;
      const key = await this.storage.put(manager, file.bytes);
      await manager.query(
        `UPDATE documents SET status = 'ready', progress = 100, storage_key = $2, sha256 = $3, byte_size = $4, page_count = $5, title = $6, rendered_at = now()
         WHERE id = $1`,
        [id, key, file.sha256, file.bytes.length, file.pageCount, file.title],
      );
      return true;
    });
  }

  async fail(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE documents SET status = 'failed' WHERE id = $1 AND status = 'pending'`, [id]);
  }

  /**
   * Removes every document of these records and their files, in the caller's transaction: a
   * record's retention purge (gallring) takes its documents with it. Returns how many went.
   */
  async purge(manager: EntityManager, recordType: DocumentRecordType, recordIds: string[]): Promise<number> {
    if (recordIds.length === 0) return 0;
    const rows = await manager.query<{ id: string; storage_key: string | null }[]>(
      'SELECT id, storage_key FROM documents WHERE record_type = $1 AND record_id = ANY($2::uuid[]) FOR UPDATE',
      [recordType, recordIds],
    );
    return this.remove(manager, rows);
  }

  /** Removes previews that expired before `now`, a batch at a time; returns how many went. */
  async sweepPreviews(now: Date, batch = 200): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<{ id: string; storage_key: string | null }[]>(
        `SELECT id, storage_key FROM documents WHERE version IS NULL AND expires_at < $1 ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [now, batch],
      );
      return this.remove(manager, rows);
    });
  }

  private async remove(manager: EntityManager, rows: { id: string; storage_key: string | null }[]): Promise<number> {
    if (rows.length === 0) return 0;
    await manager.query('DELETE FROM documents WHERE id = ANY($1::uuid[])', [rows.map((r) => r.id)]);
    for (const row of rows) if (row.storage_key) await this.storage.remove(manager, row.storage_key);
    return rows.length;
  }
}
