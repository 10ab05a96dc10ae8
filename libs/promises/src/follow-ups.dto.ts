import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ASSESSMENTS, type Assessment, DECISIONS, type Decision } from './vocabulary.js';
import { NestedObject } from '@samverkan/platform';

export class CreateFollowUpRequest {
  @ApiProperty({ example: 2021 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiPropertyOptional({ type: 'integer', enum: [1, 2], description: 'Half-year follow-up; leave out for the whole year' })
  @IsOptional()
  @IsIn([1, 2])
  half?: 1 | 2;
}

export class FollowUpItemInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  commitmentId!: string;

  @ApiPropertyOptional({ enum: ASSESSMENTS, enumName: 'FollowUpAssessment' })
  @IsOptional()
  @IsIn(ASSESSMENTS)
  assessment?: Assessment;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  narrative?: string;
}

export class UpdateFollowUpRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  conclusion?: string;

  @ApiPropertyOptional({ enum: DECISIONS, enumName: 'FollowUpDecision' })
  @IsOptional()
  @IsIn(DECISIONS)
  decision?: Decision;

  @ApiPropertyOptional({ type: [FollowUpItemInput] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @NestedObject(() => FollowUpItemInput, { each: true })
  items?: FollowUpItemInput[];
}

export class ReportQuery {
  @ApiProperty({ example: 2021 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiPropertyOptional({ enum: ['json', 'csv', 'html'], description: 'Overrides the Accept header (handy for links)' })
  @IsOptional()
  @IsIn(['json', 'csv', 'html'])
  format?: 'json' | 'csv' | 'html';
}
