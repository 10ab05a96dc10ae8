import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, type OwnershipColumns, type Principal, scopeCondition } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { DeadlinesService } from '@samverkan/deadlines';
import { Clock, type Page, pageOf, ProblemException, stockholmDate, ValidationProblem } from '@samverkan/platform';
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type {
  RestaurantReportRowView,
  RestaurantReportsOpenedView,
  RestaurantReportsQuery,
  RestaurantReportsSummaryQuery,
  RestaurantReportsSummaryView,
  RestaurantReportSubmittedView,
} from './licensing.dto.js';
import { PremisesService } from './premises.service.js';
import { restaurantReportDueOn, restaurantReportFigureErrors, restaurantReportStatus, RESTAURANT_REPORT_FIGURES } from './restaurant-report-rules.js';
import { RESTAURANT_REPORT_DEADLINE, reportsForYear, RestaurantReportOpener } from '../supervision/restaurant-report-opener.js';

// A report is seen with its licence, and a licence with its premises (grants on the premises count).
const LICENCE_COLUMNS: OwnershipColumns = { id: 'l.premises_id', collaborationId: 'l.collaboration_id', organisationId: 'l.owner_organisation_id' };

/** The figures of a report as numbers (null when not reported), as SQL over `r.figures`. */
const FIGURES_SQL = `json_build_object(${RESTAURANT_REPORT_FIGURES.map((f) => `'${f}', (r.figures->>'${f}')::float8`).join(', ')})`;

const SELECT_ROWS = `SELECT l.id AS "licenceId", r.id AS "reportId", l.premises_id AS "premisesId", p.name AS "premisesName",
  l.holder_id AS "holderId", h.name AS "holderName", to_char(r.due_on, 'YYYY-MM-DD') AS "dueOn",
  to_char(r.submitted_on, 'YYYY-MM-DD') AS "submittedOn", ${FIGURES_SQL} AS figures
  FROM licences l JOIN premises p ON p.id = l.premises_id JOIN licence_holders h ON h.id = l.holder_id
  LEFT JOIN restaurant_reports r ON r.licence_id = l.id AND r.year = :year`;

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

  /** Each licence that reports for the year (in the caller's scope), with its report's status, date and figures; by premises name. */
  async list(principal: Principal, query: RestaurantReportsQuery): Promise<Page<RestaurantReportRowView>> {
    const page = await pageOf<Omit<RestaurantReportRowView, 'status'>>(
      this.dataSource,
      this.reporting(principal, query),
      { alias: 'l', orderBy: [['p.name', 'ASC']], select: SELECT_ROWS, selectParams: { year: query.year } },
      query,
    );
    const today = stockholmDate(this.clock.now());
    const due = restaurantReportDueOn(query.year);
    return {
      ...page,
      items: page.items.map((row) => ({
        ...row,
        dueOn: row.dueOn ?? due,
        status: restaurantReportStatus({ opened: row.reportId !== null, submittedOn: row.submittedOn, dueOn: row.dueOn ?? due }, today),
      })),
    };
  }

  /** The year in figures, aggregated in SQL: submitted, not submitted, not opened, late, and the sums of the submitted figures. */
  async summary(principal: Principal, query: RestaurantReportsSummaryQuery): Promise<RestaurantReportsSummaryView> {
    const today = stockholmDate(this.clock.now());
    const qb = this.reporting(principal, query)
      .select('count(*)::int', 'required')
      .addSelect('count(r.submitted_on)::int', 'submitted')
      .addSelect('count(*) FILTER (WHERE r.id IS NULL)::int', 'notOpened')
      .addSelect('count(*) FILTER (WHERE r.id IS NOT NULL AND r.submitted_on IS NULL AND r.due_on < :today)::int', 'late')
      .setParameter('today', today);
    for (const f of RESTAURANT_REPORT_FIGURES) qb.addSelect(`sum((r.figures->>'${f}')::float8) FILTER (WHERE r.submitted_on IS NOT NULL)`, f);
    const row = await qb.getRawOne<Record<string, number | null>>();
    const totals = Object.fromEntries(RESTAURANT_REPORT_FIGURES.map((f) => [f, row?.[f] ?? null])) as unknown as RestaurantReportsSummaryView['totals'];
    const required = row?.required ?? 0;
    const submitted = row?.submitted ?? 0;
    return {
      year: query.year,
      dueOn: restaurantReportDueOn(query.year),
      required,
      submitted,
      notSubmitted: required - submitted,
      notOpened: row?.notOpened ?? 0,
      late: row?.late ?? 0,
      totals,
    };
  }

  /** The licences that report for the year (or have a report for it) that the caller may read. */
  private reporting(principal: Principal, query: { year: number; collaborationId?: string }): SelectQueryBuilder<ObjectLiteral> {
    const scope = scopeCondition(principal, 'premises:read', LICENCE_COLUMNS, this.clock.now(), { grants: true });
    const qb = this.dataSource
      .createQueryBuilder()
      .from('licences', 'l')
      .innerJoin('premises', 'p', 'p.id = l.premises_id')
      .leftJoin('restaurant_reports', 'r', 'r.licence_id = l.id AND r.year = :year', { year: query.year })
      .where(scope.sql, scope.params)
      .andWhere(`(${reportsForYear(':year')} OR r.id IS NOT NULL)`);
    if (query.collaborationId) qb.andWhere('l.collaboration_id = :collaborationId', { collaborationId: query.collaborationId });
    return qb;
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
    const errors = restaurantReportFigureErrors(figures);
    if (errors.length > 0) throw new ValidationProblem(errors);
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
