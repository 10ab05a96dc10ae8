import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generate } from 'otplib';
import { SoftAuthenticator } from './support/soft-authenticator.js';
import { coded, DEMO_PASSWORD, TestApi } from './support/test-api.js';

const ORIGIN = 'https://samverkan.test';
const RP_ID = 'samverkan.test';

/** The code of the authenticator app `steps` time steps from now (30 s each). */
const totp = (secret: string, steps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

/**
 * Second factors for local accounts (issue #18): TOTP with recovery codes, passkeys and step-up.
 * Password sessions are not strong here (as in production), so strong_at shows what the second
 * factor did.
 */
describe('MFA: TOTP, recovery codes, passkeys, step-up', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start({ DEMO_STRONG_PASSWORD_SESSIONS: 'false', WEBAUTHN_ORIGIN: ORIGIN, WEBAUTHN_RP_ID: RP_ID });
  });

  afterAll(async () => {
    await api?.close();
  });

  /** Enrols TOTP for the user (confirmed with this time step's code); the key and the recovery codes. */
  async function enrolTotp(token: string): Promise<{ secret: string; codes: string[] }> {
    const start = await api.call('POST', '/api/v1/me/mfa/totp', { token });
    expect(start.status).toBe(200);
    const confirmed = await api.call('POST', '/api/v1/me/mfa/totp/confirm', { token, body: { code: await totp(start.body.secret) } });
    expect(confirmed.status).toBe(200);
    return { secret: start.body.secret, codes: confirmed.body.codes };
  }

  const login = (email: string, ip: string, password = DEMO_PASSWORD) => api.call('POST', '/api/v1/auth/login', { body: { email, password }, ip });

  it('enrols TOTP: the key sealed, confirmed with a code, ten recovery codes shown once; then sign-in asks for the code', async () => {
    const email = 'trygghet@hammaro.test';
    const token = await api.token(email);
    const start = await api.call('POST', '/api/v1/me/mfa/totp', { token });
    expect(start.status).toBe(200);
    expect(start.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/Samverkan:trygghet%40hammaro\.test\?secret=/);
    const userId = await api.userId(email);
    const [stored] = await api.db.query(`SELECT secret_sealed, confirmed_at FROM user_totp WHERE user_id = $1`, [userId]);
    expect(stored.confirmed_at).toBeNull();
    expect(stored.secret_sealed.toString('latin1')).not.toContain(start.body.secret);

    // Not active before it is confirmed: the password alone still signs in.
    expect((await login(email, '10.0.1.1')).body).toHaveProperty('accessToken');

    const wrong = await api.call('POST', '/api/v1/me/mfa/totp/confirm', {
      token,
      body: { code: '000000' === (await totp(start.body.secret)) ? '111111' : '000000' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([coded('code', 'mfa.code_wrong')]);
    const confirmed = await api.call('POST', '/api/v1/me/mfa/totp/confirm', { token, body: { code: await totp(start.body.secret) } });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.codes).toHaveLength(10);
    expect(new Set(confirmed.body.codes).size).toBe(10);
    const hashes = await api.db.query(`SELECT code_hash FROM user_recovery_codes WHERE user_id = $1`, [userId]);
    expect(hashes.map((h: { code_hash: string }) => h.code_hash)).not.toContain(confirmed.body.codes[0]);
    expect((await api.call('GET', '/api/v1/me/mfa', { token })).body).toEqual({ totpEnabled: true, recoveryCodesLeft: 10, passkeys: [] });
    // The (weak) password session may not change the factors of an account that has one.
    const again = await api.call('POST', '/api/v1/me/mfa/totp', { token });
    expect(again.status).toBe(403);
    expect(again.body.code).toBe('mfa.recent_strong_required');
    expect(await api.auditEvents('mfa.totp_confirm')).toEqual([expect.objectContaining({ actor_user_id: userId, outcome: 'success' })]);

    // Sign-in: the password answers a challenge, not tokens.
    const first = await login(email, '10.0.1.2');
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ mfaRequired: true, challenge: expect.any(String), methods: ['totp', 'recovery_code'], passkeyOptions: null });
    expect(first.body).not.toHaveProperty('accessToken');
    // The confirming code's time step is spent; the next step's code is within the allowed drift.
    const code = await totp(start.body.secret, 1);
    const second = await api.call('POST', '/api/v1/auth/mfa/totp', { body: { challenge: first.body.challenge, code }, ip: '10.0.1.2' });
    expect(second.status).toBe(200);
    const me = await api.call('GET', '/api/v1/me', { token: second.body.accessToken });
    expect(me.body.session).toEqual(expect.objectContaining({ method: 'password_totp', strong: true, strongAt: expect.any(String) }));

    // The challenge works once, and the same code never works twice.
    const reusedChallenge = await api.call('POST', '/api/v1/auth/mfa/totp', { body: { challenge: first.body.challenge, code }, ip: '10.0.1.2' });
    expect(reusedChallenge.status).toBe(401);
    expect(reusedChallenge.body.code).toBe('mfa.challenge_invalid');
    // The strong session may; the app is set up already.
    expect((await api.call('POST', '/api/v1/me/mfa/totp', { token: second.body.accessToken })).body.code).toBe('mfa.totp_already_enabled');
    const replay = await login(email, '10.0.1.3');
    const replayed = await api.call('POST', '/api/v1/auth/mfa/totp', { body: { challenge: replay.body.challenge, code }, ip: '10.0.1.3' });
    expect(replayed.status).toBe(401);
    expect(replayed.body.code).toBe('mfa.code_invalid');

    // A recovery code signs in once, typed in any case; then never again.
    const recoveryCode = confirmed.body.codes[3] as string;
    const withCode = await login(email, '10.0.1.4');
    const recovered = await api.call('POST', '/api/v1/auth/mfa/totp', {
      body: { challenge: withCode.body.challenge, recoveryCode: recoveryCode.toUpperCase() },
      ip: '10.0.1.4',
    });
    expect(recovered.status).toBe(200);
    expect((await api.call('GET', '/api/v1/me', { token: recovered.body.accessToken })).body.session.method).toBe('password_recovery_code');
    expect((await api.call('GET', '/api/v1/me/mfa', { token })).body.recoveryCodesLeft).toBe(9);
    const secondUse = await login(email, '10.0.1.5');
    const refused = await api.call('POST', '/api/v1/auth/mfa/totp', { body: { challenge: secondUse.body.challenge, recoveryCode }, ip: '10.0.1.5' });
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('mfa.code_invalid');
    expect((await api.auditEvents('auth.mfa_login')).map((e) => e.details.method)).toEqual(['password_totp', 'password_recovery_code']);
  });

  it('refuses an expired challenge', async () => {
    const email = 'trygghet@hammaro.test';
    const first = await login(email, '10.0.2.1');
    expect(first.body.mfaRequired).toBe(true);
    // Five minutes pass (MFA_CHALLENGE_MINUTES).
    await api.db.query(`UPDATE mfa_challenges SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [
      createHash('sha256').update(first.body.challenge).digest('hex'),
    ]);
    const late = await api.call('POST', '/api/v1/auth/mfa/totp', { body: { challenge: first.body.challenge, recoveryCode: 'whatever' }, ip: '10.0.2.1' });
    expect(late.status).toBe(401);
    expect(late.body.code).toBe('mfa.challenge_invalid');
  });

  it('counts wrong codes toward the lockout: the fifth locks the account, and then even the right code is refused', async () => {
    const email = 'chef@hammaro.test';
    const { secret } = await enrolTotp(await api.token(email));
    const right = await totp(secret, 1);
    const wrongCode = right === '123456' ? '654321' : '123456';
    const guess = async (challenge: string) => {
      const res = await api.call('POST', '/api/v1/auth/mfa/totp', { body: { challenge, code: wrongCode }, ip: '10.0.3.1' });
      expect(res.status).toBe(401);
    };
    const earlier = await login(email, '10.0.3.1');
    for (let attempt = 1; attempt <= 3; attempt++) await guess(earlier.body.challenge);
    // The right password again does not forgive the wrong codes: the fifth still locks.
    const first = await login(email, '10.0.3.1');
    for (let attempt = 1; attempt <= 2; attempt++) await guess(first.body.challenge);
    const locked = await api.call('POST', '/api/v1/auth/mfa/totp', { body: { challenge: first.body.challenge, code: right }, ip: '10.0.3.1' });
    expect(locked.status).toBe(401);
    expect(locked.body.code).toBe('mfa.challenge_invalid');
    expect((await login(email, '10.0.3.2')).status).toBe(401);
    const userId = await api.userId(email);
    expect(await api.auditEvents('auth.lockout')).toEqual([expect.objectContaining({ resource_id: userId })]);
    const failures = (await api.auditEvents('auth.login')).filter((e) => e.actor_user_id === userId && e.outcome === 'failure');
    expect(failures.map((e) => e.details.reason)).toEqual(Array(5).fill('wrong_second_factor'));
  });

  it('steps up the current session with a TOTP code: strong_at is now', async () => {
    const email = 'alkohol@hammaro.test';
    const token = await api.token(email);
    const before = await api.call('GET', '/api/v1/me', { token });
    expect(before.body.session.strong).toBe(false);
    const noFactor = await api.call('POST', '/api/v1/auth/step-up', { token, body: { code: '123456' } });
    expect(noFactor.status).toBe(409);
    expect(noFactor.body.code).toBe('mfa.no_second_factor');

    const { secret } = await enrolTotp(token);
    const right = await totp(secret, 1);
    const wrong = await api.call('POST', '/api/v1/auth/step-up', { token, body: { code: right === '123456' ? '654321' : '123456' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([coded('code', 'mfa.code_wrong')]);
    const stepped = await api.call('POST', '/api/v1/auth/step-up', { token, body: { code: right } });
    expect(stepped.status).toBe(200);
    const [session] = await api.db.query(`SELECT strong_at, method FROM auth_sessions WHERE id = $1`, [before.body.session.id]);
    expect(session.method).toBe('password');
    expect(session.strong_at.toISOString()).toBe(stepped.body.strongAt);
    const after = await api.call('GET', '/api/v1/me', { token });
    expect(after.body.session).toEqual(expect.objectContaining({ strong: true, strongAt: stepped.body.strongAt }));
    expect(await api.auditEvents('auth.step_up')).toEqual([
      expect.objectContaining({ outcome: 'failure' }),
      expect.objectContaining({ outcome: 'success', details: { sessionId: before.body.session.id } }),
    ]);
  });

  it('registers a passkey (verified attestation) and signs in with it as second factor, passwordless and for step-up', async () => {
    const email = 'socialsekreterare@hammaro.test';
    const token = await api.token(email);
    const authenticator = new SoftAuthenticator(ORIGIN, RP_ID);
    const options = await api.call('POST', '/api/v1/me/mfa/passkeys/options', { token });
    expect(options.status).toBe(200);
    expect(options.body.options).toEqual(expect.objectContaining({ rp: { name: 'Samverkan', id: RP_ID }, challenge: expect.any(String) }));

    // An attestation for another challenge is refused.
    const foreign = await api.call('POST', '/api/v1/me/mfa/passkeys', {
      token,
      body: {
        challenge: options.body.challenge,
        name: 'Fel',
        response: new SoftAuthenticator(ORIGIN, RP_ID).register({ ...options.body.options, challenge: 'AAAA' }),
      },
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toEqual([coded('response', 'mfa.passkey_not_verified')]);

    const created = await api.call('POST', '/api/v1/me/mfa/passkeys', {
      token,
      body: { challenge: options.body.challenge, name: 'Jobbdatorn', response: authenticator.register(options.body.options) },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), name: 'Jobbdatorn', version: 1, createdAt: expect.any(String), lastUsedAt: null });
    // The registration challenge is spent.
    const reused = await api.call('POST', '/api/v1/me/mfa/passkeys', {
      token,
      body: { challenge: options.body.challenge, name: 'Igen', response: authenticator.register(options.body.options) },
    });
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe('mfa.challenge_invalid');

    // Another passkey needs a recently strong session now that the account has one.
    const weak = await api.call('POST', '/api/v1/me/mfa/passkeys/options', { token });
    expect(weak.status).toBe(403);
    expect(weak.body.code).toBe('mfa.recent_strong_required');

    // Second factor after the password.
    const first = await login(email, '10.0.5.1');
    expect(first.body).toEqual(expect.objectContaining({ mfaRequired: true, methods: ['passkey'] }));
    const tampered = await api.call('POST', '/api/v1/auth/mfa/passkey', {
      body: { challenge: first.body.challenge, response: authenticator.assert(first.body.passkeyOptions, true) },
      ip: '10.0.5.1',
    });
    expect(tampered.status).toBe(401);
    expect(tampered.body.code).toBe('mfa.passkey_invalid');
    const second = await api.call('POST', '/api/v1/auth/mfa/passkey', {
      body: { challenge: first.body.challenge, response: authenticator.assert(first.body.passkeyOptions) },
      ip: '10.0.5.1',
    });
    expect(second.status).toBe(200);
    expect((await api.call('GET', '/api/v1/me', { token: second.body.accessToken })).body.session).toEqual(
      expect.objectContaining({ method: 'passkey', strong: true }),
    );

    // Passwordless: the discoverable credential names its user.
    const start = await api.call('POST', '/api/v1/auth/passkey/options', { ip: '10.0.5.2' });
    expect(start.status).toBe(200);
    const signedIn = await api.call('POST', '/api/v1/auth/passkey/verify', {
      body: { challenge: start.body.challenge, response: authenticator.assert(start.body.options) },
      ip: '10.0.5.2',
    });
    expect(signedIn.status).toBe(200);
    const me = await api.call('GET', '/api/v1/me', { token: signedIn.body.accessToken });
    expect(me.body.user.email).toBe(email);
    expect(me.body.session).toEqual(expect.objectContaining({ method: 'passkey', strong: true }));
    const replayed = await api.call('POST', '/api/v1/auth/passkey/verify', {
      body: { challenge: start.body.challenge, response: authenticator.assert(start.body.options) },
      ip: '10.0.5.2',
    });
    expect(replayed.body.code).toBe('mfa.challenge_invalid');

    // Step-up with the passkey in the (weak) password session.
    const stepOptions = await api.call('POST', '/api/v1/auth/step-up/options', { token });
    expect(stepOptions.status).toBe(200);
    const stepped = await api.call('POST', '/api/v1/auth/step-up', {
      token,
      body: { challenge: stepOptions.body.challenge, response: authenticator.assert(stepOptions.body.options) },
    });
    expect(stepped.status).toBe(200);
    expect((await api.call('GET', '/api/v1/me', { token })).body.session.strongAt).toBe(stepped.body.strongAt);

    // Rename (If-Match) and remove; without a passkey the password alone signs in again.
    const listed = await api.call('GET', '/api/v1/me/mfa', { token });
    expect(listed.body.passkeys).toEqual([expect.objectContaining({ name: 'Jobbdatorn', lastUsedAt: expect.any(String) })]);
    const stale = await api.call('PATCH', `/api/v1/me/mfa/passkeys/${created.body.id}`, { token, body: { name: 'Laptop' }, headers: { 'if-match': '"7"' } });
    expect(stale.status).toBe(412);
    const renamed = await api.call('PATCH', `/api/v1/me/mfa/passkeys/${created.body.id}`, { token, body: { name: 'Laptop' }, headers: { 'if-match': '"1"' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toEqual(expect.objectContaining({ name: 'Laptop', version: 2 }));
    const foreignRemove = await api.call('DELETE', `/api/v1/me/mfa/passkeys/${created.body.id}`, { token: await api.token('polis@karlstad.polisen.test') });
    expect(foreignRemove.status).toBe(404);
    expect((await api.call('DELETE', `/api/v1/me/mfa/passkeys/${created.body.id}`, { token })).status).toBe(204);
    expect((await login(email, '10.0.5.3')).body).toHaveProperty('accessToken');
    expect((await api.auditEvents('mfa.passkey_add')).length).toBe(1);
    expect((await api.auditEvents('mfa.passkey_remove')).length).toBe(1);
    expect((await api.auditEvents('auth.passkey_login')).length).toBe(1);
  });
});
