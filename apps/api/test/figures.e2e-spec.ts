import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FixedClock } from '@samverkan/platform';
import { HAMMARO_PROMISE_TITLE } from '../src/seed/promises.seed.js';
import { TestApi } from './support/test-api.js';

/**
 * The same figure on every screen, on the demo data (#16): the supervision plan, the promise
 * dashboard and the report count the same inspections; a target is judged over its own period in
 * every roll-up; a promise whose period has ended says so, with its final result.
 */
describe('figures that agree on every screen (demo data)', () => {
  const clock = new FixedClock(new Date('2023-03-01T10:00:00Z'));
  let api: TestApi;
  let promiseId: string;
  const token: Record<string, string> = {};
  const commitment: Record<string, string> = {};

  beforeAll(async () => {
    api = await TestApi.start({}, { clock, demo: true });
    token.chef = await api.token('chef@hammaro.test');
    token.alkohol = await api.token('alkohol@hammaro.test');
    [{ id: promiseId }] = await api.db.query(`SELECT id FROM promises WHERE title = $1`, [HAMMARO_PROMISE_TITLE]);
    for (const row of await api.db.query<{ id: string; text: string }[]>('SELECT id, text FROM commitments WHERE promise_id = $1', [promiseId])) {
      if (row.text.startsWith('Genomföra tillsyn av serveringsställen')) commitment.inspections = row.id;
      if (row.text.startsWith('Utveckla grannsamverkan')) commitment.watch = row.id;
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  it('gives the same 2022 inspection count in the supervision plan, the promise dashboard and the report', async () => {
    const [plan] = await api.db.query<{ id: string }[]>(
      `SELECT sp.id FROM supervision_plans sp JOIN collaborations co ON co.id = sp.collaboration_id WHERE co.name = 'Hammarö' AND sp.year = 2022`,
    );
    const planView = await api.call('GET', `/api/v1/supervision-plans/${plan.id}`, { token: token.alkohol });
    expect(planView.status).toBe(200);
    const dashboard = await api.call('GET', `/api/v1/dashboard/actions?promiseId=${promiseId}`, { token: token.chef });
    expect(dashboard.status).toBe(200);
    const year2022 = dashboard.body.byYear.find((y: { year: number }) => y.year === 2022);
    const dashboardCount = year2022.commitments.find((c: { id: string }) => c.id === commitment.inspections).actual;
    const report = await api.call('GET', `/api/v1/promises/${promiseId}/follow-up-report?year=2022`, { token: token.chef });
    expect(report.status).toBe(200);
    const reportCount = report.body.commitments.find((c: { id: string }) => c.id === commitment.inspections).actual;

    // Performed inspections count; attempted (nobody there) and cancelled ones do not.
    const [{ performed }] = await api.db.query<{ performed: number }[]>(
      `SELECT count(*)::int AS performed FROM inspections i JOIN collaborations co ON co.id = i.collaboration_id
       WHERE co.name = 'Hammarö' AND i.status NOT IN ('planned', 'attempted', 'cancelled')
         AND extract(year FROM i.planned_start AT TIME ZONE 'Europe/Stockholm') = 2022`,
    );
    expect(performed).toBeGreaterThan(0);
    expect(planView.body.totals.performed).toBe(performed);
    expect(dashboardCount).toBe(performed);
    expect(reportCount).toBe(performed);
  });

  it('does not count an attempted visit in the plan or toward the promise', async () => {
    const [plan] = await api.db.query<{ id: string }[]>(
      `SELECT sp.id FROM supervision_plans sp JOIN collaborations co ON co.id = sp.collaboration_id WHERE co.name = 'Hammarö' AND sp.year = 2021`,
    );
    const [{ all, attempted }] = await api.db.query<{ all: number; attempted: number }[]>(
      `SELECT count(*)::int AS all, (count(*) FILTER (WHERE i.attempted_at IS NOT NULL))::int AS attempted
       FROM inspections i JOIN collaborations co ON co.id = i.collaboration_id
       WHERE co.name = 'Hammarö' AND extract(year FROM i.planned_start AT TIME ZONE 'Europe/Stockholm') = 2021`,
    );
    expect(attempted).toBe(1);
    const planView = await api.call('GET', `/api/v1/supervision-plans/${plan.id}`, { token: token.alkohol });
    expect(planView.body.totals.performed).toBe(all - attempted);
    const followUps = await api.call('GET', `/api/v1/promises/${promiseId}/follow-ups`, { token: token.chef });
    const f2021 = followUps.body.find((f: { year: number; half: number | null }) => f.year === 2021 && f.half === null);
    expect(f2021.items.find((i: { id: string }) => i.id === commitment.inspections).actual).toBe(all - attempted);
  });

  it('judges the three-year target against its period in the approved 2021 follow-up', async () => {
    const followUps = await api.call('GET', `/api/v1/promises/${promiseId}/follow-ups`, { token: token.chef });
    expect(followUps.status).toBe(200);
    const f2021 = followUps.body.find((f: { year: number; half: number | null }) => f.year === 2021 && f.half === null);
    expect(f2021.status).toBe('frozen');
    const watch = f2021.items.find((i: { id: string }) => i.id === commitment.watch);
    // 8 new areas over 2020–2022: 2 in 2020 and 3 in 2021 make 5, against the 5.3 due after two of three years.
    expect(watch.target).toMatchObject({ value: 8, period: 'promise_period' });
    expect(watch.target.forWindow).toBe(5.3);
    expect(watch.actual).toBe(5);
    expect(watch.progress).toBeGreaterThan(90);
    expect(watch.assessment).not.toBe('not_achieved');
    expect(watch.suggestedAssessment).toBe('partly');

    // The report of the year says the same.
    const report = await api.call('GET', `/api/v1/promises/${promiseId}/follow-up-report?year=2021`, { token: token.chef });
    const inReport = report.body.commitments.find((c: { id: string }) => c.id === commitment.watch);
    expect(inReport).toMatchObject({ actual: 5, assessment: watch.assessment });
    expect(inReport.progress).toBeCloseTo(watch.progress);
  });

  it('shows the ended promise as Avslutat with its final result, comparing like with like', async () => {
    const res = await api.call('GET', `/api/v1/public/promises/${promiseId}`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('Avslutat');
    expect(res.body.ended).toBe(true);
    expect(typeof res.body.progress).toBe('number');
    const commitments = res.body.problemAreas.flatMap((a: { commitments: unknown[] }) => a.commitments) as {
      text: string;
      target: { value: number; per: string } | null;
      actual: number;
      actualYear: number | null;
    }[];
    // A whole-period target against the outcome of the whole period: 6 of 8 new areas.
    const watch = commitments.find((c) => c.text.startsWith('Utveckla grannsamverkan'))!;
    expect(watch).toMatchObject({ target: { value: 8, per: 'löftesperioden' }, actual: 6, actualYear: null });
    // A yearly target against one year's outcome (the last year of the promise), not the cumulative one.
    const inspections = commitments.find((c) => c.text.startsWith('Genomföra tillsyn av serveringsställen'))!;
    const dashboard = await api.call('GET', `/api/v1/dashboard/actions?promiseId=${promiseId}`, { token: token.chef });
    const count2022 = dashboard.body.byYear
      .find((y: { year: number }) => y.year === 2022)
      .commitments.find((c: { id: string }) => c.id === commitment.inspections).actual;
    expect(inspections).toMatchObject({ target: { value: 12, per: 'år' }, actual: count2022, actualYear: 2022 });

    // The signed-in view shows the same status.
    const promise = await api.call('GET', `/api/v1/promises/${promiseId}`, { token: token.chef });
    expect(promise.body).toMatchObject({ status: 'active', shownStatus: 'closed', ended: true });
  });
});
