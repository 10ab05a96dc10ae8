import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { seriousA11yViolations, nothingLoading } from './support/browser.js';
import { BROWSER_TEST_TIMEOUT, WebTestApp } from './support/web-app.js';

const PHONE = { width: 375, height: 812 };
const WIDE = { width: 1280, height: 900 };
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

/**
 * The web client on a phone, 375 px wide (issue #20): the header's pages behind a menu button,
 * every page each role reaches from the menu without sideways scrolling (wide tables scroll in
 * their own box), and the inspection photo taken with the camera from a button that looks like
 * one. Axe at both widths on every screen the menu leads to.
 */
describe('web client on a phone', () => {
  jest.setTimeout(BROWSER_TEST_TIMEOUT);
  let web: WebTestApp;

  beforeAll(async () => {
    web = await WebTestApp.start();
  });

  afterAll(async () => {
    await web?.close();
  });

  const menuButton = (page: Page) => page.getByRole('button', { name: 'Meny', exact: true });
  const mainMenu = (page: Page) => page.getByRole('navigation', { name: 'Huvudmeny' });
  const pageWidth = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth');
  /**
   * The screen a menu link leads to as it ends up: the link marked current (React shows the new
   * screen and the mark together), its heading drawn and nothing still loading.
   */
  async function shown(page: Page, href: string) {
    await page.waitForFunction(
      (to) => (globalThis as unknown as Browser).document.querySelector('#topbar-menu a[aria-current="page"]')?.getAttribute('href') === to,
      href,
    );
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await nothingLoading(page);
  }

  /** Every page the role's menu offers, opened from the menu at 375 px: none wider than the phone, none with a serious axe fault. */
  async function everyMenuPageOnAPhone(email: string) {
    const page = await web.signIn(email, PHONE);
    expect(await menuButton(page).getAttribute('aria-expanded')).toBe('false');
    expect(await mainMenu(page).count()).toBe(0);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);

    await menuButton(page).click();
    expect(await menuButton(page).getAttribute('aria-expanded')).toBe('true');
    const names = await mainMenu(page).getByRole('link').allTextContents();
    expect(names.length).toBeGreaterThan(2);
    const problems: string[] = [];
    for (const name of names) {
      if (!(await mainMenu(page).isVisible())) await menuButton(page).click();
      const link = mainMenu(page).getByRole('link', { name, exact: true });
      const href = (await link.getAttribute('href'))!;
      await link.click();
      // The chosen page closes the menu: the page is what one came for.
      await mainMenu(page).waitFor({ state: 'detached' });
      expect(await menuButton(page).getAttribute('aria-expanded')).toBe('false');
      await shown(page, href);
      const width = await pageWidth(page);
      if (width > PHONE.width) problems.push(`${name}: ${width} px wide`);
      for (const fault of await seriousA11yViolations(page)) problems.push(`${name}: ${fault}`);
    }
    expect(problems).toEqual([]);
    await page.close();
    return names;
  }

  it('the menu button opens and closes the menu by mouse and keyboard; the wide header has none', async () => {
    const page = await web.signIn('chef@hammaro.test', PHONE);
    const button = menuButton(page);
    expect(await button.getAttribute('aria-controls')).toBe('topbar-menu');
    // Closed, the header holds the name, the button and the search box; the rest is out of sight and out of the reading order.
    await page.getByRole('search', { name: 'Sök' }).waitFor();
    expect(await page.getByRole('button', { name: 'Logga ut' }).count()).toBe(0);

    await button.click();
    await mainMenu(page).waitFor();
    await page.getByRole('button', { name: 'Logga ut' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    await button.click();
    await mainMenu(page).waitFor({ state: 'detached' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');

    // The keyboard: Enter opens, Tab reaches the first page, Escape closes and returns to the button.
    await button.focus();
    await page.keyboard.press('Enter');
    await mainMenu(page).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.textContent')).toBe('Start');
    await page.keyboard.press('Escape');
    await mainMenu(page).waitFor({ state: 'detached' });
    expect(await page.evaluate<string>('document.activeElement.getAttribute("aria-controls")')).toBe('topbar-menu');
    // Space too, and a link followed by keyboard closes the menu on the new page.
    await page.keyboard.press(' ');
    await mainMenu(page).getByRole('link', { name: 'Medborgarlöftet', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Åtaganden' }).waitFor();
    expect(page.url()).toBe(`${web.base}/promise`);
    expect(await mainMenu(page).count()).toBe(0);

    // Wider than the breakpoint the header is as it was: the pages in a row, no menu button.
    await page.setViewportSize(WIDE);
    await mainMenu(page).getByRole('link', { name: 'Start', exact: true }).waitFor();
    expect(await button.count()).toBe(0);
    await page.getByRole('button', { name: 'Logga ut' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    // Back to the phone: the menu is closed again.
    await page.setViewportSize(PHONE);
    await button.waitFor();
    expect(await mainMenu(page).count()).toBe(0);
    await page.close();
  });

  it('licensing officer: every page of the menu fits the phone', async () => {
    expect(await everyMenuPageOnAPhone('alkohol@hammaro.test')).toEqual(expect.arrayContaining(['Tillsyn', 'Notiser']));
  });

  it('manager: every page of the menu fits the phone', async () => {
    expect(await everyMenuPageOnAPhone('chef@hammaro.test')).toEqual(expect.arrayContaining(['Medborgarlöftet']));
  });

  it('organisation admin: every page of the menu fits the phone', async () => {
    expect(await everyMenuPageOnAPhone('it@hammaro.test')).toEqual(expect.arrayContaining(['Administration']));
  });

  it('social worker: every page of the menu fits the phone', async () => {
    expect(await everyMenuPageOnAPhone('socialsekreterare@hammaro.test')).toEqual(expect.arrayContaining(['Ungdomsärenden']));
  });

  it('police officer: every page of the menu fits the phone', async () => {
    expect(await everyMenuPageOnAPhone('polis@karlstad.polisen.test')).toEqual(expect.arrayContaining(['Insatser']));
  });

  it('social worker: a youth case on a phone lists its parts at the top, each a tap away', async () => {
    const page = await web.signIn('socialsekreterare@hammaro.test', PHONE);
    await page.goto(`${web.base}/youth-cases`);
    await page.getByRole('row').nth(1).getByRole('link').first().click();
    const contents = page.getByRole('navigation', { name: 'På sidan' });
    await contents.waitFor();
    const names = await contents.getByRole('link').allTextContents();
    expect(names.length).toBeGreaterThan(3);
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousA11yViolations(page)).toEqual([]);
    // The last part: the page moves to it, its heading in view.
    const last = contents.getByRole('link', { name: names.at(-1), exact: true });
    const target = (await last.getAttribute('href'))!;
    await last.click();
    await page.waitForFunction((hash) => (globalThis as unknown as { location: { hash: string } }).location.hash === hash, target);
    const heading = page.locator(target).getByRole('heading', { level: 2 });
    expect(await heading.textContent()).toBe(names.at(-1));
    const box = (await heading.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(PHONE.height);
    await page.close();
  });

  it('social worker: every youth case on the list fits the phone, long category labels and all', async () => {
    const page = await web.signIn('socialsekreterare@hammaro.test', PHONE);
    await page.goto(`${web.base}/youth-cases`);
    const rows = page.getByRole('row').filter({ has: page.getByRole('link') });
    await rows.first().waitFor();
    const hrefs: string[] = [];
    for (const row of await rows.all()) hrefs.push((await row.getByRole('link').first().getAttribute('href'))!);
    expect(hrefs.length).toBeGreaterThan(2);
    const tooWide: string[] = [];
    let longLabels = 0;
    for (const href of hrefs) {
      await page.goto(`${web.base}${href}`);
      await page.getByRole('navigation', { name: 'På sidan' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Anteckningar' }).waitFor();
      await nothingLoading(page);
      const width = await pageWidth(page);
      if (width > PHONE.width) tooWide.push(`${href}: ${width} px`);
      longLabels += await page.getByText('Brott och misstankar om brott (GDPR art. 10)', { exact: true }).count();
    }
    expect(tooWide).toEqual([]);
    // The label that once made a case 420 px wide: at least one case shows it.
    expect(longLabels).toBeGreaterThan(0);
    await page.close();
  });

  it('the same pages on a wide screen: no serious axe fault either', async () => {
    const page = await web.signIn('alkohol@hammaro.test', WIDE);
    const names = await mainMenu(page).getByRole('link').allTextContents();
    const problems: string[] = [];
    for (const name of names) {
      const link = mainMenu(page).getByRole('link', { name, exact: true });
      const href = (await link.getAttribute('href'))!;
      await link.click();
      await shown(page, href);
      for (const fault of await seriousA11yViolations(page)) problems.push(`${name}: ${fault}`);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a wide table scrolls in its own box, which the keyboard can reach; the page does not', async () => {
    const page = await web.signIn('it@hammaro.test', PHONE);
    await page.goto(`${web.base}/admin/users`);
    await page.getByRole('cell', { name: 'Lena Björk' }).waitFor();
    const box = page.locator('.table-wrap').first();
    const sizes = await box.evaluate((element: { scrollWidth: number; clientWidth: number; tabIndex: number }) => ({
      scrolls: element.scrollWidth > element.clientWidth,
      tabIndex: element.tabIndex,
    }));
    expect(sizes).toEqual({ scrolls: true, tabIndex: 0 });
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    // Wide enough for the table: no extra Tab stop.
    await page.setViewportSize(WIDE);
    await page.waitForFunction(
      () => ((globalThis as unknown as Browser).document.querySelector('.table-wrap') as unknown as { tabIndex: number }).tabIndex === -1,
    );
    await page.close();
  });

  it('licensing officer: the protocol on a phone takes a photo with the camera from a button that names the file', async () => {
    const [visit] = await web.api.db.query(
      `SELECT i.id FROM inspections i JOIN premises p ON p.id = i.premises_id WHERE p.name = 'Sportbaren Mörmo' AND i.status = 'planned'`,
    );
    const page = await web.signIn('alkohol@hammaro.test', PHONE);
    await page.goto(`${web.base}/inspections/${visit.id}`);
    await page.getByRole('heading', { level: 1, name: 'Protokoll: Sportbaren Mörmo' }).waitFor();
    // A long protocol: the line over it counts the items given a result, as one marks them.
    const progress = page.getByRole('progressbar', { name: /^Bedömda punkter: / });
    const total = Number(await progress.getAttribute('max'));
    expect(total).toBeGreaterThan(3);
    expect(await progress.getAttribute('value')).toBe('0');
    const ageChecks = page.getByRole('group', { name: /Ålderskontroll/ });
    await ageChecks.getByLabel('Anmärkning').check();
    await page.getByRole('progressbar', { name: `Bedömda punkter: 1 av ${total}` }).waitFor();
    await page.getByRole('button', { name: 'Spara protokollet' }).click();
    await page.getByRole('status').filter({ hasText: 'Protokollet är sparat.' }).waitFor();

    const input = ageChecks.getByLabel('Lägg till foto');
    // The phone's rear camera opens at once; only the image types the api takes are offered.
    expect(await input.getAttribute('capture')).toBe('environment');
    expect((await input.getAttribute('accept'))?.split(',').every((type) => type.startsWith('image/'))).toBe(true);
    // What one sees and touches is the label, drawn as a button at least 24 px high (WCAG 2.5.8).
    const label = ageChecks.locator('label', { hasText: 'Lägg till foto' });
    expect(await label.getAttribute('class')).toContain('ds-button');
    expect((await label.boundingBox())!.height).toBeGreaterThanOrEqual(24);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await input.setInputFiles({ name: 'IMG_0042.png', mimeType: 'image/png', buffer: PNG });
    await ageChecks.getByRole('status').filter({ hasText: 'IMG_0042.png är sparat.' }).waitFor();
    await ageChecks.getByRole('button', { name: 'Foto 1 (1 kB)' }).waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousA11yViolations(page)).toEqual([]);
    // The keyboard reaches the hidden input from the photo before it, and the label shows where the focus is.
    await ageChecks.getByRole('button', { name: 'Foto 1 (1 kB)' }).focus();
    await page.keyboard.press('Tab');
    expect(await input.evaluate((element) => element === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement)).toBe(
      true,
    );
    const outline = await label.evaluate(
      (element) => (globalThis as unknown as { getComputedStyle(e: unknown): { outlineStyle: string } }).getComputedStyle(element).outlineStyle,
    );
    expect(outline).not.toBe('none');
    await page.close();
  });
});

/** What functions run in the browser use of it (the tests are typed without the DOM library; a type, so nothing from here need reach the browser). */
type Browser = { document: { querySelector(selector: string): { getAttribute(name: string): string | null } | null } };
