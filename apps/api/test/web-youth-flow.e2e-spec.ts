import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { seriousA11yViolations } from './support/browser.js';
import { englishIn } from './support/language-check.js';
import type { TestApi } from './support/test-api.js';
import { BROWSER_TEST_TIMEOUT, WebTestApp } from './support/web-app.js';

/** The Luhn check digit of a personnummer's nine digits YYMMDDNNN (Skatteverket's rule). */
function luhn(nineDigits: string): number {
  const sum = [...nineDigits].reduce((total, digit, i) => {
    const product = Number(digit) * (i % 2 === 0 ? 2 : 1);
    return total + (product > 9 ? product - 9 : product);
  }, 0);
  return (10 - (sum % 10)) % 10;
}

/** Elias Nyström of the demo data (born 2011-03-14, serial 238): he has an open SSPF case. */
const ELIAS = `20110314-238${luhn('110314238')}`;

const reference = (caseId: string) => `UÄ-${caseId.slice(0, 8).toUpperCase()}`;

/** The text the screen shows (body, title, labels), for the language check. */
const shownText = (page: Page) =>
  page.evaluate(() => {
    const document = (globalThis as unknown as { document: { title: string; body: { innerText: string } } }).document;
    return `${document.title}\n${document.body.innerText}`;
  });

/** A settled screen in Swedish mode: no serious accessibility violation, no English, no raw codes. */
async function checkScreen(page: Page): Promise<void> {
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(englishIn(await shownText(page))).toEqual([]);
}

/**
 * Issue #17 in the browser, each flow as its role from the start page: a social worker opening a
 * case for a young person who has one sees it, is refused the duplicate with a link, and follows it;
 * the social services manager sees the report of concern waiting for its förhandsbedömning with its
 * days left, opens the caseload and gives an unassigned case a coordinator chosen from the unit.
 */
describe('web client: youth cases opened by person', () => {
  jest.setTimeout(BROWSER_TEST_TIMEOUT);
  let web: WebTestApp;
  let api: TestApi;
  const id: Record<string, string> = {};

  beforeAll(async () => {
    web = await WebTestApp.start();
    ({ api } = web);
    // In the demo data Elias's is the one SSPF case with an active plan, Lova's the one unassessed report.
    [{ id: id.elias }] = await api.db.query(`SELECT id FROM youth_cases WHERE form = 'sspf' AND status = 'plan_active'`);
    [{ id: id.report }] = await api.db.query(`SELECT id FROM youth_cases WHERE form = 'report_of_concern' AND status = 'concern_raised'`);
    id.worker = await api.userId('socialsekreterare@hammaro.test');
  });

  afterAll(async () => {
    await web?.close();
  });

  it('social worker: finds a young person from the header search, sees the case, is refused a duplicate with a link to it, and opens it', async () => {
    const page = await web.signIn('socialsekreterare@hammaro.test');
    // The personnummer typed in the header goes to the person search (never into the address),
    // filled in, with the cursor on the reason the search needs.
    const box = page.getByRole('search', { name: 'Sök' }).getByRole('searchbox', { name: 'Sök' });
    await box.fill(ELIAS);
    await box.press('Enter');
    await page.getByRole('button', { name: 'Sök person i ungdomsärenden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Öppna nytt ärende' }).waitFor();
    expect(page.url()).toBe(`${web.base}/youth-cases/new`);
    expect(await page.getByLabel('Personnummer eller samordningsnummer').inputValue()).toBe(ELIAS);
    const reason = page.getByLabel('Skäl till sökningen (sparas i granskningsloggen)');
    await expect(
      reason.evaluate((field) => field === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement),
    ).resolves.toBe(true);
    await reason.fill('Skolan ringde om ny frånvaro');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();

    // The person's cases the worker may read, each a link.
    const existing = page.locator('section', { has: page.getByRole('heading', { name: 'Ärenden om den unge som du kan se' }) });
    await existing.getByRole('link', { name: reference(id.elias) }).waitFor();
    expect(await existing.getByRole('row').nth(1).innerText()).toMatch(/^UÄ-\w{8}\s+SSPF\s+Plan pågår\s+Socialtjänsten\s+\d+ \w+ \d{4}$/);
    await checkScreen(page);

    // A second open SSPF case is refused, with a link to the existing one.
    await page.getByRole('radio', { name: 'SSPF – skola, socialtjänst, polis, fritid' }).check();
    await page.getByRole('button', { name: 'Öppna ärendet' }).click();
    await page
      .getByText(`Den unge har redan ett öppet ärende av samma form (${reference(id.elias)}).`, { exact: false })
      .first()
      .waitFor();
    const link = page.getByRole('link', { name: `Gå till ärende ${reference(id.elias)}` });
    await link.waitFor();
    await page.getByLabel('Skäl till att ett nytt ärende behövs (sparas i ärendet och i granskningsloggen)').waitFor();
    await checkScreen(page);
    expect(await api.db.query(`SELECT count(*)::int AS n FROM youth_cases WHERE form = 'sspf' AND status <> 'closed'`)).toEqual([{ n: 3 }]);

    await link.click();
    await page.getByRole('heading', { level: 1, name: `Ärende ${reference(id.elias)}` }).waitFor();
    await page.getByText('Elias Nyström, 15 år', { exact: false }).waitFor();
    await page.close();
  });

  it('manager: sees the report of concern waiting for its förhandsbedömning, opens the caseload and assigns a coordinator from the unit', async () => {
    const page = await web.signIn('socialchef@hammaro.test');
    await page.getByRole('link', { name: 'Ungdomsärenden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ungdomsärenden' }).waitFor();

    // The report the police filed two days ago: 12 of its 14 days left (SoL 11 kap 1 a §).
    const waiting = page.locator('.ds-card', { has: page.getByRole('heading', { name: 'Orosanmälningar som väntar på förhandsbedömning' }) });
    const row = waiting.getByRole('row', { name: new RegExp(reference(id.report)) });
    await row.waitFor();
    expect(await row.innerText()).toContain('12 dagar kvar');
    await checkScreen(page);

    await page.getByRole('link', { name: 'Arbetsfördelning' }).click();
    await page.getByRole('heading', { level: 1, name: 'Arbetsfördelning' }).waitFor();
    const sara = page.getByRole('row', { name: /^Sara Lindqvist/ });
    await sara.waitFor();
    // Sara coordinates four open cases: one each in the assessment, the mapping, an active plan and the follow-up.
    expect((await sara.innerText()).split(/\s+/).slice(2)).toEqual(['0', '1', '0', '1', '1', '1', '4']);
    expect((await page.getByRole('row', { name: /^Utan samordnare/ }).innerText()).split(/\s+/).slice(2)).toEqual(['1', '0', '0', '0', '0', '0', '1']);
    await page.getByText('Orosanmälningar som väntar på förhandsbedömning: 1, varav 0 försenade.').waitFor();
    await checkScreen(page);

    await page.getByRole('button', { name: `Tilldela samordnare för ${reference(id.report)}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: `Tilldela samordnare för ${reference(id.report)}` }).waitFor();
    const select = dialog.getByLabel('Samordnare från enheten');
    // Only the unit's case workers are offered.
    expect((await select.locator('option').allInnerTexts()).slice(1)).toEqual(['Maria Ek', 'Sara Lindqvist']);
    await select.selectOption({ label: 'Sara Lindqvist' });
    await checkScreen(page);
    await dialog.getByRole('button', { name: 'Tilldela', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Sara Lindqvist är samordnare för ${reference(id.report)}.` })
      .waitFor();
    await page.getByText('Alla öppna ärenden har en samordnare.').waitFor();
    await sara.getByRole('cell', { name: '5', exact: true }).waitFor();
    expect(await api.db.query(`SELECT coordinator_user_id FROM youth_cases WHERE id = $1`, [id.report])).toEqual([{ coordinator_user_id: id.worker }]);
    const [event] = (await api.auditEvents('youth_case.update')).filter((e) => e.resource_id === id.report);
    expect(event.details).toEqual({ coordinator: { from: null, to: id.worker } });
    await checkScreen(page);

    // The report itself: a contact person chosen from the unit's staff, then the förhandsbedömning made.
    await page.getByRole('link', { name: 'Tillbaka till ärendena' }).click();
    await waiting.getByRole('link', { name: reference(id.report) }).click();
    await page.getByRole('heading', { level: 1, name: `Ärende ${reference(id.report)}` }).waitFor();
    const contact = page.getByLabel('Kontaktperson från enheten');
    await contact.waitFor();
    expect((await contact.locator('option').allInnerTexts()).slice(1)).toEqual(['Maria Ek']);
    await contact.selectOption({ label: 'Maria Ek' });
    await page.getByRole('button', { name: 'Lägg till kontaktperson' }).click();
    await page.getByRole('listitem').filter({ hasText: 'Maria Ek (Hammarö kommun) — Kontaktperson' }).waitFor();
    await checkScreen(page);
    const status = page.locator('form', { has: page.getByRole('button', { name: 'Byt status', exact: true }) });
    await status.getByLabel('Nästa steg').selectOption({ label: 'Bedömning' });
    await status.getByRole('button', { name: 'Byt status' }).click();
    await page.getByText('Ärendet har status Bedömning.').waitFor();
    expect(await api.db.query(`SELECT kind, status FROM deadlines WHERE resource_id = $1`, [id.report])).toEqual([
      { kind: 'youth_preliminary_assessment', status: 'met' },
    ]);
    await page.getByRole('link', { name: 'Tillbaka till ärendena' }).click();
    await waiting.getByText('Inga orosanmälningar väntar på förhandsbedömning.').waitFor();
    await page.close();
  });
});
