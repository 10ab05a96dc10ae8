import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export const SECOND_FACTORS = ['totp', 'recovery_code', 'passkey'] as const;

/** A WebAuthn options or response object, as @simplewebauthn/browser reads and writes it. */
const WEBAUTHN_JSON = { type: 'object', additionalProperties: true } as const;

/** The answer to a correct password when the account has a second factor: no tokens yet. */
export class MfaRequiredResponse {
  @ApiProperty({ description: 'Always true: tells this answer from the tokens' }) mfaRequired!: boolean;
  @ApiProperty({ description: 'Single-use, bound to the user, valid for five minutes: send it with the second factor' })
  challenge!: string;
  @ApiProperty({ enum: SECOND_FACTORS, enumName: 'SecondFactor', isArray: true }) methods!: (typeof SECOND_FACTORS)[number][];
  @ApiProperty({ ...WEBAUTHN_JSON, nullable: true, description: 'WebAuthn request options when the user has passkeys' })
  passkeyOptions!: Record<string, unknown> | null;
}

export class MfaTotpRequest {
  @ApiProperty() @IsString() @MinLength(20) @MaxLength(100) challenge!: string;
  @ApiProperty({ required: false, example: '123456', description: 'The six digits of the authenticator app' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  code?: string;
  @ApiProperty({ required: false, example: 'abcde-fghjk', description: 'One of the recovery codes (each works once)' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  recoveryCode?: string;
}

export class MfaPasskeyRequest {
  @ApiProperty() @IsString() @MinLength(20) @MaxLength(100) challenge!: string;
  @ApiProperty({ ...WEBAUTHN_JSON, description: 'The assertion from navigator.credentials.get (JSON)' })
  @IsObject()
  response!: Record<string, unknown>;
}

/** Options for a WebAuthn ceremony and the challenge that names it. */
export class PasskeyOptionsView {
  @ApiProperty() challenge!: string;
  @ApiProperty({ ...WEBAUTHN_JSON }) options!: Record<string, unknown>;
}

export class StepUpRequest {
  @ApiProperty({ required: false, example: '123456' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  code?: string;
  @ApiProperty({ required: false, description: 'With a passkey: the challenge of POST /auth/step-up/options' })
  @IsOptional()
  @IsString()
  @MinLength(20)
  @MaxLength(100)
  challenge?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'With a passkey: the assertion (JSON)' })
  @IsOptional()
  @IsObject()
  response?: Record<string, unknown>;
}

export class StepUpView {
  @ApiProperty({ format: 'date-time', description: 'The new last strong authentication of the session' }) strongAt!: string;
}

export class PasskeyView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt!: string | null;
}

/** The signed-in user's second factors. */
export class MfaStatusView {
  @ApiProperty({ description: 'An authenticator app (TOTP) is set up and confirmed' }) totpEnabled!: boolean;
  @ApiProperty({ type: 'integer', description: 'Unused recovery codes' }) recoveryCodesLeft!: number;
  @ApiProperty({ type: [PasskeyView] }) passkeys!: PasskeyView[];
}

export class TotpEnrolmentView {
  @ApiProperty({ description: 'The key in base32, to type into the authenticator app' }) secret!: string;
  @ApiProperty({ description: 'otpauth:// link with the key, for apps that open it' }) otpauthUri!: string;
}

export class TotpCodeRequest {
  @ApiProperty({ example: '123456' }) @IsString() @MinLength(1) @MaxLength(20) code!: string;
}

export class RecoveryCodesView {
  @ApiProperty({ type: [String], description: 'Shown once; only their hashes are kept' }) codes!: string[];
}

export class PasskeyRegistrationRequest {
  @ApiProperty() @IsString() @MinLength(20) @MaxLength(100) challenge!: string;
  @ApiProperty({ example: 'Jobbdatorn' })
  @IsString()
  @MinLength(1)
  @Matches(/\S/)
  @MaxLength(100)
  name!: string;
  @ApiProperty({ ...WEBAUTHN_JSON, description: 'The attestation from navigator.credentials.create (JSON)' })
  @IsObject()
  response!: Record<string, unknown>;
}

export class PasskeyRenameRequest {
  @ApiProperty() @IsString() @Matches(/\S/) @MaxLength(100) name!: string;
}
