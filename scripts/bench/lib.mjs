// Shared pieces of the `npm run bench` scripts (index.mjs and the section modules): a bench database, a built api process on
// loopback, a bounded load loop, and the BENCHMARKS.md writer. Timings are figures to compare
// over time on the same machine, never assertions.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const root = fileURLToPath(new URL('../../', import.meta.url));
const server = process.env.BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';

export async function freshDatabase(name) {
  const admin = new pg.Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  await admin.end();
  const url = `${server}/${name}`;
  const env = { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' };
  for (const cli of ['migrate.js', 'seed.js']) {
    const result = spawnSync(process.execPath, [`${root}dist/apps/api/apps/api/src/cli/${cli}`, 'up'], { env, stdio: 'ignore' });
    if (result.status !== 0) throw new Error(`${cli} failed`);
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    url,
    client,
    drop: async () => {
      await client.end();
      const a = new pg.Client({ connectionString: `${server}/postgres` });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      await a.end();
    },
  };
}

export async function startApi(databaseUrl, port, extraEnv = {}) {
  const child = spawn(process.execPath, [`${root}dist/apps/api/apps/api/src/main.js`], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), LOG_LEVEL: 'warn', QUEUE_PREFIX: 'samverkan-bench', ...extraEnv },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok)
        return {
          url,
          stop: () =>
            new Promise((r) => {
              child.on('exit', r);
              child.kill('SIGTERM');
            }),
        };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('api did not start');
}

/** Runs `request` from `concurrency` loops for `seconds`; returns throughput and latency percentiles. */
export async function load(request, { concurrency, seconds }) {
  const latencies = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const start = performance.now();
        try {
          const res = await request();
          if (!res.ok) errors += 1;
          await res.arrayBuffer();
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - start);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
  return { requests: latencies.length, perSecond: Math.round(latencies.length / seconds), p50: pct(50), p95: pct(95), p99: pct(99), errors };
}

/** Replaces this benchmark's section of BENCHMARKS.md (or appends it). */
export function writeSection(title, lines) {
  const file = `${root}BENCHMARKS.md`;
  const header =
    '# Benchmarks\n\nFigures from `npm run bench:*` on the machine named in each section. They are for comparing runs\nover time on one machine; tests never assert timings.\n';
  let text = existsSync(file) ? readFileSync(file, 'utf8') : header;
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const section = `## ${title}\n\nRun ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}.\n\n${lines.join('\n')}\n`;
  const start = text.indexOf(`## ${title}\n`);
  if (start >= 0) {
    const next = text.indexOf('\n## ', start + 1);
    text = text.slice(0, start) + section + (next >= 0 ? text.slice(next + 1) : '');
  } else {
    text = `${text.trimEnd()}\n\n${section}`;
  }
  writeFileSync(file, text);
}

/**
 * Samples a process's resident memory (VmRSS, Linux /proc) every 200 ms until stopped; the peak in
 * MB is what the memory goals (#19: api < 250 MB, worker < 200 MB) are checked against.
 */
export function watchRss(pid) {
  let peak = 0;
  const sample = () => {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) peak = Math.max(peak, Number(match[1]) / 1024);
    } catch {
      /* the process has ended */
    }
  };
  sample();
  const timer = setInterval(sample, 200);
  return {
    peakMb: () => Math.round(peak),
    stop: () => {
      clearInterval(timer);
      sample();
      return Math.round(peak);
    },
  };
}
