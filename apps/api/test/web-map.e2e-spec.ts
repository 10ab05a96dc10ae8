import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { PREMISES_POSITIONS } from '../src/seed/map.seed.js';
import { HAMMARO_PLACES } from '../src/seed/promises.seed.js';
import { seriousA11yViolations } from './support/browser.js';
import { englishIn } from './support/language-check.js';
import { BROWSER_TEST_TIMEOUT, WebTestApp } from './support/web-app.js';

/** A 1×1 PNG: all a tile needs to be for the test. */
const TILE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** Every request the page makes from now on (the browser's own record, not the app's). */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

/** Opens the map from the menu and waits for its list of features. */
async function openMap(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Karta' }).click();
  await page.getByRole('heading', { level: 1, name: 'Karta' }).waitFor();
  await page.getByRole('table', { name: 'Det som visas på kartan' }).waitFor();
  // The map itself is a chunk of its own, loaded after the list may already show; its shapes are drawn all at once.
  await page.locator('.map-canvas path.leaflet-interactive').first().waitFor({ state: 'attached' });
}

/** The names in the list below the map, per layer (the list's first column). */
async function listed(page: Page, layer: string): Promise<string[]> {
  return (await page.locator(`table.map-list tbody tr[data-layer="${layer}"] td:nth-child(2)`).allInnerTexts()).sort((a, b) => a.localeCompare(b, 'sv'));
}

async function checkScreen(page: Page) {
  expect(await seriousA11yViolations(page)).toEqual([]);
  const shown = await page.evaluate<string>(`[document.title, document.body.innerText,
    ...[...document.querySelectorAll('[aria-label], [placeholder], [title]')].flatMap((e) =>
      ['aria-label', 'placeholder', 'title'].map((a) => e.getAttribute(a) ?? ''))].join('\\n')`);
  expect(englishIn(shown)).toEqual([]);
}

/**
 * Issue #20, the map, in headless Chromium (Leaflet draws SVG; no WebGL) against the real api and
 * the Hammarö demo data. Without MAP_TILE_URL the page shows its markers on a plain background and
 * not one request leaves the app's origin; with a tile server (here one on 127.0.0.1 started by the
 * test) the tiles come from it. Accessible at 375 and 1280 px, the same features listed below.
 */
describe('web client: the map', () => {
  jest.setTimeout(BROWSER_TEST_TIMEOUT);

  describe('without a tile server', () => {
    let web: WebTestApp;

    beforeAll(async () => {
      web = await WebTestApp.start();
    });

    afterAll(async () => {
      await web?.close();
    });

    it('safety coordinator: markers on a plain background, the same features listed, layers toggled — and nothing asked of any other origin', async () => {
      const page = await web.signIn('trygghet@hammaro.test');
      const requests = recordRequests(page);
      await openMap(page);
      await page.getByText('Ingen kartserver är inställd').waitFor();
      const sorted = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b, 'sv'));
      expect(await listed(page, 'premises')).toEqual(sorted(Object.keys(PREMISES_POSITIONS)));
      expect(await listed(page, 'place')).toEqual(sorted(HAMMARO_PLACES.map((p) => p.name)));
      expect(await listed(page, 'operation_area')).toEqual(['Skoghall']);
      // One SVG shape per feature listed, and no tile images.
      const rows = await page.locator('table.map-list tbody tr').count();
      expect(await page.locator('.map-canvas path.leaflet-interactive').count()).toBe(rows);
      expect(await page.locator('.map-canvas img.leaflet-tile').count()).toBe(0);
      await checkScreen(page);

      // A marker's popup names what it marks and links to its record page.
      await page.locator('.map-canvas path.leaflet-interactive').first().click({ force: true });
      const popup = page.locator('.leaflet-popup-content');
      await popup.waitFor();
      expect((await popup.innerText()).length).toBeGreaterThan(0);

      // Premises hidden: gone from the map and the list; the rest stays.
      await page.getByRole('checkbox', { name: 'Serveringsställen' }).uncheck();
      await page.locator('table.map-list tbody tr[data-layer="premises"]').first().waitFor({ state: 'detached' });
      expect(await page.locator('.map-canvas path.leaflet-interactive').count()).toBe(rows - Object.keys(PREMISES_POSITIONS).length);

      // A premises in the list opens its record page.
      await page.getByRole('checkbox', { name: 'Serveringsställen' }).check();
      await page.getByRole('link', { name: 'Kafé Bryggan' }).click();
      await page.getByRole('heading', { level: 1, name: 'Kafé Bryggan' }).waitFor();

      const origin = new URL(web.base).origin;
      expect(requests.length).toBeGreaterThan(0);
      expect(requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'))).toEqual([]);
      await page.close();
    });

    it('guard at 375 px: only the promise’s layers, the list readable, axe clean', async () => {
      const page = await web.signIn('vaktare@hammaro.test', { width: 375, height: 800 });
      await page.getByRole('button', { name: 'Meny' }).click();
      await openMap(page);
      expect(await page.getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => (b as unknown as { id: string }).id))).toEqual([
        'layer-place',
        'layer-finding',
      ]);
      expect(await listed(page, 'premises')).toEqual([]);
      expect(await listed(page, 'finding')).toHaveLength(2);
      // The page never scrolls sideways: the list scrolls inside its own box.
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
      await checkScreen(page);
      await page.close();
    });
  });

  describe('with a tile server', () => {
    let web: WebTestApp;
    let tiles: Server;
    const served: string[] = [];

    beforeAll(async () => {
      tiles = createServer((request, response) => {
        served.push(request.url ?? '');
        response.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' }).end(TILE);
      });
      await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
      const { port } = tiles.address() as { port: number };
      web = await WebTestApp.start({ MAP_TILE_URL: `http://127.0.0.1:${port}/tiles/{z}/{x}/{y}.png`, MAP_TILE_ATTRIBUTION: '© Testkartan' });
    });

    afterAll(async () => {
      await web?.close();
      await new Promise((resolve) => tiles?.close(resolve));
    });

    it('loads the tiles from the configured server, allowed by the Content-Security-Policy, with its attribution', async () => {
      const page = await web.signIn('chef@hammaro.test');
      const requests = recordRequests(page);
      await openMap(page);
      await page.locator('.map-canvas img.leaflet-tile-loaded').first().waitFor();
      expect(served.length).toBeGreaterThan(0);
      expect(served.every((path) => /^\/tiles\/\d+\/\d+\/\d+\.png$/.test(path))).toBe(true);
      await page.getByText('© Testkartan').waitFor();
      expect(await page.getByText('Ingen kartserver är inställd').count()).toBe(0);
      const { port } = tiles.address() as { port: number };
      const origins = new Set(requests.map((url) => new URL(url).origin));
      expect([...origins].sort()).toEqual([new URL(web.base).origin, `http://127.0.0.1:${port}`].sort());
      const csp = (await web.api.call('GET', '/')).headers['content-security-policy'];
      expect(String(csp)).toContain(`img-src 'self' data: http://127.0.0.1:${port}`);
      await checkScreen(page);
      await page.close();
    });
  });
});
