import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { seriousA11yViolations } from './support/browser.js';
import { englishIn } from './support/language-check.js';
import type { TestApi } from './support/test-api.js';
import { BROWSER_TEST_TIMEOUT, WebTestApp } from './support/web-app.js';

/** A Stockholm calendar day `days` from now (negative: before). */
function stockholmDay(days = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

/**
 * Issue #17 in the browser, as the licensing officer (alkohol@hammaro.test) from the start page:
 * the licence register (holders with a checked organisation number, a licence with its terms,
 * serving managers of at least 20, a change decision and revocation, each in the licence's
 * history) and the year's restaurant reports (AL 9 kap 7 §). Swedish only, axe clean.
 */
describe('web client: licences and restaurant reports', () => {
  jest.setTimeout(BROWSER_TEST_TIMEOUT);
  let web: WebTestApp;
  let api: TestApi;

  beforeAll(async () => {
    web = await WebTestApp.start();
    ({ api } = web);
  });

  afterAll(async () => {
    await web?.close();
  });

  const areaLink = (page: Page, name: string) => page.getByRole('navigation', { name: 'Tillsyn' }).getByRole('link', { name, exact: true });
  /** No serious accessibility violation and no English, snake_case or dotted code in the Swedish screen. */
  async function clean(page: Page) {
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(englishIn(await page.locator('main').innerText())).toEqual([]);
  }

  it('licensing officer: registers a holder and a licence, adds a serving manager, changes the terms and revokes, seeing the history', async () => {
    const page = await web.signIn('alkohol@hammaro.test');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Tillsyn', exact: true }).click();
    await areaLink(page, 'Tillstånd').click();
    await page.getByRole('heading', { level: 1, name: 'Tillståndshavare' }).waitFor();
    await page.getByRole('link', { name: 'Skoghalls Krog AB' }).waitFor();
    await clean(page);

    // Search by the start of the organisation number.
    const [seeded] = await api.db.query<{ org_number: string }[]>(`SELECT org_number FROM licence_holders WHERE name = 'Vilans Hamnkrog AB'`);
    await page.getByLabel('Sök tillståndshavare').fill(seeded.org_number.slice(0, 8));
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page.getByRole('link', { name: 'Vilans Hamnkrog AB' }).waitFor();
    await expect(page.getByRole('link', { name: 'Skoghalls Krog AB' }).count()).resolves.toBe(0);

    // Register a holder: a wrong check digit is refused at the field.
    await page.getByRole('button', { name: 'Registrera tillståndshavare' }).click();
    // Sent empty: each refusal in Swedish at its field.
    await page.getByRole('button', { name: 'Registrera', exact: true }).click();
    await page.getByText('Rätta följande:').waitFor();
    await clean(page);
    await page.getByLabel('Namn', { exact: true }).fill('Näsets Bistro AB');
    const orgNumber = page.getByLabel('Organisationsnummer', { exact: true });
    await orgNumber.fill('556703-7484');
    await page.getByRole('button', { name: 'Registrera', exact: true }).click();
    await page.locator('.ds-validation-message', { hasText: 'Organisationsnummer måste vara ett giltigt organisationsnummer' }).first().waitFor();
    await expect(orgNumber.getAttribute('aria-invalid')).resolves.toBe('true');
    await clean(page);
    await orgNumber.fill('5567037485');
    await page.getByRole('button', { name: 'Registrera', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Näsets Bistro AB' }).waitFor();
    await page.getByText('556703-7485').waitFor();
    await page.getByText('Tillståndshavaren har inga tillstånd ännu.').waitFor();
    // The holder's details change with the version read (If-Match).
    await page.getByRole('button', { name: 'Ändra uppgifterna' }).click();
    await page.getByLabel('Kontaktperson').fill('Eva Ström');
    await page.getByRole('button', { name: 'Spara uppgifterna' }).click();
    await page.getByRole('status').filter({ hasText: 'Uppgifterna är sparade.' }).waitFor();
    await page.getByText('Eva Ström').waitFor();

    // A licence for premises with its terms and first serving manager.
    await page.getByRole('button', { name: 'Registrera nytt tillstånd' }).click();
    await page.getByRole('button', { name: 'Registrera tillståndet' }).click();
    await page.getByText('Rätta följande:').waitFor();
    await clean(page);
    await page.getByLabel('Serveringsställe', { exact: true }).selectOption({ label: 'Skoghalls Krog' });
    await page.getByLabel('Fredag från').fill('11:00');
    await page.getByLabel('Fredag till').fill('01:00');
    await page.getByLabel('Serveringsyta 1').fill('Uteserveringen mot viken');
    await page.getByLabel('Slag av yta 1').selectOption({ label: 'uteservering' });
    await page.getByLabel('Villkor', { exact: true }).fill('Uteserveringen stänger 22:00.');
    await page.getByLabel('Namn', { exact: true }).fill('Karin Ek');
    await page.getByLabel('Födelsedatum').fill('1985-02-03');
    await clean(page);
    await page.getByRole('button', { name: 'Registrera tillståndet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Serveringstillstånd – Skoghalls Krog' }).waitFor();
    await page.getByText('Fredag 11:00–01:00').waitFor();
    await page.getByText('Uteserveringen mot viken (uteservering)').waitFor();
    const history = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Beslutat av' }) });
    await history.getByRole('row').filter({ hasText: 'Beviljat' }).filter({ hasText: 'Johan Nyström' }).waitFor();
    await clean(page);

    // A serving manager under 20 is refused at the field; one of age is added.
    await page.getByRole('button', { name: 'Lägg till serveringsansvarig' }).click();
    await page.getByText('Rätta följande:').waitFor();
    await clean(page);
    const birthDate = page.getByLabel('Födelsedatum');
    await page.getByLabel('Namn', { exact: true }).fill('Olle Ung');
    await birthDate.fill(stockholmDay(-365 * 19));
    await page.getByRole('button', { name: 'Lägg till serveringsansvarig' }).click();
    await page.locator('.ds-validation-message', { hasText: 'En serveringsansvarig måste vara minst 20 år' }).first().waitFor();
    await expect(birthDate.getAttribute('aria-invalid')).resolves.toBe('true');
    await clean(page);
    await birthDate.fill('1990-06-01');
    await page.getByRole('button', { name: 'Lägg till serveringsansvarig' }).click();
    await page.getByRole('status').filter({ hasText: 'Serveringsansvariga är uppdaterade.' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Olle Ung' }).filter({ hasText: '1 juni 1990' }).waitFor();
    await history.getByRole('row').filter({ hasText: 'Nya serveringsansvariga' }).waitFor();
    // …and one removed: the first serving manager leaves.
    await page.getByRole('button', { name: 'Ta bort Karin Ek' }).click();
    await page.getByRole('row').filter({ hasText: 'Karin Ek' }).waitFor({ state: 'detached' });
    await expect(page.getByRole('button', { name: 'Ta bort Olle Ung' }).isDisabled()).resolves.toBe(true);

    // A change decision: Saturday hours added, with the reasons; the history names what changed.
    await page.getByRole('button', { name: 'Ändra villkoren' }).click();
    await page.getByLabel('Lördag från').fill('11:00');
    await page.getByLabel('Lördag till').fill('01:00');
    await page.getByLabel('Skäl för beslutet').fill('Utökade serveringstider på lördagar enligt ansökan.');
    await clean(page);
    await page.getByRole('button', { name: 'Spara ändringsbeslutet' }).click();
    await page.getByRole('status').filter({ hasText: 'Ändringsbeslutet är sparat.' }).waitFor();
    await page.getByText('Fredag 11:00–01:00; Lördag 11:00–01:00').waitFor();
    const change = history.getByRole('row').filter({ hasText: 'Ändringsbeslut' });
    await change.filter({ hasText: 'serveringstider' }).filter({ hasText: 'Utökade serveringstider på lördagar enligt ansökan.' }).waitFor();

    // Suspension is a status change kept in the history too.
    await page.getByLabel('Ny status').selectOption({ label: 'Tillfälligt stoppat' });
    await page.getByLabel('Skäl', { exact: true }).fill('Stängt för ombyggnad.');
    await page.getByRole('button', { name: 'Ändra status' }).click();
    await page.getByRole('status').filter({ hasText: 'Statusen är ändrad.' }).waitFor();
    await history.getByRole('row').filter({ hasText: 'Tillfälligt stoppat' }).filter({ hasText: 'Stängt för ombyggnad.' }).waitFor();

    // Revocation is a sanction decision (AL 9 kap 18 §): proposed here, heard and decided on the case.
    await page.getByRole('button', { name: 'Föreslå sanktion' }).click();
    await page.locator('.ds-validation-message', { hasText: 'Skäl för förslaget' }).first().waitFor();
    await clean(page);
    await page.getByLabel('Skäl för förslaget').fill('Upprepad servering till underåriga vid två tillsyner.');
    await page.getByLabel('Sanktion som övervägs').selectOption({ label: 'Återkallelse' });
    await page.getByRole('button', { name: 'Föreslå sanktion' }).click();
    await page.getByRole('link', { name: 'Öppna sanktionsärendet' }).click();
    await page.getByRole('heading', { level: 1, name: /Skoghalls Krog/ }).waitFor();
    expect(await page.getByLabel('Sanktion som övervägs').inputValue()).toBe('aterkallelse');
    // The hearing (FL 25 §) and the holder's answer come before the decision.
    await page.getByLabel('Dag då kommuniceringen skickades').fill(stockholmDay(-7));
    await page.getByRole('button', { name: 'Registrera kommuniceringen' }).click();
    await page.getByRole('status').filter({ hasText: 'Kommuniceringen är registrerad.' }).waitFor();
    await page.getByLabel('Dag då svaret kom in').fill(stockholmDay(-2));
    await page.getByLabel('Svaret', { exact: true }).fill('Vi bestrider inte bristerna.');
    await page.getByRole('button', { name: 'Registrera svaret' }).click();
    await page.getByText('Läge: Svar har kommit in').waitFor();
    await page
      .getByRole('group', { name: 'Beslut' })
      .getByRole('radio', { name: /^Återkallelse/ })
      .check();
    await page.getByLabel('Skäl för beslutet').fill('Allvarliga och upprepade brister i ålderskontrollen.');
    await page.getByRole('button', { name: 'Fatta beslut' }).click();
    await page.getByText('Återkallelse', { exact: true }).first().waitFor();

    // Back to the licence through the premises: revoked, with the revocation in its history.
    await page.getByRole('link', { name: 'Serveringsstället Skoghalls Krog' }).click();
    await page.getByRole('heading', { level: 1, name: 'Skoghalls Krog' }).waitFor();
    await page.locator('.ds-card').filter({ hasText: 'Näsets Bistro AB' }).getByRole('link', { name: 'Öppna tillståndet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Serveringstillstånd – Skoghalls Krog' }).waitFor();
    // The newest decision first (row 0 is the header).
    const revoked = history.getByRole('row').nth(1).filter({ hasText: 'Allvarliga och upprepade brister i ålderskontrollen.' });
    await revoked.getByRole('link', { name: 'Återkallat' }).waitFor();
    await page.getByRole('heading', { name: 'Ändra status' }).waitFor({ state: 'detached' });
    await clean(page);
    const kinds = await api.db.query<{ kind: string }[]>(
      `SELECT d.kind FROM licence_decisions d JOIN licences l ON l.id = d.licence_id JOIN licence_holders h ON h.id = l.holder_id
       WHERE h.name = 'Näsets Bistro AB' ORDER BY d.created_at`,
    );
    expect(kinds.map((k) => k.kind)).toEqual(['granted', 'serving_managers_changed', 'serving_managers_changed', 'terms_changed', 'suspended', 'revoked']);
  });

  it('licensing officer: opens the year’s restaurant reports, sees who has not reported, records one with its figures', async () => {
    const page = await web.signIn('alkohol@hammaro.test');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Tillsyn', exact: true }).click();
    await areaLink(page, 'Restaurangrapporter').click();
    await page.getByRole('heading', { level: 1, name: 'Restaurangrapporter' }).waitFor();
    const year = Number(stockholmDay().slice(0, 4)) - 1;
    await expect(page.getByLabel('År').inputValue()).resolves.toBe(String(year));
    const [{ required }] = await api.db.query<{ required: number }[]>(
      `SELECT count(*)::int AS required FROM licences WHERE type IN ('permanent', 'shared_serving_area') AND valid_from <= make_date($1, 12, 31)
         AND (valid_until IS NULL OR valid_until >= make_date($1, 1, 1)) AND status <> 'expired'`,
      [year],
    );
    expect(required).toBeGreaterThan(2);
    await page.getByText(`0 av ${required} har rapporterat. ${required} har inte rapporterat, varav 0 försenade och ${required} ej öppnade.`).waitFor();
    await page.getByRole('row').filter({ hasText: 'Hamnkrogen Vilan' }).getByText('Ej öppnad').waitFor();
    await clean(page);

    await page.getByRole('button', { name: `Öppna rapporterna för ${year}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${required} rapporter öppnades.` })
      .waitFor();
    // 1 March has passed for last year's reports: those not in are late.
    const hamn = page.getByRole('row').filter({ hasText: 'Hamnkrogen Vilan' });
    await hamn.getByText('Försenad').waitFor();
    await page.getByText(`0 av ${required} har rapporterat. ${required} har inte rapporterat, varav ${required} försenade och 0 ej öppnade.`).waitFor();

    await hamn.getByRole('button', { name: 'Registrera rapport för Hamnkrogen Vilan' }).click();
    await page.getByRole('heading', { name: `Restaurangrapport ${year} – Hamnkrogen Vilan` }).waitFor();
    const wine = page.getByLabel('Vin (liter)');
    // Every figure is asked for: sent empty, each is refused at its field, in Swedish.
    await page.getByRole('button', { name: 'Spara rapporten' }).click();
    await page.locator('.ds-validation-message', { hasText: 'Starköl (liter) måste vara ett tal, 0 eller mer.' }).first().waitFor();
    await clean(page);
    await page.getByLabel('Spritdrycker (liter)').fill('120');
    await wine.fill('-5');
    await page.getByLabel('Starköl (liter)').fill('950');
    await page.getByLabel('Andra jästa drycker (liter)').fill('0');
    await page.getByRole('button', { name: 'Spara rapporten' }).click();
    await page.locator('.ds-validation-message', { hasText: 'Vin (liter) måste vara ett tal, 0 eller mer.' }).first().waitFor();
    await expect(wine.getAttribute('aria-invalid')).resolves.toBe('true');
    await clean(page);
    await wine.fill('800');
    await page.getByRole('button', { name: 'Spara rapporten' }).click();
    await page.getByRole('status').filter({ hasText: 'Rapporten för Hamnkrogen Vilan är registrerad.' }).waitFor();
    await hamn.getByText('Inlämnad').waitFor();
    await hamn.getByText('800 l').waitFor();
    await page.getByText(`1 av ${required} har rapporterat. ${required - 1} har inte rapporterat, varav ${required - 1} försenade och 0 ej öppnade.`).waitFor();
    const totals = page.getByRole('table', { name: 'Årets siffror (inlämnade rapporter)' });
    await totals.getByRole('row').filter({ hasText: 'Spritdrycker (liter)' }).getByText('120 l').waitFor();
    await totals.getByRole('row').filter({ hasText: 'Vin (liter)' }).getByText('800 l').waitFor();
    await clean(page);
  });
});
