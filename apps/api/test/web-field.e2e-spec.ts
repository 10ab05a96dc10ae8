import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { seriousA11yViolations } from './support/browser.js';
import { BROWSER_TEST_TIMEOUT, WebTestApp } from './support/web-app.js';

const PHONE = { width: 375, height: 812 };
const WIDE = { width: 1280, height: 900 };
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/**
 * Issue #20 in the web client on a phone (real clock, Hammarö demo data, whose promise ran
 * 2020–2022): one tap from the start page to record a guard round at a named place and a safety
 * walk with the phone's position and two organisations; the api's refusal at its field; axe at
 * 375 and 1280 px.
 */
describe('web client: recording rounds and walks in the field', () => {
  jest.setTimeout(BROWSER_TEST_TIMEOUT);
  let web: WebTestApp;

  beforeAll(async () => {
    web = await WebTestApp.start();
  });

  afterAll(async () => {
    await web?.close();
  });

  /** The field whose id is the api's field name carries the api's message as its description. */
  async function fieldMessage(page: Page, id: string): Promise<string> {
    const field = page.locator(`[id="${id}"][aria-invalid="true"]`);
    await field.waitFor();
    const described = (await field.getAttribute('aria-describedby'))!.split(/\s+/);
    const texts = await Promise.all(described.map((d) => page.locator(`[id="${d}"]`).textContent()));
    return texts.join(' ');
  }

  const startCard = (page: Page) => page.locator('.field-start');
  const pageWidth = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth');

  it('the guard records a round at a named place from the start page; a date outside the promise’s period is refused at the date', async () => {
    const page = await web.signIn('vaktare@hammaro.test', PHONE);
    // The guards' unit records rounds (and walks, a municipal commitment), not the police's speed checks.
    await startCard(page).getByRole('link', { name: 'Ny rond' }).waitFor();
    expect(await startCard(page).getByRole('link').allTextContents()).toEqual(['Ny rond', 'Ny trygghetsvandring']);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await startCard(page).getByRole('link', { name: 'Ny rond' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny rond' }).waitFor();
    const form = page.getByRole('form', { name: 'Ny rond' });
    await form.getByLabel('Plats').selectOption({ label: 'Skoghalls båthamn' });
    await form.getByLabel('Starttid').fill('21:30');
    await form.getByLabel('Iakttagelser').fill('2');
    await form.getByLabel('Kontakter med unga').fill('5');
    // The own organisation takes part by default.
    expect(await form.getByLabel('Hammarö kommun').isChecked()).toBe(true);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Today is after the demo promise's period: the api refuses, at the date.
    await form.getByRole('button', { name: 'Spara' }).click();
    expect(await fieldMessage(page, 'occurredOn')).toContain('Datum måste ligga inom löftets period, 1 januari 2020 – 31 december 2022.');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await form.getByLabel('Datum').fill('2022-08-12');
    await form.getByRole('button', { name: 'Spara' }).click();
    await page.waitForURL(new RegExp(`/promise/activities/(${UUID})$`));
    // The round's report names the place and the start time.
    await page.locator('dd', { hasText: 'Skoghalls båthamn' }).waitFor();
    await page.locator('dd', { hasText: '21:30' }).waitFor();
    const id = new URL(page.url()).pathname.split('/').pop();
    const [saved] = await web.api.db.query(
      `SELECT ac.kind, to_char(ac.occurred_on, 'YYYY-MM-DD') AS day, to_char(ac.start_time, 'HH24:MI') AS time, pl.name AS place, ac.metrics,
              (SELECT array_agg(o.name ORDER BY o.name) FROM organisations o WHERE o.id = ANY(ac.participating_organisation_ids)) AS organisations
       FROM activities ac JOIN places pl ON pl.id = ac.place_id WHERE ac.id = $1`,
      [id],
    );
    expect(saved).toEqual({
      kind: 'guard_patrol',
      day: '2022-08-12',
      time: '21:30',
      place: 'Skoghalls båthamn',
      metrics: { findings: 2, contacts_with_youth: 5 },
      organisations: ['Hammarö kommun'],
    });
    await page.context().close();
  });

  it('the rescue service records a safety walk with the phone’s position and two organisations', async () => {
    const page = await web.signIn('raddningstjanst@krf.test', PHONE, {
      geolocation: { latitude: 59.3227, longitude: 13.4641, accuracy: 12 },
      permissions: ['geolocation'],
    });
    await startCard(page).getByRole('link', { name: 'Ny trygghetsvandring' }).waitFor();
    expect(await startCard(page).getByRole('link').allTextContents()).toEqual(['Ny trygghetsvandring']);
    await startCard(page).getByRole('link', { name: 'Ny trygghetsvandring' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny trygghetsvandring' }).waitFor();
    const form = page.getByRole('form', { name: 'Ny trygghetsvandring' });
    await form.getByLabel('Datum').fill('2022-05-19');
    await form.getByLabel('Starttid').fill('18:00');
    await form.getByRole('button', { name: 'Använd min position' }).click();
    await form.getByText('Position: 59.32270, 13.46410 (± 12 m)').waitFor();
    // A safety walk offers the police, the municipality and the rescue service; the own one is ticked.
    expect(await form.getByRole('group', { name: 'Deltagande organisationer' }).getByRole('checkbox').count()).toBe(3);
    expect(await form.getByLabel('Karlstadsregionens räddningstjänstförbund').isChecked()).toBe(true);
    await form.getByLabel('Hammarö kommun').check();
    await form.getByLabel('Deltagare').fill('17');
    await form.getByLabel('Iakttagelser').fill('4');
    await form.getByLabel('Anteckning').fill('Kvällsvandring i Skoghalls centrum med boende och kommunen.');
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Spara' }).click();
    await page.waitForURL(new RegExp(`/promise/activities/(${UUID})$`));
    const id = new URL(page.url()).pathname.split('/').pop();
    const [saved] = await web.api.db.query(
      `SELECT ac.kind, ac.latitude::float8 AS latitude, ac.longitude::float8 AS longitude, ac.place_id AS "placeId", ac.metrics,
              (SELECT array_agg(o.name ORDER BY o.name) FROM organisations o WHERE o.id = ANY(ac.participating_organisation_ids)) AS organisations,
              o.name AS owner
       FROM activities ac JOIN organisations o ON o.id = ac.owner_organisation_id WHERE ac.id = $1`,
      [id],
    );
    expect(saved).toEqual({
      kind: 'safety_walk',
      latitude: 59.3227,
      longitude: 13.4641,
      placeId: null,
      metrics: { participants: 17, findings: 4 },
      organisations: ['Hammarö kommun', 'Karlstadsregionens räddningstjänstförbund'],
      owner: 'Karlstadsregionens räddningstjänstförbund',
    });
    await page.context().close();
  });

  it('shows the start card and the form without serious axe faults at 1280 px, and politely when the position is refused', async () => {
    const page = await web.signIn('trygghet@hammaro.test', WIDE);
    await startCard(page).getByRole('link', { name: 'Ny trygghetsvandring' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await startCard(page).getByRole('link', { name: 'Ny trygghetsvandring' }).click();
    const form = page.getByRole('form', { name: 'Ny trygghetsvandring' });
    await form.getByLabel('Plats').waitFor();
    // No geolocation permission in this context: the browser refuses and the form says so.
    await form.getByRole('button', { name: 'Använd min position' }).click();
    await form.getByText('Positionen kunde inte hämtas. Välj en plats i listan i stället.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });
});
