import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { HAMMARO_PROMISE_TITLE } from '../src/seed/promises.seed.js';
import { seriousA11yViolations } from './support/browser.js';
import type { TestApi } from './support/test-api.js';
import { BROWSER_TEST_TIMEOUT, WebTestApp } from './support/web-app.js';

/**
 * Issue #20 in the web client (headless Chromium against the real api with the Hammarö demo data,
 * real clock): the public index of published promises, and planning the promise in the screens.
 */
describe('web client: the public index and planning the promise', () => {
  jest.setTimeout(BROWSER_TEST_TIMEOUT);
  let web: WebTestApp;
  let api: TestApi;
  let base: string;
  let promiseId: string;

  beforeAll(async () => {
    web = await WebTestApp.start();
    ({ api, base } = web);
    [{ id: promiseId }] = await api.db.query(`SELECT id FROM promises WHERE title = $1`, [HAMMARO_PROMISE_TITLE]);
  });

  afterAll(async () => {
    await web?.close();
  });

  for (const width of [375, 1280]) {
    it(`the public index lists the demo promise without signing in and leads to its page with the parties (${width} px)`, async () => {
      const page = await web.browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(`${base}/public`);
      await page.getByRole('heading', { level: 1, name: 'Medborgarlöften' }).waitFor();
      const list = page.getByRole('list', { name: 'Medborgarlöften' });
      await list.getByRole('link', { name: HAMMARO_PROMISE_TITLE }).waitFor();
      await list.getByText('Hammarö kommun och Lokalpolisområde Karlstad').waitFor();
      expect(await page.getByRole('button', { name: 'Logga in', exact: true }).count()).toBe(0);
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);

      await list.getByRole('link', { name: HAMMARO_PROMISE_TITLE }).click();
      await page.waitForURL(`${base}/public/promises/${promiseId}`);
      await page.getByRole('heading', { level: 1, name: HAMMARO_PROMISE_TITLE }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Parterna bakom löftet' }).waitFor();
      await page.getByRole('heading', { level: 3, name: 'Hammarö kommun' }).waitFor();
      await page.getByRole('heading', { level: 3, name: 'Lokalpolisområde Karlstad' }).waitFor();
      expect(await page.getByRole('link', { name: 'kommunen@hammaro.se' }).getAttribute('href')).toBe('mailto:kommunen@hammaro.se');
      expect(await page.getByRole('link', { name: '114 14' }).getAttribute('href')).toBe('tel:11414');
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
      // And back to the index.
      await page.getByRole('link', { name: 'Alla medborgarlöften' }).click();
      await page.getByRole('heading', { level: 1, name: 'Medborgarlöften' }).waitFor();
      await page.close();
    });
  }
});
