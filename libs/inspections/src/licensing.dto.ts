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
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, PageQuery } from '@samverkan/platform';
import { AUDIENCES, DRINK_CATEGORIES, LICENCE_STATUSES, LICENCE_TYPES, PREMISES_KINDS } from './licence-rules.js';


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

  @ApiProperty({ enum: PREMISES_KINDS })
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

export class LicenceInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  holderId!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  premisesId!: string;

  @ApiProperty({ enum: LICENCE_TYPES })
  @IsIn(LICENCE_TYPES)
  type!: (typeof LICENCE_TYPES)[number];

  @ApiProperty({ enum: AUDIENCES })
  @IsIn(AUDIENCES)
  audience!: (typeof AUDIENCES)[number];

  @ApiProperty({ enum: DRINK_CATEGORIES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(DRINK_CATEGORIES, { each: true })
  drinkCategories!: (typeof DRINK_CATEGORIES)[number][];

  @ApiPropertyOptional({ example: { fri: { from: '11:00', to: '01:00' } }, description: 'Per weekday (mon…sun), HH:MM' })
  @IsOptional()
  @IsObject()
  servingHours?: Record<string, { from: string; to: string }>;

  @ApiPropertyOptional({ example: [{ name: 'Uteservering mot hamnen', kind: 'outdoor' }] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  servingAreas?: { name: string; kind: 'indoor' | 'outdoor' }[];

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
  @ValidateNested({ each: true })
  @Type(() => ServingManagerInput)
  servingManagers!: ServingManagerInput[];
}

/** What a change decision (ändringsbeslut) can alter on a granted licence. */
export class LicenceTermsInput extends PickType(LicenceInput, ['audience', 'drinkCategories', 'servingHours', 'servingAreas', 'conditions', 'validUntil'] as const) {}

export class LicenceStatusInput {
  @ApiProperty({ enum: LICENCE_STATUSES })
  @IsIn(LICENCE_STATUSES)
  status!: (typeof LICENCE_STATUSES)[number];
}

export class LicensingListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the name' })
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

  @ApiPropertyOptional({ enum: LICENCE_STATUSES })
  @IsOptional()
  @IsIn(LICENCE_STATUSES)
  status?: (typeof LICENCE_STATUSES)[number];
}

export class ServingManagersRequest {
  @ApiProperty({ type: [ServingManagerInput] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ServingManagerInput)
  servingManagers!: ServingManagerInput[];
}
