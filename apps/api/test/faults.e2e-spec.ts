import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { migrations } from '@samverkan/migrations';
import { migrateUp, runSeed } from '@samverkan/platform';
import { AppProcess, configAsEnv, PrivatePostgres, PrivateRedis, testConfig } from '@samverkan/testing';
import pg from 'pg';
import { identitySeed } from '../src/seed/identity.seed.js';
import { promisesSeed } from '../src/seed/promises.seed.js';
import { eventually, MailServer } from './support/mail-server.js';
import { DEMO_PASSWORD } from './support/test-api.js';

/**
 * Faults (#15): the built api and worker run against a PostgreSQL and a Redis of this file's own,
 * which it empties, kills and restarts mid-work. It counts: nothing lost, nothing doubled, and no
 * request left hanging — every request has a bound and must answer within it (a generous bound,
 * not a speed target).
 */
const BOUND_MS = 10_000;

jest.setTimeout(90_000);

describe('faults: Redis and PostgreSQL lost, stopped and back', () => {
  let redis: PrivateRedis;
  let postgres: PrivatePostgres;
  let mail: MailServer;
  let api: AppProcess;
  let worker: AppProcess;
  let db: pg.Pool;
  let base: string;
  let prefix: string;
  const token: Record<string, string> = {};
  const ids: Record<string, string> = {};

  /** A request through the network with its bound: it must answer in time (or the test fails naming it). */
  async function call(method: string, path: string, options: { token?: string; body?: unknown } = {}) {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...(options.body ? { 'content-type': 'application/json' } : {}) },
      body: options.body ? JSON.stringify(options.body) : undefined,
      signal: AbortSignal.timeout(BOUND_MS),
    }).catch((error: Error) => {
      throw new Error(`${method} ${path} did not answer within ${BOUND_MS} ms (${error.name}: ${error.message})`);
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text && /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : text };
  }

  async function login(email: string): Promise<string> {
    const res = await call('POST', '/api/v1/auth/login', { body: { email, password: DEMO_PASSWORD } });
    if (res.status !== 200) throw new Error(`login as ${email}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken;
  }

  /** Reminder deliveries of deadlines of a kind (or of one resource): how many of each (deadline, rule, recipient). */
  async function deliveries(where: string, params: unknown[]) {
    const { rows } = await db.query<{ deadline_id: string; rule_key: string; recipient_user_id: string; n: number }>(
      `SELECT x.deadline_id, x.rule_key, x.recipient_user_id, count(*)::int AS n
       FROM reminder_deliveries x JOIN deadlines d ON d.id = x.deadline_id WHERE ${where}
       GROUP BY x.deadline_id, x.rule_key, x.recipient_user_id`,
      params,
    );
    return rows;
  }

  /**
   * Nothing doubled: each person has one in-app notice of a deadline per kind delivered (reminder,
   * escalation: the rules' deliveries share it, issue #16) and every delivery points at it (the
   * delivery row is the guard), for deadlines of a kind or one resource.
   */
  async function noticesMatchDeliveries(where: string, params: unknown[]): Promise<void> {
    const { rows } = await db.query<{ notices: number; delivered: number }>(
      `SELECT (SELECT count(*)::int FROM notifications n WHERE n.deadline_id = d.id AND n.user_id = x.recipient_user_id) AS notices,
              count(DISTINCT x.notification_id)::int + count(*) FILTER (WHERE x.notification_id IS NULL)::int AS delivered
       FROM reminder_deliveries x JOIN deadlines d ON d.id = x.deadline_id WHERE ${where}
       GROUP BY d.id, x.recipient_user_id`,
      params,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.notices !== r.delivered)).toEqual([]);
  }

  const restores = () => (worker.text.match(/Redis lost its data/g) ?? []).length;

  beforeAll(async () => {
    [redis, postgres, mail] = await Promise.all([PrivateRedis.start(), PrivatePostgres.start(), MailServer.start()]);
    const config = testConfig(postgres.urlOf('samverkan'), {
      REDIS_URL: redis.url,
      SEED_PASSWORD: DEMO_PASSWORD,
      SMTP_URL: mail.url,
      EMAIL_RETRY_DELAY_MS: '200',
    });
    prefix = config.QUEUE_PREFIX;
    await migrateUp(config, migrations);
    await runSeed(config, [identitySeed(DEMO_PASSWORD), promisesSeed()]);
    db = new pg.Pool({ connectionString: config.DATABASE_URL, max: 2 });
    db.on('error', () => undefined); // the server is stopped on purpose below

    const one = async (sql: string, params: unknown[] = []) => (await db.query<{ id: string }>(sql, params)).rows[0].id;
    ids.socialWorker = await one(`SELECT id FROM users WHERE email = 'socialsekreterare@hammaro.test'`);
    ids.coordinator = await one(`SELECT id FROM users WHERE email = 'trygghet@hammaro.test'`);
    ids.municipality = await one(`SELECT id FROM organisations WHERE name = 'Hammarö kommun'`);
    ids.socialServices = await one(`SELECT id FROM units WHERE organisation_id = $1 AND name = 'Socialtjänsten'`, [ids.municipality]);
    ids.management = await one(`SELECT id FROM units WHERE organisation_id = $1 AND name = 'Kommunledning'`, [ids.municipality]);
    ids.commitment = await one(`SELECT id FROM commitments WHERE party = 'municipality' ORDER BY position LIMIT 1`);

    // Thirty deadlines due in an hour, one reminder each when due: the worker queues them (one bucket) at start-up.
    await db.query(
      `INSERT INTO reminder_rules (deadline_kind, key, anchor, offset_value, offset_unit, recipient) VALUES ('fault_due', 'at-due', 'at', 0, 'seconds', 'responsible')`,
    );
    await db.query(
      `INSERT INTO deadlines (kind, resource_type, resource_id, title, due_at, responsible_user_id, responsible_unit_id, responsible_organisation_id)
       SELECT 'fault_due', 'fault_subject', gen_random_uuid(), 'Uppföljning ' || n, now() + interval '1 hour', $1, $2, $3 FROM generate_series(1, 30) n`,
      [ids.socialWorker, ids.socialServices, ids.municipality],
    );

    const env = { ...configAsEnv(config), PORT: '0', LOG_LEVEL: 'info', REDIS_WATCH_INTERVAL_MS: '300' };
    api = AppProcess.start('api', env);
    worker = AppProcess.start('worker', env);
    [, base] = await api.waitFor(/listening on (http:\/\/[\d.]+:\d+)/, 30_000);
    await worker.waitFor(/consuming queues/, 30_000);
    token.admin = await login('admin@samverkan.test');
    token.coordinator = await login('trygghet@hammaro.test');
  }, 180_000);

  afterAll(async () => {
    await api?.stop();
    await worker?.stop();
    await db?.end();
    await redis?.destroy();
    await postgres?.destroy();
    await mail?.stop();
  });

  it('Redis loses its data while the worker runs: the worker notices, restores its schedulers and delivers every reminder once', async () => {
    // The worker reconciled the thirty at start-up: due in the same second, they are one delayed bucket
    // job (#19: set-based delivery), beside its schedulers; nothing delivered yet.
    const delayed = (await redis.command('ZRANGE', `${prefix}:deadlines:delayed`, 0, -1)) as string[];
    expect(delayed.filter((id) => id.startsWith('reminders-'))).toHaveLength(1);
    expect(await deliveries(`d.kind = 'fault_due'`, [])).toEqual([]);

    await redis.flushAll(); // eviction, a failover to an empty replica, FLUSHALL: every job and scheduler gone
    expect(await redis.command('EXISTS', `${prefix}:deadlines:repeat:deadline-reconcile`)).toBe(0);
    // Time passes: the reminders come due (their jobs, had they survived, would now be waiting an hour).
    await db.query(`UPDATE deadlines SET due_at = now() - interval '1 second' WHERE kind = 'fault_due'`);

    await eventually(async () => expect(await deliveries(`d.kind = 'fault_due'`, [])).toHaveLength(30), 30_000);
    await eventually(async () => expect(restores()).toBe(1));
    // The five-minute reconciler's own schedule is back too.
    await eventually(async () => expect(await redis.command('EXISTS', `${prefix}:deadlines:repeat:deadline-reconcile`)).toBe(1));

    // A message the api stored while Redis could not take its job: only the outbox can send it.
    await db.query(
      `INSERT INTO email_messages (user_id, to_address, subject, body_text, kind, dedupe_key)
       VALUES ($1, 'socialsekreterare@hammaro.test', 'Samverkan – från utkorgen', 'Hej från utkorgen', 'reminder', 'fault-outbox-1')`,
      [ids.socialWorker],
    );

    // Lost again after delivery: the restore runs again, sends the stored message and delivers nothing twice.
    await redis.flushAll();
    await eventually(async () => expect(worker.text.match(/restored [^"]*deadlines/g)).toHaveLength(2));
    expect(restores()).toBe(2);
    const delivered = await deliveries(`d.kind = 'fault_due'`, []);
    expect(delivered).toHaveLength(30);
    expect(delivered.every((d) => d.n === 1 && d.recipient_user_id === ids.socialWorker && d.rule_key === 'at-due')).toBe(true);
    await noticesMatchDeliveries(`d.kind = 'fault_due'`, []);
    await eventually(async () =>
      expect((await db.query(`SELECT status FROM email_messages WHERE dedupe_key = 'fault-outbox-1'`)).rows).toEqual([{ status: 'sent' }]),
    );
    expect(mail.received.filter((m) => m.raw.includes('Hej fr'))).toHaveLength(1);
  });

  it('Redis down at run time: writes commit and answer, Redis-backed reads answer 503, and the jobs follow once Redis is back', async () => {
    const before = restores();
    await redis.kill();

    // A write whose reminders are already due (the action was due ten days ago).
    const due = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
    const created = await call('POST', '/api/v1/actions', {
      token: token.coordinator,
      body: {
        commitmentId: ids.commitment,
        title: 'Trygghetsvandring vid båthamnen',
        responsibleOrganisationId: ids.municipality,
        responsibleUnitId: ids.management,
        responsibleUserId: ids.coordinator,
        dueDate: due,
      },
    });
    expect(created.status).toBe(201);
    const actionId: string = created.body.id;
    expect((await call('GET', `/api/v1/actions/${actionId}`, { token: token.coordinator })).status).toBe(200);

    const queues = await call('GET', '/api/v1/admin/queues', { token: token.admin });
    expect(queues.status).toBe(503);
    expect(queues.body).toMatchObject({ code: 'queue.unavailable' });
    expect(queues.headers.get('retry-after')).toBe('5');
    const ping = await call('GET', '/api/v1/health/worker?timeoutMs=2000', { token: token.admin });
    expect(ping.status).toBe(503);
    expect(ping.body).toMatchObject({ code: 'health.worker_unavailable' });
    expect((await call('GET', '/api/v1/health/ready')).status).toBe(503);

    // Redis comes back empty: the worker restores and reconciles; the action's reminders arrive once.
    await redis.restart();
    await eventually(async () => expect(restores()).toBe(before + 1), 30_000);
    const mine = `d.resource_id = $1 AND x.recipient_user_id = $2`;
    // Responsible for it, the coordinator hears of it once as a reminder (the reminders a week and a
    // day before are overtaken by the one at the due date, issue #16) and, as a supervisor too, is escalated to.
    await eventually(
      async () => expect((await deliveries(mine, [actionId, ids.coordinator])).map((d) => d.rule_key).sort()).toEqual(['at-due', 'escalate-2wd']),
      30_000,
    );
    expect((await deliveries(`d.resource_id = $1`, [actionId])).every((d) => d.n === 1)).toBe(true);
    await noticesMatchDeliveries(`d.resource_id = $1`, [actionId]);

    // The round trip works again, and names no host or process.
    const back = await eventually(async () => {
      const res = await call('GET', '/api/v1/health/worker?timeoutMs=2000', { token: token.admin });
      expect(res.status).toBe(200);
      return res;
    }, 30_000);
    expect(Object.keys(back.body.worker).sort()).toEqual(['answeredAt', 'workerId']);
  });

  it('Redis hangs (connections open, no answers): every request still answers within its bound', async () => {
    redis.pause();
    try {
      const created = await call('POST', '/api/v1/actions', {
        token: token.coordinator,
        body: {
          commitmentId: ids.commitment,
          title: 'Kvällsvandring i centrum',
          responsibleOrganisationId: ids.municipality,
          responsibleUnitId: ids.management,
          responsibleUserId: ids.coordinator,
          dueDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
        },
      });
      expect(created.status).toBe(201);
      expect((await call('GET', '/api/v1/admin/queues', { token: token.admin })).status).toBe(503);
      expect((await call('GET', '/api/v1/health/worker?timeoutMs=1000', { token: token.admin })).status).toBe(503);
      // The sign-in rate limit is counted in the process meanwhile; sign-in itself works.
      expect((await call('POST', '/api/v1/auth/login', { body: { email: 'trygghet@hammaro.test', password: DEMO_PASSWORD } })).status).toBe(200);
    } finally {
      redis.resume();
    }
  });

  it('PostgreSQL cut at run time: requests answer 503 with Retry-After, and recover by themselves when it is back', async () => {
    await postgres.stop('immediate');

    const list = await call('GET', '/api/v1/actions?limit=5', { token: token.coordinator });
    expect(list.status).toBe(503);
    expect(list.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(list.body).toMatchObject({ code: 'database.unavailable', status: 503, params: { retryAfterSeconds: 5 } });
    expect(list.headers.get('retry-after')).toBe('5');
    const signIn = await call('POST', '/api/v1/auth/login', { body: { email: 'trygghet@hammaro.test', password: DEMO_PASSWORD } });
    expect(signIn.status).toBe(503);
    expect(signIn.body.code).toBe('database.unavailable');
    expect((await call('GET', '/api/v1/health/ready')).status).toBe(503);

    await postgres.restart();
    await eventually(async () => expect((await call('GET', '/api/v1/actions?limit=5', { token: token.coordinator })).status).toBe(200), 30_000);
    expect((await call('POST', '/api/v1/auth/login', { body: { email: 'trygghet@hammaro.test', password: DEMO_PASSWORD } })).status).toBe(200);
    // The worker lived through it and answers again.
    await eventually(async () => expect((await call('GET', '/api/v1/health/worker?timeoutMs=2000', { token: token.admin })).status).toBe(200), 30_000);
  });
});
