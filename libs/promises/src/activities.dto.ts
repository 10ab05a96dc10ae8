import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsLatitude, IsLongitude, IsObject, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDate, PageQuery } from '@samverkan/platform';
import { ACTIVITY_KINDS, type ActivityKind } from './vocabulary.js';

export class ActivityInput {
  @ApiProperty({ example: '2021-05-12' })
  @IsCalendarDate()
  occurredOn!: string;

  @ApiPropertyOptional({ example: 'Bymiljövägen vid Rossgatan' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  place?: string;

  @ApiPropertyOptional({ example: 59.3337 })
  @IsOptional()
  @IsLatitude()
  latitude?: number;

  @ApiPropertyOptional({ example: 13.5201 })
  @IsOptional()
  @IsLongitude()
  longitude?: number;

  @ApiProperty({ enum: ACTIVITY_KINDS, enumName: 'ActivityKind' })
  @IsIn(ACTIVITY_KINDS)
  kind!: ActivityKind;

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  participatingOrganisationIds?: string[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 0 },
    example: { vehicles_checked: 142, speeding_offences: 9 },
    description: 'Named counts (snake_case names, non-negative integers)',
  })
  @IsOptional()
  @IsObject()
  metrics?: Record<string, number>;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string;
}

export class CreateActivityRequest extends ActivityInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  commitmentId!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  actionId?: string;
}

export class ActivityListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  promiseId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  commitmentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  actionId?: string;

  @ApiPropertyOptional({ enum: ACTIVITY_KINDS, enumName: 'ActivityKind' })
  @IsOptional()
  @IsIn(ACTIVITY_KINDS)
  kind?: ActivityKind;

  @ApiPropertyOptional({ example: '2021-01-01' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2021-12-31' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}
