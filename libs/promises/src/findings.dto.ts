import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsLatitude, IsLongitude, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IsCalendarDate, PageQuery, QueryBoolean } from '@samverkan/platform';
import { FINDING_CATEGORIES, FINDING_STATUSES, type FindingCategory, type FindingStatus, PLACE_KINDS, type PlaceKind } from './vocabulary.js';

/** A named place of a collaboration: Bymiljövägen, Skoghalls båthamn, Hammarö skola. */
export class CreatePlaceRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  collaborationId!: string;

  @ApiProperty({ example: 'Skoghalls båthamn' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: PLACE_KINDS, enumName: 'PlaceKind' })
  @IsIn(PLACE_KINDS)
  kind!: PlaceKind;

  @ApiPropertyOptional({ example: 59.3337, description: 'WGS 84; give both latitude and longitude, or neither' })
  @IsOptional()
  @IsLatitude()
  latitude?: number;

  @ApiPropertyOptional({ example: 13.5211 })
  @IsOptional()
  @IsLongitude()
  longitude?: number;
}

export class UpdatePlaceRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: PLACE_KINDS, enumName: 'PlaceKind' })
  @IsOptional()
  @IsIn(PLACE_KINDS)
  kind?: PlaceKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsLatitude()
  latitude?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsLongitude()
  longitude?: number;
}

export class PlaceListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  collaborationId?: string;

  @ApiPropertyOptional({ enum: PLACE_KINDS, enumName: 'PlaceKind' })
  @IsOptional()
  @IsIn(PLACE_KINDS)
  kind?: PlaceKind;
}

export class CreateFindingRequest {
  @ApiProperty({ format: 'uuid', description: 'The promise under which the round or walk was done' })
  @IsUUID()
  promiseId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The round or walk (an activity of the promise) that found it' })
  @IsOptional()
  @IsUUID()
  activityId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A named place of the collaboration; or give latitude and longitude' })
  @IsOptional()
  @IsUUID()
  placeId?: string;

  @ApiPropertyOptional({ example: 59.3337 })
  @IsOptional()
  @IsLatitude()
  latitude?: number;

  @ApiPropertyOptional({ example: 13.5211 })
  @IsOptional()
  @IsLongitude()
  longitude?: number;

  @ApiProperty({ enum: FINDING_CATEGORIES, enumName: 'FindingCategory' })
  @IsIn(FINDING_CATEGORIES)
  category!: FindingCategory;

  @ApiProperty({ example: 'Tre gatlampor släckta längs gångvägen mot bryggorna' })
  @IsString()
  @MinLength(3)
  @MaxLength(5000)
  description!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A problem area of the promise' })
  @IsOptional()
  @IsUUID()
  problemAreaId?: string;

  @ApiProperty({ format: 'uuid', description: 'The party (police or municipality of the collaboration) that deals with it' })
  @IsUUID()
  responsibleOrganisationId!: string;

  @ApiProperty({ format: 'uuid', description: 'The unit of that organisation that deals with it' })
  @IsUUID()
  responsibleUnitId!: string;

  @ApiProperty({ example: '2022-06-30' })
  @IsCalendarDate()
  dueDate!: string;
}

/** PATCH /findings/{id}: the responsible unit's work on it (with If-Match). */
export class UpdateFindingRequest {
  @ApiPropertyOptional({ enum: FINDING_STATUSES, enumName: 'FindingStatus' })
  @IsOptional()
  @IsIn(FINDING_STATUSES)
  status?: FindingStatus;

  @ApiPropertyOptional({ description: 'What was done (done) or why not (rejected); required for those two' })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(5000)
  resolution?: string;

  @ApiPropertyOptional({ enum: FINDING_CATEGORIES, enumName: 'FindingCategory' })
  @IsOptional()
  @IsIn(FINDING_CATEGORIES)
  category?: FindingCategory;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsCalendarDate()
  dueDate?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Hand the finding to another unit of the police or the municipality of the collaboration (its due date follows)',
  })
  @IsOptional()
  @IsUUID()
  responsibleUnitId?: string;
}

export class ResponsibleUnitsQuery {
  @ApiProperty({ format: 'uuid', description: 'The promise whose parties’ units may be made responsible' })
  @IsUUID()
  promiseId!: string;
}

export class FindingListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  promiseId?: string;

  @ApiPropertyOptional({ enum: FINDING_STATUSES, enumName: 'FindingStatus' })
  @IsOptional()
  @IsIn(FINDING_STATUSES)
  status?: FindingStatus;

  @ApiPropertyOptional({ enum: FINDING_CATEGORIES, enumName: 'FindingCategory' })
  @IsOptional()
  @IsIn(FINDING_CATEGORIES)
  category?: FindingCategory;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  placeId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  activityId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A problem area of the promise' })
  @IsOptional()
  @IsUUID()
  problemAreaId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  responsibleUnitId?: string;

  @ApiPropertyOptional({ description: 'Open or in progress with the due date passed (Europe/Stockholm)' })
  @QueryBoolean()
  overdue?: boolean;
}
