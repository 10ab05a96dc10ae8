import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequirePermission } from '@samverkan/access';
import { ApiCreated, ApiOk } from '@samverkan/platform';
import { CreateOrganisationRequest, OrganisationView } from './organisations.dto.js';
import { OrganisationsService } from './organisations.service.js';

@ApiTags('organisations')
@Controller({ path: 'organisations', version: '1' })
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @RequirePermission('organisation:read')
  @ApiOperation({ summary: 'Organisationer och enheter (Organisations and their units)' })
  @ApiOk([OrganisationView])
  list(@CurrentPrincipal() principal: Principal) {
    return this.organisations.list(principal);
  }

  @Post()
  @RequirePermission('organisation:manage')
  @ApiOperation({
    summary: 'Skapa organisation (Create an organisation)',
    description: 'System administrators only. The new organisation gets its units; its first admins are then appointed (POST /users, org_admin).',
  })
  @ApiCreated(OrganisationView)
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateOrganisationRequest) {
    return this.organisations.create(principal, body);
  }
}
