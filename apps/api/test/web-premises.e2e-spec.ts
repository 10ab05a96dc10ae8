import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { seriousA11yViolations, nothingLoading } from './support/browser.js';
import { englishIn } from './support/language-check.js';
import type { TestApi } from './support/test-api.js';
import { BROWSER_TEST_TIMEOUT, WebTestApp } from './support/web-app.js';

/** A Stockholm calendar day `days` from now, as YYYY-MM-DD. */
const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });

const NEW_PREMISES = 'Bistro Näset';

/**
 * The premises register in the screens (#17), as the licensing officer (alkohol@hammaro.test) from
 * the start page: premises registered (refusals in Swedish at their fields), changed with the version
 * read (a stale change refused with 412), removed (refused while licences or inspections exist); an
 * inspection booked from a tip links to the tip for those who manage premises, and only for them.
 */
describe('web client: the premises register', () => {
  jest.setTimeout(BROWSER_TEST_TIMEOUT);
  let web: WebTestApp;
  let api: TestApi;
  const id: Record<string, string> = {};

  /** The area's sub-navigation (not the main menu's "Tillsyn"). */
  const areaLink = (page: Page, name: string) => page.getByRole('navigation', { name: 'Tillsyn' }).getByRole('link', { name, exact: true });
  /** The screen is settled, accessible and says nothing in English or in codes. */
  const clean = async (page: Page) => {
    await nothingLoading(page);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(englishIn(await page.locator('main').innerText())).toEqual([]);
  };
  /** From the start page: Tillsyn → Serveringsställen. */
  const openRegister = async (page: Page) => {
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Tillsyn', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Tillsyner' }).waitFor();
    await areaLink(page, 'Serveringsställen').click();
    await page.getByRole('heading', { level: 1, name: 'Serveringsställen' }).waitFor();
  };
  const validationMessage = (page: Page, text: string) => page.locator('.ds-validation-message', { hasText: text }).first();

  beforeAll(async () => {
    web = await WebTestApp.start();
    ({ api } = web);
    // A tip of the demo data (a police referral's), and an inspection booked from it.
    [{ id: id.tip, premises_id: id.tipPremises, name: id.tipPremisesName }] = await api.db.query(
      `SELECT t.id, t.premises_id, p.name FROM premises_tips t JOIN premises p ON p.id = t.premises_id ORDER BY t.received_on LIMIT 1`,
    );
    const officer = await api.token('alkohol@hammaro.test');
    const day = dayFromNow(70);
    const booked = await api.call('POST', '/api/v1/inspections', {
      token: officer,
      body: {
        premisesId: id.tipPremises,
        type: 'external',
        tipId: id.tip,
        plannedStart: `${day}T10:00:00+01:00`,
        plannedEnd: `${day}T12:00:00+01:00`,
        inspectorIds: [await api.userId('alkohol@hammaro.test')],
      },
    });
    expect(booked.status).toBe(201);
    expect(booked.body.tipId).toBe(id.tip);
    id.inspection = booked.body.id;
  });

  afterAll(async () => {
    await web?.close();
  });

  it('licensing officer: registers premises, changes them (a stale change refused), removes them; premises in use stay', async () => {
    const page = await web.signIn('alkohol@hammaro.test');
    await openRegister(page);
    await page.getByRole('button', { name: 'Registrera serveringsställe' }).click();
    const form = page.getByRole('form', { name: 'Registrera serveringsställe' });

    // Sent empty: each refusal in Swedish at its field.
    await form.getByRole('button', { name: 'Registrera', exact: true }).click();
    await page.getByText('Rätta följande:').waitFor();
    await validationMessage(page, 'Namn måste vara minst 2 tecken.').waitFor();
    await validationMessage(page, 'Typ av ställe måste vara ett av de värden som går att välja.').waitFor();
    await validationMessage(page, 'Gatuadress måste vara minst 2 tecken.').waitFor();
    await expect(form.getByLabel('Namn', { exact: true }).getAttribute('aria-invalid')).resolves.toBe('true');
    await clean(page);

    // A postal code of the wrong form and a capacity that is no number: refused at their fields.
    await form.getByLabel('Namn', { exact: true }).fill(NEW_PREMISES);
    await form.getByLabel('Typ av ställe').selectOption({ label: 'Restaurang' });
    await form.getByLabel('Gatuadress').fill('Näsvägen 4');
    const postalCode = form.getByLabel('Postnummer');
    await postalCode.fill('66');
    await form.getByLabel('Ort').fill('Hammarö');
    const capacity = form.getByLabel('Antal gäster');
    await capacity.fill('många');
    await form.getByRole('button', { name: 'Registrera', exact: true }).click();
    await validationMessage(page, 'Postnummer har fel form.').waitFor();
    await validationMessage(page, 'Antal gäster måste vara ett heltal.').waitFor();
    await expect(postalCode.getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await page.getByText('Namn måste vara minst 2 tecken.').count()).toBe(0);
    await clean(page);

    // Valid: registered, and in the register.
    await postalCode.fill('663 41');
    await capacity.fill('80');
    await form.getByLabel('Latitud').fill('59,3702');
    await form.getByLabel('Longitud').fill('13.5101');
    await form.getByLabel('Serveringsstället har eget kök').check();
    await form.getByRole('button', { name: 'Registrera', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${NEW_PREMISES} är registrerat.` })
      .waitFor();
    const [stored] = await api.db.query(
      `SELECT id, kind, address, postal_code, city, capacity, latitude::float8 AS latitude, longitude::float8 AS longitude, has_own_kitchen, version
       FROM premises WHERE name = $1`,
      [NEW_PREMISES],
    );
    expect(stored).toMatchObject({
      kind: 'restaurant',
      address: 'Näsvägen 4',
      postal_code: '663 41',
      city: 'Hammarö',
      capacity: 80,
      latitude: 59.3702,
      longitude: 13.5101,
      has_own_kitchen: true,
    });
    expect((await api.auditEvents('premises.create')).some((e) => e.resource_id === stored.id)).toBe(true);
    await clean(page);

    // Opened from the register.
    await page.getByLabel('Sök på namn').fill('Näset');
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await page.getByRole('link', { name: NEW_PREMISES }).click();
    await page.getByRole('heading', { level: 1, name: NEW_PREMISES }).waitFor();
    await page.getByText('Näsvägen 4, 663 41 Hammarö').waitFor();

    // Changed with the version read.
    await page.getByRole('button', { name: 'Ändra uppgifterna' }).click();
    const edit = page.getByRole('form', { name: 'Ändra uppgifterna' });
    await expect(edit.getByLabel('Namn', { exact: true }).inputValue()).resolves.toBe(NEW_PREMISES);
    await expect(edit.getByLabel('Typ av ställe').inputValue()).resolves.toBe('restaurant');
    await edit.getByLabel('Antal gäster').fill('90');
    await edit.getByRole('button', { name: 'Spara ändringarna' }).click();
    await page.getByRole('status').filter({ hasText: 'Ändringarna är sparade.' }).waitFor();
    await page.getByRole('definition').filter({ hasText: /^90$/ }).waitFor();
    await clean(page);

    // A stale change: someone else changes the premises meanwhile; the change is refused (412) and
    // the latest details are fetched on request, then the change goes through.
    await page.getByRole('button', { name: 'Ändra uppgifterna' }).click();
    await edit.getByLabel('Gatuadress').fill('Näsvägen 6');
    const token = await api.token('alkohol@hammaro.test');
    const current = await api.call('GET', `/api/v1/premises/${stored.id}`, { token });
    const meanwhile = await api.call('PUT', `/api/v1/premises/${stored.id}`, {
      token,
      headers: { 'if-match': current.headers.etag as string },
      body: {
        collaborationId: current.body.collaborationId,
        name: NEW_PREMISES,
        kind: 'pub',
        address: 'Näsvägen 4',
        postalCode: '663 41',
        city: 'Hammarö',
        capacity: 90,
        hasOwnKitchen: true,
      },
    });
    expect(meanwhile.status).toBe(200);
    await edit.getByRole('button', { name: 'Spara ändringarna' }).click();
    const stale = page.getByText('Någon annan har ändrat uppgifterna sedan du öppnade dem. Ladda om sidan och gör din ändring igen.');
    await stale.waitFor();
    await clean(page);
    expect((await api.db.query(`SELECT address FROM premises WHERE id = $1`, [stored.id]))[0].address).toBe('Näsvägen 4');
    await edit.getByRole('button', { name: 'Hämta de senaste uppgifterna' }).click();
    // The form opens again on the latest version, with its details.
    await stale.waitFor({ state: 'detached' });
    await expect(edit.getByLabel('Typ av ställe').inputValue()).resolves.toBe('pub');
    await edit.getByLabel('Gatuadress').fill('Näsvägen 6');
    await edit.getByRole('button', { name: 'Spara ändringarna' }).click();
    await page.getByRole('status').filter({ hasText: 'Ändringarna är sparade.' }).waitFor();
    await page.getByText('Näsvägen 6, 663 41 Hammarö').waitFor();
    await page.getByRole('definition').filter({ hasText: /^Pub$/ }).waitFor();

    // Removed: back in the register, without it.
    await page.getByRole('button', { name: 'Ta bort serveringsstället' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: `Ta bort ${NEW_PREMISES}?` }).waitFor();
    await clean(page);
    await dialog.getByRole('button', { name: 'Ta bort', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Serveringsställen' }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: `${NEW_PREMISES} är borttaget ur registret.` })
      .waitFor();
    expect(await api.db.query(`SELECT id FROM premises WHERE id = $1`, [stored.id])).toEqual([]);
    expect((await api.auditEvents('premises.delete')).some((e) => e.resource_id === stored.id)).toBe(true);
    await clean(page);

    // Premises with licences and inspections stay: the refusal in words, in the dialog.
    await page.getByRole('link', { name: 'Skoghalls Krog' }).click();
    await page.getByRole('heading', { level: 1, name: 'Skoghalls Krog' }).waitFor();
    await page.getByRole('button', { name: 'Ta bort serveringsstället' }).click();
    await dialog.getByRole('button', { name: 'Ta bort', exact: true }).click();
    await dialog.getByText(/^Serveringsstället har \d+ tillstånd och \d+ tillsyner registrerade och kan inte tas bort\.$/).waitFor();
    await clean(page);
    expect(await api.db.query(`SELECT id FROM premises WHERE name = 'Skoghalls Krog'`)).toHaveLength(1);
    await page.close();
  });

  it('an inspection booked from a tip links to the tip for the licensing officer; a manager sees nothing of it', async () => {
    const page = await web.signIn('alkohol@hammaro.test');
    await openRegister(page);
    await page.getByRole('link', { name: id.tipPremisesName, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: id.tipPremisesName }).waitFor();
    await page.locator(`main a[href="/inspections/${id.inspection}"]`).click();
    await page.getByRole('heading', { level: 1, name: `Protokoll: ${id.tipPremisesName}` }).waitFor();
    await page.getByRole('link', { name: 'Bokad utifrån ett tips' }).click();
    await page.getByRole('heading', { level: 1, name: `Tips om ${id.tipPremisesName}` }).waitFor();
    await page.locator(`main a[href="/inspections/${id.inspection}"]`).waitFor();
    await clean(page);
    await page.close();

    // A manager reads premises and inspections but does not manage premises: no tip, no register form.
    const manager = await web.signIn('chef@hammaro.test');
    await openRegister(manager);
    expect(await manager.getByRole('button', { name: 'Registrera serveringsställe' }).count()).toBe(0);
    await manager.getByRole('link', { name: id.tipPremisesName, exact: true }).click();
    await manager.getByRole('heading', { level: 1, name: id.tipPremisesName }).waitFor();
    expect(await manager.getByRole('button', { name: 'Ändra uppgifterna' }).count()).toBe(0);
    expect(await manager.getByRole('button', { name: 'Ta bort serveringsstället' }).count()).toBe(0);
    await manager.locator(`main a[href="/inspections/${id.inspection}"]`).click();
    await manager.getByRole('heading', { level: 1, name: `Protokoll: ${id.tipPremisesName}` }).waitFor();
    await clean(manager);
    expect(await manager.getByText('Bokad utifrån ett tips').count()).toBe(0);
    expect(await manager.locator(`main a[href="/inspections/tips/${id.tip}"]`).count()).toBe(0);
    await manager.close();
  });
});
