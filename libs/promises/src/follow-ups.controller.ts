import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public, type Principal, RequirePermission } from '@samverkan/access';
import { ApiOk, ApiPage, etagOf, IfMatchVersion, PageQuery, UuidPipe } from '@samverkan/platform';
import type { FastifyReply } from 'fastify';
import { UpdateFollowUpRequest } from './follow-ups.dto.js';
import { FollowUpsService } from './follow-ups.service.js';
import { FollowUpView, PublicPromiseSummaryView, PublicPromiseView } from './follow-ups.views.js';
import { PublicService } from './public.service.js';

@ApiTags('promises')
@Controller({ path: 'follow-ups', version: '1' })
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  @Get(':id')
  @RequirePermission('promise:read')
  @ApiOperation({ summary: 'En uppföljning (One follow-up) with its figures, assessments and approvals; ETag carries the version' })
  @ApiOk(FollowUpView)
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const followUp = await this.followUps.get(principal, id);
    void reply.header('etag', etagOf(followUp.version));
    return followUp;
  }

  @Patch(':id')
  @RequirePermission('promise:report')
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiOperation({ summary: 'Skriv uppföljningen (Edit the draft); withdraws earlier approvals' })
  @ApiOk(FollowUpView)
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @IfMatchVersion() version: number,
    @Body() body: UpdateFollowUpRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const followUp = await this.followUps.update(principal, id, version, body);
    void reply.header('etag', etagOf(followUp.version));
    return followUp;
  }

  @Post(':id/approve')
  @RequirePermission('promise:report')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Godkänn (Approve for your side); the second side’s approval freezes the follow-up' })
  @ApiOk(FollowUpView)
  approve(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.followUps.approve(principal, id);
  }
}

@ApiTags('public')
@Public()
@Controller({ path: 'public/promises', version: '1' })
export class PublicPromisesController {
  constructor(private readonly publicPromises: PublicService) {}

  @Get()
  @ApiOperation({ summary: 'Publicerade medborgarlöften (The published promises, for citizens): no login, no personal data' })
  @ApiPage(PublicPromiseSummaryView)
  list(@Query() query: PageQuery) {
    return this.publicPromises.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Publicerat medborgarlöfte (A published promise, for citizens): no login, no personal data' })
  @ApiOk(PublicPromiseView)
  promise(@Param('id', UuidPipe) id: string) {
    return this.publicPromises.promise(id);
  }
}
