import { ApiProperty } from '@nestjs/swagger';
import { PromiseOrganisationRef } from './promises.views.js';
import { ORGANISATION_KINDS, type OrganisationKind } from '@samverkan/access';
import { ACTION_STATUSES, type ActionStatus, ACTIVITY_KINDS, type ActivityKind, PARTIES, type Party, PLACE_KINDS, type PlaceKind } from './vocabulary.js';

/** What the activity routes answer; the service returns this type. */

/** An activity carried out under a commitment (and perhaps an action), with its named counts. */
export class ActivityView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  commitmentId!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  actionId!: string | null;

  @ApiProperty({ format: 'uuid' })
  promiseId!: string;

  @ApiProperty({ type: String, format: 'date' })
  occurredOn!: string;

  @ApiProperty({ type: String, nullable: true, example: '19:30', description: 'Local start time of day (Europe/Stockholm), HH:MM' })
  startTime!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The named place, when one was chosen' })
  placeId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Skoghalls båthamn', description: 'The named place’s name' })
  placeName!: string | null;

  @ApiProperty({ description: 'Free text; empty when not given' })
  place!: string;

  @ApiProperty({ type: Number, nullable: true })
  latitude!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  longitude!: number | null;

  @ApiProperty({ enum: ACTIVITY_KINDS, enumName: 'ActivityKind' })
  kind!: ActivityKind;

  @ApiProperty({ type: [PromiseOrganisationRef] })
  participatingOrganisations!: PromiseOrganisationRef[];

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer', minimum: 0 },
    example: { vehicles_checked: 142, speeding_offences: 9 },
    description: 'Named counts (snake_case names, whole numbers ≥ 0)',
  })
  metrics!: Record<string, number>;

  @ApiProperty()
  note!: string;

  @ApiProperty({ description: '`manual`, or the module that reported it (e.g. `operation_summary`)', example: 'manual' })
  source!: string;

  @ApiProperty({ format: 'uuid' })
  ownerOrganisationId!: string;

  @ApiProperty({ type: 'integer', description: 'Send back as If-Match when changing the activity' })
  version!: number;
}

/** An open action of a commitment, to record an activity on. */
export class FieldActionChoice {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: ACTION_STATUSES, enumName: 'ActionStatus' })
  status!: ActionStatus;
}

/** A commitment of the running promise that takes a kind of activity the caller may record. */
export class FieldCommitmentChoice {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  text!: string;

  @ApiProperty({ enum: PARTIES, enumName: 'PromiseParty' })
  party!: Party;

  @ApiProperty({ enum: ACTIVITY_KINDS, enumName: 'ActivityKind' })
  activityKind!: ActivityKind;

  @ApiProperty({ type: [FieldActionChoice], description: 'Its actions that are neither done nor cancelled' })
  actions!: FieldActionChoice[];
}

export class FieldPlaceChoice {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: PLACE_KINDS, enumName: 'PlaceKind' })
  kind!: PlaceKind;
}

/** An organisation that may take part in an activity: a party of the collaboration or a partner. */
export class FieldOrganisationChoice {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: ORGANISATION_KINDS, enumName: 'OrganisationKind' })
  kind!: OrganisationKind;
}

/** The running promise of one of the caller's collaborations, with what the field form offers. */
export class FieldCollaborationChoices {
  @ApiProperty({ format: 'uuid' })
  collaborationId!: string;

  @ApiProperty({ example: 'Hammarö' })
  collaborationName!: string;

  @ApiProperty({ format: 'uuid' })
  promiseId!: string;

  @ApiProperty()
  promiseTitle!: string;

  @ApiProperty({ type: String, format: 'date' })
  periodStart!: string;

  @ApiProperty({ type: String, format: 'date' })
  periodEnd!: string;

  @ApiProperty({ type: [FieldCommitmentChoice] })
  commitments!: FieldCommitmentChoice[];

  @ApiProperty({ type: [FieldPlaceChoice] })
  places!: FieldPlaceChoice[];

  @ApiProperty({ type: [FieldOrganisationChoice], description: 'The parties first, then the partners' })
  organisations!: FieldOrganisationChoice[];
}

/** GET /activities/field-choices: what the one-tap recording needs, in one request. */
export class FieldChoicesView {
  @ApiProperty({ type: [FieldCollaborationChoices] })
  collaborations!: FieldCollaborationChoices[];
}
