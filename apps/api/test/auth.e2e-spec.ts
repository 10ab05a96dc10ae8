import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import argon2 from 'argon2';
import { FixedClock, jwtSecret } from '@samverkan/platform';
import { coded, DEMO_PASSWORD, TestApi } from './support/test-api.js';

describe('authentication', () => {
  const clock = new FixedClock(new Date());
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }, { clock });
  });

  afterAll(async () => {
    await api?.close();
  });

  describe('login', () => {
    it('returns a short-lived access token and a refresh token', async () => {
      const res = await api.call('POST', '/api/v1/auth/login', {
        body: { email: 'Socialsekreterare@Hammaro.test', password: DEMO_PASSWORD },
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        refreshToken: expect.stringMatching(/^[0-9a-f-]{36}\.[\w-]+$/),
        expiresIn: 900,
        tokenType: 'Bearer',
      });
      const [, payload] = res.body.accessToken.split('.');
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
      expect(claims.exp - claims.iat).toBeLessThanOrEqual(15 * 60);

      const me = await api.call('GET', '/api/v1/me', { token: res.body.accessToken });
      expect(me.status).toBe(200);
      expect(me.body.user.email).toBe('socialsekreterare@hammaro.test');
      expect(me.body.memberships).toEqual([expect.objectContaining({ role: 'social_worker', unit: expect.objectContaining({ name: 'Socialtjänsten' }) })]);
      expect(me.body.collaborations).toEqual([expect.objectContaining({ name: 'Hammarö' })]);
      expect(me.body.permissions).toMatchObject({ 'youth_case:read': 'unit', 'promise:read': 'collaboration' });
      expect(me.body.permissions).not.toHaveProperty('user:manage');
    });

    it('hashes with argon2id at m=19 MiB, t=2, p=1 and moves an older hash to it at the next sign-in (#19)', async () => {
      const email = 'vaktare@hammaro.test';
      const [{ password_hash: seeded }] = await api.db.query<{ password_hash: string }[]>('SELECT password_hash FROM users WHERE email = $1', [email]);
      expect(seeded).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
      // A hash made before #19, with the library's defaults (64 MiB, 3 passes, 4 lanes).
      const older = await argon2.hash(DEMO_PASSWORD, { type: argon2.argon2id, memoryCost: 65_536, timeCost: 3, parallelism: 4 });
      await api.db.query('UPDATE users SET password_hash = $2 WHERE email = $1', [email, older]);

      const wrong = await api.call('POST', '/api/v1/auth/login', { body: { email, password: 'not-the-password' } });
      expect(wrong.status).toBe(401);
      const [{ password_hash: kept }] = await api.db.query<{ password_hash: string }[]>('SELECT password_hash FROM users WHERE email = $1', [email]);
      expect(kept).toBe(older);

      expect((await api.call('POST', '/api/v1/auth/login', { body: { email, password: DEMO_PASSWORD } })).status).toBe(200);
      const [{ password_hash: moved }] = await api.db.query<{ password_hash: string }[]>('SELECT password_hash FROM users WHERE email = $1', [email]);
      expect(moved).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
      expect(await argon2.verify(moved, DEMO_PASSWORD)).toBe(true);
      expect((await api.call('POST', '/api/v1/auth/login', { body: { email, password: DEMO_PASSWORD } })).status).toBe(200);
    });

    it('gives the same answer for an unknown address and a wrong password', async () => {
      const unknown = await api.call('POST', '/api/v1/auth/login', { body: { email: 'nobody@hammaro.test', password: DEMO_PASSWORD } });
      const wrong = await api.call('POST', '/api/v1/auth/login', { body: { email: 'chef@hammaro.test', password: 'not-the-password' } });
      expect(unknown.status).toBe(401);
      expect(wrong.status).toBe(401);
      const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
      expect(strip(unknown.body)).toEqual(strip(wrong.body));
      expect(unknown.body.detail).toBe('Fel e-postadress eller lösenord (Invalid email or password).');
    });

    it('rejects a malformed body with field-level messages', async () => {
      const res = await api.call('POST', '/api/v1/auth/login', { body: { email: 'not-an-address', extra: 1 } });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([coded('email', 'field.email'), coded('password', 'field.string'), coded('extra', 'field.unknown')]),
      );
    });

    it('records successful and failed logins in the audit trail', async () => {
      const userId = await api.userId('socialsekreterare@hammaro.test');
      const logins = await api.auditEvents('auth.login');
      expect(logins).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ actor_user_id: userId, outcome: 'success' }),
          expect.objectContaining({ actor_user_id: null, outcome: 'failure', details: { reason: 'unknown_user' } }),
          expect.objectContaining({ actor_user_id: await api.userId('chef@hammaro.test'), outcome: 'failure' }),
        ]),
      );
      // Nothing the person typed is stored: neither the address tried nor the password.
      const all = JSON.stringify(await api.db.query('SELECT * FROM audit_events'));
      expect(all).not.toContain('nobody@hammaro.test');
      expect(all).not.toContain('not-the-password');
    });
  });

  describe('refresh tokens', () => {
    it('rotate: each refresh gives a new pair and the old refresh token stops working', async () => {
      const first = await api.login('alkohol@hammaro.test');
      const second = await api.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: first.refreshToken } });
      expect(second.status).toBe(200);
      expect(second.body.refreshToken).not.toBe(first.refreshToken);
      expect((await api.call('GET', '/api/v1/me', { token: second.body.accessToken })).status).toBe(200);

      const third = await api.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: second.body.refreshToken } });
      expect(third.status).toBe(200);
    });

    it('revoke the whole family when an old refresh token is used again', async () => {
      const first = await api.login('trygghet@hammaro.test');
      const second = await api.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: first.refreshToken } });
      expect(second.status).toBe(200);

      const replay = await api.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: first.refreshToken } });
      expect(replay.status).toBe(401);
      // The thief's replay also ends the legitimate holder's session: the newest token is dead too.
      const newest = await api.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: second.body.refreshToken } });
      expect(newest.status).toBe(401);

      const userId = await api.userId('trygghet@hammaro.test');
      expect(await api.auditEvents('auth.refresh_reuse')).toEqual([expect.objectContaining({ actor_user_id: userId, outcome: 'denied', resource_id: userId })]);
    });

    it('reject a forged or malformed token', async () => {
      const real = await api.login('chef@hammaro.test');
      const [id] = real.refreshToken.split('.');
      for (const refreshToken of [`${id}.forgedforgedforgedforgedforged`, 'nonsense', `${id}.`]) {
        expect((await api.call('POST', '/api/v1/auth/refresh', { body: { refreshToken } })).status).toBe(401);
      }
      expect((await api.call('POST', '/api/v1/auth/refresh', { body: {} })).status).toBe(400);
    });

    it('stop working after logout', async () => {
      const pair = await api.login('vaktare@hammaro.test');
      const out = await api.call('POST', '/api/v1/auth/logout', { body: { refreshToken: pair.refreshToken } });
      expect(out.status).toBe(204);
      expect((await api.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: pair.refreshToken } })).status).toBe(401);
      expect(await api.auditEvents('auth.logout')).toEqual([
        expect.objectContaining({ actor_user_id: await api.userId('vaktare@hammaro.test'), outcome: 'success' }),
      ]);
    });

    it('expire after REFRESH_TOKEN_TTL_DAYS', async () => {
      const pair = await api.login('revisor@hammaro.test');
      clock.advance(15 * 24 * 3600 * 1000);
      try {
        expect((await api.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: pair.refreshToken } })).status).toBe(401);
      } finally {
        clock.advance(-15 * 24 * 3600 * 1000);
      }
    });
  });

  describe('sessions', () => {
    it('record how the user signed in; a password session is strong only under the demo setting, and ends with its reason', async () => {
      const pair = await api.login('trygghet@hammaro.test');
      const me = await api.call('GET', '/api/v1/me', { token: pair.accessToken });
      expect(me.status).toBe(200);
      // The tests run with DEMO_STRONG_PASSWORD_SESSIONS on (libs/testing), as the demo does.
      expect(me.body.session).toEqual({ id: expect.any(String), method: 'password', strong: true, strongAt: expect.any(String) });
      const [session] = await api.db.query(`SELECT user_id, method, user_agent, ended_at FROM auth_sessions WHERE id = $1`, [me.body.session.id]);
      expect(session).toEqual({ user_id: await api.userId('trygghet@hammaro.test'), method: 'password', user_agent: expect.any(String), ended_at: null });

      expect((await api.call('POST', '/api/v1/auth/logout', { body: { refreshToken: pair.refreshToken } })).status).toBe(204);
      expect(await api.db.query(`SELECT ended_reason FROM auth_sessions WHERE id = $1`, [me.body.session.id])).toEqual([{ ended_reason: 'signed_out' }]);
    });

    it('end when their refresh token is replayed', async () => {
      const first = await api.login('vaktare@hammaro.test');
      const sessionOf = async (token: string) => (await api.call('GET', '/api/v1/me', { token })).body.session.id as string;
      const replayed = await sessionOf(first.accessToken);
      await api.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: first.refreshToken } });
      await api.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: first.refreshToken } });
      expect(await api.db.query(`SELECT ended_reason FROM auth_sessions WHERE id = $1`, [replayed])).toEqual([{ ended_reason: 'replayed' }]);
    });
  });

  describe('lockout', () => {
    it('locks the account for 15 minutes after 5 failed logins within 15 minutes', async () => {
      const email = 'polis@karlstad.polisen.test';
      for (let i = 0; i < 5; i += 1) {
        expect((await api.call('POST', '/api/v1/auth/login', { body: { email, password: `wrong-${i}` } })).status).toBe(401);
      }
      // Locked: even the right password is refused, with the same answer as any failure.
      const locked = await api.call('POST', '/api/v1/auth/login', { body: { email, password: DEMO_PASSWORD } });
      expect(locked.status).toBe(401);
      expect(locked.body.detail).toBe('Fel e-postadress eller lösenord (Invalid email or password).');
      expect(await api.auditEvents('auth.lockout')).toEqual([expect.objectContaining({ actor_user_id: await api.userId(email), outcome: 'denied' })]);

      clock.advance(14 * 60 * 1000);
      expect((await api.call('POST', '/api/v1/auth/login', { body: { email, password: DEMO_PASSWORD } })).status).toBe(401);
      clock.advance(2 * 60 * 1000);
      expect((await api.call('POST', '/api/v1/auth/login', { body: { email, password: DEMO_PASSWORD } })).status).toBe(200);
    });

    it('does not lock when the failures are spread over more than 15 minutes', async () => {
      const email = 'insatschef@karlstad.polisen.test';
      for (let i = 0; i < 4; i += 1) {
        await api.call('POST', '/api/v1/auth/login', { body: { email, password: 'wrong' } });
      }
      clock.advance(16 * 60 * 1000);
      await api.call('POST', '/api/v1/auth/login', { body: { email, password: 'wrong' } });
      expect((await api.call('POST', '/api/v1/auth/login', { body: { email, password: DEMO_PASSWORD } })).status).toBe(200);
    });
  });

  describe('deactivation', () => {
    it('stops the user’s tokens and logins at once', async () => {
      const victim = await api.login('socialchef@hammaro.test');
      expect((await api.call('GET', '/api/v1/me', { token: victim.accessToken })).status).toBe(200);

      const admin = await api.token('it@hammaro.test');
      const userId = await api.userId('socialchef@hammaro.test');
      const res = await api.call('POST', `/api/v1/users/${userId}/deactivate`, { token: admin });
      expect(res.status).toBe(200);
      expect(res.body.isActive).toBe(false);

      expect((await api.call('GET', '/api/v1/me', { token: victim.accessToken })).status).toBe(401);
      expect((await api.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: victim.refreshToken } })).status).toBe(401);
      expect((await api.call('POST', '/api/v1/auth/login', { body: { email: 'socialchef@hammaro.test', password: DEMO_PASSWORD } })).status).toBe(401);
      expect(await api.auditEvents('user.deactivate')).toEqual([
        expect.objectContaining({ actor_user_id: await api.userId('it@hammaro.test'), resource_id: userId }),
      ]);

      expect(await api.db.query(`SELECT DISTINCT ended_reason FROM auth_sessions WHERE user_id = $1`, [userId])).toEqual([{ ended_reason: 'deactivated' }]);
      expect((await api.call('POST', `/api/v1/users/${userId}/reactivate`, { token: admin })).status).toBe(200);
      expect((await api.call('GET', '/api/v1/me', { token: victim.accessToken })).status).toBe(401); // old tokens stay dead
      expect((await api.call('POST', '/api/v1/auth/login', { body: { email: 'socialchef@hammaro.test', password: DEMO_PASSWORD } })).status).toBe(200);
    });
  });

  describe('access tokens', () => {
    it('stop working at once after logout', async () => {
      const pair = await api.login('chef@hammaro.test');
      expect((await api.call('GET', '/api/v1/me', { token: pair.accessToken })).status).toBe(200);
      expect((await api.call('POST', '/api/v1/auth/logout', { body: { refreshToken: pair.refreshToken } })).status).toBe(204);
      expect((await api.call('GET', '/api/v1/me', { token: pair.accessToken })).status).toBe(401);
    });

    it('stop working at once when refresh-token reuse revokes the family, every token of it', async () => {
      const first = await api.login('alkohol@hammaro.test');
      const second = (await api.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: first.refreshToken } })).body;
      const other = await api.login('alkohol@hammaro.test'); // another session of the same user
      expect((await api.call('GET', '/api/v1/me', { token: second.accessToken })).status).toBe(200);

      expect((await api.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: first.refreshToken } })).status).toBe(401);
      expect((await api.call('GET', '/api/v1/me', { token: first.accessToken })).status).toBe(401);
      expect((await api.call('GET', '/api/v1/me', { token: second.accessToken })).status).toBe(401);
      // Only the replayed session ends; the user's other sign-in goes on.
      expect((await api.call('GET', '/api/v1/me', { token: other.accessToken })).status).toBe(200);
    });

    it('name the issuer, the audience and the session, and live no longer than the configured lifetime', async () => {
      const pair = await api.login('chef@hammaro.test');
      const claims = JSON.parse(Buffer.from(pair.accessToken.split('.')[1], 'base64url').toString());
      const [{ family_id: familyId }] = await api.db.query<{ family_id: string }[]>('SELECT family_id FROM refresh_tokens WHERE id = $1', [
        pair.refreshToken.split('.')[0],
      ]);
      expect(claims).toEqual({
        sub: await api.userId('chef@hammaro.test'),
        tv: expect.any(Number),
        sid: familyId,
        iss: 'samverkan',
        aud: 'samverkan-api',
        iat: expect.any(Number),
        exp: claims.iat + 900,
      });
    });

    it('are refused when hand-signed with the real key but missing or wrong in a required claim', async () => {
      const pair = await api.login('chef@hammaro.test');
      const valid = JSON.parse(Buffer.from(pair.accessToken.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
      const now = Math.floor(Date.now() / 1000);
      const sign = (claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }) => {
        const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
        const unsigned = `${part(header)}.${part(claims)}`;
        return `${unsigned}.${createHmac('sha256', jwtSecret(api.env.config)).update(unsigned).digest('base64url')}`;
      };
      const without = (name: string) => Object.fromEntries(Object.entries(valid).filter(([key]) => key !== name));
      // The signing helper is right: the same claims, signed by hand, are accepted.
      expect((await api.call('GET', '/api/v1/me', { token: sign(valid) })).status).toBe(200);

      const forged: Record<string, Record<string, unknown>> = {
        'no exp': without('exp'),
        'no iat': without('iat'),
        'no tv': without('tv'),
        'no sid': without('sid'),
        'no iss': without('iss'),
        'no aud': without('aud'),
        'wrong iss': { ...valid, iss: 'someone-else' },
        'wrong aud': { ...valid, aud: 'samverkan-web' },
        'audience list with ours among others': { ...valid, aud: ['samverkan-api', 'other'] },
        'tv as text': { ...valid, tv: String(valid.tv) },
        'stale tv': { ...valid, tv: Number(valid.tv) + 1 },
        'sid not a uuid': { ...valid, sid: 'not-a-uuid' },
        'sid of no session': { ...valid, sid: '00000000-0000-4000-8000-000000000000' },
        'sid of another user': { ...valid, sub: await api.userId('alkohol@hammaro.test') },
        'expiry beyond the lifetime': { ...valid, iat: now - 3600, exp: now + 3600 },
        expired: { ...valid, iat: now - 1000, exp: now - 100 },
      };
      for (const [name, claims] of Object.entries(forged)) {
        const res = await api.call('GET', '/api/v1/me', { token: sign(claims) });
        expect({ name, status: res.status }).toEqual({ name, status: 401 });
      }
      expect((await api.call('GET', '/api/v1/me', { token: sign(valid, { alg: 'none', typ: 'JWT' }) })).status).toBe(401);
    });
  });

  it('rejects requests without a valid token', async () => {
    expect((await api.call('GET', '/api/v1/me')).status).toBe(401);
    expect((await api.call('GET', '/api/v1/me', { token: 'not.a.jwt' })).status).toBe(401);
    const res = await api.call('GET', '/api/v1/users');
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });
});

describe('login rate limit', () => {
  let api: TestApi;

  beforeAll(async () => {
    // The limit counts per minute of the clock: a fixed clock keeps the four attempts in one minute
    // (with the real one, a slow run could cross into the next and start counting again).
    api = await TestApi.start({ LOGIN_RATE_LIMIT_PER_MINUTE: '3' }, { clock: new FixedClock(new Date()) });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('answers 429 with Retry-After once an address exceeds the limit, per address', async () => {
    const attempt = (ip: string) => api.call('POST', '/api/v1/auth/login', { body: { email: 'chef@hammaro.test', password: 'wrong' }, ip });
    for (let i = 0; i < 3; i += 1) expect((await attempt('10.1.1.1')).status).toBe(401);
    const limited = await attempt('10.1.1.1');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body).toMatchObject({ type: 'urn:samverkan:problem:auth.rate_limited', code: 'auth.rate_limited', status: 429 });
    expect((await attempt('10.2.2.2')).status).toBe(401);
  });
});
