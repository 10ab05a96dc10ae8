import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequirePermission } from '@samverkan/access';
import { ApiOk, ApiPage } from '@samverkan/platform';
import { RestaurantReportRowView, RestaurantReportsQuery, RestaurantReportsSummaryQuery, RestaurantReportsSummaryView } from './licensing.dto.js';
import { RestaurantReportsService } from './restaurant-reports.service.js';

/** The year's restaurant reports (restaurangrapport, AL 9 kap 7 §): who has and has not reported, and the figures. */
@ApiTags('licensing')
@Controller({ version: '1' })
export class RestaurantReportsController {
  constructor(private readonly reports: RestaurantReportsService) {}

  @Get('restaurant-reports')
  @RequirePermission('premises:read')
  @ApiOperation({
    summary: 'Restaurangrapporter (Each licence that reports for the year: not opened, open, late or submitted, with its figures); by premises',
  })
  @ApiPage(RestaurantReportRowView)
  list(@CurrentPrincipal() principal: Principal, @Query() query: RestaurantReportsQuery) {
    return this.reports.list(principal, query);
  }

  @Get('restaurant-reports/summary')
  @RequirePermission('premises:read')
  @ApiOperation({ summary: 'Årets restaurangrapporter i siffror (Submitted, not submitted, late, and the totals of the figures reported)' })
  @ApiOk(RestaurantReportsSummaryView)
  summary(@CurrentPrincipal() principal: Principal, @Query() query: RestaurantReportsSummaryQuery) {
    return this.reports.summary(principal, query);
  }
}
