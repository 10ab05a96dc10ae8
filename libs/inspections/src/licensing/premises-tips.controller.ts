import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequirePermission } from '@samverkan/access';
import { ApiOk, ApiPage, UuidPipe } from '@samverkan/platform';
import { PremisesTipDetailView, TipAcknowledgeRequest, TipListQuery } from './premises-tips.dto.js';
import { PremisesTipsService } from './premises-tips.service.js';

/**
 * The licensing officers' side of tips about premises (AL 9 kap 2 §: the police and others tell the
 * municipality what matters for its supervision): read them in full, acknowledge, book from them.
 * Recording a tip is POST /premises/{id}/tips.
 */
@ApiTags('licensing')
@Controller({ path: 'premises-tips', version: '1' })
export class PremisesTipsController {
  constructor(private readonly tips: PremisesTipsService) {}

  @Get()
  @RequirePermission('premises:manage')
  @ApiOperation({ summary: 'Tips om serveringsställen (Tips about your premises with their full text, unacknowledged first, newest first)' })
  @ApiPage(PremisesTipDetailView)
  list(@CurrentPrincipal() principal: Principal, @Query() query: TipListQuery) {
    return this.tips.list(principal, query);
  }

  @Get(':id')
  @RequirePermission('premises:manage')
  @ApiOperation({ summary: 'Tips (One tip with its full text and the inspections booked from it)' })
  @ApiOk(PremisesTipDetailView)
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.tips.get(principal, id);
  }

  @Post(':id/acknowledge')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('premises:manage')
  @ApiOperation({ summary: 'Kvittera tips (Handled: inspection booked or judged not needed)' })
  @ApiOk(PremisesTipDetailView)
  acknowledge(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Body() body: TipAcknowledgeRequest) {
    return this.tips.acknowledge(principal, id, body.note);
  }
}
