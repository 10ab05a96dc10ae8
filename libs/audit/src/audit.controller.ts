import { Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequirePermission } from '@samverkan/access';
import { ApiOk, ApiPage } from '@samverkan/platform';
import { AuditEventQuery } from './audit-event.query.js';
import { auditActionList } from './audit-actions.js';
import { AuditActionView, AuditActorChoice, AuditEventView, ChainVerificationRun, ChainVerificationState } from './audit.dto.js';
import { AuditVerificationService } from './audit-verification.service.js';
import { AuditService } from './audit.service.js';

@ApiTags('audit')
@Controller({ path: 'audit-events', version: '1' })
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly verification: AuditVerificationService,
  ) {}

  @Get()
  @RequirePermission('audit:read')
  @ApiOperation({ summary: 'Granskningslogg (Audit trail), newest first, filtered and paginated' })
  @ApiPage(AuditEventView)
  async list(@CurrentPrincipal() principal: Principal, @Query() query: AuditEventQuery) {
    const page = await this.audit.list(principal, query);
    // Reading the audit trail is itself audited (log reviews are reviewed too).
    await this.audit.record({ action: 'audit.read', details: { count: page.items.length, filters: filterNames(query) } });
    return page;
  }

  @Get('actions')
  @RequirePermission('audit:read')
  @ApiOperation({ summary: 'Händelsetyper (The actions the audit trail records), with their areas, for the filter' })
  @ApiOk([AuditActionView])
  actions(): AuditActionView[] {
    return auditActionList();
  }

  @Get('actors')
  @RequirePermission('audit:read')
  @ApiOperation({ summary: 'Personer (The users whose events the reader may filter by), by name' })
  @ApiOk([AuditActorChoice])
  actors(@CurrentPrincipal() principal: Principal): Promise<AuditActorChoice[]> {
    return this.audit.actors(principal);
  }

  @Get('verify')
  @RequirePermission('audit:verify')
  @ApiOperation({
    summary:
      'Kedjans kontroll (The hash chain’s verification): the newest completed run (valid or the first break, through which event, when) and a run under way with its progress; answered from what is stored, at once',
  })
  @ApiOk(ChainVerificationState)
  async verify(): Promise<ChainVerificationState> {
    const state = await this.verification.state();
    const last = state.lastRun;
    // Reading the chain's verification is audited, as verifying it was.
    await this.audit.record({
      action: 'audit.verify',
      outcome: last?.valid === false ? 'failure' : 'success',
      details: last
        ? {
            runId: last.id,
            valid: last.valid,
            checkedEvents: last.checkedEvents,
            ...(last.firstBrokenEventId ? { firstBrokenEventId: last.firstBrokenEventId } : {}),
          }
        : { runId: null },
    });
    return state;
  }

  @Post('verify')
  @RequirePermission('audit:verify')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary:
      'Starta en fullständig kontroll (Start a full verification of the chain from its first event): queued for the worker; 409 audit.verification_running while one waits or runs',
  })
  @ApiAcceptedResponse({ description: 'The run, queued; follow it with GET /audit-events/verify', type: ChainVerificationRun })
  async startVerification(@CurrentPrincipal() principal: Principal): Promise<ChainVerificationRun> {
    const run = await this.verification.requestFull(principal.userId);
    await this.audit.record({ action: 'audit.verify_start', details: { runId: run.id } });
    return run;
  }
}

function filterNames(query: AuditEventQuery): string[] {
  return Object.entries(query)
    .filter(([key, value]) => value !== undefined && key !== 'limit' && key !== 'offset')
    .map(([key]) => key);
}
