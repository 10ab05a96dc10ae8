import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_OUTCOMES, type AuditOutcome } from './audit-event.js';

/** An event as stored and listed (GET /audit-events). */
export class AuditEventView {
  @ApiProperty({ description: 'Sequential id (a bigint, as text)' }) id!: string;
  @ApiProperty({ type: String, format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null for the system (jobs)' }) actorUserId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorUnitId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorOrganisationId!: string | null;
  @ApiProperty({ example: 'auth.login', description: '`<area>.<verb>`' }) action!: string;
  @ApiProperty({ type: String, nullable: true, example: 'user' }) resourceType!: string | null;
  @ApiProperty({ type: String, nullable: true }) resourceId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The organisation that owns the record acted on' })
  subjectOrganisationId!: string | null;
  @ApiProperty({ enum: AUDIT_OUTCOMES, enumName: 'AuditOutcome' }) outcome!: AuditOutcome;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty({ type: [String], nullable: true, description: 'Names (never values) of the fields an update changed' })
  changedFields!: string[] | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'Extra facts of the event; their keys depend on the action' })
  details!: Record<string, unknown> | null;
  @ApiProperty({ description: 'The event’s link in the hash chain' }) hash!: string;
}

/** Where the hash chain breaks: the event's own contents (altered), or its link to the event before. */
export const CHAIN_BREAK_KINDS = ['contents', 'link'] as const;
export type ChainBreakKind = (typeof CHAIN_BREAK_KINDS)[number];

/** The answer of GET /audit-events/verify. */
export class ChainVerification {
  @ApiProperty() valid!: boolean;
  @ApiProperty({ type: 'integer' }) checkedEvents!: number;
  @ApiPropertyOptional({ description: 'The first event whose hash or link does not match, if any' }) firstBrokenEventId?: string;
  @ApiPropertyOptional({ enum: CHAIN_BREAK_KINDS, enumName: 'ChainBreakKind' }) breakKind?: ChainBreakKind;
  @ApiPropertyOptional({ description: 'What does not match, in English' }) reason?: string;
}
