import { ApiProperty } from '@nestjs/swagger';
import { AUTH_METHODS, type AuthMethod } from '@samverkan/access';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { MIN_PASSWORD_LENGTH } from '../auth/auth-policy.js';
import { INVITATION_STATES, type InvitationState } from './account-rules.js';
import { OidcProviderOption } from '../oidc/oidc.dto.js';

const NEW_PASSWORD = {
  minLength: MIN_PASSWORD_LENGTH,
  description: 'Not too simple, not a common or published password, not built from the name or e-mail address (password.*)',
};

/** What an invitation link shows before the person chooses a password. */
export class InvitationView {
  @ApiProperty() displayName!: string;
  @ApiProperty() email!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt!: string;
  @ApiProperty({
    type: [OidcProviderOption],
    description: 'The organisation’s identity providers: the invitation may be accepted by signing in there instead of choosing a password',
  })
  identityProviders!: OidcProviderOption[];
}

export class AcceptInvitationRequest {
  @ApiProperty(NEW_PASSWORD)
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(1024)
  password!: string;
}

export class PasswordResetRequest {
  @ApiProperty({ example: 'socialsekreterare@hammaro.test' })
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

/** The one answer to every reset request, whether or not the address has an account. */
export class PasswordResetAccepted {
  @ApiProperty({ type: 'integer', description: 'Minutes a link, if one is sent, stays valid' }) validMinutes!: number;
}

export class ResetPasswordRequest {
  @ApiProperty(NEW_PASSWORD)
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(1024)
  password!: string;
}

export class ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  currentPassword!: string;

  @ApiProperty(NEW_PASSWORD)
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(1024)
  newPassword!: string;
}

/** A live session (one sign-in) as the user and their administrators see it. */
export class SessionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: AUTH_METHODS, enumName: 'AuthMethod' }) method!: AuthMethod;
  @ApiProperty({ description: 'Counts as strong authentication now' }) strong!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'The browser, from the user agent (a product name), if known' }) browser!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The operating system, from the user agent (a product name), if known' }) system!: string | null;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) lastUsedAt!: string;
  @ApiProperty({ description: 'The session this request was made in' }) current!: boolean;
}

/** A user's latest invitation. */
export class InvitationStatusView {
  @ApiProperty({ enum: INVITATION_STATES, enumName: 'InvitationState' }) state!: InvitationState;
  @ApiProperty({ type: String, format: 'date-time' }) sentAt!: string;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt!: string;
}

/** The account side of a user for their administrators: whether a password is set, the latest invitation. */
export class UserAccountView {
  @ApiProperty({ description: 'Whether the user has chosen a password' }) passwordSet!: boolean;
  @ApiProperty({ type: () => InvitationStatusView, nullable: true, description: 'The latest invitation, if any' })
  invitation!: InvitationStatusView | null;
}

export class SessionsEndedView {
  @ApiProperty({ type: 'integer', description: 'How many sessions were ended' }) ended!: number;
}
