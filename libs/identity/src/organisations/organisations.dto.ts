import { ApiProperty } from '@nestjs/swagger';
import { ORGANISATION_KINDS, type OrganisationKind } from '@samverkan/access';

/** A unit by id and name. */
export class UnitRefView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Socialtjänsten, barn och unga' }) name!: string;
}

/** An organisation by id and name. */
export class OrganisationRefView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Hammarö kommun' }) name!: string;
}

/** An organisation with its units (GET /organisations). */
export class OrganisationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ORGANISATION_KINDS, enumName: 'OrganisationKind' }) kind!: OrganisationKind;
  @ApiProperty({ type: String, nullable: true, description: 'Organisationsnummer' }) orgNumber!: string | null;
  @ApiProperty({ type: [UnitRefView], description: 'By name' }) units!: UnitRefView[];
}

/** A collaboration: one police area and one municipality. */
export class CollaborationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Hammarö – Polisområde Värmland' }) name!: string;
  @ApiProperty({ type: () => OrganisationRefView }) police!: OrganisationRefView;
  @ApiProperty({ type: () => OrganisationRefView }) municipality!: OrganisationRefView;
}
