import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { ORGANISATION_KINDS, type OrganisationKind, type Permission, ROLE_NAMES, type RoleName, type Scope } from '@samverkan/access';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { CollaborationView, UnitRefView } from '../organisations/organisations.dto.js';

export class LoginRequest {
  @ApiProperty({ example: 'socialsekreterare@hammaro.test' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Samverkan-demo-2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password!: string;
}

export class RefreshRequest {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(512)
  refreshToken!: string;
}

export class TokenResponse {
  @ApiProperty() accessToken!: string;
  @ApiProperty() refreshToken!: string;
  @ApiProperty({ type: 'integer', description: 'Seconds until the access token expires' }) expiresIn!: number;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
}

/** The signed-in user. */
export class MeUserView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ format: 'uuid', description: 'The employing organisation' }) organisationId!: string;
}

/** The organisation of a membership's unit. */
export class MembershipOrganisationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ORGANISATION_KINDS, enumName: 'OrganisationKind' }) kind!: OrganisationKind;
}

/** One current membership of the signed-in user: a role held in a unit. */
export class MeMembershipView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ROLE_NAMES, enumName: 'RoleName' }) role!: RoleName;
  @ApiProperty({ example: 'Socialsekreterare (Social worker)' }) roleLabel!: string;
  @ApiProperty({ type: () => UnitRefView }) unit!: UnitRefView;
  @ApiProperty({ type: () => MembershipOrganisationView }) organisation!: MembershipOrganisationView;
}

/** GET /me: who is signed in, through which memberships, in which collaborations, allowed to do what. */
export class MeView {
  @ApiProperty({ type: () => MeUserView }) user!: MeUserView;
  @ApiProperty({ type: [MeMembershipView], description: 'The current memberships' }) memberships!: MeMembershipView[];
  @ApiProperty({ type: [CollaborationView] }) collaborations!: CollaborationView[];
  @ApiProperty({
    type: 'object',
    // The Scope enum the role catalogue declares (RoleView).
    additionalProperties: { $ref: getSchemaPath('Scope') },
    description: 'Each permission held (key: the permission), with the widest scope through which it is held',
    example: { 'user:read': 'organisation' },
  })
  permissions!: Partial<Record<Permission, Scope>>;
}
