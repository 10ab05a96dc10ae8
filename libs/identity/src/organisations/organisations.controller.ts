import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequirePermission } from '@samverkan/access';
import { ApiCreated, ApiNoContent, ApiOk, IfMatchVersion, UuidPipe } from '@samverkan/platform';
import { CollaborationsService } from './collaborations.service.js';
import {
  CollaborationView,
  CreateCollaborationRequest,
  CreateOrganisationRequest,
  CreateUnitRequest,
  OrganisationView,
  UnitRefView,
  UpdateOrganisationRequest,
} from './organisations.dto.js';
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

  @Get(':id')
  @RequirePermission('organisation:read')
  @ApiOperation({ summary: 'Organisation (One organisation with its details and units)', description: 'One the caller may not see is a 404.' })
  @ApiOk(OrganisationView)
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.organisations.get(principal, id);
  }

  @Put(':id')
  @RequirePermission('organisation:details')
  @ApiHeader({ name: 'If-Match', required: true, description: 'The version (ETag) you last read' })
  @ApiOperation({
    summary: 'Ändra organisationens uppgifter (Update an organisation’s details)',
    description:
      'A system administrator for any organisation, an organisation administrator for their own (any other is a 404). Name, organisation number, the contact citizens use (the public page and letters show it) and, for a municipality, the administrative court its decisions are appealed to (the decision letter names it). The kind is fixed.',
  })
  @ApiOk(OrganisationView)
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @IfMatchVersion() version: number,
    @Body() body: UpdateOrganisationRequest,
  ) {
    return this.organisations.update(principal, id, version, body);
  }

  @Post(':id/units')
  @RequirePermission('organisation:manage')
  @ApiOperation({
    summary: 'Lägg till enhet (Add a unit)',
    description: 'System administrators only. Roles are held in a unit; a name is unique within its organisation (409 unit.name_taken).',
  })
  @ApiCreated(UnitRefView)
  addUnit(@Param('id', UuidPipe) id: string, @Body() body: CreateUnitRequest) {
    return this.organisations.addUnit(id, body.name);
  }
}

/**
 * Collaborations (one police area and one municipality) and their partners. Only system
 * administrators keep them; members see their own collaborations in GET /me.
 */
@ApiTags('organisations')
@Controller({ path: 'collaborations', version: '1' })
export class CollaborationsController {
  constructor(private readonly collaborations: CollaborationsService) {}

  @Get()
  @RequirePermission('collaboration:manage')
  @ApiOperation({ summary: 'Samverkansområden (Collaborations)', description: 'Every collaboration with its two parties and its partners, by name.' })
  @ApiOk([CollaborationView])
  list() {
    return this.collaborations.list();
  }

  @Post()
  @RequirePermission('collaboration:manage')
  @ApiOperation({
    summary: 'Skapa samverkansområde (Create a collaboration)',
    description:
      'A police organisation and a municipality that make a citizen promise together. Each pair has one collaboration (409 collaboration.pair_taken); the name is unique (409 collaboration.name_taken).',
  })
  @ApiCreated(CollaborationView)
  create(@Body() body: CreateCollaborationRequest) {
    return this.collaborations.create(body);
  }

  @Put(':id/partners/:organisationId')
  @RequirePermission('collaboration:manage')
  @ApiOperation({
    summary: 'Lägg till samverkanspartner (Add a partner)',
    description:
      'The organisation (a rescue service or other, never police or a municipality) reads the promise and records the activities it takes part in. Adding a partner twice changes nothing.',
  })
  @ApiOk(CollaborationView)
  addPartner(@Param('id', UuidPipe) id: string, @Param('organisationId', UuidPipe) organisationId: string) {
    return this.collaborations.addPartner(id, organisationId);
  }

  @Delete(':id/partners/:organisationId')
  @RequirePermission('collaboration:manage')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Ta bort samverkanspartner (Remove a partner)',
    description: 'Its members stop reading the promise at their next request; what they recorded stays with the collaboration.',
  })
  @ApiNoContent()
  async removePartner(@Param('id', UuidPipe) id: string, @Param('organisationId', UuidPipe) organisationId: string): Promise<void> {
    await this.collaborations.removePartner(id, organisationId);
  }
}
