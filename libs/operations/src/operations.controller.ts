import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequireHiddenPermission, RequirePermission } from '@samverkan/access';
import { ApiCreated, ApiOk, ApiPage, etagOf, IfMatchVersion, UuidPipe } from '@samverkan/platform';
import type { FastifyReply } from 'fastify';
import { SUBSTANCE_KEYS, SUBSTANCES } from './operation-rules.js';
import {
  AcknowledgeInput,
  ColleagueQuery,
  OperationListQuery,
  OperationPremisesQuery,
  OperationTransitionInput,
  OutcomeInput,
  PoliceUnitQuery,
  ProposeOperationInput,
  ReferralInput,
  ReferralListQuery,
  ReleaseInput,
  ReplaceParticipantsInput,
  SummaryListQuery,
  SummaryTotalsQuery,
} from './operations.dto.js';
import {
  ColleagueView,
  LicensingReferralView,
  OperationListItemView,
  OperationPremisesView,
  OperationSummaryView,
  OperationView,
  PoliceUnitView,
  SubstanceView,
  SummaryTotalsView,
} from './operations.views.js';
import { LicensingReferralsService } from './licensing-referrals.service.js';
import { OperationDirectoryService } from './operation-directory.service.js';
import { OperationSummariesService } from './operation-summaries.service.js';
import { OperationsService } from './operations.service.js';

/**
 * Police operations. Every route answers 404 to those without an operations role: outside the
 * police, operations do not exist.
 */
@ApiTags('operations')
@Controller({ path: 'operations', version: '1' })
export class OperationsController {
  constructor(
    private readonly operations: OperationsService,
    private readonly summaries: OperationSummariesService,
    private readonly referrals: LicensingReferralsService,
    private readonly directory: OperationDirectoryService,
  ) {}

  @Get()
  @RequireHiddenPermission('operation:read')
  @ApiOperation({ summary: 'Insatser (The police area’s operations; details where you may open them)' })
  @ApiPage(OperationListItemView)
  list(@CurrentPrincipal() principal: Principal, @Query() query: OperationListQuery) {
    return this.operations.list(principal, query);
  }

  @Get('substances')
  @RequireHiddenPermission('operation:read')
  @ApiOperation({ summary: 'Preparatkatalog (Substances and their units, for seizures)' })
  @ApiOk([SubstanceView])
  substances(): SubstanceView[] {
    return SUBSTANCE_KEYS.map((key) => ({ key, label: SUBSTANCES[key].label, units: SUBSTANCES[key].units }));
  }

  @Get('colleagues')
  @RequireHiddenPermission('operation:propose')
  @ApiOperation({ summary: 'Kollegor (Active officers and commanders of your police area, to name as participants); ?q= part of a name' })
  @ApiPage(ColleagueView)
  colleagues(@CurrentPrincipal() principal: Principal, @Query() query: ColleagueQuery) {
    return this.directory.colleagues(principal, query);
  }

  @Get('units')
  @RequireHiddenPermission('operation:propose')
  @ApiOperation({ summary: 'Enheter (Units of your police area, to name as participants)' })
  @ApiPage(PoliceUnitView)
  units(@CurrentPrincipal() principal: Principal, @Query() query: PoliceUnitQuery) {
    return this.directory.units(principal, query);
  }

  @Get('premises')
  @RequireHiddenPermission('operation:read')
  @ApiOperation({ summary: 'Serveringsställen (Licensed premises of a collaboration of your police area: name and address, for proposals and referrals)' })
  @ApiPage(OperationPremisesView)
  premises(@CurrentPrincipal() principal: Principal, @Query() query: OperationPremisesQuery) {
    return this.directory.premises(principal, query);
  }

  @Post()
  @RequireHiddenPermission('operation:propose')
  @ApiOperation({ summary: 'Föreslå insats (Propose an operation; the intelligence is stored encrypted and shown to commanders only)' })
  @ApiCreated(OperationView)
  propose(@CurrentPrincipal() principal: Principal, @Body() body: ProposeOperationInput) {
    return this.operations.propose(principal, body);
  }

  @Get(':id')
  @RequireHiddenPermission('operation:read')
  @ApiOperation({ summary: 'Insats (Participants and commanders; the intelligence for commanders only); audited' })
  @ApiOk(OperationView)
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const view = await this.operations.get(principal, id);
    void reply.header('etag', etagOf(view.version));
    return view;
  }

  @Post(':id/transition')
  @HttpCode(HttpStatus.OK)
  @RequireHiddenPermission('operation:read')
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiOperation({ summary: 'Nästa steg (decided by a commander; executing, completed, outcome_reported by participants; cancelled with reason)' })
  @ApiOk(OperationView)
  transition(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @IfMatchVersion() version: number,
    @Body() body: OperationTransitionInput,
  ) {
    return this.operations.transition(principal, id, version, body);
  }

  @Put(':id/participants')
  @RequireHiddenPermission('operation:decide')
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiOperation({
    summary: 'Deltagare (The commander replaces the officers and units taking part; If-Match; an empty list only with removeAll: true)',
  })
  @ApiOk(OperationView)
  async participants(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @IfMatchVersion() version: number,
    @Body() body: ReplaceParticipantsInput,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.operations.setParticipants(principal, id, version, body);
    void reply.header('etag', etagOf(view.version));
    return view;
  }

  @Put(':id/outcome')
  @RequireHiddenPermission('operation:read')
  @ApiHeader({ name: 'If-Match', required: true })
  @ApiOperation({ summary: 'Utfall (Seizures, arrests, reports, checks, after-action notes; replaces the outcome, with If-Match)' })
  @ApiOk(OperationView)
  async outcome(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @IfMatchVersion() version: number,
    @Body() body: OutcomeInput,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.operations.recordOutcome(principal, id, version, body);
    void reply.header('etag', etagOf(view.version));
    return view;
  }

  @Post(':id/release')
  @RequireHiddenPermission('operation:decide')
  @ApiOperation({ summary: 'Frisläpp sammanfattning (Release the outcome summary to the collaboration; adds the promise activity)' })
  @ApiCreated(OperationSummaryView)
  release(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Body() body: ReleaseInput) {
    return this.summaries.release(principal, id, body);
  }

  @Post(':id/referrals')
  @RequireHiddenPermission('operation:read')
  @ApiOperation({ summary: 'Underrätta tillståndsenheten (Tell licensing what was observed at licensed premises)' })
  @ApiCreated(LicensingReferralView, 'The referral as licensing sees it')
  refer(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Body() body: ReferralInput) {
    return this.referrals.send(principal, id, body);
  }
}

/** What the collaboration sees of operations: released summaries. */
@ApiTags('operations')
@Controller({ path: 'operation-summaries', version: '1' })
export class OperationSummariesController {
  constructor(private readonly summaries: OperationSummariesService) {}

  @Get()
  @RequirePermission('operation_summary:read')
  @ApiOperation({ summary: 'Utfallssammanställningar (Released summaries: period, area in general terms, counts)' })
  @ApiPage(OperationSummaryView)
  list(@CurrentPrincipal() principal: Principal, @Query() query: SummaryListQuery) {
    return this.summaries.list(principal, query);
  }

  @Get('totals')
  @RequirePermission('operation_summary:read')
  @ApiOperation({ summary: 'Summor (Totals of the released summaries the same filter selects, e.g. a year)' })
  @ApiOk(SummaryTotalsView)
  totals(@CurrentPrincipal() principal: Principal, @Query() query: SummaryTotalsQuery) {
    return this.summaries.totals(principal, query);
  }
}

/** The licensing officers' side of referrals from the police. */
@ApiTags('licensing')
@Controller({ path: 'licensing-referrals', version: '1' })
export class LicensingReferralsController {
  constructor(private readonly referrals: LicensingReferralsService) {}

  @Get()
  @RequirePermission('premises:manage')
  @ApiOperation({ summary: 'Underrättelser från polisen (Referrals about licensed premises; ?open=true for those not yet handled)' })
  @ApiPage(LicensingReferralView)
  list(@CurrentPrincipal() principal: Principal, @Query() query: ReferralListQuery) {
    return this.referrals.list(principal, query);
  }

  @Get(':id')
  @RequirePermission('premises:manage')
  @ApiOperation({ summary: 'Underrättelse från polisen (One referral with its full observation)' })
  @ApiOk(LicensingReferralView)
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.referrals.get(principal, id);
  }

  @Post(':id/acknowledge')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('premises:manage')
  @ApiOperation({ summary: 'Kvittera (Handled: inspection booked or judged not needed)' })
  @ApiOk(LicensingReferralView)
  acknowledge(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Body() body: AcknowledgeInput) {
    return this.referrals.acknowledge(principal, id, body.note);
  }
}
