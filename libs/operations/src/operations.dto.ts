import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsPositive,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsCalendarDate, IsDateTime, IsDecimal, NestedObject, PageQuery, QueryBoolean } from '@samverkan/platform';
import { OPERATION_STATUSES, type OperationStatus, SEIZURE_UNITS, type SeizureUnit, SUBSTANCE_KEYS, type Substance } from './operation-rules.js';

export class PlaceInput {
  @ApiProperty({ example: 'Skoghalls centrum, busstationen' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional() @IsOptional() @IsLatitude() latitude?: number;
  @ApiPropertyOptional() @IsOptional() @IsLongitude() longitude?: number;
}

export class ParticipantsInput {
  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Police officers taking part' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  userIds?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Police units taking part' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  unitIds?: string[];
}

/**
 * PUT /operations/{id}/participants: the whole new list, with If-Match. An empty list is refused
 * unless `removeAll: true` says so (issue #15), so a lost or truncated body never strips the
 * operation of everyone taking part.
 */
export class ReplaceParticipantsInput extends ParticipantsInput {
  @ApiPropertyOptional({
    description:
      'Send `true`, with no userIds or unitIds, to remove every participant. Without it an empty replacement is refused (400 replacement.empty); with items it is refused too.',
  })
  @IsOptional()
  @IsBoolean()
  removeAll?: boolean;
}

export class ProposeOperationInput extends ParticipantsInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  collaborationId!: string;

  @ApiProperty({ example: 'Insats mot langning i Skoghalls centrum' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: 'Skoghalls centrum' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  area!: string;

  @ApiPropertyOptional({ type: [PlaceInput] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @NestedObject(() => PlaceInput, { each: true })
  places?: PlaceInput[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Licensed premises concerned' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  premisesIds?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: 'The promise commitment the operation works toward' })
  @IsOptional()
  @IsUUID()
  commitmentId?: string;

  @ApiProperty({ example: '2022-05-20T20:00:00+02:00' })
  @IsDateTime()
  plannedStart!: string;

  @ApiProperty({ example: '2022-05-21T02:00:00+02:00' })
  @IsDateTime()
  plannedEnd!: string;

  @ApiProperty({ description: 'The intelligence basis; seen only by commanders, stored encrypted' })
  @IsString()
  @MinLength(10)
  @MaxLength(20_000)
  intelligence!: string;

  @ApiProperty({ example: 'UR-2022-0417', description: 'Reference in the intelligence register' })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  intelligenceReference!: string;
}

export class OperationTransitionInput {
  @ApiProperty({ enum: OPERATION_STATUSES, enumName: 'OperationStatus' })
  @IsIn(OPERATION_STATUSES)
  to!: OperationStatus;

  @ApiPropertyOptional({ description: 'Required to cancel' })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({ description: 'The commander’s conditions, with the decision' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  conditions?: string;
}

export class SeizureInput {
  @ApiProperty({ enum: SUBSTANCE_KEYS, enumName: 'Substance' })
  @IsIn(SUBSTANCE_KEYS)
  substance!: Substance;

  @ApiProperty({ example: 125.5 })
  @IsDecimal(3)
  @IsPositive()
  @Max(1_000_000_000)
  quantity!: number;

  @ApiProperty({ enum: SEIZURE_UNITS, enumName: 'SeizureUnit' })
  @IsIn(SEIZURE_UNITS)
  unit!: SeizureUnit;
}

const Count = () => (target: object, key: string | symbol) => {
  ApiProperty({ example: 0 })(target, key);
  IsInt()(target, key);
  Min(0)(target, key);
  Max(100_000)(target, key);
};

export class OutcomeInput {
  @ApiProperty({ type: [SeizureInput] })
  @IsArray()
  @ArrayMaxSize(100)
  @NestedObject(() => SeizureInput, { each: true })
  seizures!: SeizureInput[];

  @Count() arrests!: number;
  @Count() reportsFiled!: number;
  @Count() personsChecked!: number;
  @Count() placesChecked!: number;

  @ApiPropertyOptional({ description: 'After-action notes; police only' })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  notes?: string;
}

export class ReleaseInput {
  @ApiProperty({ example: 'Skoghall', description: 'The area in general terms: no addresses, no names' })
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  area!: string;

  @ApiPropertyOptional({ example: '2022-05-01', description: 'Default: the day the operation started' })
  @IsOptional()
  @IsCalendarDate()
  periodStart?: string;

  @ApiPropertyOptional({ example: '2022-05-31', description: 'Default: the day the operation ended' })
  @IsOptional()
  @IsCalendarDate()
  periodEnd?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A named place of the collaboration as the general area: the map draws a wide circle around it, nothing more of the operation',
  })
  @IsOptional()
  @IsUUID()
  placeId?: string;
}

export class ReferralInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  premisesId!: string;

  @ApiProperty({ example: '2022-05-20' })
  @IsCalendarDate()
  observedOn!: string;

  @ApiProperty({ example: 'Berusade gäster serverades; trängsel vid entrén efter kl. 01.', description: 'What was observed, in general terms' })
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  observation!: string;
}

export class AcknowledgeInput {
  @ApiPropertyOptional({ example: 'Tillsyn bokad till nästa fredag.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class OperationListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: OPERATION_STATUSES, enumName: 'OperationStatus' })
  @IsOptional()
  @IsIn(OPERATION_STATUSES)
  status?: OperationStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  collaborationId?: string;

  @ApiPropertyOptional({ example: 2026, description: 'Operations planned to start in this year (Swedish time)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class ColleagueQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'Berg', description: 'Part of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class PoliceUnitQuery extends PageQuery {}

export class OperationPremisesQuery extends PageQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  collaborationId!: string;
}

/** The filter of the summaries' totals: the list's filter without paging. */
export class SummaryTotalsQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  collaborationId?: string;

  @ApiPropertyOptional({ example: 2022, description: 'Summaries whose period touches this year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class SummaryListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  collaborationId?: string;

  @ApiPropertyOptional({ example: 2022, description: 'Summaries whose period touches this year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class ReferralListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only those not yet acknowledged' })
  @QueryBoolean()
  open?: boolean;
}
