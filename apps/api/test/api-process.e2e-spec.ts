import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { AppProcess, configAsEnv, PROCESS_TEST_TIMEOUT_MS, TestEnvironment } from '@samverkan/testing';

describe('the api process', () => {
  jest.setTimeout(PROCESS_TEST_TIMEOUT_MS);
  let env: TestEnvironment;
  let proc: AppProcess | undefined;

  beforeAll(async () => {
    env = await TestEnvironment.create();
  });

  afterEach(async () => {
    await proc?.stop();
    proc = undefined;
  });

  afterAll(async () => {
    await env?.close();
  });

  const start = (overrides: Record<string, string> = {}) =>
    (proc = AppProcess.start('api', { ...configAsEnv(env.config), PORT: '0', LOG_LEVEL: 'info', ...overrides }));

  it('stops with one line naming a malformed variable', async () => {
    const api = start({ PORT: 'abc' });
    expect(await api.exited).toEqual({ code: 1, signal: null });
    expect(api.text).toBe('samverkan-api: Invalid configuration: PORT must be an integer number (got "abc")\n');
  });

  it('stops with one line naming an unreachable Redis', async () => {
    const api = start({ REDIS_URL: 'redis://127.0.0.1:1' });
    expect(await api.exited).toEqual({ code: 1, signal: null });
    expect(api.text).toMatch(/^samverkan-api: cannot reach Redis at 127\.0\.0\.1:1 \(REDIS_URL\): .*ECONNREFUSED.*\n$/);
  });

  it('stops with one line naming an unreachable database, without its password', async () => {
    const api = start({ DATABASE_URL: 'postgres://samverkan:hemligt@127.0.0.1:1/samverkan' });
    expect(await api.exited).toEqual({ code: 1, signal: null });
    expect(api.text).toMatch(/^samverkan-api: cannot reach PostgreSQL at 127\.0\.0\.1:1\/samverkan \(DATABASE_URL\): .*ECONNREFUSED.*\n$/);
    expect(api.text).not.toContain('hemligt');
  });

  it('serves requests, logs them as JSON without secrets, and stops cleanly on SIGTERM', async () => {
    const api = start();
    const [, url] = await api.waitFor(/listening on (http:\/\/[\d.]+:\d+)/);

    const ready = await fetch(`${url}/api/v1/health/ready`);
    expect(ready.status).toBe(200);
    const missing = await fetch(`${url}/api/v1/no-such-thing?personnummer=191212121212`, {
      headers: { authorization: 'Bearer abc.def.ghi', 'x-request-id': 'probe-request-0001' },
    });
    expect(missing.status).toBe(404);

    const [line] = await api.waitFor(/\{[^\n]*"probe-request-0001"[^\n]*\}/);
    expect(JSON.parse(line)).toMatchObject({
      level: 'warn',
      service: 'samverkan-api',
      msg: 'request completed',
      requestId: 'probe-request-0001',
      method: 'GET',
      path: '/api/v1/no-such-thing',
      status: 404,
    });
    expect(api.text).not.toContain('191212121212');
    expect(api.text).not.toContain('abc.def.ghi');

    api.signal('SIGTERM');
    const exit = await api.exited;
    expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
  });
});
