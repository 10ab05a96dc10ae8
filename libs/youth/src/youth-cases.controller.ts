import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentPrincipal, type Principal, RequirePermission } from '@samverkan/access';
import { ApiCreated, ApiNoContent, ApiOk, ApiPage, etagOf, IfMatchVersion, PageQuery, UuidPipe } from '@samverkan/platform';
import type { FastifyReply } from 'fastify';
import {
  CaseListQuery,
  CaseUpdateInput,
  ConsentInput,
  DisclosureInput,
  EntryInput,
  MeetingInput,
  MinutesInput,
  NewCaseInput,
  ParticipantInput,
  PlanItemInput,
  PlanItemUpdateInput,
  ReasonInput,
  ReportOfConcernInput,
  StatisticsQuery,
  TransitionInput,
  UnitQuery,
} from './youth.dto.js';
import { YouthCaseloadService } from './youth-caseload.service.js';
import { YouthCasesService } from './youth-cases.service.js';
import { YouthRecordsService } from './youth-records.service.js';
import { YouthReportsService } from './youth-reports.service.js';
import { YouthSharingService } from './youth-sharing.service.js';
import {
  YouthAccessLogEventView,
  YouthCaseListItemView,
  YouthCaseloadView,
  YouthCaseView,
  YouthConcernReceiptView,
  YouthConsentView,
  YouthDisclosureView,
  YouthEntryView,
  YouthMeetingView,
  YouthParticipantView,
  YouthPlanItemView,
  YouthStaffView,
  YouthStatisticsView,
} from './youth.views.js';

const IF_MATCH = { name: 'If-Match', required: true, description: 'The version (ETag) you last read' };

/**
 * Youth cases. Reads of one case and what is in it are open to any signed-in user at the route and
 * decided per record (a case you may not see is a 404, never a 403); everything is audited.
 */
@ApiTags('youth cases')
@Controller({ path: 'youth-cases', version: '1' })
export class YouthCasesController {
  constructor(
    private readonly cases: YouthCasesService,
    private readonly sharing: YouthSharingService,
    private readonly records: YouthRecordsService,
    private readonly reports: YouthReportsService,
    private readonly caseloads: YouthCaseloadService,
  ) {}

  @Get()
  @RequirePermission('youth_case:read')
  @ApiOperation({ summary: 'Ungdomsärenden (Cases you may see); filter by status, form, coordinator, review date' })
  @ApiPage(YouthCaseListItemView, 'One page of cases, most recently changed first; numbers masked; the listing is audited')
  list(@CurrentPrincipal() principal: Principal, @Query() query: CaseListQuery) {
    return this.cases.list(principal, query);
  }

  @Post()
  @RequirePermission('youth_case:create')
  @ApiOperation({
    summary:
      'Öppna ärende (Open a case about a registered young person, in the first status of its form); 409 youth_case.duplicate_open with the open case of the same form you may read, unless duplicateReason is given',
  })
  @ApiCreated(YouthCaseView, 'The new case (number masked)')
  create(@CurrentPrincipal() principal: Principal, @Body() body: NewCaseInput) {
    return this.cases.create(principal, body);
  }

  @Get('statistics')
  @RequirePermission('youth_statistics:read')
  @ApiOperation({ summary: 'Statistik (Aggregated counts only; groups under 5 suppressed)' })
  @ApiOk(YouthStatisticsView, 'The year in counts; no names, no numbers')
  statistics(@CurrentPrincipal() principal: Principal, @Query() query: StatisticsQuery) {
    return this.reports.statistics(principal, query.year);
  }

  @Get('caseload')
  @RequirePermission('youth_case:close')
  @ApiOperation({ summary: 'Arbetsfördelning (A unit’s open cases per coordinator and status, and those without one); for the unit’s managers' })
  @ApiOk(YouthCaseloadView, 'Counts only, aggregated in the database; audited')
  caseload(@CurrentPrincipal() principal: Principal, @Query() query: UnitQuery) {
    return this.caseloads.caseload(principal, query.unitId);
  }

  @Get('staff')
  @RequirePermission('youth_case:share')
  @ApiOperation({ summary: 'Enhetens personal (Who works in your unit now, with their roles: coordinators and contact persons are chosen from it)' })
  @ApiOk(YouthStaffView, 'Active members of the unit, by name')
  staff(@CurrentPrincipal() principal: Principal, @Query() query: UnitQuery) {
    return this.caseloads.unitStaff(principal, query.unitId);
  }

  @Post('reports-of-concern')
  @RequirePermission('youth_concern:report')
  @ApiOperation({ summary: 'Orosanmälan (The police report a concern to social services, SoL 14 kap 1 §)' })
  @ApiCreated(YouthConcernReceiptView, 'A receipt: the case belongs to social services and is not shown to the police')
  reportConcern(@CurrentPrincipal() principal: Principal, @Body() body: ReportOfConcernInput) {
    return this.cases.reportConcern(principal, body);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'Ärende (The case as you may see it); audited' })
  @ApiOk(YouthCaseView, 'The case (number masked); its version also as the ETag header')
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const view = await this.cases.get(principal, id);
    void reply.header('etag', etagOf(view.version));
    return view;
  }

  @Patch(':id')
  @RequirePermission('youth_case:update')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Ändra ärende (Risk factors, review date, coordinator: a case worker of the case’s unit)' })
  @ApiOk(YouthCaseView, 'The case as changed (number masked)')
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @IfMatchVersion() version: number,
    @Body() body: CaseUpdateInput,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.cases.update(principal, id, version, body);
    void reply.header('etag', etagOf(view.version));
    return view;
  }

  @Post(':id/transition')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('youth_case:update')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Nästa steg (assessment, awaiting_consent, mapping, plan_active, follow_up; closed by a manager)' })
  @ApiOk(YouthCaseView, 'The case in its new status (number masked)')
  async transition(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @IfMatchVersion() version: number,
    @Body() body: TransitionInput,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const view = await this.cases.transition(principal, id, version, body);
    void reply.header('etag', etagOf(view.version));
    return view;
  }

  @Post(':id/participants')
  @RequirePermission('youth_case:share')
  @ApiOperation({ summary: 'Lägg till kontaktperson (Add a contact person to be kept informed)' })
  @ApiCreated([YouthParticipantView], 'Everyone on the case now, the new contact person included')
  addParticipant(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Body() body: ParticipantInput) {
    return this.cases.addParticipant(principal, id, body.userId);
  }

  @Delete(':id/participants/:userId')
  @RequirePermission('youth_case:share')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Ta bort kontaktperson (Take a contact person off the case; the coordinator changes through the case)' })
  @ApiNoContent('Taken off')
  async removeParticipant(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Param('userId', UuidPipe) userId: string,
  ): Promise<void> {
    await this.cases.removeParticipant(principal, id, userId);
  }

  // ---- consents and disclosures --------------------------------------------------------------

  @Get(':id/consents')
  @RequirePermission('youth_case:share')
  @ApiOperation({ summary: 'Samtycken (Consents of the case)' })
  @ApiOk([YouthConsentView], 'Every consent of the case with its state today, latest start first')
  consents(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.sharing.consents(principal, id);
  }

  @Post(':id/consents')
  @RequirePermission('youth_case:share')
  @ApiOperation({ summary: 'Registrera samtycke (Record a signed consent: who signs depends on age; never offence data)' })
  @ApiCreated(YouthConsentView, 'The recorded consent')
  recordConsent(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Body() body: ConsentInput) {
    return this.sharing.recordConsent(principal, id, body);
  }

  @Post(':id/consents/:consentId/withdraw')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('youth_case:share')
  @ApiOperation({ summary: 'Återkalla samtycke (Withdraw: sharing stops at once, participants are told)' })
  @ApiOk(YouthConsentView, 'The consent, now withdrawn')
  withdrawConsent(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Param('consentId', UuidPipe) consentId: string,
    @Body() body: ReasonInput,
  ) {
    return this.sharing.withdrawConsent(principal, id, consentId, body.reason);
  }

  @Get(':id/disclosures')
  @RequirePermission('youth_case:disclose')
  @ApiOperation({ summary: 'Utlämnanden (Every disclosure of the case, with its ground)' })
  @ApiOk([YouthDisclosureView], 'Newest first')
  disclosures(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.sharing.disclosures(principal, id);
  }

  @Post(':id/disclosures')
  @RequirePermission('youth_case:disclose')
  @ApiOperation({ summary: 'Registrera utlämnande (Record a disclosure on consent or OSL 10 kap 18 a §)' })
  @ApiCreated(YouthDisclosureView, 'The recorded disclosure')
  recordDisclosure(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Body() body: DisclosureInput) {
    return this.sharing.recordDisclosure(principal, id, body);
  }

  // ---- entries, plan, meetings -----------------------------------------------------------------

  @Get(':id/entries')
  @Authenticated()
  @ApiOperation({ summary: 'Anteckningar (Journal notes and minutes you may see); audited' })
  @ApiPage(YouthEntryView, 'One page of entries, newest first')
  entries(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Query() query: PageQuery) {
    return this.records.entries(principal, id, query);
  }

  @Post(':id/entries')
  @RequirePermission('youth_case:update')
  @ApiOperation({ summary: 'Ny anteckning (Add a journal note; notes are never edited)' })
  @ApiCreated(YouthEntryView, 'The new entry')
  addEntry(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Body() body: EntryInput) {
    return this.records.addEntry(principal, id, body);
  }

  @Get(':id/plan-items')
  @Authenticated()
  @ApiOperation({ summary: 'Plan (Goals and tasks)' })
  @ApiOk([YouthPlanItemView], 'By due date; empty unless the plan is covered for you')
  plan(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.records.plan(principal, id);
  }

  @Post(':id/plan-items')
  @RequirePermission('youth_case:update')
  @ApiOperation({ summary: 'Ny uppgift i planen (Goal, task, owner, due date — a deadline with reminders)' })
  @ApiCreated(YouthPlanItemView, 'The new plan item')
  addPlanItem(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Body() body: PlanItemInput) {
    return this.records.addPlanItem(principal, id, body);
  }

  @Patch(':id/plan-items/:itemId')
  @RequirePermission('youth_case:update')
  @ApiHeader(IF_MATCH)
  @ApiOperation({ summary: 'Följ upp uppgift (Follow a plan item up: status, due date, wording)' })
  @ApiOk(YouthPlanItemView, 'The plan item as changed')
  updatePlanItem(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Param('itemId', UuidPipe) itemId: string,
    @IfMatchVersion() version: number,
    @Body() body: PlanItemUpdateInput,
  ) {
    return this.records.updatePlanItem(principal, id, itemId, version, body);
  }

  @Get(':id/meetings')
  @Authenticated()
  @ApiOperation({ summary: 'Möten (Network and follow-up meetings)' })
  @ApiOk([YouthMeetingView], 'By planned time; empty unless the plan is covered for you')
  meetings(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string) {
    return this.records.meetings(principal, id);
  }

  @Post(':id/meetings')
  @RequirePermission('youth_case:update')
  @ApiOperation({ summary: 'Planera möte (Plan a network or follow-up meeting)' })
  @ApiCreated(YouthMeetingView, 'The planned meeting')
  planMeeting(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Body() body: MeetingInput) {
    return this.records.planMeeting(principal, id, body);
  }

  @Post(':id/meetings/:meetingId/minutes')
  @RequirePermission('youth_case:update')
  @ApiOperation({ summary: 'Minnesanteckningar (The meeting was held: record its minutes)' })
  @ApiCreated(YouthMeetingView, 'The meeting, now held, with the entry holding its minutes')
  minutes(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Param('meetingId', UuidPipe) meetingId: string,
    @Body() body: MinutesInput,
  ) {
    return this.records.recordMinutes(principal, id, meetingId, body);
  }

  @Get(':id/access-log')
  @RequirePermission('youth_case:access_log')
  @ApiOperation({ summary: 'Åtkomstlogg (Who read or changed the case, newest first)' })
  @ApiPage(YouthAccessLogEventView, 'One page of events, newest first')
  accessLog(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Query() query: PageQuery) {
    return this.reports.accessLog(principal, id, query);
  }
}
