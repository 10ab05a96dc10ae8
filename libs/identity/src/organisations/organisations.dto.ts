import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { IsHttpsUrl } from '@samverkan/platform';
import { ORGANISATION_KINDS, type OrganisationKind } from '@samverkan/access';
import { APPEAL_COURTS, type AppealCourt } from './appeal-courts.js';

/** A name is stored trimmed: spaces alone are none. */
const NAME = /\S/;

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
  @ApiProperty({ type: String, nullable: true, description: 'The switchboard citizens call (public page, letters)' }) contactPhone!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The e-mail address citizens write to (public page, letters)' }) contactEmail!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The web site (https)' }) contactUrl!: string | null;
  @ApiProperty({
    enum: APPEAL_COURTS,
    enumName: 'AppealCourt',
    nullable: true,
    description: 'A municipality: the administrative court its decisions are appealed to, named in every decision letter',
  })
  appealCourt!: AppealCourt | null;
  @ApiProperty({ description: 'Send back as If-Match when changing the organisation' }) version!: number;
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
  @Matches(NAME)
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
  @Matches(NAME, { each: true })
  @MaxLength(200, { each: true })
  units!: string[];
}

/**
 * PUT /organisations/{id}: an organisation's details as they are to be. A field left out or null
 * has no value (the kind is fixed at creation; units are added one by one).
 */
export class UpdateOrganisationRequest {
  @ApiProperty({ example: 'Hammarö kommun' })
  @IsString()
  @MinLength(2)
  @Matches(NAME)
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '212000-1850', description: 'Organisationsnummer (checked: NNNNNN-NNNN with its check digit)' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  orgNumber?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '054-51 50 00', description: 'A switchboard, never a person’s number' })
  @IsOptional()
  @IsString()
  @Matches(/^\+?\d[\d\s-]*\d$/)
  @MaxLength(40)
  contactPhone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'kommunen@hammaro.se', description: 'A functional address, never a person’s' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  contactEmail?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'https://www.hammaro.se', description: 'https only (400 field.https)' })
  @IsOptional()
  @IsHttpsUrl()
  @MaxLength(500)
  contactUrl?: string | null;

  @ApiPropertyOptional({ enum: APPEAL_COURTS, enumName: 'AppealCourt', nullable: true, description: 'Municipalities only (400 otherwise)' })
  @IsOptional()
  @IsIn(APPEAL_COURTS)
  appealCourt?: AppealCourt | null;
}

/** POST /organisations/{id}/units: a new unit of an organisation (roles are held in a unit). */
export class CreateUnitRequest {
  @ApiProperty({ example: 'Socialtjänsten, vuxenenheten' })
  @IsString()
  @MinLength(2)
  @Matches(NAME)
  @MaxLength(200)
  name!: string;
}

/** POST /collaborations: one police area and one municipality that make a citizen promise together. */
export class CreateCollaborationRequest {
  @ApiProperty({ example: 'Karlstad – Polisområde Värmland' })
  @IsString()
  @MinLength(2)
  @Matches(NAME)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ format: 'uuid', description: 'An organisation of kind police' })
  @IsUUID()
  policeOrganisationId!: string;

  @ApiProperty({ format: 'uuid', description: 'An organisation of kind municipality' })
  @IsUUID()
  municipalityOrganisationId!: string;
}
