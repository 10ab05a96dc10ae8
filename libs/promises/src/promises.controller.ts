import { Body, Controller, Delete, Get, Header, HttpCode, HttpStatus, Param, Patch, Post, Query, Res, Headers } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequirePermission } from '@samverkan/access';
import { ApiCreated, ApiFile, ApiNoContent, ApiOk, ApiPage, etagOf, IfMatchVersion, UuidPipe } from '@samverkan/platform';
import type { FastifyReply } from 'fastify';
import { CreateFollowUpRequest, ReportQuery } from './follow-ups.dto.js';
import { FollowUpsService } from './follow-ups.service.js';
import { FollowUpReportView, FollowUpView } from './follow-ups.views.js';
import {
  CommitmentListQuery,
  CreateCommitmentRequest,
  CreatePromiseRequest,
  CreateSuccessorRequest,
  ProblemAreaInput,
  PromiseListQuery,
  UpdateCommitmentRequest,
  UpdatePromiseRequest,
} from './promises.dto.js';
import { PromisesService } from './promises.service.js';
import { PromiseSuccessionService } from './promise-succession.service.js';
import { CommitmentView, PromiseView } from './promises.views.js';
import { reportCsv, reportHtml } from './report.js';
import { ReportsService } from './reports.service.js';

const IF_MATCH = { name: 'If-Match', required: true, description: 'The version (ETag) you last read' };

@ApiTags('promises')
@Controller({ path: 'promises', version: '1' })
export class PromisesController {
  constructor(
    private readonly promises: PromisesService,
    private readonly followUps: FollowUpsService,
    private readonly reports: ReportsService,
    private readonly succession: PromiseSuccessionService,
  ) {}

  @Get()
  @RequirePermission('promise:read')
  @ApiOperation({ summary: 'Medborgarlöften (Citizen promises) in the caller’s collaborations' })
  @ApiPage(PromiseView)
  list(@CurrentPrincipal() principal: Principal, @Query() query: PromiseListQuery) {
    return this.promises.list(principal, query);
  }

  @Post()
  @RequirePermission('promise:manage')
  @ApiOperation({ summary: 'Skapa medborgarlöfte (Create a promise) with its problem areas' })
  @ApiCreated(PromiseView)
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreatePromiseRequest) {
    return this.promises.create(principal, body);
  }

  @Get(':id')
  @RequirePermission('promise:read')
  @ApiOperation({ summary: 'Ett medborgarlöfte (One promise) with its problem areas; ETag carries the version' })
  @ApiOk(PromiseView)
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const promise = await this.promises.get(principal, id);
    void reply.header('etag', etagOf(promise.version));
    return promise;
  }

  @Patch(':id')
  @RequirePermission('promise:manage')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Ändra löftet (Update title, period, status, publishing)' })
  @ApiOk(PromiseView)
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @IfMatchVersion() version: number,
    @Body() body: UpdatePromiseRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const promise = await this.promises.update(principal, id, version, body);
    void reply.header('etag', etagOf(promise.version));
    return promise;
  }

  @Delete(':id')
  @RequirePermission('promise:manage')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Ta bort ett utkast (Delete a draft promise)' })
  @ApiNoContent()
  remove(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.promises.remove(principal, id);
  }

  @Post(':id/successor')
  @RequirePermission('promise:manage')
  @ApiOperation({
    summary: 'Starta nästa löfte (Start the next promise from this one)',
    description:
      'Creates a draft promise for the period after this one, with copies of its problem areas and commitments, and carries the open ' +
      'actions chosen over: each continues as a new action of the next promise, and the old one stays as its period left it, final there.',
  })
  @ApiCreated(PromiseView, 'The next promise (a draft)')
  startSuccessor(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Body() body: CreateSuccessorRequest) {
    return this.succession.startSuccessor(principal, id, body);
  }

  @Post(':id/problem-areas')
  @RequirePermission('promise:manage')
  @ApiOperation({ summary: 'Nytt problemområde (Add a problem area after the existing ones)' })
  @ApiCreated(PromiseView, 'The promise with its problem areas')
  addProblemArea(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Body() body: ProblemAreaInput) {
    return this.promises.addProblemArea(principal, id, body);
  }

  @Get(':id/commitments')
  @RequirePermission('promise:read')
  @ApiOperation({ summary: 'Åtaganden (Commitments) of a promise' })
  @ApiPage(CommitmentView)
  commitments(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Query() query: CommitmentListQuery) {
    return this.promises.listCommitments(principal, id, query);
  }

  @Post(':id/commitments')
  @RequirePermission('promise:manage')
  @ApiOperation({ summary: 'Nytt åtagande (Add a commitment); police roles for police ones, municipal for municipal, both for joint' })
  @ApiCreated(CommitmentView)
  createCommitment(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Body() body: CreateCommitmentRequest) {
    return this.promises.createCommitment(principal, id, body);
  }

  @Get(':id/commitments/:commitmentId')
  @RequirePermission('promise:read')
  @ApiOperation({ summary: 'Ett åtagande (One commitment); ETag carries the version' })
  @ApiOk(CommitmentView)
  async commitment(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Param('commitmentId', UuidPipe) commitmentId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const commitment = await this.promises.getCommitment(principal, id, commitmentId);
    void reply.header('etag', etagOf(commitment.version));
    return commitment;
  }

  @Patch(':id/commitments/:commitmentId')
  @RequirePermission('promise:manage')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Ändra åtagandet (Update a commitment: problem area, text, target, weight)' })
  @ApiOk(CommitmentView)
  async updateCommitment(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Param('commitmentId', UuidPipe) commitmentId: string,
    @IfMatchVersion() version: number,
    @Body() body: UpdateCommitmentRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const commitment = await this.promises.updateCommitment(principal, id, commitmentId, version, body);
    void reply.header('etag', etagOf(commitment.version));
    return commitment;
  }

  @Delete(':id/commitments/:commitmentId')
  @RequirePermission('promise:manage')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Ta bort åtagandet (Delete a commitment without actions or activities)' })
  @ApiNoContent()
  removeCommitment(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Param('commitmentId', UuidPipe) commitmentId: string) {
    return this.promises.removeCommitment(principal, id, commitmentId);
  }

  @Get(':id/follow-ups')
  @RequirePermission('promise:read')
  @ApiOperation({ summary: 'Uppföljningar (Follow-ups) of a promise, newest first' })
  @ApiOk([FollowUpView])
  followUpList(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.followUps.list(principal, id);
  }

  @Post(':id/follow-ups')
  @RequirePermission('promise:report')
  @ApiOperation({ summary: 'Påbörja uppföljning (Start the follow-up of a year or half-year)' })
  @ApiCreated(FollowUpView)
  createFollowUp(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Body() body: CreateFollowUpRequest) {
    return this.followUps.create(principal, id, body);
  }

  @Get(':id/follow-up-report')
  @RequirePermission('promise:read')
  @ApiOperation({ summary: 'Årsrapport (The year’s follow-up report) as JSON, CSV (Accept: text/csv) or printable HTML' })
  @ApiFile(['text/csv', 'text/html'], 'The report: JSON, CSV (semicolons, BOM) or a printable page, by `format` or Accept', FollowUpReportView)
  @Header('cache-control', 'no-store')
  async report(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Query() query: ReportQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const format = query.format ?? (accept?.includes('text/csv') ? 'csv' : accept?.includes('text/html') ? 'html' : 'json');
    const report = await this.reports.followUpReport(principal, id, query.year, format);
    if (format === 'csv') {
      void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="uppfoljning-${query.year}.csv"`);
      return reportCsv(report);
    }
    if (format === 'html') {
      // The page is self-contained: inline styles, no scripts.
      void reply.header('content-type', 'text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
      return reportHtml(report);
    }
    return report;
  }
}
