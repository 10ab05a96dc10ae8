import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsCalendarDate, NestedObject, PageQuery } from '@samverkan/platform';
import {
  AUDIENCES,
  DRINK_CATEGORIES,
  LICENCE_DECISION_KINDS,
  LICENCE_STATUSES,
  LICENCE_TERMS,
  LICENCE_TYPES,
  PREMISES_KINDS,
  SERVING_AREA_KINDS,
  TIP_SOURCES,
  type TipSource,
} from './licence-rules.js';
import { RESTAURANT_REPORT_STATUSES, type RestaurantReportStatus } from './restaurant-report-rules.js';
import { PremisesRiskFactorView } from '../supervision/supervision.dto.js';

/** The named enums of the register (the web client takes their values from the schema). */
const PREMISES_KIND = { enum: PREMISES_KINDS, enumName: 'PremisesKind' };
const LICENCE_TYPE = { enum: LICENCE_TYPES, enumName: 'LicenceType' };
const AUDIENCE = { enum: AUDIENCES, enumName: 'LicenceAudience' };
const DRINK_CATEGORY = { enum: DRINK_CATEGORIES, enumName: 'DrinkCategory' };
const LICENCE_STATUS = { enum: LICENCE_STATUSES, enumName: 'LicenceStatus' };
const SERVING_AREA_KIND = { enum: SERVING_AREA_KINDS, enumName: 'ServingAreaKind' };
const LICENCE_DECISION_KIND = { enum: LICENCE_DECISION_KINDS, enumName: 'LicenceDecisionKind' };
const LICENCE_TERM = { enum: LICENCE_TERMS, enumName: 'LicenceTerm' };
const RESTAURANT_REPORT_STATUS = { enum: RESTAURANT_REPORT_STATUSES, enumName: 'RestaurantReportStatus' };

export class HolderInput {
  @ApiProperty({ example: 'Skoghalls Krog AB' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: '556016-0680' })
  @IsString()
  @MaxLength(11)
  orgNumber!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  contactName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  contactEmail?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[+\d][\d\s-]{5,20}$/, { message: 'contactPhone must be a phone number' })
  contactPhone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;
}

export class PremisesInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  collaborationId!: string;

  @ApiProperty({ example: 'Skoghalls Krog' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @ApiProperty(PREMISES_KIND)
  @IsIn(PREMISES_KINDS)
  kind!: (typeof PREMISES_KINDS)[number];

  @ApiProperty({ example: 'Skoghallsvägen 12' })
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  address!: string;

  @ApiPropertyOptional({ example: '663 30' })
  @IsOptional()
  @Matches(/^\d{3} ?\d{2}$/, { message: 'postalCode must be a Swedish postal code (NNN NN)' })
  postalCode?: string;

  @ApiPropertyOptional({ example: 'Skoghall' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  city?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsLatitude()
  latitude?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsLongitude()
  longitude?: number;

  @ApiPropertyOptional({ example: 120 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  capacity?: number;

  @ApiProperty()
  @IsBoolean()
  hasOwnKitchen!: boolean;
}

export class ServingManagerInput {
  @ApiProperty({ example: 'Lisa Andersson' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: '1988-04-12' })
  @IsCalendarDate()
  birthDate!: string;

  @ApiProperty({ example: '2021-05-03', description: 'The day the municipality was notified' })
  @IsCalendarDate()
  notifiedOn!: string;
}

/** Serving hours of one day; a time past midnight belongs to the evening before. */
export class ServingSpan {
  @ApiProperty({ example: '11:00', description: 'HH:MM' }) from!: string;
  @ApiProperty({ example: '01:00', description: 'HH:MM' }) to!: string;
}

/** A licence's serving hours by weekday; a day without hours has no serving. */
export class WeeklyServingHours {
  @ApiPropertyOptional({ type: () => ServingSpan }) mon?: ServingSpan;
  @ApiPropertyOptional({ type: () => ServingSpan }) tue?: ServingSpan;
  @ApiPropertyOptional({ type: () => ServingSpan }) wed?: ServingSpan;
  @ApiPropertyOptional({ type: () => ServingSpan }) thu?: ServingSpan;
  @ApiPropertyOptional({ type: () => ServingSpan }) fri?: ServingSpan;
  @ApiPropertyOptional({ type: () => ServingSpan }) sat?: ServingSpan;
  @ApiPropertyOptional({ type: () => ServingSpan }) sun?: ServingSpan;
}

/** A serving area of the licence (in a request and in the licence as the api shows it). */
export class ServingArea {
  @ApiProperty({ example: 'Uteservering mot hamnen' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty(SERVING_AREA_KIND)
  @IsIn(SERVING_AREA_KINDS)
  kind!: (typeof SERVING_AREA_KINDS)[number];
}

export class LicenceInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  holderId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  premisesId!: string;

  @ApiProperty(LICENCE_TYPE)
  @IsIn(LICENCE_TYPES)
  type!: (typeof LICENCE_TYPES)[number];

  @ApiProperty(AUDIENCE)
  @IsIn(AUDIENCES)
  audience!: (typeof AUDIENCES)[number];

  @ApiProperty({ ...DRINK_CATEGORY, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(DRINK_CATEGORIES, { each: true })
  drinkCategories!: (typeof DRINK_CATEGORIES)[number][];

  @ApiPropertyOptional({ type: () => WeeklyServingHours, example: { fri: { from: '11:00', to: '01:00' } }, description: 'Per weekday (mon…sun), HH:MM' })
  @IsOptional()
  @IsObject()
  servingHours?: Record<string, { from: string; to: string }>;

  @ApiPropertyOptional({ type: () => [ServingArea], example: [{ name: 'Uteservering mot hamnen', kind: 'outdoor' }] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @NestedObject(() => ServingArea, { each: true })
  servingAreas?: ServingArea[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  conditions?: string;

  @ApiProperty({ example: '2020-04-01' })
  @IsCalendarDate()
  validFrom!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsCalendarDate()
  validUntil?: string;

  @ApiProperty({ type: [ServingManagerInput] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @NestedObject(() => ServingManagerInput, { each: true })
  servingManagers!: ServingManagerInput[];
}

/** What a change decision (ändringsbeslut) can alter on a granted licence. */
export class LicenceTermsInput extends PickType(LicenceInput, [
  'audience',
  'drinkCategories',
  'servingHours',
  'servingAreas',
  'conditions',
  'validUntil',
] as const) {
  @ApiPropertyOptional({ description: "The decision's reasons, kept in the licence's history" })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class LicenceStatusInput {
  @ApiProperty(LICENCE_STATUS)
  @IsIn(LICENCE_STATUSES)
  status!: (typeof LICENCE_STATUSES)[number];

  @ApiPropertyOptional({ description: "The decision's reasons, kept in the licence's history" })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class LicensingListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the name; for licence holders also the start of the organisation number' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  premisesId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  holderId?: string;

  @ApiPropertyOptional(LICENCE_STATUS)
  @IsOptional()
  @IsIn(LICENCE_STATUSES)
  status?: (typeof LICENCE_STATUSES)[number];
}

export class ServingManagersRequest {
  @ApiProperty({ type: [ServingManagerInput] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @NestedObject(() => ServingManagerInput, { each: true })
  servingManagers!: ServingManagerInput[];
}

/** A tip or complaint about premises. */
export class TipRequest {
  @ApiProperty({ example: '2022-05-14' }) @IsCalendarDate() receivedOn!: string;
  @ApiProperty({ enum: TIP_SOURCES }) @IsIn(TIP_SOURCES) source!: TipSource;
  @ApiProperty() @IsString() @MinLength(5) @MaxLength(2000) summary!: string;
}

/** Opens a year's restaurant reports in a collaboration. */
export class OpenReportsRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() collaborationId!: string;
  @ApiProperty({ example: 2022 }) @IsInt() @Min(2000) @Max(2100) year!: number;
}

/** The restaurant reports of a year (AL 9 kap 7 §), in the caller's scope. */
export class RestaurantReportsQuery extends PageQuery {
  @ApiProperty({ example: 2025, description: 'The year reported on (due 1 March the year after)' })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the licences of this collaboration' })
  @IsOptional()
  @IsUUID()
  collaborationId?: string;
}

/** The year of the restaurant reports' summary. */
export class RestaurantReportsSummaryQuery extends PickType(RestaurantReportsQuery, ['year', 'collaborationId'] as const) {}

/** A restaurant report's sales figures. */
export class SubmitReportRequest {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'Litres sold in the year: spirits_litres, wine_litres, strong_beer_litres, other_fermented_litres (each ≥ 0; one left out is not reported)',
    example: { spirits_litres: 420, wine_litres: 1800, strong_beer_litres: 6500, other_fermented_litres: 300 },
  })
  @IsObject()
  figures!: Record<string, number>;
}

// ---- answers ---------------------------------------------------------------------------------

/** A licence holder (tillståndshavare); contact fields are empty strings when unknown. */
export class LicenceHolderView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) ownerOrganisationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '556016-0680' }) orgNumber!: string;
  @ApiProperty() contactName!: string;
  @ApiProperty() contactEmail!: string;
  @ApiProperty() contactPhone!: string;
  @ApiProperty() address!: string;
  @ApiProperty({ type: 'integer', description: 'Send it back as If-Match' }) version!: number;
}

/** A licence as the premises list shows it. */
export class LicenceSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() holderName!: string;
  @ApiProperty(LICENCE_TYPE) type!: (typeof LICENCE_TYPES)[number];
  @ApiProperty(AUDIENCE) audience!: (typeof AUDIENCES)[number];
  @ApiProperty(LICENCE_STATUS) status!: (typeof LICENCE_STATUSES)[number];
  @ApiProperty({ type: String, format: 'date', nullable: true }) validUntil!: string | null;
}

/** The risk score of the premises in the latest supervision plan, with the factors behind it. */
export class PremisesRiskView {
  @ApiProperty({ type: 'integer', description: "The plan's year" }) year!: number;
  @ApiProperty({ type: 'integer' }) score!: number;
  @ApiProperty({ type: () => [PremisesRiskFactorView] }) factors!: PremisesRiskFactorView[];
}

/** Licensed premises (serveringsställe) with their licences, risk and when the next visit is due. */
export class PremisesView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) collaborationId!: string;
  @ApiProperty({ format: 'uuid' }) ownerOrganisationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty(PREMISES_KIND) kind!: (typeof PREMISES_KINDS)[number];
  @ApiProperty() address!: string;
  @ApiProperty({ description: 'Empty when unknown' }) postalCode!: string;
  @ApiProperty({ description: 'Empty when unknown' }) city!: string;
  @ApiProperty({ type: Number, nullable: true }) latitude!: number | null;
  @ApiProperty({ type: Number, nullable: true }) longitude!: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) capacity!: number | null;
  @ApiProperty() hasOwnKitchen!: boolean;
  @ApiProperty({ type: 'integer', description: 'Send it back as If-Match' }) version!: number;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'The scheduled day of the last visit carried out' }) lastVisitScheduledOn!:
    string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Visits a year in the latest supervision plan' }) plannedVisitsPerYear!: number | null;
  @ApiProperty({ type: () => PremisesRiskView, nullable: true, description: 'None before the premises are in a supervision plan' })
  risk!: PremisesRiskView | null;
  @ApiProperty({ type: () => [LicenceSummaryView] }) licences!: LicenceSummaryView[];
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Null when never visited: due now' }) nextVisitDueOn!: string | null;
}

export class ServingManagerView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, format: 'date' }) birthDate!: string;
  @ApiProperty({ type: String, format: 'date', description: 'The day the municipality was notified' }) notifiedOn!: string;
}

/** A serving licence (serveringstillstånd) with its terms and serving managers. */
export class LicenceView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) holderId!: string;
  @ApiProperty() holderName!: string;
  @ApiProperty({ format: 'uuid' }) premisesId!: string;
  @ApiProperty() premisesName!: string;
  @ApiProperty({ format: 'uuid' }) collaborationId!: string;
  @ApiProperty({ format: 'uuid' }) ownerOrganisationId!: string;
  @ApiProperty(LICENCE_TYPE) type!: (typeof LICENCE_TYPES)[number];
  @ApiProperty(AUDIENCE) audience!: (typeof AUDIENCES)[number];
  @ApiProperty({ ...DRINK_CATEGORY, isArray: true }) drinkCategories!: (typeof DRINK_CATEGORIES)[number][];
  @ApiProperty({ type: () => WeeklyServingHours }) servingHours!: WeeklyServingHours;
  @ApiProperty({ type: () => [ServingArea] }) servingAreas!: ServingArea[];
  @ApiProperty({ description: 'Empty when none' }) conditions!: string;
  @ApiProperty({ type: String, format: 'date' }) validFrom!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Null: until further notice' }) validUntil!: string | null;
  @ApiProperty(LICENCE_STATUS) status!: (typeof LICENCE_STATUSES)[number];
  @ApiProperty({ type: 'integer', description: 'Send it back as If-Match' }) version!: number;
  @ApiProperty({ type: () => [ServingManagerView] }) servingManagers!: ServingManagerView[];
}

/** A tip or complaint about premises, recorded. */
export class PremisesTipView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt!: string;
}

/** How many restaurant reports were opened for the year (those already open are not counted). */
export class RestaurantReportsOpenedView {
  @ApiProperty({ type: 'integer' }) opened!: number;
}

/** Litres sold in the year, by drink category (each null when not reported). */
export class RestaurantReportFiguresView {
  @ApiProperty({ type: Number, nullable: true }) spirits_litres!: number | null;
  @ApiProperty({ type: Number, nullable: true }) wine_litres!: number | null;
  @ApiProperty({ type: Number, nullable: true }) strong_beer_litres!: number | null;
  @ApiProperty({ type: Number, nullable: true }) other_fermented_litres!: number | null;
}

/** A licence that reports for the year, and where its report stands. */
export class RestaurantReportRowView {
  @ApiProperty({ format: 'uuid' }) licenceId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null until the year is opened' }) reportId!: string | null;
  @ApiProperty({ format: 'uuid' }) premisesId!: string;
  @ApiProperty() premisesName!: string;
  @ApiProperty({ format: 'uuid' }) holderId!: string;
  @ApiProperty() holderName!: string;
  @ApiProperty(RESTAURANT_REPORT_STATUS) status!: RestaurantReportStatus;
  @ApiProperty({ type: String, format: 'date', description: '1 March the year after' }) dueOn!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) submittedOn!: string | null;
  @ApiProperty({ type: () => RestaurantReportFiguresView }) figures!: RestaurantReportFiguresView;
}

/** The year's restaurant reports in figures: who has and has not reported, and the totals reported. */
export class RestaurantReportsSummaryView {
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ type: String, format: 'date' }) dueOn!: string;
  @ApiProperty({ type: 'integer', description: 'Licences that report for the year' }) required!: number;
  @ApiProperty({ type: 'integer' }) submitted!: number;
  @ApiProperty({ type: 'integer', description: 'Not submitted (not opened, open or late)' }) notSubmitted!: number;
  @ApiProperty({ type: 'integer', description: 'Licences whose report for the year is not opened yet' }) notOpened!: number;
  @ApiProperty({ type: 'integer', description: 'Open reports past their due day' }) late!: number;
  @ApiProperty({ type: () => RestaurantReportFiguresView, description: 'Sums over the submitted reports' }) totals!: RestaurantReportFiguresView;
}

/** One decision in a licence's history. */
export class LicenceDecisionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty(LICENCE_DECISION_KIND) kind!: (typeof LICENCE_DECISION_KINDS)[number];
  @ApiProperty({ type: String, format: 'date' }) decidedOn!: string;
  @ApiProperty({ description: 'Empty when none was given' }) reason!: string;
  @ApiProperty({ ...LICENCE_TERM, isArray: true, description: 'The terms a change decision altered' }) changedFields!: (typeof LICENCE_TERMS)[number][];
  @ApiProperty({ type: String, nullable: true, description: 'Null for decisions from before the history was kept' }) decidedByName!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The sanction case of a revocation' }) sanctionCaseId!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt!: string;
}

export class RestaurantReportSubmittedView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'date' }) submittedOn!: string;
}
