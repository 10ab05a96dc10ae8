import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, CurrentPrincipal, type Principal, RequirePermission, scopesFor } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { ApiCreated, ApiOk, Clock, invalidField, IsCalendarDate, UuidPipe } from '@samverkan/platform';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import type { DataSource } from 'typeorm';
import { ChecklistTemplateView } from './inspections.dto.js';
import { PremisesTipView } from '../licensing/licensing.dto.js';
import { LicensingService } from '../licensing/licensing.service.js';

class ChecklistItemInput {
  @ApiProperty({ example: 'age_checks' }) @Matches(/^[a-z][a-z0-9_]{0,59}$/, { message: 'key must be a snake_case name' }) key!: string;
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(300) label!: string;
}

class ChecklistTemplateRequest {
  @ApiProperty({ example: 'Yttre tillsyn' }) @IsString() @MinLength(3) @MaxLength(100) name!: string;
  @ApiProperty({ type: [ChecklistItemInput] })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(60) @ValidateNested({ each: true }) @Type(() => ChecklistItemInput)
  items!: ChecklistItemInput[];
}

class TipRequest {
  @ApiProperty({ example: '2022-05-14' }) @IsCalendarDate() receivedOn!: string;
  @ApiProperty({ enum: ['public', 'police', 'municipality', 'other'] }) @IsIn(['public', 'police', 'municipality', 'other']) source!: string;
  @ApiProperty() @IsString() @MinLength(5) @MaxLength(2000) summary!: string;
}

/**
 * Checklist templates are versioned: saving one under an existing name creates the next version;
 * new inspections use the latest, past ones keep the version they were made with. Tips and
 * complaints about premises feed the risk model.
 */
@ApiTags('inspections')
@Controller({ version: '1' })
export class ChecklistsController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly licensing: LicensingService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  @Get('checklist-templates')
  @RequirePermission('inspection:plan')
  @ApiOperation({ summary: 'Checklistor (Checklist templates of the caller\'s organisations, every version, newest first per name)' })
  @ApiOk([ChecklistTemplateView])
  list(@CurrentPrincipal() principal: Principal): Promise<ChecklistTemplateView[]> {
    return this.dataSource.query<ChecklistTemplateView[]>(
      `SELECT id, name, version, items, created_at AS "createdAt" FROM checklist_templates
       WHERE owner_organisation_id = ANY($1::uuid[]) ORDER BY name, version DESC`,
      [scopesFor(principal, 'inspection:plan').map((s) => s.organisationId)],
    );
  }

  @Post('checklist-templates')
  @RequirePermission('inspection:plan')
  @ApiOperation({ summary: 'Ny version av en checklista (Save a checklist template as its next version)' })
  @ApiCreated(ChecklistTemplateView)
  async create(@CurrentPrincipal() principal: Principal, @Body() body: ChecklistTemplateRequest): Promise<ChecklistTemplateView> {
    const keys = body.items.map((i) => i.key);
    const duplicate = keys.findIndex((k, i) => keys.indexOf(k) !== i);
    if (duplicate >= 0) throw invalidField(`items[${duplicate}].key`, 'checklist.key_repeated');
    const organisationId = scopesFor(principal, 'inspection:plan')[0].organisationId;
    const [row] = await this.dataSource.query<{ id: string; version: number; createdAt: Date }[]>(
      `INSERT INTO checklist_templates (owner_organisation_id, name, version, items)
       VALUES ($1, $2, (SELECT coalesce(max(version), 0) + 1 FROM checklist_templates WHERE owner_organisation_id = $1 AND name = $2), $3)
       RETURNING id, version, created_at AS "createdAt"`,
      [organisationId, body.name.trim(), JSON.stringify(body.items)],
    );
    await this.audit.record({ action: 'checklist_template.create', resourceType: 'checklist_template', resourceId: row.id, details: { version: row.version } });
    return { id: row.id, name: body.name.trim(), version: row.version, items: body.items, createdAt: row.createdAt };
  }

  @Post('premises/:id/tips')
  @RequirePermission('premises:read')
  @ApiOperation({ summary: 'Tips eller klagomål (Record a tip or complaint about premises); raises the risk score' })
  @ApiCreated(PremisesTipView)
  async tip(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string, @Body() body: TipRequest): Promise<PremisesTipView> {
    await this.licensing.getPremises(principal, id);
    const [row] = await this.dataSource.query<{ id: string }[]>(
      `INSERT INTO premises_tips (premises_id, received_on, source, summary, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [id, body.receivedOn, body.source, body.summary.trim(), principal.userId],
    );
    await this.audit.record({ action: 'premises.tip', resourceType: 'premises', resourceId: id, details: { tipId: row.id, source: body.source } });
    return { id: row.id, recordedAt: this.clock.now().toISOString() };
  }
}
