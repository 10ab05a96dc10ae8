import { ApiProperty } from '@nestjs/swagger';
import { IsDateTime, PageQuery } from '@samverkan/platform';
import { IsIn, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { DOCUMENT_KINDS, DOCUMENT_RECORD_TYPES, type DocumentKind, type DocumentRecordType } from './document-template.js';

const KIND = { enum: DOCUMENT_KINDS, enumName: 'DocumentKind' };
const RECORD_TYPE = { enum: DOCUMENT_RECORD_TYPES, enumName: 'DocumentRecordType' };

/** A preview of a document: the record and the kind. */
export class PreviewDocumentRequest {
  @ApiProperty(KIND) @IsIn(DOCUMENT_KINDS) kind!: DocumentKind;
  @ApiProperty(RECORD_TYPE) @IsIn(DOCUMENT_RECORD_TYPES) recordType!: DocumentRecordType;
  @ApiProperty({ format: 'uuid' }) @IsUUID() recordId!: string;
}

/**
 * Issuing a document: as a preview, plus the registration number (diarienummer) the organisation's
 * registry gave it, printed on every page. Letters, digits, spaces and . / : - only: it is a
 * reference, and it becomes part of a file name.
 */
export class IssueDocumentRequest extends PreviewDocumentRequest {
  @ApiProperty({ example: 'SN 2026/142', description: 'Diarienummer, 1–60 characters: letters, digits, spaces and . / : -' })
  @IsString()
  @MaxLength(60)
  @Matches(/^[\p{L}\p{N}][\p{L}\p{N} ./:-]*$/u, { message: 'registrationNumber must be letters, digits, spaces and . / : - (e.g. SN 2026/142)' })
  registrationNumber!: string;
}

/** When the issued document was sent to its recipient (by post, e-mail or handed over). */
export class DocumentSentRequest {
  @ApiProperty({ format: 'date-time', example: '2026-11-30T14:05:00+01:00' }) @IsDateTime() sentAt!: string;
}

/** The issued documents of one record. */
export class DocumentListQuery extends PageQuery {
  @ApiProperty(RECORD_TYPE) @IsIn(DOCUMENT_RECORD_TYPES) recordType!: DocumentRecordType;
  @ApiProperty({ format: 'uuid' }) @IsUUID() recordId!: string;
}
