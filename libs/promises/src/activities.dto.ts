import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsLatitude, IsLongitude, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { IsCalendarDate, PageQuery } from '@samverkan/platform';
import { ACTIVITY_KINDS, type ActivityKind } from './vocabulary.js';

export class ActivityInput {
  @ApiProperty({ example: '2021-05-12' })
  @IsCalendarDate()
  occurredOn!: string;

  @ApiPropertyOptional({ example: '19:30', description: 'Local start time of day (Europe/Stockholm), HH:MM' })
  @IsOptional()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/)
  startTime?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'One of the collaboration’s named places' })
  @IsOptional()
  @IsUUID()
  placeId?: string;

  @ApiPropertyOptional({ example: 'Bymiljövägen vid Rossgatan', description: 'Free text; older records have only this' })
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

export class UpdateActivityRequest extends ActivityInput {
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'Left out: the activity keeps its action; null: none' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  actionId?: string | null;
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
