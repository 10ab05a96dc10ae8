import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Principal, scopesFor } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { ValidationProblem } from '@samverkan/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_CHECKLIST_ITEMS, DEFAULT_CHECKLIST_NAME } from './checklist.js';
import { checklistTemplateErrors } from './inspection-rules.js';
import type { ChecklistTemplateRequest, ChecklistTemplateView } from './inspections.dto.js';

/**
 * Checklist templates are versioned: saving one under an existing name creates the next version;
 * new inspections use the latest, past ones keep the version they were made with.
 */
@Injectable()
export class ChecklistTemplatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The templates of the organisations where the principal plans inspections, every version, newest first per name. */
  list(principal: Principal): Promise<ChecklistTemplateView[]> {
    return this.dataSource.query<ChecklistTemplateView[]>(
      `SELECT id, name, version, items, created_at AS "createdAt" FROM checklist_templates
       WHERE owner_organisation_id = ANY($1::uuid[]) ORDER BY name, version DESC`,
      [scopesFor(principal, 'inspection:plan').map((s) => s.organisationId)],
    );
  }

  /** Saves the template as the next version of its name, in the first organisation where the principal plans inspections. */
  async create(principal: Principal, input: ChecklistTemplateRequest): Promise<ChecklistTemplateView> {
    const errors = checklistTemplateErrors(input.items);
    if (errors.length > 0) throw new ValidationProblem(errors);
    const organisationId = scopesFor(principal, 'inspection:plan')[0].organisationId;
    const name = input.name.trim();
    const row = await this.dataSource.transaction(async (manager) => {
      const [created] = await manager.query<{ id: string; version: number; createdAt: Date }[]>(
        `INSERT INTO checklist_templates (owner_organisation_id, name, version, items)
         VALUES ($1, $2, (SELECT coalesce(max(version), 0) + 1 FROM checklist_templates WHERE owner_organisation_id = $1 AND name = $2), $3)
         RETURNING id, version, created_at AS "createdAt"`,
        [organisationId, name, JSON.stringify(input.items)],
      );
      await this.audit.record(
        { action: 'checklist_template.create', resourceType: 'checklist_template', resourceId: created.id, details: { version: created.version } },
        manager,
      );
      return created;
    });
    return { id: row.id, name, version: row.version, items: input.items, createdAt: row.createdAt };
  }

  /** The organisation's current default template (the one new inspections use); created on first use. */
  async current(manager: EntityManager, organisationId: string): Promise<string> {
    const [existing] = await manager.query<{ id: string }[]>(
      `SELECT id FROM checklist_templates WHERE owner_organisation_id = $1 AND name = $2 ORDER BY version DESC LIMIT 1`,
      [organisationId, DEFAULT_CHECKLIST_NAME],
    );
    if (existing) return existing.id;
    const [created] = await manager.query<{ id: string }[]>(
      `INSERT INTO checklist_templates (owner_organisation_id, name, version, items) VALUES ($1, $2, 1, $3)
       ON CONFLICT (owner_organisation_id, name, version) DO UPDATE SET items = checklist_templates.items RETURNING id`,
      [organisationId, DEFAULT_CHECKLIST_NAME, JSON.stringify(DEFAULT_CHECKLIST_ITEMS)],
    );
    return created.id;
  }
}
