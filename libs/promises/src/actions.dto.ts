import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsPositive, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsCalendarDate, IsDecimal, PageQuery, QueryBoolean } from '@samverkan/platform';
import { MAX_WEIGHT } from './promises.dto.js';
import { ACTION_STATUSES, type ActionStatus, PARTIES, type Party } from './vocabulary.js';

export class CreateActionRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  commitmentId!: string;

  @ApiProperty({ example: 'Hastighetskontroller på Bymiljövägen, vår' })
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  title!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  responsibleOrganisationId!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  responsibleUnitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  responsibleUserId?: string;

  @ApiPropertyOptional({ example: '2021-04-01' })
  @IsOptional()
  @IsCalendarDate()
  startDate?: string;

  @ApiProperty({ example: '2021-06-30' })
  @IsCalendarDate()
  dueDate!: string;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @IsDecimal(2)
  @IsPositive()
  @Max(MAX_WEIGHT)
  weight?: number;
}

export class UpdateActionRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  responsibleUnitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  responsibleUserId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsCalendarDate()
  startDate?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsCalendarDate()
  dueDate?: string;

  @ApiPropertyOptional({ enum: ACTION_STATUSES, enumName: 'ActionStatus' })
  @IsOptional()
  @IsIn(ACTION_STATUSES)
  status?: ActionStatus;

  @ApiPropertyOptional({ description: 'Required for blocked, cancelled, and for reopening a done or cancelled action' })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  statusReason?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  progress?: number;

  @ApiPropertyOptional({ description: 'A follow-up note kept in the action’s history' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  note?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsDecimal(2)
  @IsPositive()
  @Max(MAX_WEIGHT)
  weight?: number;
}

export class ActionListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  promiseId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  commitmentId?: string;

  @ApiPropertyOptional({ enum: ACTION_STATUSES, enumName: 'ActionStatus' })
  @IsOptional()
  @IsIn(ACTION_STATUSES)
  status?: ActionStatus;

  @ApiPropertyOptional({ description: 'Open actions whose due date has passed (Europe/Stockholm)' })
  @QueryBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'Only actions not yet done or cancelled' })
  @QueryBoolean()
  open?: boolean;

  @ApiPropertyOptional({ example: '2022-06-01', description: 'Due on or after this date' })
  @IsOptional()
  @IsCalendarDate()
  dueFrom?: string;

  @ApiPropertyOptional({ example: '2022-06-30', description: 'Due on or before this date' })
  @IsOptional()
  @IsCalendarDate()
  dueBefore?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  responsibleOrganisationId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  responsibleUnitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  responsibleUserId?: string;

  @ApiPropertyOptional({ enum: PARTIES, enumName: 'PromiseParty' })
  @IsOptional()
  @IsIn(PARTIES)
  party?: Party;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  problemAreaId?: string;
}

/** PUT /actions/{id}/responsible: hand the action to another person (a manager's work queue, #17). */
export class ReassignActionRequest {
  @ApiProperty({ format: 'uuid', description: 'The new responsible person: active, of the responsible organisation' })
  @IsUUID()
  responsibleUserId!: string;

  @ApiPropertyOptional({ description: 'Why, kept in the action’s history' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  note?: string;
}
