import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequirePermission } from '@samverkan/access';
import { ApiOk, ApiPage } from '@samverkan/platform';
import { StaffMemberView, WorkQueueItemView, WorkQueueQuery, WorkQueueSummaryView } from './work-queue.dto.js';
import { WorkQueueService } from './work-queue.service.js';

/** The work queue of the units and organisation a manager leads (work_queue:read). */
@ApiTags('deadlines')
@Controller({ path: 'work-queue', version: '1' })
export class WorkQueueController {
  constructor(private readonly queue: WorkQueueService) {}

  @Get()
  @RequirePermission('work_queue:read')
  @ApiOperation({ summary: 'Arbetskö (Open deadlines of the units or organisation I lead); filter by person, kind, state' })
  @ApiPage(WorkQueueItemView)
  list(@CurrentPrincipal() principal: Principal, @Query() query: WorkQueueQuery) {
    return this.queue.list(principal, query);
  }

  @Get('summary')
  @RequirePermission('work_queue:read')
  @ApiOperation({ summary: 'Arbetsköns antal (Counts of my work queue: overdue, due within 14 days, open; per kind and per person)' })
  @ApiOk(WorkQueueSummaryView)
  summary(@CurrentPrincipal() principal: Principal) {
    return this.queue.summary(principal);
  }

  @Get('staff')
  @RequirePermission('work_queue:read')
  @ApiOperation({ summary: 'Medarbetare (The people of the units or organisation I lead: to filter by and to hand work to)' })
  @ApiOk([StaffMemberView])
  staff(@CurrentPrincipal() principal: Principal) {
    return this.queue.staff(principal);
  }
}
