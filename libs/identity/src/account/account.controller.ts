import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal, Public } from '@samverkan/access';
import { ApiNoContent, ApiOk, ApiPage, AppConfig, PageQuery, ProblemException, RateLimiter, UuidPipe } from '@samverkan/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LOGIN_RATE_WINDOW_SECONDS } from '../auth/auth-policy.js';
import { TokenResponse } from '../auth/auth.dto.js';
import {
  AcceptInvitationRequest,
  ChangePasswordRequest,
  InvitationView,
  PasswordResetAccepted,
  PasswordResetRequest,
  ResetPasswordRequest,
  SessionsEndedView,
  SessionView,
} from './account.dto.js';
import { InvitationsService } from './invitations.service.js';
import { PasswordResetService } from './password-reset.service.js';
import { SessionsService } from './sessions.service.js';

/** The account life cycle as its owner sees it (issue #18): invitation links, password reset, own sessions. */
@ApiTags('account')
@Controller({ version: '1' })
export class AccountController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly resets: PasswordResetService,
    private readonly sessions: SessionsService,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  @Get('account/invitation/:token')
  @Public()
  @ApiOperation({ summary: 'Inbjudan (Invitation): who is invited, by which organisation; 404/410 for unknown, used or expired links' })
  @ApiOk(InvitationView)
  async invitation(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @Param('token') token: string): Promise<InvitationView> {
    await this.limit(request, reply);
    return this.invitations.view(token);
  }

  @Post('account/invitation/:token')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Ta emot inbjudan (Accept an invitation): choose a password under the policy and be signed in; the link works once' })
  @ApiOk(TokenResponse)
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address' })
  async acceptInvitation(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('token') token: string,
    @Body() body: AcceptInvitationRequest,
  ): Promise<TokenResponse> {
    await this.limit(request, reply);
    return this.invitations.accept(token, body.password, { userAgent: request.headers['user-agent'] ?? null, ip: request.ip });
  }

  @Post('auth/password-reset')
  @Public()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Glömt lösenordet (Forgot password): e-mails a one-time link valid one hour if the address has an account; the same answer either way',
  })
  @ApiAcceptedResponse({ description: 'Accepted (whether or not the address has an account)', type: PasswordResetAccepted })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address' })
  async requestReset(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() body: PasswordResetRequest,
  ): Promise<PasswordResetAccepted> {
    await this.limit(request, reply);
    return this.resets.request(body.email);
  }

  @Post('auth/password-reset/:token')
  @Public()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Återställ lösenordet (Reset the password) with the link; the link works once and every session of the user ends' })
  @ApiNoContent()
  async reset(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Param('token') token: string,
    @Body() body: ResetPasswordRequest,
  ): Promise<void> {
    await this.limit(request, reply);
    await this.resets.reset(token, body.password);
  }

  @Post('me/password')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Byt lösenord (Change password): the current one first; your other sessions end' })
  @ApiNoContent()
  async changePassword(
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() body: ChangePasswordRequest,
  ): Promise<void> {
    await this.limit(request, reply, `user:${principal.userId}`);
    await this.resets.change(principal, body.currentPassword, body.newPassword);
  }

  @Get('me/sessions')
  @Authenticated()
  @ApiOperation({ summary: 'Mina inloggningar (My sessions): the live ones, newest first, the current one marked' })
  @ApiPage(SessionView)
  mySessions(@CurrentPrincipal() principal: Principal, @Query() query: PageQuery) {
    return this.sessions.mine(principal, query);
  }

  @Delete('me/sessions/:id')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Logga ut en inloggning (Sign out one session): its tokens stop working at once' })
  @ApiNoContent()
  async endMine(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<void> {
    await this.sessions.endMine(principal, id);
  }

  @Post('me/sessions/sign-out-others')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Logga ut övriga (Sign out every other session)' })
  @ApiOk(SessionsEndedView)
  async endOthers(@CurrentPrincipal() principal: Principal): Promise<SessionsEndedView> {
    return { ended: await this.sessions.endOthers(principal) };
  }

  /** The sign-in rate limit, per client address (or `key`), on every link and password route. */
  private async limit(request: FastifyRequest, reply: FastifyReply, key = `ip:${request.ip}`): Promise<void> {
    const limit = await this.limiter.hit(`account:${key}`, this.config.LOGIN_RATE_LIMIT_PER_MINUTE, LOGIN_RATE_WINDOW_SECONDS);
    if (!limit.allowed) {
      void reply.header('retry-after', String(limit.retryAfterSeconds));
      throw new ProblemException('account.rate_limited', { retryAfterSeconds: limit.retryAfterSeconds });
    }
  }
}
