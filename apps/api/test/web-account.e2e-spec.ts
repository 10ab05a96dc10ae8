import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { messageNextTo, seriousA11yViolations } from './support/browser.js';
import { englishIn } from './support/language-check.js';
import { eventually, MailServer } from './support/mail-server.js';
import { BROWSER_TEST_TIMEOUT, WebTestApp } from './support/web-app.js';

/**
 * Issue #18's account life cycle in Chromium against the real api and a real SMTP server: an
 * administrator invites a person, who opens the link from the mail and chooses a password; a reset
 * link works once; the session list signs out another session. The mail's link is opened as the
 * person would, from their mail: it is the one address a test opens that is not the start page.
 */
describe('web client: invitations, password reset, sessions', () => {
  jest.setTimeout(BROWSER_TEST_TIMEOUT);
  let web: WebTestApp;
  let mail: MailServer;

  beforeAll(async () => {
    mail = await MailServer.start();
    web = await WebTestApp.start({ SMTP_URL: mail.url });
  });

  afterAll(async () => {
    await web?.close();
    await mail?.stop();
  });

  const decoded = (raw: string) =>
    Buffer.from(
      raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');

  /** The link of `path` in the `nth` mail to `to`, once it has arrived. */
  const linkIn = (to: string, path: 'invitation' | 'reset-password', nth = 1) =>
    eventually(async () => {
      const mails = mail.received.filter((m) => m.to.includes(to));
      expect(mails.length).toBeGreaterThanOrEqual(nth);
      const match = new RegExp(`${web.base}/${path}/[A-Za-z0-9_-]{43}`).exec(decoded(mails[nth - 1].raw));
      expect(match).not.toBeNull();
      return match![0];
    });

  async function clean(page: Page) {
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(englishIn(await page.locator('main').innerText())).toEqual([]);
  }

  it('an administrator invites a new user, who chooses a password (a weak one refused at the field) and lands signed in', async () => {
    const admin = await web.signIn('it@hammaro.test');
    await admin.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Administration' }).click();
    await admin.getByRole('link', { name: 'Ny användare' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Ny användare' }).waitFor();
    expect(await admin.getByLabel('Första lösenord').count()).toBe(0);
    await admin.getByLabel('Namn', { exact: true }).fill('Nils Nyman');
    await admin.getByLabel('E-postadress').fill('nils.nyman@hammaro.test');
    await admin.getByLabel('Anställd vid').selectOption({ label: 'Hammarö kommun' });
    await clean(admin);
    await admin.getByRole('button', { name: 'Bjud in' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Nils Nyman' }).waitFor();
    await admin.getByText(/Inbjudan: Skickad, väntar på svar/).waitFor();
    await admin.getByText('Användaren har inget lösenord ännu.').waitFor();
    await clean(admin);

    const link = await linkIn('nils.nyman@hammaro.test', 'invitation');
    const person = await web.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await person.goto(link);
    await person.getByRole('heading', { level: 1, name: 'Välkommen till Samverkan' }).waitFor();
    await person.getByText('Hammarö kommun har bjudit in dig, Nils Nyman (nils.nyman@hammaro.test).').waitFor();
    await clean(person);
    await person.getByLabel('Välj lösenord').fill('nilsnyman-hammaro');
    await person.getByRole('button', { name: 'Spara lösenord och logga in' }).click();
    expect(await messageNextTo(person, 'password')).toContain('Lösenord bygger på personens namn eller e-postadress.');
    await clean(person);
    await person.getByLabel('Välj lösenord').fill('Sjöbris-över-Vänern-41');
    await person.getByRole('button', { name: 'Spara lösenord och logga in' }).click();
    await person.getByRole('heading', { level: 1, name: 'Hej Nils Nyman' }).waitFor();
    expect(new URL(person.url()).pathname).toBe('/');

    // The link worked once: opened again, it says so.
    const again = await web.browser.newPage();
    await again.goto(link);
    await again.getByText('Länken har redan använts. Varje länk fungerar bara en gång.').waitFor();
    await clean(again);

    await admin.reload();
    await admin.getByText(/Inbjudan: Mottagen/).waitFor();
    await admin.getByText('Användaren har valt ett lösenord.').waitFor();
    await Promise.all([admin.close(), person.close(), again.close()]);
  });

  it('a reset link asked for on the sign-in page works once, then never', async () => {
    const page = await web.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(web.base);
    await page.getByRole('button', { name: 'Glömt lösenordet?' }).click();
    await page.getByRole('heading', { name: 'Glömt lösenordet' }).waitFor();
    await page.getByLabel('E-postadress').last().fill('trygghet@hammaro.test');
    await page.getByRole('button', { name: 'Skicka länk' }).click();
    await page.getByRole('status').filter({ hasText: 'Om adressen hör till ett konto har vi skickat en länk dit. Den gäller i 60 minuter' }).waitFor();
    await clean(page);

    const link = await linkIn('trygghet@hammaro.test', 'reset-password');
    const reset = await web.browser.newPage();
    await reset.goto(link);
    await reset.getByRole('heading', { level: 1, name: 'Välj nytt lösenord' }).waitFor();
    await clean(reset);
    await reset.getByLabel('Nytt lösenord').fill('Granar-i-snö-vid-Skoghall-7');
    await reset.getByRole('button', { name: 'Spara nytt lösenord' }).click();
    await reset.getByRole('status').filter({ hasText: 'Lösenordet är bytt.' }).waitFor();
    await clean(reset);

    const second = await web.browser.newPage();
    await second.goto(link);
    await second.getByLabel('Nytt lösenord').fill('Ett-helt-annat-lösen-8');
    await second.getByRole('button', { name: 'Spara nytt lösenord' }).click();
    await second.getByText('Länken har redan använts. Varje länk fungerar bara en gång.').waitFor();
    await clean(second);

    // The new password signs in.
    await page.reload();
    await page.getByLabel('E-postadress').first().fill('trygghet@hammaro.test');
    await page.getByLabel('Lösenord', { exact: true }).fill('Granar-i-snö-vid-Skoghall-7');
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /^Hej / }).waitFor();
    await Promise.all([page.close(), reset.close(), second.close()]);
  });

  it('the session list signs out another session', async () => {
    const laptop = await web.signIn('socialsekreterare@hammaro.test');
    const phone = await web.signIn(
      'socialsekreterare@hammaro.test',
      { width: 1280, height: 900 },
      { userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile Safari/604.1' },
    );

    await laptop.getByRole('link', { name: 'Säkerhet för Sara Lindqvist' }).click();
    await laptop.getByRole('link', { name: 'Mina inloggningar' }).click();
    await laptop.getByRole('heading', { level: 1, name: 'Mina inloggningar' }).waitFor();
    const rows = laptop.locator('tbody tr');
    await eventually(async () => expect(await rows.count()).toBe(2));
    await laptop.getByRole('row', { name: /Den här inloggningen/ }).waitFor();
    await laptop.getByRole('row', { name: /Safari på iOS/ }).waitFor();
    await clean(laptop);

    await laptop.getByRole('button', { name: /^Logga ut inloggningen från Safari på iOS/ }).click();
    await laptop.getByRole('status').filter({ hasText: 'Inloggningen är utloggad.' }).waitFor();
    await eventually(async () => expect(await rows.count()).toBe(1));
    await clean(laptop);

    // The phone's next request finds its session ended: back to the sign-in page.
    await phone.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Notiser' }).click();
    await phone.getByRole('heading', { level: 1, name: /Logga in/ }).waitFor();
    await Promise.all([laptop.close(), phone.close()]);
  });

  it('an administrator sees a user’s sessions and signs them out everywhere', async () => {
    const worker = await web.signIn('alkohol@hammaro.test');
    const admin = await web.signIn('it@hammaro.test');
    const [{ name }] = await web.api.db.query<{ name: string }[]>(`SELECT display_name AS name FROM users WHERE email = 'alkohol@hammaro.test'`);
    await admin.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Administration' }).click();
    await admin.getByLabel('Namn eller e-post').fill(name);
    await admin.getByRole('button', { name: 'Sök', exact: true }).click();
    await admin.getByRole('link', { name }).click();
    await admin.getByRole('heading', { level: 1, name }).waitFor();
    await admin.getByRole('heading', { name: 'Aktiva inloggningar' }).waitFor();
    await eventually(async () =>
      expect(
        await admin
          .locator('section', { has: admin.getByRole('heading', { name: 'Aktiva inloggningar' }) })
          .locator('tbody tr')
          .count(),
      ).toBe(1),
    );
    await clean(admin);

    await admin.getByRole('button', { name: 'Logga ut överallt' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Logga ut överallt' }).click();
    await admin.getByRole('status').filter({ hasText: 'Användaren är utloggad överallt (1).' }).waitFor();
    await admin.getByText('Användaren är inte inloggad någonstans.').waitFor();
    await clean(admin);
    expect(await web.api.auditEvents('user.sessions_end')).toEqual([expect.objectContaining({ resource_id: await web.api.userId('alkohol@hammaro.test') })]);

    await worker.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Notiser' }).click();
    await worker.getByRole('heading', { level: 1, name: /Logga in/ }).waitFor();
    await Promise.all([admin.close(), worker.close()]);
  });
});
