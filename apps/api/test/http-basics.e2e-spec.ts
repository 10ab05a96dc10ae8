import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TestEnvironment } from '@samverkan/testing';
import { createApiApp } from '../src/api.factory.js';
import { coded, DEMO_PASSWORD, TestApi } from './support/test-api.js';

describe('HTTP basics', () => {
  let env: TestEnvironment;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    env = await TestEnvironment.create({ BODY_LIMIT_BYTES: '2048', CORS_ORIGINS: 'https://samverkan.hammaro.se' });
    app = await createApiApp(env.config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app?.close();
    await env?.close();
  });

  it('answers an unknown route with a 404 problem', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/nothing-here?q=1' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({
      type: 'urn:samverkan:problem:http.not_found',
      code: 'http.not_found',
      title: 'Not Found',
      status: 404,
      instance: '/api/v1/nothing-here',
      requestId: res.headers['x-request-id'],
    });
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/health',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 400, title: 'Bad Request', detail: expect.stringMatching(/not valid JSON/) });
  });

  it('answers a body over the limit with a 413 problem', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/health',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ text: 'x'.repeat(4096) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ status: 413, detail: expect.stringMatching(/too large/) });
  });

  it('answers invalid parameters with field-level messages', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/inspections/calendar.ics?token=short&verbose=1' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = res.json();
    expect(body).toMatchObject({ type: 'urn:samverkan:problem:validation', status: 400 });
    expect(body.errors).toEqual(expect.arrayContaining([coded('token', 'field.min_length', { min: 20 }), coded('verbose', 'field.unknown')]));
  });

  it('gives every response a request id and reuses a sane one from the caller', async () => {
    const generated = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);

    const passed = await app.inject({ method: 'GET', url: '/api/v1/health', headers: { 'x-request-id': 'trace-0042-abc' } });
    expect(passed.headers['x-request-id']).toBe('trace-0042-abc');

    const odd = await app.inject({ method: 'GET', url: '/api/v1/health', headers: { 'x-request-id': '<script>' } });
    expect(odd.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets security headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('allows only the configured CORS origins', async () => {
    const allowed = await app.inject({
      method: 'OPTIONS',
      url: '/api/v1/health',
      headers: { origin: 'https://samverkan.hammaro.se', 'access-control-request-method': 'GET' },
    });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://samverkan.hammaro.se');

    const other = await app.inject({
      method: 'GET',
      url: '/api/v1/health',
      headers: { origin: 'https://evil.example' },
    });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('publishes the OpenAPI document and its UI', async () => {
    const json = await app.inject({ method: 'GET', url: '/api/docs-json' });
    expect(json.statusCode).toBe(200);
    const document = json.json();
    expect(document.info.title).toBe('Samverkan API');
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/api/v1/health', '/api/v1/health/ready', '/api/v1/health/worker']));

    const ui = await app.inject({ method: 'GET', url: '/api/docs' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);
    expect(ui.body).toContain('swagger-ui');
  });
});

describe('Cache-Control', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start({}, { promises: true });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('is no-store on every answer that carries tokens or personal data, success or not', async () => {
    const login = await api.call('POST', '/api/v1/auth/login', { body: { email: 'it@hammaro.test', password: DEMO_PASSWORD } });
    expect(login.status).toBe(200);
    expect(login.headers['cache-control']).toBe('no-store');
    const token = login.body.accessToken as string;
    const refreshed = await api.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: login.body.refreshToken } });
    expect(refreshed.status).toBe(200);
    expect(refreshed.headers['cache-control']).toBe('no-store');

    const userId = await api.userId('socialsekreterare@hammaro.test');
    for (const url of ['/api/v1/me', '/api/v1/users?limit=5', `/api/v1/users/${userId}`, '/api/v1/users/not-a-uuid', '/api/v1/nothing-here']) {
      const res = await api.call('GET', url, { token });
      expect({ url, cacheControl: res.headers['cache-control'] }).toEqual({ url, cacheControl: 'no-store' });
    }
    const anonymous = await api.call('GET', '/api/v1/me');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers['cache-control']).toBe('no-store');
  });

  it('keeps a route’s own choice, and leaves public answers cacheable as they were', async () => {
    // The follow-up report chose no-store itself; it stays the one header.
    const [{ id: promiseId }] = await api.db.query<{ id: string }[]>('SELECT id FROM promises LIMIT 1');
    const report = await api.call('GET', `/api/v1/promises/${promiseId}/follow-up-report?year=2020&format=csv`, {
      token: await api.token('chef@hammaro.test'),
    });
    expect(report.status).toBe(200);
    expect(report.headers['cache-control']).toBe('no-store');

    for (const url of ['/api/v1/health', `/api/v1/public/promises/${promiseId}`, '/api/docs-json']) {
      const res = await api.call('GET', url);
      expect({ url, status: res.status, cacheControl: res.headers['cache-control'] }).toEqual({ url, status: 200, cacheControl: undefined });
    }
  });
});
