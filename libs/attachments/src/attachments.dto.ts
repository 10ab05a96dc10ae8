import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@samverkan/platform';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/**
 * The upload's own fields, in the query string (the body is the file): a query carries any UTF-8
 * name (å, ä, ö) where a header would not. The name is checked where the file is (attachment-type.ts).
 */
export class UploadAttachmentQuery {
  @ApiPropertyOptional({ description: 'The file name as the user knows it (no path parts, no control characters, at most 200 characters); required' })
  @IsOptional()
  @IsString()
  fileName?: string;

  @ApiPropertyOptional({ description: 'What the file is, e.g. "Undertecknat samtycke"', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({ description: 'Youth cases only, and required there: the information category (YouthInformationCategory)' })
  @IsOptional()
  @IsString()
  category?: string;
}

export class AttachmentListQuery extends PageQuery {}
