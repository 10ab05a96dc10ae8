// npm run bench:reminders — register 100 000 deadlines, let a real worker schedule their reminders
// (its start-up reconcile) and deliver them end to end (delivery guard row + inbox notification),
// and compare with raw BullMQ throughput for the same number of no-op jobs on the same machine.
import { spawn } from 'node:child_process';
import { Queue, Worker } from 'bullmq';
import { freshDatabase, root, writeSection } from './lib.mjs';

const COUNT = Number(process.env.BENCH_DEADLINES ?? 100_000);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `samverkan-bench-${process.pid}`;
const db = await freshDatabase('samverkan_bench_reminders');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function clearPrefix(p) {
  const { Redis } = await import('ioredis');
  const redis = new Redis(REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${p}:*`, 'COUNT', 1000);
    if (keys.length) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
}

let worker;
try {
  // One reminder at the due time, already passed: every deadline's reminder is due at once.
  await db.client.query(`INSERT INTO reminder_rules (deadline_kind, key, anchor, offset_value, offset_unit, recipient)
                         VALUES ('bench_due', 'at-due', 'at', 0, 'seconds', 'responsible')`);
  const registerStart = performance.now();
  await db.client.query(
    `INSERT INTO deadlines (kind, resource_type, resource_id, title, due_at, responsible_user_id, responsible_organisation_id)
     SELECT 'bench_due', 'bench', gen_random_uuid(), 'Frist ' || n, now() - interval '1 minute', u.id, u.organisation_id
     FROM generate_series(1, $1) n, (SELECT id, organisation_id FROM users WHERE email = 'alkohol@hammaro.test') u`,
    [COUNT],
  );
  const registerMs = performance.now() - registerStart;
  await db.client.query('ANALYZE');

  // The real worker: its start-up reconcile schedules every reminder; its processors deliver them.
  const started = performance.now();
  let reconciledAt;
  worker = spawn(process.execPath, [`${root}dist/apps/worker/apps/worker/src/main.js`], {
    env: { ...process.env, DATABASE_URL: db.url, QUEUE_PREFIX: prefix, LOG_LEVEL: 'info', SMTP_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  worker.stdout.on('data', (chunk) => {
    if (!reconciledAt && /reconciled \d+ pending/.test(chunk.toString())) reconciledAt = performance.now();
  });
  let delivered = 0;
  const deadline = performance.now() + 30 * 60_000;
  while (delivered < COUNT && performance.now() < deadline) {
    await sleep(1000);
    delivered = (
      await db.client.query(`SELECT count(*)::int AS n FROM reminder_deliveries r JOIN deadlines d ON d.id = r.deadline_id WHERE d.kind = 'bench_due'`)
    ).rows[0].n;
  }
  const doneAt = performance.now();
  const scheduleMs = (reconciledAt ?? doneAt) - started;
  const endToEnd = Math.round(delivered / ((doneAt - started) / 1000));

  // Raw BullMQ: the same number of jobs added in bulk, processed by a no-op worker, same concurrency.
  const rawPrefix = `${prefix}-raw`;
  const queue = new Queue('raw', { connection: { url: REDIS_URL }, prefix: rawPrefix });
  const rawStart = performance.now();
  for (let i = 0; i < COUNT; i += 500) {
    await queue.addBulk(
      Array.from({ length: Math.min(500, COUNT - i) }, (_, j) => ({
        name: 'noop',
        data: { i: i + j },
        opts: { jobId: `raw-${i + j}`, removeOnComplete: true },
      })),
    );
  }
  const rawAddMs = performance.now() - rawStart;
  let processed = 0;
  const rawWorker = new Worker(
    'raw',
    async () => {
      processed += 1;
    },
    { connection: { url: REDIS_URL }, prefix: rawPrefix, concurrency: 8 },
  );
  const processStart = performance.now();
  while (processed < COUNT) await sleep(200);
  const rawPerSecond = Math.round(COUNT / ((performance.now() - processStart) / 1000));
  await rawWorker.close();
  await queue.close();
  await clearPrefix(rawPrefix);

  const lines = [
    `${COUNT.toLocaleString('en')} deadlines, one reminder each, all due; e-mail off (inbox only); worker concurrency 8.`,
    '',
    '| step | figure |',
    '| --- | --- |',
    `| register the deadlines (one INSERT … SELECT) | ${Math.round(registerMs)} ms |`,
    `| worker start → every reminder scheduled (start-up reconcile, keyset pages of 1 000) | ${Math.round(scheduleMs)} ms |`,
    `| end to end: worker start → ${delivered.toLocaleString('en')} reminders delivered (guard row + notification) | ${endToEnd} reminders/s |`,
    `| raw BullMQ, same job count: addBulk | ${Math.round(rawAddMs)} ms |`,
    `| raw BullMQ, same job count: no-op processing | ${rawPerSecond} jobs/s |`,
  ];
  writeSection('Reminders (bench:reminders)', lines);
  console.log(lines.join('\n'));
} finally {
  worker?.kill('SIGTERM');
  await sleep(1500);
  await clearPrefix(prefix);
  await db.drop();
}
