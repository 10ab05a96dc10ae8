import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import {
  AUTH_METHODS,
  type AuthMethod,
  ORGANISATION_KINDS,
  type OrganisationKind,
  type Permission,
  ROLE_NAMES,
  type RoleName,
  type Scope,
} from '@samverkan/access';
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
/** How the current session was authenticated (issue #18). */
export class MeSessionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: AUTH_METHODS, enumName: 'AuthMethod' }) method!: AuthMethod;
  @ApiProperty({
    description: 'Whether the session has authenticated strongly (an identity provider acr that counts as strong, or password + a second factor)',
  })
  strong!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The last strong authentication in this session' })
  strongAt!: string | null;
}

export class MeView {
  @ApiProperty({ type: () => MeUserView }) user!: MeUserView;
  @ApiProperty({ type: () => MeSessionView }) session!: MeSessionView;
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
  @ApiProperty({
    type: [String],
    description:
      'The permissions held that need a strong session (libs/access strong-auth.ts); with a weaker session their areas answer 403 auth.strong_required',
    example: ['youth_case:read'],
  })
  strongPermissions!: string[];
  @ApiProperty({
    description: 'How old (minutes) the last strong authentication may be for acts that ask for step-up (revealing a personal number, opening intelligence)',
  })
  stepUpMaxAgeMinutes!: number;
}
