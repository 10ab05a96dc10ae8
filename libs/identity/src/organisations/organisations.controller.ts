import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequirePermission } from '@samverkan/access';
import { ApiOk } from '@samverkan/platform';
import { OrganisationView } from './organisations.dto.js';
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
}
