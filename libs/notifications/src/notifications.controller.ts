import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal } from '@samverkan/access';
import { PageQuery, QueryBoolean, UuidPipe } from '@samverkan/platform';
import { IsIn } from 'class-validator';
import { type EmailMode, NotificationsService } from './notifications.service.js';

class NotificationQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only unread notifications' })
  @QueryBoolean()
  unread?: boolean;
}

class PreferencesRequest {
  @ApiProperty({ enum: ['immediate', 'digest', 'off'], description: 'E-mail: one per reminder, a morning digest, or none' })
  @IsIn(['immediate', 'digest', 'off'])
  emailMode!: EmailMode;
}

/** Each user's own inbox: nobody reads another's notifications. */
@ApiTags('notifications')
@Controller({ version: '1' })
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('notifications')
  @Authenticated()
  @ApiOperation({ summary: 'Aviseringar (My notifications), newest first' })
  list(@CurrentPrincipal() principal: Principal, @Query() query: NotificationQuery) {
    return this.notifications.list(principal.userId, query);
  }

  @Get('notifications/unread-count')
  @Authenticated()
  async unread(@CurrentPrincipal() principal: Principal) {
    return { unread: await this.notifications.unreadCount(principal.userId) };
  }

  @Post('notifications/read-all')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  async readAll(@CurrentPrincipal() principal: Principal) {
    return { marked: await this.notifications.markAllRead(principal.userId) };
  }

  @Post('notifications/:id/read')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  read(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.notifications.markRead(principal.userId, id);
  }

  @Get('me/notification-preferences')
  @Authenticated()
  async preferences(@CurrentPrincipal() principal: Principal) {
    return { emailMode: await this.notifications.emailMode(principal.userId) };
  }

  @Put('me/notification-preferences')
  @Authenticated()
  async setPreferences(@CurrentPrincipal() principal: Principal, @Body() body: PreferencesRequest) {
    return { emailMode: await this.notifications.setEmailMode(principal.userId, body.emailMode) };
  }
}
