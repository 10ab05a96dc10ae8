import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, PageQuery } from '@samverkan/platform';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import {
  CONSIDERED_SANCTIONS,
  type ConsideredSanction,
  DECISIONS,
  HEARING_RESPONSE_DAYS,
  SANCTION_STAGES,
  type SanctionDecision,
  type SanctionStage,
} from './sanction-rules.js';

/** The decisions a sanction case can end in (AL 9 kap 17–18 §), as a named enum. */
const SANCTION_DECISION = { enum: DECISIONS, enumName: 'SanctionDecision' };
const SANCTION_STAGE = { enum: SANCTION_STAGES, enumName: 'SanctionStage' };
const CONSIDERED_SANCTION = {
  enum: CONSIDERED_SANCTIONS,
  enumName: 'ConsideredSanction',
  description: 'The sanction the case considers, which the hearing letter names (FL 25 §); the decision may be no harsher',
};

export class ProposeRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() licenceId!: string;
  @ApiProperty() @IsString() @MinLength(10) @MaxLength(10_000) grounds!: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true }) inspectionIds?: string[];
  @ApiPropertyOptional(CONSIDERED_SANCTION) @IsOptional() @IsIn(CONSIDERED_SANCTIONS) consideredSanction?: ConsideredSanction;
}

/** PUT /sanction-cases/{id}/considered-sanction: named or changed before the hearing is sent. */
export class ConsideredSanctionRequest {
  @ApiProperty(CONSIDERED_SANCTION) @IsIn(CONSIDERED_SANCTIONS) consideredSanction!: ConsideredSanction;
}

export class SanctionListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() licenceId?: string;
  @ApiPropertyOptional({ enum: ['open', 'decided'], description: 'open: not yet decided' }) @IsOptional() @IsIn(['open', 'decided']) state?: 'open' | 'decided';
}

/** The hearing (kommunicering, FL 25 §) sent to the holder, with the day their answer is due. */
export class HearingRequest {
  @ApiProperty({ example: '2022-07-04', description: 'The day the material was sent to the holder' }) @IsCalendarDate() heardOn!: string;
  @ApiPropertyOptional({ example: '2022-07-18', description: `The last day to answer; default ${HEARING_RESPONSE_DAYS} days after heardOn` })
  @IsOptional()
  @IsCalendarDate()
  responseDueOn?: string;
}

/** The holder's answer to the hearing. */
export class HearingResponseRequest {
  @ApiProperty({ example: '2022-07-12' }) @IsCalendarDate() receivedOn!: string;
  @ApiProperty({ description: 'What the holder answered (or a summary of it)' }) @IsString() @MinLength(2) @MaxLength(10_000) response!: string;
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
  @ApiProperty({ ...CONSIDERED_SANCTION, nullable: true, description: `${CONSIDERED_SANCTION.description}; null: none named yet` })
  consideredSanction!: ConsideredSanction | null;
  @ApiProperty({ format: 'uuid' }) proposedBy!: string;
  @ApiProperty() proposedByName!: string;
  @ApiProperty({ type: String, format: 'date-time' }) proposedAt!: Date;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'When the hearing (kommunicering) was sent to the holder' }) heardOn!:
    string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'The last day for the holder to answer the hearing' }) responseDueOn!:
    string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'When the holder’s answer came in' }) responseReceivedOn!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The holder’s answer' }) response!: string | null;
  @ApiProperty({ ...SANCTION_STAGE, description: 'Where the case stands' }) stage!: SanctionStage;
  @ApiProperty({ ...SANCTION_DECISION, nullable: true, description: 'Null while the case is open' }) decision!: SanctionDecision | null;
  @ApiProperty({ type: String, nullable: true }) decisionReasons!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'How to appeal, printed on the decision' }) appealInformation!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) decidedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedByName!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) decidedOn!: string | null;
  @ApiProperty({ type: 'integer', description: 'Send it back as If-Match' }) version!: number;
}
