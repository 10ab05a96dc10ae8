import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { stockholmDate } from '@samverkan/platform';
import type { Page } from 'playwright-core';
import { seriousA11yViolations, nothingLoading } from './support/browser.js';
import type { TestApi } from './support/test-api.js';
import { BROWSER_TEST_TIMEOUT, WebTestApp } from './support/web-app.js';
import { stockholmLocal } from './support/stockholm-time.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

/**
 * The inspections area of the web client (alcohol licence supervision) in headless Chromium against
 * the real api with the Hammarö demo data: the licensing officer's register, booking, calendar,
 * plan, report and sanction case; what other roles may not see. Accessibility checked with axe-core.
 */
describe('web client: inspections', () => {
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

  /** The area's sub-navigation (not the main menu's "Tillsyn"). */
  const areaLink = (page: Page, name: string) => page.getByRole('navigation', { name: 'Tillsyn' }).getByRole('link', { name, exact: true });

  it('licensing officer: the premises register shows each risk score and the factors behind it; one premises with licences and history', async () => {
    const page = await web.signIn('alkohol@hammaro.test');
    // The start page names the role in Swedish, without the English half of the api's label.
    const roles = page.getByRole('listitem').filter({ hasText: /^Alkoholhandläggare — / });
    await roles.first().waitFor();
    expect(await page.locator('main').innerText()).not.toContain('Licensing officer');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Tillsyn', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Tillsyner' }).waitFor();
    await areaLink(page, 'Serveringsställen').click();
    await page.getByRole('heading', { level: 1, name: 'Serveringsställen' }).waitFor();

    const [club] = await api.db.query(
      `SELECT p.id, pi.risk_score, pi.risk_factors, sp.year FROM premises p JOIN supervision_plan_items pi ON pi.premises_id = p.id
       JOIN supervision_plans sp ON sp.id = pi.plan_id WHERE p.name = 'Klubb Kanalen' ORDER BY sp.year DESC LIMIT 1`,
    );
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Klubb Kanalen' }) });
    await row.getByText(`${club.risk_score} poäng (tillsynsplan ${club.year})`).waitFor();
    expect(club.risk_factors.length).toBeGreaterThan(3);
    for (const factor of club.risk_factors as { factor: string; points: number; because: string }[]) {
      if (factor.factor !== 'kind') await row.getByText(`${factor.points} p (${factor.because})`).waitFor();
    }
    // The kind of premises in words, as a factor and under the name; never the api's code.
    await row.getByText('Typ av ställe: 3 p (Nattklubb)').waitFor();
    await row.getByText('Nattklubb', { exact: true }).waitFor();
    expect(await page.locator('main').innerText()).not.toMatch(/nightclub|event_venue|sports_venue/);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Search by name (the filter lives in the address, so it can be linked to).
    await page.getByLabel('Sök på namn').fill('kanal');
    const searched = page.waitForResponse((r) => r.url().includes('/api/v1/premises?') && r.url().includes('q=kanal'));
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await searched;
    await nothingLoading(page);
    expect(page.url()).toMatch(/q=kanal/);
    // The matching premises, and nothing else.
    await page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: 'Klubb Kanalen' }) })
      .waitFor();
    expect(await page.locator('tbody tr').count()).toBe(1);

    await page.getByRole('link', { name: 'Klubb Kanalen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Klubb Kanalen' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Nattklubben Skoghall AB' }).waitFor();
    await page.getByRole('row', { name: 'Typ av ställe 3 Nattklubb' }).waitFor();
    await page.getByText('fre 11:00–02:00; lör 11:00–02:00').waitFor();
    await page.getByRole('link', { name: /^Varning / }).waitFor(); // the seeded varning of 2022, listed with the licence
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM inspections WHERE premises_id = $1`, [club.id]);
    const history = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Inspektörer' }) });
    await history
      .locator('tbody tr')
      .nth(n - 1)
      .waitFor();
    expect(await history.locator('tbody tr').count()).toBe(n);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });

  it('licensing officer: books an inspection — the api’s refusals shown at the fields first — and finds it in the calendar’s week view', async () => {
    const page = await web.signIn('alkohol@hammaro.test');
    await page.goto(`${base}/inspections`);
    await page.getByRole('link', { name: 'Boka tillsyn' }).click();
    await page.getByRole('heading', { level: 1, name: 'Boka tillsyn' }).waitFor();
    await page.getByLabel('Serveringsställe', { exact: true }).selectOption({ label: 'Hamnkrogen Vilan' });
    const inspectors = page.getByRole('group', { name: 'Inspektörer' });
    await inspectors.getByLabel(/Johan Nyström/).waitFor();
    expect(await inspectors.getByLabel(/Johan Nyström/).isChecked()).toBe(true);
    await inspectors.getByLabel(/Mikael Berg/).waitFor();
    expect(await page.getByLabel('Yttre tillsyn').isChecked()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // An end before the start: said in Swedish from the error's code, with the fields' labels
    // (never the api's English "plannedEnd must be after plannedStart"), at the field and in the
    // summary linking to it (issue #16).
    const day = stockholmDate(new Date(Date.now() + 9 * 86_400_000));
    await page.getByLabel('Börjar').fill(`${day}T21:00`);
    await page.getByLabel('Slutar').fill(`${day}T20:00`);
    await page.getByRole('button', { name: 'Boka tillsynen' }).click();
    await page.getByRole('link', { name: 'Sluttid måste vara efter starttid.' }).waitFor();
    expect(await page.getByLabel('Slutar').getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await page.getByLabel('Slutar').getAttribute('aria-describedby')) ?? '';
    expect(
      await page
        .locator(
          describedBy
            .split(' ')
            .map((id) => `[id="${id}"]`)
            .join(', '),
        )
        .allTextContents(),
    ).toContain('Sluttid måste vara efter starttid.');

    // The officer is already booked at Klubb Kanalen then (the demo's coordinated visit): a clash, said at the inspectors.
    const [busy] = await api.db.query(
      `SELECT i.id, i.planned_start FROM inspections i JOIN inspection_inspectors ii ON ii.inspection_id = i.id JOIN users u ON u.id = ii.user_id
       JOIN premises p ON p.id = i.premises_id WHERE u.email = 'alkohol@hammaro.test' AND i.status = 'planned' AND p.name = 'Klubb Kanalen'`,
    );
    await page.getByLabel('Börjar').fill(stockholmLocal(busy.planned_start));
    await page.getByLabel('Slutar').fill(stockholmLocal(new Date(busy.planned_start.getTime() + 3_600_000)));
    await page.getByRole('button', { name: 'Boka tillsynen' }).click();
    // Said in Swedish from the refusal's code and params, not the api's English detail.
    await inspectors.getByText(/Johan Nyström är redan bokad på en tillsyn av Klubb Kanalen .+–.+\. Välj en annan tid eller andra inspektörer\./).waitFor();
    expect(await inspectors.getByRole('link', { name: 'Öppna den krockande tillsynen' }).getAttribute('href')).toBe(`/inspections/${busy.id}`);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(
      await api.db.query(`SELECT 1 FROM inspections i JOIN premises p ON p.id = i.premises_id WHERE p.name = 'Hamnkrogen Vilan' AND i.status = 'planned'`),
    ).toEqual([]);

    // A free evening: booked.
    await page.getByLabel('Börjar').fill(`${day}T21:00`);
    await page.getByLabel('Slutar').fill(`${day}T23:00`);
    await page.getByRole('button', { name: 'Boka tillsynen' }).click();
    await page.getByRole('status').filter({ hasText: 'Tillsynen på Hamnkrogen Vilan' }).waitFor();
    const [booked] = await api.db.query(
      `SELECT i.id, i.type, i.planned_start, i.planned_end, i.licence_id IS NOT NULL AS licensed,
              (SELECT array_agg(u.email) FROM inspection_inspectors ii JOIN users u ON u.id = ii.user_id WHERE ii.inspection_id = i.id) AS inspectors
       FROM inspections i JOIN premises p ON p.id = i.premises_id WHERE p.name = 'Hamnkrogen Vilan' AND i.status = 'planned'`,
    );
    expect(booked).toMatchObject({ type: 'external', licensed: true, inspectors: ['alkohol@hammaro.test'] });
    expect(stockholmLocal(booked.planned_start)).toBe(`${day}T21:00`);
    expect(stockholmLocal(booked.planned_end)).toBe(`${day}T23:00`);

    // In the calendar's week view, linking to the inspection; the keyboard moves between weeks.
    await page.getByRole('link', { name: 'Visa veckan i kalendern' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tillsynskalender' }).waitFor();
    expect(await page.getByRole('button', { name: 'Vecka', exact: true }).getAttribute('aria-pressed')).toBe('true');
    const entry = page.getByRole('link', { name: '21:00–23:00 Hamnkrogen Vilan' });
    await entry.waitFor();
    expect(await entry.getAttribute('href')).toBe(`/inspections/${booked.id}`);
    const week = await page.getByRole('heading', { level: 2, name: /^Vecka \d+/ }).textContent();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Nästa vecka' }).focus();
    await page.keyboard.press('Enter');
    await entry.waitFor({ state: 'detached' });
    expect(await page.getByRole('heading', { level: 2, name: /^Vecka \d+/ }).textContent()).not.toBe(week);
    await page.keyboard.press('PageUp');
    await entry.waitFor();
    expect(await page.getByRole('heading', { level: 2, name: /^Vecka \d+/ }).textContent()).toBe(week);
    // One inspector's calendar: the police officer is not booked on it.
    const mikaelsWeek = page.waitForResponse((r) => r.url().includes('/api/v1/inspections?') && r.url().includes('inspectorId='));
    await page.getByLabel('Inspektör', { exact: true }).selectOption({ label: 'Mikael Berg' });
    await mikaelsWeek;
    await nothingLoading(page);
    expect(await entry.count()).toBe(0);
    await page.getByLabel('Inspektör', { exact: true }).selectOption({ label: 'Johan Nyström' });
    await entry.waitFor();
    await page.close();

    // On a phone the days stack; nothing is wider than the screen.
    const phone = await web.signIn('alkohol@hammaro.test', { width: 375, height: 740 });
    await phone.goto(`${base}/inspections/calendar?view=week&date=${day}`);
    await phone.getByRole('link', { name: '21:00–23:00 Hamnkrogen Vilan' }).waitFor();
    expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    expect(await seriousA11yViolations(phone)).toEqual([]);
    await phone.getByRole('button', { name: 'Månad' }).click();
    await phone.getByRole('link', { name: '21:00–23:00 Hamnkrogen Vilan' }).waitFor();
    expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    expect(await seriousA11yViolations(phone)).toEqual([]);
    await phone.close();
  });

  it('licensing officer: the supervision plan shows planned against performed per premises as the database counts them; an item is changed', async () => {
    const page = await web.signIn('alkohol@hammaro.test');
    await page.goto(`${base}/inspections`);
    await areaLink(page, 'Tillsynsplan').click();
    await page.getByRole('heading', { level: 2, name: 'Plan 2022: planerat mot genomfört' }).waitFor();
    const items = await api.db.query<{ name: string; planned: number; performed: number }[]>(
      `SELECT p.name, it.planned_visits AS planned,
              (SELECT count(*)::int FROM inspections i WHERE i.premises_id = it.premises_id
                 AND i.status NOT IN ('planned', 'attempted', 'cancelled') AND extract(year FROM i.planned_start AT TIME ZONE 'Europe/Stockholm') = 2022) AS performed
       FROM supervision_plan_items it JOIN supervision_plans sp ON sp.id = it.plan_id JOIN premises p ON p.id = it.premises_id WHERE sp.year = 2022`,
    );
    const planned = items.reduce((s, i) => s + i.planned, 0);
    // Every inspection that counts (performed; not attempted or cancelled), as the promise counts it.
    const performed = items.reduce((s, i) => s + i.performed, 0);
    expect(await page.getByTestId('plan-totals').textContent()).toBe(
      `${performed} av ${planned} planerade besök genomförda, ${items.length} serveringsställen.`,
    );
    for (const item of items) {
      const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: item.name }) });
      const cells = await row.getByRole('cell').allTextContents();
      // Risk score, factors, planned, performed, state, note, change.
      expect([cells[2], cells[3]]).toEqual([String(item.planned), String(item.performed)]);
    }
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A planner changes an item: a bad number is refused at the field, then saved.
    await page.getByRole('button', { name: 'Ändra planen för Kafé Bryggan' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Planerade besök').fill('-1');
    await dialog.getByRole('button', { name: 'Spara ändringen' }).click();
    await dialog.getByRole('link', { name: 'Planerade besök måste vara minst 0.' }).waitFor();
    expect(await dialog.getByLabel('Planerade besök').getAttribute('aria-invalid')).toBe('true');
    await dialog.getByLabel('Planerade besök').fill('2');
    await dialog.getByLabel('Anteckning').fill('Ny ägare sedan våren, extra besök.');
    await dialog.getByRole('button', { name: 'Spara ändringen' }).click();
    await page.getByRole('status').filter({ hasText: 'Planen för Kafé Bryggan är ändrad.' }).waitFor();
    const [cafe] = await api.db.query(
      `SELECT it.planned_visits, it.note FROM supervision_plan_items it JOIN supervision_plans sp ON sp.id = it.plan_id JOIN premises p ON p.id = it.premises_id
       WHERE sp.year = 2022 AND p.name = 'Kafé Bryggan'`,
    );
    expect(cafe).toEqual({ planned_visits: 2, note: 'Ny ägare sedan våren, extra besök.' });
    await page
      .getByTestId('plan-totals')
      .filter({ hasText: `av ${planned + 2 - items.find((i) => i.name === 'Kafé Bryggan')!.planned} planerade` })
      .waitFor();
    await page.close();

    // Someone who reads the plan but does not plan: no changes offered.
    const manager = await web.signIn('chef@hammaro.test');
    await manager.goto(`${base}/inspections/plan`);
    await manager.getByRole('heading', { level: 2, name: 'Plan 2022: planerat mot genomfört' }).waitFor();
    expect(await manager.getByRole('button', { name: /Ändra planen/ }).count()).toBe(0);
    await manager.close();
  });

  it('licensing officer: protocol with a photo, performed, report preview while it is produced, report sent, escalated; the case heard and decided', async () => {
    const [visit] = await api.db.query(
      `SELECT i.id FROM inspections i JOIN premises p ON p.id = i.premises_id WHERE p.name = 'Sportbaren Mörmo' AND i.status = 'planned'`,
    );
    const page = await web.signIn('alkohol@hammaro.test');
    await page.goto(`${base}/inspections/${visit.id}`);
    await page.getByRole('heading', { level: 1, name: 'Protokoll: Sportbaren Mörmo' }).waitFor();
    const ageChecks = page.getByRole('group', { name: /Ålderskontroll/ });
    await ageChecks.getByLabel('Anmärkning').check();
    await ageChecks.getByLabel('Anteckning').fill('Ingen legitimationskontroll av unga gäster i baren.');
    await page.getByRole('button', { name: 'Spara protokollet' }).click();
    await page.getByRole('status').filter({ hasText: 'Protokollet är sparat.' }).waitFor();

    // A photo on the finding: uploaded from the item, opened on request.
    await ageChecks.getByLabel('Lägg till foto').setInputFiles({ name: 'bar.png', mimeType: 'image/png', buffer: PNG });
    await ageChecks.getByRole('button', { name: 'Foto 1 (1 kB)' }).click();
    await page
      .getByRole('dialog')
      .getByRole('img', { name: /Foto 1 från tillsynen: Ålderskontroll/ })
      .waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('dialog').getByRole('button', { name: 'Stäng' }).click();
    expect(await api.db.query(`SELECT item_key, content_type FROM finding_photos WHERE inspection_id = $1`, [visit.id])).toEqual([
      { item_key: 'age_checks', content_type: 'image/png' },
    ]);
    expect(await api.auditEvents('inspection_photo.read')).toHaveLength(1);

    // Only the steps the path offers from here.
    const steps = page.getByRole('region', { name: 'Nästa steg' });
    expect(await steps.getByRole('button').allTextContents()).toEqual(['Markera som genomförd', 'Ingen på plats (försök)', 'Ställ in tillsynen']);
    await steps.getByRole('button', { name: 'Markera som genomförd' }).click();
    await page.getByRole('status').filter({ hasText: 'Tillsynen har nu status: Genomförd.' }).waitFor();
    expect((await api.db.query(`SELECT status FROM inspections WHERE id = $1`, [visit.id]))[0].status).toBe('performed');

    // The report preview: progress while the api produces it, then the report itself, printable.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/v1/inspections/*/report', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByRole('link', { name: 'Förhandsgranska rapporten' }).click();
    await page.getByRole('status').filter({ hasText: 'Rapporten tas fram…' }).waitFor();
    release();
    const report = page.frameLocator('iframe[title="Tillsynsrapport Sportbaren Mörmo"]');
    await report.getByRole('heading', { name: 'Tillsynsrapport enligt alkohollagen (2010:1622)' }).waitFor();
    await report.getByText('Ingen legitimationskontroll av unga gäster i baren.').waitFor();
    await report.getByText('Tillsynen gav 1 anmärkning.').waitFor();
    await page.getByRole('button', { name: 'Skriv ut rapporten' }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Rapporten tas fram…' }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await api.auditEvents('inspection.report_export')).toHaveLength(1);

    await page.getByRole('link', { name: 'Protokoll: Sportbaren Mörmo' }).click();
    await steps.getByRole('button', { name: 'Rapporten är skickad' }).click();
    await page.getByRole('status').filter({ hasText: 'Tillsynen har nu status: Rapport skickad.' }).waitFor();
    expect(await api.db.query(`SELECT status FROM deadlines WHERE resource_id = $1`, [visit.id])).toEqual([{ status: 'open' }]);

    // Escalating asks why, then opens a sanction case on the licence.
    await steps.getByRole('button', { name: 'Eskalera till sanktionsärende' }).click();
    await page.getByRole('dialog').getByLabel('Varför bör en sanktion prövas?').fill('Andra gången på ett år utan ålderskontroll.');
    await page.getByRole('dialog').getByRole('button', { name: 'Eskalera till sanktionsärende' }).click();
    await page.getByRole('status').filter({ hasText: 'Tillsynen har nu status: Eskalerad.' }).waitFor();
    const [sanction] = await api.db.query(`SELECT id FROM sanction_cases WHERE $1 = ANY(inspection_ids)`, [visit.id]);
    await page.getByRole('link', { name: 'Öppna sanktionsärendet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sanktionsärende: Sportbaren Mörmo' }).waitFor();
    await page.getByText(/Motivering: Andra gången på ett år utan ålderskontroll\./).waitFor();
    expect(page.url()).toBe(`${base}/inspections/sanctions/${sanction.id}`);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A manager reads the case but is offered neither step.
    const manager = await web.signIn('chef@hammaro.test');
    await manager.goto(`${base}/inspections/sanctions/${sanction.id}`);
    await manager.getByText('Beslutet fattas av kommunens alkoholhandläggare efter kommunicering.').waitFor();
    expect(await manager.getByRole('button', { name: /Registrera kommuniceringen|Registrera svaret|Fatta beslut/ }).count()).toBe(0);
    await manager.close();

    // The hearing (kommunicering) sent yesterday: the holder's answer is due 14 days later, and the
    // decision waits for it (FL 25 §).
    const today = stockholmDate(new Date());
    const yesterday = stockholmDate(new Date(Date.now() - 86_400_000));
    const longDate = (day: string) =>
      new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'Europe/Stockholm' }).format(new Date(`${day}T12:00:00Z`));
    expect(await page.getByLabel('Dag då kommuniceringen skickades').inputValue()).toBe(today);
    await page.getByLabel('Dag då kommuniceringen skickades').fill(yesterday);
    await page.getByRole('button', { name: 'Registrera kommuniceringen' }).click();
    await page.getByRole('status').filter({ hasText: 'Kommuniceringen är registrerad.' }).waitFor();
    await page
      .getByText(`Kommuniceringen skickades ${longDate(yesterday)}. Sista dag att svara: ${longDate(stockholmDate(new Date(Date.now() + 13 * 86_400_000)))}.`)
      .waitFor();
    await page.getByText(/^Beslut kan fattas när svaret har kommit in/).waitFor();
    expect(await page.getByRole('button', { name: 'Fatta beslut' }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The holder's answer in today: decided.
    await page.getByLabel('Svaret', { exact: true }).fill('Vi har infört legitimationskontroll vid baren.');
    await page.getByRole('button', { name: 'Registrera svaret' }).click();
    await page.getByText(`Svaret kom in ${longDate(today)}.`).waitFor();
    const decision = page.getByRole('group', { name: 'Beslut' });
    await decision.getByLabel('Varning').check();
    await page.getByLabel('Skäl för beslutet').fill('Upprepade brister i ålderskontrollen trots tidigare påpekanden.');
    await page.getByRole('button', { name: 'Fatta beslut' }).click();
    await page.getByText(/beslutat av Johan Nyström/).waitFor();
    const [decided] = await api.db.query(
      `SELECT decision, to_char(heard_on, 'YYYY-MM-DD') AS heard, to_char(decided_on, 'YYYY-MM-DD') AS decided, decision_reasons FROM sanction_cases WHERE id = $1`,
      [sanction.id],
    );
    expect(decided).toEqual({
      decision: 'varning',
      heard: yesterday,
      decided: today,
      decision_reasons: 'Upprepade brister i ålderskontrollen trots tidigare påpekanden.',
    });
    expect(await api.auditEvents('sanction.decide')).toHaveLength(1);
    expect(await page.getByRole('button', { name: 'Fatta beslut' }).count()).toBe(0);

    // A follow-up visit, booked from the inspection and linked to it.
    await page.goto(`${base}/inspections/${visit.id}`);
    await page.getByRole('link', { name: 'Boka återbesök' }).click();
    await page.getByRole('heading', { level: 1, name: 'Boka återbesök: Sportbaren Mörmo' }).waitFor();
    const followUpDay = stockholmDate(new Date(Date.now() + 30 * 86_400_000));
    await page.getByLabel('Börjar').fill(`${followUpDay}T22:00`);
    await page.getByLabel('Slutar').fill(`${followUpDay}T23:30`);
    await page.getByRole('button', { name: 'Boka tillsynen' }).click();
    await page.getByRole('status').filter({ hasText: 'Tillsynen på Sportbaren Mörmo' }).waitFor();
    const [followUp] = await api.db.query(`SELECT status, type FROM inspections WHERE previous_inspection_id = $1`, [visit.id]);
    expect(followUp).toEqual({ status: 'planned', type: 'external' });

    // The case in the list of sanction cases, among the decided ones.
    await areaLink(page, 'Sanktionsärenden').click();
    await page.getByLabel('Visa', { exact: true }).selectOption({ label: 'Beslutade' });
    const listed = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Sportbaren Mörmo' }) });
    await listed.getByText(/^Varning \(/).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });

  it('a social worker has no Tillsyn in the menu and no access to the premises register', async () => {
    const page = await web.signIn('socialsekreterare@hammaro.test');
    expect(await page.getByRole('link', { name: 'Tillsyn', exact: true }).count()).toBe(0);
    await page.goto(`${base}/inspections/premises`);
    await page.getByRole('heading', { level: 1, name: 'Ingen åtkomst' }).waitFor();
    await page.getByText('Sidan finns inte, eller så har du inte behörighet att se den.').waitFor();
    expect(await page.getByRole('navigation', { name: 'Tillsyn' }).getByRole('link').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });
});
