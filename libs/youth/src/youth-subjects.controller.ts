import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal, RequirePermission } from '@samverkan/access';
import { ApiCreated, ApiOk, UuidPipe } from '@samverkan/platform';
import { FindSubjectInput, ReasonInput, SubjectInput } from './youth.dto.js';
import { YouthReportsService } from './youth-reports.service.js';
import { YouthSubjectsService } from './youth-subjects.service.js';
import { YouthRegisterExtractView, YouthRevealedNumberView, YouthSubjectDetailView, YouthSubjectSearchView, YouthSubjectView } from './youth.views.js';

/**
 * Young people the cases are about. Numbers travel in request bodies, never in URLs (URLs end up
 * in logs and browser history); answers show them masked, except the reveal route (with a reason
 * on record) and the register extract for the person it is about.
 */
@ApiTags('youth cases')
@Controller({ path: 'youth-subjects', version: '1' })
export class YouthSubjectsController {
  constructor(
    private readonly subjects: YouthSubjectsService,
    private readonly reports: YouthReportsService,
  ) {}

  @Post()
  @RequirePermission('youth_case:create')
  @ApiOperation({ summary: 'Registrera ungdom (Register a young person); 409 with the id if already registered' })
  @ApiCreated(YouthSubjectView, 'The young person as registered, the number masked')
  create(@CurrentPrincipal() principal: Principal, @Body() body: SubjectInput) {
    return this.subjects.create(principal, body);
  }

  @Post('search')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('youth_subject:find')
  @ApiOperation({ summary: 'Sök på personnummer (Find by exact personal number, to open a case); the reason is audited' })
  @ApiOk(YouthSubjectSearchView, 'None or one young person, the number masked')
  find(@CurrentPrincipal() principal: Principal, @Body() body: FindSubjectInput) {
    return this.subjects.find(principal, body);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'Ungdom (The young person, masked number, and the cases you may see); 404 unless you may read one of their cases; audited' })
  @ApiOk(YouthSubjectDetailView, 'The young person (number masked) and their cases you may see')
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.subjects.get(principal, id);
  }

  @Post(':id/reveal')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('youth_subject:reveal')
  @ApiOperation({ summary: 'Visa personnummer (Reveal the full number); only through a case you may read (else 404); the reason is audited' })
  @ApiOk(YouthRevealedNumberView, 'The full number: the one route that shows it on request')
  reveal(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Body() body: ReasonInput) {
    return this.subjects.reveal(principal, id, body.reason);
  }

  @Get(':id/register-extract')
  @RequirePermission('youth_subject:extract')
  @ApiOperation({ summary: 'Registerutdrag (Everything held about the person and every disclosure, GDPR art. 15)' })
  @ApiOk(YouthRegisterExtractView, 'The extract for the person it is about: with the full number')
  registerExtract(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.reports.registerExtract(principal, id);
  }
}
