import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { seriousA11yViolations } from './support/browser.js';
import { DEMO_PASSWORD, type TestApi } from './support/test-api.js';
import { BROWSER_TEST_TIMEOUT, WebTestApp } from './support/web-app.js';

/**
 * The web client in headless Chromium against the real api (PostgreSQL, Redis) with the Hammarö
 * demo data: each role signs in and does its main job; accessibility checked with axe-core.
 */
describe('web client', () => {
  jest.setTimeout(BROWSER_TEST_TIMEOUT);
  let web: WebTestApp;
  let api: TestApi;
  let base: string;

  beforeAll(async () => {
    web = await WebTestApp.start();
    ({ api, base } = web);
  });

  afterAll(async () => {
    await web?.close();
  });

  const signIn = (email: string, viewport?: { width: number; height: number }) => web.signIn(email, viewport);

  it('refuses a wrong password with a message, in an accessible sign-in page', async () => {
    const page = await web.browser.newPage();
    await page.goto(base);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('E-postadress').fill('socialsekreterare@hammaro.test');
    await page.getByLabel('Lösenord').fill('fel-lösenord');
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Fel e-postadress eller lösenord' }).waitFor();
    await page.close();
  });

  it('draws the sign-in page before any script has run, in the language chosen; never in a tab with a session (issue #19)', async () => {
    // Scripts refused: what shows is index.html as built, with public/first-paint.js choosing.
    const drawn = async (storage: string) => {
      const page = await web.browser.newPage();
      await page.addInitScript(storage);
      await page.route('**/assets/*.js', (route) => route.abort());
      await page.goto(base);
      const headings = await page.getByRole('heading', { level: 1 }).allTextContents();
      const lang = await page.evaluate<string>('document.documentElement.lang');
      await page.close();
      return { headings, lang };
    };
    expect(await drawn('')).toEqual({ headings: ['Samverkan – Logga in'], lang: 'sv' });
    expect(await drawn(`localStorage.setItem('samverkan.language', 'en')`)).toEqual({ headings: ['Samverkan – Sign in'], lang: 'en' });
    expect(await drawn(`sessionStorage.setItem('samverkan.refresh', 'a-token')`)).toEqual({ headings: [], lang: 'sv' });

    // Signing in on the drawn page before the scripts have come: the browser never sends the form
    // (the password stays out of the address); the app sends it once it has taken over, without a
    // complaint from React.
    const page = await web.browser.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    let release!: () => void;
    const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/assets/*.js', async (route) => {
      await scriptsHeld;
      await route.continue();
    });
    await page.goto(base, { waitUntil: 'commit' });
    await page.locator('#root input[name="email"]').fill('trygghet@hammaro.test');
    await page.locator('#root input[name="password"]').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    expect(new URL(page.url()).search).toBe('');
    release();
    await page.getByRole('heading', { level: 1, name: /^Hej / }).waitFor();
    expect(new URL(page.url()).search).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('social worker: start page, case list with masked numbers, a case, the full number only with a reason', async () => {
    const page = await signIn('socialsekreterare@hammaro.test');
    await page.getByRole('heading', { name: 'Mina frister' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    // Due dates are dates (issue #16): a deadline "by the end of a day" shows that day, not the
    // midnight after it ("kl. 00:00") nor an ISO date; one with a time shows its time.
    const shown = await page.getByRole('listitem').filter({ hasText: 'Ska vara klar' }).allTextContents();
    const [byDay] = await api.db.query<{ title: string; due_on: string }[]>(
      `SELECT title, to_char(due_on, 'YYYY-MM-DD') AS due_on FROM deadlines WHERE responsible_user_id = $1 AND status = 'open' AND due_on IS NOT NULL
       ORDER BY due_at, id LIMIT 1`,
      [await api.userId('socialsekreterare@hammaro.test')],
    );
    const longSwedish = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${byDay.due_on}T12:00:00Z`));
    expect(shown).toContainEqual(expect.stringContaining(`${byDay.title} — Ska vara klar ${longSwedish}`));
    expect(shown.length).toBeGreaterThan(1);
    for (const text of shown) {
      expect(text).not.toMatch(/kl\. 00:00|\d{4}-\d{2}-\d{2}/);
      expect(text).toMatch(/Ska vara klar \d{1,2} [a-zåäö]+ \d{4}( kl\. \d{2}:\d{2})?$/);
    }
    await page.getByRole('link', { name: 'Ungdomsärenden', exact: true }).click();
    await page.getByRole('cell', { name: 'Elias Nyström' }).waitFor();
    expect(await page.getByRole('cell', { name: /^\d{8}-\*\*\*\*$/ }).count()).toBeGreaterThanOrEqual(5);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page
      .getByRole('row', { name: /Elias Nyström/ })
      .getByRole('link')
      .click();
    await page.getByTestId('personal-number').waitFor();
    expect(await page.getByTestId('personal-number').textContent()).toMatch(/^\d{8}-\*\*\*\*$/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Visa fullständigt personnummer' }).click();
    await page.getByLabel('Skäl (sparas i granskningsloggen)').fill('Ansökan om kontaktperson');
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    expect(await page.getByTestId('revealed-number').textContent()).toMatch(/^\d{8}-\d{4}$/);
    const [event] = await api.auditEvents('youth_subject.reveal');
    expect(event.details).toEqual({ reason: 'Ansökan om kontaktperson' });
    await page.close();
  });

  it('police officer: sees only the youth cases shared with the police; a case whose consent was withdrawn is not there', async () => {
    const page = await signIn('polis@karlstad.polisen.test');
    await page.getByRole('link', { name: 'Ungdomsärenden', exact: true }).click();
    await page.getByRole('cell', { name: 'Elias Nyström' }).waitFor();
    const names = await page.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(names.sort()).toEqual(['Alva Sjöberg', 'Elias Nyström', 'Oscar Holm']);
    const [noah] = await api.db.query(`SELECT c.id FROM youth_cases c JOIN youth_consents k ON k.case_id = c.id WHERE k.withdrawn_at IS NOT NULL`);
    await page.goto(`${base}/youth-cases/${noah.id}`);
    await page.getByText('Sidan finns inte, eller så har du inte behörighet att se den.').waitFor();
    await page.getByRole('link', { name: 'Insatser', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Insatser' }).waitFor();
    await page.getByRole('cell', { name: /Insats mot försäljning till unga i Lövnäs/ }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });

  it('police commander: reads the intelligence and decides a proposed operation; the officer sees it without the intelligence', async () => {
    const page = await signIn('insatschef@karlstad.polisen.test');
    await page.getByRole('link', { name: 'Insatser', exact: true }).click();
    await page.getByRole('link', { name: /Kontroll av smuggelsprit före jul/ }).click();
    await page.getByRole('heading', { name: 'Underrättelseunderlag (endast insatschef)' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Villkor i beslutet').fill('Civila fordon; samordna med tullen.');
    await page.getByRole('button', { name: 'Besluta om insatsen' }).click();
    await page.getByText('Villkor i beslutet: Civila fordon; samordna med tullen.').waitFor();
    const [decided] = await api.db.query(`SELECT id, status FROM operations WHERE title = 'Kontroll av smuggelsprit före jul'`);
    expect(decided.status).toBe('decided');
    await page.close();

    const officer = await signIn('polis@karlstad.polisen.test');
    await officer.goto(`${base}/operations/${decided.id}`);
    await officer.getByRole('button', { name: 'Starta insatsen' }).waitFor();
    expect(await officer.getByText('Underrättelseunderlag').count()).toBe(0);
    await officer.close();
  });

  it('social services manager: consents, disclosures and access log of a case; withdrawing a consent asks for a reason', async () => {
    const page = await signIn('socialchef@hammaro.test');
    await page.getByRole('link', { name: 'Ungdomsärenden', exact: true }).click();
    await page
      .getByRole('row', { name: /Alva Sjöberg/ })
      .getByRole('link')
      .click();
    await page.getByRole('heading', { name: 'Samtycken' }).waitFor();
    await page.getByRole('heading', { name: 'Åtkomstlogg' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Återkalla', exact: true }).click();
    await page.getByLabel('Skäl till återkallelsen').fill('Vårdnadshavarna ringde och återkallade samtycket.');
    await page.getByRole('button', { name: 'Återkalla samtycket' }).click();
    await page.getByText('Återkallat').waitFor();
    const [consent] = await api.db.query(`SELECT k.withdrawal_reason FROM youth_consents k JOIN youth_cases c ON c.id = k.case_id WHERE c.status = 'mapping'`);
    expect(consent.withdrawal_reason).toBe('Vårdnadshavarna ringde och återkallade samtycket.');
    await page.close();
  });

  it('social worker: the inbox tells of the withdrawal; notices are marked read; the e-mail choice is saved', async () => {
    const page = await signIn('socialsekreterare@hammaro.test');
    await page.getByRole('link', { name: 'Notiser', exact: true }).click();
    await page.getByRole('heading', { name: /Samtycke återkallat – ungdomsärende/ }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Markera som läst' }).first().click();
    // The digest is the default; this worker wants each notice at once.
    expect(await page.getByLabel('En sammanfattning varje morgon kl. 07').isChecked()).toBe(true);
    await page.getByLabel('Direkt, ett mejl per notis').check();
    await page.getByRole('status').filter({ hasText: 'Inställningen är sparad.' }).waitFor();
    const [preference] = await api.db.query(`SELECT email_mode FROM notification_preferences WHERE user_id = $1`, [
      await api.userId('socialsekreterare@hammaro.test'),
    ]);
    expect(preference.email_mode).toBe('immediate');
    await page.close();
  });

  it('licensing officer on a phone: opens a planned inspection and completes the protocol', async () => {
    const page = await signIn('alkohol@hammaro.test', { width: 375, height: 740 });
    // On a phone the pages are behind the header's menu button (issue #20).
    await page.getByRole('button', { name: 'Meny', exact: true }).click();
    await page.getByRole('link', { name: 'Tillsyn', exact: true }).click();
    const [planned] = await api.db.query(
      `SELECT i.id, p.name FROM inspections i JOIN premises p ON p.id = i.premises_id WHERE i.status = 'planned' ORDER BY i.planned_start LIMIT 1`,
    );
    await page.goto(`${base}/inspections/${planned.id}`);
    await page.getByRole('heading', { level: 1, name: `Protokoll: ${planned.name}` }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    const ageChecks = page.getByRole('group', { name: /Ålderskontroll/ });
    await ageChecks.getByLabel('Anmärkning').check();
    await ageChecks.getByLabel('Anteckning').fill('Legitimation kontrollerades inte vid baren.');
    await page
      .getByRole('group', { name: /Serveringsansvarig på plats/ })
      .getByLabel('OK')
      .check();
    await page.getByRole('button', { name: 'Spara protokollet' }).click();
    await page.getByRole('status').filter({ hasText: 'Protokollet är sparat.' }).waitFor();
    const findings = await api.db.query(`SELECT item_key, result, note FROM inspection_findings WHERE inspection_id = $1 ORDER BY item_key`, [planned.id]);
    expect(findings).toEqual([
      { item_key: 'age_checks', result: 'remark', note: 'Legitimation kontrollerades inte vid baren.' },
      { item_key: 'serving_manager_present', result: 'ok', note: '' },
    ]);
    // Nothing on the page is wider than the phone.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await page.close();
  });

  it('manager: the promise with its commitments, in English on request', async () => {
    const page = await signIn('chef@hammaro.test');
    await page.getByRole('link', { name: 'Medborgarlöftet', exact: true }).click();
    await page.getByRole('heading', { name: 'Åtaganden' }).waitFor();
    expect(await page.getByRole('progressbar').count()).toBeGreaterThan(3);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await page.getByRole('link', { name: 'Ungdomsärenden', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'In English' }).click();
    await page.getByRole('heading', { name: 'Commitments' }).waitFor();
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('en');
    await page.close();
  });

  it('keeps the session over a reload, and ends it gracefully when the account is shut off', async () => {
    const page = await signIn('trygghet@hammaro.test');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /^Hej / }).waitFor();
    await api.db.query(`UPDATE users SET token_version = token_version + 1 WHERE email = 'trygghet@hammaro.test'`);
    await api.db.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = (SELECT id FROM users WHERE email = 'trygghet@hammaro.test')`);
    // The next request finds the session ended: this click's, or a background one that comes first and
    // takes the header (and the link) away before the click lands, as on a loaded CI machine.
    const ended = page.getByText('Du har varit inaktiv en stund och har loggats ut.');
    await Promise.race([
      page
        .getByRole('link', { name: 'Medborgarlöftet', exact: true })
        .click()
        .catch(() => undefined),
      ended.waitFor(),
    ]);
    await ended.waitFor();
    await page.getByRole('button', { name: 'Logga in', exact: true }).waitFor();
    await page.close();
  });

  it('says refusals from their codes: a mistyped address is a missing page; a code it does not know, a general sentence (issue #16)', async () => {
    const page = await signIn('socialsekreterare@hammaro.test');
    // The api refuses the id as no UUID (a 400 with the English "id must be an id (UUID)"): to the reader, no such page.
    await page.goto(`${base}/youth-cases/inte-ett-id`);
    await page.getByText('Sidan finns inte, eller så har du inte behörighet att se den.').waitFor();
    expect(await page.getByText(/UUID|must be/).count()).toBe(0);

    // A refusal with a code newer than this client: a general sentence naming the code, never the api's English.
    const unknown = '00000000-0000-4000-8000-000000000001';
    await page.route(`**/api/v1/youth-cases/${unknown}`, (route) =>
      route.fulfill({
        status: 409,
        contentType: 'application/problem+json',
        body: JSON.stringify({
          type: 'urn:samverkan:problem:future.refusal',
          title: 'Conflict',
          status: 409,
          code: 'future.refusal',
          params: {},
          detail: 'A newer refusal.',
        }),
      }),
    );
    await page.goto(`${base}/youth-cases/${unknown}`);
    await page.getByText('Något gick fel (felkod future.refusal).', { exact: false }).waitFor();
    expect(await page.getByText('A newer refusal.').count()).toBe(0);
    await page.getByRole('button', { name: 'In English' }).click();
    await page.getByText('Something went wrong (error code future.refusal).', { exact: false }).waitFor();
    await page.close();
  });

  it('serves deep links to the app and keeps unknown api paths a 404 problem', async () => {
    const page = await web.browser.newPage();
    const response = await page.goto(`${base}/youth-cases/00000000-0000-4000-8000-000000000000`);
    expect(response?.status()).toBe(200);
    await page.getByRole('button', { name: 'Logga in', exact: true }).waitFor();
    const html = await (await page.request.get(`${base}/`)).text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    expect((await page.request.get(`${base}${asset}`)).headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response?.headers()['cache-control']).toBe('no-cache');
    const api404 = await page.request.get(`${base}/api/v1/no-such-thing`);
    expect(api404.status()).toBe(404);
    expect(api404.headers()['content-type']).toMatch(/problem\+json/);
    await page.close();
  });
});
