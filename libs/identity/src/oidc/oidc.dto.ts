import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLE_NAMES, type RoleName } from '@samverkan/access';
import { PageQuery } from '@samverkan/platform';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUrl, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { MATCH_ON, type MatchOn } from './oidc-rules.js';

/** An active provider as the sign-in page offers it. */
export class OidcProviderOption {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The name on the button, e.g. "Hammarö kommun (SITHS)"' }) displayName!: string;
}

export class OidcStartRequest {
  @ApiPropertyOptional({ description: 'The token of the invitation this sign-in accepts (from its link), if any' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  invitationToken?: string;
}

export class OidcStartResponse {
  @ApiProperty({ description: 'Where to send the browser: the provider’s authorization endpoint with state, nonce and the PKCE challenge' })
  authorizationUrl!: string;
}

/** What the provider sent back to /oidc/callback, as the web page received it in its query. */
export class OidcCallbackRequest {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) state!: string;
  @ApiPropertyOptional({ description: 'The authorization code (absent when the provider answers with an error)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  code?: string;
  @ApiPropertyOptional({ description: 'The issuer (RFC 9207), when the provider sends it' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  iss?: string;
  @ApiPropertyOptional({ description: 'The provider’s error code, e.g. access_denied' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  error?: string;
}

/** An identity provider as a system administrator sees it; the client secret is never shown. */
export class IdentityProviderView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ example: 'https://idp.hammaro.se' }) issuer!: string;
  @ApiProperty() clientId!: string;
  @ApiProperty({ example: 'openid email profile' }) scopes!: string;
  @ApiProperty({ example: 'email', description: 'The claim that names the user (email, sub, or e.g. an HSA-id claim)' }) userClaim!: string;
  @ApiProperty({ enum: MATCH_ON, enumName: 'IdentityMatchOn' }) matchOn!: MatchOn;
  @ApiProperty({ type: [String], description: 'acr values that count as strong authentication' }) strongAcrValues!: string[];
  @ApiProperty() jitAllowed!: boolean;
  @ApiProperty({ enum: ROLE_NAMES, enumName: 'RoleName', nullable: true }) jitRole!: RoleName | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) jitUnitId!: string | null;
  @ApiProperty() isActive!: boolean;
  @ApiProperty({ type: 'integer' }) version!: number;
}

export class IdentityProviderListQuery extends PageQuery {}

const ACR = /^[\x21-\x7e]{1,200}$/;

export class UpdateIdentityProviderRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(100) displayName?: string;
  @ApiPropertyOptional({ description: 'The issuer URL; its /.well-known/openid-configuration is read' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  @MaxLength(500)
  issuer?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) clientId?: string;
  @ApiPropertyOptional({ description: 'Write-only: sealed at rest, never returned. Left out: unchanged.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  clientSecret?: string;
  @ApiPropertyOptional({ example: 'openid email profile' })
  @IsOptional()
  @Matches(/^openid( [\x21-\x7e]{1,60}){0,10}$/, { message: '$property must start with openid and hold space-separated scopes' })
  scopes?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Za-z0-9_:.-]{1,100}$/) userClaim?: string;
  @ApiPropertyOptional({ enum: MATCH_ON, enumName: 'IdentityMatchOn' }) @IsOptional() @IsIn(MATCH_ON) matchOn?: MatchOn;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(ACR, { each: true })
  strongAcrValues?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() jitAllowed?: boolean;
  @ApiPropertyOptional({ enum: ROLE_NAMES, enumName: 'RoleName', nullable: true }) @IsOptional() @IsIn(ROLE_NAMES) jitRole?: RoleName | null;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() jitUnitId?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isActive?: boolean;
}

export class CreateIdentityProviderRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() organisationId!: string;
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(100) displayName!: string;
  @ApiProperty({ example: 'https://idp.hammaro.se' })
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  @MaxLength(500)
  issuer!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) clientId!: string;
  @ApiProperty({ description: 'Write-only: sealed at rest, never returned' }) @IsString() @MinLength(1) @MaxLength(500) clientSecret!: string;
  @ApiPropertyOptional({ example: 'openid email profile' })
  @IsOptional()
  @Matches(/^openid( [\x21-\x7e]{1,60}){0,10}$/, { message: '$property must start with openid and hold space-separated scopes' })
  scopes?: string;
  @ApiPropertyOptional({ example: 'email' }) @IsOptional() @Matches(/^[A-Za-z0-9_:.-]{1,100}$/) userClaim?: string;
  @ApiPropertyOptional({ enum: MATCH_ON, enumName: 'IdentityMatchOn' }) @IsOptional() @IsIn(MATCH_ON) matchOn?: MatchOn;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(ACR, { each: true })
  strongAcrValues?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() jitAllowed?: boolean;
  @ApiPropertyOptional({ enum: ROLE_NAMES, enumName: 'RoleName' }) @IsOptional() @IsIn(ROLE_NAMES) jitRole?: RoleName;
  @ApiPropertyOptional({ type: String, format: 'uuid' }) @IsOptional() @IsUUID() jitUnitId?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isActive?: boolean;
}
