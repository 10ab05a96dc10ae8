import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OPERATION_STATUSES, type OperationStatus, SEIZURE_UNITS, type SeizureUnit, type Substance, SUBSTANCE_KEYS } from './operation-rules.js';

/**
 * What the operation routes answer. The services declare these as their return types, so the
 * OpenAPI document (and the web client's types) say exactly what leaves the api.
 */

/** A row of the police area's operations: title and area only where the reader may open it. */
export class OperationListItemView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: OPERATION_STATUSES, enumName: 'OperationStatus' }) status!: OperationStatus;
  @ApiProperty({ type: String, format: 'date-time' }) plannedStart!: string;
  @ApiProperty({ type: String, format: 'date-time' }) plannedEnd!: string;
  @ApiProperty({ description: 'The collaboration’s name' }) collaboration!: string;
  @ApiProperty({ description: 'Whether the reader takes part in (or commands) the operation and may open it' }) canOpen!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Null where the reader may not open the operation' }) title!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Null where the reader may not open the operation' }) area!: string | null;
}

/** An entry of the substance catalogue: what a seizure may be of, and the units it is counted in. */
export class SubstanceView {
  @ApiProperty({ enum: SUBSTANCE_KEYS, enumName: 'Substance' }) key!: Substance;
  @ApiProperty({ example: 'Cannabis' }) label!: string;
  @ApiProperty({ enum: SEIZURE_UNITS, enumName: 'SeizureUnit', isArray: true }) units!: readonly SeizureUnit[];
}

/** An officer or commander of the police area who can take part. */
export class ColleagueView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ type: [String], description: 'The units in which they hold an operations role' }) units!: string[];
}

export class PoliceUnitView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

/** Licensed premises as the public register names them. */
export class OperationPremisesView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() address!: string;
}

/** A place of the operation, perhaps with coordinates. */
export class PlaceView {
  @ApiProperty() name!: string;
  @ApiPropertyOptional() latitude?: number;
  @ApiPropertyOptional() longitude?: number;
}

export class NamedRecordView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class CommitmentRefView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() text!: string;
}

export const PARTICIPANT_TYPES = ['user', 'unit'] as const;
export type ParticipantType = (typeof PARTICIPANT_TYPES)[number];

/** An officer or a unit taking part. */
export class ParticipantView {
  @ApiProperty({ enum: PARTICIPANT_TYPES, enumName: 'ParticipantType' }) type!: ParticipantType;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The officer’s or the unit’s name' }) name!: string;
}

/** A seizure as recorded. */
export class SeizureView {
  @ApiProperty({ enum: SUBSTANCE_KEYS, enumName: 'Substance' }) substance!: Substance;
  @ApiProperty({ example: 52.5 }) quantity!: number;
  @ApiProperty({ enum: SEIZURE_UNITS, enumName: 'SeizureUnit' }) unit!: SeizureUnit;
}

/** A seizure in a summary: quantities added up per substance and unit, with the substance's label. */
export class SummarySeizureView extends SeizureView {
  @ApiProperty({ example: 'Cannabis' }) label!: string;
}

/** The counts of an outcome. */
export class OperationCountsView {
  @ApiProperty({ type: 'integer' }) arrests!: number;
  @ApiProperty({ type: 'integer' }) reportsFiled!: number;
  @ApiProperty({ type: 'integer' }) personsChecked!: number;
  @ApiProperty({ type: 'integer' }) placesChecked!: number;
}

/** The outcome as the participants recorded it (police only). */
export class OutcomeView extends OperationCountsView {
  @ApiProperty({ type: [SeizureView] }) seizures!: SeizureView[];
  @ApiProperty({ description: 'After-action notes; police only' }) notes!: string;
  @ApiProperty({ type: String, format: 'date-time' }) reportedAt!: string;
}

/** The counts a released summary carries: the only part of an outcome that leaves the police. */
export class SummaryCountsView extends OperationCountsView {
  @ApiProperty({ type: [SummarySeizureView] }) seizures!: SummarySeizureView[];
}

/** The sums of released summaries (GET /operation-summaries/totals). */
export class SummaryTotalsView extends SummaryCountsView {
  @ApiProperty({ type: 'integer', description: 'How many summaries were summed' }) operations!: number;
}

/** The summary of this operation, once released. */
export class ReleasedSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'date' }) periodStart!: string;
  @ApiProperty({ type: String, format: 'date' }) periodEnd!: string;
  @ApiProperty({ description: 'The area in general terms' }) area!: string;
  @ApiProperty({ type: () => SummaryCountsView }) counts!: SummaryCountsView;
  @ApiProperty({ type: String, format: 'date-time' }) releasedAt!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The promise activity it became' }) activityId!: string | null;
}

/** A referral sent from this operation. */
export class OperationReferralView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) premisesId!: string;
  @ApiProperty({ type: String, format: 'date' }) observedOn!: string;
  @ApiProperty() observation!: string;
  @ApiProperty({ type: String, format: 'date-time' }) sentAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acknowledgedAt!: string | null;
}

/** The intelligence basis: commanders only. */
export class IntelligenceView {
  @ApiProperty() text!: string;
  @ApiProperty({ description: 'Reference in the intelligence register' }) reference!: string;
}

/** One operation, for its participants and commanders. */
export class OperationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) collaborationId!: string;
  @ApiProperty({ description: 'The collaboration’s name' }) collaboration!: string;
  @ApiProperty() title!: string;
  @ApiProperty() area!: string;
  @ApiProperty({ type: [PlaceView] }) places!: PlaceView[];
  @ApiProperty({ format: 'uuid' }) ownerUnitId!: string;
  @ApiProperty({ description: 'The owning unit’s name' }) ownerUnit!: string;
  @ApiProperty({ type: String, format: 'date-time' }) plannedStart!: string;
  @ApiProperty({ type: String, format: 'date-time' }) plannedEnd!: string;
  @ApiProperty({ enum: OPERATION_STATUSES, enumName: 'OperationStatus' }) status!: OperationStatus;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was cancelled' }) statusReason!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The deciding commander’s name' }) decidedBy!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The commander’s conditions' }) decisionConditions!: string | null;
  @ApiProperty({ description: 'The proposer’s name' }) proposedBy!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) commitmentId!: string | null;
  @ApiProperty({ type: 'integer', description: 'For If-Match' }) version!: number;
  @ApiProperty({ type: () => CommitmentRefView, nullable: true, description: 'The promise commitment it works toward' }) commitment!: CommitmentRefView | null;
  @ApiProperty({ type: [NamedRecordView], description: 'Licensed premises concerned' }) premises!: NamedRecordView[];
  @ApiProperty({ type: [ParticipantView] }) participants!: ParticipantView[];
  @ApiProperty({ type: () => OutcomeView, nullable: true }) outcome!: OutcomeView | null;
  @ApiProperty({ type: () => ReleasedSummaryView, nullable: true }) summary!: ReleasedSummaryView | null;
  @ApiProperty({ type: [OperationReferralView] }) referrals!: OperationReferralView[];
  @ApiProperty({ type: () => IntelligenceView, nullable: true, description: 'Commanders only; null for everyone else' }) intelligence!: IntelligenceView | null;
}

/** A released summary, as the collaboration sees it: period, area in general terms, counts. */
export class OperationSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) collaborationId!: string;
  @ApiProperty({ description: 'The collaboration’s name' }) collaboration!: string;
  @ApiProperty({ type: String, format: 'date' }) periodStart!: string;
  @ApiProperty({ type: String, format: 'date' }) periodEnd!: string;
  @ApiProperty() area!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The named place the area is drawn around on the map' }) placeId!: string | null;
  @ApiProperty({ type: () => SummaryCountsView }) counts!: SummaryCountsView;
  @ApiProperty({ type: String, format: 'date-time' }) releasedAt!: string;
}

/** A referral as licensing sees it: the premises, the day, the observation and who sent it. Nothing of the operation. */
export class LicensingReferralView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) premisesId!: string;
  @ApiProperty() premisesName!: string;
  @ApiProperty({ type: String, format: 'date' }) observedOn!: string;
  @ApiProperty() observation!: string;
  @ApiProperty({ description: 'The sending police organisation’s name' }) from!: string;
  @ApiProperty({ type: String, format: 'date-time' }) sentAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acknowledgedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Licensing’s note when acknowledging' }) acknowledgement!: string | null;
  @ApiProperty({ type: String, nullable: true }) acknowledgedByName!: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The tip the referral recorded on the premises’ risk score; book an inspection from the referral with it (tipId)',
  })
  tipId!: string | null;
}
