import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequirePermission } from '@samverkan/access';
import { AuditRead } from '@samverkan/audit';
import { ApiCreated, ApiNoContent, ApiOk, ApiPage, etagOf, IfMatchVersion, PageQuery, UuidPipe } from '@samverkan/platform';
import type { FastifyReply } from 'fastify';
import {
  HolderInput,
  LicenceHolderView,
  LicenceInput,
  LicenceStatusInput,
  LicenceTermsInput,
  LicenceDecisionView,
  LicenceView,
  LicensingListQuery,
  PremisesInput,
  PremisesView,
  ServingManagersRequest,
} from './licensing.dto.js';
import { LicenceHoldersService } from './licence-holders.service.js';
import { LicencesService } from './licences.service.js';
import { PremisesService } from './premises.service.js';

const IF_MATCH = { name: 'If-Match', required: true, description: 'The version (ETag) you last read' };

/** The licence register: holders, premises (serveringsställen), licences (serveringstillstånd). */
@ApiTags('licensing')
@Controller({ version: '1' })
export class LicensingController {
  constructor(
    private readonly holders: LicenceHoldersService,
    private readonly premises: PremisesService,
    private readonly licences: LicencesService,
  ) {}

  @Get('licence-holders')
  @RequirePermission('premises:read')
  @ApiOperation({ summary: 'Tillståndshavare (Licence holders); q: part of the name' })
  @ApiPage(LicenceHolderView)
  listHolders(@CurrentPrincipal() principal: Principal, @Query() query: LicensingListQuery) {
    return this.holders.list(principal, query);
  }

  @Post('licence-holders')
  @RequirePermission('premises:manage')
  @ApiOperation({ summary: 'Registrera tillståndshavare (Register a holder); the organisation number is checked' })
  @ApiCreated(LicenceHolderView)
  createHolder(@CurrentPrincipal() principal: Principal, @Body() body: HolderInput) {
    return this.holders.create(principal, body);
  }

  @Get('licence-holders/:id')
  @RequirePermission('premises:read')
  @ApiOperation({ summary: 'Tillståndshavare (One licence holder)' })
  @ApiOk(LicenceHolderView)
  getHolder(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.holders.get(principal, id);
  }

  @Put('licence-holders/:id')
  @RequirePermission('premises:manage')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Ändra tillståndshavare (Update a licence holder); the organisation number is checked' })
  @ApiOk(LicenceHolderView)
  updateHolder(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @IfMatchVersion() version: number, @Body() body: HolderInput) {
    return this.holders.update(principal, id, version, body);
  }

  @Get('premises')
  @RequirePermission('premises:read')
  @ApiOperation({
    summary:
      'Serveringsställen (Licensed premises) with their licences, latest risk score and its factors, next visit due; q: name, status: a licence in that status',
  })
  @ApiPage(PremisesView)
  listPremises(@CurrentPrincipal() principal: Principal, @Query() query: LicensingListQuery) {
    return this.premises.list(principal, query);
  }

  @Post('premises')
  @RequirePermission('premises:manage')
  @ApiOperation({ summary: "Registrera serveringsställe (Register premises in a collaboration's municipality)" })
  @ApiCreated(PremisesView)
  createPremises(@CurrentPrincipal() principal: Principal, @Body() body: PremisesInput) {
    return this.premises.create(principal, body);
  }

  @Get('premises/:id')
  @RequirePermission('premises:read')
  @ApiOperation({ summary: 'Serveringsställe (One premises with its licences, risk and next visit); the ETag is its version' })
  @ApiOk(PremisesView)
  async getPremises(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const premises = await this.premises.get(principal, id);
    void reply.header('etag', etagOf(premises.version));
    return premises;
  }

  @Put('premises/:id')
  @RequirePermission('premises:manage')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Ändra serveringsställe (Update premises); the kitchen stays while a permanent licence to the public needs it' })
  @ApiOk(PremisesView)
  async updatePremises(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @IfMatchVersion() version: number,
    @Body() body: PremisesInput,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const premises = await this.premises.update(principal, id, version, body);
    void reply.header('etag', etagOf(premises.version));
    return premises;
  }

  @Delete('premises/:id')
  @RequirePermission('premises:manage')
  @ApiHeader(IF_MATCH)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Ta bort serveringsställe (Delete premises registered by mistake); 409 once licences or inspections exist' })
  @ApiNoContent()
  async deletePremises(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @IfMatchVersion() version: number): Promise<void> {
    await this.premises.delete(principal, id, version);
  }

  @Get('licences')
  @RequirePermission('premises:read')
  @ApiOperation({ summary: 'Serveringstillstånd (Licences); filter by premises, holder, status' })
  @ApiPage(LicenceView)
  listLicences(@CurrentPrincipal() principal: Principal, @Query() query: LicensingListQuery) {
    return this.licences.list(principal, query);
  }

  @Post('licences')
  @RequirePermission('premises:manage')
  @ApiOperation({ summary: 'Bevilja tillstånd (Grant a licence): serving managers ≥ 20, own kitchen for a permanent licence to the public' })
  @ApiCreated(LicenceView)
  createLicence(@CurrentPrincipal() principal: Principal, @Body() body: LicenceInput) {
    return this.licences.create(principal, body);
  }

  @Get('licences/:id')
  @RequirePermission('premises:read')
  @AuditRead('licence')
  @ApiOperation({ summary: 'Serveringstillstånd (One licence with its terms and serving managers); the ETag is its version' })
  @ApiOk(LicenceView)
  async getLicence(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const licence = await this.licences.get(principal, id);
    void reply.header('etag', etagOf(licence.version));
    return licence;
  }

  @Put('licences/:id/terms')
  @RequirePermission('premises:manage')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Ändringsbeslut (Change serving hours, areas, audience, drink categories, conditions, end date)' })
  @ApiOk(LicenceView)
  async updateTerms(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @IfMatchVersion() version: number,
    @Body() body: LicenceTermsInput,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const licence = await this.licences.updateTerms(principal, id, version, body);
    void reply.header('etag', etagOf(licence.version));
    return licence;
  }

  @Put('licences/:id/serving-managers')
  @RequirePermission('premises:manage')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Serveringsansvariga (Replace the notified serving managers; each at least 20)' })
  @ApiOk(LicenceView)
  servingManagers(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @IfMatchVersion() version: number,
    @Body() body: ServingManagersRequest,
  ) {
    return this.licences.replaceServingManagers(principal, id, version, body.servingManagers);
  }

  @Patch('licences/:id/status')
  @RequirePermission('premises:manage')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Ändra status (Suspend, reinstate, surrender, expire; kept in the history); revocation is a sanction decision' })
  @ApiOk(LicenceView)
  setStatus(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @IfMatchVersion() version: number, @Body() body: LicenceStatusInput) {
    return this.licences.setStatus(principal, id, version, body.status, body.reason);
  }

  @Get('licences/:id/decisions')
  @RequirePermission('premises:read')
  @AuditRead('licence')
  @ApiOperation({
    summary: 'Beslutshistorik (The licence’s decisions, newest first: grant, change decisions, serving managers, suspension, revocation)',
  })
  @ApiPage(LicenceDecisionView)
  decisions(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Query() query: PageQuery) {
    return this.licences.decisions(principal, id, query);
  }
}
