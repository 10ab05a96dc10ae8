import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FixedClock } from '@samverkan/platform';
import { STRONG_ACR, TestOidcProvider, WEAK_ACR } from './support/oidc-provider.js';
import { TestApi } from './support/test-api.js';

/**
 * Issue #18: sign-in through the organisation's identity provider against a real OpenID provider
 * (oidc-provider) on a local port: real discovery, real signed ID tokens, real codes, no mocks.
 * Passwords are not strong here, so only the provider's strong acr gives a strong session.
 */
describe('sign-in through the organisation’s identity provider (OpenID Connect)', () => {
  const PUBLIC_URL = 'http://samverkan.test:3000';
  const clock = new FixedClock(new Date());
  let api: TestApi;
  let idp: TestOidcProvider;
  let admin: string;
  let providerId: string;

  const start = async () => {
    const res = await api.call('POST', `/api/v1/auth/oidc/${providerId}/start`);
    expect(res.status).toBe(200);
    return res.body.authorizationUrl as string;
  };
  const finish = (answer: Record<string, string>) => api.call('POST', '/api/v1/auth/oidc/callback', { body: answer });

  beforeAll(async () => {
    // Real time for the provider and the api alike; one test moves the api's clock on.
    clock.set(new Date());
    api = await TestApi.start({ DEMO_STRONG_PASSWORD_SESSIONS: 'false', PUBLIC_URL }, { clock });
    idp = await TestOidcProvider.start(
      [`${PUBLIC_URL}/oidc/callback`],
      [
        { clientId: 'samverkan', clientSecret: 'samverkan-test-secret' },
        { clientId: 'another-service', clientSecret: 'another-service-secret' },
      ],
    );
    admin = (await api.login('admin@samverkan.test')).accessToken;
    const created = await api.call('POST', '/api/v1/identity-providers', {
      token: admin,
      body: {
        organisationId: await api.organisationId('Hammarö kommun'),
        displayName: 'Hammarö kommun (SITHS)',
        issuer: idp.issuer,
        clientId: 'samverkan',
        clientSecret: 'samverkan-test-secret',
        strongAcrValues: [STRONG_ACR],
      },
    });
    expect(created.status).toBe(201);
    providerId = created.body.id;
  });

  afterAll(async () => {
    await idp?.close();
    await api?.close();
  });

  it('keeps the client secret sealed and never shows it', async () => {
    const [row] = await api.db.query<{ client_secret: Buffer }[]>('SELECT client_secret FROM identity_providers WHERE id = $1', [providerId]);
    expect(row.client_secret.toString('latin1')).not.toContain('samverkan-test-secret');
    const shown = await api.call('GET', `/api/v1/identity-providers/${providerId}`, { token: admin });
    expect(shown.status).toBe(200);
    expect(JSON.stringify(shown.body)).not.toContain('samverkan-test-secret');
    expect(shown.body).toMatchObject({ displayName: 'Hammarö kommun (SITHS)', clientId: 'samverkan', strongAcrValues: [STRONG_ACR], isActive: true });
    const social = await api.login('socialsekreterare@hammaro.test');
    expect((await api.call('GET', '/api/v1/identity-providers', { token: social.accessToken })).status).toBe(403);
    const trail = await api.call('GET', '/api/v1/audit-events?action=identity_provider.create', { token: admin });
    expect(trail.body.items[0].resource).toMatchObject({ type: 'identity_provider', label: 'Hammarö kommun (SITHS)' });
    const offered = await api.call('GET', '/api/v1/auth/oidc/providers');
    expect(offered.body).toEqual([{ id: providerId, displayName: 'Hammarö kommun (SITHS)' }]);
  });

  it('signs a social worker in with a strong session that keeps the acr and amr (PKCE, state, nonce)', async () => {
    const url = new URL(await start());
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('redirect_uri')).toBe(`${PUBLIC_URL}/oidc/callback`);
    const answer = await idp.signIn(url.href, 'socialsekreterare@hammaro.test');
    const res = await finish(answer);
    expect(res.status).toBe(200);
    const me = await api.call('GET', '/api/v1/me', { token: res.body.accessToken });
    expect(me.body.user.email).toBe('socialsekreterare@hammaro.test');
    expect(me.body.session).toMatchObject({ method: 'oidc', strong: true });
    const [session] = await api.db.query('SELECT acr, amr FROM auth_sessions WHERE id = $1', [me.body.session.id]);
    expect(session).toEqual({ acr: STRONG_ACR, amr: ['hwk', 'pin'] });
    const [event] = (await api.auditEvents('oidc.login')).filter((e) => e.outcome === 'success').slice(-1);
    expect(event.details).toMatchObject({ providerId, acr: STRONG_ACR, strong: true });
  });

  it('gives a non-strong session when the provider’s acr is not among the strong values', async () => {
    const res = await finish(await idp.signIn(await start(), 'socialsekreterare@hammaro.test', WEAK_ACR));
    expect(res.status).toBe(200);
    const me = await api.call('GET', '/api/v1/me', { token: res.body.accessToken });
    expect(me.body.session).toMatchObject({ method: 'oidc', strong: false, strongAt: null });
  });

  it('refuses a replayed state: each attempt is answered once', async () => {
    const answer = await idp.signIn(await start(), 'socialsekreterare@hammaro.test');
    expect((await finish(answer)).status).toBe(200);
    const again = await finish(answer);
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('oidc.state_unknown');
    const unknown = await finish({ state: 'never-issued', code: 'x' });
    expect(unknown.body.code).toBe('oidc.state_unknown');
  });

  it('refuses an ID token issued for another client (wrong audience), the detail only in the audit trail', async () => {
    idp.issueIdTokensFor = 'another-service';
    try {
      const res = await finish(await idp.signIn(await start(), 'socialsekreterare@hammaro.test'));
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('oidc.id_token_invalid');
      expect(res.body.detail).not.toMatch(/aud/);
    } finally {
      idp.issueIdTokensFor = undefined;
    }
    const [event] = (await api.auditEvents('oidc.login')).slice(-1);
    expect(event.outcome).toBe('failure');
    expect(event.details.reason).toBe('id_token_invalid');
    expect(event.details.detail).toMatch(/aud/);
  });

  it('refuses an expired ID token', async () => {
    idp.idTokenTtlSeconds = 60;
    try {
      const answer = await idp.signIn(await start(), 'socialsekreterare@hammaro.test');
      // The answer arrives five minutes later: the token (one minute) has expired, the attempt (ten) has not.
      clock.advance(5 * 60_000);
      const res = await finish(answer);
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('oidc.id_token_invalid');
    } finally {
      idp.idTokenTtlSeconds = 300;
      clock.set(new Date());
    }
    const [event] = (await api.auditEvents('oidc.login')).slice(-1);
    expect(event.details.detail).toMatch(/exp/);
  });

  it('refuses an answer whose nonce belongs to another attempt', async () => {
    // An attacker's authorization request: our state, but a nonce of their own choosing.
    const url = new URL(await start());
    url.searchParams.set('nonce', 'chosen-by-someone-else');
    const res = await finish(await idp.signIn(url.href, 'socialsekreterare@hammaro.test'));
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('oidc.nonce_mismatch');
  });

  it('refuses a person with no account when the organisation does not allow just-in-time accounts', async () => {
    const res = await finish(await idp.signIn(await start(), 'ny.person@hammaro.test'));
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('oidc.no_account');
    expect(await api.db.query(`SELECT 1 FROM users WHERE email = 'ny.person@hammaro.test'`)).toEqual([]);
    const [event] = (await api.auditEvents('oidc.login')).slice(-1);
    expect(event).toMatchObject({ outcome: 'denied', details: expect.objectContaining({ reason: 'no_account' }) });
  });

  it('creates the account with the default role where just-in-time accounts are allowed (audited)', async () => {
    const shown = await api.call('GET', `/api/v1/identity-providers/${providerId}`, { token: admin });
    const unitId = await api.unitId('Hammarö kommun', 'Socialtjänsten');
    const refused = await api.call('PATCH', `/api/v1/identity-providers/${providerId}`, {
      token: admin,
      headers: { 'if-match': shown.headers.etag as string },
      body: { jitAllowed: true, jitRole: 'police_officer', jitUnitId: unitId },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'jitRole', code: 'role.organisation_kind' })]);
    const changed = await api.call('PATCH', `/api/v1/identity-providers/${providerId}`, {
      token: admin,
      headers: { 'if-match': shown.headers.etag as string },
      body: { jitAllowed: true, jitRole: 'social_worker', jitUnitId: unitId },
    });
    expect(changed.status).toBe(200);
    const stale = await api.call('PATCH', `/api/v1/identity-providers/${providerId}`, {
      token: admin,
      headers: { 'if-match': shown.headers.etag as string },
      body: { isActive: false },
    });
    expect(stale.status).toBe(412);

    const res = await finish(await idp.signIn(await start(), 'ny.person@hammaro.test'));
    expect(res.status).toBe(200);
    const me = await api.call('GET', '/api/v1/me', { token: res.body.accessToken });
    expect(me.body.user).toMatchObject({ email: 'ny.person@hammaro.test', displayName: 'Ny Person' });
    const [membership] = await api.db.query('SELECT role, unit_id FROM memberships WHERE user_id = $1', [me.body.user.id]);
    expect(membership).toEqual({ role: 'social_worker', unit_id: unitId });
    const [created] = await api.auditEvents('oidc.account_created');
    expect(created).toMatchObject({ resource_id: me.body.user.id, details: expect.objectContaining({ providerId, role: 'social_worker' }) });

    // A deactivated account does not sign in through its provider either.
    expect((await api.call('POST', `/api/v1/users/${me.body.user.id}/deactivate`, { token: admin })).status).toBe(200);
    const refusedNow = await finish(await idp.signIn(await start(), 'ny.person@hammaro.test'));
    expect(refusedNow.body.code).toBe('oidc.no_account');
    const [event] = (await api.auditEvents('oidc.login')).slice(-1);
    expect(event).toMatchObject({ outcome: 'denied', details: expect.objectContaining({ reason: 'inactive' }) });
  });

  it('matches on the provider’s own subject when so configured: links a just-in-time account, never takes over another by its address', async () => {
    const created = await api.call('POST', '/api/v1/identity-providers', {
      token: admin,
      body: {
        organisationId: await api.organisationId('Hammarö kommun'),
        displayName: 'Hammarö kommun (HSA-id)',
        issuer: idp.issuer,
        clientId: 'samverkan',
        clientSecret: 'samverkan-test-secret',
        userClaim: 'sub',
        matchOn: 'external_subject',
        strongAcrValues: [STRONG_ACR],
        jitAllowed: true,
        jitRole: 'social_worker',
        jitUnitId: await api.unitId('Hammarö kommun', 'Socialtjänsten'),
      },
    });
    expect(created.status).toBe(201);
    const startWith = async () => (await api.call('POST', `/api/v1/auth/oidc/${created.body.id}/start`)).body.authorizationUrl as string;
    const first = await finish(await idp.signIn(await startWith(), 'extern.person@hammaro.test'));
    const again = await finish(await idp.signIn(await startWith(), 'extern.person@hammaro.test'));
    expect([first.status, again.status]).toEqual([200, 200]);
    const ids = await Promise.all(
      [first, again].map(async (res) => (await api.call('GET', '/api/v1/me', { token: res.body.accessToken })).body.user.id as string),
    );
    expect(ids[1]).toBe(ids[0]);
    expect(await api.db.query('SELECT subject FROM external_identities WHERE user_id = $1', [ids[0]])).toEqual([{ subject: 'extern.person@hammaro.test' }]);
    // An existing account with that address but no link to this provider is not taken over.
    const other = await finish(await idp.signIn(await startWith(), 'socialsekreterare@hammaro.test'));
    expect(other.status).toBe(401);
    expect(other.body.code).toBe('oidc.no_account');
  });

  it('accepts an invitation by signing in at the invited organisation’s provider, as the invited person only', async () => {
    const created = await api.call('POST', '/api/v1/users', {
      token: admin,
      body: { email: 'inbjuden.ida@hammaro.test', displayName: 'Ida Inbjuden', organisationId: await api.organisationId('Hammarö kommun') },
    });
    expect(created.status).toBe(201);
    // The invitation link as the mail would carry it (no mail server here): only its SHA-256 is stored.
    const raw = randomBytes(32).toString('base64url');
    await api.db.query(
      `INSERT INTO account_tokens (kind, user_id, token_hash, expires_at, created_at) VALUES ('invitation', $1, $2, now() + interval '72 hours', now())`,
      [created.body.id, createHash('sha256').update(raw).digest('hex')],
    );
    const shown = await api.call('GET', `/api/v1/account/invitation/${raw}`);
    expect(shown.body.identityProviders).toContainEqual({ id: providerId, displayName: 'Hammarö kommun (SITHS)' });
    const startFor = async (invitationToken: string) => api.call('POST', `/api/v1/auth/oidc/${providerId}/start`, { body: { invitationToken } });
    expect((await startFor('x'.repeat(43))).body.code).toBe('account_token.not_found');

    // Someone else signed in at the provider: refused, and the invitation stays open.
    const wrong = await finish(await idp.signIn((await startFor(raw)).body.authorizationUrl, 'socialsekreterare@hammaro.test'));
    expect(wrong.status).toBe(409);
    expect(wrong.body.code).toBe('oidc.invitation_mismatch');
    expect(await api.db.query('SELECT used_at FROM account_tokens WHERE user_id = $1', [created.body.id])).toEqual([{ used_at: null }]);

    const accepted = await finish(await idp.signIn((await startFor(raw)).body.authorizationUrl, 'inbjuden.ida@hammaro.test'));
    expect(accepted.status).toBe(200);
    const me = await api.call('GET', '/api/v1/me', { token: accepted.body.accessToken });
    expect(me.body.user.id).toBe(created.body.id);
    expect(me.body.session).toMatchObject({ method: 'oidc', strong: true });
    expect((await api.call('GET', `/api/v1/account/invitation/${raw}`)).body.code).toBe('account_token.used');
    expect((await api.auditEvents('account.invitation_accept')).map((e) => [e.resource_id, e.details])).toEqual([
      [created.body.id, { providerId, matchOn: 'email' }],
    ]);
  });

  it('says so when the provider answers with an error (the person cancelled)', async () => {
    const state = new URL(await start()).searchParams.get('state')!;
    const res = await finish({ state, error: 'access_denied' });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'oidc.provider_refused', params: { error: 'access_denied' } });
  });

  it('refuses a malformed provider setting next to its field', async () => {
    const res = await api.call('POST', '/api/v1/identity-providers', {
      token: admin,
      body: {
        organisationId: await api.organisationId('Hammarö kommun'),
        displayName: 'Fel',
        issuer: 'not a url',
        clientId: 'x',
        clientSecret: 'y',
        strongAcrValues: 'urn:one',
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['issuer', 'strongAcrValues']);
  });

  it('limits how many sign-ins one address may start', async () => {
    const starts = [];
    for (let i = 0; i < 21; i++) starts.push(await api.call('POST', `/api/v1/auth/oidc/${providerId}/start`, { ip: '203.0.113.18' }));
    expect(starts.slice(0, 20).every((res) => res.status === 200)).toBe(true);
    expect(starts[20].status).toBe(429);
    expect(starts[20].body.code).toBe('auth.rate_limited');
    expect(starts[20].headers['retry-after']).toBeDefined();
  });
});
