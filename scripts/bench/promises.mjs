// npm run bench:promises — the manager's screens at a realistic worst case: the Hammarö promise
// with 2 000 actions and 100 000 activities. Dashboard (counts, overdue, due soon, roll-up), the
// filtered action list, the yearly CSV report and the public page.
import { freshDatabase, load, startApi, writeSection } from './lib.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
// Hammarö logged ~200 activities in three years; 20 000 is a hundred times that.
const ACTIVITIES = Number(process.env.BENCH_ACTIVITIES ?? 20000);
const db = await freshDatabase('samverkan_bench_promises');
const api = await startApi(db.url, 3198, { LOGIN_RATE_LIMIT_PER_MINUTE: '10000' });
try {
  const [{ id: promiseId }] = (await db.client.query(`SELECT id FROM promises LIMIT 1`)).rows;
  // Copies of the seeded actions and activities, spread over the three years.
  await db.client.query(`
    INSERT INTO actions (commitment_id, collaboration_id, title, responsible_organisation_id, responsible_unit_id, due_date,
                         status, status_reason, progress)
    SELECT a.commitment_id, a.collaboration_id, a.title || ' #' || n, a.responsible_organisation_id, a.responsible_unit_id,
           DATE '2020-01-01' + (n * 7 % 1095), a.status, a.status_reason, a.progress
    FROM generate_series(1, 100) n, actions a`);
  await db.client.query(`UPDATE actions SET status_reason = 'bench' WHERE status IN ('blocked', 'cancelled') AND status_reason IS NULL`);
  await db.client.query(
    `
    INSERT INTO activities (commitment_id, collaboration_id, owner_organisation_id, occurred_on, kind, metrics)
    SELECT c.id, p.collaboration_id, p2.owner_organisation_id, DATE '2020-01-01' + (n % 1095), 'other',
           jsonb_build_object('vehicles_checked', n % 300, 'new_areas', n % 2)
    FROM generate_series(1, ${ACTIVITIES}) n
    JOIN LATERAL (SELECT id FROM commitments WHERE promise_id = $1 ORDER BY id OFFSET n % 8 LIMIT 1) c ON true
    JOIN promises p ON p.id = $1
    JOIN LATERAL (SELECT owner_organisation_id FROM activities LIMIT 1) p2 ON true`,
    [promiseId],
  );
  await db.client.query('ANALYZE');
  const [{ actions, activities }] = (
    await db.client.query(`SELECT (SELECT count(*) FROM actions)::int AS actions, (SELECT count(*) FROM activities)::int AS activities`)
  ).rows;

  const login = async (email) => {
    const res = await fetch(`${api.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'Samverkan-demo-2026' }),
    });
    return (await res.json()).accessToken;
  };
  const auth = { headers: { authorization: `Bearer ${await login('chef@hammaro.test')}` } };
  const get = (path) => () => fetch(`${api.url}${path}`, auth);
  const results = [
    ['GET /api/v1/dashboard/actions', await load(get(`/api/v1/dashboard/actions?promiseId=${promiseId}`), { concurrency: 8, seconds: SECONDS })],
    [
      'GET /api/v1/actions?overdue=true&party=police',
      await load(get(`/api/v1/actions?promiseId=${promiseId}&overdue=true&party=police&limit=50`), { concurrency: 8, seconds: SECONDS }),
    ],
    [
      'GET /api/v1/activities?from=…&to=…',
      await load(get(`/api/v1/activities?promiseId=${promiseId}&from=2021-01-01&to=2021-12-31&limit=50`), { concurrency: 8, seconds: SECONDS }),
    ],
    [
      'GET …/follow-up-report?year=2021 (CSV)',
      await load(get(`/api/v1/promises/${promiseId}/follow-up-report?year=2021&format=csv`), { concurrency: 8, seconds: SECONDS }),
    ],
    [
      'GET /api/v1/public/promises/{id} (no login)',
      await load(() => fetch(`${api.url}/api/v1/public/promises/${promiseId}`), { concurrency: 8, seconds: SECONDS }),
    ],
  ];
  const lines = [
    `${SECONDS} s per load, 8 concurrent clients on loopback; one promise with ${actions} actions and ${activities} activities.`,
    '',
    '| request | req/s | p50 ms | p95 ms | p99 ms | errors |',
    '| --- | --- | --- | --- | --- | --- |',
    ...results.map(([name, r]) => `| ${name} | ${r.perSecond} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} |`),
  ];
  writeSection('Promise tracker (bench:promises)', lines);
  console.log(lines.join('\n'));
} finally {
  await api.stop();
  await db.drop();
}
