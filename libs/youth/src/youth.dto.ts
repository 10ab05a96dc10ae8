import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { IsCalendarDate, IsDateTime, NestedObject, PageQuery, QueryBoolean } from '@samverkan/platform';
import { YOUTH_ENUM } from './youth.enums.js';
import {
  CASE_FORM_KEYS,
  CASE_STATUSES,
  type CaseForm,
  type CaseStatus,
  CATEGORY_KEYS,
  DISCLOSURE_GROUND_KEYS,
  type DisclosureGround,
  ENTRY_KINDS,
  type EntryKind,
  type EntryVisibility,
  type InformationCategory,
  MEETING_KINDS,
  type MeetingKind,
  PLAN_ITEM_STATUSES,
  type PlanItemStatus,
  SIGNER_ROLES,
  type SignerRole,
  VISIBILITIES,
} from './youth-rules.js';

const Reason = () => [IsString(), MinLength(5), MaxLength(500)];
const apply =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));

// ---- subjects -------------------------------------------------------------------------------

export class SubjectInput {
  @ApiProperty({ example: '20080314-2389', description: 'Personnummer or samordningsnummer; stored encrypted' })
  @IsString()
  @MaxLength(20)
  personalNumber!: string;

  @ApiProperty({ example: 'Elias Nyström' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;
}

export class FindSubjectInput {
  @ApiProperty({ example: '20080314-2389' })
  @IsString()
  @MaxLength(20)
  personalNumber!: string;

  @ApiProperty({ description: 'Why you look this person up; kept in the audit trail' })
  @apply(...Reason())
  reason!: string;
}

export class ReasonInput {
  @ApiProperty({ description: 'Kept in the audit trail' })
  @apply(...Reason())
  reason!: string;
}

// ---- cases ----------------------------------------------------------------------------------

export class NewCaseInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  subjectId!: string;

  @ApiProperty(YOUTH_ENUM.form)
  @IsIn(CASE_FORM_KEYS)
  form!: CaseForm;

  @ApiPropertyOptional({ format: 'uuid', description: 'Default: you' })
  @IsOptional()
  @IsUUID()
  coordinatorUserId?: string;

  @ApiPropertyOptional({ ...YOUTH_ENUM.riskFactor, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  riskFactors?: string[];

  @ApiPropertyOptional({ example: '2022-09-30' })
  @IsOptional()
  @IsCalendarDate()
  reviewOn?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Needed if you work in more than one unit' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Needed if the municipality takes part in more than one collaboration' })
  @IsOptional()
  @IsUUID()
  collaborationId?: string;

  @ApiPropertyOptional({
    description:
      'Why a second open case of the same form is opened for this young person (after a 409 youth_case.duplicate_open); stored on the case and in the audit trail',
  })
  @IsOptional()
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  duplicateReason?: string;
}

export class CaseUpdateInput {
  @ApiPropertyOptional({ ...YOUTH_ENUM.riskFactor, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  riskFactors?: string[];

  @ApiPropertyOptional({ example: '2022-12-15', nullable: true, description: 'null removes the review date' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsCalendarDate()
  reviewOn?: string | null;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  coordinatorUserId?: string;
}

export class CaseListQuery extends PageQuery {
  @ApiPropertyOptional(YOUTH_ENUM.status)
  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  @ApiPropertyOptional(YOUTH_ENUM.form)
  @IsOptional()
  @IsIn(CASE_FORM_KEYS)
  form?: CaseForm;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  coordinatorId?: string;

  @ApiPropertyOptional({ example: '2022-10-01', description: 'Cases whose review date is before this day' })
  @IsOptional()
  @IsCalendarDate()
  reviewBefore?: string;

  @ApiPropertyOptional({ description: 'true: reports of concern still waiting for their förhandsbedömning (SoL 11 kap 1 a §), the most urgent first' })
  @QueryBoolean()
  unassessed?: boolean;

  @ApiPropertyOptional({ description: 'true: open cases without a coordinator' })
  @QueryBoolean()
  unassigned?: boolean;
}

export class UnitQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Needed if you work in more than one social-services unit' })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

export class TransitionInput {
  @ApiProperty({ enum: CASE_STATUSES.filter((s) => s !== 'purged') })
  @IsIn(CASE_STATUSES.filter((s) => s !== 'purged'))
  to!: Exclude<CaseStatus, 'purged'>;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class ParticipantInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId!: string;
}

export class ReportOfConcernInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  collaborationId!: string;

  @ApiProperty({ example: '20100522-2386' })
  @IsString()
  @MaxLength(20)
  personalNumber!: string;

  @ApiProperty({ example: 'Alva Lindqvist' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ description: 'What the police saw and why a child may need protection' })
  @IsString()
  @MinLength(10)
  @MaxLength(10_000)
  concern!: string;

  @ApiProperty({ enum: CATEGORY_KEYS.filter((c) => c !== 'basic') })
  @IsIn(CATEGORY_KEYS.filter((c) => c !== 'basic'))
  category!: InformationCategory;

  @ApiProperty({ example: '2022-05-14' })
  @IsCalendarDate()
  observedOn!: string;
}

// ---- consents and disclosures ---------------------------------------------------------------

export class SignerInput {
  @ApiProperty({ example: 'Maria Nyström' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @ApiProperty(YOUTH_ENUM.signerRole)
  @IsIn(SIGNER_ROLES)
  role!: SignerRole;
}

export class ConsentInput {
  @ApiProperty({ type: [SignerInput] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @NestedObject(() => SignerInput, { each: true })
  signers!: SignerInput[];

  @ApiProperty({ type: [String], format: 'uuid', description: 'The organisations information may be shared with' })
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  organisationIds!: string[];

  @ApiProperty({
    ...YOUTH_ENUM.category,
    isArray: true,
    description: 'The categories beyond basic data; basic data (`basic`) is always included, so the list may be empty',
  })
  @IsArray()
  @IsIn(CATEGORY_KEYS, { each: true })
  categories!: InformationCategory[];

  @ApiProperty({ example: '2022-03-01' })
  @IsCalendarDate()
  signedOn!: string;

  @ApiProperty({ example: '2022-03-01' })
  @IsCalendarDate()
  validFrom!: string;

  @ApiProperty({ example: '2023-02-28' })
  @IsCalendarDate()
  validUntil!: string;
}

export class OslCriteriaInput {
  @ApiProperty() @IsBoolean() riskOfCriminality!: boolean;
  @ApiProperty() @IsBoolean() helpsPrevent!: boolean;
  @ApiProperty() @IsBoolean() noConflictWithMeasures!: boolean;
}

export class DisclosureInput {
  @ApiProperty(YOUTH_ENUM.ground)
  @IsIn(DISCLOSURE_GROUND_KEYS)
  ground!: DisclosureGround;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  toOrganisationId!: string;

  @ApiProperty({
    ...YOUTH_ENUM.category,
    isArray: true,
    description: 'The categories beyond basic data; basic data (`basic`) is always included, so the list may be empty',
  })
  @IsArray()
  @IsIn(CATEGORY_KEYS, { each: true })
  categories!: InformationCategory[];

  @ApiProperty({ description: 'Why this disclosure, on this ground, now' })
  @IsString()
  @MinLength(10)
  @MaxLength(5000)
  justification!: string;

  @ApiPropertyOptional({ type: OslCriteriaInput, description: 'OSL 10 kap 18 a §: all three must be attested' })
  @IsOptional()
  @NestedObject(() => OslCriteriaInput)
  criteria?: OslCriteriaInput;

  @ApiPropertyOptional({ example: 30, description: 'Days the recipient can read what was disclosed (default 30)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(90)
  accessDays?: number;
}

// ---- entries, plan, meetings ----------------------------------------------------------------

export class EntryInput {
  @ApiProperty(YOUTH_ENUM.entryKind)
  @IsIn(ENTRY_KINDS)
  kind!: EntryKind;

  @ApiProperty(YOUTH_ENUM.category)
  @IsIn(CATEGORY_KEYS)
  category!: InformationCategory;

  @ApiProperty({ ...YOUTH_ENUM.visibility, description: 'owner: only the owning organisation; shared: also those the sharing covers' })
  @IsIn(VISIBILITIES)
  visibility!: EntryVisibility;

  @ApiProperty({ example: '2022-04-12' })
  @IsCalendarDate()
  occurredOn!: string;

  @ApiProperty()
  @IsString()
  @MinLength(2)
  @MaxLength(20_000)
  body!: string;
}

export class PlanItemInput {
  @ApiProperty({ example: 'Regelbunden skolgång' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  goal!: string;

  @ApiProperty({ example: 'Närvaroplan med mentor, avstämning varje fredag' })
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  task!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A Samverkan user responsible for the task' })
  @IsOptional()
  @IsUUID()
  ownerUserId?: string;

  @ApiPropertyOptional({ example: 'Mentor på Hammarö skola' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  ownerDescription?: string;

  @ApiProperty({ example: '2022-05-31' })
  @IsCalendarDate()
  dueOn!: string;
}

export class PlanItemUpdateInput {
  @ApiPropertyOptional(YOUTH_ENUM.planItemStatus)
  @IsOptional()
  @IsIn(PLAN_ITEM_STATUSES)
  status?: PlanItemStatus;

  @ApiPropertyOptional({ example: '2022-06-15' })
  @IsOptional()
  @IsCalendarDate()
  dueOn?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  task?: string;
}

export class MeetingInput {
  @ApiProperty(YOUTH_ENUM.meetingKind)
  @IsIn(MEETING_KINDS)
  kind!: MeetingKind;

  @ApiProperty({ example: '2022-04-20T14:00:00+02:00' })
  @IsDateTime()
  plannedAt!: string;

  @ApiPropertyOptional({ example: 'Vårdnadshavare, mentor, socialsekreterare, kontaktpolis' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  attendees?: string;
}

/** The minutes of a held meeting: an entry of kind meeting_minutes. */
export class MinutesInput extends OmitType(EntryInput, ['kind'] as const) {}

export class StatisticsQuery {
  @ApiProperty({ example: 2022 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}
