import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequirePermission } from '@samverkan/access';
import { ApiOk, ApiPage, PageQuery, UuidPipe } from '@samverkan/platform';
import { SessionsEndedView, SessionView, UserAccountView } from './account.dto.js';
import { InvitationsService } from './invitations.service.js';
import { SessionsService } from './sessions.service.js';

/** A user's account as their administrators handle it (issue #18): invitation, sessions, forced sign-out. */
@ApiTags('users')
@Controller({ path: 'users', version: '1' })
export class AccountAdminController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly sessions: SessionsService,
  ) {}

  @Get(':id/account')
  @RequirePermission('user:read')
  @ApiOperation({ summary: 'Konto (Account): whether the user has a password, and their latest invitation' })
  @ApiOk(UserAccountView)
  account(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.invitations.account(principal, id);
  }

  @Post(':id/invitation')
  @RequirePermission('user:manage')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Bjud in (Invite) by e-mail, or send the invitation again: a one-time link valid 72 hours; earlier links stop working' })
  @ApiOk(UserAccountView)
  invite(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.invitations.send(principal, id);
  }

  @Get(':id/sessions')
  @RequirePermission('user:read')
  @ApiOperation({ summary: 'Inloggningar (Sessions): the user’s live sessions, newest first' })
  @ApiPage(SessionView)
  userSessions(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Query() query: PageQuery) {
    return this.sessions.ofUser(principal, id, query);
  }

  @Post(':id/sessions/end')
  @RequirePermission('user:manage')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Logga ut överallt (Sign out everywhere): every session of the user ends at once' })
  @ApiOk(SessionsEndedView)
  async endAll(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<SessionsEndedView> {
    return { ended: await this.sessions.endAllOf(principal, id) };
  }
}
