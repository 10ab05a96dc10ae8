import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { runSeed } from '@samverkan/platform';
import type { Page } from 'playwright-core';
import { seedSteps } from '../src/seed/seed-steps.js';
import { seriousA11yViolations, TestBrowser } from './support/browser.js';
import { englishIn } from './support/language-check.js';
import { STRONG_ACR, TestOidcProvider } from './support/oidc-provider.js';
import { TestApi } from './support/test-api.js';
import { BROWSER_TEST_TIMEOUT } from './support/web-app.js';

/** A port nobody listens on now, so the api's PUBLIC_URL (the provider's redirect URI) can name it before it starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The text the screen shows (title and body), for the language check. */
const shownText = (page: Page) =>
  page.evaluate(() => {
    const document = (globalThis as unknown as { document: { title: string; body: { innerText: string } } }).document;
    return `${document.title}\n${document.body.innerText}`;
  });

async function checkScreen(page: Page): Promise<void> {
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(englishIn(await shownText(page))).toEqual([]);
}

/**
 * Issue #18 in the browser: a system administrator adds Hammarö kommun's identity provider in the
 * screens; a social worker then signs in with its button at a real OpenID provider (oidc-provider on
 * a local port, its own login page), comes back signed in with a strong session and opens a youth case.
 */
describe('web client: sign-in through the organisation’s identity provider', () => {
  jest.setTimeout(BROWSER_TEST_TIMEOUT);
  let api: TestApi;
  let browser: TestBrowser;
  let idp: TestOidcProvider;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    api = await TestApi.start({ WEB_DIST_DIR: process.env.WEB_DIST_DIR ?? 'dist/web', PUBLIC_URL: base });
    await runSeed(api.env.config, seedSteps(api.env.config));
    await api.app.listen({ port, host: '127.0.0.1' });
    idp = await TestOidcProvider.start([`${base}/oidc/callback`], [{ clientId: 'samverkan-hammaro', clientSecret: 'hammaro-test-secret' }]);
    browser = await TestBrowser.launch();
  });

  afterAll(async () => {
    await browser?.close();
    await idp?.close();
    await api?.close();
  });

  it('system administrator: adds the municipality’s identity provider; the secret is never shown again', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(base);
    await page.getByLabel('E-postadress').fill('admin@samverkan.test');
    await page.getByLabel('Lösenord').fill('Samverkan-demo-2026');
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /^Hej / }).waitFor();
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('link', { name: 'Identitetsleverantörer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Identitetsleverantörer' }).waitFor();
    await page.getByText('Det finns inga identitetsleverantörer ännu.', { exact: false }).waitFor();
    await checkScreen(page);
    await page.getByRole('link', { name: 'Ny identitetsleverantör' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny identitetsleverantör' }).waitFor();
    await page.getByLabel('Organisation').selectOption({ label: 'Hammarö kommun' });
    await page.getByLabel('Namn på knappen').fill('Hammarö kommun (SITHS)');
    await page.getByLabel('Utfärdare (issuer)').fill(idp.issuer);
    await page.getByLabel('Klient-id').fill('samverkan-hammaro');
    await page.getByLabel('Nivåer som räknas som stark autentisering').fill(STRONG_ACR);
    // Without the secret the api refuses, next to the field.
    await page.getByRole('button', { name: 'Lägg till leverantören' }).click();
    // The field turns invalid when the api's answer arrives (its label is on the page all along).
    await page.getByLabel('Klienthemlighet').and(page.locator('[aria-invalid="true"]')).waitFor();
    await checkScreen(page);
    await page.getByLabel('Klienthemlighet').fill('hammaro-test-secret');
    await page.getByRole('button', { name: 'Lägg till leverantören' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hammarö kommun (SITHS)' }).waitFor();
    expect(await page.getByLabel('Klienthemlighet').inputValue()).toBe('');
    expect(await page.content()).not.toContain('hammaro-test-secret');
    await checkScreen(page);
    const [row] = await api.db.query<{ client_secret: Buffer; strong_acr_values: string[] }[]>(
      'SELECT client_secret, strong_acr_values FROM identity_providers',
    );
    expect(row.strong_acr_values).toEqual([STRONG_ACR]);
    expect(row.client_secret.toString('latin1')).not.toContain('hammaro-test-secret');
    await page.close();
  });

  it('social worker: signs in at the organisation’s provider, comes back with a strong session and opens a youth case', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(base);
    await page.getByRole('heading', { level: 2, name: 'Logga in via din organisation' }).waitFor();
    await checkScreen(page);
    await page.getByRole('button', { name: 'Logga in med Hammarö kommun (SITHS)' }).click();
    // The provider's own page.
    await page.getByRole('heading', { level: 1, name: 'Testleverantörens inloggning' }).waitFor();
    await page.getByLabel('E-post hos leverantören').fill('socialsekreterare@hammaro.test');
    await page.getByRole('button', { name: 'Fortsätt till Samverkan' }).click();
    await page.getByRole('heading', { level: 1, name: /^Hej / }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    const [session] = await api.db.query<{ method: string; acr: string; strong: boolean }[]>(
      `SELECT s.method, s.acr, s.strong_at IS NOT NULL AS strong FROM auth_sessions s JOIN users u ON u.id = s.user_id
       WHERE u.email = 'socialsekreterare@hammaro.test' AND s.ended_at IS NULL ORDER BY s.created_at DESC LIMIT 1`,
    );
    expect(session).toEqual({ method: 'oidc', acr: STRONG_ACR, strong: true });

    await page.getByRole('link', { name: 'Ungdomsärenden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ungdomsärenden' }).waitFor();
    await page
      .getByRole('row', { name: /Elias Nyström/ })
      .first()
      .getByRole('link')
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: /^Ärende UÄ-/ }).waitFor();
    await page.getByText('Elias Nyström', { exact: false }).first().waitFor();
    await page.close();
  });

  it('a person the provider knows but Samverkan does not is told so, with a way back to the sign-in page', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(base);
    await page.getByRole('button', { name: 'Logga in med Hammarö kommun (SITHS)' }).click();
    await page.getByLabel('E-post hos leverantören').fill('okand.person@hammaro.test');
    await page.getByRole('button', { name: 'Fortsätt till Samverkan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggningen misslyckades' }).waitFor();
    await page.getByText('inget aktivt konto här motsvarar dig', { exact: false }).waitFor();
    await checkScreen(page);
    await page.getByRole('link', { name: 'Till inloggningen' }).click();
    await page.getByRole('button', { name: 'Logga in med Hammarö kommun (SITHS)' }).waitFor();
    await page.close();
  });
});
