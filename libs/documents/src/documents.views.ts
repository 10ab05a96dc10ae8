import { ApiProperty } from '@nestjs/swagger';
import { DOCUMENT_KINDS, DOCUMENT_RECORD_TYPES, type DocumentKind, type DocumentRecordType } from './document-template.js';

export const DOCUMENT_STATUSES = ['pending', 'ready', 'failed'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** A document issued from a record, or a preview of one; its PDF at GET /api/v1/documents/{id}/content once ready. */
export class DocumentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: DOCUMENT_KINDS, enumName: 'DocumentKind' }) kind!: DocumentKind;
  @ApiProperty({ enum: DOCUMENT_RECORD_TYPES, enumName: 'DocumentRecordType' }) recordType!: DocumentRecordType;
  @ApiProperty({ format: 'uuid' }) recordId!: string;
  @ApiProperty({ description: "The record's reference printed on every page (case number, premises and date, ...)" }) reference!: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'The version issued from the record (1, 2, ...); null for a preview' })
  version!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Diarienummer; null for a preview' }) registrationNumber!: string | null;
  @ApiProperty({ enum: DOCUMENT_STATUSES, enumName: 'DocumentStatus', description: 'pending while the worker renders it' }) status!: DocumentStatus;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100, description: 'How far rendering has come, in percent' }) progress!: number;
  @ApiProperty({ type: String, nullable: true, description: 'The title, once rendered' }) title!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) pageCount!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) byteSize!: number | null;
  @ApiProperty({ type: String, nullable: true }) requestedByName!: string | null;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it was sent to its recipient' }) sentAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) sentByName!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'A preview is removed after this' }) expiresAt!: string | null;
}
