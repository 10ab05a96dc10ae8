import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequirePermission } from '@samverkan/access';
import { ApiOk, ApiPage } from '@samverkan/platform';
import { AuditEventQuery } from './audit-event.query.js';
import { auditActionList } from './audit-actions.js';
import { AuditActionView, AuditActorChoice, AuditEventView, ChainVerification } from './audit.dto.js';
import { AuditService } from './audit.service.js';

@ApiTags('audit')
@Controller({ path: 'audit-events', version: '1' })
export class AuditController {
  constructor(private readonly audit: AuditService) {}

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
  @ApiOperation({ summary: 'Kontrollera kedjan (Verify the hash chain); reports the first broken link' })
  @ApiOk(ChainVerification)
  async verify() {
    const result = await this.audit.verify();
    await this.audit.record({
      action: 'audit.verify',
      outcome: result.valid ? 'success' : 'failure',
      details: { ...result },
    });
    return result;
  }
}

function filterNames(query: AuditEventQuery): string[] {
  return Object.entries(query)
    .filter(([key, value]) => value !== undefined && key !== 'limit' && key !== 'offset')
    .map(([key]) => key);
}
