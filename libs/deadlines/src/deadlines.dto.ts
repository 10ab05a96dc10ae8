import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsDateTime, NestedObject, PageQuery, QueryBoolean } from '@samverkan/platform';
import { ANCHORS, type Anchor, OFFSET_UNITS, type OffsetUnit, RECIPIENTS, type Recipient } from './reminder-rules.js';

/** A deadline is open until it is met or cancelled. */
export const DEADLINE_STATUSES = ['open', 'met', 'cancelled'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

export class DeadlineListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['mine', 'unit', 'all'], default: 'all', description: 'Mine, my units’, or both' })
  @IsOptional()
  @IsIn(['mine', 'unit', 'all'])
  scope?: 'mine' | 'unit' | 'all';

  @ApiPropertyOptional({ example: 'action_due' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  kind?: string;

  @ApiPropertyOptional({ enum: DEADLINE_STATUSES, enumName: 'DeadlineStatus' })
  @IsOptional()
  @IsIn(DEADLINE_STATUSES)
  status?: DeadlineStatus;

  @ApiPropertyOptional()
  @QueryBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateTime()
  dueBefore?: string;
}

export class ReminderRuleInput {
  @ApiProperty({ example: 'action_due' })
  @Matches(/^[a-z][a-z0-9_]{0,59}$/, { message: 'deadlineKind must be a snake_case name' })
  deadlineKind!: string;

  @ApiProperty({ example: 'before-7d' })
  @Matches(/^[a-z0-9-]{1,40}$/, { message: 'key must be lower-case letters, digits and dashes' })
  key!: string;

  @ApiProperty({ enum: ANCHORS, enumName: 'ReminderAnchor' })
  @IsIn(ANCHORS)
  anchor!: Anchor;

  @ApiProperty({ example: 7 })
  @IsInt()
  @Min(0)
  @Max(10_000)
  offsetValue!: number;

  @ApiProperty({ enum: OFFSET_UNITS, enumName: 'ReminderOffsetUnit' })
  @IsIn(OFFSET_UNITS)
  offsetUnit!: OffsetUnit;

  @ApiProperty({ enum: RECIPIENTS, enumName: 'ReminderRecipient' })
  @IsIn(RECIPIENTS)
  recipient!: Recipient;

  @ApiProperty()
  @IsBoolean()
  active!: boolean;
}

export class ReplaceRulesRequest {
  @ApiProperty({
    type: [ReminderRuleInput],
    description:
      'The full set of rules for the kinds named; kinds not named keep theirs. At least one rule: an empty list would name no kind and change nothing.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @NestedObject(() => ReminderRuleInput, { each: true })
  rules!: ReminderRuleInput[];
}

/** A reminder rule as stored: an offset before, at or after a deadline kind's due time, and who receives it. */
export class ReminderRule {
  @ApiProperty({ example: 'action_due' }) deadlineKind!: string;
  @ApiProperty({ example: 'before-7d' }) key!: string;
  @ApiProperty({ enum: ANCHORS, enumName: 'ReminderAnchor' }) anchor!: Anchor;
  @ApiProperty({ type: 'integer', example: 7 }) offsetValue!: number;
  @ApiProperty({ enum: OFFSET_UNITS, enumName: 'ReminderOffsetUnit' }) offsetUnit!: OffsetUnit;
  @ApiProperty({ enum: RECIPIENTS, enumName: 'ReminderRecipient' }) recipient!: Recipient;
  @ApiProperty() active!: boolean;
}

/** A deadline someone answers for (GET /deadlines). */
export class DeadlineView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'action_due' }) kind!: string;
  @ApiProperty({ example: 'action' }) resourceType!: string;
  @ApiProperty({ format: 'uuid' }) resourceId!: string;
  @ApiProperty({ description: 'No personal data: an action\'s title, "Yttrande från tillståndshavare", …' }) title!: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'When the deadline passes (for a date-only deadline: the midnight after its day)' })
  dueAt!: string;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'The last day, for a deadline "by the end of a day" (show it as a date); null when the deadline has a time',
  })
  dueOn!: string | null;
  @ApiProperty({ enum: DEADLINE_STATUSES, enumName: 'DeadlineStatus' }) status!: DeadlineStatus;
  @ApiProperty({ description: 'Open and past its due time' }) overdue!: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) responsibleUserId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) responsibleUnitId!: string | null;
  @ApiProperty({ format: 'uuid' }) responsibleOrganisationId!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '/promise/actions/0b4c…',
    description: 'The web page of the deadline’s subject, or null when the reader may not open it (libs/access record-pages.ts)',
  })
  link!: string | null;
}

/** Jobs of a queue by state. */
export class JobCountsView {
  @ApiProperty({ type: 'integer' }) waiting!: number;
  @ApiProperty({ type: 'integer' }) active!: number;
  @ApiProperty({ type: 'integer' }) delayed!: number;
  @ApiProperty({ type: 'integer' }) completed!: number;
  @ApiProperty({ type: 'integer' }) failed!: number;
}

export class QueueCountsView {
  @ApiProperty({ example: 'deadlines' }) name!: string;
  @ApiProperty({ type: () => JobCountsView }) counts!: JobCountsView;
}

/** An e-mail that could not be sent after its retries. */
export class FailedEmailView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The address' }) to!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ type: 'integer' }) attempts!: number;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

export class EmailHealthView {
  @ApiProperty({ type: 'integer' }) pending!: number;
  @ApiProperty({ type: 'integer' }) failed!: number;
  @ApiProperty({ type: 'integer' }) sent!: number;
  @ApiProperty({ type: [FailedEmailView], description: 'The latest 50 failures, newest first' }) recentFailures!: FailedEmailView[];
}

/** GET /admin/queues: job counts of the deadline and notification queues, and the e-mail outbox. */
export class QueueHealthView {
  @ApiProperty({ type: [QueueCountsView] }) queues!: QueueCountsView[];
  @ApiProperty({ type: () => EmailHealthView }) email!: EmailHealthView;
}
