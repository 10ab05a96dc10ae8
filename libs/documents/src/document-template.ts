import { Injectable } from '@nestjs/common';
import type { Principal } from '@samverkan/access';
import type { Content } from 'pdfmake';

/**
 * The documents Samverkan issues (issue #21), one template each. A kind belongs to one record type:
 * it is issued from that record and listed on it.
 */
export const DOCUMENT_KINDS = [
  'inspection_report',
  'hearing_letter',
  'sanction_decision',
  'consent_form',
  'meeting_minutes',
  'register_extract',
  'follow_up_report',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_RECORD_TYPES = ['inspection', 'sanction_case', 'youth_case', 'youth_meeting', 'youth_subject', 'follow_up'] as const;
export type DocumentRecordType = (typeof DOCUMENT_RECORD_TYPES)[number];

/** The record each kind is issued from. */
export const DOCUMENT_RECORD_OF: Readonly<Record<DocumentKind, DocumentRecordType>> = {
  inspection_report: 'inspection',
  hearing_letter: 'sanction_case',
  sanction_decision: 'sanction_case',
  consent_form: 'youth_case',
  meeting_minutes: 'youth_meeting',
  register_extract: 'youth_subject',
  follow_up_report: 'follow_up',
};

/** What the record's lib tells the documents lib about one record, once it has let the principal through. */
export interface DocumentRecord {
  /** The organisation that issues the document: its name, contact and logo head every page. */
  organisationId: string;
  /** The record's own reference (its case number, e.g. UÄ-…, or the premises and date), printed on every page. */
  reference: string;
}

/**
 * A record type's rules for documents, given by the lib that owns the record (libs/inspections,
 * libs/youth, libs/promises): the record's own read and change rules, so documents never widen them.
 * Registered in the api (DocumentGates), like AttachmentGate.
 */
export interface DocumentGate {
  readonly recordType: DocumentRecordType;
  /** Who sees the record's issued documents: 404 for a record the principal may not see. */
  read(principal: Principal, recordId: string): Promise<DocumentRecord>;
  /**
   * Who may preview and issue `kind` from the record: 404 as read, 403 without the right to change
   * it, 409 (a ProblemException with its own code) when the record is not yet where the kind can be
   * issued (a decision letter before the decision). `kind` null: the right alone, for work on a
   * document already issued (recording when it was sent), whatever the record's state is now.
   */
  issue(principal: Principal, recordId: string, kind: DocumentKind | null): Promise<DocumentRecord>;
  /** Something was issued on the record, inside the transaction (a youth case counts retention from it). */
  issued?(manager: import('typeorm').EntityManager, recordId: string): Promise<void>;
}

/** What a template is told when it composes a document (in the worker, after the api let the request through). */
export interface ComposeContext {
  /** The day the document is dated, Swedish time (YYYY-MM-DD). */
  date: string;
  /** A preview: nothing is registered, and every page says UTKAST. */
  draft: boolean;
  /** The diarienummer it is issued under; null for a preview. */
  registrationNumber: string | null;
  /** The issuing organisation. */
  organisation: { id: string; name: string; contactPhone: string | null; contactEmail: string | null; contactUrl: string | null };
  /** The official who issues it (shown where the kind names its official). */
  issuedBy: { id: string; displayName: string };
  /** How far gathering has come, 0..1; rendering the pages follows it. Long templates call it between parts. */
  progress(fraction: number): Promise<void>;
}

/** A template's answer: the parts of one document; the letterhead, header, footer and page numbers are added around it. */
export interface ComposedDocument {
  /** The title on the first page and in the PDF's metadata, e.g. "Beslut om varning". */
  title: string;
  /** The recipient's address block, first line the name, for a letter; none for a form or a report. */
  recipient?: string[];
  /** The body, in pdfmake's content, built with document-blocks.ts so every kind looks alike. */
  body: Content[];
  /** Landscape for wide tables (a report of figures); portrait, as letters are, by default. */
  orientation?: 'portrait' | 'landscape';
}

/** One kind's template: composes the document of one record. Registered wherever documents are rendered (the worker). */
export interface DocumentTemplate {
  readonly kind: DocumentKind;
  compose(recordId: string, context: ComposeContext): Promise<ComposedDocument>;
}

/**
 * The gates (api) and templates (worker) of every record type and kind. A lib registers its own
 * when its module starts; the documents lib never imports the record libs (they import it), so the
 * lib graph has no cycle.
 */
@Injectable()
export class DocumentRegistry {
  private readonly gates = new Map<DocumentRecordType, DocumentGate>();
  private readonly templates = new Map<DocumentKind, DocumentTemplate>();

  registerGate(gate: DocumentGate): void {
    this.gates.set(gate.recordType, gate);
  }

  registerTemplate(template: DocumentTemplate): void {
    this.templates.set(template.kind, template);
  }

  gate(recordType: DocumentRecordType): DocumentGate {
    const gate = this.gates.get(recordType);
    // A programming error (a lib that did not register), not the caller's: a 500.
    if (!gate) throw new Error(`No document gate for ${recordType}`);
    return gate;
  }

  template(kind: DocumentKind): DocumentTemplate {
    const template = this.templates.get(kind);
    if (!template) throw new Error(`No document template for ${kind}`);
    return template;
  }
}
