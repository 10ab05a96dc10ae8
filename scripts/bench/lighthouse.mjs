// The web client on a phone (issue #19): Lighthouse, mobile form factor with its default (simulated)
// throttling, in Debian's Chromium, on the two pages a citizen or a new user opens first — the
// public promise page and the sign-in page. Each page is measured three times and the median run
// reported (Lighthouse's own advice for variance); goals: performance ≥ 0.95, LCP < 2.0 s.
//
// As a module: `run({ root })` → { title, lines, goals } (scripts/bench/index.mjs calls it). Alone:
// `npm run build && node scripts/bench/lighthouse.mjs` prints the table and the opportunities.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { freshDatabase } from './lib.mjs';

// LIGHTHOUSE_DB names another database, so two runs (e.g. a helper's and the lead's) can go side by side.
const DATABASE = process.env.LIGHTHOUSE_DB ?? 'samverkan_bench_lighthouse';
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const GOAL_SCORE = 0.95;
const GOAL_LCP_MS = 2000;

/** A port nothing listens on now (the kernel picks it): other benchmarks may run beside this one. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The built api on `port`, serving the built web client (dist/web); waits up to a minute on a busy machine. */
async function startApi(root, databaseUrl, port) {
  const child = spawn(process.execPath, [`${root}dist/apps/api/apps/api/src/main.js`], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      QUEUE_PREFIX: DATABASE.replaceAll('_', '-'), // samverkan-bench-lighthouse by default; its own beside another run
      WEB_DIST_DIR: `${root}dist/web`,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.on('exit', resolve);
      child.kill('SIGTERM');
    });
  for (let i = 0; i < 600 && child.exitCode === null; i += 1) {
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) return { url, stop };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error('api did not start');
}

/** The median of runs by performance score (Lighthouse's computeMedianRun does the same on its metrics). */
function median(results) {
  const sorted = [...results].sort((a, b) => a.score - b.score);
  return sorted[Math.floor(sorted.length / 2)];
}

/** One Lighthouse run of `url`: a fresh Chromium each time, so no cache carries over between runs. */
async function audit(lighthouse, chromeLauncher, url) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });
  try {
    // Default config: mobile form factor, simulated throttling (slow 4G, 4× CPU slowdown).
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    const { lhr } = result;
    // LIGHTHOUSE_KEEP=dir keeps each report (JSON) for a closer look.
    if (process.env.LIGHTHOUSE_KEEP) {
      const { writeFileSync, mkdirSync } = await import('node:fs');
      mkdirSync(process.env.LIGHTHOUSE_KEEP, { recursive: true });
      writeFileSync(`${process.env.LIGHTHOUSE_KEEP}/${new URL(url).pathname.replace(/\W+/g, '_')}-${Date.now()}.json`, result.report);
    }
    const audits = lhr.audits;
    const opportunities = Object.values(audits)
      .filter((a) => a.details?.type === 'opportunity' && (a.details.overallSavingsMs ?? 0) > 0)
      .map((a) => `${a.id} ${Math.round(a.details.overallSavingsMs)} ms`);
    return {
      score: lhr.categories.performance.score,
      lcpMs: audits['largest-contentful-paint'].numericValue,
      fcpMs: audits['first-contentful-paint'].numericValue,
      tbtMs: audits['total-blocking-time'].numericValue,
      bytes: audits['total-byte-weight'].numericValue,
      opportunities,
      error: lhr.runtimeError?.message,
      version: lhr.lighthouseVersion,
      benchmarkIndex: lhr.environment.benchmarkIndex,
    };
  } finally {
    await chrome.kill();
  }
}

export async function run({ root = fileURLToPath(new URL('../../', import.meta.url)) } = {}) {
  if (!root.endsWith('/')) root += '/';
  const [{ default: lighthouse }, chromeLauncher] = await Promise.all([import('lighthouse'), import('chrome-launcher')]);
  const db = await freshDatabase(DATABASE);
  let api;
  try {
    const [{ id: promiseId }] = (await db.client.query('SELECT id FROM promises ORDER BY created_at LIMIT 1')).rows;
    api = await startApi(root, db.url, await freePort());
    const pages = [
      { name: 'public promise page', url: `${api.url}/public/promises/${promiseId}` },
      { name: 'sign-in page', url: `${api.url}/` },
    ];
    const lines = ['| page | performance | LCP s | FCP s | TBT ms | transferred KiB | CPU benchmark index |', '| --- | --- | --- | --- | --- | --- | --- |'];
    const goals = [];
    const details = [];
    for (const page of pages) {
      const results = [];
      for (let i = 0; i < RUNS; i += 1) {
        // A run Lighthouse itself could not record (e.g. NO_NAVSTART on a busy machine) is run again, twice at most.
        let result;
        for (let attempt = 0; attempt < 3 && !(result && !result.error); attempt += 1) result = await audit(lighthouse, chromeLauncher, page.url);
        if (result.error) throw new Error(`Lighthouse on ${page.name}: ${result.error}`);
        results.push(result);
      }
      const m = median(results);
      lines.push(
        `| ${page.name} | ${m.score.toFixed(2)} | ${(m.lcpMs / 1000).toFixed(2)} | ${(m.fcpMs / 1000).toFixed(2)} | ${Math.round(m.tbtMs)} | ${Math.round(m.bytes / 1024)} | ${Math.round(m.benchmarkIndex)} |`,
      );
      goals.push({ name: `Lighthouse performance, ${page.name}`, value: m.score, target: `≥ ${GOAL_SCORE}`, met: m.score >= GOAL_SCORE });
      goals.push({ name: `LCP, ${page.name} (s)`, value: Number((m.lcpMs / 1000).toFixed(2)), target: `< ${GOAL_LCP_MS / 1000}`, met: m.lcpMs < GOAL_LCP_MS });
      details.push({ page: page.name, version: m.version, scores: results.map((r) => r.score), opportunities: m.opportunities });
    }
    const version = details[0]?.version ?? '';
    lines.unshift(
      `Lighthouse ${version}, mobile with its default simulated throttling, ${RUNS} runs per page (median by score), ${CHROMIUM}.`,
      // Simulated throttling scales the CPU time it observes: on a busy machine (a low index; an idle
      // desktop scores about 1000 or more) scripts take longer and TBT and LCP grow with it.
      'The CPU benchmark index is Lighthouse’s measure of the machine during the run; below a few hundred the machine was busy and the scores understate the page.',
      '',
    );
    return { title: 'Web client on a phone (Lighthouse)', lines, goals, details };
  } finally {
    await api?.stop();
    await db.drop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await run({ root: fileURLToPath(new URL('../../', import.meta.url)) });
  console.log(result.lines.join('\n'));
  for (const g of result.goals) console.log(`${g.met ? 'met    ' : 'NOT met'} ${g.name}: ${g.value} (goal ${g.target})`);
  for (const d of result.details) console.log(`${d.page}: scores ${d.scores.join(', ')}; opportunities: ${d.opportunities.join('; ') || 'none'}`);
}
