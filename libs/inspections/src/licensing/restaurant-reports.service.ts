import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, type Principal } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { DeadlinesService } from '@samverkan/deadlines';
import { Clock, invalidField, ProblemException, stockholmDate } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import type { RestaurantReportsOpenedView, RestaurantReportSubmittedView } from './licensing.dto.js';
import { PremisesService } from './premises.service.js';
import { RESTAURANT_REPORT_DEADLINE, RestaurantReportOpener } from '../supervision/restaurant-report-opener.js';

/**
 * Restaurangrapport (AL 9 kap 7 §): every licence holder reports the year's sales by 1 March the
 * following year. The worker opens the reports each January (RestaurantReportOpener); a licensing
 * officer can open a year by hand; submitting a report meets its deadline.
 */
@Injectable()
export class RestaurantReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly premises: PremisesService,
    private readonly deadlines: DeadlinesService,
    private readonly opener: RestaurantReportOpener,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async open(principal: Principal, collaborationId: string, year: number): Promise<RestaurantReportsOpenedView> {
    const municipality = await this.premises.municipalityOf(collaborationId);
    await this.access.assertAllowed(principal, 'premises:manage', { id: collaborationId, collaborationId, organisationId: municipality });
    return { opened: await this.opener.openYear(collaborationId, municipality, year, principal.userId) };
  }

  async submit(principal: Principal, id: string, figures: Record<string, number>): Promise<RestaurantReportSubmittedView> {
    const [report] = await this.dataSource.query<{ submitted_on: string | null; collaboration_id: string; owner_organisation_id: string }[]>(
      `SELECT r.submitted_on, l.collaboration_id, l.owner_organisation_id FROM restaurant_reports r JOIN licences l ON l.id = r.licence_id WHERE r.id = $1`,
      [id],
    );
    if (!report) throw new NotFoundException(`No restaurant report with id ${id}.`);
    await this.access.assertAllowed(principal, 'premises:manage', {
      id,
      collaborationId: report.collaboration_id,
      organisationId: report.owner_organisation_id,
    });
    if (report.submitted_on) throw new ProblemException('restaurant_report.submitted');
    const bad = Object.entries(figures).find(([, v]) => typeof v !== 'number' || v < 0);
    if (bad) throw invalidField(`figures.${bad[0]}`, 'restaurant_report.figure');
    const submittedOn = stockholmDate(this.clock.now());
    await this.dataSource.transaction(async (manager) => {
      await manager.query('UPDATE restaurant_reports SET submitted_on = $2, figures = $3, version = version + 1 WHERE id = $1', [
        id,
        submittedOn,
        JSON.stringify(figures),
      ]);
      await this.audit.record({ action: 'restaurant_report.submit', resourceType: 'restaurant_report', resourceId: id }, manager);
      await this.deadlines.close(manager, RESTAURANT_REPORT_DEADLINE, 'restaurant_report', id, 'met');
    });
    return { id, submittedOn };
  }
}
