import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal, RequirePermission } from '@samverkan/access';
import { UuidPipe } from '@samverkan/platform';
import { FindSubjectInput, ReasonInput, SubjectInput } from './youth.dto.js';
import { YouthReportsService } from './youth-reports.service.js';
import { YouthSubjectsService } from './youth-subjects.service.js';

/**
 * Young people the cases are about. Numbers travel in request bodies, never in URLs (URLs end up
 * in logs and browser history).
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
  create(@CurrentPrincipal() principal: Principal, @Body() body: SubjectInput) {
    return this.subjects.create(principal, body);
  }

  @Post('search')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('youth_subject:find')
  @ApiOperation({ summary: 'Sök på personnummer (Find by personal number); the reason is audited' })
  find(@CurrentPrincipal() principal: Principal, @Body() body: FindSubjectInput) {
    return this.subjects.find(principal, body);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'Ungdom (The young person, masked number, and the cases you may see); audited' })
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.subjects.get(principal, id);
  }

  @Post(':id/reveal')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('youth_subject:reveal')
  @ApiOperation({ summary: 'Visa personnummer (Reveal the full number); the reason is audited' })
  reveal(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Body() body: ReasonInput) {
    return this.subjects.reveal(principal, id, body.reason);
  }

  @Get(':id/register-extract')
  @RequirePermission('youth_subject:extract')
  @ApiOperation({ summary: 'Registerutdrag (Everything held about the person and every disclosure, GDPR art. 15)' })
  registerExtract(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.reports.registerExtract(principal, id);
  }
}
