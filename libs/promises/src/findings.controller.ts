import { Body, Controller, Delete, Get, Headers, HttpCode, HttpStatus, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequirePermission } from '@samverkan/access';
import { AuditRead } from '@samverkan/audit';
import { ApiCreated, ApiFile, ApiNoContent, ApiOk, ApiPage, etagOf, IfMatchVersion, PHOTO_TYPES, UuidPipe } from '@samverkan/platform';
import type { FastifyReply } from 'fastify';
import {
  CreateFindingRequest,
  CreatePlaceRequest,
  FindingListQuery,
  PlaceListQuery,
  ResponsibleUnitsQuery,
  UpdateFindingRequest,
  UpdatePlaceRequest,
} from './findings.dto.js';
import { FindingPhotosService } from './finding-photos.service.js';
import { FindingsService } from './findings.service.js';
import { FindingView, PlaceView, ResponsibleUnitView, StoredPromiseFindingPhotoView } from './findings.views.js';
import { PlacesService } from './places.service.js';

const IF_MATCH = { name: 'If-Match', required: true, description: 'The version (ETag) you last read' };

@ApiTags('places')
@Controller({ path: 'places', version: '1' })
export class PlacesController {
  constructor(private readonly places: PlacesService) {}

  @Get()
  @RequirePermission('promise:read')
  @ApiOperation({ summary: 'Platser (The named places of your collaborations), by name' })
  @ApiPage(PlaceView)
  list(@CurrentPrincipal() principal: Principal, @Query() query: PlaceListQuery) {
    return this.places.list(principal, query);
  }

  @Post()
  @RequirePermission('promise:manage')
  @ApiOperation({ summary: 'Ny plats (Add a named place to a collaboration)' })
  @ApiCreated(PlaceView)
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreatePlaceRequest) {
    return this.places.create(principal, body);
  }

  @Get(':id')
  @RequirePermission('promise:read')
  @ApiOperation({ summary: 'En plats (One named place); ETag carries the version' })
  @ApiOk(PlaceView)
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const place = await this.places.get(principal, id);
    void reply.header('etag', etagOf(place.version));
    return place;
  }

  @Patch(':id')
  @RequirePermission('promise:manage')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Ändra platsen (Rename a place, change its kind or position)' })
  @ApiOk(PlaceView)
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @IfMatchVersion() version: number,
    @Body() body: UpdatePlaceRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const place = await this.places.update(principal, id, version, body);
    void reply.header('etag', etagOf(place.version));
    return place;
  }

  @Delete(':id')
  @RequirePermission('promise:manage')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Ta bort platsen (Delete a place no finding points at)' })
  @ApiNoContent()
  remove(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.places.remove(principal, id);
  }
}

@ApiTags('findings')
@Controller({ path: 'findings', version: '1' })
export class FindingsController {
  constructor(
    private readonly findings: FindingsService,
    private readonly photos: FindingPhotosService,
  ) {}

  @Get()
  @RequirePermission('promise:read')
  @ApiOperation({ summary: 'Fynd (Findings of rounds and safety walks), by due date; filter by status, category, place, problem area, unit, overdue' })
  @ApiPage(FindingView)
  list(@CurrentPrincipal() principal: Principal, @Query() query: FindingListQuery) {
    return this.findings.list(principal, query);
  }

  @Post()
  @RequirePermission('finding:record')
  @ApiOperation({ summary: 'Registrera fynd (Record what a round or walk found, who deals with it and by when)' })
  @ApiCreated(FindingView)
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateFindingRequest) {
    return this.findings.create(principal, body);
  }

  @Get('responsible-units')
  @RequirePermission('promise:read')
  @ApiOperation({ summary: 'Ansvariga enheter (The units of the promise’s police and municipality a finding may be given to)' })
  @ApiOk([ResponsibleUnitView])
  responsibleUnits(@CurrentPrincipal() principal: Principal, @Query() query: ResponsibleUnitsQuery) {
    return this.findings.responsibleUnits(principal, query.promiseId);
  }

  @Get(':id')
  @RequirePermission('promise:read')
  @ApiOperation({ summary: 'Ett fynd (One finding); ETag carries the version' })
  @ApiOk(FindingView)
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const finding = await this.findings.get(principal, id);
    void reply.header('etag', etagOf(finding.version));
    return finding;
  }

  @Patch(':id')
  @RequirePermission('finding:update')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Åtgärda fyndet (Status, with what was done or why rejected; hand it to another unit); done and rejected are final' })
  @ApiOk(FindingView)
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @IfMatchVersion() version: number,
    @Body() body: UpdateFindingRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const finding = await this.findings.update(principal, id, version, body);
    void reply.header('etag', etagOf(finding.version));
    return finding;
  }

  @Post(':id/photos')
  @RequirePermission('finding:update')
  @ApiConsumes(...PHOTO_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOperation({
    summary: 'Foto av fyndet (Add a photo: JPEG, PNG or WebP bytes as the body) by its recorder or whoever may update it, while it is not done or rejected',
  })
  @ApiCreated(StoredPromiseFindingPhotoView)
  addPhoto(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
  ) {
    return this.photos.upload(principal, id, contentType, body);
  }

  @Get(':id/photos/:photoId')
  @RequirePermission('promise:read')
  @AuditRead('finding_photo')
  @ApiOperation({ summary: 'Foto (The photo itself); every view is audited' })
  @ApiFile([...PHOTO_TYPES], "The photo's bytes, of the type it was stored as")
  async photo(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Param('photoId', UuidPipe) photoId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const photo = await this.photos.read(principal, id, photoId);
    void reply
      .header('content-type', photo.contentType)
      .header('cache-control', 'private, no-store')
      .header('etag', `"${photo.sha256}"`)
      .header('x-content-type-options', 'nosniff');
    return photo.bytes;
  }

  @Delete(':id/photos/:photoId')
  @RequirePermission('finding:update')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Ta bort foto (Remove a photo while the finding is not done or rejected)' })
  @ApiNoContent()
  async removePhoto(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Param('photoId', UuidPipe) photoId: string): Promise<void> {
    await this.photos.remove(principal, id, photoId);
  }
}
