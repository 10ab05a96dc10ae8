import { Body, Controller, Get, Headers, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequirePermission } from '@samverkan/access';
import { ApiCreated, ApiFile, ApiOk, toCsv, UuidPipe } from '@samverkan/platform';
import type { FastifyReply } from 'fastify';
import {
  GeneratePlanRequest,
  PlanItemRequest,
  PlansQuery,
  StatisticsQuery,
  SupervisionPlanSummaryView,
  SupervisionPlanView,
  SupervisionStatisticsView,
} from './supervision.dto.js';
import { SupervisionService } from './supervision.service.js';

@ApiTags('inspections')
@Controller({ version: '1' })
export class SupervisionController {
  constructor(private readonly supervision: SupervisionService) {}

  @Post('supervision-plans')
  @RequirePermission('inspection:plan')
  @ApiOperation({ summary: 'Tillsynsplan (Generate the year’s plan from the risk model)' })
  @ApiCreated(SupervisionPlanView)
  generate(@CurrentPrincipal() principal: Principal, @Body() body: GeneratePlanRequest) {
    return this.supervision.generate(principal, body.collaborationId, body.year);
  }

  @Get('supervision-plans')
  @RequirePermission('inspection:read')
  @ApiOperation({ summary: "Tillsynsplaner (The collaboration's supervision plans, newest year first)" })
  @ApiOk([SupervisionPlanSummaryView])
  listPlans(@CurrentPrincipal() principal: Principal, @Query() query: PlansQuery) {
    return this.supervision.list(principal, query.collaborationId);
  }

  @Get('supervision-plans/:id')
  @RequirePermission('inspection:read')
  @ApiOperation({ summary: 'Tillsynsplan (The plan with risk scores, their factors, and planned against performed visits)' })
  @ApiOk(SupervisionPlanView)
  plan(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.supervision.plan(principal, id);
  }

  @Patch('supervision-plans/:id/items/:premisesId')
  @RequirePermission('inspection:plan')
  @ApiOperation({ summary: 'Ändra planen (Set the visits planned for premises, with a note)' })
  @ApiOk(SupervisionPlanView)
  editItem(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Param('premisesId', UuidPipe) premisesId: string,
    @Body() body: PlanItemRequest,
  ) {
    return this.supervision.updateItem(principal, id, premisesId, body);
  }

  @Get('supervision/statistics')
  @RequirePermission('inspection:read')
  @ApiOperation({ summary: 'Tillsynsstatistik (Visits by type, attempted, remarks, decisions, plan vs actual); CSV with format=csv or Accept: text/csv' })
  @ApiFile(['text/csv'], "The year's figures (JSON, or CSV in Swedish)", SupervisionStatisticsView)
  async statistics(
    @CurrentPrincipal() principal: Principal,
    @Query() query: StatisticsQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const stats = await this.supervision.statistics(principal, query.collaborationId, query.year);
    if ((query.format ?? (accept?.includes('text/csv') ? 'csv' : 'json')) !== 'csv') return stats;
    const rows: [string, number | string][] = [
      ['Tillsynsbesök, yttre', stats.visitsByType.external],
      ['Tillsynsbesök, samordnade', stats.visitsByType.coordinated],
      ['Tillsyn, inre', stats.visitsByType.internal],
      ['Förebyggande tillsyn', stats.visitsByType.preventive],
      ['Försök till besök (ingen på plats)', stats.attemptedVisits],
      ['Anmärkningar', stats.remarks],
      ['Erinran', stats.decisions.erinran],
      ['Varning', stats.decisions.varning],
      ['Återkallelse', stats.decisions.aterkallelse],
      ['Planerade besök', stats.plan?.planned ?? ''],
      ['Genomförda enligt plan', stats.plan?.performed ?? ''],
    ];
    void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="tillsyn-${query.year}.csv"`);
    return toCsv([['Mått', query.year], ...rows]);
  }
}
