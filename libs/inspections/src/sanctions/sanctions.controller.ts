import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequirePermission } from '@samverkan/access';
import { ApiCreated, ApiOk, ApiPage, etagOf, IfMatchVersion, IsCalendarDate, PageQuery, UuidPipe } from '@samverkan/platform';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { SANCTION_DECISION, SanctionCaseView } from './sanctions.dto.js';
import { DECISIONS, type SanctionDecision, SanctionsService } from './sanctions.service.js';

class ProposeRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() licenceId!: string;
  @ApiProperty() @IsString() @MinLength(10) @MaxLength(10_000) grounds!: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsUUID('all', { each: true }) inspectionIds?: string[];
}

class SanctionListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() licenceId?: string;
  @ApiPropertyOptional({ enum: ['open', 'decided'], description: 'open: not yet decided' }) @IsOptional() @IsIn(['open', 'decided']) state?: 'open' | 'decided';
}

class HearingRequest {
  @ApiProperty({ example: '2022-07-04' }) @IsCalendarDate() heardOn!: string;
}

class DecisionRequest {
  @ApiProperty(SANCTION_DECISION) @IsIn(DECISIONS) decision!: SanctionDecision;
  @ApiProperty() @IsString() @MinLength(10) @MaxLength(10_000) reasons!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2_000) appealInformation?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() decidedOn?: string;
}

@ApiTags('inspections')
@Controller({ path: 'sanction-cases', version: '1' })
export class SanctionsController {
  constructor(private readonly sanctions: SanctionsService) {}

  @Post()
  @RequirePermission('sanction:propose')
  @ApiOperation({ summary: 'Föreslå sanktion (Propose a sanction case from inspection findings)' })
  @ApiCreated(SanctionCaseView)
  propose(@CurrentPrincipal() principal: Principal, @Body() body: ProposeRequest) {
    return this.sanctions.propose(principal, body);
  }

  @Get()
  @RequirePermission('premises:read')
  @ApiOperation({ summary: 'Sanktionsärenden (Sanction cases the caller may see, newest first); filter by licence, open or decided' })
  @ApiPage(SanctionCaseView)
  list(@CurrentPrincipal() principal: Principal, @Query() query: SanctionListQuery) {
    return this.sanctions.list(principal, query);
  }

  @Get(':id')
  @RequirePermission('premises:read')
  @ApiOperation({ summary: 'Sanktionsärende (One sanction case); the ETag is its version' })
  @ApiOk(SanctionCaseView)
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const found = await this.sanctions.get(principal, id);
    void reply.header('etag', etagOf(found.version));
    return found;
  }

  @Put(':id/hearing')
  @RequirePermission('sanction:decide')
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiOperation({ summary: 'Kommunicering (Record when the holder was heard)' })
  @ApiOk(SanctionCaseView)
  hearing(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @IfMatchVersion() version: number, @Body() body: HearingRequest) {
    return this.sanctions.recordHearing(principal, id, version, body.heardOn);
  }

  @Post(':id/decision')
  @RequirePermission('sanction:decide')
  @HttpCode(HttpStatus.OK)
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiOperation({ summary: 'Beslut (Decide: erinran, varning, återkallelse or no action) — after the hearing' })
  @ApiOk(SanctionCaseView)
  decide(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @IfMatchVersion() version: number, @Body() body: DecisionRequest) {
    return this.sanctions.decide(principal, id, version, body);
  }
}
