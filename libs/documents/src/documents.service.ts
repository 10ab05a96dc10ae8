import { InjectQueue } from '@nestjs/bullmq';
import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { Clock, fieldError, JobName, type Page, pageOf, ProblemException, QueueName, updateReturning, ValidationProblem } from '@samverkan/platform';
import type { Queue } from 'bullmq';
import type { DataSource, EntityManager } from 'typeorm';
import { DocumentStore, type DocumentRow, SELECT_DOCUMENTS } from './document-store.js';
import { DOCUMENT_RECORD_OF, type DocumentRecord, DocumentRegistry, type DocumentRecordType } from './document-template.js';
import type { DocumentListQuery, DocumentSentRequest, IssueDocumentRequest, PreviewDocumentRequest } from './documents.dto.js';
import type { DocumentView } from './documents.views.js';

/** A preview is kept this long for its requester, then swept (it holds the record's data and is no record of its own). */
export const PREVIEW_LIFETIME_MS = 24 * 3600_000;
/** Leeway for the clock of the device that says when a letter was sent. */
const SENT_CLOCK_SKEW_MS = 5 * 60_000;

/** The render job's data: only the row's id, never the record's content (it may be personal data). */
export interface DocumentRenderJob {
  documentId: string;
}

/**
 * Documents issued as PDF (issue #21). The api checks the record's rules (its lib's DocumentGate),
 * writes the row and queues the rendering; the worker renders and stores it (DocumentsProcessor),
 * and the client follows `progress` until it is ready. Issuing keeps every version; a preview is
 * only its requester's. Every preview, issue, list, download (and refused download) and sending is audited.
 */
@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Documents) private readonly queue: Queue<DocumentRenderJob>,
    private readonly registry: DocumentRegistry,
    private readonly store: DocumentStore,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async preview(principal: Principal, request: PreviewDocumentRequest): Promise<DocumentView> {
    const record = await this.admit(principal, request);
    const id = await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO documents (kind, record_type, record_id, reference, organisation_id, requested_by, requested_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          request.kind,
          request.recordType,
          request.recordId,
          record.reference,
          record.organisationId,
          principal.userId,
          this.clock.now(),
          new Date(this.clock.now().getTime() + PREVIEW_LIFETIME_MS),
        ],
      );
      await this.audited(manager, {
        action: 'document.preview',
        recordType: request.recordType,
        recordId: request.recordId,
        record,
        details: { documentId: row.id, kind: request.kind },
      });
      await this.enqueue(row.id);
      return row.id;
    });
    return this.store.view(id);
  }

  async issue(principal: Principal, request: IssueDocumentRequest): Promise<DocumentView> {
    const record = await this.admit(principal, request);
    const registrationNumber = request.registrationNumber.trim();
    const id = await this.dataSource.transaction(async (manager) => {
      // One version at a time per record and kind: two officials issuing at once get 1 and 2, not a conflict.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('document:' || $1 || ':' || $2))`, [request.recordId, request.kind]);
      const [row] = await manager.query<{ id: string; version: number }[]>(
        `INSERT INTO documents (kind, record_type, record_id, reference, organisation_id, version, registration_number, requested_by, requested_at)
         SELECT $1, $2, $3, $4, $5, coalesce(max(version), 0) + 1, $6, $7, $8
         FROM documents WHERE record_type = $2 AND record_id = $3 AND kind = $1
         RETURNING id, version`,
        [request.kind, request.recordType, request.recordId, record.reference, record.organisationId, registrationNumber, principal.userId, this.clock.now()],
      );
      await this.registry.gate(request.recordType).issued?.(manager, request.recordId);
      await this.audited(manager, {
        action: 'document.issue',
        recordType: request.recordType,
        recordId: request.recordId,
        record,
        details: {
          documentId: row.id,
          kind: request.kind,
          version: row.version,
          registrationNumber,
        },
      });
      await this.enqueue(row.id);
      return row.id;
    });
    return this.store.view(id);
  }

  /**
   * One document, for whoever sees its record (a preview: its requester only). The requester, who
   * polls it while it renders, was let through when asking and is not asked again: the record's read
   * rule may audit every look (a youth case does), and the bytes are checked again at download.
   */
  async get(principal: Principal, id: string): Promise<DocumentView> {
    const row = await this.store.find(id);
    if (row?.requested_by !== principal.userId) await this.readable(principal, id);
    return this.store.view(id);
  }

  async list(principal: Principal, query: DocumentListQuery): Promise<Page<DocumentView>> {
    const record = await this.registry.gate(query.recordType).read(principal, query.recordId);
    const qb = this.dataSource
      .createQueryBuilder()
      .from('documents', 'd')
      .where('d.record_type = :recordType AND d.record_id = :recordId AND d.version IS NOT NULL', { recordType: query.recordType, recordId: query.recordId });
    const page = await pageOf<DocumentView>(
      this.dataSource,
      qb,
      // The unique key (record_type, record_id, kind, version) serves this order within a kind.
      { alias: 'd', orderBy: [['d.requested_at', 'DESC']], select: SELECT_DOCUMENTS },
      query,
    );
    await this.audited(this.dataSource.manager, {
      action: 'document.list',
      recordType: query.recordType,
      recordId: query.recordId,
      record,
      details: { documentIds: page.items.map((d) => d.id) },
    });
    return page;
  }

  /** The PDF, for whoever sees its record; 404 otherwise, and the refusal is audited. */
  async content(principal: Principal, id: string): Promise<{ fileName: string; sha256: string; bytes: Buffer }> {
    let row: DocumentRow;
    let record: DocumentRecord;
    try {
      ({ row, record } = await this.readable(principal, id));
    } catch (error) {
      if (error instanceof NotFoundException || error instanceof ForbiddenException) {
        await this.audit.record({ action: 'document.read', outcome: 'denied', resourceType: 'document', resourceId: id, details: { documentId: id } });
      }
      throw error;
    }
    if (row.status === 'failed') throw new ProblemException('document.failed');
    if (row.status === 'pending') throw new ProblemException('document.not_ready', { progress: row.progress });
    const bytes = await this.store.bytes(row);
    if (!bytes) throw new NotFoundException(`The bytes of document ${id} are missing from storage.`);
    await this.audited(this.dataSource.manager, {
      action: 'document.read',
      recordType: row.record_type,
      recordId: row.record_id,
      record,
      details: {
        documentId: id,
        kind: row.kind,
        version: row.version,
      },
    });
    return { fileName: fileNameOf(row), sha256: row.sha256 ?? '', bytes };
  }

  /** Records when an issued document was sent; once (a letter is sent once; a new one is a new version). */
  async markSent(principal: Principal, id: string, request: DocumentSentRequest): Promise<DocumentView> {
    const { row } = await this.readable(principal, id);
    // The right to issue, not the record's state: a hearing letter sent before the decision may be recorded after it.
    const record = await this.registry.gate(row.record_type).issue(principal, row.record_id, null);
    if (row.version === null) throw new ProblemException('document.preview_not_sent');
    const sentAt = new Date(request.sentAt);
    const errors = [];
    if (sentAt.getTime() > this.clock.now().getTime() + SENT_CLOCK_SKEW_MS) errors.push(fieldError('sentAt', 'document.sent_in_future'));
    if (sentAt.getTime() < row.requested_at.getTime() - SENT_CLOCK_SKEW_MS) errors.push(fieldError('sentAt', 'document.sent_before_issue'));
    if (errors.length > 0) throw new ValidationProblem(errors);
    await this.dataSource.transaction(async (manager) => {
      const [updated] = await updateReturning<{ id: string }>(
        manager,
        `UPDATE documents SET sent_at = $2, sent_by = $3 WHERE id = $1 AND sent_at IS NULL RETURNING id`,
        [id, sentAt, principal.userId],
      );
      if (!updated) {
        const current = await this.store.find(id, manager);
        throw new ProblemException('document.already_sent', { sentAt: current?.sent_at?.toISOString() ?? null });
      }
      await this.audited(manager, {
        action: 'document.sent',
        recordType: row.record_type,
        recordId: row.record_id,
        record,
        details: { documentId: id, kind: row.kind, version: row.version, sentAt },
      });
    });
    return this.store.view(id);
  }

  /** The gate's issue rule, after the kind was checked against the record type (a 400 at `kind`). */
  private admit(principal: Principal, request: PreviewDocumentRequest): Promise<DocumentRecord> {
    if (DOCUMENT_RECORD_OF[request.kind] !== request.recordType) {
      throw new ValidationProblem([fieldError('kind', 'document.kind_mismatch', { recordType: DOCUMENT_RECORD_OF[request.kind] })]);
    }
    return this.registry.gate(request.recordType).issue(principal, request.recordId, request.kind);
  }

  private async readable(principal: Principal, id: string): Promise<{ row: DocumentRow; record: DocumentRecord }> {
    const row = await this.store.find(id);
    // A preview is its requester's alone; someone else's is not there.
    if (!row || (row.version === null && row.requested_by !== principal.userId)) throw new NotFoundException(`No document with id ${id}.`);
    const record = await this.registry.gate(row.record_type).read(principal, row.record_id);
    return { row, record };
  }

  private enqueue(documentId: string): Promise<unknown> {
    // Queued inside the transaction, as its last step: if Redis refuses, nothing is written. The
    // worker may take the job before the commit lands; it then finds no row and tries again shortly
    // (DocumentsProcessor), so a commit that failed costs only those few tries.
    return this.queue.add(JobName.DocumentRender, { documentId }, { jobId: `document-${documentId}`, attempts: 5, backoff: { type: 'fixed', delay: 500 } });
  }

  private audited(
    manager: EntityManager,
    entry: {
      action: 'document.preview' | 'document.issue' | 'document.list' | 'document.read' | 'document.sent';
      recordType: DocumentRecordType;
      recordId: string;
      record: DocumentRecord;
      details: Record<string, unknown>;
    },
  ): Promise<void> {
    return this.audit.record(
      {
        action: entry.action,
        resourceType: entry.recordType,
        resourceId: entry.recordId,
        subjectOrganisationId: entry.record.organisationId,
        details: entry.details,
      },
      manager,
    );
  }
}

/** `Tillsynsrapport v2 SN 2026-142.pdf`-like: the kind, the version and the number, safe as a file name. */
function fileNameOf(row: DocumentRow): string {
  const number = row.registration_number ? ` ${row.registration_number.replace(/[/:]/g, '-')}` : ' utkast';
  const version = row.version ? ` v${row.version}` : '';
  // Titles are the templates' own text, never the user's; only characters file systems refuse are replaced.
  return `${(row.title ?? row.kind).replace(/[/\\:*?"<>|]/g, '-')}${version}${number}.pdf`;
}
