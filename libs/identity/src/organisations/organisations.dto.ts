import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
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
  @ApiProperty({ type: () => [OrganisationRefView], description: 'Organisations taking part besides the two parties (the rescue service)' })
  partners!: OrganisationRefView[];
}

/** POST /organisations: a new organisation with its first units; its admins are appointed next. */
export class CreateOrganisationRequest {
  @ApiProperty({ example: 'Karlstads kommun' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: ORGANISATION_KINDS, enumName: 'OrganisationKind' })
  @IsIn(ORGANISATION_KINDS)
  kind!: OrganisationKind;

  @ApiPropertyOptional({ example: '212000-1876', description: 'Organisationsnummer (checked: NNNNNN-NNNN with its check digit)' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  orgNumber?: string;

  @ApiProperty({ type: [String], example: ['Kommunledningskontoret'], description: 'At least one unit: roles are held in a unit' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(2, { each: true })
  @MaxLength(200, { each: true })
  units!: string[];
}
