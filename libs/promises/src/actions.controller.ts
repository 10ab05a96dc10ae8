import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequirePermission } from '@samverkan/access';
import { ApiCreated, ApiNoContent, ApiOk, ApiPage, etagOf, IfMatchVersion, UuidPipe } from '@samverkan/platform';
import type { FastifyReply } from 'fastify';
import { ActionListQuery, CreateActionRequest, ReassignActionRequest, UpdateActionRequest } from './actions.dto.js';
import { ActionsService } from './actions.service.js';
import { ActionDashboardView, ActionView, ActionWithHistoryView } from './actions.views.js';
import { DashboardService } from './dashboard.service.js';
import { ActivityListQuery, CreateActivityRequest, UpdateActivityRequest } from './activities.dto.js';
import { ActivitiesService } from './activities.service.js';
import { ActivityView, FieldChoicesView } from './activities.views.js';
import { IsUUID } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';

const IF_MATCH = { name: 'If-Match', required: true, description: 'The version (ETag) you last read' };

@ApiTags('actions')
@Controller({ path: 'actions', version: '1' })
export class ActionsController {
  constructor(private readonly actions: ActionsService) {}

  @Get()
  @RequirePermission('promise:read')
  @ApiOperation({ summary: 'Åtgärder (Actions), by due date; filter by status, overdue, owner, party, problem area' })
  @ApiPage(ActionView)
  list(@CurrentPrincipal() principal: Principal, @Query() query: ActionListQuery) {
    return this.actions.list(principal, query);
  }

  @Post()
  @RequirePermission('promise:manage')
  @ApiOperation({ summary: 'Ny åtgärd (Add an action to a commitment): who does it and by when' })
  @ApiCreated(ActionView)
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateActionRequest) {
    return this.actions.create(principal, body);
  }

  @Get(':id')
  @RequirePermission('promise:read')
  @ApiOperation({ summary: 'En åtgärd med historik (One action with its history)' })
  @ApiOk(ActionWithHistoryView)
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const action = await this.actions.get(principal, id);
    void reply.header('etag', etagOf(action.version));
    return action;
  }

  @Patch(':id')
  @RequirePermission('promise_action:update')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Rapportera (Report status, progress or a note); done and cancelled are final unless reopened with a reason' })
  @ApiOk(ActionView)
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @IfMatchVersion() version: number,
    @Body() body: UpdateActionRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const action = await this.actions.update(principal, id, version, body);
    void reply.header('etag', etagOf(action.version));
    return action;
  }

  @Put(':id/responsible')
  // Reading is the floor; the service asks promise_action:update or promise_action:reassign on the action.
  @RequirePermission('promise:read')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Byt ansvarig (Hand the action to another responsible person); promise_action:reassign or :update on it' })
  @ApiOk(ActionView)
  async reassign(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @IfMatchVersion() version: number,
    @Body() body: ReassignActionRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const action = await this.actions.update(principal, id, version, { responsibleUserId: body.responsibleUserId, note: body.note }, 'reassign');
    void reply.header('etag', etagOf(action.version));
    return action;
  }

  @Delete(':id')
  @RequirePermission('promise:manage')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Ta bort åtgärden (Delete an action); its deadline is cancelled' })
  @ApiNoContent()
  remove(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.actions.remove(principal, id);
  }
}

@ApiTags('activities')
@Controller({ path: 'activities', version: '1' })
export class ActivitiesController {
  constructor(private readonly activities: ActivitiesService) {}

  @Get()
  @RequirePermission('promise:read')
  @ApiOperation({ summary: 'Genomförda aktiviteter (Activities carried out), newest first' })
  @ApiPage(ActivityView)
  list(@CurrentPrincipal() principal: Principal, @Query() query: ActivityListQuery) {
    return this.activities.list(principal, query);
  }

  @Post()
  @RequirePermission('promise_action:update')
  @ApiOperation({ summary: 'Registrera aktivitet (Record an activity with its counts)' })
  @ApiCreated(ActivityView)
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateActivityRequest) {
    return this.activities.create(principal, body);
  }

  @Get('field-choices')
  @RequirePermission('promise_action:update')
  @ApiOperation({ summary: 'Val för fältregistrering (What the field form offers: running promise, commitments by kind, open actions, places, organisations)' })
  @ApiOk(FieldChoicesView)
  fieldChoices(@CurrentPrincipal() principal: Principal) {
    return this.activities.fieldChoices(principal);
  }

  @Get(':id')
  @RequirePermission('promise:read')
  @ApiOperation({ summary: 'En aktivitet (One activity); ETag carries the version' })
  @ApiOk(ActivityView)
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const activity = await this.activities.get(principal, id);
    void reply.header('etag', etagOf(activity.version));
    return activity;
  }

  @Patch(':id')
  @RequirePermission('promise_action:update')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Ändra aktiviteten (Update an activity: date, place, kind, counts, note)' })
  @ApiOk(ActivityView)
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @IfMatchVersion() version: number,
    @Body() body: UpdateActivityRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const activity = await this.activities.update(principal, id, version, body);
    void reply.header('etag', etagOf(activity.version));
    return activity;
  }

  @Delete(':id')
  @RequirePermission('promise_action:update')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Ta bort aktiviteten (Delete an activity)' })
  @ApiNoContent()
  remove(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.activities.remove(principal, id);
  }
}

class DashboardQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  promiseId!: string;
}

@ApiTags('dashboard')
@Controller({ path: 'dashboard', version: '1' })
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get('actions')
  @RequirePermission('promise:read')
  @ApiOperation({ summary: 'Lägesbild (Where the promise stands): counts, overdue, due in 14 days, progress' })
  @ApiOk(ActionDashboardView)
  actions(@CurrentPrincipal() principal: Principal, @Query() query: DashboardQuery) {
    return this.dashboard.forPromise(principal, query.promiseId);
  }
}
