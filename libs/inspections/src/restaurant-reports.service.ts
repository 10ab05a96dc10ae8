import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, type Principal } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { DeadlinesService } from '@samverkan/deadlines';
import { Clock, stockholmDate, stockholmMidnight, ValidationProblem } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import { LicensingService } from './licensing.service.js';

export const RESTAURANT_REPORT_DEADLINE = 'restaurant_report';

/**
 * Restaurangrapport (AL 9 kap 7 §): every licence holder reports the year's sales by 1 March the
 * following year. Opening a year creates one report per licence active that year, each a deadline
 * with reminders (#5); submitting it meets the deadline.
 */
@Injectable()
export class RestaurantReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly licensing: LicensingService,
    private readonly deadlines: DeadlinesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async open(principal: Principal, collaborationId: string, year: number): Promise<{ opened: number }> {
    const municipality = await this.licensing.municipalityOf(collaborationId);
    await this.access.assertAllowed(principal, 'premises:manage', { id: collaborationId, collaborationId, organisationId: municipality });
    const due = `${year + 1}-03-01`;
    const ids = await this.dataSource.transaction(async (manager) => {
      const created = await manager.query<{ id: string; licence_id: string; premises: string; holder: string }[]>(
        `INSERT INTO restaurant_reports (licence_id, year, due_on)
         SELECT l.id, $2, $3 FROM licences l
         WHERE l.collaboration_id = $1 AND l.type IN ('permanent', 'shared_serving_area') AND l.valid_from <= make_date($2, 12, 31)
           AND (l.valid_until IS NULL OR l.valid_until >= make_date($2, 1, 1)) AND l.status IN ('active', 'suspended', 'revoked', 'surrendered')
         ON CONFLICT (licence_id, year) DO NOTHING
         RETURNING id, licence_id,
           (SELECT p.name FROM premises p JOIN licences x ON x.premises_id = p.id WHERE x.id = licence_id) AS premises,
           (SELECT h.name FROM licence_holders h JOIN licences x ON x.holder_id = h.id WHERE x.id = licence_id) AS holder`,
        [collaborationId, year, due],
      );
      const deadlineIds: string[] = [];
      for (const report of created) {
        deadlineIds.push(
          await this.deadlines.upsert(manager, {
            kind: RESTAURANT_REPORT_DEADLINE,
            resourceType: 'restaurant_report',
            resourceId: report.id,
            title: `Restaurangrapport ${year} – ${report.premises} (${report.holder})`,
            // Due by the end of 1 March, Swedish time.
            dueAt: stockholmMidnight(`${year + 1}-03-02`),
            responsibleUserId: principal.userId,
            responsibleOrganisationId: municipality,
          }),
        );
      }
      await this.audit.record({ action: 'restaurant_reports.open', resourceType: 'collaboration', resourceId: collaborationId, details: { year, opened: created.length } }, manager);
      return deadlineIds;
    });
    await this.deadlines.schedule(ids);
    return { opened: ids.length };
  }

  async submit(principal: Principal, id: string, figures: Record<string, number>): Promise<{ id: string; submittedOn: string }> {
    const [report] = await this.dataSource.query<{ submitted_on: string | null; collaboration_id: string; owner_organisation_id: string }[]>(
      `SELECT r.submitted_on, l.collaboration_id, l.owner_organisation_id FROM restaurant_reports r JOIN licences l ON l.id = r.licence_id WHERE r.id = $1`,
      [id],
    );
    if (!report) throw new NotFoundException(`No restaurant report with id ${id}.`);
    await this.access.assertAllowed(principal, 'premises:manage', { id, collaborationId: report.collaboration_id, organisationId: report.owner_organisation_id });
    if (report.submitted_on) throw new ConflictException('The report is already submitted.');
    const bad = Object.entries(figures).find(([, v]) => typeof v !== 'number' || v < 0);
    if (bad) throw new ValidationProblem([{ field: `figures.${bad[0]}`, message: `figures.${bad[0]} must be a number ≥ 0` }]);
    const submittedOn = stockholmDate(this.clock.now());
    const closed = await this.dataSource.transaction(async (manager) => {
      await manager.query('UPDATE restaurant_reports SET submitted_on = $2, figures = $3, version = version + 1 WHERE id = $1', [id, submittedOn, JSON.stringify(figures)]);
      await this.audit.record({ action: 'restaurant_report.submit', resourceType: 'restaurant_report', resourceId: id }, manager);
      return this.deadlines.close(manager, RESTAURANT_REPORT_DEADLINE, 'restaurant_report', id, 'met');
    });
    if (closed) await this.deadlines.schedule([closed]);
    return { id, submittedOn };
  }
}
