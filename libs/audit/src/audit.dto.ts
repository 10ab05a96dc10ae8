import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_AREAS, type AuditArea } from './audit-actions.js';
import { AUDIT_OUTCOMES, type AuditOutcome } from './audit-event.js';

/** Who acted, in words. */
export class AuditActorView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The user’s display name; null if the account no longer exists' }) name!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The unit the user acted for' }) unitName!: string | null;
}

/** The record acted on, in words. */
export class AuditResourceView {
  @ApiProperty({ example: 'youth_case' }) type!: string;
  @ApiProperty({ type: String, nullable: true }) id!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'The record’s human name (a youth case’s case number, a premises’ name, a user’s name, an action’s title); null when it is gone, has none, or is sealed from this reader',
  })
  label!: string | null;
  @ApiPropertyOptional({ description: 'The web client’s page of the record, when the reader may open it', example: '/youth-cases/…' }) link?: string;
}

/** A person the trail's filter offers (GET /audit-events/actors). */
export class AuditActorChoice {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() organisationName!: string;
}

/** One known action and its area (GET /audit-events/actions). */
export class AuditActionView {
  @ApiProperty({ example: 'youth_case.read' }) action!: string;
  @ApiProperty({ enum: AUDIT_AREAS, enumName: 'AuditArea' }) area!: AuditArea;
}

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
  @ApiProperty({ type: AuditActorView, nullable: true, description: 'Null for the system (jobs)' }) actor!: AuditActorView | null;
  @ApiProperty({ type: AuditResourceView, nullable: true, description: 'Null when the event names no record' }) resource!: AuditResourceView | null;
}

/** Where the hash chain breaks: the event's own contents (altered), its link to the event before, or an anchor sealed outside the database. */
export const CHAIN_BREAK_KINDS = ['contents', 'link', 'anchor'] as const;
export type ChainBreakKind = (typeof CHAIN_BREAK_KINDS)[number];

/**
 * The anchor head kept outside the database: it matches the table (`confirmed`), there are anchors
 * but no head (`missing`, e.g. Redis lost its data; the next anchor writes it again), Redis did not
 * answer (`unavailable`), nothing was anchored yet (`none`), or the head names an anchor the table
 * does not hold (`contradicted`: anchors or the whole trail were removed).
 */
export const ANCHOR_HEAD_STATES = ['confirmed', 'missing', 'unavailable', 'none', 'contradicted'] as const;
export type AnchorHeadState = (typeof ANCHOR_HEAD_STATES)[number];

/** The anchors' part of a verification. */
export class AnchorVerification {
  @ApiProperty({ type: 'integer' }) checkedAnchors!: number;
  @ApiProperty({ type: 'integer', description: 'Events after the newest anchor: protected by the chain alone until the next anchor' })
  unanchoredEvents!: number;
  @ApiProperty({ enum: ANCHOR_HEAD_STATES, enumName: 'AnchorHeadState' }) externalHead!: AnchorHeadState;
  @ApiPropertyOptional({ type: 'integer', description: 'The first anchor that does not match, if any' }) brokenAnchorSeq?: number;
  @ApiPropertyOptional({ description: 'The anchored event that no longer matches its anchor, if any' }) brokenEventId?: string;
  @ApiPropertyOptional({ description: 'What does not match, in English' }) reason?: string;
}

/** A full run checks the chain from its first event; an incremental run only the events after the newest completed run. */
export const VERIFICATION_KINDS = ['full', 'incremental'] as const;
export type VerificationKind = (typeof VERIFICATION_KINDS)[number];

/** A run waits for the worker (`queued`), checks page by page (`running`, resumed from its checkpoint after a stop) or is done (`completed`). */
export const VERIFICATION_STATUSES = ['queued', 'running', 'completed'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

/** One verification of the hash chain by the worker, as stored: how far it has come and, once completed, what it found. */
export class ChainVerificationRun {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: VERIFICATION_KINDS, enumName: 'VerificationKind' }) kind!: VerificationKind;
  @ApiProperty({ enum: VERIFICATION_STATUSES, enumName: 'VerificationStatus' }) status!: VerificationStatus;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Who asked for the run; null for a scheduled run' })
  requestedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the run last wrote its checkpoint (after each page)' })
  checkpointAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
  @ApiProperty({ description: 'The run checks the events after this one (a bigint as text; "0" from the first event)' }) fromEventId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The newest event when the run started: it checks up to this one; null until it starts' })
  untilEventId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The chain is verified from its first event through this one; null while nothing is' })
  throughEventId!: string | null;
  @ApiProperty({ type: 'integer', description: 'Events of the chain verified, from its first event through `throughEventId`' }) checkedEvents!: number;
  @ApiProperty({ type: 'integer', description: 'Events this run has checked so far' }) runEvents!: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Events this run is to check; null until it starts' }) totalEvents!: number | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Whether the chain and its anchors hold; null until the run completes' }) valid!: boolean | null;
  @ApiPropertyOptional({ description: 'The first event whose hash or link does not match, if any' }) firstBrokenEventId?: string;
  @ApiPropertyOptional({ enum: CHAIN_BREAK_KINDS, enumName: 'ChainBreakKind' }) breakKind?: ChainBreakKind;
  @ApiPropertyOptional({ description: 'What does not match, in English' }) reason?: string;
  @ApiPropertyOptional({ type: AnchorVerification, description: 'The seals of the chain kept outside the database, checked when the run completed' })
  anchors?: AnchorVerification;
}

/** The answer of GET /audit-events/verify: what is stored, at once; the worker does the checking (issue #19). */
export class ChainVerificationState {
  @ApiProperty({ type: ChainVerificationRun, nullable: true, description: 'The newest completed run: whether the chain held, through which event, and when' })
  lastRun!: ChainVerificationRun | null;
  @ApiProperty({ type: ChainVerificationRun, nullable: true, description: 'A run waiting or under way, with its progress; null when none is' })
  current!: ChainVerificationRun | null;
}
