import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { migrateDown, migrateUp, QueueName, redisConnection } from '@samverkan/platform';
import { TestEnvironment } from '@samverkan/testing';
import { Queue } from 'bullmq';
import { createApiApp } from '../src/api.factory.js';
import { migrations } from '@samverkan/migrations';
import { TestApi } from './support/test-api.js';

/** The bound every answer must come within, whatever state Redis is in (#15); generous, not a speed target. */
const BOUND_MS = 10_000;

/** The request's answer, or a failure naming the request if none came within the bound. */
async function within<T>(what: string, answer: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer within ${BOUND_MS} ms`)), BOUND_MS)));
  try {
    return await Promise.race([answer, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function startApi(config: TestEnvironment['config']): Promise<NestFastifyApplication> {
  const app = await createApiApp(config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

describe('health', () => {
  let env: TestEnvironment;
  let app: NestFastifyApplication | undefined;

  beforeAll(async () => {
    env = await TestEnvironment.create();
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  afterAll(async () => {
    await env?.close();
  });

  it('reports the process alive, with the headers of every answer though Fastify answers it before Nest (#19)', async () => {
    app = await startApi(env.config);
    const res = await app.inject({ method: 'GET', url: '/api/v1/health', headers: { 'x-request-id': 'kubelet-probe-1' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', version: expect.any(String), uptimeSeconds: expect.any(Number) });
    const ready = await app.inject({ method: 'GET', url: '/api/v1/health/ready' });
    // The same security headers as a Nest route's answer; the caller's request id back.
    for (const header of ['content-security-policy', 'strict-transport-security', 'x-content-type-options', 'x-frame-options', 'referrer-policy'])
      expect(res.headers[header]).toBe(ready.headers[header]);
    expect(res.headers['x-request-id']).toBe('kubelet-probe-1');
    expect(res.headers['cache-control']).toBeUndefined();
    // Only GET (and HEAD) answer; a token is not needed and not looked at.
    expect((await app.inject({ method: 'POST', url: '/api/v1/health' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/v1/health', headers: { authorization: 'Bearer nonsense' } })).statusCode).toBe(200);
    // A refusal by a global hook is problem+json here too (fuzz.e2e-spec found it otherwise).
    const refused = await app.inject({ method: 'GET', url: '/api/v1/health?unknown=%00' });
    expect([refused.statusCode, refused.headers['content-type'], refused.json().code]).toEqual([
      400,
      expect.stringMatching(/^application\/problem\+json/),
      'validation',
    ]);
  });

  it('is ready when PostgreSQL and Redis answer and every migration is applied', async () => {
    app = await startApi(env.config);
    const res = await app.inject({ method: 'GET', url: '/api/v1/health/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      checks: {
        database: { status: 'up', target: `PostgreSQL at 127.0.0.1:5432/${env.database.name}` },
        migrations: { status: 'up', applied: expect.any(Number) },
        redis: { status: 'up', target: 'Redis at 127.0.0.1:6379' },
      },
    });
  });

  it('is not ready, and says Redis failed, when Redis is unreachable', async () => {
    // Port 1 on loopback: nothing listens there, so connections are refused at once.
    app = await startApi(env.withConfig({ REDIS_URL: 'redis://127.0.0.1:1' }));
    const res = await app.inject({ method: 'GET', url: '/api/v1/health/ready' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = res.json();
    expect(body).toMatchObject({
      type: 'urn:samverkan:problem:health.not_ready',
      code: 'health.not_ready',
      params: { failed: ['redis'] },
      status: 503,
      detail: 'Not ready: redis down.',
      checks: {
        database: { status: 'up' },
        migrations: { status: 'up' },
        redis: { status: 'down', target: 'Redis at 127.0.0.1:1', error: expect.stringContaining('ECONNREFUSED') },
      },
    });
  });

  it('is not ready while a migration is pending, and names it', async () => {
    const reverted = await migrateDown(env.config, migrations);
    try {
      app = await startApi(env.config);
      const res = await app.inject({ method: 'GET', url: '/api/v1/health/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json().checks.migrations).toMatchObject({ status: 'down', pending: [reverted] });
    } finally {
      await migrateUp(env.config, migrations);
    }
  });
});

describe('the worker round trip, for operators only', () => {
  let api: TestApi;
  let queue: Queue;

  beforeAll(async () => {
    api = await TestApi.start();
    queue = new Queue(QueueName.System, { connection: redisConnection(api.env.config.REDIS_URL, 'test'), prefix: api.env.config.QUEUE_PREFIX });
  });

  afterAll(async () => {
    await queue?.close();
    await api?.close();
  });

  // First in this api's life: the first round trips are the ones that open the connection.
  it('opens one queue-events connection for round trips asked at the same moment', async () => {
    const admin = await api.token('admin@samverkan.test');
    const answers = await Promise.all([1, 2, 3].map(() => api.call('GET', '/api/v1/health/worker?timeoutMs=300', { token: admin })));
    expect(answers.map((a) => a.status)).toEqual([503, 503, 503]);
    // BullMQ names a QueueEvents connection after the queue: "<prefix>:<queue name in base64>:qe".
    const redis = (await queue.getBackend().client) as unknown as { client(...args: string[]): Promise<string> };
    const named = `name=${api.env.config.QUEUE_PREFIX}:${Buffer.from(QueueName.System).toString('base64')}:qe `;
    const clients = (await redis.client('LIST')).split('\n').filter((line) => line.includes(named));
    expect(clients).toHaveLength(1);
  });

  it('asks for a signed-in operator and puts no job on the queue for anyone else', async () => {
    const anonymous = await api.call('GET', '/api/v1/health/worker?timeoutMs=200');
    expect(anonymous.status).toBe(401);
    const socialWorker = await api.call('GET', '/api/v1/health/worker?timeoutMs=200', { token: await api.token('socialsekreterare@hammaro.test') });
    expect(socialWorker.status).toBe(403);
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed');
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(0);

    // An operator is answered (no worker runs here: 503), and the problem names no host or process.
    const operator = await api.call('GET', '/api/v1/health/worker?timeoutMs=200', { token: await api.token('admin@samverkan.test') });
    expect(operator.status).toBe(503);
    expect(operator.body.code).toBe('health.worker_unavailable');
  });
});

describe('with Redis out of reach', () => {
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    // Port 1 on loopback: nothing listens there, so every connection is refused.
    api = await TestApi.start({ REDIS_URL: 'redis://127.0.0.1:1', LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
    admin = await api.token('admin@samverkan.test');
  });

  afterAll(async () => {
    await api?.close();
  });

  it('answers the worker round trip with 503 within its timeout', async () => {
    const res = await within('GET /health/worker', api.call('GET', '/api/v1/health/worker?timeoutMs=1000', { token: admin }));
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ code: 'health.worker_unavailable', params: { timeoutMs: 1000 } });
  });

  it('answers the queue overview with 503 and Retry-After', async () => {
    const res = await within('GET /admin/queues', api.call('GET', '/api/v1/admin/queues', { token: admin }));
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'queue.unavailable', params: { retryAfterSeconds: 5 } });
    expect(res.headers['retry-after']).toBe('5');
  });

  it('still limits sign-in attempts, counting them in the process', async () => {
    // Three a minute; seven attempts cross at most one minute boundary, so at least one is refused.
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      const res = await api.call('POST', '/api/v1/auth/login', { ip: '192.0.2.77', body: { email: 'nobody@samverkan.test', password: 'fel-lösenord-1234' } });
      statuses.push(res.status);
    }
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s !== 429 && s !== 401)).toEqual([]);
  });
});
