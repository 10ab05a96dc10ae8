import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { generate } from 'otplib';
import { seriousA11yViolations } from './support/browser.js';
import { englishIn } from './support/language-check.js';
import type { TestApi } from './support/test-api.js';
import { BROWSER_TEST_TIMEOUT, WebTestApp } from './support/web-app.js';

/**
 * Strong authentication in the screens (issue #18), with DEMO_STRONG_PASSWORD_SESSIONS off: a
 * social worker who signs in with a password only is sent to sign in with stronger authentication
 * when opening youth cases (HSLF-FS 2016:40 4 kap 4 §), comes back to where they were after signing
 * in again, and is asked to step up to reveal a personal number when the last strong sign-in is
 * too old. In the first tests a strong session is simulated by setting `auth_sessions.strong_at`
 * in the database; the last signs in for real with password and authenticator app, and steps up
 * within the session with a new code.
 */
describe('web client: strong authentication and step-up', () => {
  jest.setTimeout(BROWSER_TEST_TIMEOUT);
  let web: WebTestApp;
  let api: TestApi;

  beforeAll(async () => {
    web = await WebTestApp.start({ DEMO_STRONG_PASSWORD_SESSIONS: 'false' });
    ({ api } = web);
  });

  afterAll(async () => {
    await web?.close();
  });

  /** A TOTP code for the time step `offset` steps from now (each step works once, and later ones only after it). */
  const totpCode = (secret: string, offset: number) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset * 30 });

  /** Enrols an authenticator app for the user through the api (the step before now's used); its secret. */
  async function enrolTotp(email: string): Promise<string> {
    const token = await api.token(email);
    const start = await api.call('POST', '/api/v1/me/mfa/totp', { token });
    expect((await api.call('POST', '/api/v1/me/mfa/totp/confirm', { token, body: { code: await totpCode(start.body.secret, -1) } })).status).toBe(200);
    return start.body.secret;
  }

  /** Signs in on the page with password and a code from the app: a strong session. */
  async function signInWithTotp(email: string, secret: string) {
    const page = await web.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(web.base);
    await page.getByLabel('E-postadress').fill(email);
    await page.getByLabel('Lösenord').fill('Samverkan-demo-2026');
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await page.getByLabel('Kod från autentiseringsappen').fill(await totpCode(secret, 0));
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /^Hej / }).waitFor();
    return page;
  }

  /** Makes the user's strong sign-in half an hour old: older than step-up allows (15 minutes). */
  async function ageStrongSignIn(email: string): Promise<void> {
    await api.db.query(
      `UPDATE auth_sessions SET strong_at = now() - interval '30 minutes' WHERE ended_at IS NULL AND method = 'password_totp'
         AND user_id = (SELECT id FROM users WHERE email = $1)`,
      [email],
    );
  }

  it('a social worker with a password only is sent to sign in stronger, and back to youth cases afterwards', async () => {
    const page = await web.signIn('socialsekreterare@hammaro.test');
    // The menu still shows the area.
    await page.getByRole('link', { name: 'Ungdomsärenden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logga in med starkare inloggning' }).waitFor();
    const main = page.locator('main');
    expect(await main.innerText()).toContain('HSLF-FS 2016:40 4 kap. 4 §');
    expect(await main.innerText()).toContain('Du är inloggad med enbart lösenord.');
    // Nothing of the area was asked for: the list was never read.
    expect(await api.auditEvents('youth_case.list')).toEqual([]);
    expect(englishIn(await main.innerText())).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Logga ut och logga in med starkare inloggning' }).click();
    await page.getByLabel('E-postadress').waitFor();
    await page.getByText('Logga in med starkare inloggning för att fortsätta.', { exact: false }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(englishIn(await page.locator('main').innerText())).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    const [ended] = await api.db.query<{ ended_reason: string }[]>(
      `SELECT s.ended_reason FROM auth_sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1 ORDER BY s.created_at LIMIT 1`,
      ['socialsekreterare@hammaro.test'],
    );
    expect(ended?.ended_reason).toBe('signed_out');

    // Signing in again lands where the user was: still a password session, so still the notice.
    await page.getByLabel('E-postadress').fill('socialsekreterare@hammaro.test');
    await page.getByLabel('Lösenord').fill('Samverkan-demo-2026');
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Logga in med starkare inloggning' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/youth-cases');

    // The session authenticates strongly (as MFA or an identity provider would record it): the area opens.
    await api.db.query(
      `UPDATE auth_sessions SET strong_at = now() - interval '30 minutes'
       WHERE ended_at IS NULL AND user_id = (SELECT id FROM users WHERE email = $1)`,
      ['socialsekreterare@hammaro.test'],
    );
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Ungdomsärenden' }).waitFor();

    // Revealing a personal number needs a strong sign-in at most 15 minutes old: step-up.
    await page
      .getByRole('row', { name: /Elias Nyström/ })
      .getByRole('link')
      .first()
      .click();
    await page.getByRole('button', { name: 'Visa fullständigt personnummer' }).click();
    await page.getByLabel('Skäl (sparas i granskningsloggen)').fill('Ansökan om insats');
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Din senaste starka inloggning är för gammal' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('högst 15 minuter gammal');
    expect(englishIn(await dialog.innerText())).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect((await api.auditEvents('access.step_up_required')).map((r) => r.outcome)).toEqual(['denied']);
    expect(await page.getByTestId('revealed-number').count()).toBe(0);
    const casePath = new URL(page.url()).pathname;

    await dialog.getByRole('button', { name: 'Logga in igen' }).click();
    await page.getByLabel('E-postadress').fill('socialsekreterare@hammaro.test');
    await page.getByLabel('Lösenord').fill('Samverkan-demo-2026');
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    // Back on the case's address (a password session again, so told to sign in stronger).
    await page.getByRole('heading', { level: 1, name: 'Logga in med starkare inloggning' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(casePath);
  });

  it('a police officer with a password only sees why operations need stronger sign-in; released summaries stay open', async () => {
    const page = await web.signIn('polis@karlstad.polisen.test');
    await page.getByRole('link', { name: 'Insatser', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Logga in med starkare inloggning' }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain('brottsdatalagen 3 kap. 8 §');
    expect(englishIn(text)).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    // The released summaries are not intelligence: they open as before.
    await page.getByRole('link', { name: 'Insatsresultat' }).click();
    await page.getByRole('heading', { level: 1, name: 'Insatsresultat' }).waitFor();
    expect(await page.getByRole('heading', { level: 1, name: 'Logga in med starkare inloggning' }).count()).toBe(0);
  });

  it('a social worker with an authenticator app signs in strongly, and steps up with a new code to reveal a personal number', async () => {
    const email = 'socialsekreterare@hammaro.test';
    const secret = await enrolTotp(email);
    const page = await signInWithTotp(email, secret);
    // Password and a second factor: strong, so the youth cases open.
    await page.getByRole('link', { name: 'Ungdomsärenden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ungdomsärenden' }).waitFor();

    // Half an hour later (the strong authentication is older than 15 minutes): revealing asks for step-up.
    await ageStrongSignIn(email);
    await page
      .getByRole('row', { name: /Elias Nyström/ })
      .getByRole('link')
      .first()
      .click();
    const reveal = async () => {
      await page.getByRole('button', { name: 'Visa fullständigt personnummer' }).click();
      await page.getByLabel('Skäl (sparas i granskningsloggen)').fill('Ansökan om insats');
      await page.getByRole('button', { name: 'Visa', exact: true }).click();
    };
    await reveal();
    const dialog = page.getByRole('dialog', { name: 'Din senaste starka inloggning är för gammal' });
    await dialog.waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(englishIn(await dialog.innerText())).toEqual([]);
    await dialog.getByLabel('Kod från autentiseringsappen').fill(await totpCode(secret, 1));
    await dialog.getByRole('button', { name: 'Bekräfta', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Bekräftat. Gör om det du höll på med.' }).waitFor();
    expect((await api.auditEvents('auth.step_up')).map((r) => r.outcome)).toEqual(['success']);

    // Still signed in, in the same session, the reason still filled in: the number shows now.
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await page.getByTestId('revealed-number').waitFor();
    expect(await page.getByTestId('revealed-number').textContent()).toMatch(/^\d{8}-\d{4}$/);
    const sessions = await api.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM auth_sessions WHERE ended_at IS NULL AND method = 'password_totp' AND user_id = (SELECT id FROM users WHERE email = $1)`,
      [email],
    );
    expect(sessions).toEqual([{ n: 1 }]);
    await page.close();
  });

  it('a social services manager steps up to list a person’s register extracts', async () => {
    const email = 'socialchef@hammaro.test';
    const secret = await enrolTotp(email);
    const [youthCase] = await api.db.query<{ id: string }[]>(`SELECT id FROM youth_cases WHERE status NOT IN ('closed', 'purged') ORDER BY created_at LIMIT 1`);

    const page = await signInWithTotp(email, secret);
    // The strong sign-in is half an hour old: the case opens, but the extract's list (GDPR art. 15,
    // everything held of the person) asks for one at most 15 minutes old.
    await ageStrongSignIn(email);
    await page.goto(`${web.base}/youth-cases/${youthCase.id}`);
    await page.locator('#case-documents').getByRole('heading', { name: 'Dokument', exact: true }).waitFor();
    await page.getByText(/^Registerutdrag om /).click();
    const dialog = page.getByRole('dialog', { name: 'Din senaste starka inloggning är för gammal' });
    await dialog.waitFor();
    expect(englishIn(await dialog.innerText())).toEqual([]);
    const subject = page.locator('#subject-documents');
    expect(await subject.getByRole('table').count()).toBe(0);
    await dialog.getByLabel('Kod från autentiseringsappen').fill(await totpCode(secret, 1));
    await dialog.getByRole('button', { name: 'Bekräfta', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Bekräftat. Gör om det du höll på med.' }).waitFor();

    // Asked again, the list opens, ready to issue an extract.
    await subject.getByRole('button', { name: 'Försök igen' }).click();
    await subject.getByText('Utfärda Registerutdrag', { exact: true }).waitFor();
    expect(await subject.getByRole('button', { name: 'Försök igen' }).count()).toBe(0);
    expect(englishIn(await subject.innerText())).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });
});
