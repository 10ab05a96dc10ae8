import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type ActionFacts, commitmentProgress, promiseProgress, targetForWindow, yearsInWindow } from './progress.js';
import type { Party, TargetPeriod } from './vocabulary.js';

export interface Window {
  from: string;
  to: string;
}

export interface CommitmentFigures {
  id: string;
  party: Party;
  problemArea: { id: string; title: string; position: number };
  text: string;
  weight: number;
  target: { value: number; unit: string; period: TargetPeriod; metric: string | null; forWindow: number } | null;
  actual: number;
  activities: number;
  actions: { total: number; done: number; open: number; overdue: number; cancelled: number; completedTitles: string[] };
  /** 0–100, or null when there is neither a target nor any action to measure by. */
  progress: number | null;
}

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
  actions: (ActionFacts & { due: string; title: string })[];
}

/**
 * Targets against actuals for every commitment of a promise over a window of dates, in one query
 * (activities counted or summed per commitment in SQL), with the progress roll-up of progress.ts.
 */
@Injectable()
export class FiguresService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async commitments(promiseId: string, window: Window, today: string): Promise<CommitmentFigures[]> {
    const rows = await this.dataSource.query<Row[]>(
      `SELECT c.id, c.party, pa.id AS problem_area_id, pa.title AS problem_area_title, pa.position AS problem_area_position,
              c.text, c.weight::float8 AS weight, c.target_value::float8 AS target_value, c.target_unit, c.target_period,
              c.target_metric,
              (SELECT CASE WHEN c.target_metric IS NULL THEN count(*)::float8
                           ELSE coalesce(sum((ac.metrics ->> c.target_metric)::numeric), 0)::float8 END
                 FROM activities ac WHERE ac.commitment_id = c.id AND ac.occurred_on BETWEEN $2 AND $3) AS actual,
              (SELECT count(*)::int FROM activities ac WHERE ac.commitment_id = c.id AND ac.occurred_on BETWEEN $2 AND $3) AS activities,
              coalesce((SELECT json_agg(json_build_object('status', a.status, 'progress', a.progress, 'weight', a.weight::float8,
                          'due', a.due_date, 'title', a.title) ORDER BY a.due_date)
                        FROM actions a WHERE a.commitment_id = c.id), '[]') AS actions
       FROM commitments c JOIN problem_areas pa ON pa.id = c.problem_area_id
       WHERE c.promise_id = $1
       ORDER BY pa.position, c.position, c.id`,
      [promiseId, window.from, window.to],
    );
    const years = yearsInWindow(window.from, window.to);
    return rows.map((row) => {
      const forWindow = row.target_value !== null && row.target_period ? targetForWindow(row.target_value, row.target_period, years) : null;
      const open = row.actions.filter((a) => a.status !== 'done' && a.status !== 'cancelled');
      return {
        id: row.id,
        party: row.party,
        problemArea: { id: row.problem_area_id, title: row.problem_area_title, position: row.problem_area_position },
        text: row.text,
        weight: row.weight,
        target:
          forWindow !== null
            ? { value: row.target_value!, unit: row.target_unit!, period: row.target_period!, metric: row.target_metric, forWindow }
            : null,
        actual: row.actual,
        activities: row.activities,
        actions: {
          total: row.actions.length,
          done: row.actions.filter((a) => a.status === 'done').length,
          cancelled: row.actions.filter((a) => a.status === 'cancelled').length,
          open: open.length,
          overdue: open.filter((a) => a.due < today).length,
          completedTitles: row.actions.filter((a) => a.status === 'done').map((a) => a.title),
        },
        progress: commitmentProgress(forWindow, row.actual, row.actions),
      };
    });
  }

  promiseProgress(commitments: readonly CommitmentFigures[]): number | null {
    return promiseProgress(commitments);
  }
}
