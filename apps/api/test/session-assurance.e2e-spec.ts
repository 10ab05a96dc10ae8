import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestApi } from './support/test-api.js';

/**
 * Strong authentication (issue #18) without the demo setting: here a password session is what it
 * is in production, not strong (HSLF-FS 2016:40).
 */
describe('session assurance without DEMO_STRONG_PASSWORD_SESSIONS', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start({ DEMO_STRONG_PASSWORD_SESSIONS: 'false' });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('a password session is not strong', async () => {
    const me = await api.call('GET', '/api/v1/me', { token: await api.token('trygghet@hammaro.test') });
    expect(me.status).toBe(200);
    expect(me.body.session).toEqual({ id: expect.any(String), method: 'password', strong: false, strongAt: null });
    expect(await api.db.query(`SELECT method, strong_at FROM auth_sessions WHERE id = $1`, [me.body.session.id])).toEqual([
      { method: 'password', strong_at: null },
    ]);
  });
});
