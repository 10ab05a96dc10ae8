import { ApiProperty } from '@nestjs/swagger';
import { PromiseOrganisationRef } from './promises.views.js';
import { ACTIVITY_KINDS, type ActivityKind } from './vocabulary.js';

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

  @ApiProperty({ description: 'Empty when not given' })
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
