// `npm run bench` (issue #19): one command that ensures the national-scale bench database
// (data.mjs), starts the anchor (anchor.mjs: plain Fastify + `pg`) and ONE Samverkan api process,
// measures each pair in the same run with autocannon from a separate process (load.mjs), runs the
// other sections' modules (reminders.mjs, lighthouse.mjs) when present, and rewrites BENCHMARKS.md.
// Ratios against an anchor measured in the same run are what pass or fail; absolute figures vary
// with the machine and its load. Tests never assert timings.
//
// Sections (all by default): `npm run bench -- api audit extras reminders lighthouse`.
import { execFile, execFileSync, fork, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { promisify } from 'node:util';
import pg from 'pg';
import { describe, ensureBenchData } from './data.mjs';
import { root, watchRss } from './lib.mjs';

const SECTIONS = ['api', 'audit', 'extras', 'reminders', 'lighthouse'];
const chosen = process.argv.slice(2);
for (const s of chosen) if (!SECTIONS.includes(s)) throw new Error(`unknown section ${s}; choose from ${SECTIONS.join(', ')}`);
const want = (section) => chosen.length === 0 || chosen.includes(section);

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const API_LOG = `${os.tmpdir()}/samverkan-bench-api.log`;
// BENCH_ANCHOR_PORT / BENCH_API_PORT keep a second bench on the same machine apart.
const ANCHOR_PORT = Number(process.env.BENCH_ANCHOR_PORT ?? 3291);
const API_PORT = Number(process.env.BENCH_API_PORT ?? 3292);
const PASSWORD = 'Samverkan-demo-2026';
// The api's and worker's keys in the shared Redis (queues, audit anchor head, caches): removed after the run.
// BENCH_QUEUE_PREFIX keeps a second bench on the same Redis apart.
const QUEUE_PREFIX = process.env.BENCH_QUEUE_PREFIX ?? 'samverkan-bench-runner';

// Goals of issue #19.
const LIST_RATIO = 0.5;
const LIST_P99_MS = 50;
const HEALTH_RATIO = 0.5;
const AUDIT_COST = 1.2;
const AUDIT_ROUNDS = Number(process.env.BENCH_AUDIT_ROUNDS ?? 2);
// The audited change runs a fixed number of requests (see load.mjs): fifteen per connection. Five
// (160 requests, about two seconds) read anywhere from 1.0× to 1.5× on the same build.
const AUDIT_REQUESTS = Number(process.env.BENCH_AUDIT_REQUESTS ?? CONNECTIONS * 15);
const API_RSS_MB = 250;

const execFileAsync = promisify(execFile);
const log = (message) => console.log(`[bench] ${message}`);
const apiMain = `${root}dist/apps/api/apps/api/src/main.js`;
if (!existsSync(apiMain)) throw new Error('dist is missing: run `npm run build` first (npm run bench does)');

/** The api as deployed, one process (the cluster setting, where there is one, at 1). */
async function startApi(databaseUrl, extraEnv = {}) {
  const logFile = openSync(API_LOG, 'a');
  const child = spawn(process.execPath, [apiMain], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(API_PORT),
      LOG_LEVEL: 'warn',
      QUEUE_PREFIX,
      API_PROCESSES: '1',
      // The heap cap the api runs with in deploy/k8s/api.yaml and the image's malloc setting
      // (docker/Dockerfile), so its memory is measured as deployed.
      NODE_OPTIONS: '--max-old-space-size=180',
      MALLOC_MMAP_THRESHOLD_: '4194304',
      WEB_CONCURRENCY: '1',
      // Bench users sign in many times a minute; youth cases need a strong session (bench only, refused in production).
      LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
      DEMO_STRONG_PASSWORD_SESSIONS: 'true',
      ...extraEnv,
    },
    // Its log (warnings and errors, e.g. what a 5xx under load was) for reading after the run.
    stdio: ['ignore', logFile, 'inherit'],
  });
  closeSync(logFile);
  const url = `http://127.0.0.1:${API_PORT}`;
  const exited = new Promise((resolve) => child.on('exit', resolve));
  for (let i = 0; ; i += 1) {
    if (child.exitCode !== null) throw new Error(`the api exited with ${child.exitCode}`);
    if (i === 600) {
      child.kill('SIGKILL');
      throw new Error('the api did not answer /api/v1/health within 60 s');
    }
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const rss = watchRss(child.pid);
  return {
    url,
    rss,
    stop: async () => {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10000);
      await exited;
      clearTimeout(timer);
      return rss.stop();
    },
  };
}

async function startAnchor(databaseUrl) {
  const child = fork(`${root}scripts/bench/anchor.mjs`, [String(ANCHOR_PORT), databaseUrl], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  await new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`the anchor exited with ${code}`)));
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const rss = watchRss(child.pid);
  return {
    url: `http://127.0.0.1:${ANCHOR_PORT}`,
    rss,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      return rss.stop();
    },
  };
}

/**
 * Runs autocannon in its own process: the warm-up, then the measured seconds. Asynchronous, so
 * this process keeps sampling the servers' RSS while the load runs.
 */
async function measure(job) {
  const { stdout } = await execFileAsync(
    process.execPath,
    [`${root}scripts/bench/load.mjs`, JSON.stringify({ connections: CONNECTIONS, warmup: WARMUP, duration: DURATION, ...job })],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout.trim().split('\n').pop());
}

const tokens = new Map();
async function login(api, email) {
  const res = await fetch(`${api.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login of ${email} answered ${res.status}`);
  const { accessToken } = await res.json();
  tokens.set(email, accessToken);
  return { authorization: `Bearer ${accessToken}` };
}

const fmt = (n) => (typeof n === 'number' ? n.toLocaleString('en') : n);
const ratioOf = (ours, anchor) => (anchor.perSecond > 0 ? ours.perSecond / anchor.perSecond : 0);
const valid = (r) => r.errors === 0;
/** Errors with what they were: non-2xx answers by class, the rest connection errors or timeouts. */
const errorsOf = (r) => {
  if (!r.errors) return '0';
  const classes = Object.entries(r.statuses ?? {})
    .filter(([k]) => k !== '2xx')
    .map(([k, n]) => `${k}: ${n}`);
  const other = r.errors - (r.non2xx ?? 0);
  return `${r.errors} (${[...classes, ...(other > 0 ? [`no answer: ${other}`] : [])].join(', ')})`;
};
const mark = (met) => (met ? '✔' : '✘');

const goals = [];
const sections = [];
const rssPeaks = { api: 0, anchor: 0 };

function pairRow(name, ours, anchor) {
  const ratio = ratioOf(ours, anchor);
  const note = valid(ours) && valid(anchor) ? '' : ' (errors: ratio invalid)';
  return `| ${name} | ${fmt(ours.perSecond)} | ${ours.p50} / ${ours.p99} | ${errorsOf(ours)} | ${fmt(anchor.perSecond)} | ${anchor.p50} / ${anchor.p99} | ${errorsOf(anchor)} | ${ratio.toFixed(2)}×${note} |`;
}
const PAIR_HEADER = [
  '| request | Samverkan req/s | p50 / p99 ms | errors | anchor req/s | p50 / p99 ms | errors | ratio |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
];

async function apiSection(databaseUrl, pool) {
  const { endpoints, prepare } = await import('./endpoints.mjs');
  const ctx = await prepare(pool);
  const anchor = await startAnchor(databaseUrl);
  const api = await startApi(databaseUrl).catch(async (error) => {
    await anchor.stop();
    throw error;
  });
  const rows = [];
  const notes = [];
  try {
    log('GET /api/v1/health vs /hello');
    const health = await measure({ url: `${api.url}/api/v1/health` });
    const hello = await measure({ url: `${anchor.url}/hello` });
    rows.push(pairRow('GET /api/v1/health vs plain Fastify GET /hello', health, hello));
    const healthRatio = ratioOf(health, hello);
    goals.push({
      name: 'GET /api/v1/health vs plain Fastify',
      value: `${healthRatio.toFixed(2)}×`,
      target: `≥ ${HEALTH_RATIO}×`,
      met: valid(health) && healthRatio >= HEALTH_RATIO,
    });

    for (const [i, entry] of endpoints.entries()) {
      log(entry.name);
      // A fresh token per pair: access tokens are short-lived and the whole run takes minutes.
      const headers = await login(api, entry.user);
      const path = entry.path(ctx);
      const [ours, theirs] = await Promise.all([
        fetch(`${api.url}${path}`, { headers }).then(async (r) => ({ status: r.status, body: await r.json().catch(() => null) })),
        fetch(`${anchor.url}/e/${i}`).then(async (r) => ({ status: r.status, body: await r.json().catch(() => null) })),
      ]);
      if (ours.status !== 200) notes.push(`- ${entry.name}: Samverkan answered ${ours.status} before the run.`);
      else if (ours.body?.total !== undefined && theirs.body?.total !== undefined && ours.body.total !== theirs.body.total) {
        notes.push(`- ${entry.name}: totals differ (Samverkan ${ours.body.total}, anchor ${theirs.body.total}): the anchor's SQL is not the endpoint's.`);
      }
      const result = await measure({ url: `${api.url}${path}`, headers });
      const anchored = await measure({ url: `${anchor.url}/e/${i}` });
      rows.push(pairRow(entry.name, result, anchored));
      const ratio = ratioOf(result, anchored);
      goals.push({
        name: entry.name,
        value: `${ratio.toFixed(2)}×, p99 ${result.p99} ms`,
        target: `≥ ${LIST_RATIO}×, p99 < ${LIST_P99_MS} ms`,
        met: valid(result) && valid(anchored) && ratio >= LIST_RATIO && result.p99 < LIST_P99_MS,
      });
    }
  } finally {
    rssPeaks.api = Math.max(rssPeaks.api, await api.stop());
    rssPeaks.anchor = Math.max(rssPeaks.anchor, await anchor.stop());
  }
  sections.push({
    title: 'API against its anchor',
    lines: [
      `${CONNECTIONS} connections, ${WARMUP} s warm-up then ${DURATION} s measured per request (autocannon in its own process); one api process, one anchor process (plain Fastify + \`pg\`, pool of 10 like the api's).`,
      'The anchor issues the same data SQL as the endpoint (scripts/bench/endpoints.mjs) without authentication, scoping decisions or auditing in Node.',
      'Non-2xx answers count as errors and invalidate a ratio.',
      '',
      ...PAIR_HEADER,
      ...rows,
      ...(notes.length ? ['', ...notes] : []),
      '',
      `Peak RSS: api ${rssPeaks.api} MB, anchor ${rssPeaks.anchor} MB.`,
    ],
  });
}

/**
 * An audited change under load: PATCH of an action's progress with If-Match, each connection on its
 * own action (so no request is refused as stale), with auditing on and then off (BENCH_AUDIT_OFF,
 * a bench-only setting) in two api runs. The goal: the audit event costs at most 1.2×.
 */
async function auditSection(databaseUrl, pool) {
  const user = 'trygghet@hammaro.test';
  const { rows: actions } = await pool.query(
    `SELECT a.id, a.version FROM actions a JOIN commitments c ON c.id = a.commitment_id
     JOIN bench_municipalities b ON b.collaboration_id = a.collaboration_id AND b.n = 0
     WHERE c.party = 'municipality' AND a.status = 'in_progress' AND a.responsible_organisation_id = b.organisation_id
     ORDER BY a.id LIMIT $1`,
    // Twice as many as connections: a request that never answers keeps its action.
    [CONNECTIONS * 2],
  );
  // On and off alternate for AUDIT_ROUNDS rounds and each keeps its best run: a neighbour's burst
  // on a shared machine then does not decide the ratio. Errors of every run count.
  const runs = {};
  for (let round = 0; round < AUDIT_ROUNDS; round += 1) {
    for (const [label, env] of [
      ['on', {}],
      ['off', { BENCH_AUDIT_OFF: 'true' }],
    ]) {
      const api = await startApi(databaseUrl, env);
      try {
        const headers = await login(api, user);
        // The versions as they are now (the earlier run moved them on).
        const { rows: current } = await pool.query('SELECT id, version FROM actions WHERE id = ANY($1::uuid[])', [actions.map((a) => a.id)]);
        log(`PATCH /api/v1/actions/{id}, auditing ${label}, round ${round + 1}`);
        const [{ before }] = (await pool.query(`SELECT last_value AS before FROM audit_events_id_seq`)).rows;
        const result = await measure({ url: api.url, headers, actions: current, amount: AUDIT_REQUESTS });
        const [{ after }] = (await pool.query(`SELECT last_value AS after FROM audit_events_id_seq`)).rows;
        result.auditEvents = Number(after) - Number(before);
        const best = runs[label];
        const merged = (a, b) => ({
          errors: a.errors + (b?.errors ?? 0),
          non2xx: a.non2xx + (b?.non2xx ?? 0),
          statuses: Object.fromEntries(
            [...new Set([...Object.keys(a.statuses), ...Object.keys(b?.statuses ?? {})])].map((k) => [k, (a.statuses[k] ?? 0) + (b?.statuses?.[k] ?? 0)]),
          ),
        });
        if (!best || result.perSecond > best.perSecond) runs[label] = { ...result, ...merged(result, best) };
        else Object.assign(best, merged(best, result));
      } finally {
        rssPeaks.api = Math.max(rssPeaks.api, await api.stop());
      }
    }
  }
  const cost = runs.on.perSecond > 0 ? runs.off.perSecond / runs.on.perSecond : Infinity;
  const bothValid = valid(runs.on) && valid(runs.off);
  goals.push({
    name: 'PATCH an action: audited vs auditing off',
    value: `${cost.toFixed(2)}×`,
    target: `≤ ${AUDIT_COST}×`,
    met: bothValid && cost <= AUDIT_COST,
  });
  const row = (label, r) => `| ${label} | ${fmt(r.perSecond)} | ${r.p50} / ${r.p99} | ${errorsOf(r)} | ${fmt(r.auditEvents)} |`;
  sections.push({
    title: 'An audited change',
    lines: [
      `PATCH /api/v1/actions/{id} (progress, If-Match) by the safety coordinator, ${CONNECTIONS} connections, each request on an action no other request has in flight; ${AUDIT_REQUESTS} requests after one per connection as warm-up, rate = requests ÷ elapsed time; one api process per run; ${AUDIT_ROUNDS} rounds of on then off, each keeping its best run.`,
      'Auditing off is the bench-only setting BENCH_AUDIT_OFF=true (refused in production); where the api does not know it, both runs audit and the cost reads 1.00×.',
      '',
      '| run (best of the rounds) | req/s | p50 / p99 ms | errors (all rounds) | audit events written (warm-up included) |',
      '| --- | --- | --- | --- | --- |',
      row('auditing on', runs.on),
      row('auditing off', runs.off),
      '',
      `Cost of the audit event: ${cost.toFixed(2)}× (off ÷ on throughput)${bothValid ? '' : ' — invalid: a run had errors'}.`,
    ],
  });
}

/** The worker as deployed, one process, on the bench database and the bench's Redis prefix. */
function startWorker(databaseUrl) {
  const logFile = openSync(API_LOG, 'a');
  const child = spawn(process.execPath, [`${root}dist/apps/worker/apps/worker/src/main.js`], {
    env: { ...process.env, DATABASE_URL: databaseUrl, QUEUE_PREFIX, LOG_LEVEL: 'warn', SMTP_URL: '', NODE_ENV: 'development' },
    stdio: ['ignore', logFile, 'inherit'],
  });
  closeSync(logFile);
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const rss = watchRss(child.pid);
  return {
    exited: () => child.exitCode !== null || child.signalCode !== null,
    stop: async () => {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
      return rss.stop();
    },
  };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? 0;

/**
 * What the folded `bench:access` still measured: login cost, and the audit chain's verification at
 * scale (#19). The verification runs in the worker in pages (AuditVerificationService): a full run
 * is asked for with POST /api/v1/audit-events/verify and followed with GET, which answers the stored
 * state at once; the run's own timestamps give its throughput in events/s. The anchor is the old
 * one-statement check in PostgreSQL without a statement timeout (it took 220 s at 5 M events, past
 * the api's 30 s, so GET answered 500 before #19).
 */
async function extrasSection(databaseUrl, pool) {
  const api = await startApi(databaseUrl);
  const worker = startWorker(databaseUrl);
  const lines = [];
  let workerPeak;
  try {
    const start = performance.now();
    for (let i = 0; i < 10; i += 1) await login(api, 'chef@hammaro.test');
    const loginMs = Math.round((performance.now() - start) / 10);
    const headers = await login(api, 'revisor@hammaro.test');

    // GET /verify is timed on every poll, while the worker verifies: it must answer at once whatever runs.
    const getTimes = [];
    const getState = async () => {
      const begun = performance.now();
      const res = await fetch(`${api.url}/api/v1/audit-events/verify`, { headers, signal: AbortSignal.timeout(60_000) });
      const body = await res.json().catch(() => ({}));
      getTimes.push(performance.now() - begun);
      if (!res.ok) throw new Error(`GET /api/v1/audit-events/verify answered ${res.status} ${body.code ?? ''}`);
      return body;
    };
    log('audit chain: a full verification through the worker');
    let posted = await fetch(`${api.url}/api/v1/audit-events/verify`, { method: 'POST', headers });
    let runId = (await posted.json().catch(() => ({}))).id;
    if (posted.status === 409) {
      // A full run left by an earlier bench (stopped midway) is resumed by the worker: wait for it, then ask again.
      while ((await getState()).current?.kind === 'full') await sleep(2000);
      posted = await fetch(`${api.url}/api/v1/audit-events/verify`, { method: 'POST', headers });
      runId = (await posted.json().catch(() => ({}))).id;
    }
    if (posted.status !== 202) throw new Error(`POST /api/v1/audit-events/verify answered ${posted.status}`);
    // The worker's first incremental run (at its start) may go first; the full run follows it under the run lock.
    // Its end is read from the runs table: GET names the last completed run, which may already be a later
    // incremental one (the hourly scheduler fires at the worker's start, too).
    const runRow = async () =>
      (
        await pool.query(
          `SELECT status, valid, checked_events::bigint AS "runEvents", started_at AS "startedAt", finished_at AS "finishedAt"
           FROM audit_verification_runs WHERE id = $1`,
          [runId],
        )
      ).rows[0];
    let state = await getState();
    let row = await runRow();
    const giveUp = performance.now() + 60 * 60_000;
    while (row?.status !== 'completed' && performance.now() < giveUp && !worker.exited()) {
      await sleep(2000);
      // A token outlives the poll: access tokens are short-lived and the run takes minutes.
      if (getTimes.length % 100 === 0) Object.assign(headers, await login(api, 'revisor@hammaro.test'));
      state = await getState();
      row = await runRow();
      if (state.current?.id === runId && state.current.status === 'running' && getTimes.length % 15 === 0) {
        log(`  ${fmt(state.current.runEvents)} / ${fmt(state.current.totalEvents)} events`);
      }
    }
    const run = row?.status === 'completed' ? { ...row, runEvents: Number(row.runEvents) } : null;
    const runSeconds = run ? (run.finishedAt.getTime() - run.startedAt.getTime()) / 1000 : NaN;
    const perSecond = run && runSeconds > 0 ? Math.round(run.runEvents / runSeconds) : 0;

    // The same chain in one statement, as GET did before #19 (without the api's statement timeout).
    const client = await pool.connect();
    let sqlMs;
    let sqlEvents;
    let sqlValid;
    try {
      await client.query('SET statement_timeout = 0');
      const sqlStart = performance.now();
      const { rows: checked } = await client.query(`
        WITH chain AS (
          SELECT e.id, e.hash = audit_event_digest(e, e.prev_hash) AS hash_ok,
                 e.prev_hash = coalesce(lag(e.hash) OVER (ORDER BY e.id), '') AS link_ok
          FROM audit_events e)
        SELECT count(*)::int AS events, count(*) FILTER (WHERE NOT (hash_ok AND link_ok))::int AS broken FROM chain`);
      sqlMs = Math.round(performance.now() - sqlStart);
      sqlEvents = checked[0].events;
      sqlValid = checked[0].broken === 0;
    } finally {
      await client.query('RESET statement_timeout');
      client.release();
    }
    const sqlPerSecond = sqlMs > 0 ? Math.round(sqlEvents / (sqlMs / 1000)) : 0;
    const getMax = Math.round(Math.max(...getTimes));
    const getMedian = Math.round(median(getTimes));
    goals.push({
      name: 'GET /api/v1/audit-events/verify while the worker verifies',
      value: `max ${fmt(getMax)} ms over ${getTimes.length} requests`,
      target: '< 1,000 ms, never 5xx',
      met: getMax < 1000,
    });
    goals.push({
      name: 'audit chain verification in the worker vs one statement',
      value: run ? `${(perSecond / Math.max(sqlPerSecond, 1)).toFixed(2)}×` : 'did not complete',
      target: '≥ 0.8×',
      met: Boolean(run) && perSecond >= 0.8 * sqlPerSecond,
    });
    lines.push(
      '| measurement | figure |',
      '| --- | --- |',
      `| login (argon2id verify, lockout bookkeeping, audit), sequential | ${loginMs} ms each |`,
      run
        ? `| audit chain verification, full run in the worker (${fmt(run.runEvents)} events in pages, checkpoint per page) | ${fmt(Math.round(runSeconds * 1000))} ms, ${fmt(perSecond)} events/s (valid: ${run.valid}) |`
        : `| audit chain verification, full run in the worker | did not complete${worker.exited() ? ' (the worker exited)' : ''} |`,
      `| GET /api/v1/audit-events/verify during the run, ${getTimes.length} requests | median ${fmt(getMedian)} ms, max ${fmt(getMax)} ms |`,
      `| anchor: the same chain check in one PostgreSQL statement, no statement timeout (${fmt(sqlEvents)} events) | ${fmt(sqlMs)} ms, ${fmt(sqlPerSecond)} events/s (valid: ${sqlValid}) |`,
    );
  } finally {
    workerPeak = await worker.stop();
    rssPeaks.api = Math.max(rssPeaks.api, await api.stop());
  }
  lines.push('', `Worker peak RSS during the verification: ${workerPeak} MB.`);
  sections.push({ title: 'Sign-in and audit chain', lines });
}

async function moduleSection(file) {
  const path = `${root}scripts/bench/${file}`;
  if (!existsSync(path)) {
    log(`${file} is not there: section skipped`);
    return;
  }
  // Only a section module (the contract: `export async function run({ root })`); anything else is
  // an older stand-alone script whose import would run it.
  if (!/export\s+async\s+function\s+run\b/.test(readFileSync(path, 'utf8'))) {
    log(`${file} does not export run(): section skipped`);
    return;
  }
  const mod = await import(path);
  log(`section ${file}`);
  const result = await mod.run({ root });
  sections.push({ title: result.title, lines: result.lines });
  goals.push(...result.goals);
}

function machine() {
  const cpus = os.cpus();
  let postgres = 'PostgreSQL';
  try {
    postgres = execFileSync('psql', ['--version'], { encoding: 'utf8' })
      .trim()
      .replace(/^psql \(PostgreSQL\)/, 'PostgreSQL');
  } catch {
    /* the server's version is read below */
  }
  return { cpu: `${cpus.length} × ${cpus[0]?.model ?? 'cpu'}`, ram: `${Math.round(os.totalmem() / 2 ** 30)} GiB`, node: process.version, postgres };
}

/**
 * The goals and sections of the BENCHMARKS.md written before, so that a run of some sections
 * (`npm run bench -- audit`) replaces only what it measured.
 */
function previous() {
  const file = `${root}BENCHMARKS.md`;
  if (!existsSync(file)) return { goals: [], sections: [] };
  const text = readFileSync(file, 'utf8');
  const parts = text.split(/^## /m).slice(1);
  const oldGoals = [];
  const oldSections = [];
  for (const part of parts) {
    const [title, ...body] = part.split('\n');
    if (title === 'Goals') {
      for (const line of body) {
        const cells = line.split(' | ');
        if (line.startsWith('| ') && cells.length === 4 && !line.startsWith('| goal |') && !line.startsWith('| ---')) {
          oldGoals.push({ name: cells[0].slice(2), value: cells[1], target: cells[2], met: cells[3].startsWith('✔') });
        }
      }
    } else {
      oldSections.push({ title, lines: body.join('\n').trim().split('\n') });
    }
  }
  return { goals: oldGoals, sections: oldSections };
}

function write(data, postgresVersion) {
  if (chosen.length > 0) {
    const old = previous();
    const titles = new Set(sections.map((s) => s.title));
    const names = new Set(goals.map((g) => g.name));
    sections.push(...old.sections.filter((s) => !titles.has(s.title)));
    goals.unshift(...old.goals.filter((g) => !names.has(g.name)));
  }
  const m = machine();
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const text = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` on ${date} UTC: ${m.cpu}, ${m.ram} RAM, Node ${m.node}, ${postgresVersion}.`,
    'Each Samverkan figure is read against an anchor measured in the same run on the same machine (issue #19);',
    'absolute figures vary with the machine and whatever else runs on it. Tests never assert timings.',
    '',
    `Data (\`samverkan_bench\`, scripts/bench/data.mjs): ${fmt(data.collaborations)} collaborations, ${fmt(data.users)} users, ${fmt(data.actions)} actions,`,
    `${fmt(data.youthCases)} youth cases with ${fmt(data.youthNotes)} notes, ${fmt(data.premises)} premises with ${fmt(data.inspections)} inspections,`,
    `${fmt(data.notifications)} notifications, ~${fmt(Number(data.auditEvents))} audit events (built once in ${fmt(data.buildSeconds)} s).`,
    '',
    '## Goals',
    '',
    '| goal | figure | target | met |',
    '| --- | --- | --- | --- |',
    ...goals.map((g) => `| ${g.name} | ${g.value} | ${g.target} | ${mark(g.met)} |`),
    '',
    ...sections.flatMap((s) => [`## ${s.title}`, '', ...s.lines, '']),
  ].join('\n');
  writeFileSync(`${root}BENCHMARKS.md`, text);
}

const databaseUrl = await ensureBenchData();
const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
try {
  const data = await describe(pool);
  const [{ version }] = (await pool.query(`SELECT split_part(version(), ' on ', 1) AS version`)).rows;
  if (want('api')) await apiSection(databaseUrl, pool);
  if (want('audit')) await auditSection(databaseUrl, pool);
  if (want('extras')) await extrasSection(databaseUrl, pool);
  if (rssPeaks.api > 0) {
    goals.push({ name: 'api process peak RSS through the runs', value: `${rssPeaks.api} MB`, target: `< ${API_RSS_MB} MB`, met: rssPeaks.api < API_RSS_MB });
  }
  if (want('reminders')) await moduleSection('reminders.mjs');
  if (want('lighthouse')) await moduleSection('lighthouse.mjs');
  write(data, version);
  log(`BENCHMARKS.md written; the api's log is ${API_LOG}`);
  console.log(readFileSync(`${root}BENCHMARKS.md`, 'utf8'));
} finally {
  await pool.end();
  await removeQueueKeys();
}

/** Deletes what the bench's api processes left in Redis: only keys under this run's own prefix. */
async function removeQueueKeys() {
  const { Redis } = await import('ioredis');
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `*${QUEUE_PREFIX}*`, 'COUNT', 1000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch (error) {
    log(`could not remove the bench's Redis keys (${error.message})`);
  } finally {
    redis.disconnect();
  }
}
