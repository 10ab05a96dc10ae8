import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@samverkan/access';
import { addDays } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import { ActionsService } from './actions.service.js';
import type { ActionDashboardView, PartyActionCountsView, YearFiguresView } from './actions.views.js';
import { FiguresService } from './figures.service.js';
import { windowOf } from './follow-ups.service.js';
import { PromiseAccess } from './promise-access.js';
import type { ActionStatus, Party } from './vocabulary.js';

/** What a manager opens first: where the promise stands today. */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: PromiseAccess,
    private readonly actions: ActionsService,
    private readonly figures: FiguresService,
  ) {}

  async forPromise(principal: Principal, promiseId: string): Promise<ActionDashboardView> {
    await this.records.promise(principal, promiseId);
    const today = this.actions.today();
    const [promise] = await this.dataSource.query<{ from: string; to: string }[]>(
      `SELECT to_char(period_start, 'YYYY-MM-DD') AS "from", to_char(period_end, 'YYYY-MM-DD') AS "to" FROM promises WHERE id = $1`,
      [promiseId],
    );
    const window = { from: promise.from, to: today < promise.to ? today : promise.to };
    const firstYear = Number(promise.from.slice(0, 4));
    const lastYear = Math.min(Number(promise.to.slice(0, 4)), Number(today.slice(0, 4)));
    const years = Array.from({ length: Math.max(0, lastYear - firstYear + 1) }, (_, i) => firstYear + i);
    const [counts, overdue, dueSoon, commitments, byYear] = await Promise.all([
      this.dataSource.query<{ party: Party; area_id: string; area_title: string; area_position: number; status: ActionStatus; overdue: boolean; n: number }[]>(
        `SELECT c.party, pa.id AS area_id, pa.title AS area_title, pa.position AS area_position, a.status,
                (a.status NOT IN ('done', 'cancelled') AND a.due_date < $2::date) AS overdue, count(*)::int AS n
         FROM actions a JOIN commitments c ON c.id = a.commitment_id JOIN problem_areas pa ON pa.id = c.problem_area_id
         WHERE c.promise_id = $1
         GROUP BY c.party, pa.id, pa.title, pa.position, a.status, 6`,
        [promiseId, today],
      ),
      this.actions.list(principal, { promiseId, overdue: true, limit: 50, offset: 0 }),
      this.actions.list(principal, { promiseId, open: true, dueFrom: today, dueBefore: addDays(today, 14), limit: 50, offset: 0 }),
      this.figures.commitments(promiseId, window, today),
      Promise.all(years.map((year) => this.yearFigures(promiseId, year, promise, today))),
    ]);
    const byStatus: ActionDashboardView['byStatus'] = { planned: 0, in_progress: 0, blocked: 0, done: 0, cancelled: 0 };
    const parties = new Map<Party, PartyActionCountsView>();
    const areas = new Map<string, { id: string; title: string; position: number; total: number; done: number; overdue: number }>();
    for (const row of counts) {
      byStatus[row.status] += row.n;
      const party = parties.get(row.party) ?? { party: row.party, total: 0, done: 0, overdue: 0 };
      const area = areas.get(row.area_id) ?? { id: row.area_id, title: row.area_title, position: row.area_position, total: 0, done: 0, overdue: 0 };
      for (const bucket of [party, area]) {
        bucket.total += row.n;
        if (row.status === 'done') bucket.done += row.n;
        if (row.overdue) bucket.overdue += row.n;
      }
      parties.set(row.party, party);
      areas.set(row.area_id, area);
    }
    return {
      promiseId,
      today,
      window,
      byStatus,
      byParty: [...parties.values()].sort((a, b) => a.party.localeCompare(b.party)),
      byProblemArea: [...areas.values()].sort((a, b) => a.position - b.position).map(({ position: _p, ...rest }) => rest),
      overdue: { items: overdue.items, total: overdue.total },
      dueNext14Days: { items: dueSoon.items, total: dueSoon.total },
      commitments,
      progress: this.figures.promiseProgress(commitments),
      byYear,
    };
  }

  private async yearFigures(promiseId: string, year: number, period: { from: string; to: string }, today: string): Promise<YearFiguresView> {
    const window = windowOf({ year, half: null, period_start: period.from, period_end: period.to });
    const figures = await this.figures.commitments(promiseId, window, today);
    return { year, window, commitments: figures.map((f) => ({ id: f.id, target: f.target?.forWindow ?? null, actual: f.actual, progress: f.progress })) };
  }
}
