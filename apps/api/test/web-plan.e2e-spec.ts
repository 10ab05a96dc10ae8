import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { HAMMARO_PROMISE_TITLE } from '../src/seed/promises.seed.js';
import { seriousA11yViolations } from './support/browser.js';
import type { Page } from 'playwright-core';
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
  const nextYear = new Date().getFullYear() + 1;
  const title = `Väktarronder vid båthamnarna, sommaren ${nextYear}`;

  beforeAll(async () => {
    web = await WebTestApp.start();
    ({ api, base } = web);
    [{ id: promiseId }] = await api.db.query(`SELECT id FROM promises WHERE title = $1`, [HAMMARO_PROMISE_TITLE]);
  });

  afterAll(async () => {
    await web?.close();
  });

  /** The field whose id is the api's field name carries the api's message as its description. */
  async function fieldMessage(page: Page, id: string): Promise<string> {
    // Waits for the api's answer: the field turns invalid when the refusal arrives.
    const field = page.locator(`[id="${id}"][aria-invalid="true"]`);
    await field.waitFor();
    const described = (await field.getAttribute('aria-describedby'))!.split(/\s+/);
    const texts = await Promise.all(described.map((d) => page.locator(`[id="${d}"]`).textContent()));
    return texts.join(' ');
  }

  it('the safety coordinator plans next year’s action in the screens: refusals at the fields, then the action listed with its owner', async () => {
    // The manager's role reads and hands over actions; planning them is promise:manage, which the
    // catalogue gives the safety coordinator (and the police commander).
    const [patrols] = await api.db.query<{ id: string }[]>(`SELECT id FROM commitments WHERE promise_id = $1 AND text LIKE 'Riktade väktarronder%'`, [
      promiseId,
    ]);
    const page = await web.signIn('trygghet@hammaro.test');
    await page.getByRole('link', { name: 'Medborgarlöftet' }).click();
    await page.getByRole('link', { name: 'Planera löftet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Planera löftet' }).waitFor();
    const form = page.getByRole('form', { name: 'Ny åtgärd' });
    await form.getByLabel('Åtagande').selectOption(patrols.id);
    await form.getByLabel('Åtgärd', { exact: true }).fill(title);
    await form.getByLabel('Ansvarig person').selectOption({ label: 'Ahmed Hassan (Säkerhet/väktare)' });
    // Due before it starts: the api's refusal shows at the due date.
    await form.getByLabel('Startdatum').fill(`${nextYear}-06-01`);
    await form.getByLabel('Klart senast').fill(`${nextYear}-05-01`);
    await form.getByRole('button', { name: 'Lägg till åtgärden' }).click();
    expect(await fieldMessage(page, 'dueDate')).toContain('får inte vara före');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await form.getByLabel('Klart senast').fill(`${nextYear}-08-31`);
    await form.getByLabel('Vikt').fill('2');
    await form.getByRole('button', { name: 'Lägg till åtgärden' }).click();
    await page.getByRole('status').getByText(`Åtgärden ”${title}” är tillagd.`).waitFor();
    const [saved] = await api.db.query<{ due: string; weight: number; owner: string }[]>(
      `SELECT to_char(a.due_date, 'YYYY-MM-DD') AS due, a.weight::float8 AS weight, u.email AS owner
       FROM actions a JOIN users u ON u.id = a.responsible_user_id WHERE a.title = $1`,
      [title],
    );
    expect(saved).toEqual({ due: `${nextYear}-08-31`, weight: 2, owner: 'vaktare@hammaro.test' });

    // Listed among the actions due next year.
    await page.getByRole('status').getByRole('link', { name: 'Alla åtgärder' }).click();
    await page.getByRole('heading', { level: 1, name: 'Åtgärder' }).waitFor();
    await page.getByLabel('Slutdatum från').fill(`${nextYear}-01-01`);
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    const row = page.getByRole('row', { name: new RegExp(title) });
    await row.waitFor();
    await row.getByText('Ahmed Hassan', { exact: false }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });

  it('the manager hands the planned action to another person; the safety coordinator moves its dates, then cancels it with a reason', async () => {
    const [{ id }] = await api.db.query<{ id: string }[]>('SELECT id FROM actions WHERE title = $1', [title]);
    const manager = await web.signIn('chef@hammaro.test');
    await manager.goto(`${base}/promise/actions/${id}`);
    await manager.getByRole('heading', { level: 1, name: title }).waitFor();
    // The manager may hand it over but not change the plan or report on it.
    expect(await manager.getByRole('button', { name: 'Ändra planen' }).count()).toBe(0);
    expect(await manager.getByRole('button', { name: 'Ändra status och framsteg' }).count()).toBe(0);
    // The staff list answers late (a slow network); the form still proposes the person responsible now.
    await manager.route('**/api/v1/work-queue/staff', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await manager.getByRole('button', { name: 'Byt ansvarig' }).click();
    const reassign = manager.getByRole('form', { name: 'Byt ansvarig' });
    await reassign.waitFor();
    expect(await reassign.getByLabel('Ny ansvarig').locator('option:checked').textContent()).toBe('Ahmed Hassan (Säkerhet/väktare)');
    await reassign.getByLabel('Ny ansvarig').selectOption({ label: 'Anna Karlsson (Kommunledning)' });
    await reassign.getByLabel('Varför (sparas i historiken)').fill('Ahmed har semester i juli.');
    await reassign.getByRole('button', { name: 'Byt ansvarig' }).click();
    await manager.getByRole('status').getByText('Ändringen är sparad och syns i historiken.').waitFor();
    await manager.getByText('Anna Karlsson, Hammarö kommun').first().waitFor();
    expect(await seriousA11yViolations(manager)).toEqual([]);
    await manager.close();

    const page = await web.signIn('trygghet@hammaro.test');
    await page.goto(`${base}/promise/actions/${id}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByRole('button', { name: 'Ändra planen' }).click();
    const plan = page.getByRole('form', { name: 'Ändra planen' });
    await plan.getByLabel('Klart senast').fill(`${nextYear}-09-15`);
    await plan.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('status').getByText('Ändringen är sparad och syns i historiken.').waitFor();
    const [{ due }] = await api.db.query<{ due: string }[]>(`SELECT to_char(due_date, 'YYYY-MM-DD') AS due FROM actions WHERE id = $1`, [id]);
    expect(due).toBe(`${nextYear}-09-15`);

    // Cancelled with a reason, through the report form the action page already has.
    await page.getByRole('button', { name: 'Ändra status och framsteg' }).click();
    const status = page.getByRole('form', { name: 'Ändra status och framsteg' });
    await status.getByLabel('Status').selectOption({ label: 'Inställd' });
    await status.getByRole('button', { name: 'Spara' }).click();
    expect(await fieldMessage(page, 'statusReason')).not.toBe('');
    await status.getByLabel('Skäl').fill('Båthamnarna bevakas av ett vaktbolag från i år.');
    await status.getByRole('button', { name: 'Spara' }).click();
    await page.getByText('Båthamnarna bevakas av ett vaktbolag från i år.').first().waitFor();
    const [{ state }] = await api.db.query<{ state: string }[]>('SELECT status AS state FROM actions WHERE id = $1', [id]);
    expect(state).toBe('cancelled');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });

  it('the safety coordinator adds a commitment with a yearly target and edits it; the manager is not offered planning', async () => {
    const page = await web.signIn('trygghet@hammaro.test');
    await page.goto(`${base}/promise/plan`);
    await page.getByRole('heading', { level: 1, name: 'Planera löftet' }).waitFor();
    const form = page.getByRole('form', { name: 'Nytt åtagande' });
    // Without a text: refused at the field.
    await form.getByLabel('Problemområde').selectOption({ label: 'Trafik' });
    await form.getByLabel('Part').selectOption({ label: 'Kommunen' });
    await form.getByRole('button', { name: 'Lägg till åtagandet' }).click();
    expect(await fieldMessage(page, 'new-commitment-text')).not.toBe('');
    const text = 'Trygghetsvandringar med polisen och räddningstjänsten i varje kommundel';
    await form.getByLabel('Vad lovas').fill(text);
    await form.getByLabel('Målvärde').fill('4');
    await form.getByLabel('Enhet (t.ex. hastighetskontroller)').fill('trygghetsvandringar');
    await form.getByRole('button', { name: 'Lägg till åtagandet' }).click();
    await page.getByRole('status').getByText('Åtagandet är tillagt.').waitFor();
    await page.getByText('Mål: 4 trygghetsvandringar per år').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: `Ändra åtagandet: ${text}` }).click();
    const edit = page.getByRole('form', { name: 'Ändra åtagandet' });
    await edit.getByLabel('Målvärde').fill('6');
    await edit.getByRole('button', { name: 'Spara' }).click();
    await page.getByText('Mål: 6 trygghetsvandringar per år').waitFor();
    const [row] = await api.db.query<{ party: string; value: number }[]>('SELECT party, target_value::float8 AS value FROM commitments WHERE text = $1', [
      text,
    ]);
    expect(row).toEqual({ party: 'municipality', value: 6 });
    await page.close();

    const manager = await web.signIn('chef@hammaro.test');
    await manager.getByRole('link', { name: 'Medborgarlöftet' }).click();
    await manager.getByRole('link', { name: 'Alla åtgärder' }).waitFor();
    expect(await manager.getByRole('link', { name: 'Planera löftet' }).count()).toBe(0);
    await manager.close();
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

  it('the safety coordinator starts the next promise on a phone, carrying the open actions chosen, and plans its first year (375 px)', async () => {
    const open = await api.db.query<{ id: string; title: string }[]>(
      `SELECT a.id, a.title FROM actions a JOIN commitments c ON c.id = a.commitment_id
       WHERE c.promise_id = $1 AND a.status NOT IN ('done', 'cancelled') ORDER BY a.due_date, a.id`,
      [promiseId],
    );
    expect(open.length).toBeGreaterThan(1);
    const page = await web.signIn('trygghet@hammaro.test', { width: 375, height: 800 });
    await page.goto(`${base}/promise/plan`);
    const next = page.getByRole('form', { name: 'Nästa medborgarlöfte' });
    await next.waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    // First the promise is extended by half a year.
    const extend = page.getByRole('form', { name: 'Förläng löftet' });
    await extend.getByLabel('Nytt slutdatum').fill('2023-06-30');
    await extend.getByRole('button', { name: 'Förläng löftet' }).click();
    await page.getByRole('status').getByText('Löftet är förlängt till 30 juni 2023.').waitFor();
    await next.getByLabel('Namn på nästa löfte').fill('Medborgarlöfte Hammarö 2023–2026');
    // A start within the current promise: refused at the field, nothing created.
    await next.getByLabel('Gäller från').fill('2022-06-01');
    await next.getByRole('button', { name: 'Starta nästa löfte' }).click();
    expect(await fieldMessage(page, 'next-periodStart')).toContain('efter att nuvarande löfte slutar (30 juni 2023)');
    await next.getByLabel('Gäller från').fill('2023-07-01');
    await next.getByLabel('Gäller till').fill('2026-06-30');
    // The last open action is left behind.
    await next.getByRole('checkbox', { name: new RegExp(open[open.length - 1].title) }).uncheck();
    await next.getByRole('button', { name: 'Starta nästa löfte' }).click();
    await page.getByRole('link', { name: 'Medborgarlöfte Hammarö 2023–2026' }).waitFor();
    const [created] = await api.db.query<{ id: string; status: string }[]>(`SELECT id, status FROM promises WHERE predecessor_id = $1`, [promiseId]);
    expect(created.status).toBe('draft');
    const carried = await api.db.query<{ from: string }[]>(
      `SELECT a.carried_from_id AS from FROM actions a JOIN commitments c ON c.id = a.commitment_id WHERE c.promise_id = $1`,
      [created.id],
    );
    expect(carried.map((r) => r.from).sort()).toEqual(
      open
        .slice(0, -1)
        .map((a) => a.id)
        .sort(),
    );

    // The first year's new action, under a copied commitment of the next promise.
    const form = page.getByRole('form', { name: 'Ny åtgärd' });
    const [walks] = await api.db.query<{ id: string }[]>(`SELECT id FROM commitments WHERE promise_id = $1 AND text LIKE 'Trygghetsvandringar%'`, [created.id]);
    await form.getByLabel('Åtagande').selectOption(walks.id);
    await form.getByLabel('Åtgärd', { exact: true }).fill('Trygghetsvandring i Skoghall centrum, hösten 2023');
    await form.getByLabel('Startdatum').fill('2023-09-01');
    await form.getByLabel('Klart senast').fill('2023-10-31');
    await form.getByRole('button', { name: 'Lägg till åtgärden' }).click();
    await page.getByRole('status').getByText('är tillagd').waitFor();
    const [planned] = await api.db.query<{ promise: string }[]>(
      `SELECT c.promise_id AS promise FROM actions a JOIN commitments c ON c.id = a.commitment_id WHERE a.title = 'Trygghetsvandring i Skoghall centrum, hösten 2023'`,
    );
    expect(planned.promise).toBe(created.id);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);

    // The action left in the ending promise says where the work goes on.
    await page.goto(`${base}/promise/actions/${open[0].id}`);
    await page.getByText('Åtgärden fortsätter i nästa medborgarlöfte.').waitFor();
    await page.getByRole('link', { name: 'Öppna fortsättningen' }).click();
    await page.getByText('Åtgärden fortsätter en åtgärd från föregående löfte.').waitFor();
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });
});
