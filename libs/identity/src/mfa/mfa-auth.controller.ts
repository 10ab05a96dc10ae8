import { Body, Controller, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal, Public } from '@samverkan/access';
import { ApiOk, AppConfig, ProblemException, RateLimiter } from '@samverkan/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LOGIN_RATE_WINDOW_SECONDS } from '../auth/auth-policy.js';
import { TokenResponse } from '../auth/auth.dto.js';
import { MfaPasskeyRequest, MfaTotpRequest, PasskeyOptionsView, StepUpRequest, StepUpView } from './mfa.dto.js';
import { MfaService, type RequestMeta } from './mfa.service.js';

/** The sign-in steps with a second factor, passwordless passkeys and step-up (issue #18). */
@ApiTags('auth')
@Controller({ path: 'auth', version: '1' })
export class MfaAuthController {
  constructor(
    private readonly mfa: MfaService,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  @Post('mfa/totp')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Andra steget (Second step): the code of the authenticator app, or a recovery code; wrong ones count toward the lockout' })
  @ApiOk(TokenResponse)
  @ApiUnauthorizedResponse({ description: 'mfa.challenge_invalid or mfa.code_invalid' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address' })
  async totp(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @Body() body: MfaTotpRequest): Promise<TokenResponse> {
    await this.limit(request, reply);
    return this.mfa.completeWithCode(body.challenge, body, meta(request));
  }

  @Post('mfa/passkey')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Andra steget med passkey (Second step with a passkey): the assertion for the options of the login answer' })
  @ApiOk(TokenResponse)
  @ApiUnauthorizedResponse({ description: 'mfa.challenge_invalid or mfa.passkey_invalid' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address' })
  async passkey(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @Body() body: MfaPasskeyRequest): Promise<TokenResponse> {
    await this.limit(request, reply);
    return this.mfa.completeWithPasskey(body.challenge, body.response, meta(request));
  }

  @Post('passkey/options')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Logga in med passkey (Passwordless): options for a discoverable credential' })
  @ApiOk(PasskeyOptionsView)
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address' })
  async passkeyOptions(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<PasskeyOptionsView> {
    await this.limit(request, reply);
    return this.mfa.passwordlessOptions();
  }

  @Post('passkey/verify')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Logga in med passkey (Passwordless): the assertion; a strong session' })
  @ApiOk(TokenResponse)
  @ApiUnauthorizedResponse({ description: 'mfa.challenge_invalid or mfa.passkey_invalid' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address' })
  async passkeyVerify(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() body: MfaPasskeyRequest,
  ): Promise<TokenResponse> {
    await this.limit(request, reply);
    return this.mfa.passwordlessVerify(body.challenge, body.response, meta(request));
  }

  @Post('step-up/options')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Bekräfta med passkey (Step-up with a passkey): options for the current session' })
  @ApiOk(PasskeyOptionsView)
  stepUpOptions(@CurrentPrincipal() principal: Principal): Promise<PasskeyOptionsView> {
    return this.mfa.stepUpOptions(principal);
  }

  @Post('step-up')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: `Bekräfta inloggningen (Step-up): a TOTP code or a passkey assertion makes the current session strong again now (STEP_UP_MAX_AGE_MINUTES)`,
  })
  @ApiOk(StepUpView)
  stepUp(@CurrentPrincipal() principal: Principal, @Body() body: StepUpRequest): Promise<StepUpView> {
    return this.mfa.stepUp(principal, body);
  }

  /** The same per-address limit as the password step (login.guard.ts). */
  private async limit(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const limit = await this.limiter.hit(`login:${request.ip}`, this.config.LOGIN_RATE_LIMIT_PER_MINUTE, LOGIN_RATE_WINDOW_SECONDS);
    if (!limit.allowed) {
      void reply.header('retry-after', String(limit.retryAfterSeconds));
      throw new ProblemException('auth.rate_limited', { retryAfterSeconds: limit.retryAfterSeconds });
    }
  }
}

const meta = (request: FastifyRequest): RequestMeta => ({ userAgent: request.headers['user-agent'] ?? null, ip: request.ip });
