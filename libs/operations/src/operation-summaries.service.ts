import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, type Principal, scopeCondition } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { Clock, invalidField, type Page, pageOf, ProblemException, stockholmDate } from '@samverkan/platform';
import { ActivitiesService, PromiseMap } from '@samverkan/promises';
import type { DataSource } from 'typeorm';
import { type OutcomeCounts, SUBSTANCES, summaryCounts } from './operation-rules.js';
import type { ReleaseInput, SummaryListQuery, SummaryTotalsQuery } from './operations.dto.js';
import type { OperationSummaryView, SummaryTotalsView } from './operations.views.js';
import { OperationsService } from './operations.service.js';

const SELECT_SUMMARIES = `SELECT s.id, s.collaboration_id AS "collaborationId", c.name AS collaboration,
  to_char(s.period_start, 'YYYY-MM-DD') AS "periodStart", to_char(s.period_end, 'YYYY-MM-DD') AS "periodEnd", s.area, s.place_id AS "placeId", s.counts,
  s.released_at AS "releasedAt" FROM operation_summaries s JOIN collaborations c ON c.id = s.collaboration_id`;

/**
 * Released outcome summaries: the only part of an operation the collaboration sees — the period,
 * the area in general terms and the counts. Releasing one adds a `drug_sale_operation` activity
 * under the promise commitment (#4).
 */
@Injectable()
export class OperationSummariesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly operations: OperationsService,
    private readonly activities: ActivitiesService,
    private readonly places: PromiseMap,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The commander releases the summary of a reported operation, once. */
  async release(principal: Principal, operationId: string, input: ReleaseInput): Promise<OperationSummaryView> {
    const record = await this.operations.readable(principal, operationId);
    await this.access.assertAllowed(principal, 'operation:decide', this.operations.ownership(record));
    if (record.status !== 'outcome_reported') {
      throw new ProblemException('operation.not_reported', { status: record.status });
    }
    const periodStart = input.periodStart ?? stockholmDate(new Date(record.plannedStart));
    const periodEnd = input.periodEnd ?? stockholmDate(new Date(record.plannedEnd));
    if (periodEnd < periodStart) throw invalidField('periodEnd', 'date.not_before', { other: 'periodStart' });
    // The general area may be one of the collaboration's named places (issue #20): the map shows a
    // circle around it. Police intelligence stays with the police (DOMAIN.md): a place the
    // collaboration already knows, never a position of the operation.
    if (input.placeId && !(await this.places.isPlaceOf(record.collaborationId, input.placeId))) throw invalidField('placeId', 'operation.place_unknown');
    const [outcome] = await this.dataSource.query<OutcomeCounts[]>(
      `SELECT seizures, arrests, reports_filed AS "reportsFiled", persons_checked AS "personsChecked", places_checked AS "placesChecked"
       FROM operation_outcomes WHERE operation_id = $1`,
      [operationId],
    );
    const { counts, metrics } = summaryCounts(outcome);
    const id = await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO operation_summaries (operation_id, collaboration_id, period_start, period_end, area, counts, released_by, released_at, place_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (operation_id) DO NOTHING RETURNING id`,
        [
          operationId,
          record.collaborationId,
          periodStart,
          periodEnd,
          input.area.trim(),
          JSON.stringify(counts),
          principal.userId,
          this.clock.now(),
          input.placeId ?? null,
        ],
      );
      if (!row) throw new ProblemException('operation.summary_released');
      const activity = {
        kind: 'drug_sale_operation' as const,
        occurredOn: periodEnd,
        place: input.area.trim(),
        source: 'operation_summary',
        sourceId: row.id,
        ownerOrganisationId: record.ownerOrganisationId,
        metrics,
        participatingOrganisationIds: [],
      };
      const activityId = record.commitmentId
        ? await this.activities.recordFromSource({ ...activity, commitmentId: record.commitmentId }, manager)
        : await this.activities.recordForKind({ ...activity, collaborationId: record.collaborationId }, manager);
      await manager.query('UPDATE operation_summaries SET activity_id = $2 WHERE id = $1', [row.id, activityId ?? null]);
      await this.audit.record(
        {
          action: 'operation.release',
          resourceType: 'operation',
          resourceId: operationId,
          subjectOrganisationId: record.ownerOrganisationId,
          details: { summaryId: row.id, activityId },
        },
        manager,
      );
      return row.id;
    });
    const [summary] = await this.dataSource.query<OperationSummaryView[]>(`${SELECT_SUMMARIES} WHERE s.id = $1`, [id]);
    return summary;
  }

  /** Released summaries of the collaborations the principal follows (police and municipality alike). */
  async list(principal: Principal, query: SummaryListQuery): Promise<Page<OperationSummaryView>> {
    const page = await pageOf<OperationSummaryView>(
      this.dataSource,
      this.visible(principal, query),
      { alias: 's', orderBy: [['s.period_start', 'DESC']], select: SELECT_SUMMARIES },
      query,
    );
    await this.audit.record({ action: 'operation_summary.list', resourceType: 'operation_summary', details: { count: page.items.length } });
    return page;
  }

  /**
   * The sums of the summaries the same filter selects (every page of it): operations, arrests,
   * reports, checks, and seizures per substance and unit.
   */
  async totals(principal: Principal, query: SummaryTotalsQuery): Promise<SummaryTotalsView> {
    const [sql, params] = this.visible(principal, query).select('s.id').getQueryAndParameters();
    const [row] = await this.dataSource.query<(Omit<SummaryTotalsView, 'seizures'> & { seizures: Omit<SummaryTotalsView['seizures'][number], 'label'>[] })[]>(
      `WITH selected AS (SELECT counts FROM operation_summaries WHERE id IN (${sql})),
         seized AS (SELECT e->>'substance' AS substance, e->>'unit' AS unit, sum((e->>'quantity')::numeric) AS quantity
           FROM selected, jsonb_array_elements(selected.counts->'seizures') e GROUP BY 1, 2)
       SELECT count(*)::int AS operations,
              coalesce(sum((counts->>'arrests')::int), 0)::int AS arrests,
              coalesce(sum((counts->>'reportsFiled')::int), 0)::int AS "reportsFiled",
              coalesce(sum((counts->>'personsChecked')::int), 0)::int AS "personsChecked",
              coalesce(sum((counts->>'placesChecked')::int), 0)::int AS "placesChecked",
              coalesce((SELECT json_agg(json_build_object('substance', substance, 'quantity', quantity::float8, 'unit', unit) ORDER BY substance, unit) FROM seized), '[]') AS seizures
       FROM selected`,
      params,
    );
    const seizures = row.seizures.map((s) => ({ ...s, label: SUBSTANCES[s.substance]?.label ?? s.substance }));
    await this.audit.record({ action: 'operation_summary.totals', resourceType: 'operation_summary', details: { operations: row.operations } });
    return { ...row, seizures };
  }

  /** The summaries the principal may see, narrowed by the query's collaboration and year. */
  private visible(principal: Principal, query: SummaryTotalsQuery) {
    const scope = scopeCondition(principal, 'operation_summary:read', { id: 's.id', collaborationId: 's.collaboration_id' }, this.clock.now(), {
      grants: false,
    });
    const qb = this.dataSource.createQueryBuilder().from('operation_summaries', 's').where(scope.sql, scope.params);
    if (query.collaborationId) qb.andWhere('s.collaboration_id = :collaborationId', { collaborationId: query.collaborationId });
    if (query.year) qb.andWhere('s.period_end >= make_date(:year, 1, 1) AND s.period_start <= make_date(:year, 12, 31)', { year: query.year });
    return qb;
  }
}
