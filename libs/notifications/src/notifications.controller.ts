import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal } from '@samverkan/access';
import { ApiOk, ApiPage, UuidPipe } from '@samverkan/platform';
import { MarkedReadView, NotificationPreferencesView, NotificationQuery, NotificationView, PreferencesRequest, UnreadCountView } from './notifications.dto.js';
import { NotificationsService } from './notifications.service.js';

/** Each user's own inbox: nobody reads another's notifications. */
@ApiTags('notifications')
@Controller({ version: '1' })
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('notifications')
  @Authenticated()
  @ApiOperation({ summary: 'Aviseringar (My notifications), newest first' })
  @ApiPage(NotificationView)
  list(@CurrentPrincipal() principal: Principal, @Query() query: NotificationQuery) {
    return this.notifications.list(principal, query);
  }

  @Get('notifications/unread-count')
  @Authenticated()
  @ApiOperation({ summary: 'Olästa (How many of my notifications are unread)' })
  @ApiOk(UnreadCountView)
  async unread(@CurrentPrincipal() principal: Principal): Promise<UnreadCountView> {
    return { unread: await this.notifications.unreadCount(principal.userId) };
  }

  @Post('notifications/read-all')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Markera alla som lästa (Mark all my notifications read)' })
  @ApiOk(MarkedReadView)
  async readAll(@CurrentPrincipal() principal: Principal): Promise<MarkedReadView> {
    return { marked: await this.notifications.markAllRead(principal.userId) };
  }

  @Post('notifications/:id/read')
  @Authenticated()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Markera som läst (Mark one of my notifications read)' })
  @ApiOk(NotificationView)
  read(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.notifications.markRead(principal, id);
  }

  @Get('me/notification-preferences')
  @Authenticated()
  @ApiOperation({ summary: 'E-postval (How I want e-mail: immediately, as a morning digest, or not at all)' })
  @ApiOk(NotificationPreferencesView)
  async preferences(@CurrentPrincipal() principal: Principal): Promise<NotificationPreferencesView> {
    return { emailMode: await this.notifications.emailMode(principal.userId) };
  }

  @Put('me/notification-preferences')
  @Authenticated()
  @ApiOperation({ summary: 'Ändra e-postval (Change how I want e-mail)' })
  @ApiOk(NotificationPreferencesView)
  async setPreferences(@CurrentPrincipal() principal: Principal, @Body() body: PreferencesRequest): Promise<NotificationPreferencesView> {
    return { emailMode: await this.notifications.setEmailMode(principal.userId, body.emailMode) };
  }
}
