import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { IsDateTime, NestedObject, PageQuery, PHOTO_TYPES, type PhotoType } from '@samverkan/platform';
import { FINDING_RESULTS, type FindingResult } from './checklist.js';
import { INSPECTION_STATUSES, INSPECTION_TYPES, type InspectionStatus, type InspectionType } from './inspection-rules.js';

/** The named enums of the inspections' answers and requests (the web client takes their values from the schema). */
const INSPECTION_TYPE = { enum: INSPECTION_TYPES, enumName: 'InspectionType' };
const INSPECTION_STATUS = { enum: INSPECTION_STATUSES, enumName: 'InspectionStatus' };
const FINDING_RESULT = { enum: FINDING_RESULTS, enumName: 'FindingResult' };

export class ScheduleInspectionRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  premisesId!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  licenceId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The tip (or the police referral’s tip) this inspection is booked from; a tip about the same premises' })
  @IsOptional()
  @IsUUID()
  tipId?: string;

  @ApiProperty(INSPECTION_TYPE)
  @IsIn(INSPECTION_TYPES)
  type!: InspectionType;

  @ApiProperty({ example: '2022-06-17T21:00:00+02:00' })
  @IsDateTime()
  plannedStart!: string;

  @ApiProperty({ example: '2022-06-17T23:30:00+02:00' })
  @IsDateTime()
  plannedEnd!: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Municipal and police inspectors' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  inspectorIds!: string[];
}

/** A follow-up inspection of the same premises (and licence) as the one it follows. */
export class ReinspectRequest extends OmitType(ScheduleInspectionRequest, ['premisesId', 'licenceId', 'tipId'] as const) {}

export class TransitionRequest {
  @ApiProperty(INSPECTION_STATUS)
  @IsIn(INSPECTION_STATUSES)
  to!: InspectionStatus;

  @ApiPropertyOptional({ description: 'Required to cancel' })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason?: string;
}

export class FindingInput {
  @ApiProperty({ example: 'age_checks' })
  @IsString()
  @MaxLength(60)
  itemKey!: string;

  @ApiProperty(FINDING_RESULT)
  @IsIn(FINDING_RESULTS)
  result!: FindingResult;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string;
}

export class FindingsRequest {
  @ApiProperty({ type: [FindingInput] })
  @IsArray()
  @ArrayMaxSize(100)
  @NestedObject(() => FindingInput, { each: true })
  findings!: FindingInput[];
}

export class InspectionListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  inspectorId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  premisesId?: string;

  @ApiPropertyOptional(INSPECTION_STATUS)
  @IsOptional()
  @IsIn(INSPECTION_STATUSES)
  status?: InspectionStatus;

  @ApiPropertyOptional(INSPECTION_TYPE)
  @IsOptional()
  @IsIn(INSPECTION_TYPES)
  type?: InspectionType;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateTime()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateTime()
  to?: string;
}

export class InspectorsQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  collaborationId!: string;
}

export class ChecklistItemInput {
  @ApiProperty({ example: 'age_checks' }) @Matches(/^[a-z][a-z0-9_]{0,59}$/, { message: 'key must be a snake_case name' }) key!: string;
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(300) label!: string;
}

export class ChecklistTemplateRequest {
  @ApiProperty({ example: 'Yttre tillsyn' }) @IsString() @MinLength(3) @MaxLength(100) name!: string;
  @ApiProperty({ type: [ChecklistItemInput] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(60)
  @NestedObject(() => ChecklistItemInput, { each: true })
  items!: ChecklistItemInput[];
}

/** The secret token of an inspector's calendar feed. */
export class FeedQuery {
  @ApiProperty() @IsString() @MinLength(20) @MaxLength(100) token!: string;
}

// ---- answers ---------------------------------------------------------------------------------

/** Someone who may be booked on (or is booked on) an inspection. */
export class InspectorView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ description: 'The name of their organisation' }) organisation!: string;
  @ApiProperty({ description: 'The kind of their organisation (police, municipality)' }) organisationKind!: string;
}

/** A checklist item: a stable key and what the inspector sees. */
export class ChecklistItemView {
  @ApiProperty({ example: 'age_checks' }) key!: string;
  @ApiProperty() label!: string;
}

export class InspectionFindingView {
  @ApiProperty({ example: 'age_checks' }) itemKey!: string;
  @ApiProperty(FINDING_RESULT) result!: FindingResult;
  @ApiProperty({ description: 'Empty when none was written' }) note!: string;
}

/** A photo attached to a checklist item (its bytes at GET /inspections/{id}/photos/{photoId}). */
export class FindingPhotoView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() itemKey!: string;
  @ApiProperty({ enum: PHOTO_TYPES, enumName: 'FindingPhotoType' }) contentType!: PhotoType;
  @ApiProperty({ type: 'integer' }) byteSize!: number;
  @ApiProperty({ type: String, format: 'date-time' }) uploadedAt!: string;
}

/** The answer to an upload: the stored photo with the SHA-256 of its bytes. */
export class StoredFindingPhotoView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() itemKey!: string;
  @ApiProperty({ enum: PHOTO_TYPES, enumName: 'FindingPhotoType' }) contentType!: PhotoType;
  @ApiProperty({ type: 'integer' }) byteSize!: number;
  @ApiProperty({ description: 'SHA-256 of the bytes, hex' }) sha256!: string;
  @ApiProperty({ type: String, format: 'date-time' }) uploadedAt!: Date;
}

/** An inspection as lists show it: the booking, its inspectors, the protocol and its photos. */
export class InspectionListItemView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) premisesId!: string;
  @ApiProperty() premisesName!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) licenceId!: string | null;
  @ApiProperty(INSPECTION_TYPE) type!: InspectionType;
  @ApiProperty({ type: String, format: 'date-time' }) plannedStart!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) plannedEnd!: Date;
  @ApiProperty(INSPECTION_STATUS) status!: InspectionStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was cancelled or escalated' }) statusReason!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) performedAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reportSentAt!: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) responseReceivedAt!: Date | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The inspection this one follows up' }) previousInspectionId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The tip (or police referral) it was booked from' }) tipId!: string | null;
  @ApiProperty({ format: 'uuid' }) collaborationId!: string;
  @ApiProperty({ format: 'uuid' }) ownerOrganisationId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdBy!: string | null;
  @ApiProperty({ type: 'integer', description: 'Send it back as If-Match' }) version!: number;
  @ApiProperty({ type: [InspectorView] }) inspectors!: InspectorView[];
  @ApiProperty({ type: [ChecklistItemView], nullable: true, description: 'The checklist version the inspection was made with' }) checklist!:
    ChecklistItemView[] | null;
  @ApiProperty({ type: [InspectionFindingView] }) findings!: InspectionFindingView[];
  @ApiProperty({ type: [FindingPhotoView] }) photos!: FindingPhotoView[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The latest sanction case about this inspection' }) sanctionCaseId!: string | null;
}

/** One inspection, with the steps it may take next. */
export class InspectionView extends InspectionListItemView {
  @ApiProperty({ ...INSPECTION_STATUS, isArray: true, description: 'The statuses it may move to next, so clients offer the steps without copying the path' })
  nextStatuses!: readonly InspectionStatus[];
}

/** A version of a checklist template. */
export class ChecklistTemplateView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Yttre tillsyn' }) name!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ type: [ChecklistItemView] }) items!: ChecklistItemView[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
}

/** The secret address of an inspector's iCalendar feed. */
export class CalendarFeedView {
  @ApiProperty({ format: 'uri', description: 'Holds the secret token: whoever has it reads the feed' }) url!: string;
}
