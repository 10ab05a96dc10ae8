import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequirePermission } from '@samverkan/access';
import { ApiCreated, ApiOk, ApiPage, etagOf, IfMatchVersion, UuidPipe } from '@samverkan/platform';
import type { FastifyReply } from 'fastify';
import {
  ConsideredSanctionRequest,
  DecisionRequest,
  HearingRequest,
  HearingResponseRequest,
  ProposeRequest,
  SanctionCaseView,
  SanctionListQuery,
} from './sanctions.dto.js';
import { SanctionsService } from './sanctions.service.js';

@ApiTags('inspections')
@Controller({ path: 'sanction-cases', version: '1' })
export class SanctionsController {
  constructor(private readonly sanctions: SanctionsService) {}

  @Post()
  @RequirePermission('sanction:propose')
  @ApiOperation({ summary: 'Föreslå sanktion (Propose a sanction case from inspection findings)' })
  @ApiCreated(SanctionCaseView)
  propose(@CurrentPrincipal() principal: Principal, @Body() body: ProposeRequest) {
    return this.sanctions.propose(principal, body);
  }

  @Get()
  @RequirePermission('premises:read')
  @ApiOperation({ summary: 'Sanktionsärenden (Sanction cases the caller may see, newest first); filter by licence, open or decided' })
  @ApiPage(SanctionCaseView)
  list(@CurrentPrincipal() principal: Principal, @Query() query: SanctionListQuery) {
    return this.sanctions.list(principal, query);
  }

  @Get(':id')
  @RequirePermission('premises:read')
  @ApiOperation({ summary: 'Sanktionsärende (One sanction case); the ETag is its version' })
  @ApiOk(SanctionCaseView)
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const found = await this.sanctions.get(principal, id);
    void reply.header('etag', etagOf(found.version));
    return found;
  }

  @Put(':id/considered-sanction')
  @RequirePermission('sanction:decide')
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiOperation({
    summary: 'Övervägd sanktion (Name the sanction the case considers)',
    description:
      'Erinran, varning or återkallelse: the hearing letter tells the holder, and the decision may be no harsher (FL 25 §). Named or changed only before the hearing is sent.',
  })
  @ApiOk(SanctionCaseView)
  considered(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @IfMatchVersion() version: number,
    @Body() body: ConsideredSanctionRequest,
  ) {
    return this.sanctions.nameConsideredSanction(principal, id, version, body.consideredSanction);
  }

  @Put(':id/hearing')
  @RequirePermission('sanction:decide')
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiOperation({
    summary: 'Kommunicering (Send the hearing to the holder, FL 25 §: the day sent and the last day to answer, default 14 days; a deadline with reminders)',
  })
  @ApiOk(SanctionCaseView)
  hearing(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @IfMatchVersion() version: number, @Body() body: HearingRequest) {
    return this.sanctions.recordHearing(principal, id, version, body);
  }

  @Put(':id/hearing/response')
  @RequirePermission('sanction:decide')
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiOperation({ summary: 'Svar på kommunicering (Record the holder’s answer to the hearing; its deadline is met)' })
  @ApiOk(SanctionCaseView)
  hearingResponse(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @IfMatchVersion() version: number,
    @Body() body: HearingResponseRequest,
  ) {
    return this.sanctions.recordResponse(principal, id, version, body);
  }

  @Post(':id/decision')
  @RequirePermission('sanction:decide')
  @HttpCode(HttpStatus.OK)
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiOperation({
    summary: 'Beslut (Decide: erinran, varning, återkallelse or no action, AL 9 kap 17–18 §§) — after the hearing is answered or its time has passed',
  })
  @ApiOk(SanctionCaseView)
  decide(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @IfMatchVersion() version: number, @Body() body: DecisionRequest) {
    return this.sanctions.decide(principal, id, version, body);
  }
}
