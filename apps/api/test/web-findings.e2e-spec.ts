import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { HAMMARO_PROMISE_TITLE } from '../src/seed/promises.seed.js';
import { seriousA11yViolations } from './support/browser.js';
import type { TestApi } from './support/test-api.js';
import { BROWSER_TEST_TIMEOUT, WebTestApp } from './support/web-app.js';

const PHONE = { width: 375, height: 812 };
const WIDE = { width: 1280, height: 900 };
// A real 1×1 PNG, as a phone's camera would hand the page a file.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

/**
 * Issue #20 in the web client at 375 px (headless Chromium against the real api with the Hammarö
 * demo data) — issue #20's "done when": the safety coordinator records a safety walk with the police
 * and the rescue service from the start page and adds two findings to its report, one with a photo; the findings register lists them; the guard, whose unit is responsible, starts one and
 * finishes it with what was done; the report shows both with their states, and the public page
 * counts them. Axe at 375 and 1280 px on every new screen.
 */
describe('web client: the findings of a safety walk, followed through', () => {
  jest.setTimeout(BROWSER_TEST_TIMEOUT);
  let web: WebTestApp;
  let api: TestApi;
  let base: string;
  let promiseId: string;
  // The safety walk recorded in the first test, through the start page's quick form.
  let walk: { id: string };
  const lighting = 'Tre gatlampor släckta längs gångvägen mot bryggorna';
  const vandalism = 'Sönderslagen bänk och klotter vid busskuren';

  beforeAll(async () => {
    web = await WebTestApp.start();
    ({ api, base } = web);
    [{ id: promiseId }] = await api.db.query(`SELECT id FROM promises WHERE title = $1`, [HAMMARO_PROMISE_TITLE]);
  });

  afterAll(async () => {
    await web?.close();
  });

  /** Axe at the phone's width and the desktop's, back to the phone afterwards; the page never wider than the phone. */
  async function axeAtBothWidths(page: Page) {
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.setViewportSize(WIDE);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.setViewportSize(PHONE);
  }

  /** The field whose id is the api's field name carries the api's message as its description. */
  async function fieldMessage(page: Page, id: string): Promise<string> {
    const field = page.locator(`[id="${id}"][aria-invalid="true"]`);
    await field.waitFor();
    const described = (await field.getAttribute('aria-describedby'))!.split(/\s+/);
    const texts = await Promise.all(described.map((d) => page.locator(`[id="${d}"]`).textContent()));
    return texts.join(' ');
  }

  it('the safety coordinator adds two findings to the walk’s report, one with a photo from the camera', async () => {
    const page = await web.signIn('trygghet@hammaro.test', PHONE);
    // A phone's network: the walk's commitment (whose problem area the finding form proposes) answers
    // after the rest of the report, and the form must still propose it.
    await page.route('**/api/v1/promises/*/commitments/*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    // One tap from the start page, then only what a walk needs.
    await page.locator('.field-start').getByRole('link', { name: 'Ny trygghetsvandring' }).click();
    const record = page.getByRole('form', { name: 'Ny trygghetsvandring' });
    await record.getByLabel('Plats').selectOption({ label: 'Skoghalls båthamn' });
    await record.getByLabel('Datum').fill('2022-09-14');
    await record.getByLabel('Starttid').fill('18:30');
    expect(await record.getByLabel('Hammarö kommun').isChecked()).toBe(true);
    await record.getByLabel('Lokalpolisområde Karlstad').check();
    await record.getByLabel('Karlstadsregionens räddningstjänstförbund').check();
    await record.getByLabel('Deltagare').fill('14');
    await record.getByRole('button', { name: 'Spara' }).click();
    await page.waitForURL(/\/promise\/activities\/[0-9a-f-]{36}$/);
    walk = { id: page.url().split('/').pop()! };
    await page.getByRole('heading', { level: 1, name: /^Rapport: Trygghetsvandring / }).waitFor();
    await page.getByText('Inga fynd registrerade från den här aktiviteten.').waitFor();
    const participants = await page.locator('dt:has-text("Deltagande organisationer") + dd').textContent();
    expect(participants!.split(', ').sort()).toEqual(['Hammarö kommun', 'Karlstadsregionens räddningstjänstförbund', 'Lokalpolisområde Karlstad']);

    const form = page.getByRole('form', { name: 'Nytt fynd' });
    await form.getByLabel('Kategori').selectOption({ label: 'Trasig belysning' });
    await form.getByLabel('Plats', { exact: true }).selectOption({ label: 'Skoghalls båthamn' });
    await form.getByLabel('Ansvarig enhet').selectOption({ label: 'Säkerhet/väktare' });
    // Without a description: the api's refusal at the field, and nothing stored.
    await form.getByRole('button', { name: 'Spara fyndet' }).click();
    expect(await fieldMessage(page, 'description')).not.toBe('');
    expect(await api.db.query('SELECT id FROM findings WHERE activity_id = $1', [walk.id])).toEqual([]);
    await axeAtBothWidths(page);

    await form.getByLabel('Vad som hittades').fill(lighting);
    // The camera's picture, as the phone hands it to the styled file input.
    expect(await page.locator('input#body').getAttribute('capture')).toBe('environment');
    expect(await page.locator('input#body').getAttribute('accept')).toBe('image/*');
    await page.locator('input#body').setInputFiles({ name: 'IMG_0412.png', mimeType: 'image/png', buffer: PNG });
    await form.getByText('Valt foto: IMG_0412.png').waitFor();
    await form.getByRole('button', { name: 'Spara fyndet' }).click();
    await page.getByRole('status').getByText('Fyndet och fotot är sparade.').waitFor();

    await form.getByLabel('Kategori').selectOption({ label: 'Skadegörelse' });
    await form.getByLabel('Plats', { exact: true }).selectOption({ label: 'Skoghalls centrum' });
    await form.getByLabel('Vad som hittades').fill(vandalism);
    await form.getByLabel('Ansvarig enhet').selectOption({ label: 'Säkerhet/väktare' });
    await form.getByRole('button', { name: 'Spara fyndet' }).click();
    await page.getByRole('status').getByText('Fyndet är sparat.').waitFor();

    // Both in the report, open.
    await page.getByRole('heading', { level: 2, name: 'Fynd (2)' }).waitFor();
    await page
      .getByRole('row', { name: new RegExp(lighting) })
      .getByText('Öppet')
      .waitFor();
    await page
      .getByRole('row', { name: new RegExp(vandalism) })
      .getByText('Öppet')
      .waitFor();
    // Each under the walk's commitment's problem area, the form's default.
    const stored = await api.db.query<{ description: string; photos: number; unit: string; commitmentArea: boolean }[]>(
      `SELECT f.description, (SELECT count(*)::int FROM promise_finding_photos p WHERE p.finding_id = f.id) AS photos, u.name AS unit,
              f.problem_area_id IS NOT DISTINCT FROM c.problem_area_id AS "commitmentArea"
       FROM findings f JOIN units u ON u.id = f.responsible_unit_id
       JOIN activities ac ON ac.id = f.activity_id JOIN commitments c ON c.id = ac.commitment_id
       WHERE f.activity_id = $1 ORDER BY f.description`,
      [walk.id],
    );
    expect(stored).toEqual([
      { description: vandalism, photos: 0, unit: 'Säkerhet/väktare', commitmentArea: true },
      { description: lighting, photos: 1, unit: 'Säkerhet/väktare', commitmentArea: true },
    ]);
    await axeAtBothWidths(page);

    // The register lists them, from the menu.
    await page.getByRole('button', { name: 'Meny', exact: true }).click();
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Fynd', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Fynd' }).waitFor();
    await page.getByRole('link', { name: lighting }).waitFor();
    await page.getByRole('link', { name: vandalism }).waitFor();
    await axeAtBothWidths(page);
    await page.close();
  });

  it('the guard, whose unit is responsible, starts one and finishes it with what was done; the report and the public page follow', async () => {
    const page = await web.signIn('vaktare@hammaro.test', PHONE);
    await page.goto(`${base}/findings`);
    await page.getByRole('heading', { level: 1, name: 'Fynd' }).waitFor();
    // "My unit's": the guard's own unit is offered first in the filter.
    await page.getByLabel('Ansvarig enhet').selectOption({ label: 'Min enhet: Säkerhet/väktare' });
    await page.getByLabel('Status').selectOption({ label: 'Öppet' });
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await page.waitForURL(/responsibleUnitId=/);
    // Opened again from its address on a slow network (the units answer last), the filter still
    // shows the unit it filters by.
    await page.route('**/api/v1/findings/responsible-units*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.reload();
    await page.getByRole('link', { name: lighting }).waitFor();
    // A choice made meanwhile in another filter is kept when the units arrive.
    await page.getByLabel('Kategori').selectOption({ label: 'Trasig belysning' });
    await page.getByLabel('Ansvarig enhet').locator('option', { hasText: 'Min enhet: Säkerhet/väktare' }).waitFor({ state: 'attached' });
    expect(await page.getByLabel('Ansvarig enhet').locator('option:checked').textContent()).toBe('Min enhet: Säkerhet/väktare');
    expect(await page.getByLabel('Kategori').locator('option:checked').textContent()).toBe('Trasig belysning');
    await page.getByRole('link', { name: lighting }).click();
    await page.getByRole('heading', { level: 1, name: lighting }).waitFor();
    // The photo, loaded through the signed-in api (an audited read), and the walk it came from.
    const photo = page.getByRole('img', { name: `Foto 1 av fyndet: ${lighting}` });
    await photo.waitFor();
    expect(await photo.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await page.getByRole('link', { name: /^Rapporten från trygghetsvandring / }).waitFor();
    await axeAtBothWidths(page);

    // Handing it on proposes the unit responsible now (the units, still slow, come first).
    await page.getByRole('button', { name: 'Lämna till annan enhet' }).click();
    const newUnit = page.getByRole('form', { name: 'Lämna till annan enhet' }).getByLabel('Ny ansvarig enhet');
    await newUnit.waitFor();
    expect(await newUnit.locator('option:checked').textContent()).toBe('Säkerhet/väktare (Hammarö kommun)');
    await page.getByRole('button', { name: 'Lämna till annan enhet' }).click();

    await page.getByRole('button', { name: 'Börja åtgärda' }).click();
    await page.getByRole('status').getByText('Ändringen är sparad.').waitFor();
    await page.getByText('Åtgärdas', { exact: true }).first().waitFor();

    await page.getByRole('button', { name: 'Klart', exact: true }).click();
    const done = page.getByRole('form', { name: 'Klart' });
    // Done without what was done: refused at the field.
    await done.getByRole('button', { name: 'Markera som klart' }).click();
    expect(await fieldMessage(page, 'resolution')).toContain('Vad som gjordes');
    await axeAtBothWidths(page);
    await done.getByLabel('Vad som gjordes').fill('Lamporna bytta av gatuenheten, kontrollerade i mörker samma kväll.');
    await done.getByRole('button', { name: 'Markera som klart' }).click();
    await page.getByText('Fyndet är avslutat och kan inte längre ändras.').waitFor();
    await page.getByText('Lamporna bytta av gatuenheten, kontrollerade i mörker samma kväll.').waitFor();
    const [finding] = await api.db.query<{ status: string; deadline: string }[]>(
      `SELECT f.status, d.status AS deadline FROM findings f JOIN deadlines d ON d.kind = 'finding_due' AND d.resource_id = f.id WHERE f.description = $1`,
      [lighting],
    );
    expect(finding).toEqual({ status: 'done', deadline: 'met' });
    const reads = await api.db.query(
      `SELECT 1 FROM audit_events e JOIN users u ON u.id = e.actor_user_id WHERE e.action = 'finding_photo.read' AND u.email = 'vaktare@hammaro.test'`,
    );
    expect(reads.length).toBeGreaterThan(0);

    // The walk's report shows both with their states.
    await page.getByRole('link', { name: /^Rapporten från trygghetsvandring / }).click();
    await page.getByRole('heading', { level: 1, name: /^Rapport: Trygghetsvandring / }).waitFor();
    await page
      .getByRole('row', { name: new RegExp(lighting) })
      .getByText('Åtgärdat')
      .waitFor();
    await page
      .getByRole('row', { name: new RegExp(vandalism) })
      .getByText('Öppet')
      .waitFor();
    await axeAtBothWidths(page);
    await page.close();

    // The public page counts what was found and fixed, with nothing of the findings themselves.
    const visitor = await web.browser.newPage({ viewport: PHONE });
    await visitor.goto(`${base}/public/promises/${promiseId}`);
    const section = visitor.getByRole('region', { name: 'Fynd från ronder och trygghetsvandringar' });
    await section.waitFor();
    // The walk's findings went under its commitment's problem area (the form's default).
    const [counted] = await api.db.query<{ title: string; raised: number; fixed: number }[]>(
      `SELECT pa.title, count(f.id)::int AS raised, count(f.id) FILTER (WHERE f.status = 'done')::int AS fixed
       FROM activities ac JOIN commitments c ON c.id = ac.commitment_id JOIN problem_areas pa ON pa.id = c.problem_area_id
       LEFT JOIN findings f ON f.problem_area_id = pa.id
       WHERE ac.id = $1 GROUP BY pa.title`,
      [walk.id],
    );
    expect(counted.raised).toBeGreaterThanOrEqual(2);
    expect(counted.fixed).toBeGreaterThanOrEqual(1);
    await section.getByText(`${counted.title}: ${counted.raised} registrerade, ${counted.fixed} åtgärdade`).waitFor();
    expect(await visitor.getByText(lighting).count()).toBe(0);
    expect(await seriousA11yViolations(visitor)).toEqual([]);
    await visitor.setViewportSize(WIDE);
    expect(await seriousA11yViolations(visitor)).toEqual([]);
    await visitor.close();
  });
});
