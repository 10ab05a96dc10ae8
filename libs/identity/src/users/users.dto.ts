import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ROLE_NAMES, type RoleName } from '@samverkan/access';
import { PageQuery, QueryBoolean } from '@samverkan/platform';
import { MIN_PASSWORD_LENGTH } from '../auth/auth-policy.js';

export class UserListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the name or e-mail address' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional()
  @QueryBoolean()
  active?: boolean;
}

export class CreateUserRequest {
  @ApiProperty({ example: 'anna.berg@hammaro.test' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Anna Berg' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  displayName!: string;

  @ApiProperty({ format: 'uuid', description: 'The employing organisation' })
  @IsUUID()
  organisationId!: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, description: 'Initial password' })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(1024)
  password!: string;
}

export class CreateMembershipRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  unitId!: string;

  @ApiProperty({ enum: ROLE_NAMES })
  @IsIn(ROLE_NAMES)
  role!: RoleName;

  @ApiPropertyOptional({ format: 'date-time', description: 'Defaults to now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  validFrom?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Open-ended when left out' })
  @IsOptional()
  @IsISO8601({ strict: true })
  validUntil?: string;
}

export interface MembershipView {
  id: string;
  unitId: string;
  unitName: string;
  organisationId: string;
  organisationName: string;
  role: RoleName;
  roleLabel: string;
  validFrom: string;
  validUntil: string | null;
  active: boolean;
}

export interface UserView {
  id: string;
  email: string;
  displayName: string;
  organisation: { id: string; name: string; kind: string };
  isActive: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  memberships: MembershipView[];
}
