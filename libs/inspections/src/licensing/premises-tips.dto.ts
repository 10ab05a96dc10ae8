import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery, QueryBoolean } from '@samverkan/platform';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { TIP_SOURCES, type TipSource } from './licence-rules.js';
import { TIP_ORIGINS, type TipOrigin } from './tip-rules.js';

const TIP_SOURCE = { enum: TIP_SOURCES, enumName: 'TipSource' };
const TIP_ORIGIN = { enum: TIP_ORIGINS, enumName: 'TipOrigin' };

/** The licensing officers' list of tips about their premises. */
export class TipListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the tips about these premises' }) @IsOptional() @IsUUID() premisesId?: string;
  @ApiPropertyOptional({ description: 'Only those not yet acknowledged' }) @QueryBoolean() open?: boolean;
  @ApiPropertyOptional({ ...TIP_ORIGIN, description: 'direct: recorded on the premises; referral: recorded with a police referral (acknowledged there)' })
  @IsOptional()
  @IsIn(TIP_ORIGINS)
  origin?: TipOrigin;
}

export class TipAcknowledgeRequest {
  @ApiPropertyOptional({ description: 'What was done: inspection booked, or why none is needed' }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

/** An inspection booked from a tip. */
export class TipInspectionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'date-time' }) plannedStart!: string;
}

/** A tip or complaint about premises with its full text, as licensing reads it. */
export class PremisesTipDetailView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) premisesId!: string;
  @ApiProperty() premisesName!: string;
  @ApiProperty({ type: String, format: 'date' }) receivedOn!: string;
  @ApiProperty(TIP_SOURCE) source!: TipSource;
  @ApiProperty(TIP_ORIGIN) origin!: TipOrigin;
  @ApiProperty({ description: 'What the tip says' }) summary!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The organisation of whoever recorded it' }) recordedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ description: 'Received within the last year: it counts in the premises’ risk score (the risk model’s tips factor)' })
  countsInRisk!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acknowledgedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) acknowledgedByName!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Licensing’s note when acknowledging' }) acknowledgement!: string | null;
  @ApiProperty({ type: [TipInspectionView], description: 'Inspections booked from this tip' }) inspections!: TipInspectionView[];
}
