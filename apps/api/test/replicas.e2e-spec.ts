import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { QueueName, redisConnection, runSeed } from '@samverkan/platform';
import { AppProcess, configAsEnv, TestEnvironment } from '@samverkan/testing';
import { Queue } from 'bullmq';
import pg from 'pg';
import { identitySeed } from '../src/seed/identity.seed.js';
import { DEMO_PASSWORD } from './support/test-api.js';

/**
 * Issue #19, "Beyond one machine": several api and worker replicas on one PostgreSQL database and
 * one Redis prefix behave as one. Two built api processes — the first a node:cluster primary with
 * two forks (API_PROCESSES=2), so three processes answer HTTP — and two built worker processes:
 * (a) every due reminder is delivered once, none doubled, none lost; (b) each job scheduler exists
 * once; (c) the sign-in rate limit and the lockout count across all of them as on one.
 * Outcomes are read from the tables and from Redis, not from how delivery works inside.
 */
const DEADLINES = 200;
const RATE_LIMIT = 6;
const START_TIMEOUT_MS = 240_000;
const DELIVERY_TIMEOUT_MS = 120_000;
const KIND = 'replica_due';

describe('two api and two worker processes on one database and one Redis', () => {
  let env: TestEnvironment;
  let db: pg.Client;
  const apis: { proc: AppProcess; url: string }[] = [];
  const workers: AppProcess[] = [];
  const queues: Queue[] = [];

  beforeAll(async () => {
    env = await TestEnvironment.create({ SEED_PASSWORD: DEMO_PASSWORD });
    await runSeed(env.config, [identitySeed(DEMO_PASSWORD)]);
    db = new pg.Client({ connectionString: env.database.url });
    await db.connect();
    // One reminder per deadline, at its due time, to the person responsible. Half are overdue when
    // the workers start (both workers' start-up reconcilers race for them), half fall due a little
    // later, while both workers consume.
    await db.query(
      `INSERT INTO reminder_rules (deadline_kind, key, anchor, offset_value, offset_unit, recipient) VALUES ($1, 'at-due', 'at', 0, 'seconds', 'responsible')`,
      [KIND],
    );
    await db.query(
      `INSERT INTO deadlines (kind, resource_type, resource_id, title, due_at, responsible_user_id, responsible_organisation_id)
       SELECT $1, 'replica_subject', gen_random_uuid(), 'Frist ' || n,
              CASE WHEN n % 2 = 0 THEN now() - interval '1 minute' ELSE now() + interval '20 seconds' END, u.id, u.organisation_id
       FROM generate_series(1, $2::int) n, (SELECT id, organisation_id FROM users WHERE email = 'alkohol@hammaro.test') u`,
      [KIND, DEADLINES],
    );

    const common = { ...configAsEnv(env.config), PORT: '0', LOG_LEVEL: 'info', TRUST_PROXY: 'true', LOGIN_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT) };
    const started = [
      AppProcess.start('api', { ...common, API_PROCESSES: '2' }),
      AppProcess.start('api', { ...common, API_PROCESSES: '1' }),
      AppProcess.start('worker', common),
      AppProcess.start('worker', common),
    ];
    const [clustered, single, ...consumers] = started;
    workers.push(...consumers);
    try {
      // The cluster's primary is up once both forks listen.
      await clustered.waitFor(/listening on [^\n]*[\s\S]*listening on (http:\/\/[\d.]+:\d+)/, START_TIMEOUT_MS);
      for (const proc of [clustered, single]) apis.push({ proc, url: (await proc.waitFor(/listening on (http:\/\/[\d.]+:\d+)/, START_TIMEOUT_MS))[1] });
      for (const worker of consumers) await worker.waitFor(/consuming queues/, START_TIMEOUT_MS);
    } catch (error) {
      await Promise.all(started.map((proc) => proc.stop()));
      throw error;
    }
    for (const name of Object.values(QueueName)) {
      queues.push(new Queue(name, { connection: redisConnection(env.config.REDIS_URL, 'replicas-test'), prefix: env.config.QUEUE_PREFIX }));
    }
  }, START_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    await Promise.all(queues.map((queue) => queue.close()));
    await Promise.all([...apis.map((api) => api.proc.stop()), ...workers.map((worker) => worker.stop())]);
    await db?.end();
    await env?.close();
  });

  /** A sign-in on a new connection (so the cluster's primary hands it to the next fork), from `client`. */
  function login(api: { url: string }, email: string, password: string, client: string): Promise<{ status: number; retryAfter?: string }> {
    return new Promise((resolve, reject) => {
      const body = JSON.stringify({ email, password });
      const req = request(
        `${api.url}/api/v1/auth/login`,
        { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-forwarded-for': client } },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string | undefined }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  it('counts the sign-in rate limit across every api process, as one process would', async () => {
    // The limit counts in fixed one-minute windows: a burst that crosses into the next window is
    // tried again from another address (at most once: a burst takes seconds).
    let statuses: number[] = [];
    for (const client of ['198.51.100.20', '198.51.100.21']) {
      const window = Math.floor(Date.now() / 60_000);
      statuses = [];
      for (let attempt = 0; attempt < RATE_LIMIT + 3; attempt += 1) {
        // Alternating between the two apis; the cluster's turns also alternate between its forks.
        const answer = await login(apis[attempt % 2], `ingen-${attempt}@replica.test`, 'fel-lösenord-123', client);
        statuses.push(answer.status);
        if (answer.status === 429) expect(Number(answer.retryAfter)).toBeGreaterThan(0);
      }
      if (Math.floor(Date.now() / 60_000) === window) break;
    }
    expect(statuses).toEqual([...Array<number>(RATE_LIMIT).fill(401), 429, 429, 429]);
    // Another address is not affected.
    expect((await login(apis[1], 'ingen@replica.test', 'fel-lösenord-123', '198.51.100.22')).status).toBe(401);
  }, 90_000);

  it('locks an account after five failed sign-ins spread over the api processes, not before', async () => {
    // Four failures spread over the processes, then the right password: still open.
    for (let attempt = 0; attempt < 4; attempt += 1) {
      expect((await login(apis[attempt % 2], 'trygghet@hammaro.test', 'fel-lösenord-123', `198.51.100.3${attempt}`)).status).toBe(401);
    }
    expect((await login(apis[0], 'trygghet@hammaro.test', DEMO_PASSWORD, '198.51.100.40')).status).toBe(200);
    // Five failures spread over the processes: locked, the right password is refused everywhere.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await login(apis[attempt % 2], 'vaktare@hammaro.test', 'fel-lösenord-123', `198.51.100.5${attempt}`)).status).toBe(401);
    }
    expect((await login(apis[1], 'vaktare@hammaro.test', DEMO_PASSWORD, '198.51.100.60')).status).toBe(401);
    expect((await login(apis[0], 'vaktare@hammaro.test', DEMO_PASSWORD, '198.51.100.61')).status).toBe(401);
  }, 90_000);

  it('keeps each job scheduler once in Redis, with one next run, although two workers registered them', async () => {
    const schedulers: string[] = [];
    for (const queue of queues) {
      const found = await queue.getJobSchedulers();
      schedulers.push(...found.map((s) => `${queue.name}/${s.key}`));
      // The next run of a scheduler is one delayed or waiting job, never one per worker.
      const pending = await queue.getJobs(['delayed', 'waiting', 'prioritized']);
      for (const scheduler of found) {
        expect(pending.filter((job) => job.repeatJobKey === scheduler.key).length).toBeLessThanOrEqual(1);
      }
    }
    expect(schedulers.length).toBeGreaterThan(0);
    expect(schedulers).toContain(`${QueueName.Deadlines}/deadline-reconcile`);
    expect(new Set(schedulers).size).toBe(schedulers.length);
  });

  it(
    'delivers the reminder of every due deadline exactly once, none lost, none doubled',
    async () => {
      const counts = async () => {
        const { rows } = await db.query<{ deliveries: number; delivered: number; notifications: number; notified: number }>(
          `SELECT (SELECT count(*)::int FROM reminder_deliveries x JOIN deadlines d ON d.id = x.deadline_id WHERE d.kind = $1) AS deliveries,
                  (SELECT count(DISTINCT x.deadline_id)::int FROM reminder_deliveries x JOIN deadlines d ON d.id = x.deadline_id WHERE d.kind = $1) AS delivered,
                  (SELECT count(*)::int FROM notifications n JOIN deadlines d ON d.id = n.deadline_id WHERE d.kind = $1) AS notifications,
                  (SELECT count(DISTINCT n.deadline_id)::int FROM notifications n JOIN deadlines d ON d.id = n.deadline_id WHERE d.kind = $1) AS notified`,
          [KIND],
        );
        return rows[0];
      };
      const until = Date.now() + DELIVERY_TIMEOUT_MS;
      let seen = await counts();
      while (seen.notified < DEADLINES || seen.delivered < DEADLINES) {
        if (Date.now() > until)
          throw new Error(`after ${DELIVERY_TIMEOUT_MS} ms: ${JSON.stringify(seen)}; workers:\n${workers.map((w) => w.text.slice(-2_000)).join('\n')}`);
        await new Promise((resolve) => setTimeout(resolve, 500));
        seen = await counts();
      }
      // Late duplicates would arrive after the last first delivery: let both workers run on a while.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect(await counts()).toEqual({ deliveries: DEADLINES, delivered: DEADLINES, notifications: DEADLINES, notified: DEADLINES });
      // Both workers took part, and neither gave up on a job.
      for (const worker of workers) expect(worker.text).not.toMatch(/giving up/);
    },
    DELIVERY_TIMEOUT_MS + 30_000,
  );

  it(
    'replaces a crashed api process of the cluster, and stops the cluster cleanly on SIGTERM',
    async () => {
      const clustered = apis[0].proc;
      const pids = [...clustered.text.matchAll(/"pid":(\d+)[^\n]*listening on/g)].map((m) => Number(m[1]));
      expect(new Set(pids).size).toBe(2);
      process.kill(pids[0], 'SIGKILL');
      await clustered.waitFor(new RegExp(`api process ${pids[0]} stopped \\(signal SIGKILL\\); starting another`), 10_000);
      // The replacement listens; the other fork answered all the while.
      await clustered.waitFor(/(?:listening on[\s\S]*){3}/, START_TIMEOUT_MS);
      expect((await login(apis[0], 'ingen@replica.test', 'fel-lösenord-123', '198.51.100.70')).status).toBe(401);

      clustered.signal('SIGTERM');
      expect(await clustered.exited).toEqual({ code: 0, signal: null });
      const forks = [...clustered.text.matchAll(/"pid":(\d+)[^\n]*listening on/g)].map((m) => Number(m[1]));
      for (const pid of forks) expect(() => process.kill(pid, 0)).toThrow();
    },
    START_TIMEOUT_MS + 30_000,
  );
});
