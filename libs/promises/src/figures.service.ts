import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { COUNTED_INSPECTIONS_SQL, INSPECTION_ACTIVITY_KIND } from './counted-inspections.js';
import { ACTION_TOTALS_SQL, actionsProgress, judgeTarget, promiseProgress } from './progress.js';
import type { FindingCountsView } from './follow-ups.views.js';
import type { CommitmentFiguresView, PromiseWindowView } from './promises.views.js';
import type { Party, TargetPeriod } from './vocabulary.js';

interface Row {
  id: string;
  party: Party;
  problem_area_id: string;
  problem_area_title: string;
  problem_area_position: number;
  text: string;
  weight: number;
  target_value: number | null;
  target_unit: string | null;
  target_period: TargetPeriod | null;
  target_metric: string | null;
  actual: number;
  actual_since_start: number;
  activities: number;
  promise_from: string;
  promise_to: string;
  total: number;
  done: number;
  cancelled: number;
  open: number;
  overdue: number;
  weight_sum: number;
  weighted_progress: number;
  completed_titles: string[];
}

/**
 * Targets against actuals for every commitment of a promise over a window of dates, in one query
 * (activities counted or summed per commitment in SQL), judged by the period rule of progress.ts
 * (judgeTarget). The commitment on inspections counts the inspections themselves
 * (COUNTED_INSPECTIONS_SQL, the same rows the supervision plan counts as performed).
 */
@Injectable()
export class FiguresService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** @param options.completedTitles also list the titles of done actions (for the public page). */
  async commitments(
    promiseId: string,
    window: PromiseWindowView,
    today: string,
    options: { completedTitles?: boolean; db?: Pick<DataSource, 'query'> } = {},
  ): Promise<CommitmentFiguresView[]> {
    const db = options.db ?? this.dataSource;
    const rows = await db.query<Row[]>(
      // One pass over the window's activities of the promise: counts, and every metric summed per
      // commitment; the commitment's own metric is picked out afterwards.
      `WITH promise AS (SELECT id, collaboration_id, period_start, period_end FROM promises WHERE id = $1),
       done AS (
         SELECT ac.commitment_id, (count(*) FILTER (WHERE ac.occurred_on >= $2::date))::int AS activities,
                count(*)::int AS activities_since_start,
                sum(CASE WHEN c.target_metric IS NULL OR ac.occurred_on < $2::date THEN 0 ELSE (ac.metrics ->> c.target_metric)::numeric END)::float8 AS metric_sum,
                sum(CASE WHEN c.target_metric IS NULL THEN 0 ELSE (ac.metrics ->> c.target_metric)::numeric END)::float8 AS metric_since_start
         FROM activities ac JOIN commitments c ON c.id = ac.commitment_id JOIN promise p ON p.id = c.promise_id
         WHERE ac.occurred_on BETWEEN p.period_start AND $3::date
         GROUP BY ac.commitment_id),
       inspected AS (
         SELECT (count(*) FILTER (WHERE ci.counted_on >= $2::date))::int AS in_window, count(*)::int AS since_start
         FROM (${COUNTED_INSPECTIONS_SQL}) ci JOIN promise p ON p.collaboration_id = ci.collaboration_id
         WHERE ci.counted_on BETWEEN p.period_start AND $3::date),
       planned AS (
         SELECT a.commitment_id, count(*)::int AS total,
                (count(*) FILTER (WHERE a.status = 'done'))::int AS done,
                (count(*) FILTER (WHERE a.status = 'cancelled'))::int AS cancelled,
                (count(*) FILTER (WHERE a.status NOT IN ('done', 'cancelled')))::int AS open,
                (count(*) FILTER (WHERE a.status NOT IN ('done', 'cancelled') AND a.due_date < $4::date))::int AS overdue,
                ${ACTION_TOTALS_SQL},
                CASE WHEN $5 THEN coalesce(array_agg(a.title ORDER BY a.completed_at, a.title) FILTER (WHERE a.status = 'done'), '{}') END
                  AS completed_titles
         FROM actions a JOIN commitments c ON c.id = a.commitment_id
         WHERE c.promise_id = $1
         GROUP BY a.commitment_id)
       SELECT c.id, c.party, pa.id AS problem_area_id, pa.title AS problem_area_title, pa.position AS problem_area_position,
              c.text, c.weight::float8 AS weight, c.target_value::float8 AS target_value, c.target_unit, c.target_period,
              c.target_metric,
              CASE WHEN c.activity_kind = '${INSPECTION_ACTIVITY_KIND}' AND c.target_metric IS NULL THEN inspected.in_window
                   WHEN c.target_metric IS NULL THEN coalesce(done.activities, 0) ELSE coalesce(done.metric_sum, 0) END::float8 AS actual,
              CASE WHEN c.activity_kind = '${INSPECTION_ACTIVITY_KIND}' AND c.target_metric IS NULL THEN inspected.since_start
                   WHEN c.target_metric IS NULL THEN coalesce(done.activities_since_start, 0) ELSE coalesce(done.metric_since_start, 0) END::float8
                AS actual_since_start,
              CASE WHEN c.activity_kind = '${INSPECTION_ACTIVITY_KIND}' AND c.target_metric IS NULL THEN inspected.in_window
                   ELSE coalesce(done.activities, 0) END AS activities,
              to_char(p.period_start, 'YYYY-MM-DD') AS promise_from, to_char(p.period_end, 'YYYY-MM-DD') AS promise_to,
              coalesce(planned.total, 0) AS total, coalesce(planned.done, 0) AS done,
              coalesce(planned.cancelled, 0) AS cancelled, coalesce(planned.open, 0) AS open,
              coalesce(planned.overdue, 0) AS overdue, coalesce(planned.weight_sum, 0) AS weight_sum,
              coalesce(planned.weighted_progress, 0) AS weighted_progress,
              coalesce(planned.completed_titles, '{}') AS completed_titles
       FROM commitments c
       JOIN promise p ON p.id = c.promise_id
       CROSS JOIN inspected
       JOIN problem_areas pa ON pa.id = c.problem_area_id
       LEFT JOIN done ON done.commitment_id = c.id
       LEFT JOIN planned ON planned.commitment_id = c.id
       WHERE c.promise_id = $1
       ORDER BY pa.position, c.position, c.id`,
      [promiseId, window.from, window.to, today, options.completedTitles ?? false],
    );
    return rows.map((row) => {
      const judged =
        row.target_value !== null && row.target_period
          ? judgeTarget({ value: row.target_value, period: row.target_period }, { inWindow: row.actual, sinceStart: row.actual_since_start }, window, {
              from: row.promise_from,
              to: row.promise_to,
            })
          : null;
      const forWindow = judged?.target ?? null;
      return {
        id: row.id,
        party: row.party,
        problemArea: { id: row.problem_area_id, title: row.problem_area_title, position: row.problem_area_position },
        text: row.text,
        weight: row.weight,
        target:
          forWindow !== null ? { value: row.target_value!, unit: row.target_unit!, period: row.target_period!, metric: row.target_metric, forWindow } : null,
        actual: judged?.actual ?? row.actual,
        activities: row.activities,
        actions: {
          total: row.total,
          done: row.done,
          cancelled: row.cancelled,
          open: row.open,
          overdue: row.overdue,
          completedTitles: row.completed_titles,
        },
        progress: judged ? judged.progress : actionsProgress({ weight: row.weight_sum, weightedProgress: row.weighted_progress }),
      };
    });
  }

  /**
   * Findings raised (recorded) and fixed (done) in the window, per problem area of the promise in
   * its order, every area listed; findings under no area last, when there are any. Dates are
   * Stockholm's, like every calendar rule.
   */
  async findings(promiseId: string, window: PromiseWindowView, db: Pick<DataSource, 'query'> = this.dataSource): Promise<FindingCountsView[]> {
    return db
      .query<FindingCountsView[]>(
        `WITH counted AS (
         SELECT f.problem_area_id,
                ((f.recorded_at AT TIME ZONE 'Europe/Stockholm')::date BETWEEN $2::date AND $3::date) AS raised,
                (f.status = 'done' AND (f.resolved_at AT TIME ZONE 'Europe/Stockholm')::date BETWEEN $2::date AND $3::date) AS fixed
         FROM findings f WHERE f.promise_id = $1)
       SELECT pa.id AS "problemAreaId", pa.title AS "problemAreaTitle",
              (count(*) FILTER (WHERE c.raised))::int AS raised, (count(*) FILTER (WHERE c.fixed))::int AS fixed, pa.position
       FROM problem_areas pa LEFT JOIN counted c ON c.problem_area_id = pa.id
       WHERE pa.promise_id = $1 GROUP BY pa.id
       UNION ALL
       SELECT NULL, NULL, (count(*) FILTER (WHERE raised))::int, (count(*) FILTER (WHERE fixed))::int, NULL
       FROM counted WHERE problem_area_id IS NULL HAVING count(*) FILTER (WHERE raised OR fixed) > 0
       ORDER BY position NULLS LAST`,
        [promiseId, window.from, window.to],
      )
      .then((rows) => rows.map(({ problemAreaId, problemAreaTitle, raised, fixed }) => ({ problemAreaId, problemAreaTitle, raised, fixed })));
  }

  promiseProgress(commitments: readonly CommitmentFiguresView[]): number | null {
    return promiseProgress(commitments);
  }
}
