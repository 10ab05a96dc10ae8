import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FixedClock } from '@samverkan/platform';
import { PasswordResetService } from '@samverkan/identity';
import { eventually, MailServer } from './support/mail-server.js';
import { coded, DEMO_PASSWORD, TestApi } from './support/test-api.js';

/** Issue #18: invitations, password reset by link, the session list and forced sign-out, over real SMTP. */
describe('account life cycle', () => {
  const clock = new FixedClock(new Date());
  let api: TestApi;
  let mail: MailServer;
  let hammaro: string;
  let admin: string;

  /** The message text of a received mail (quoted-printable undone). */
  const decoded = (raw: string) =>
    Buffer.from(
      raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');

  /** Waits for the `nth` mail to `to` (1-based) and returns the token of the link of `path` in it. */
  const linkIn = async (to: string, path: 'invitation' | 'reset-password', nth = 1) =>
    eventually(async () => {
      const mails = mail.received.filter((m) => m.to.includes(to));
      expect(mails.length).toBeGreaterThanOrEqual(nth);
      const text = decoded(mails[nth - 1].raw);
      const match = new RegExp(`http://samverkan\\.test/${path}/([A-Za-z0-9_-]{43})`).exec(text);
      expect(match).not.toBeNull();
      return { token: match![1], text };
    });

  const mailsTo = (to: string) => mail.received.filter((m) => m.to.includes(to)).length;

  beforeAll(async () => {
    mail = await MailServer.start();
    api = await TestApi.start({ SMTP_URL: mail.url, PUBLIC_URL: 'http://samverkan.test', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }, { clock });
    hammaro = await api.organisationId('Hammarö kommun');
    admin = await api.token('it@hammaro.test');
  });

  afterAll(async () => {
    await api?.close();
    await mail?.stop();
  });

  describe('invitations', () => {
    it('invites by e-mail; the link shows who is invited, refuses a weak password at the field, then signs the person in once', async () => {
      const created = await api.call('POST', '/api/v1/users', {
        token: admin,
        body: { email: 'Nya.Ann@hammaro.test', displayName: 'Ann Nyberg', organisationId: hammaro },
      });
      expect(created.status).toBe(201);
      const userId = created.body.id;

      const { token, text } = await linkIn('nya.ann@hammaro.test', 'invitation');
      expect(text).toContain('Hej Ann Nyberg!');
      expect(text).toContain('Hammarö kommun');
      expect(text).toContain('Hello Ann Nyberg');
      const [stored] = await api.db.query<{ token_hash: string }[]>('SELECT token_hash FROM account_tokens WHERE user_id = $1', [userId]);
      expect(stored.token_hash).not.toContain(token);

      const account = await api.call('GET', `/api/v1/users/${userId}/account`, { token: admin });
      expect(account.body).toEqual({ passwordSet: false, invitation: expect.objectContaining({ state: 'pending' }) });
      // No password yet: nothing signs in.
      expect((await api.call('POST', '/api/v1/auth/login', { body: { email: 'nya.ann@hammaro.test', password: 'anything-at-all-1' } })).status).toBe(401);

      const shown = await api.call('GET', `/api/v1/account/invitation/${token}`);
      expect(shown.status).toBe(200);
      expect(shown.body).toEqual({
        displayName: 'Ann Nyberg',
        email: 'nya.ann@hammaro.test',
        organisationName: 'Hammarö kommun',
        expiresAt: expect.any(String),
        // No identity provider is configured for Hammarö here: a password is the only way in.
        identityProviders: [],
      });
      expect(new Date(shown.body.expiresAt).getTime() - clock.now().getTime()).toBe(72 * 3_600_000);

      const weak = await api.call('POST', `/api/v1/account/invitation/${token}`, { body: { password: 'annnyberg-2026' } });
      expect(weak.status).toBe(400);
      expect(weak.body.errors).toEqual([coded('password', 'password.contains_personal_data')]);

      const accepted = await api.call('POST', `/api/v1/account/invitation/${token}`, {
        body: { password: 'Tallskog-vid-Vänern-88' },
        headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0' },
      });
      expect(accepted.status).toBe(200);
      const me = await api.call('GET', '/api/v1/me', { token: accepted.body.accessToken });
      expect(me.body.user.email).toBe('nya.ann@hammaro.test');
      expect(me.body.session.method).toBe('password');

      const again = await api.call('POST', `/api/v1/account/invitation/${token}`, { body: { password: 'Ett-annat-lösen-77' } });
      expect(again.status).toBe(410);
      expect(again.body.code).toBe('account_token.used');
      expect((await api.call('GET', `/api/v1/account/invitation/${token}`)).body.code).toBe('account_token.used');
      expect((await api.login('nya.ann@hammaro.test', 'Tallskog-vid-Vänern-88')).accessToken).toBeTruthy();

      expect((await api.call('GET', `/api/v1/users/${userId}/account`, { token: admin })).body).toEqual({
        passwordSet: true,
        invitation: expect.objectContaining({ state: 'accepted' }),
      });
      const resend = await api.call('POST', `/api/v1/users/${userId}/invitation`, { token: admin });
      expect(resend.status).toBe(409);
      expect(resend.body.code).toBe('invitation.already_accepted');

      const [invite] = await api.auditEvents('user.invite');
      expect(invite.resource_id).toBe(userId);
      const [accept] = await api.auditEvents('account.invitation_accept');
      expect(accept).toMatchObject({ resource_id: userId, actor_user_id: userId });
    });

    it('expires after 72 hours; a resent invitation supersedes the earlier link', async () => {
      const created = await api.call('POST', '/api/v1/users', {
        token: admin,
        body: { email: 'sen.bo@hammaro.test', displayName: 'Bo Sen', organisationId: hammaro },
      });
      const { token: first } = await linkIn('sen.bo@hammaro.test', 'invitation');
      clock.advance(72 * 3_600_000 + 1000);
      try {
        const expired = await api.call('GET', `/api/v1/account/invitation/${first}`);
        expect(expired.status).toBe(410);
        expect(expired.body.code).toBe('account_token.expired');
        expect((await api.call('GET', `/api/v1/users/${created.body.id}/account`, { token: admin })).body.invitation.state).toBe('expired');

        const resent = await api.call('POST', `/api/v1/users/${created.body.id}/invitation`, { token: admin });
        expect(resent.status).toBe(200);
        expect(resent.body.invitation.state).toBe('pending');
        const { token: second } = await linkIn('sen.bo@hammaro.test', 'invitation', 2);
        expect(second).not.toBe(first);
        expect((await api.call('GET', `/api/v1/account/invitation/${second}`)).status).toBe(200);
        expect((await api.call('GET', `/api/v1/account/invitation/${'x'.repeat(43)}`)).body.code).toBe('account_token.not_found');
      } finally {
        clock.advance(-(72 * 3_600_000 + 1000));
      }
    });

    it('an invitation the mail server refuses is withdrawn: the user exists, and the page offers to send it', async () => {
      mail.refusal.count = 1;
      mail.refusal.marker = 'Olle Fel';
      const created = await api.call('POST', '/api/v1/users', {
        token: admin,
        body: { email: 'olle.fel@hammaro.test', displayName: 'Olle Fel', organisationId: hammaro },
      });
      expect(created.status).toBe(201);
      expect((await api.call('GET', `/api/v1/users/${created.body.id}/account`, { token: admin })).body).toEqual({ passwordSet: false, invitation: null });
      expect(await api.db.query('SELECT id FROM account_tokens WHERE user_id = $1', [created.body.id])).toEqual([]);
      expect((await api.auditEvents('user.invite')).filter((e) => e.resource_id === created.body.id).map((e) => e.outcome)).toEqual(['success', 'failure']);
      const resent = await api.call('POST', `/api/v1/users/${created.body.id}/invitation`, { token: admin });
      expect(resent.status).toBe(200);
      expect(resent.body.invitation.state).toBe('pending');
      await linkIn('olle.fel@hammaro.test', 'invitation');
    });

    it('an administrator reaches only the users of their organisation; others are refused', async () => {
      const bo = await api.userId('sen.bo@hammaro.test');
      const police = await api.token('insatschef@karlstad.polisen.test');
      expect((await api.call('POST', `/api/v1/users/${bo}/invitation`, { token: police })).status).toBe(403);
      expect((await api.call('POST', `/api/v1/users/${bo}/sessions/end`, { token: police })).status).toBe(403);
      // The municipality's administrator does not see the police's users.
      const officer = await api.userId('polis@karlstad.polisen.test');
      expect((await api.call('GET', `/api/v1/users/${officer}/sessions`, { token: admin })).status).toBe(404);
      expect((await api.call('POST', `/api/v1/users/${officer}/sessions/end`, { token: admin })).status).toBe(404);
      expect((await api.call('GET', `/api/v1/users/${officer}/account`, { token: admin })).status).toBe(404);
    });
  });

  describe('password reset', () => {
    it('answers the same for known and unknown addresses, mails only the known one', async () => {
      const before = mailsTo('chef@hammaro.test');
      const known = await api.call('POST', '/api/v1/auth/password-reset', { body: { email: 'chef@hammaro.test' } });
      const unknown = await api.call('POST', '/api/v1/auth/password-reset', { body: { email: 'ingen-sadan@hammaro.test' } });
      expect(known.status).toBe(202);
      expect(unknown.status).toBe(202);
      expect(unknown.body).toEqual(known.body);
      expect(known.body).toEqual({ validMinutes: 60 });
      await api.app.get(PasswordResetService).settled();
      expect(mailsTo('chef@hammaro.test')).toBe(before + 1);
      expect(mailsTo('ingen-sadan@hammaro.test')).toBe(0);
      const requests = await api.auditEvents('account.password_reset_request');
      expect(requests.map((r) => r.outcome).sort()).toEqual(['failure', 'success']);
    });

    it('works once, ends every session, and the old password stops working', async () => {
      const session = await api.login('socialchef@hammaro.test');
      await api.call('POST', '/api/v1/auth/password-reset', { body: { email: 'socialchef@hammaro.test' } });
      const { token } = await linkIn('socialchef@hammaro.test', 'reset-password');

      const weak = await api.call('POST', `/api/v1/auth/password-reset/${token}`, { body: { password: 'aaaaaaaaaaaaaaaa' } });
      expect(weak.status).toBe(400);
      expect(weak.body.errors).toEqual([coded('password', 'password.too_simple')]);

      const reset = await api.call('POST', `/api/v1/auth/password-reset/${token}`, { body: { password: 'Gran-och-Björk-i-Skoghall-5' } });
      expect(reset.status).toBe(204);
      expect((await api.call('GET', '/api/v1/me', { token: session.accessToken })).status).toBe(401);
      expect((await api.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: session.refreshToken } })).status).toBe(401);
      const [ended] = await api.db.query<{ ended_reason: string }[]>(
        `SELECT ended_reason FROM auth_sessions WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1`,
        [await api.userId('socialchef@hammaro.test')],
      );
      expect(ended.ended_reason).toBe('password_changed');
      expect((await api.call('POST', '/api/v1/auth/login', { body: { email: 'socialchef@hammaro.test', password: DEMO_PASSWORD } })).status).toBe(401);
      expect((await api.login('socialchef@hammaro.test', 'Gran-och-Björk-i-Skoghall-5')).accessToken).toBeTruthy();

      const twice = await api.call('POST', `/api/v1/auth/password-reset/${token}`, { body: { password: 'Ännu-ett-nytt-lösen-99' } });
      expect(twice.status).toBe(410);
      expect(twice.body.code).toBe('account_token.used');
      expect((await api.auditEvents('account.password_reset')).map((r) => r.resource_id)).toEqual([await api.userId('socialchef@hammaro.test')]);
    });

    it('a link expires after one hour', async () => {
      await api.call('POST', '/api/v1/auth/password-reset', { body: { email: 'trygghet@hammaro.test' } });
      const { token } = await linkIn('trygghet@hammaro.test', 'reset-password');
      clock.advance(60 * 60_000 + 1000);
      try {
        const late = await api.call('POST', `/api/v1/auth/password-reset/${token}`, { body: { password: 'Gran-och-Björk-i-Skoghall-6' } });
        expect(late.status).toBe(410);
        expect(late.body.code).toBe('account_token.expired');
      } finally {
        clock.advance(-(60 * 60_000 + 1000));
      }
    });

    it('a signed-in change asks for the current password and ends the other sessions', async () => {
      const other = await api.login('alkohol@hammaro.test');
      const here = await api.login('alkohol@hammaro.test');
      const wrong = await api.call('POST', '/api/v1/me/password', {
        token: here.accessToken,
        body: { currentPassword: 'inte-det-rätta', newPassword: 'Klarälven-rinner-söderut-3' },
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors).toEqual([coded('currentPassword', 'password.current_wrong')]);
      const changed = await api.call('POST', '/api/v1/me/password', {
        token: here.accessToken,
        body: { currentPassword: DEMO_PASSWORD, newPassword: 'Klarälven-rinner-söderut-3' },
      });
      expect(changed.status).toBe(204);
      expect((await api.call('GET', '/api/v1/me', { token: here.accessToken })).status).toBe(200);
      expect((await api.call('GET', '/api/v1/me', { token: other.accessToken })).status).toBe(401);
      expect(await api.auditEvents('account.password_change')).toHaveLength(1);
    });
  });

  describe('sessions', () => {
    it('lists the live sessions with the current one marked; ending one makes its access token fail at once', async () => {
      const ua = (agent: string) => ({ headers: { 'user-agent': agent } });
      const phone = await api.call('POST', '/api/v1/auth/login', {
        body: { email: 'socialsekreterare@hammaro.test', password: DEMO_PASSWORD },
        ...ua('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile Safari/604.1'),
      });
      const desk = await api.call('POST', '/api/v1/auth/login', {
        body: { email: 'socialsekreterare@hammaro.test', password: DEMO_PASSWORD },
        ...ua('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36'),
      });
      const laptop = await api.login('socialsekreterare@hammaro.test');
      const list = await api.call('GET', '/api/v1/me/sessions', { token: desk.body.accessToken });
      expect(list.status).toBe(200);
      expect(list.body.total).toBe(3);
      const current = list.body.items.filter((s: { current: boolean }) => s.current);
      expect(current).toEqual([expect.objectContaining({ browser: 'Chrome', system: 'Windows', method: 'password', strong: true })]);
      const phoneSession = list.body.items.find((s: { system: string }) => s.system === 'iOS');
      expect(phoneSession).toMatchObject({ browser: 'Safari', current: false });

      expect((await api.call('DELETE', `/api/v1/me/sessions/${phoneSession.id}`, { token: desk.body.accessToken })).status).toBe(204);
      expect((await api.call('GET', '/api/v1/me', { token: phone.body.accessToken })).status).toBe(401);
      expect((await api.call('POST', '/api/v1/auth/refresh', { body: { refreshToken: phone.body.refreshToken } })).status).toBe(401);
      // Someone else's session is not yours to end.
      const deskId = current[0].id;
      const stranger = await api.token('chef@hammaro.test');
      expect((await api.call('DELETE', `/api/v1/me/sessions/${deskId}`, { token: stranger })).status).toBe(404);

      const others = await api.call('POST', '/api/v1/me/sessions/sign-out-others', { token: desk.body.accessToken });
      expect(others.body).toEqual({ ended: 1 });
      expect((await api.call('GET', '/api/v1/me', { token: laptop.accessToken })).status).toBe(401);
      expect((await api.call('GET', '/api/v1/me', { token: desk.body.accessToken })).status).toBe(200);
      const after = await api.call('GET', '/api/v1/me/sessions', { token: desk.body.accessToken });
      expect(after.body.items.map((s: { id: string }) => s.id)).toEqual([deskId]);
      const reasons = await api.db.query<{ ended_reason: string }[]>(`SELECT ended_reason FROM auth_sessions WHERE user_id = $1 AND ended_at IS NOT NULL`, [
        await api.userId('socialsekreterare@hammaro.test'),
      ]);
      expect(reasons.map((r) => r.ended_reason)).toEqual(['signed_out_elsewhere', 'signed_out_elsewhere']);
      expect(await api.auditEvents('account.session_end')).toHaveLength(1);
      expect(await api.auditEvents('account.sessions_end_others')).toHaveLength(1);
    });

    it('an administrator sees a user’s sessions and signs them out everywhere', async () => {
      const user = await api.userId('trygghet@hammaro.test');
      const a = await api.login('trygghet@hammaro.test');
      const b = await api.login('trygghet@hammaro.test');
      const listed = await api.call('GET', `/api/v1/users/${user}/sessions`, { token: admin });
      expect(listed.status).toBe(200);
      expect(listed.body.total).toBe(2);
      const ended = await api.call('POST', `/api/v1/users/${user}/sessions/end`, { token: admin });
      expect(ended.body).toEqual({ ended: 2 });
      expect((await api.call('GET', '/api/v1/me', { token: a.accessToken })).status).toBe(401);
      expect((await api.call('GET', '/api/v1/me', { token: b.accessToken })).status).toBe(401);
      expect((await api.call('GET', `/api/v1/users/${user}/sessions`, { token: admin })).body.total).toBe(0);
      const [event] = await api.auditEvents('user.sessions_end');
      expect(event).toMatchObject({ resource_id: user, details: { sessionsEnded: 2 } });
      expect(await api.auditEvents('user.sessions_read')).toHaveLength(2);
      // A user without user:read is refused.
      expect((await api.call('GET', `/api/v1/users/${user}/sessions`, { token: await api.token('polis@karlstad.polisen.test') })).status).toBe(403);
    });
  });
});
