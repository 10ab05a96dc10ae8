import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal, Public, RequirePermission } from '@samverkan/access';
import { ApiCreated, ApiFile, ApiNoContent, ApiOk, UuidPipe } from '@samverkan/platform';
import type { FastifyReply } from 'fastify';
import { CalendarService } from './calendar.service.js';
import { CalendarFeedView, FeedQuery } from './inspections.dto.js';
import { OpenReportsRequest, RestaurantReportsOpenedView, RestaurantReportSubmittedView, SubmitReportRequest } from '../licensing/licensing.dto.js';
import { RestaurantReportsService } from '../licensing/restaurant-reports.service.js';

/**
 * Each inspector's calendar feed, and the restaurant reports of licensing, whose routes have
 * always been served here (the class name is part of their OpenAPI operation ids).
 */
@ApiTags('inspections')
@Controller({ version: '1' })
export class CalendarController {
  constructor(
    private readonly calendar: CalendarService,
    private readonly reports: RestaurantReportsService,
  ) {}

  @Get('inspections/calendar.ics')
  @Public()
  @ApiFile(['text/calendar'], 'The inspections as an iCalendar feed (RFC 5545), from 30 days back to a year ahead')
  @ApiOperation({ summary: 'Mina tillsyner som kalender (iCalendar feed); the secret token is the credential' })
  async feed(@Query() query: FeedQuery, @Res({ passthrough: true }) reply: FastifyReply) {
    const body = await this.calendar.feed(query.token);
    void reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300');
    return body;
  }

  @Post('me/calendar-feed')
  @Authenticated()
  @ApiOperation({ summary: 'Ny kalenderlänk (Issue a feed URL); replaces the previous one' })
  @ApiCreated(CalendarFeedView)
  issue(@CurrentPrincipal() principal: Principal) {
    return this.calendar.issue(principal.userId);
  }

  @Delete('me/calendar-feed')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Stäng kalenderlänken (Revoke the feed)' })
  @ApiNoContent()
  revoke(@CurrentPrincipal() principal: Principal) {
    return this.calendar.revoke(principal.userId);
  }

  @Post('restaurant-reports/open')
  @RequirePermission('premises:manage')
  @ApiOperation({ summary: 'Öppna restaurangrapporter (One report per licence for the year, due 1 March, with reminders)' })
  @ApiCreated(RestaurantReportsOpenedView)
  open(@CurrentPrincipal() principal: Principal, @Body() body: OpenReportsRequest) {
    return this.reports.open(principal, body.collaborationId, body.year);
  }

  @Post('restaurant-reports/:id/submit')
  @RequirePermission('premises:manage')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "Lämna restaurangrapport (Submit the year's sales figures); meets the report's deadline" })
  @ApiOk(RestaurantReportSubmittedView)
  submit(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Body() body: SubmitReportRequest) {
    return this.reports.submit(principal, id, body.figures);
  }
}
