import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { stockholmDate } from '@samverkan/platform';
import type { Page } from 'playwright-core';
import { seriousA11yViolations, nothingLoading } from './support/browser.js';
import { englishIn } from './support/language-check.js';
import type { TestApi } from './support/test-api.js';
import { BROWSER_TEST_TIMEOUT, WebTestApp } from './support/web-app.js';

const dayFromNow = (days: number) => stockholmDate(new Date(Date.now() + days * 86_400_000));
const longDate = (day: string) => new Intl.DateTimeFormat('sv-SE', { dateStyle: 'long', timeZone: 'Europe/Stockholm' }).format(new Date(`${day}T12:00:00Z`));

const OBSERVATION = 'Märkbart berusade gäster serverades efter kl. 01 och entrén saknade ordningsvakt.';
const PREMISES = 'Skoghalls Krog';

/**
 * Licensing casework (#17) in headless Chromium against the real api with the Hammarö demo data, as
 * the licensing officer does it from the start page: a police referral read in full, booked from
 * (the premises' other inspection at that time refused at the field), acknowledged and seen on the
 * premises with its risk score; a sanction case through hearing, the holder's answer and decision.
 */
describe('web client: licensing casework', () => {
  jest.setTimeout(BROWSER_TEST_TIMEOUT);
  let web: WebTestApp;
  let api: TestApi;
  const id: Record<string, string> = {};

  /** The area's sub-navigation (not the main menu's "Tillsyn"). */
  const areaLink = (page: Page, name: string) => page.getByRole('navigation', { name: 'Tillsyn' }).getByRole('link', { name, exact: true });
  /** The screen is settled, accessible and says nothing in English or in codes. */
  const clean = async (page: Page) => {
    await nothingLoading(page);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(englishIn(await page.locator('main').innerText())).toEqual([]);
  };

  beforeAll(async () => {
    web = await WebTestApp.start();
    ({ api } = web);
    const police = await api.token('polis@karlstad.polisen.test');
    const commander = await api.token('insatschef@karlstad.polisen.test');
    const officer = await api.token('alkohol@hammaro.test');
    const call = (method: 'GET' | 'POST', url: string, token: string, body?: unknown, headers?: Record<string, string>) =>
      api.call(method, `/api/v1${url}`, { token, body, headers });
    [{ id: id.collaboration }] = await api.db.query(`SELECT id FROM collaborations WHERE name = 'Hammarö'`);
    [{ id: id.premises }] = await api.db.query(`SELECT id FROM premises WHERE name = $1`, [PREMISES]);
    [{ id: id.licence }] = await api.db.query(`SELECT id FROM licences WHERE premises_id = $1 AND status = 'active'`, [id.premises]);
    // The police send a referral from an operation; another inspection of the premises is booked already.
    const [{ id: commitment }] = await api.db.query(`SELECT id FROM commitments WHERE activity_kind = 'drug_sale_operation' LIMIT 1`);
    const operation = await call('POST', '/operations', police, {
      collaborationId: id.collaboration,
      title: 'Insats mot langning i Skoghall',
      area: 'Skoghall centrum',
      premisesIds: [id.premises],
      commitmentId: commitment,
      plannedStart: `${dayFromNow(-3)}T21:00:00+01:00`,
      plannedEnd: `${dayFromNow(-2)}T01:00:00+01:00`,
      intelligence: 'Källa uppger försäljning av smuggelsprit vid krogen.',
      intelligenceReference: 'UR-2026-0500',
      userIds: [await api.userId('polis@karlstad.polisen.test')],
    });
    expect(operation.status).toBe(201);
    const etag = async () => (await call('GET', `/operations/${operation.body.id}`, commander)).headers.etag as string;
    expect((await call('POST', `/operations/${operation.body.id}/transition`, commander, { to: 'decided' }, { 'if-match': await etag() })).status).toBe(200);
    expect((await call('POST', `/operations/${operation.body.id}/transition`, police, { to: 'executing' }, { 'if-match': await etag() })).status).toBe(200);
    const referral = await call('POST', `/operations/${operation.body.id}/referrals`, police, {
      premisesId: id.premises,
      observedOn: dayFromNow(-2),
      observation: OBSERVATION,
    });
    expect(referral.status).toBe(201);
    id.referral = referral.body.id;
    id.tip = referral.body.tipId;
    id.day = dayFromNow(45);
    const other = await call('POST', '/inspections', officer, {
      premisesId: id.premises,
      type: 'external',
      plannedStart: `${id.day}T20:00:00+01:00`,
      plannedEnd: `${id.day}T22:00:00+01:00`,
      inspectorIds: [await api.userId('polis@karlstad.polisen.test')],
    });
    expect(other.status).toBe(201);
    id.other = other.body.id;
    const sanction = await call('POST', '/sanction-cases', officer, {
      licenceId: id.licence,
      grounds: 'Servering till märkbart berusade gäster enligt polisens underrättelse.',
    });
    expect(sanction.status).toBe(201);
    id.sanction = sanction.body.id;
  });

  afterAll(async () => {
    await web?.close();
  });

  it('licensing officer: reads a police referral, books an inspection from it (a clash refused at the field), acknowledges it and sees it on the premises', async () => {
    const page = await web.signIn('alkohol@hammaro.test');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Tillsyn', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Tillsyner' }).waitFor();
    await areaLink(page, 'Tips och underrättelser').click();
    await page.getByRole('heading', { level: 1, name: 'Tips och underrättelser' }).waitFor();
    // Not yet acknowledged, first, with the whole observation.
    const referrals = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Underrättelser från polisen' }) });
    await referrals.getByRole('link').first().waitFor();
    expect(await referrals.getByRole('link').first().innerText()).toBe(PREMISES);
    await referrals.getByText(OBSERVATION).waitFor();
    await referrals.getByText('Ej kvitterad').waitFor();
    await clean(page);

    await referrals.getByRole('link', { name: PREMISES }).click();
    await page.getByRole('heading', { level: 1, name: `Underrättelse från polisen: ${PREMISES}` }).waitFor();
    await page.getByText(OBSERVATION).waitFor();
    await page.getByText(`Iakttaget ${longDate(dayFromNow(-2))}`).waitFor();
    await page.getByText('Räknas in i serveringsställets riskbedömning (tips det senaste året).').waitFor();
    await page.getByText('Ingen tillsyn är bokad utifrån tipset.').waitFor();
    await clean(page);

    // "Boka tillsyn": the form with the premises and the referral filled in.
    await page.getByRole('link', { name: 'Boka tillsyn' }).click();
    await page.getByRole('heading', { level: 1, name: 'Boka tillsyn' }).waitFor();
    expect(await page.getByLabel('Serveringsställe', { exact: true }).inputValue()).toBe(id.premises);
    await page.getByText(`Bokas utifrån ett tips: Iakttagelse ${longDate(dayFromNow(-2))}: ${OBSERVATION}`).waitFor();
    const inspectors = page.getByRole('group', { name: 'Inspektörer' });
    await inspectors.getByLabel(/Johan Nyström/).waitFor();
    // At the time of the premises' other inspection: refused, said at the time, linking to it.
    await page.getByLabel('Börjar').fill(`${id.day}T21:00`);
    await page.getByLabel('Slutar').fill(`${id.day}T23:00`);
    await page.getByRole('button', { name: 'Boka tillsynen' }).click();
    const clash = page.locator('#premises-clash');
    await clash.getByText(new RegExp(`^${PREMISES} har redan en tillsyn .*Välj en annan tid\\.`)).waitFor();
    expect(await page.getByLabel('Börjar').getAttribute('aria-invalid')).toBe('true');
    expect(await clash.getByRole('link').getAttribute('href')).toBe(`/inspections/${id.other}`);
    await clean(page);
    // After it: booked, from the referral.
    await page.getByLabel('Börjar').fill(`${id.day}T22:00`);
    await page.getByLabel('Slutar').fill(`${id.day}T23:30`);
    await page.getByRole('button', { name: 'Boka tillsynen' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Tillsynen på ${PREMISES}` })
      .waitFor();
    const [booked] = await api.db.query(`SELECT id, tip_id FROM inspections WHERE tip_id = $1`, [id.tip]);
    expect(booked.tip_id).toBe(id.tip);
    await clean(page);

    // Back on the referral: the booking is listed; acknowledged with a note.
    await areaLink(page, 'Tips och underrättelser').click();
    await page.getByRole('link', { name: PREMISES }).first().click();
    await page.getByRole('heading', { level: 1, name: `Underrättelse från polisen: ${PREMISES}` }).waitFor();
    await page.getByRole('link', { name: /^Tillsyn / }).waitFor();
    expect(await page.getByRole('link', { name: /^Tillsyn / }).getAttribute('href')).toBe(`/inspections/${booked.id}`);
    await page.getByLabel('Anteckning (valfri)').fill('Tillsyn bokad kvällstid.');
    await page.getByRole('button', { name: 'Kvittera' }).click();
    await page.getByRole('status').filter({ hasText: 'av Johan Nyström' }).waitFor();
    await page.getByText('Tillsyn bokad kvällstid.').waitFor();
    const [referral] = await api.db.query(`SELECT acknowledgement FROM licensing_referrals WHERE id = $1`, [id.referral]);
    expect(referral.acknowledgement).toBe('Tillsyn bokad kvällstid.');
    expect(await api.db.query(`SELECT status FROM deadlines WHERE resource_type = 'licensing_referral' AND resource_id = $1`, [id.referral])).toEqual([
      { status: 'met' },
    ]);
    await clean(page);

    // On the premises: the tip in full, acknowledged, and how tips weigh in its risk score.
    await page.getByRole('link', { name: `Serveringsstället ${PREMISES}` }).click();
    await page.getByRole('heading', { level: 1, name: PREMISES }).waitFor();
    const tips = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Tips och underrättelser' }) });
    await tips.getByText(`Iakttagelse ${longDate(dayFromNow(-2))}: ${OBSERVATION}`).waitFor();
    const [risk] = await api.db.query(
      `SELECT sp.year, pi.risk_score FROM supervision_plan_items pi JOIN supervision_plans sp ON sp.id = pi.plan_id WHERE pi.premises_id = $1 ORDER BY sp.year DESC LIMIT 1`,
      [id.premises],
    );
    await tips.getByText(new RegExp(`^Riskpoäng ${risk.year}: ${risk.risk_score}\\. Tips gav`)).waitFor();
    await tips.getByText('Räknas in i serveringsställets riskbedömning (tips det senaste året).').first().waitFor();
    await tips.getByText('Kvitterad', { exact: true }).first().waitFor();
    await clean(page);
    await page.close();
  });

  it('licensing officer: runs a sanction case through the hearing, the holder’s answer and the decision', async () => {
    const page = await web.signIn('alkohol@hammaro.test');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Tillsyn', exact: true }).click();
    await areaLink(page, 'Sanktionsärenden').click();
    await page.getByRole('heading', { level: 1, name: 'Sanktionsärenden' }).waitFor();
    await page.getByLabel('Visa', { exact: true }).selectOption({ label: 'Öppna' });
    await page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: PREMISES }) })
      .getByRole('link', { name: PREMISES })
      .click();
    await page.getByRole('heading', { level: 1, name: `Sanktionsärende: ${PREMISES}` }).waitFor();
    await page.getByText('Läge: Öppnat, inte kommunicerat').waitFor();
    await page.getByText('Kommuniceringen är inte skickad.').first().waitFor();
    expect(await page.getByRole('button', { name: 'Fatta beslut' }).count()).toBe(0);
    await clean(page);

    // Before the hearing: the sanction considered, which the hearing letter names.
    await page.getByText('Ingen angiven. Kommuniceringen säger att kommunen överväger erinran eller varning').waitFor();
    await page.getByLabel('Sanktion som övervägs').selectOption({ label: 'Varning' });
    await page.getByRole('button', { name: 'Spara sanktionen' }).click();
    await page.getByRole('status').filter({ hasText: 'Sanktionen som övervägs är sparad.' }).waitFor();
    await clean(page);

    // Step 1: the hearing, sent three days ago; the answer is due 14 days after (the api's default).
    const sent = dayFromNow(-3);
    const due = dayFromNow(11);
    await page.getByLabel('Dag då kommuniceringen skickades').fill(sent);
    await page.getByRole('button', { name: 'Registrera kommuniceringen' }).click();
    await page.getByRole('status').filter({ hasText: 'Kommuniceringen är registrerad.' }).waitFor();
    await page.getByText(`Kommuniceringen skickades ${longDate(sent)}. Sista dag att svara: ${longDate(due)}.`).waitFor();
    await page.getByText('Läge: Kommunicerat, väntar på svar').waitFor();
    await page.getByText(`Beslut kan fattas när svaret har kommit in eller svarstiden har gått ut (${longDate(due)}).`).waitFor();
    expect(await page.getByRole('button', { name: 'Fatta beslut' }).count()).toBe(0);
    const [deadline] = await api.db.query(
      `SELECT kind, status, to_char(due_on, 'YYYY-MM-DD') AS due FROM deadlines WHERE resource_type = 'sanction_case' AND resource_id = $1`,
      [id.sanction],
    );
    expect(deadline).toEqual({ kind: 'licence_holder_response', status: 'open', due });
    await clean(page);

    // Step 2: the holder's answer, a day before it came in the hearing was sent: refused at the field; then recorded.
    await page.getByLabel('Dag då svaret kom in').fill(dayFromNow(-4));
    await page.getByLabel('Svaret', { exact: true }).fill('Vi har anställt ordningsvakter till helgerna och utbildat personalen i ansvarsfull servering.');
    await page.getByRole('button', { name: 'Registrera svaret' }).click();
    await page.getByText('Mottaget den får inte vara före datum för kommunicering.').first().waitFor();
    await clean(page);
    await page.getByLabel('Dag då svaret kom in').fill(dayFromNow(-1));
    await page.getByRole('button', { name: 'Registrera svaret' }).click();
    await page.getByText(`Svaret kom in ${longDate(dayFromNow(-1))}.`).waitFor();
    await page.getByText('Läge: Svar har kommit in').waitFor();
    expect(await api.db.query(`SELECT status FROM deadlines WHERE resource_type = 'sanction_case' AND resource_id = $1`, [id.sanction])).toEqual([
      { status: 'met' },
    ]);
    await clean(page);

    // Once heard, the sanction considered is only shown; the decision may be no harsher.
    await page.getByText('Sanktion som övervägs: Varning').waitFor();
    expect(await page.getByRole('button', { name: 'Spara sanktionen' }).count()).toBe(0);

    // Step 3: the decision.
    const decision = page.getByRole('group', { name: 'Beslut' });
    await decision.getByText('Kommuniceringen angav: Varning. Ett strängare beslut kräver en ny kommunicering.').waitFor();
    await decision.getByLabel('Erinran').check();
    await page.getByLabel('Skäl för beslutet').fill('Bristerna är åtgärdade enligt svaret; erinran meddelas för att undvika upprepning.');
    await page.getByRole('button', { name: 'Fatta beslut' }).click();
    await page.getByText(/beslutat av Johan Nyström/).waitFor();
    await page.getByText('Läge: Beslutat').waitFor();
    const [decided] = await api.db.query(`SELECT decision, to_char(response_received_on, 'YYYY-MM-DD') AS answered FROM sanction_cases WHERE id = $1`, [
      id.sanction,
    ]);
    expect(decided).toEqual({ decision: 'erinran', answered: dayFromNow(-1) });
    await clean(page);
    await page.close();
  });

  it('police inspector: leaves a tip on premises he inspects; the licensing officer reads it in full and acknowledges it', async () => {
    const police = await web.signIn('polis@karlstad.polisen.test');
    await police.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Tillsyn', exact: true }).click();
    await areaLink(police, 'Serveringsställen').click();
    await police.getByRole('heading', { level: 1, name: 'Serveringsställen' }).waitFor();
    // The register holds the premises he is booked to inspect (per-record grants).
    const first = police.locator('tbody tr').first().getByRole('link');
    const name = await first.innerText();
    await first.click();
    await police.getByRole('heading', { level: 1, name }).waitFor();
    const form = police.getByRole('form', { name: 'Lämna ett tips' });
    expect(await form.getByLabel('Källa').inputValue()).toBe('police');
    const text = 'Lång kö vid entrén utan kontroll av legitimation vid 23-tiden; flera unga gäster släpptes in.';
    await form.getByLabel('Vad tipset gäller').fill(text);
    await form.getByRole('button', { name: 'Spara tipset' }).click();
    await police.getByRole('status').filter({ hasText: 'Tipset är sparat.' }).waitFor();
    await clean(police);
    await police.close();
    const [tip] = await api.db.query(`SELECT t.id FROM premises_tips t JOIN premises p ON p.id = t.premises_id WHERE p.name = $1 AND t.summary = $2`, [
      name,
      text,
    ]);
    expect(
      await api.db.query(`SELECT resource_type, resource_id FROM notifications WHERE kind = 'premises_tip' AND user_id = $1`, [
        await api.userId('alkohol@hammaro.test'),
      ]),
    ).toEqual([{ resource_type: 'premises_tip', resource_id: tip.id }]);

    const page = await web.signIn('alkohol@hammaro.test');
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Tillsyn', exact: true }).click();
    await areaLink(page, 'Tips och underrättelser').click();
    const tips = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Andra tips och klagomål' }) });
    await tips.getByText(text).waitFor();
    await tips.getByRole('link', { name }).first().click();
    await page.getByRole('heading', { level: 1, name: `Tips om ${name}` }).waitFor();
    await page.getByText(text).waitFor();
    await page.getByText('Lokalpolisområde Karlstad').waitFor();
    await clean(page);
    await page.getByRole('button', { name: 'Kvittera' }).click();
    await page.getByRole('status').filter({ hasText: 'av Johan Nyström' }).waitFor();
    expect((await api.db.query(`SELECT acknowledged_at FROM premises_tips WHERE id = $1`, [tip.id]))[0].acknowledged_at).not.toBeNull();
    await page.getByRole('link', { name: 'Boka tillsyn' }).waitFor();
    await clean(page);
    await page.close();
  });
});
