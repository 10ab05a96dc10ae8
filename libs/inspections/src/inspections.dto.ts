import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { PageQuery } from '@samverkan/platform';
import { FINDING_RESULTS, type FindingResult, INSPECTION_STATUSES, INSPECTION_TYPES, type InspectionStatus, type InspectionType } from './checklist.js';

export class ScheduleInspectionRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  premisesId!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  licenceId?: string;

  @ApiProperty({ enum: INSPECTION_TYPES })
  @IsIn(INSPECTION_TYPES)
  type!: InspectionType;

  @ApiProperty({ example: '2022-06-17T21:00:00+02:00' })
  @IsISO8601({ strict: true })
  plannedStart!: string;

  @ApiProperty({ example: '2022-06-17T23:30:00+02:00' })
  @IsISO8601({ strict: true })
  plannedEnd!: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Municipal and police inspectors' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  inspectorIds!: string[];
}

export class TransitionRequest {
  @ApiProperty({ enum: INSPECTION_STATUSES })
  @IsIn(INSPECTION_STATUSES)
  to!: InspectionStatus;

  @ApiPropertyOptional({ description: 'Required to cancel' })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason?: string;
}

export class FindingInput {
  @ApiProperty({ example: 'age_checks' })
  @IsString()
  @MaxLength(60)
  itemKey!: string;

  @ApiProperty({ enum: FINDING_RESULTS })
  @IsIn(FINDING_RESULTS)
  result!: FindingResult;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string;
}

export class FindingsRequest {
  @ApiProperty({ type: [FindingInput] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => FindingInput)
  findings!: FindingInput[];
}

export class InspectionListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  inspectorId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  premisesId?: string;

  @ApiPropertyOptional({ enum: INSPECTION_STATUSES })
  @IsOptional()
  @IsIn(INSPECTION_STATUSES)
  status?: InspectionStatus;

  @ApiPropertyOptional({ enum: INSPECTION_TYPES })
  @IsOptional()
  @IsIn(INSPECTION_TYPES)
  type?: InspectionType;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class InspectorsQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  collaborationId!: string;
}
