import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { acceptAttachment, AppConfig, fieldError, FileStorage, type Page, pageOf, type PageQuery, ValidationProblem } from '@samverkan/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { type AttachmentAccess, AttachmentGates, type AttachmentRecordType } from './attachment-gates.js';
import type { UploadAttachmentQuery } from './attachments.dto.js';
import type { AttachmentView } from './attachments.views.js';

const SELECT_ATTACHMENTS = `SELECT a.id, a.record_type AS "recordType", a.record_id AS "recordId", a.file_name AS "fileName", a.description,
  a.category, a.content_type AS "contentType", a.byte_size AS "byteSize", a.sha256, u.display_name AS "uploadedByName", a.uploaded_at AS "uploadedAt"
  FROM attachments a LEFT JOIN users u ON u.id = a.uploaded_by`;

interface AttachmentRow {
  id: string;
  record_type: AttachmentRecordType;
  record_id: string;
  category: string | null;
  content_type: string;
  file_name: string;
  sha256: string;
  storage_key: string;
}

/** Whether an attachment of `category` is among what `access` shows (null: everything). */
function shows(access: AttachmentAccess, category: string | null): boolean {
  return access.categories === null || (category !== null && access.categories.includes(category));
}

/**
 * Files attached to records (issue #21): a signed consent on a youth case, a letter on a sanction
 * case, a photo on an operation. The record's lib decides through its gate who may see and change
 * them; on youth cases the category does as for notes. Every list, download and change is audited
 * (HSLF-FS 2016:40 ch. 4: who read what, when); the bytes go to the FileStorage in the same
 * transaction as the row, so nothing is stored half.
 */
@Injectable()
export class AttachmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly gates: AttachmentGates,
    private readonly storage: FileStorage,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async upload(principal: Principal, recordType: AttachmentRecordType, recordId: string, query: UploadAttachmentQuery, body: unknown): Promise<AttachmentView> {
    const gate = this.gates.of(recordType);
    const access = await gate.write(principal, recordId);
    // Every fault of the input at once, before anything is written.
    let file: ReturnType<typeof acceptAttachment> | undefined;
    const errors = [];
    try {
      file = acceptAttachment(body, query.fileName, this.config.ATTACHMENT_MAX_BYTES);
    } catch (error) {
      if (!(error instanceof ValidationProblem)) throw error;
      errors.push(...error.errors);
    }
    if (gate.categories && !gate.categories.includes(query.category ?? '')) errors.push(fieldError('category', 'attachment.category_required'));
    if (!gate.categories && query.category !== undefined) errors.push(fieldError('category', 'attachment.category_not_taken'));
    if (errors.length > 0 || !file) throw new ValidationProblem(errors);
    const accepted = file;
    const id = await this.dataSource.transaction(async (manager) => {
      const storageKey = await this.storage.put(manager, accepted.bytes);
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO attachments (record_type, record_id, file_name, description, category, content_type, byte_size, sha256, storage_key, uploaded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          recordType,
          recordId,
          accepted.fileName,
          query.description?.trim() ?? '',
          gate.categories ? query.category : null,
          accepted.type,
          accepted.bytes.length,
          accepted.sha256,
          storageKey,
          principal.userId,
        ],
      );
      await gate.written?.(manager, recordId);
      await this.audit.record(
        {
          action: 'attachment.add',
          resourceType: recordType,
          resourceId: recordId,
          subjectOrganisationId: access.organisationId ?? undefined,
          details: { attachmentId: row.id, contentType: accepted.type, byteSize: accepted.bytes.length, category: query.category ?? null },
        },
        manager,
      );
      return row.id;
    });
    const [view] = await this.dataSource.query<AttachmentView[]>(`${SELECT_ATTACHMENTS} WHERE a.id = $1`, [id]);
    return view;
  }

  async list(principal: Principal, recordType: AttachmentRecordType, recordId: string, query: PageQuery): Promise<Page<AttachmentView>> {
    const access = await this.gates.of(recordType).read(principal, recordId);
    const qb = this.dataSource
      .createQueryBuilder()
      .from('attachments', 'a')
      .where('a.record_type = :recordType AND a.record_id = :recordId', { recordType, recordId })
      .andWhere('(:all OR a.category = ANY(:categories::text[]))', { all: access.categories === null, categories: access.categories ?? [] });
    const page = await pageOf<AttachmentView>(
      this.dataSource,
      qb,
      {
        alias: 'a',
        orderBy: [['a.uploaded_at', 'DESC']],
        select: SELECT_ATTACHMENTS,
      },
      query,
    );
    await this.audit.record({
      action: 'attachment.list',
      resourceType: recordType,
      resourceId: recordId,
      subjectOrganisationId: access.organisationId ?? undefined,
      details: { attachmentIds: page.items.map((a) => a.id) },
    });
    return page;
  }

  /** The bytes, for whoever sees the record and the attachment's category; 404 (audited by the route) otherwise. */
  async content(principal: Principal, id: string): Promise<{ contentType: string; fileName: string; sha256: string; bytes: Buffer }> {
    let row: AttachmentRow;
    let access: AttachmentAccess;
    try {
      row = await this.find(id);
      access = await this.gates.of(row.record_type).read(principal, row.record_id);
      if (!shows(access, row.category)) throw new NotFoundException(`No attachment with id ${id}.`);
    } catch (error) {
      // A refused download is recorded as one, under the attachment asked for (the record's own
      // gate may have recorded a denial of its own, which would leave this one unwritten).
      if (error instanceof NotFoundException || error instanceof ForbiddenException) {
        await this.audit.record({ action: 'attachment.read', outcome: 'denied', resourceType: 'attachment', resourceId: id, details: { attachmentId: id } });
      }
      throw error;
    }
    const bytes = await this.storage.get(row.storage_key);
    if (!bytes) throw new NotFoundException(`The bytes of attachment ${id} are missing from storage.`);
    await this.audit.record({
      action: 'attachment.read',
      resourceType: row.record_type,
      resourceId: row.record_id,
      subjectOrganisationId: access.organisationId ?? undefined,
      details: { attachmentId: id, category: row.category },
    });
    return { contentType: row.content_type, fileName: row.file_name, sha256: row.sha256, bytes };
  }

  async remove(principal: Principal, id: string): Promise<void> {
    const row = await this.find(id);
    const gate = this.gates.of(row.record_type);
    // Not seen: not there (404) before any question of rights.
    if (!shows(await gate.read(principal, row.record_id), row.category)) throw new NotFoundException(`No attachment with id ${id}.`);
    const access = await gate.write(principal, row.record_id);
    await this.dataSource.transaction(async (manager) => {
      await manager.query('DELETE FROM attachments WHERE id = $1', [id]);
      await this.storage.remove(manager, row.storage_key);
      await gate.written?.(manager, row.record_id);
      await this.audit.record(
        {
          action: 'attachment.remove',
          resourceType: row.record_type,
          resourceId: row.record_id,
          subjectOrganisationId: access.organisationId ?? undefined,
          details: { attachmentId: id, fileName: row.file_name },
        },
        manager,
      );
    });
  }

  /**
   * Removes every attachment of these records and their bytes, in the caller's transaction: the
   * record's retention purge (gallring) takes its files with it. Returns how many were removed.
   */
  async purge(manager: EntityManager, recordType: AttachmentRecordType, recordIds: string[]): Promise<number> {
    if (recordIds.length === 0) return 0;
    // Read, then deleted: TypeORM answers a DELETE … RETURNING with [rows, count], not rows.
    const rows = await manager.query<{ id: string; storage_key: string }[]>(
      'SELECT id, storage_key FROM attachments WHERE record_type = $1 AND record_id = ANY($2::uuid[]) FOR UPDATE',
      [recordType, recordIds],
    );
    await manager.query('DELETE FROM attachments WHERE id = ANY($1::uuid[])', [rows.map((r) => r.id)]);
    for (const row of rows) await this.storage.remove(manager, row.storage_key);
    return rows.length;
  }

  private async find(id: string): Promise<AttachmentRow> {
    const [row] = await this.dataSource.query<AttachmentRow[]>(
      'SELECT id, record_type, record_id, category, content_type, file_name, sha256, storage_key FROM attachments WHERE id = $1',
      [id],
    );
    if (!row) throw new NotFoundException(`No attachment with id ${id}.`);
    return row;
  }
}
