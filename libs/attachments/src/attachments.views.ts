import { ApiProperty } from '@nestjs/swagger';
import { ATTACHMENT_TYPES, type AttachmentType } from '@samverkan/platform';
import { ATTACHMENT_RECORD_TYPES, type AttachmentRecordType } from './attachment-gates.js';

/** A file attached to a record; its bytes at GET /api/v1/attachments/{id}/content. */
export class AttachmentView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ATTACHMENT_RECORD_TYPES, enumName: 'AttachmentRecordType' })
  recordType!: AttachmentRecordType;

  @ApiProperty({ format: 'uuid' })
  recordId!: string;

  @ApiProperty({ description: 'The file name as given at upload' })
  fileName!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Youth cases only: the information category (YouthInformationCategory) that decides who sees the file',
  })
  category!: string | null;

  @ApiProperty({ enum: ATTACHMENT_TYPES, enumName: 'AttachmentContentType', description: 'Known from the bytes' })
  contentType!: AttachmentType;

  @ApiProperty({ type: 'integer' })
  byteSize!: number;

  @ApiProperty({ description: 'SHA-256 of the bytes, hex' })
  sha256!: string;

  @ApiProperty({ type: String, nullable: true })
  uploadedByName!: string | null;

  @ApiProperty({ format: 'date-time' })
  uploadedAt!: Date;
}
