import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequirePermission } from '@samverkan/access';
import { AuditRead } from '@samverkan/audit';
import { ApiCreated, ApiOk, ApiPage, ProblemException, UuidPipe } from '@samverkan/platform';
import { CreateMembershipRequest, CreateUserRequest, UserListQuery, UserView } from './users.dto.js';
import { InvitationsService } from '../account/invitations.service.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@Controller({ path: 'users', version: '1' })
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly invitations: InvitationsService,
  ) {}

  @Get()
  @RequirePermission('user:read')
  @ApiOperation({ summary: 'Användare (Users) the caller administers, by name' })
  @ApiPage(UserView)
  list(@CurrentPrincipal() principal: Principal, @Query() query: UserListQuery) {
    return this.users.list(principal, query);
  }

  @Get(':id')
  @RequirePermission('user:read')
  @AuditRead('user')
  @ApiOperation({ summary: 'En användare (One user) with memberships' })
  @ApiOk(UserView)
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.users.get(principal, id);
  }

  @Post()
  @RequirePermission('user:manage')
  @ApiOperation({ summary: 'Skapa användare (Create a user); without a password the person is invited by e-mail' })
  @ApiCreated(UserView)
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateUserRequest) {
    const user = await this.users.create(principal, body);
    // The account exists either way; an invitation the mail server did not take is sent again from the user page.
    if (body.password === undefined) {
      await this.invitations.send(principal, user.id).catch((error: unknown) => {
        if (!(error instanceof ProblemException && error.code === 'account.mail_unavailable')) throw error;
      });
    }
    return user;
  }

  @Post(':id/deactivate')
  @RequirePermission('user:manage')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Avaktivera (Deactivate): sign-in and every token stop working at once' })
  @ApiOk(UserView)
  deactivate(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.users.setActive(principal, id, false);
  }

  @Post(':id/reactivate')
  @RequirePermission('user:manage')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Återaktivera (Reactivate) a deactivated user' })
  @ApiOk(UserView)
  reactivate(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.users.setActive(principal, id, true);
  }

  @Post(':id/memberships')
  @RequirePermission('user:manage')
  @ApiOperation({ summary: 'Ge en roll i en enhet (Give a role in a unit)' })
  @ApiCreated(UserView, 'The user with the new membership')
  addMembership(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Body() body: CreateMembershipRequest) {
    return this.users.addMembership(principal, id, body);
  }

  @Post(':id/memberships/:membershipId/end')
  @RequirePermission('user:manage')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Avsluta en roll (End a membership) now' })
  @ApiOk(UserView)
  endMembership(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Param('membershipId', UuidPipe) membershipId: string) {
    return this.users.endMembership(principal, id, membershipId);
  }
}
