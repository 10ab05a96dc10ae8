import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery, QueryBoolean } from '@samverkan/platform';
import { IsIn } from 'class-validator';

/** E-mail: one per reminder, a morning digest, or none. */
export const EMAIL_MODES = ['immediate', 'digest', 'off'] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

export class NotificationQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only unread notifications' })
  @QueryBoolean()
  unread?: boolean;
}

export class PreferencesRequest {
  @ApiProperty({ enum: EMAIL_MODES, enumName: 'EmailMode', description: 'E-mail: one per reminder, a morning digest, or none' })
  @IsIn(EMAIL_MODES)
  emailMode!: EmailMode;
}

/** A notification in the user's inbox. */
export class NotificationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'reminder' }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The record it is about, if any' }) resourceType!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) resourceId!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '/youth-cases/0b4c…',
    description: 'The web page of the record it is about, or null when there is none or the reader may not open it (libs/access record-pages.ts)',
  })
  link!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Null while unread' }) readAt!: string | null;
}

export class UnreadCountView {
  @ApiProperty({ type: 'integer' }) unread!: number;
}

export class MarkedReadView {
  @ApiProperty({ type: 'integer', description: 'How many were unread and are now read' }) marked!: number;
}

export class NotificationPreferencesView {
  @ApiProperty({ enum: EMAIL_MODES, enumName: 'EmailMode' }) emailMode!: EmailMode;
}
