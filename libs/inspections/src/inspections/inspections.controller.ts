import { Body, Controller, Delete, Get, Headers, HttpCode, HttpStatus, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequirePermission } from '@samverkan/access';
import { AuditRead } from '@samverkan/audit';
import { ApiCreated, ApiFile, ApiNoContent, ApiOk, ApiPage, etagOf, IfMatchVersion, PHOTO_TYPES, UuidPipe } from '@samverkan/platform';
import type { FastifyReply } from 'fastify';
import {
  FindingsRequest,
  InspectionListItemView,
  InspectionListQuery,
  InspectionView,
  InspectorsQuery,
  InspectorView,
  ReinspectRequest,
  ScheduleInspectionRequest,
  StoredFindingPhotoView,
  TransitionRequest,
} from './inspections.dto.js';
import { InspectionsService } from './inspections.service.js';
import { FindingPhotosService } from './finding-photos.service.js';

@ApiTags('inspections')
@Controller({ path: 'inspections', version: '1' })
export class InspectionsController {
  constructor(
    private readonly inspections: InspectionsService,
    private readonly photos: FindingPhotosService,
  ) {}

  @Get()
  @RequirePermission('inspection:read')
  @ApiOperation({ summary: 'Tillsyner (Inspections); filter by inspector, premises, status, type, from/to' })
  @ApiPage(InspectionListItemView)
  list(@CurrentPrincipal() principal: Principal, @Query() query: InspectionListQuery) {
    return this.inspections.list(principal, query);
  }

  @Post()
  @RequirePermission('inspection:plan')
  @ApiOperation({ summary: 'Boka tillsyn (Schedule an inspection); 409 when an inspector is already booked' })
  @ApiCreated(InspectionView)
  schedule(@CurrentPrincipal() principal: Principal, @Body() body: ScheduleInspectionRequest) {
    return this.inspections.schedule(principal, body);
  }

  @Get('inspectors')
  @RequirePermission('inspection:plan')
  @ApiOperation({ summary: 'Inspektörer (Who may be booked: licensing officers of the municipality, police officers of the police)' })
  @ApiOk([InspectorView])
  inspectors(@CurrentPrincipal() principal: Principal, @Query() query: InspectorsQuery) {
    return this.inspections.inspectors(principal, query.collaborationId);
  }

  @Get(':id')
  @RequirePermission('inspection:read')
  @ApiOperation({ summary: 'Tillsyn (One inspection with its protocol, photos and next steps); the ETag is its version' })
  @ApiOk(InspectionView)
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const inspection = await this.inspections.get(principal, id);
    void reply.header('etag', etagOf(inspection.version));
    return inspection;
  }

  @Get(':id/report')
  @RequirePermission('inspection:read')
  @ApiOperation({ summary: 'Tillsynsrapport (The report to the licence holder, printable HTML in Swedish)' })
  @ApiFile(['text/html'], 'The report as a self-contained, printable page')
  async report(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const html = await this.inspections.reportHtml(principal, id);
    void reply.header('content-type', 'text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    return html;
  }

  @Put(':id/findings')
  @RequirePermission('inspection:perform')
  @ApiOperation({ summary: 'Protokoll (Record findings per checklist item)' })
  @ApiOk(InspectionView)
  findings(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Body() body: FindingsRequest) {
    return this.inspections.recordFindings(principal, id, body.findings);
  }

  @Post(':id/transition')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('inspection:perform')
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiOperation({ summary: 'Nästa steg (performed, attempted, report_sent, response_received, closed, escalated, cancelled)' })
  @ApiOk(InspectionView)
  async transition(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @IfMatchVersion() version: number,
    @Body() body: TransitionRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const inspection = await this.inspections.transition(principal, id, version, body);
    void reply.header('etag', etagOf(inspection.version));
    return inspection;
  }

  @Post(':id/reinspect')
  @RequirePermission('inspection:plan')
  @ApiOperation({ summary: 'Återbesök (Schedule a follow-up inspection linked to this one)' })
  @ApiCreated(InspectionView)
  reinspect(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Body() body: ReinspectRequest) {
    return this.inspections.reinspect(principal, id, body);
  }

  @Post(':id/findings/:itemKey/photos')
  @RequirePermission('inspection:perform')
  @ApiConsumes(...PHOTO_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOperation({ summary: 'Foto till protokollet (Attach a photo to a checklist item); the bytes must be JPEG, PNG or WebP' })
  @ApiCreated(StoredFindingPhotoView)
  addPhoto(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Param('itemKey') itemKey: string,
    @Headers('content-type') contentType: string | undefined,
    @Body() body: unknown,
  ) {
    return this.photos.upload(principal, id, itemKey, contentType, body);
  }

  @Get(':id/photos/:photoId')
  @RequirePermission('inspection:read')
  @AuditRead('inspection_photo')
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
  @RequirePermission('inspection:perform')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Ta bort foto (Remove a photo while the protocol is open)' })
  @ApiNoContent()
  async removePhoto(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Param('photoId', UuidPipe) photoId: string): Promise<void> {
    await this.photos.remove(principal, id, photoId);
  }
}
