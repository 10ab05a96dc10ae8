import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { seriousA11yViolations } from './support/browser.js';
import { englishIn } from './support/language-check.js';
import { DEMO_PASSWORD } from './support/test-api.js';
import { eventually, MailServer } from './support/mail-server.js';
import { BROWSER_TEST_TIMEOUT, freePort, WebTestApp } from './support/web-app.js';

/**
 * Second factors in the web client (issue #18): a user sets up an authenticator app on the
 * Security page and signs in with its code; another adds a passkey with Chromium's virtual
 * authenticator (DevTools WebAuthn domain) and signs in with it, without a password; a new user
 * accepts the invitation mailed to them, chooses a password, adds a passkey and signs in with it.
 */
describe('web: MFA', () => {
  let web: WebTestApp;
  let mail: MailServer;
  /** The app at http://localhost:<port>: WebAuthn needs a domain as relying party, and an IP address is none. */
  let base: string;

  beforeAll(async () => {
    // The relying party is the address the browser uses (WEBAUTHN_ORIGIN / WEBAUTHN_RP_ID), so the port is chosen first.
    const port = await freePort();
    base = `http://localhost:${port}`;
    mail = await MailServer.start();
    web = await WebTestApp.start({ WEBAUTHN_ORIGIN: base, WEBAUTHN_RP_ID: 'localhost', PUBLIC_URL: base, SMTP_URL: mail.url }, port);
  }, BROWSER_TEST_TIMEOUT);

  afterAll(async () => {
    await web?.close();
    await mail?.stop();
  });

  async function openSignIn(): Promise<Page> {
    const page = await web.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(base);
    return page;
  }

  /** Chromium's virtual authenticator on the page (a platform authenticator with resident keys and user verification). */
  async function addVirtualAuthenticator(page: Page) {
    const devtools = await page.context().newCDPSession(page);
    await devtools.send('WebAuthn.enable');
    await devtools.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
  }

  async function passwordStep(page: Page, email: string) {
    await page.getByLabel('E-postadress').fill(email);
    await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  }

  /** The page settled, accessible and with no English or raw codes in Swedish mode. */
  async function checkScreen(page: Page) {
    expect(await seriousA11yViolations(page)).toEqual([]);
    const shown = await page.evaluate<string>(`[document.title, document.body.innerText,
      ...[...document.querySelectorAll('[aria-label], [placeholder], [title]')].flatMap((e) =>
        ['aria-label', 'placeholder', 'title'].map((a) => e.getAttribute(a) ?? ''))].join('\\n')`);
    expect(englishIn(shown)).toEqual([]);
  }

  async function openSecurity(page: Page, name: string) {
    await page.getByRole('link', { name: `Säkerhet för ${name}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Säkerhet' }).waitFor();
  }

  async function latestSessionMethod(email: string): Promise<string> {
    const [row] = await web.api.db.query<{ method: string }[]>(
      `SELECT s.method FROM auth_sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1 ORDER BY s.created_at DESC LIMIT 1`,
      [email],
    );
    return row.method;
  }

  it(
    'sets up an authenticator app, sees the recovery codes once, and signs in with a code',
    async () => {
      const email = 'trygghet@hammaro.test';
      const page = await openSignIn();
      await passwordStep(page, email);
      await page.getByRole('heading', { level: 1, name: /^Hej / }).waitFor();
      await openSecurity(page, 'Anna Karlsson');
      await checkScreen(page);

      await page.getByRole('button', { name: 'Koppla autentiseringsapp' }).click();
      const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
      expect(await page.getByRole('link', { name: 'Öppna i autentiseringsappen' }).getAttribute('href')).toMatch(/^otpauth:\/\/totp\//);
      await checkScreen(page);
      await page.getByLabel('Kod från appen').fill('000000' === (await generate({ secret })) ? '111111' : '000000');
      await page.getByRole('button', { name: 'Bekräfta' }).click();
      await page.getByText('koden är fel eller redan använd').first().waitFor();
      await page.getByLabel('Kod från appen').fill(await generate({ secret }));
      await page.getByRole('button', { name: 'Bekräfta' }).click();
      const codes = page.getByRole('list', { name: 'Dina reservkoder' }).getByRole('listitem');
      await page.getByRole('heading', { name: 'Dina reservkoder' }).waitFor();
      expect(await codes.count()).toBe(10);
      await checkScreen(page);
      await page.getByRole('button', { name: 'Jag har sparat koderna' }).click();
      await page.getByText('En autentiseringsapp är kopplad.').waitFor();
      expect(await page.getByRole('heading', { name: 'Dina reservkoder' }).count()).toBe(0);
      await page.getByText('Oanvända reservkoder: 10').waitFor();

      await page.getByRole('button', { name: 'Logga ut' }).click();
      await passwordStep(page, email);
      await page.getByRole('heading', { name: 'Bekräfta inloggningen' }).waitFor();
      await checkScreen(page);
      // The confirming code's time step is spent; the next one's is within the allowed drift.
      await page.getByLabel('Kod från autentiseringsappen').fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
      await page.getByRole('button', { name: 'Logga in', exact: true }).click();
      // Signed in again, on the page where they signed out.
      await page.getByRole('link', { name: 'Säkerhet för Anna Karlsson' }).waitFor();
      await page.getByText('Oanvända reservkoder: 10').waitFor();
      expect(await latestSessionMethod(email)).toBe('password_totp');
      await page.close();
    },
    BROWSER_TEST_TIMEOUT,
  );

  it(
    'adds a passkey with the virtual authenticator and signs in with it, without a password',
    async () => {
      const email = 'socialsekreterare@hammaro.test';
      const page = await openSignIn();
      await addVirtualAuthenticator(page);
      await passwordStep(page, email);
      await page.getByRole('heading', { level: 1, name: /^Hej / }).waitFor();
      await openSecurity(page, 'Sara Lindqvist');
      await page.getByText('Du har inga passkeys.').waitFor();
      await page.getByLabel('Namn på passkeyn').fill('Jobbdatorn');
      await page.getByRole('button', { name: 'Lägg till passkey' }).click();
      await page.getByRole('status').getByText('Passkeyn är tillagd.').waitFor();
      await page.getByRole('button', { name: 'Ta bort Jobbdatorn' }).waitFor();
      await page.getByText('Inte använd ännu').waitFor();
      await checkScreen(page);

      await page.getByRole('button', { name: 'Logga ut' }).click();
      await page.getByRole('button', { name: 'Logga in med passkey' }).click();
      await page.getByRole('button', { name: 'Ta bort Jobbdatorn' }).waitFor();
      expect(await latestSessionMethod(email)).toBe('passkey');

      // The password now asks for the passkey as its second step.
      await page.getByRole('button', { name: 'Logga ut' }).click();
      await passwordStep(page, email);
      await page.getByRole('heading', { name: 'Bekräfta inloggningen' }).waitFor();
      await checkScreen(page);
      await page.getByRole('button', { name: 'Använd passkey' }).click();
      await page.getByRole('link', { name: 'Säkerhet för Sara Lindqvist' }).waitFor();
      expect(await latestSessionMethod(email)).toBe('passkey');
      await page.getByRole('link', { name: 'Start' }).click();
      await page.getByRole('heading', { level: 1, name: /^Hej Sara/ }).waitFor();
      await page.close();
    },
    BROWSER_TEST_TIMEOUT,
  );

  it(
    'a new user accepts the mailed invitation, chooses a password, adds a passkey and signs in with it',
    async () => {
      const admin = await web.api.token('it@hammaro.test');
      const invited = await web.api.call('POST', '/api/v1/users', {
        token: admin,
        body: { email: 'lina.berg@hammaro.test', displayName: 'Lina Berg', organisationId: await web.api.organisationId('Hammarö kommun') },
      });
      expect(invited.status).toBe(201);
      // The link as the mail carries it (quoted-printable soft breaks joined).
      const link = await eventually(async () => {
        const sent = mail.received.find((m) => m.to.includes('lina.berg@hammaro.test'));
        const match = sent && new RegExp(`${base}/invitation/[A-Za-z0-9_-]{43}`).exec(sent.raw.replace(/=\r?\n/g, ''));
        expect(match).toBeTruthy();
        return match![0];
      });

      const page = await web.browser.newPage({ viewport: { width: 1280, height: 900 } });
      await addVirtualAuthenticator(page);
      await page.goto(link);
      await page.getByRole('heading', { level: 1, name: 'Välkommen till Samverkan' }).waitFor();
      await page.getByLabel('Välj lösenord').fill('Sjöbris-över-Vänern-41');
      await page.getByRole('button', { name: 'Spara lösenord och logga in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Hej Lina Berg' }).waitFor();

      await openSecurity(page, 'Lina Berg');
      await page.getByLabel('Namn på passkeyn').fill('Telefonen');
      await page.getByRole('button', { name: 'Lägg till passkey' }).click();
      await page.getByRole('status').getByText('Passkeyn är tillagd.').waitFor();
      await checkScreen(page);

      await page.getByRole('button', { name: 'Logga ut' }).click();
      await page.getByRole('button', { name: 'Logga in med passkey' }).click();
      await page.getByRole('link', { name: 'Säkerhet för Lina Berg' }).waitFor();
      expect(await latestSessionMethod('lina.berg@hammaro.test')).toBe('passkey');
      await page.close();
    },
    BROWSER_TEST_TIMEOUT,
  );
});
