import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { seriousA11yViolations } from './support/browser.js';
import { englishIn } from './support/language-check.js';
import type { TestApi } from './support/test-api.js';
import { BROWSER_TEST_TIMEOUT, WebTestApp } from './support/web-app.js';

/**
 * The search box in the header (issue #17), in headless Chromium against the real api and the
 * Hammarö demo data, each flow as its role does it: type in the box, press Enter, open a result.
 * A licensing officer finds premises, a police officer an operation by its code name, a social
 * worker a case by its number — and a personal number leads to the person search of youth cases,
 * the number kept out of the address. The results page is accessible and Swedish throughout.
 */
describe('web client: search', () => {
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

  /** Types an entry in the header's search box and presses Enter; waits for the results page. */
  async function searchFor(page: Page, entry: string) {
    const box = page.getByRole('search', { name: 'Sök' }).getByRole('searchbox', { name: 'Sök' });
    await box.fill(entry);
    await box.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Sök' }).waitFor();
  }

  /** The results page settled, accessible and with no English or raw codes in Swedish mode. */
  async function checkScreen(page: Page) {
    expect(await seriousA11yViolations(page)).toEqual([]);
    // What the page says and what assistive technology reads (labels, placeholders, titles).
    const shown = await page.evaluate<string>(`[document.title, document.body.innerText,
      ...[...document.querySelectorAll('[aria-label], [placeholder], [title]')].flatMap((e) =>
        ['aria-label', 'placeholder', 'title'].map((a) => e.getAttribute(a) ?? ''))].join('\\n')`);
    expect(englishIn(shown)).toEqual([]);
  }

  it('licensing officer: finds premises by part of the name, accents aside, and opens them', async () => {
    const page = await web.signIn('alkohol@hammaro.test');
    await searchFor(page, 'kafe brygg');
    expect(page.url()).toBe(`${base}/search?q=kafe+brygg`);
    const premises = page.getByRole('region', { name: 'Serveringsställen' });
    await premises.getByRole('link', { name: 'Kafé Bryggan' }).waitFor();
    // Only the kinds a licensing officer works with: no youth cases, no operations.
    expect(await page.getByRole('heading', { level: 2, name: 'Ungdomsärenden' }).count()).toBe(0);
    expect(await page.getByRole('heading', { level: 2, name: 'Insatser' }).count()).toBe(0);
    await checkScreen(page);

    await premises.getByRole('link', { name: 'Kafé Bryggan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kafé Bryggan' }).waitFor();
    const [bryggan] = await api.db.query(`SELECT id FROM premises WHERE name = 'Kafé Bryggan'`);
    expect(page.url()).toBe(`${base}/inspections/premises/${bryggan.id}`);

    // A licence holder by its organisation number opens its page in the licence register.
    const [holder] = await api.db.query(`SELECT id, name, org_number FROM licence_holders WHERE name = 'Skoghalls Krog AB'`);
    await searchFor(page, holder.org_number);
    await page.getByRole('region', { name: 'Tillståndshavare' }).getByRole('link', { name: holder.name }).click();
    await page.getByRole('heading', { level: 1, name: holder.name }).waitFor();
    expect(page.url()).toBe(`${base}/inspections/licences/holders/${holder.id}`);

    await searchFor(page, 'qqzzxx');
    await page.getByText('Inga träffar').waitFor();
    await checkScreen(page);
    await page.close();
  });

  it('police officer: finds an operation by its code name and opens it', async () => {
    const page = await web.signIn('polis@karlstad.polisen.test');
    await searchFor(page, 'langning');
    const operations = page.getByRole('region', { name: 'Insatser' });
    await operations.getByRole('link', { name: 'Insats mot langning inför Halloween' }).waitFor();
    await checkScreen(page);

    await operations.getByRole('link', { name: 'Insats mot langning inför Halloween' }).click();
    await page.getByRole('heading', { level: 1, name: 'Insats mot langning inför Halloween' }).waitFor();
    const [operation] = await api.db.query(`SELECT id FROM operations WHERE title = 'Insats mot langning inför Halloween'`);
    expect(page.url()).toBe(`${base}/operations/${operation.id}`);
    await page.close();
  });

  it('municipal manager: the same code name finds no operation, nor any hint of one', async () => {
    const page = await web.signIn('chef@hammaro.test');
    await searchFor(page, 'langning');
    await page.getByText('Inga träffar').waitFor();
    expect(await page.getByRole('heading', { level: 2, name: 'Insatser' }).count()).toBe(0);
    await checkScreen(page);
    await page.close();
  });

  it('social worker: finds a case by its number and opens it; a personal number leads to the person search, not into the address', async () => {
    const [youthCase] = await api.db.query(`SELECT id FROM youth_cases WHERE status <> 'purged' ORDER BY created_at LIMIT 1`);
    const reference = `UÄ-${youthCase.id.slice(0, 8).toUpperCase()}`;
    const page = await web.signIn('socialsekreterare@hammaro.test');
    await searchFor(page, reference);
    const cases = page.getByRole('region', { name: 'Ungdomsärenden' });
    await cases.getByRole('link', { name: reference }).waitFor();
    await checkScreen(page);
    await cases.getByRole('link', { name: reference }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(reference) }).waitFor();
    expect(page.url()).toBe(`${base}/youth-cases/${youthCase.id}`);

    await searchFor(page, '20100621-2530');
    await page.getByText('ser ut som ett personnummer').waitFor();
    expect(page.url()).toBe(`${base}/search`);
    await checkScreen(page);
    await page.getByRole('button', { name: 'Sök person i ungdomsärenden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Öppna nytt ärende' }).waitFor();
    expect(page.url()).toBe(`${base}/youth-cases/new`);
    await page.close();
  });

  it('on a phone (375 px): the header keeps the search box, and the page does not scroll sideways', async () => {
    const page = await web.signIn('trygghet@hammaro.test', { width: 375, height: 800 });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await searchFor(page, 'grannsamverkan');
    await page.getByRole('heading', { level: 2, name: 'Åtaganden' }).waitFor();
    await page.getByRole('region', { name: 'Åtgärder' }).getByRole('link').first().waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await checkScreen(page);
    await page.close();
  });
});
