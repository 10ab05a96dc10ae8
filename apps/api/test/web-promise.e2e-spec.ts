import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { HAMMARO_PROMISE_TITLE } from '../src/seed/promises.seed.js';
import type { Page } from 'playwright-core';
import { seriousA11yViolations } from './support/browser.js';
import type { TestApi } from './support/test-api.js';
import { BROWSER_TEST_TIMEOUT, WebTestApp } from './support/web-app.js';

/**
 * The citizen promise in the web client (headless Chromium against the real api with the Hammarö
 * demo data, real clock): dashboard, actions, reporting on an action, the yearly follow-up with
 * both parties' approvals, the report export, and the public page.
 */
describe('web client: the citizen promise', () => {
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

  const actionId = async (title: string) => (await api.db.query<{ id: string }[]>('SELECT id FROM actions WHERE title = $1', [title]))[0].id;

  /** The field whose id is the api's field name carries the api's message as its description. */
  async function fieldMessage(page: Page, id: string): Promise<string> {
    const field = page.locator(`[id="${id}"]`);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    const described = (await field.getAttribute('aria-describedby'))!.split(/\s+/);
    const texts = await Promise.all(described.map((d) => page.locator(`[id="${d}"]`).textContent()));
    return texts.join(' ');
  }

  it('manager: the dashboard with problem areas, commitments, the year chart and a link to the public page; the activities filtered by kind', async () => {
    const page = await web.signIn('chef@hammaro.test');
    await page.getByRole('link', { name: 'Medborgarlöftet' }).click();
    await page.getByRole('heading', { level: 1, name: HAMMARO_PROMISE_TITLE }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Åtaganden' }).waitFor();
    await page.getByRole('heading', { level: 3, name: '2. Trafik' }).waitFor();
    // The year chart says each year's target and actual in words (speed checks: 10 a year).
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM activities a JOIN commitments c ON c.id = a.commitment_id
       WHERE c.text LIKE 'Ökad trafikövervakning%' AND a.occurred_on BETWEEN '2021-01-01' AND '2021-12-31'`,
    );
    const speed = page.getByRole('figure', { name: /Ökad trafikövervakning/ });
    await speed.getByText(`Mål 10, utfall ${n} (${Math.min(100, n * 10)} %)`).waitFor();
    await page.getByText('Visa siffrorna som tabell').click();
    await page.getByRole('table', { name: 'Mål och utfall per år' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await page.getByRole('link', { name: 'Publik sida' }).getAttribute('href')).toBe(`/public/promises/${promiseId}`);

    // The activities carried out, filtered to one kind in the address.
    await page.getByRole('link', { name: 'Genomförda aktiviteter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Genomförda aktiviteter' }).waitFor();
    await page.getByLabel('Typ av aktivitet').selectOption('neighbourhood_watch');
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await page.waitForURL(/kind=neighbourhood_watch/);
    const [{ watch }] = await api.db.query(`SELECT count(*)::int AS watch FROM activities WHERE kind = 'neighbourhood_watch'`);
    await page.getByText(`Visar 1–${watch} av ${watch}`).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(watch);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });

  it('manager: filters the actions to the overdue ones, sees them marked in words, opens one with its history, and has no reporting controls', async () => {
    const page = await web.signIn('chef@hammaro.test');
    await page.getByRole('link', { name: 'Medborgarlöftet' }).click();
    await page.getByRole('link', { name: 'Alla åtgärder' }).click();
    await page.getByRole('heading', { level: 1, name: 'Åtgärder' }).waitFor();
    await page.getByRole('cell', { name: 'Digital ärendeöverlämning mellan polis och socialtjänst' }).waitFor();
    const [{ all }] = await api.db.query(`SELECT count(*)::int AS all FROM actions`);
    expect(await page.locator('tbody tr').count()).toBe(all);

    await page.getByLabel('Försenade (slutdatum passerat, inte klara)').check();
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await page.waitForURL(/overdue=true/);
    const overdue = await api.db.query<{ title: string }[]>(
      `SELECT title FROM actions WHERE status NOT IN ('done', 'cancelled') AND due_date < (now() AT TIME ZONE 'Europe/Stockholm')::date ORDER BY title`,
    );
    expect(overdue.length).toBeGreaterThan(0);
    await page.getByText(`av ${overdue.length}`).waitFor();
    const rows = page.locator('tbody tr');
    expect((await rows.locator('td:first-child').allTextContents()).sort()).toEqual(overdue.map((a) => a.title).sort());
    // Every row says "Försenad" in text, not only by colour.
    for (const row of await rows.all()) expect(await row.getByText('Försenad', { exact: true }).count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The filter lives in the address: a reload keeps it.
    await page.reload();
    expect(await page.getByLabel('Försenade (slutdatum passerat, inte klara)').isChecked()).toBe(true);

    await page.getByRole('link', { name: 'Digital ärendeöverlämning mellan polis och socialtjänst' }).click();
    await page.getByRole('heading', { level: 1, name: 'Digital ärendeöverlämning mellan polis och socialtjänst' }).waitFor();
    const history = page.getByRole('table').first();
    await history
      .getByRole('cell', { name: 'Planerad → Hindrad · Framsteg 40 % · Skäl: Väntar på juridisk bedömning av personuppgiftsbehandlingen.' })
      .waitFor();
    await page.getByText('Utveckla informationsutbytet och samverkan kring insatser för unga', { exact: false }).waitFor();
    // A manager reads; reporting needs promise_action:update.
    expect(await page.getByRole('button', { name: 'Registrera aktivitet' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Ändra status och framsteg' }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });

  it('safety coordinator: records an activity (the api’s field error next to the field first), then changes the status; a stale version reloads', async () => {
    const title = 'Trygghetsvandringar i Skoghalls centrum och vid Hammarlunden';
    const id = await actionId(title);
    const page = await web.signIn('trygghet@hammaro.test');
    await page.goto(`${base}/promise/actions?overdue=true`);
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();

    await page.getByRole('button', { name: 'Registrera aktivitet' }).click();
    await page.getByLabel('Typ av aktivitet').selectOption('safety_walk');
    await page.getByLabel('Deltagare').fill('18');
    await page.getByLabel('Iakttagelser').fill('5');
    await page.getByLabel('Plats').fill('Hammarlunden');
    await page.getByLabel('Datum').fill('');
    await page.getByRole('button', { name: 'Registrera', exact: true }).click();
    await page.getByRole('link', { name: 'Datum: skriv ett datum som ÅÅÅÅ-MM-DD.' }).waitFor();
    expect(await fieldMessage(page, 'occurredOn')).toContain('Datum: skriv ett datum som ÅÅÅÅ-MM-DD.');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await api.db.query('SELECT 1 FROM activities WHERE action_id = $1', [id])).toEqual([]);

    await page.getByLabel('Datum').fill('2022-09-14');
    await page.getByRole('button', { name: 'Registrera', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Aktiviteten är registrerad' }).waitFor();
    const activities = await api.db.query(
      `SELECT kind, to_char(occurred_on, 'YYYY-MM-DD') AS on, place, metrics, source FROM activities WHERE action_id = $1`,
      [id],
    );
    expect(activities).toEqual([
      { kind: 'safety_walk', on: '2022-09-14', place: 'Hammarlunden', metrics: { participants: 18, findings: 5 }, source: 'manual' },
    ]);
    await page
      .getByRole('cell', { name: /Deltagare: 18/ })
      .getByText(/Iakttagelser: 5/)
      .waitFor();

    await page.getByRole('button', { name: 'Ändra status och framsteg' }).click();
    // Someone else changes the action meanwhile: the save is refused (412) and the page shows the new version.
    await api.db.query('UPDATE actions SET progress = 85, version = version + 1 WHERE id = $1', [id]);
    await page.getByLabel('Status', { exact: true }).selectOption('done');
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Någon annan ändrade åtgärden' }).waitFor();
    await page.getByText('85 %', { exact: true }).waitFor();
    expect((await api.db.query('SELECT status FROM actions WHERE id = $1', [id]))[0].status).toBe('in_progress');

    await page.getByLabel('Status', { exact: true }).selectOption('done');
    await page.getByLabel('Anteckning').fill('Sista vandringen för perioden är genomförd.');
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Ändringen är sparad' }).waitFor();
    await page.getByRole('cell', { name: /Pågår → Klar · Framsteg 100 % · Anteckning: Sista vandringen för perioden är genomförd\./ }).waitFor();
    expect(await page.getByText('Försenad', { exact: true }).count()).toBe(0);
    const [action] = await api.db.query('SELECT status, progress, completed_at FROM actions WHERE id = $1', [id]);
    expect(action).toMatchObject({ status: 'done', progress: 100, completed_at: expect.any(Date) });
    const [event] = await api.db.query(
      `SELECT e.kind, e.from_status, e.to_status, e.note, u.email FROM action_events e JOIN users u ON u.id = e.actor_user_id
       WHERE e.action_id = $1 ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1`,
      [id],
    );
    expect(event).toEqual({
      kind: 'status_changed',
      from_status: 'in_progress',
      to_status: 'done',
      note: 'Sista vandringen för perioden är genomförd.',
      email: 'trygghet@hammaro.test',
    });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });

  it('follow-up: the municipality’s manager starts and approves it, the police commander approves, and both approvals show', async () => {
    const chef = await web.signIn('chef@hammaro.test');
    await chef.getByRole('link', { name: 'Medborgarlöftet' }).click();
    await chef.getByRole('link', { name: 'Uppföljningar och årsrapport' }).click();
    await chef.getByRole('heading', { level: 1, name: 'Uppföljningar' }).waitFor();
    await chef.getByRole('link', { name: 'Uppföljning 2021' }).waitFor();
    expect(await seriousA11yViolations(chef)).toEqual([]);
    await chef.getByLabel('År', { exact: true }).fill('2022');
    await chef.getByRole('button', { name: 'Påbörja' }).click();
    await chef.getByRole('heading', { level: 1, name: 'Uppföljning 2022' }).waitFor();
    await chef.getByText('Utkast', { exact: true }).waitFor();
    await chef.getByRole('button', { name: 'Godkänn för kommunen' }).click();
    await chef.getByRole('status').filter({ hasText: 'Du har godkänt uppföljningen för kommunen.' }).waitFor();
    await chef
      .getByTestId('approval-municipality')
      .getByText(/Godkänd av Per Olsson/)
      .waitFor();
    expect(await chef.getByRole('button', { name: /Godkänn för/ }).count()).toBe(0);
    expect(await seriousA11yViolations(chef)).toEqual([]);
    const [followUp] = await api.db.query(`SELECT f.id, f.status FROM follow_ups f WHERE f.promise_id = $1 AND f.year = 2022 AND f.half IS NULL`, [promiseId]);
    expect(followUp.status).toBe('draft');
    await chef.close();

    const commander = await web.signIn('insatschef@karlstad.polisen.test');
    await commander.goto(`${base}/promise/follow-ups`);
    await commander.getByRole('link', { name: 'Uppföljning 2022' }).click();
    await commander.getByTestId('approval-police').getByText('Inte godkänd än').waitFor();
    await commander.getByRole('button', { name: 'Godkänn för polisen' }).click();
    await commander
      .getByTestId('approval-police')
      .getByText(/Godkänd av Helena Strand/)
      .waitFor();
    await commander
      .getByTestId('approval-municipality')
      .getByText(/Godkänd av Per Olsson/)
      .waitFor();
    await commander.getByText('Godkänd och låst', { exact: true }).waitFor();
    // Frozen: nothing left to write or approve.
    expect(await commander.getByRole('heading', { name: 'Skriv uppföljningen' }).count()).toBe(0);
    expect(await seriousA11yViolations(commander)).toEqual([]);
    const approvals = await api.db.query(
      `SELECT a.side, u.email FROM follow_up_approvals a JOIN users u ON u.id = a.user_id WHERE a.follow_up_id = $1 ORDER BY a.side`,
      [followUp.id],
    );
    expect(approvals).toEqual([
      { side: 'municipality', email: 'chef@hammaro.test' },
      { side: 'police', email: 'insatschef@karlstad.polisen.test' },
    ]);
    expect((await api.db.query('SELECT status FROM follow_ups WHERE id = $1', [followUp.id]))[0].status).toBe('frozen');
    await commander.close();
  });

  it('annual report: a preview, "Exportera CSV" downloads the file with a row per commitment showing the bytes received, and the printable page opens', async () => {
    const page = await web.signIn('chef@hammaro.test');
    await page.goto(`${base}/promise/follow-ups`);
    await page.getByLabel('Rapportens år').selectOption('2021');
    await page.getByRole('button', { name: 'Visa rapporten' }).click();
    await page.getByRole('heading', { name: 'Rapport för 2021' }).waitFor();
    await page.getByText(/Godkänd uppföljning/).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Exportera CSV' }).click();
    const save = page.getByRole('link', { name: 'Spara filen uppfoljning-2021.csv' });
    await save.waitFor();
    const done = await page.getByText(/^Klart: [\d\s]+ byte hämtade\.$/).textContent();
    const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
    expect(download.suggestedFilename()).toBe('uppfoljning-2021.csv');
    const file = await readFile((await download.path())!);
    // The bytes the page counted from the stream are the bytes of the file.
    expect(Number(done!.replace(/\D/g, ''))).toBe(file.byteLength);
    const csv = file.toString('utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toMatch(/^"Problemområde";"Part";"Åtagande";"Mål";/);
    const commitments = await api.db.query<{ text: string }[]>('SELECT text FROM commitments WHERE promise_id = $1', [promiseId]);
    expect(lines).toHaveLength(commitments.length + 1);
    for (const c of commitments) expect(lines.some((line) => line.includes(c.text))).toBe(true);

    // The printable page, fetched with the signed-in client and opened from the browser.
    await page.getByRole('button', { name: 'Utskriftsversion (HTML)' }).click();
    const [printable] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('link', { name: 'Öppna utskriftsversionen för 2021 (ny flik)' }).click(),
    ]);
    await printable.getByRole('heading', { level: 1, name: 'Uppföljning av medborgarlöftet 2021' }).waitFor();
    await printable.close();

    const formats = (await api.auditEvents('promise.report_export')).map((e) => e.details);
    expect(formats).toEqual(
      expect.arrayContaining([
        { year: 2021, format: 'json' },
        { year: 2021, format: 'csv' },
        { year: 2021, format: 'html' },
      ]),
    );
    await page.close();
  });

  it('the public page opens without signing in, shows what was promised and the follow-ups, and fits a phone', async () => {
    const page = await web.browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(`${base}/public/promises/${promiseId}`);
    await page.getByRole('heading', { level: 1, name: HAMMARO_PROMISE_TITLE }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Trafik' }).waitFor();
    for (const { text } of await api.db.query<{ text: string }[]>('SELECT text FROM commitments WHERE promise_id = $1', [promiseId])) {
      await page.getByText(text, { exact: true }).waitFor();
    }
    // The promise ended in 2022: it says so with its final result, and compares like with like.
    await page.getByText('Löftesperioden är slut. Slutligt resultat: måluppfyllelse', { exact: false }).waitFor();
    await page.getByText('Status: Avslutat', { exact: false }).waitFor();
    const [{ speed2022 }] = await api.db.query<{ speed2022: number }[]>(
      `SELECT count(*)::int AS speed2022 FROM activities WHERE kind = 'speed_check' AND occurred_on BETWEEN '2022-01-01' AND '2022-12-31'`,
    );
    await page.getByText(`Mål: 10 hastighetskontroller per år. Utfall 2022: ${speed2022}.`, { exact: false }).waitFor();
    await page.getByText('Mål: 8 nya områden under löftesperioden. Slutligt utfall: 6.', { exact: false }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Uppföljning 2021' }).waitFor();
    expect(await page.getByRole('button', { name: 'Logga in', exact: true }).count()).toBe(0);
    expect(await page.getByRole('progressbar').count()).toBeGreaterThan(3);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await page.close();
  });

  it('a role without promise:read (the auditor) has no menu entry and cannot see the actions', async () => {
    const page = await web.signIn('revisor@hammaro.test');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Granskningslogg' }).waitFor();
    expect(await page.getByRole('link', { name: 'Medborgarlöftet' }).count()).toBe(0);
    await page.goto(`${base}/promise/actions`);
    await page.getByRole('heading', { level: 1, name: 'Åtgärder' }).waitFor();
    await page.getByText('Du saknar den behörighet som krävs för detta.').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await page.getByText('Digital ärendeöverlämning', { exact: false }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });
});
