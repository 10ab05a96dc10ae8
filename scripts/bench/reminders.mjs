// Reminders end to end against raw BullMQ, in one run (#19). `run({ root })` is the section module
// `npm run bench` calls; `node scripts/bench/reminders.mjs` runs it alone and prints its lines.
//
// (a) Raw BullMQ, the anchor: a no-op Worker (the concurrency of Samverkan's deadlines queue) is
//     ready, then the clock starts: 100 000 no-op jobs added with addBulk and processed — total time.
// (b) Samverkan: 100 000 deadlines already due are in the database (inserted set-based before the
//     clock starts); the clock starts as the real worker process is started; its start-up reconcile
//     schedules the reminders (one job per due-time bucket) and its processors deliver them (guard row
//     + inbox notification, e-mail off); the clock stops when every guard row and notification is
//     committed. Ratio = raw time / ours (goal ≥ 1.0); the worker's peak RSS (goal < 200 MB); and
//     nothing lost or doubled (one guard row and one notification per deadline).
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { Queue, Worker } from 'bullmq';
import { freshDatabase, root as libRoot, watchRss } from './lib.mjs';

const COUNT = Number(process.env.BENCH_DEADLINES ?? 100_000);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** The deadlines queue's concurrency (libs/deadlines/src/deadlines.processor.ts), the raw worker's too. */
const CONCURRENCY = 8;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function clearPrefix(prefix) {
  const { Redis } = await import('ioredis');
  const redis = new Redis(REDIS_URL);
  // Raw BullMQ's keys are under the plain prefix; Samverkan's under it as a hash tag (QUEUE_PREFIX, #19).
  for (const pattern of [`${prefix}:*`, `{${prefix}}:*`]) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  }
  redis.disconnect();
}

/** (a) addBulk + no-op processing of `count` jobs; milliseconds from the first add to the last job done. */
async function rawBullmq(prefix, count) {
  const connection = { url: REDIS_URL };
  const queue = new Queue('raw', { connection, prefix });
  let processed = 0;
  let resolveDone;
  const done = new Promise((resolve) => (resolveDone = resolve));
  const worker = new Worker(
    'raw',
    async () => {
      processed += 1;
      if (processed === count) resolveDone();
    },
    { connection, prefix, concurrency: CONCURRENCY },
  );
  try {
    await worker.waitUntilReady();
    await queue.waitUntilReady();
    const start = performance.now();
    for (let i = 0; i < count; i += 1000) {
      await queue.addBulk(
        Array.from({ length: Math.min(1000, count - i) }, (_, j) => ({
          name: 'noop',
          data: { i: i + j },
          opts: { jobId: `raw-${i + j}`, removeOnComplete: true },
        })),
      );
    }
    const addMs = performance.now() - start;
    await done;
    return { addMs, totalMs: performance.now() - start };
  } finally {
    await worker.close();
    await queue.close();
    await clearPrefix(prefix);
  }
}

/** (b) the real worker process from start to every reminder delivered. */
async function samverkan(root, db, prefix, count) {
  const counts = async () =>
    (
      await db.client.query(
        `SELECT (SELECT count(*)::int FROM reminder_deliveries x JOIN deadlines d ON d.id = x.deadline_id WHERE d.kind = 'bench_due') AS delivered,
                (SELECT count(*)::int FROM notifications n JOIN deadlines d ON d.id = n.deadline_id WHERE d.kind = 'bench_due') AS notified`,
      )
    ).rows[0];
  const before = await counts();
  const start = performance.now();
  let reconciledAt;
  const worker = spawn(process.execPath, [`${root}dist/apps/worker/apps/worker/src/main.js`], {
    // The image's malloc setting (docker/Dockerfile), so the worker's memory is measured as deployed.
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      QUEUE_PREFIX: prefix,
      LOG_LEVEL: 'info',
      SMTP_URL: '',
      NODE_ENV: 'development',
      MALLOC_MMAP_THRESHOLD_: '4194304',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const rss = watchRss(worker.pid);
  let exited = false;
  worker.on('exit', () => (exited = true));
  worker.stdout.on('data', (chunk) => {
    if (!reconciledAt && /reconciled \d+ pending/.test(chunk.toString())) reconciledAt = performance.now();
    if (process.env.BENCH_VERBOSE) process.stderr.write(`[${Math.round(performance.now() - start)} ms] ${chunk}`);
  });
  try {
    let now = before;
    const giveUp = performance.now() + 10 * 60_000;
    while ((now.delivered - before.delivered < count || now.notified - before.notified < count) && performance.now() < giveUp && !exited) {
      await sleep(100);
      now = await counts();
    }
    const totalMs = performance.now() - start;
    // A moment more: anything doubled would show now.
    await sleep(1000);
    const after = await counts();
    return {
      totalMs,
      scheduleMs: reconciledAt ? reconciledAt - start : undefined,
      delivered: after.delivered - before.delivered,
      notified: after.notified - before.notified,
      peakMb: rss.peakMb(),
    };
  } finally {
    await new Promise((resolve) => {
      if (exited) return resolve();
      worker.on('exit', resolve);
      worker.kill('SIGTERM');
    });
    rss.stop();
  }
}

export async function run({ root = libRoot } = {}) {
  const prefix = `samverkan-bench-reminders-${process.pid}`;
  const db = await freshDatabase('samverkan_bench_reminders');
  try {
    // One reminder at the due time, already passed: every deadline's reminder is due at once.
    await db.client.query(`INSERT INTO reminder_rules (deadline_kind, key, anchor, offset_value, offset_unit, recipient)
                           VALUES ('bench_due', 'at-due', 'at', 0, 'seconds', 'responsible')`);
    const registerStart = performance.now();
    await db.client.query(
      `INSERT INTO deadlines (kind, resource_type, resource_id, title, due_at, responsible_user_id, responsible_organisation_id)
       SELECT 'bench_due', 'bench', gen_random_uuid(), 'Frist ' || n, now() - interval '1 minute', u.id, u.organisation_id
       FROM generate_series(1, $1::int) n,
            (SELECT u.id, un.organisation_id FROM users u JOIN memberships m ON m.user_id = u.id JOIN units un ON un.id = m.unit_id
             WHERE u.email = 'alkohol@hammaro.test' LIMIT 1) u`,
      [COUNT],
    );
    const registerMs = performance.now() - registerStart;
    await db.client.query('ANALYZE');

    const raw = await rawBullmq(`${prefix}-raw`, COUNT);
    const ours = await samverkan(root, db, prefix, COUNT);
    await clearPrefix(prefix);

    const ratio = raw.totalMs / ours.totalMs;
    const complete = ours.delivered === COUNT && ours.notified === COUNT;
    const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
    const lines = [
      `${COUNT.toLocaleString('en')} deadlines due, one reminder each (guard row + inbox notification, e-mail off); concurrency ${CONCURRENCY} on both sides.`,
      '',
      '| step | figure |',
      '| --- | --- |',
      `| register the deadlines (one INSERT … SELECT, before the clock) | ${Math.round(registerMs)} ms |`,
      `| raw BullMQ: addBulk ${COUNT.toLocaleString('en')} no-op jobs | ${s(raw.addMs)} |`,
      `| raw BullMQ: addBulk + process them all (anchor) | ${s(raw.totalMs)} (${Math.round(COUNT / (raw.totalMs / 1000))} jobs/s) |`,
      `| Samverkan: worker start → every reminder scheduled (start-up reconcile, one job per due-time bucket) | ${ours.scheduleMs === undefined ? 'n/a' : s(ours.scheduleMs)} |`,
      `| Samverkan: worker start → every reminder delivered | ${s(ours.totalMs)} (${Math.round(COUNT / (ours.totalMs / 1000))} reminders/s) |`,
      `| ratio raw / Samverkan (goal ≥ 1.0) | ${ratio.toFixed(2)}× |`,
      `| guard rows / notifications written (goal: ${COUNT.toLocaleString('en')} each) | ${ours.delivered.toLocaleString('en')} / ${ours.notified.toLocaleString('en')} |`,
      `| worker peak RSS (goal < 200 MB) | ${ours.peakMb} MB |`,
    ];
    return {
      title: 'Reminders',
      lines,
      goals: [
        { name: 'reminders end to end: raw BullMQ time / Samverkan time', value: Number(ratio.toFixed(2)), target: '≥ 1.0', met: ratio >= 1 && complete },
        {
          name: 'reminders: nothing lost or doubled (guard rows, notifications)',
          value: `${ours.delivered} / ${ours.notified}`,
          target: `${COUNT} / ${COUNT}`,
          met: complete,
        },
        { name: 'worker peak RSS (MB)', value: ours.peakMb, target: '< 200', met: ours.peakMb < 200 },
      ],
    };
  } finally {
    await clearPrefix(prefix);
    await db.drop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await run({ root: libRoot });
  console.log(`## ${result.title}\n\n${result.lines.join('\n')}\n`);
  for (const goal of result.goals) console.log(`${goal.met ? 'met    ' : 'NOT MET'}  ${goal.name}: ${goal.value} (goal ${goal.target})`);
}
