import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { migrateDown, migrateUp } from '@samverkan/platform';
import { TestEnvironment } from '@samverkan/testing';
import { createApiApp } from '../src/api.factory.js';
import { migrations } from '@samverkan/migrations';

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

  it('reports the process alive', async () => {
    app = await startApi(env.config);
    const res = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', version: expect.any(String), uptimeSeconds: expect.any(Number) });
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
