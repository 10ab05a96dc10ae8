import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, RequirePermission } from '@samverkan/access';
import { ApiCreated, ApiOk, UuidPipe } from '@samverkan/platform';
import { PremisesTipView, TipRequest } from '../licensing/licensing.dto.js';
import { PremisesTipsService } from '../licensing/premises-tips.service.js';
import { ChecklistTemplatesService } from './checklist-templates.service.js';
import { ChecklistTemplateRequest, ChecklistTemplateView } from './inspections.dto.js';

/**
 * Checklist templates are versioned: saving one under an existing name creates the next version;
 * new inspections use the latest, past ones keep the version they were made with. Tips and
 * complaints about premises feed the risk model.
 */
@ApiTags('inspections')
@Controller({ version: '1' })
export class ChecklistsController {
  constructor(
    private readonly templates: ChecklistTemplatesService,
    private readonly tips: PremisesTipsService,
  ) {}

  @Get('checklist-templates')
  @RequirePermission('inspection:plan')
  @ApiOperation({ summary: "Checklistor (Checklist templates of the caller's organisations, every version, newest first per name)" })
  @ApiOk([ChecklistTemplateView])
  list(@CurrentPrincipal() principal: Principal): Promise<ChecklistTemplateView[]> {
    return this.templates.list(principal);
  }

  @Post('checklist-templates')
  @RequirePermission('inspection:plan')
  @ApiOperation({ summary: 'Ny version av en checklista (Save a checklist template as its next version)' })
  @ApiCreated(ChecklistTemplateView)
  create(@CurrentPrincipal() principal: Principal, @Body() body: ChecklistTemplateRequest): Promise<ChecklistTemplateView> {
    return this.templates.create(principal, body);
  }

  @Post('premises/:id/tips')
  @RequirePermission('premises:read')
  @ApiOperation({ summary: 'Tips eller klagomål (Record a tip or complaint about premises); raises the risk score' })
  @ApiCreated(PremisesTipView)
  tip(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Body() body: TipRequest): Promise<PremisesTipView> {
    return this.tips.add(principal, id, body);
  }
}
