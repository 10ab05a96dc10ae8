import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery, QueryBoolean } from '@samverkan/platform';
import { DeadlineView } from './deadlines.dto.js';
import { WORK_QUEUE_STATES, type WorkQueueState } from './work-queue-rules.js';

/** GET /work-queue: the open deadlines of the units and organisation the reader leads. */
export class WorkQueueQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this person’s deadlines' })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @ApiPropertyOptional({ example: 'action_due', description: 'Only deadlines of this kind' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  kind?: string;

  @ApiPropertyOptional({ enum: WORK_QUEUE_STATES, enumName: 'WorkQueueState', description: 'Overdue, due within 14 days, or later' })
  @IsOptional()
  @IsIn(WORK_QUEUE_STATES)
  state?: WorkQueueState;

  @ApiPropertyOptional({ description: 'Only overdue and due within 14 days (the start page)' })
  @QueryBoolean()
  attention?: boolean;
}

/** A deadline in a work queue: who has it, how urgent it is, and whether the reader may hand it on. */
export class WorkQueueItemView extends DeadlineView {
  @ApiProperty({ enum: WORK_QUEUE_STATES, enumName: 'WorkQueueState' }) state!: WorkQueueState;
  @ApiProperty({ type: String, nullable: true, description: 'The responsible person’s name' }) responsibleUserName!: string | null;
  @ApiProperty({ type: String, nullable: true }) responsibleUnitName!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'action',
    description:
      'Where the responsible person can be changed, the record type whose own lib does it (action: PUT /actions/{id}/responsible); null when the reader may not or the kind cannot be reassigned',
  })
  reassignVia!: string | null;
}

/** Open deadlines by urgency. */
export class WorkQueueCounts {
  @ApiProperty({ type: 'integer' }) overdue!: number;
  @ApiProperty({ type: 'integer', description: 'Due within 14 days' }) dueSoon!: number;
  @ApiProperty({ type: 'integer', description: 'All open' }) open!: number;
}

export class WorkQueueKindCount extends WorkQueueCounts {
  @ApiProperty({ example: 'action_due' }) kind!: string;
}

export class WorkQueuePersonCount extends WorkQueueCounts {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null: deadlines with no responsible person (a unit’s or the organisation’s)' })
  userId!: string | null;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
}

/** GET /work-queue/summary: counts of the whole queue, per kind and per person. */
export class WorkQueueSummaryView {
  @ApiProperty({ type: () => WorkQueueCounts }) total!: WorkQueueCounts;
  @ApiProperty({ type: [WorkQueueKindCount] }) byKind!: WorkQueueKindCount[];
  @ApiProperty({ type: [WorkQueuePersonCount], description: 'At most 200 people, most overdue first' }) byPerson!: WorkQueuePersonCount[];
}

/** Someone in the reader's units or organisation, whom work can be handed to. */
export class StaffMemberView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ type: [String] }) unitNames!: string[];
}
