import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, PageQuery } from '@samverkan/platform';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { DECISIONS, type SanctionDecision } from './sanction-rules.js';

/** The decisions a sanction case can end in (AL 9 kap 17–18 §), as a named enum. */
const SANCTION_DECISION = { enum: DECISIONS, enumName: 'SanctionDecision' };

export class ProposeRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() licenceId!: string;
  @ApiProperty() @IsString() @MinLength(10) @MaxLength(10_000) grounds!: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true }) inspectionIds?: string[];
}

export class SanctionListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() licenceId?: string;
  @ApiPropertyOptional({ enum: ['open', 'decided'], description: 'open: not yet decided' }) @IsOptional() @IsIn(['open', 'decided']) state?: 'open' | 'decided';
}

export class HearingRequest {
  @ApiProperty({ example: '2022-07-04' }) @IsCalendarDate() heardOn!: string;
}

export class DecisionRequest {
  @ApiProperty(SANCTION_DECISION) @IsIn(DECISIONS) decision!: SanctionDecision;
  @ApiProperty() @IsString() @MinLength(10) @MaxLength(10_000) reasons!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2_000) appealInformation?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() decidedOn?: string;
}

// ---- answers ---------------------------------------------------------------------------------

/** A sanction case: proposed with its grounds, the holder heard (kommunicering), then decided. */
export class SanctionCaseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) licenceId!: string;
  @ApiProperty({ format: 'uuid' }) premisesId!: string;
  @ApiProperty() premisesName!: string;
  @ApiProperty() holderName!: string;
  @ApiProperty({ format: 'uuid' }) collaborationId!: string;
  @ApiProperty({ format: 'uuid' }) ownerOrganisationId!: string;
  @ApiProperty({ type: [String], format: 'uuid', description: 'The inspections the case rests on' }) inspectionIds!: string[];
  @ApiProperty() grounds!: string;
  @ApiProperty({ format: 'uuid' }) proposedBy!: string;
  @ApiProperty() proposedByName!: string;
  @ApiProperty({ type: String, format: 'date-time' }) proposedAt!: Date;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'When the holder was heard' }) heardOn!: string | null;
  @ApiProperty({ ...SANCTION_DECISION, nullable: true, description: 'Null while the case is open' }) decision!: SanctionDecision | null;
  @ApiProperty({ type: String, nullable: true }) decisionReasons!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'How to appeal, printed on the decision' }) appealInformation!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) decidedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedByName!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) decidedOn!: string | null;
  @ApiProperty({ type: 'integer', description: 'Send it back as If-Match' }) version!: number;
}
