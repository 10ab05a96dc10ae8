import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ACTION_TOTALS_SQL, commitmentProgress, promiseProgress, targetForWindow, yearsInWindow } from './progress.js';
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
  activities: number;
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
 * (activities counted or summed per commitment in SQL), with the progress roll-up of progress.ts.
 */
@Injectable()
export class FiguresService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** @param options.completedTitles also list the titles of done actions (for the public page). */
  async commitments(
    promiseId: string,
    window: PromiseWindowView,
    today: string,
    options: { completedTitles?: boolean } = {},
  ): Promise<CommitmentFiguresView[]> {
    const rows = await this.dataSource.query<Row[]>(
      // One pass over the window's activities of the promise: counts, and every metric summed per
      // commitment; the commitment's own metric is picked out afterwards.
      `WITH done AS (
         SELECT ac.commitment_id, count(*)::int AS activities,
                sum(CASE WHEN c.target_metric IS NULL THEN 0 ELSE (ac.metrics ->> c.target_metric)::numeric END)::float8 AS metric_sum
         FROM activities ac JOIN commitments c ON c.id = ac.commitment_id
         WHERE c.promise_id = $1 AND ac.occurred_on BETWEEN $2 AND $3
         GROUP BY ac.commitment_id),
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
              CASE WHEN c.target_metric IS NULL THEN coalesce(done.activities, 0) ELSE coalesce(done.metric_sum, 0) END::float8 AS actual,
              coalesce(done.activities, 0) AS activities,
              coalesce(planned.total, 0) AS total, coalesce(planned.done, 0) AS done,
              coalesce(planned.cancelled, 0) AS cancelled, coalesce(planned.open, 0) AS open,
              coalesce(planned.overdue, 0) AS overdue, coalesce(planned.weight_sum, 0) AS weight_sum,
              coalesce(planned.weighted_progress, 0) AS weighted_progress,
              coalesce(planned.completed_titles, '{}') AS completed_titles
       FROM commitments c
       JOIN problem_areas pa ON pa.id = c.problem_area_id
       LEFT JOIN done ON done.commitment_id = c.id
       LEFT JOIN planned ON planned.commitment_id = c.id
       WHERE c.promise_id = $1
       ORDER BY pa.position, c.position, c.id`,
      [promiseId, window.from, window.to, today, options.completedTitles ?? false],
    );
    const years = yearsInWindow(window.from, window.to);
    return rows.map((row) => {
      const forWindow = row.target_value !== null && row.target_period ? targetForWindow(row.target_value, row.target_period, years) : null;
      return {
        id: row.id,
        party: row.party,
        problemArea: { id: row.problem_area_id, title: row.problem_area_title, position: row.problem_area_position },
        text: row.text,
        weight: row.weight,
        target:
          forWindow !== null ? { value: row.target_value!, unit: row.target_unit!, period: row.target_period!, metric: row.target_metric, forWindow } : null,
        actual: row.actual,
        activities: row.activities,
        actions: {
          total: row.total,
          done: row.done,
          cancelled: row.cancelled,
          open: row.open,
          overdue: row.overdue,
          completedTitles: row.completed_titles,
        },
        progress: commitmentProgress(forWindow, row.actual, { weight: row.weight_sum, weightedProgress: row.weighted_progress }),
      };
    });
  }

  promiseProgress(commitments: readonly CommitmentFiguresView[]): number | null {
    return promiseProgress(commitments);
  }
}
