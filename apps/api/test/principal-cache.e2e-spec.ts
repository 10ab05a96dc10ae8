import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FixedClock } from '@samverkan/platform';
import { createApiApp } from '../src/api.factory.js';
import { TestApi } from './support/test-api.js';

/**
 * The principal cache (#19, principal-cache.ts) keeps revocation immediate in every api process:
 * two api instances share one PostgreSQL and one Redis; a change made through one is refused (or
 * seen) by the very next request to the other, which had the principal cached. With Redis
 * unreachable there is no cache. A change made behind the api's back (SQL) shows only after the
 * TTL or the next membership boundary, which proves the cache is really in use here.
 */
describe('principal cache across api processes', () => {
  const TTL_MS = 300_000;
  const clock = new FixedClock(new Date());
  let a: TestApi;
  let b: NestFastifyApplication;
  let noRedis: NestFastifyApplication;
  let orgAdmin: string;

  const start = async (app: NestFastifyApplication) => {
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return app;
  };
  const onB = async (token: string, url = '/api/v1/me') => {
    const res = await b.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    return { status: res.statusCode, body: res.statusCode === 200 ? res.json() : undefined };
  };

  beforeAll(async () => {
    a = await TestApi.start({ PRINCIPAL_CACHE_TTL_MS: String(TTL_MS) }, { clock });
    b = await start(await createApiApp(a.env.config, { clock }));
    noRedis = await start(await createApiApp(a.env.withConfig({ REDIS_URL: 'redis://127.0.0.1:1' }), { clock }));
    orgAdmin = await a.token('it@hammaro.test');
  }, 120_000);

  afterAll(async () => {
    await noRedis?.close();
    await b?.close();
    await a?.close();
  });

  it('uses the cache: a change behind the api is seen only after the TTL', async () => {
    const token = await a.token('revisor@hammaro.test');
    const before = (await onB(token)).body.user.displayName;
    await a.db.query(`UPDATE users SET display_name = 'Ändrad i SQL' WHERE email = 'revisor@hammaro.test'`);
    expect((await onB(token)).body.user.displayName).toBe(before);
    clock.advance(TTL_MS);
    expect((await onB(token)).body.user.displayName).toBe('Ändrad i SQL');
  });

  it('a deactivation through one process is refused by the next request to the other', async () => {
    const token = await a.token('vaktare@hammaro.test');
    expect((await onB(token)).status).toBe(200);
    const userId = await a.userId('vaktare@hammaro.test');
    expect((await a.call('POST', `/api/v1/users/${userId}/deactivate`, { token: orgAdmin })).status).toBe(200);
    expect((await onB(token)).status).toBe(401);
  });

  it('a role given or ended through one process holds at once in the other', async () => {
    const userId = await a.userId('trygghet@hammaro.test');
    const token = await a.token('trygghet@hammaro.test');
    expect((await onB(token)).body.permissions).not.toHaveProperty('inspection:plan');
    const alkohol = await a.unitId('Hammarö kommun', 'Alkoholhandläggning');
    const given = await a.call('POST', `/api/v1/users/${userId}/memberships`, { token: orgAdmin, body: { unitId: alkohol, role: 'licensing_officer' } });
    expect(given.status).toBe(201);
    expect((await onB(token)).body.permissions).toHaveProperty('inspection:plan', 'organisation');
    const membership = given.body.memberships.find((m: { role: string }) => m.role === 'licensing_officer');
    clock.advance(1_000); // a membership ends after it began
    expect((await a.call('POST', `/api/v1/users/${userId}/memberships/${membership.id}/end`, { token: orgAdmin })).status).toBe(200);
    expect((await onB(token)).body.permissions).not.toHaveProperty('inspection:plan');
  });

  it('a membership that ends by its date ends in the cache too, before the TTL', async () => {
    const userId = await a.userId('chef@hammaro.test');
    const alkohol = await a.unitId('Hammarö kommun', 'Alkoholhandläggning');
    const validUntil = new Date(clock.now().getTime() + 120_000).toISOString();
    const given = await a.call('POST', `/api/v1/users/${userId}/memberships`, {
      token: orgAdmin,
      body: { unitId: alkohol, role: 'licensing_officer', validUntil },
    });
    expect(given.status).toBe(201);
    const token = await a.token('chef@hammaro.test');
    expect((await onB(token)).body.permissions).toHaveProperty('inspection:plan', 'organisation');
    clock.advance(180_000);
    expect((await onB(token)).body.permissions).not.toHaveProperty('inspection:plan');
  });

  it('signing out, and a session ended by its user or an admin, are refused at once in the other process', async () => {
    const signedOut = await a.login('alkohol@hammaro.test');
    expect((await onB(signedOut.accessToken)).status).toBe(200);
    expect((await a.call('POST', '/api/v1/auth/logout', { body: { refreshToken: signedOut.refreshToken } })).status).toBe(204);
    expect((await onB(signedOut.accessToken)).status).toBe(401);

    const [mine, other] = [await a.token('alkohol@hammaro.test'), await a.token('alkohol@hammaro.test')];
    expect((await onB(other)).status).toBe(200);
    expect((await a.call('POST', '/api/v1/me/sessions/sign-out-others', { token: mine })).body).toEqual({ ended: 1 });
    expect((await onB(other)).status).toBe(401);
    expect((await onB(mine)).status).toBe(200);

    const userId = await a.userId('alkohol@hammaro.test');
    expect((await a.call('POST', `/api/v1/users/${userId}/sessions/end`, { token: orgAdmin })).status).toBe(200);
    expect((await onB(mine)).status).toBe(401);
  });

  it('a replayed refresh token ends its session at once in the other process', async () => {
    const pair = await a.login('socialchef@hammaro.test');
    expect((await a.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: pair.refreshToken } })).status).toBe(200);
    const renewed = await a.login('socialchef@hammaro.test');
    // Not the same session: the replay ends only the first one.
    expect((await onB(pair.accessToken)).status).toBe(200);
    expect((await onB(renewed.accessToken)).status).toBe(200);
    expect((await a.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: pair.refreshToken } })).status).toBe(401);
    expect((await onB(pair.accessToken)).status).toBe(401);
    expect((await onB(renewed.accessToken)).status).toBe(200);
  });

  it('with Redis unreachable there is no cache: PostgreSQL answers every request', async () => {
    const token = await a.token('polis@karlstad.polisen.test');
    const me = () => noRedis.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
    expect((await me()).statusCode).toBe(200);
    await a.db.query(`UPDATE users SET is_active = false WHERE email = 'polis@karlstad.polisen.test'`);
    expect((await me()).statusCode).toBe(401);
  });
});
