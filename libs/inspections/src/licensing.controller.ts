import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequirePermission } from '@samverkan/access';
import { AuditRead } from '@samverkan/audit';
import { etagOf, IfMatchVersion, UuidPipe } from '@samverkan/platform';
import type { FastifyReply } from 'fastify';
import { HolderInput, LicenceInput, LicenceStatusInput, LicenceTermsInput, LicensingListQuery, PremisesInput, ServingManagersRequest } from './licensing.dto.js';
import { LicensingService } from './licensing.service.js';

const IF_MATCH = { name: 'If-Match', required: true, description: 'The version (ETag) you last read' };

/** The licence register: holders, premises (serveringsställen), licences (serveringstillstånd). */
@ApiTags('licensing')
@Controller({ version: '1' })
export class LicensingController {
  constructor(private readonly licensing: LicensingService) {}

  @Get('licence-holders')
  @RequirePermission('premises:read')
  @ApiOperation({ summary: 'Tillståndshavare (Licence holders)' })
  listHolders(@CurrentPrincipal() principal: Principal, @Query() query: LicensingListQuery) {
    return this.licensing.listHolders(principal, query);
  }

  @Post('licence-holders')
  @RequirePermission('premises:manage')
  @ApiOperation({ summary: 'Registrera tillståndshavare (Register a holder); the organisation number is checked' })
  createHolder(@CurrentPrincipal() principal: Principal, @Body() body: HolderInput) {
    return this.licensing.createHolder(principal, body);
  }

  @Get('licence-holders/:id')
  @RequirePermission('premises:read')
  getHolder(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.licensing.getHolder(principal, id);
  }

  @Put('licence-holders/:id')
  @RequirePermission('premises:manage')
  @ApiHeader(IF_MATCH)
  updateHolder(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @IfMatchVersion() version: number, @Body() body: HolderInput) {
    return this.licensing.updateHolder(principal, id, version, body);
  }

  @Get('premises')
  @RequirePermission('premises:read')
  @ApiOperation({ summary: 'Serveringsställen (Licensed premises) with their licences, latest risk score and its factors, next visit due; q: name, status: a licence in that status' })
  listPremises(@CurrentPrincipal() principal: Principal, @Query() query: LicensingListQuery) {
    return this.licensing.listPremises(principal, query);
  }

  @Post('premises')
  @RequirePermission('premises:manage')
  createPremises(@CurrentPrincipal() principal: Principal, @Body() body: PremisesInput) {
    return this.licensing.createPremises(principal, body);
  }

  @Get('premises/:id')
  @RequirePermission('premises:read')
  async getPremises(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const premises = await this.licensing.getPremises(principal, id);
    void reply.header('etag', etagOf(premises.version as number));
    return premises;
  }

  @Put('premises/:id')
  @RequirePermission('premises:manage')
  @ApiHeader(IF_MATCH)
  async updatePremises(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @IfMatchVersion() version: number,
    @Body() body: PremisesInput,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const premises = await this.licensing.updatePremises(principal, id, version, body);
    void reply.header('etag', etagOf(premises.version as number));
    return premises;
  }

  @Delete('premises/:id')
  @RequirePermission('premises:manage')
  @ApiHeader(IF_MATCH)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Ta bort serveringsställe (Delete premises registered by mistake); 409 once licences or inspections exist' })
  async deletePremises(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @IfMatchVersion() version: number): Promise<void> {
    await this.licensing.deletePremises(principal, id, version);
  }

  @Get('licences')
  @RequirePermission('premises:read')
  @ApiOperation({ summary: 'Serveringstillstånd (Licences); filter by premises, holder, status' })
  listLicences(@CurrentPrincipal() principal: Principal, @Query() query: LicensingListQuery) {
    return this.licensing.listLicences(principal, query);
  }

  @Post('licences')
  @RequirePermission('premises:manage')
  @ApiOperation({ summary: 'Bevilja tillstånd (Grant a licence): serving managers ≥ 20, own kitchen for a permanent licence to the public' })
  createLicence(@CurrentPrincipal() principal: Principal, @Body() body: LicenceInput) {
    return this.licensing.createLicence(principal, body);
  }

  @Get('licences/:id')
  @RequirePermission('premises:read')
  @AuditRead('licence')
  async getLicence(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const licence = await this.licensing.getLicence(principal, id);
    void reply.header('etag', etagOf(licence.version as number));
    return licence;
  }

  @Put('licences/:id/terms')
  @RequirePermission('premises:manage')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Ändringsbeslut (Change serving hours, areas, audience, drink categories, conditions, end date)' })
  async updateTerms(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @IfMatchVersion() version: number,
    @Body() body: LicenceTermsInput,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const licence = await this.licensing.updateLicenceTerms(principal, id, version, body);
    void reply.header('etag', etagOf(licence.version as number));
    return licence;
  }

  @Put('licences/:id/serving-managers')
  @RequirePermission('premises:manage')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Serveringsansvariga (Replace the notified serving managers; each at least 20)' })
  servingManagers(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @IfMatchVersion() version: number,
    @Body() body: ServingManagersRequest,
  ) {
    return this.licensing.replaceServingManagers(principal, id, version, body.servingManagers);
  }

  @Patch('licences/:id/status')
  @RequirePermission('premises:manage')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Ändra status (Suspend, surrender, expire); revocation is a sanction decision' })
  setStatus(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @IfMatchVersion() version: number,
    @Body() body: LicenceStatusInput,
  ) {
    return this.licensing.setLicenceStatus(principal, id, version, body.status);
  }
}
