import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { JobName, QueueName, redisConnection } from '@samverkan/platform';
import { AppProcess, configAsEnv, PROCESS_TEST_TIMEOUT_MS, TestEnvironment } from '@samverkan/testing';
import { Queue } from 'bullmq';

describe('the worker process', () => {
  jest.setTimeout(PROCESS_TEST_TIMEOUT_MS);
  let env: TestEnvironment;
  let queue: Queue;

  beforeAll(async () => {
    env = await TestEnvironment.create();
    queue = new Queue(QueueName.System, {
      connection: redisConnection(env.config.REDIS_URL, 'test'),
      prefix: env.config.QUEUE_PREFIX,
    });
  });

  afterAll(async () => {
    await queue?.close();
    await env?.close();
  });

  it('on SIGTERM finishes the job in flight, then exits', async () => {
    const worker = AppProcess.start('worker', { ...configAsEnv(env.config), LOG_LEVEL: 'info' });
    try {
      await worker.waitFor(/consuming queues/);
      const job = await queue.add(JobName.SystemPing, { requestedAt: new Date().toISOString(), holdMs: 1_500 });
      const deadline = Date.now() + 10_000;
      while ((await job.getState()) !== 'active') {
        if (Date.now() > deadline) throw new Error(`job never became active; worker output:\n${worker.text}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }

      worker.signal('SIGTERM');
      const exit = await worker.exited;

      expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
      expect(await job.getState()).toBe('completed');
      expect((await queue.getJob(job.id!))?.returnvalue).toMatchObject({ workerId: expect.any(String) });
    } finally {
      await worker.stop();
    }
  });

  it('stops with one line naming a malformed variable', async () => {
    const worker = AppProcess.start('worker', { ...configAsEnv(env.config), SHUTDOWN_TIMEOUT_MS: 'soon' });
    expect(await worker.exited).toEqual({ code: 1, signal: null });
    expect(worker.text).toBe('samverkan-worker: Invalid configuration: SHUTDOWN_TIMEOUT_MS must be an integer number (got "soon")\n');
  });
});
