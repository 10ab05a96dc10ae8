import { Body, Controller, HttpCode, HttpStatus, Post, Req, UseGuards } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse, getSchemaPath } from '@nestjs/swagger';
import { Public } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { ApiNoContent, ApiOk, AppConfig } from '@samverkan/platform';
import type { FastifyRequest } from 'fastify';
import { MfaRequiredResponse } from '../mfa/mfa.dto.js';
import { MfaService } from '../mfa/mfa.service.js';
import { LoginRequest, RefreshRequest, TokenResponse } from './auth.dto.js';
import type { AuthenticatedUser } from './auth.service.js';
import { LoginGuard } from './login.guard.js';
import { TokenService } from './token.service.js';

@ApiTags('auth')
@Controller({ path: 'auth', version: '1' })
export class AuthController {
  constructor(
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly mfa: MfaService,
  ) {}

  @Post('login')
  @Public()
  @UseGuards(LoginGuard)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Logga in (Sign in) with e-mail and password' })
  @ApiExtraModels(TokenResponse, MfaRequiredResponse)
  @ApiOkResponse({
    description: 'The tokens, or — when the account has a second factor (TOTP, passkey) — the challenge for POST /auth/mfa/*',
    schema: { oneOf: [{ $ref: getSchemaPath(TokenResponse) }, { $ref: getSchemaPath(MfaRequiredResponse) }] },
  })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password, or the account is locked or deactivated' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address' })
  async login(@Req() request: FastifyRequest & { user: AuthenticatedUser }, @Body() _body: LoginRequest): Promise<TokenResponse | MfaRequiredResponse> {
    // With a second factor the password is only the first step (mfa.service.ts).
    const second = await this.mfa.loginChallenge(request.user.id);
    if (second) return second;
    // A password alone is not strong authentication (HSLF-FS 2016:40); only the demo and the tests
    // count it as strong (DEMO_STRONG_PASSWORD_SESSIONS, refused in production).
    return this.tokens.issue(request.user.id, request.user.tokenVersion, {
      method: 'password',
      strong: this.config.DEMO_STRONG_PASSWORD_SESSIONS,
      userAgent: request.headers['user-agent'] ?? null,
      ip: request.ip,
    });
  }

  @Post('refresh')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Förnya (Refresh): exchange a refresh token for a new pair; each token works once' })
  @ApiOk(TokenResponse)
  refresh(@Body() body: RefreshRequest): Promise<TokenResponse> {
    return this.tokens.rotate(body.refreshToken);
  }

  @Post('logout')
  @Public()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Logga ut (Sign out): revokes the session the refresh token belongs to' })
  @ApiNoContent()
  async logout(@Body() body: RefreshRequest): Promise<void> {
    const userId = await this.tokens.revoke(body.refreshToken);
    await this.audit.record({
      action: 'auth.logout',
      outcome: userId ? 'success' : 'failure',
      actor: userId ? { userId } : undefined,
      resourceType: userId ? 'user' : undefined,
      resourceId: userId,
    });
  }
}
