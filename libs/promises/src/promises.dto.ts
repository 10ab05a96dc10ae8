import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsCalendarDate, IsDecimal, NestedObject, PageQuery, QueryBoolean } from '@samverkan/platform';
import {
  ACTIVITY_KINDS,
  type ActivityKind,
  PARTIES,
  type Party,
  PROMISE_STATUSES,
  type PromiseStatus,
  TARGET_PERIODS,
  type TargetPeriod,
} from './vocabulary.js';

/** Bounds of a commitment's or action's weight and a numeric target: generous, and within what the roll-up computes exactly. */
export const MAX_WEIGHT = 1000;
export const MAX_TARGET_VALUE = 1_000_000_000;

export class ProblemAreaInput {
  @ApiProperty({ example: 'Alkohol- och narkotikarelaterad brottslighet' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;
}

export class CreatePromiseRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  collaborationId!: string;

  @ApiProperty({ example: 'Medborgarlöfte Hammarö 2020–2022' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  summary?: string;

  @ApiProperty({ example: '2020-01-01' })
  @IsCalendarDate()
  periodStart!: string;

  @ApiProperty({ example: '2022-12-31' })
  @IsCalendarDate()
  periodEnd!: string;

  @ApiProperty({ type: [ProblemAreaInput], description: 'In priority order' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @NestedObject(() => ProblemAreaInput, { each: true })
  problemAreas!: ProblemAreaInput[];
}

/** Issue #20: the next promise, started from the current one (its problem areas and commitments copied). */
export class CreateSuccessorRequest {
  @ApiProperty({ example: 'Medborgarlöfte Hammarö 2023–2025' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  summary?: string;

  @ApiProperty({ example: '2023-01-01', description: 'After the current promise ends' })
  @IsCalendarDate()
  periodStart!: string;

  @ApiProperty({ example: '2025-12-31' })
  @IsCalendarDate()
  periodEnd!: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'The open actions to carry over (each continues as a new action of the next promise); all open actions when left out',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  carryActionIds?: string[];
}

export class UpdatePromiseRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  summary?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsCalendarDate()
  periodStart?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsCalendarDate()
  periodEnd?: string;

  @ApiPropertyOptional({ enum: PROMISE_STATUSES, enumName: 'PromiseStatus' })
  @IsOptional()
  @IsIn(PROMISE_STATUSES)
  status?: PromiseStatus;

  @ApiPropertyOptional({ description: 'Published promises are shown on the public page' })
  @IsOptional()
  @IsBoolean()
  published?: boolean;
}

export class PromiseListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  collaborationId?: string;

  @ApiPropertyOptional({ enum: PROMISE_STATUSES, enumName: 'PromiseStatus' })
  @IsOptional()
  @IsIn(PROMISE_STATUSES)
  status?: PromiseStatus;

  @ApiPropertyOptional()
  @QueryBoolean()
  published?: boolean;
}

export class TargetInput {
  @ApiProperty({ example: 10 })
  @IsDecimal(2)
  @IsPositive()
  @Max(MAX_TARGET_VALUE)
  value!: number;

  @ApiProperty({ example: 'hastighetskontroller' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  unit!: string;

  @ApiProperty({ enum: TARGET_PERIODS, enumName: 'TargetPeriod' })
  @IsIn(TARGET_PERIODS)
  period!: TargetPeriod;

  @ApiPropertyOptional({ description: 'Sum this activity metric; leave out to count activities', example: 'vehicles_checked' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]{0,62}$/, { message: 'metric must be a snake_case name' })
  metric?: string;
}

export class CreateCommitmentRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  problemAreaId!: string;

  @ApiProperty({ enum: PARTIES, enumName: 'PromiseParty' })
  @IsIn(PARTIES)
  party!: Party;

  @ApiProperty({ example: 'Genomföra fler hastighetskontroller, extra på Bymiljövägen' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  text!: string;

  @ApiPropertyOptional({ type: TargetInput })
  @IsOptional()
  @NestedObject(() => TargetInput)
  target?: TargetInput;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @IsDecimal(2)
  @IsPositive()
  @Max(MAX_WEIGHT)
  weight?: number;

  @ApiPropertyOptional({
    enum: ACTIVITY_KINDS,
    enumName: 'ActivityKind',
    nullable: true,
    description:
      'The kind of activity that counts towards it: one-tap recording offers it, and other modules report theirs (inspections, released operations) to the commitment of their kind',
  })
  @IsOptional()
  @IsIn(ACTIVITY_KINDS)
  activityKind?: ActivityKind | null;
}

export class UpdateCommitmentRequest {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  problemAreaId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  text?: string;

  @ApiPropertyOptional({ type: TargetInput, nullable: true, description: 'null removes the target' })
  @IsOptional()
  @NestedObject(() => TargetInput)
  target?: TargetInput | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsDecimal(2)
  @IsPositive()
  @Max(MAX_WEIGHT)
  weight?: number;

  @ApiPropertyOptional({
    enum: ACTIVITY_KINDS,
    enumName: 'ActivityKind',
    nullable: true,
    description:
      'null: none. The kind of activity that counts towards it: one-tap recording offers it, and other modules report theirs (inspections, released operations) to the commitment of their kind',
  })
  @IsOptional()
  @IsIn(ACTIVITY_KINDS)
  activityKind?: ActivityKind | null;
}

export class CommitmentListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PARTIES, enumName: 'PromiseParty' })
  @IsOptional()
  @IsIn(PARTIES)
  party?: Party;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  problemAreaId?: string;
}
