import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JobName, QueueName, queueEventsFromNow, redisConnection } from '@samverkan/platform';
import { AppProcess, configAsEnv, PrivateRedis, TestEnvironment } from '@samverkan/testing';
import { Queue } from 'bullmq';

/**
 * Issue #19: Redis Cluster accepts Samverkan's keys. A cluster refuses a script or MULTI whose keys
 * hash to different slots (CROSSSLOT); every key is under the hash tag QUEUE_PREFIX (`{…}`), so
 * BullMQ's multi-key scripts and the rate limit's MULTI run. A private redis-server in cluster mode,
 * one node holding every slot, is enough to show it: the slot check is the same as on many nodes.
 */
const START_TIMEOUT_MS = 240_000;

describe('Samverkan on a Redis Cluster', () => {
  let env: TestEnvironment;
  let redis: PrivateRedis;
  let api: AppProcess;
  let worker: AppProcess;

  beforeAll(async () => {
    redis = await PrivateRedis.start(['--cluster-enabled', 'yes']);
    await redis.command('CLUSTER', 'ADDSLOTSRANGE', 0, 16383);
    for (let tries = 0; !String(await redis.command('CLUSTER', 'INFO')).includes('cluster_state:ok'); tries += 1) {
      if (tries > 100) throw new Error('the private cluster never became ok');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    env = await TestEnvironment.create({ REDIS_URL: redis.url });
    const settings = { ...configAsEnv(env.config), PORT: '0', LOG_LEVEL: 'info' };
    api = AppProcess.start('api', settings);
    worker = AppProcess.start('worker', settings);
    await worker.waitFor(/consuming queues/, START_TIMEOUT_MS);
  }, START_TIMEOUT_MS + 30_000);

  afterAll(async () => {
    await api?.stop();
    await worker?.stop();
    await env?.close().catch(() => undefined); // its Redis keys went with the private server
    await redis?.destroy();
  });

  it('is refused a key layout without the hash tag (the check this test relies on)', async () => {
    await expect(redis.command('MSET', 'samverkan:a', '1', 'samverkan:b', '2')).rejects.toThrow(/CROSSSLOT/);
    expect(await redis.command('MSET', `${env.config.QUEUE_PREFIX}:a`, '1', `${env.config.QUEUE_PREFIX}:b`, '2')).toBe('OK');
  });

  it('runs the worker: job schedulers registered, a job answered through the cluster', async () => {
    const connection = redisConnection(redis.url, 'cluster-test');
    const queue = new Queue(QueueName.System, { connection, prefix: env.config.QUEUE_PREFIX });
    // From now: with BullMQ's default (`$`) the answer came, under load, before the events were read.
    const events = await queueEventsFromNow(queue, { connection, prefix: env.config.QUEUE_PREFIX });
    try {
      await events.waitUntilReady();
      const job = await queue.add(JobName.SystemPing, { requestedAt: new Date().toISOString() });
      const answer = await job.waitUntilFinished(events, 30_000).catch(async (error: Error) => {
        // Should it time out: where the job stood, and what the worker said.
        throw new Error(`${error.message}; the job is ${await job.getState()}; the worker said:\n${worker.text.slice(-4000)}`);
      });
      expect(answer).toMatchObject({ workerId: expect.any(String) });
      const deadlines = new Queue(QueueName.Deadlines, { connection, prefix: env.config.QUEUE_PREFIX });
      expect((await deadlines.getJobSchedulers()).map((s) => s.key)).toContain('deadline-reconcile');
      await deadlines.close();
    } finally {
      await events.close();
      await queue.close();
    }
    expect(worker.text).not.toMatch(/CROSSSLOT/);
  }, 60_000);

  it(
    'runs the api: ready, and the sign-in rate limit counted in Redis, not in the process',
    async () => {
      const [, url] = await api.waitFor(/listening on (http:\/\/[\d.]+:\d+)/, START_TIMEOUT_MS);
      expect((await fetch(`${url}/api/v1/health/ready`)).status).toBe(200);
      const login = await fetch(`${url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'ingen@cluster.test', password: 'fel-lösenord-123' }),
      });
      expect(login.status).toBe(401);
      const counters = (await redis.command('KEYS', `${env.config.QUEUE_PREFIX}:ratelimit:*`)) as string[];
      expect(counters.length).toBeGreaterThan(0);
      expect(api.text).not.toMatch(/CROSSSLOT|counted in this process/);
    },
    START_TIMEOUT_MS + 30_000,
  );
});
