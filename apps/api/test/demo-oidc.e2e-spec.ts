import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
// @ts-expect-error -- a plain script of `npm run demo`, without type declarations
import { DEMO_OIDC_STRONG_ACR, registerDemoOidcProvider, startDemoOidcProvider } from '../../../scripts/demo-oidc.mjs';
import { signInAtProvider } from './support/oidc-provider.js';
import { DEMO_PASSWORD, TestApi } from './support/test-api.js';

/**
 * `DEMO_OIDC=1 npm run demo` (scripts/demo-oidc.mjs): the local OpenID provider registers itself for
 * Hammarö kommun through the api, as an administrator would, and a demo account signs in with it.
 */
describe('the demo’s local OpenID provider (DEMO_OIDC=1)', () => {
  const PUBLIC_URL = 'http://127.0.0.1:3999';
  let api: TestApi;
  let demo: { issuer: string; clientSecret: string; close(): Promise<void> };

  beforeAll(async () => {
    api = await TestApi.start({ PUBLIC_URL, DEMO_STRONG_PASSWORD_SESSIONS: 'false' });
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    demo = await startDemoOidcProvider({ port: 0, redirectUris: [`${PUBLIC_URL}/oidc/callback`] });
  });

  afterAll(async () => {
    await demo?.close();
    await api?.close();
  });

  it('registers itself for Hammarö kommun (again on a restart, with its new secret) and signs a demo account in strongly', async () => {
    const base = await api.app.getUrl();
    const options = { api: base, issuer: demo.issuer, clientSecret: demo.clientSecret, adminEmail: 'admin@samverkan.test', adminPassword: DEMO_PASSWORD };
    await registerDemoOidcProvider(options);
    await registerDemoOidcProvider(options);
    const offered = (await api.call('GET', '/api/v1/auth/oidc/providers')).body as { id: string; displayName: string }[];
    expect(offered.map((p) => p.displayName)).toEqual(['Hammarö kommun (demo)']);

    const started = await api.call('POST', `/api/v1/auth/oidc/${offered[0].id}/start`);
    const answer = await signInAtProvider(demo.issuer, started.body.authorizationUrl, { login: 'socialsekreterare@hammaro.test', acr: DEMO_OIDC_STRONG_ACR });
    const signedIn = await api.call('POST', '/api/v1/auth/oidc/callback', { body: answer });
    expect(signedIn.status).toBe(200);
    const me = await api.call('GET', '/api/v1/me', { token: signedIn.body.accessToken });
    expect(me.body.user.email).toBe('socialsekreterare@hammaro.test');
    expect(me.body.session).toMatchObject({ method: 'oidc', strong: true });
  });
});
