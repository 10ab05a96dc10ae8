import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { JobName, QueueName, queueEventsFromNow } from '@samverkan/platform';
import type { TestEnvironment } from '@samverkan/testing';
import { Queue } from 'bullmq';
import pg from 'pg';
import { createWorkerApp } from '../../worker/src/worker.factory.js';
import { TestApi } from './support/test-api.js';

describe('queue round trip through a real worker', () => {
  let api: TestApi;
  let env: TestEnvironment;
  let db: pg.Client;
  let token: string;

  beforeAll(async () => {
    api = await TestApi.start();
    env = api.env;
    token = await api.token('admin@samverkan.test');
    db = new pg.Client({ connectionString: env.database.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await api?.close();
  });

  it('reports 503 when no worker answers in time', async () => {
    const res = await api.call('GET', '/api/v1/health/worker?timeoutMs=300', { token });
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({
      type: 'urn:samverkan:problem:health.worker_unavailable',
      code: 'health.worker_unavailable',
      params: { timeoutMs: 300 },
      detail: 'No worker answered a system.ping job within 300 ms.',
    });
  });

  it('answers system.ping from the worker, which records its heartbeat', async () => {
    const worker = await createWorkerApp(env.config);
    await worker.init();
    try {
      const res = await api.call('GET', '/api/v1/health/worker?timeoutMs=5000', { token });
      expect(res.status).toBe(200);
      const body = res.body;
      // An opaque id: no host name, no process id (#15).
      expect(body).toEqual({
        status: 'ok',
        roundTripMs: expect.any(Number),
        worker: { workerId: expect.stringMatching(/^[0-9a-f-]{36}$/), answeredAt: expect.any(String) },
      });

      const { rows } = await db.query('SELECT worker_id, last_seen_at, stopped_at FROM worker_heartbeat WHERE worker_id = $1', [body.worker.workerId]);
      expect(rows).toHaveLength(1);
      expect(rows[0].last_seen_at.toISOString()).toBe(body.worker.answeredAt);
      expect(rows[0].stopped_at).toBeNull();
    } finally {
      await worker.close();
    }
  });

  it('hears events from the moment asked, even one sent before its first read reaches Redis', async () => {
    // BullMQ's default start (`$`) is the stream's end at the first read: a ping answered before
    // it was never heard, and the health check waited out its timeout (seen under load in CI).
    const connection = { url: env.config.REDIS_URL };
    const queue = new Queue(QueueName.System, { connection, prefix: env.config.QUEUE_PREFIX });
    const events = await queueEventsFromNow(queue, { connection, prefix: env.config.QUEUE_PREFIX, autorun: false });
    const job = await queue.add(JobName.SystemPing, { requestedAt: new Date().toISOString() });
    try {
      const heard = new Promise((resolve, reject) => {
        events.on('waiting', ({ jobId }) => jobId === job.id && resolve({ jobId }));
        setTimeout(() => reject(new Error('the waiting event sent before the first read was not heard')), 10_000).unref();
      });
      void events.run().catch(() => undefined); // the first read starts only now, after the event
      expect(await heard).toMatchObject({ jobId: job.id });
    } finally {
      await job.remove();
      await events.close();
      await queue.close();
    }
  });

  it('finishes the job in flight when the worker shuts down, then marks itself stopped', async () => {
    const worker: INestApplicationContext = await createWorkerApp(env.config);
    await worker.init();
    const connection = { url: env.config.REDIS_URL };
    const queue = new Queue(QueueName.System, { connection, prefix: env.config.QUEUE_PREFIX });
    const events = await queueEventsFromNow(queue, { connection, prefix: env.config.QUEUE_PREFIX });
    try {
      await events.waitUntilReady();
      const job = await queue.add(JobName.SystemPing, { requestedAt: new Date().toISOString(), holdMs: 1_000 });
      await waitFor(async () => (await job.getState()) === 'active');

      await worker.close(); // what SIGTERM triggers through enableShutdownHooks

      expect(await job.getState()).toBe('completed');
      const finished = await queue.getJob(job.id!);
      expect(finished?.returnvalue).toEqual({ workerId: expect.any(String), answeredAt: expect.any(String) });
      const { rows } = await db.query('SELECT stopped_at FROM worker_heartbeat WHERE worker_id = $1', [finished?.returnvalue.workerId]);
      expect(rows[0].stopped_at).toBeInstanceOf(Date);
    } finally {
      await events.close();
      await queue.close();
    }
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
