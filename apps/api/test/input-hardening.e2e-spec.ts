/**
 * One request per class of malformed input that answered 500 (or Fastify's own JSON) before
 * issue #15; each is now a 4xx problem+json with a code. The fuzz test (fuzz.e2e-spec.ts) looks
 * for more like them; these pin the ones found.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { coded, TestApi } from './support/test-api.js';

describe('malformed input (issue #15: no 500, ever)', () => {
  let api: TestApi;
  let admin: string;
  let coordinator: string;
  let actionId: string;
  let commitmentId: string;

  beforeAll(async () => {
    api = await TestApi.start({}, { promises: true });
    admin = await api.token('admin@samverkan.test');
    coordinator = await api.token('trygghet@hammaro.test');
    [{ id: actionId }] = await api.db.query<{ id: string }[]>('SELECT id FROM actions ORDER BY id LIMIT 1');
    [{ id: commitmentId }] = await api.db.query<{ id: string }[]>('SELECT id FROM commitments ORDER BY id LIMIT 1');
  }, 60_000);

  afterAll(async () => {
    await api?.close();
  });

  /** The problem+json answer of a request sent as raw text. */
  async function raw(method: 'GET' | 'POST' | 'PATCH', url: string, options: { token?: string; payload?: string; headers?: Record<string, string> } = {}) {
    const res = await api.app.inject({
      method,
      url,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.payload !== undefined ? { 'content-type': 'application/json' } : {}),
        ...options.headers,
      },
      payload: options.payload,
    });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    return { status: res.statusCode, body: res.json() };
  }

  describe('JSON nested deeper than the limit', () => {
    it('is a 400 before any guard: unauthenticated, on /auth/refresh', async () => {
      const deep = '{"refreshToken":' + '['.repeat(50_000) + ']'.repeat(50_000) + '}';
      const res = await raw('POST', '/api/v1/auth/refresh', { payload: deep });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'http.json_too_deep', params: { maxDepth: 32 } });
    });

    it('keeps ordinary nesting, and brackets inside strings do not count', async () => {
      const res = await raw('POST', '/api/v1/auth/refresh', { payload: JSON.stringify({ refreshToken: '['.repeat(100) }) });
      expect(res.status).toBe(401);
    });
  });

  describe('NUL and lone surrogates', () => {
    it('refuses NUL in a query string', async () => {
      const res = await raw('GET', '/api/v1/users?q=a%00b', { token: admin });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([coded('q', 'field.text')]);
    });

    it('refuses NUL in a path parameter before a guard or the audit of the refusal reads it', async () => {
      const res = await raw('PATCH', '/api/v1/actions/%00', { token: coordinator, payload: '{}', headers: { 'if-match': '"1"' } });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([coded('id', 'field.text')]);
    });

    it('refuses NUL and a lone surrogate in body text, naming the fields', async () => {
      const payload = `{"commitmentId":"${commitmentId}","title":"Hardening-probe\\u0000","description":"\\ud800 broken","responsibleOrganisationId":"${commitmentId}"}`;
      const res = await raw('POST', '/api/v1/actions', { token: coordinator, payload });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([coded('title', 'field.text'), coded('description', 'field.text')]);
      const [{ count }] = await api.db.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM actions WHERE title LIKE 'Hardening-probe%'`);
      expect(count).toBe(0);
    });

    it('takes a well-formed pair of surrogates (an emoji) as text', async () => {
      const res = await api.call('GET', `/api/v1/users?q=${encodeURIComponent('Sara 😀')}`, { token: admin });
      expect(res.status).toBe(200);
    });
  });

  describe('dates and times', () => {
    it('refuses a day that does not exist: 2026-02-30', async () => {
      const res = await raw('GET', '/api/v1/actions?dueBefore=2026-02-30', { token: coordinator });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([coded('dueBefore', 'field.date')]);
    });

    it('refuses a date-time on a day that does not exist, and forms JavaScript reads otherwise (2026-W01)', async () => {
      const res = await raw('GET', '/api/v1/audit-events?from=2026-02-30T10:00:00Z&to=2026-W01', { token: admin });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual(expect.arrayContaining([coded('from', 'field.datetime'), coded('to', 'field.datetime')]));
    });

    it('refuses year 9999 (in Europe/Stockholm, a day later is year 10000) in dates and date-times', async () => {
      const date = await raw('GET', '/api/v1/actions?dueBefore=9999-12-31', { token: coordinator });
      expect(date.status).toBe(400);
      expect(date.body.errors).toEqual([coded('dueBefore', 'field.year_range', { min: 1900, max: 2200 })]);

      const time = await raw('GET', `/api/v1/audit-events?to=${encodeURIComponent('9999-12-31T23:59:59+01:00')}`, { token: admin });
      expect(time.status).toBe(400);
      expect(time.body.errors).toEqual([coded('to', 'field.year_range', { min: 1900, max: 2200 })]);
    });
  });

  describe('numbers', () => {
    it('refuses an offset beyond what PostgreSQL counts (1e20)', async () => {
      for (const offset of ['1e20', '100000000000000000000']) {
        const res = await raw('GET', `/api/v1/users?offset=${offset}`, { token: admin });
        expect(res.status).toBe(400);
        expect(res.body.errors).toEqual([coded('offset', 'field.max', { max: 2_147_483_647 })]);
      }
    });

    it('refuses a tiny float (1e-320) where two decimals are allowed', async () => {
      const res = await raw('PATCH', `/api/v1/actions/${actionId}`, { token: coordinator, payload: '{"weight":1e-320}', headers: { 'if-match': '"1"' } });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([coded('weight', 'field.number')]);
    });

    it('refuses an If-Match beyond the range of a version', async () => {
      const res = await raw('PATCH', `/api/v1/actions/${actionId}`, {
        token: coordinator,
        payload: '{"note":"x"}',
        headers: { 'if-match': '"99999999999999999999"' },
      });
      expect(res.status).toBe(428);
      expect(res.body.code).toBe('version.if_match_required');
    });
  });

  describe('addresses the router refuses', () => {
    it('answers a 5 000-character path parameter with a 414 problem', async () => {
      const res = await raw('GET', `/api/v1/users/${'a'.repeat(5000)}`, { token: admin });
      expect(res.status).toBe(414);
      expect(res.body).toMatchObject({ code: 'http.uri_too_long', status: 414 });
      expect(res.body.requestId).toEqual(expect.any(String));
    });

    it('answers a bad percent-encoding with a 400 problem', async () => {
      const res = await raw('GET', '/%E0%A4%A');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'http.bad_url', status: 400 });
    });
  });

  it('refuses a prototype-polluting key and pollutes nothing', async () => {
    const res = await raw('POST', '/api/v1/auth/refresh', { payload: '{"refreshToken":"x","__proto__":{"polluted":true}}' });
    expect(res.status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
