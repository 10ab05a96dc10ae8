import { ApiProperty } from '@nestjs/swagger';
import { PHOTO_TYPES, type PhotoType } from '@samverkan/platform';
import { PromiseOrganisationRef, PromiseUnitRef, PromiseUserRef } from './promises.views.js';
import { FINDING_CATEGORIES, FINDING_STATUSES, type FindingCategory, type FindingStatus, PLACE_KINDS, type PlaceKind } from './vocabulary.js';

/** A named place of a collaboration. */
export class PlaceView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  collaborationId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: PLACE_KINDS, enumName: 'PlaceKind' })
  kind!: PlaceKind;

  @ApiProperty({ type: Number, nullable: true })
  latitude!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  longitude!: number | null;

  @ApiProperty({ type: 'integer', description: 'Send back as If-Match when changing the place' })
  version!: number;
}

/** The place of a finding, as a finding names it. */
export class FindingPlaceRef {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: PLACE_KINDS, enumName: 'PlaceKind' })
  kind!: PlaceKind;
}

export class FindingProblemAreaRef {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  title!: string;
}

/** A unit that may be made responsible for a finding: a unit of the police or the municipality of the collaboration. */
export class ResponsibleUnitView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: PromiseOrganisationRef })
  organisation!: PromiseOrganisationRef;
}

/** A photo of a finding: its bytes come from GET /findings/{id}/photos/{photoId} (an audited read). */
export class PromiseFindingPhotoView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: PHOTO_TYPES, enumName: 'FindingPhotoType' })
  contentType!: PhotoType;

  @ApiProperty({ type: 'integer' })
  byteSize!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  uploadedAt!: string;
}

/** The answer to an upload: the stored photo with the SHA-256 of its bytes. */
export class StoredPromiseFindingPhotoView extends PromiseFindingPhotoView {
  @ApiProperty({ description: 'SHA-256 of the bytes, hex' })
  sha256!: string;
}

/** What a round or a walk found, who deals with it by when, and how far they have come. */
export class FindingView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  promiseId!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  activityId!: string | null;

  @ApiProperty({ type: FindingPlaceRef, nullable: true })
  place!: FindingPlaceRef | null;

  @ApiProperty({ type: Number, nullable: true, description: 'The position given, or the named place’s' })
  latitude!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  longitude!: number | null;

  @ApiProperty({ enum: FINDING_CATEGORIES, enumName: 'FindingCategory' })
  category!: FindingCategory;

  @ApiProperty()
  description!: string;

  @ApiProperty({ type: FindingProblemAreaRef, nullable: true })
  problemArea!: FindingProblemAreaRef | null;

  @ApiProperty({ type: PromiseOrganisationRef })
  responsibleOrganisation!: PromiseOrganisationRef;

  @ApiProperty({ type: PromiseUnitRef })
  responsibleUnit!: PromiseUnitRef;

  @ApiProperty({ type: String, format: 'date' })
  dueDate!: string;

  @ApiProperty({ enum: FINDING_STATUSES, enumName: 'FindingStatus' })
  status!: FindingStatus;

  @ApiProperty({ type: String, nullable: true, description: 'What was done (done) or why not (rejected)' })
  resolution!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resolvedAt!: string | null;

  @ApiProperty({ description: 'Open or in progress with the due date passed (Europe/Stockholm)' })
  overdue!: boolean;

  @ApiProperty({ type: PromiseUserRef })
  recordedBy!: PromiseUserRef;

  @ApiProperty({ type: PromiseOrganisationRef })
  recorderOrganisation!: PromiseOrganisationRef;

  @ApiProperty({ type: String, format: 'date-time' })
  recordedAt!: string;

  @ApiProperty({ type: [PromiseFindingPhotoView], description: 'In the order they were taken' })
  photos!: PromiseFindingPhotoView[];

  @ApiProperty({ type: 'integer', description: 'Send back as If-Match when changing the finding' })
  version!: number;
}
