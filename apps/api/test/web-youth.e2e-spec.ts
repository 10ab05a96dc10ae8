import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { addDays, addMonths, FieldCipher, stockholmDate } from '@samverkan/platform';
import { openSigners } from '@samverkan/youth';
import type { Page } from 'playwright-core';
import { fieldDescription, seriousA11yViolations } from './support/browser.js';
import type { TestApi } from './support/test-api.js';
import { BROWSER_TEST_TIMEOUT, WebTestApp } from './support/web-app.js';

const today = stockholmDate(new Date());

/** The Luhn check digit of a personnummer's nine digits YYMMDDNNN (Skatteverket's rule). */
function luhn(nineDigits: string): number {
  const sum = [...nineDigits].reduce((total, digit, i) => {
    const product = Number(digit) * (i % 2 === 0 ? 2 : 1);
    return total + (product > 9 ? product - 9 : product);
  }, 0);
  return (10 - (sum % 10)) % 10;
}

/** A valid personnummer (YYYYMMDD-NNNC) for someone `years` old and `extraDays` days today. */
function personalNumber(years: number, serial: string, extraDays: number): { number: string; canonical: string } {
  const birthDate = addDays(addMonths(today, -12 * years), -extraDays);
  const yymmdd = birthDate.slice(2).replaceAll('-', '');
  const canonical = `${birthDate.replaceAll('-', '')}${serial}${luhn(`${yymmdd}${serial}`)}`;
  return { number: `${canonical.slice(0, 8)}-${canonical.slice(8)}`, canonical };
}

/** The same number with a wrong check digit. */
const wrongCheckDigit = (number: string) => `${number.slice(0, -1)}${(Number(number.at(-1)) + 1) % 10}`;

/** A form on the page, found by its submit button. */
const formWith = (page: Page, submit: string) => page.locator('form', { has: page.getByRole('button', { name: submit, exact: true }) });

/**
 * The youth-case screens in headless Chromium against the real api and the Hammarö demo data:
 * a social worker opens a case for a new young person and works it (consent with its age rules,
 * plan, meeting, notes, status); the police see only what the consent covers; a police officer's
 * report of concern goes to social services and out of the officer's sight; a disclosure under
 * OSL 10 kap 18 a § needs its three conditions attested.
 */
describe('web client: youth cases', () => {
  jest.setTimeout(BROWSER_TEST_TIMEOUT);
  let web: WebTestApp;
  let api: TestApi;
  let base: string;
  // 15 years and some weeks: old enough to sign a consent too (YOUTH_OWN_CONSENT_AGE), under 18.
  const ella = personalNumber(15, '416', 70);
  let caseId: string;

  beforeAll(async () => {
    web = await WebTestApp.start();
    ({ api, base } = web);
  });

  afterAll(async () => {
    await web?.close();
  });

  const signIn = (email: string) => web.signIn(email);

  it('social worker: opens a case for a new young person; a wrong check digit is refused next to the number; the number is stored only encrypted', async () => {
    const page = await signIn('socialsekreterare@hammaro.test');
    await page.getByRole('link', { name: 'Ungdomsärenden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ungdomsärenden' }).waitFor();
    await page.getByRole('cell', { name: 'Elias Nyström' }).waitFor();
    // Reports of concern are the police's: social services do not file them.
    expect(await page.getByRole('link', { name: 'Gör en orosanmälan' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Öppna nytt ärende' }).click();
    await page.getByRole('heading', { level: 1, name: 'Öppna nytt ärende' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    const number = page.getByLabel('Personnummer eller samordningsnummer');
    await number.fill(wrongCheckDigit(ella.number));
    await page.getByLabel('Skäl till sökningen (sparas i granskningsloggen)').fill('Orosanmälan från skolan om frånvaro');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page.getByText('Personnummer måste vara ett giltigt personnummer eller samordningsnummer', { exact: false }).first().waitFor();
    expect(await fieldDescription(number)).toContain('Personnummer måste vara ett giltigt personnummer eller samordningsnummer (ÅÅÅÅMMDD-NNNN).');
    expect(await number.getAttribute('aria-invalid')).toBe('true');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await number.fill(ella.number);
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page.getByText('Ingen ungdom med det numret är registrerad hos er.').waitFor();
    await page.getByLabel('Namn', { exact: true }).fill('Ella Lindgren');
    await page.getByRole('button', { name: 'Registrera ungdomen' }).click();

    await page.getByRole('heading', { name: '2. Ärendet' }).waitFor();
    await page.getByText(/Ella Lindgren, 15 år — Personnummer: \d{8}-\*\*\*\*/).waitFor();
    await page.getByRole('radio', { name: 'SSPF – skola, socialtjänst, polis, fritid' }).check();
    await page.getByRole('checkbox', { name: 'Skolfrånvaro' }).check();
    await page.getByRole('checkbox', { name: 'Narkotika' }).check();
    await page.getByLabel('Omprövas senast (valfritt)').fill(addDays(today, 60));
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Öppna ärendet' }).click();

    await page.getByRole('heading', { level: 1, name: /^Ärende / }).waitFor();
    caseId = page.url().split('/').at(-1)!;
    const [row] = await api.db.query(
      `SELECT c.form, c.status, c.risk_factors, to_char(c.review_on, 'YYYY-MM-DD') AS review_on, s.id AS subject_id, s.pin_lookup
       FROM youth_cases c JOIN youth_subjects s ON s.id = c.subject_id WHERE c.id = $1`,
      [caseId],
    );
    // An SSPF case opened by social services starts in the assessment (issue #17).
    expect(row).toMatchObject({ form: 'sspf', status: 'assessment', risk_factors: ['truancy', 'drugs'], review_on: addDays(today, 60) });
    // Neither the number (in any form) nor the name is anywhere in the subject's row in plain text.
    const [plain] = await api.db.query(
      `SELECT count(*)::int AS n FROM youth_subjects s WHERE s.id = $1 AND (s::text LIKE $2 OR s::text LIKE $3 OR s::text LIKE $4 OR s::text LIKE '%Ella Lindgren%')`,
      [row.subject_id, `%${ella.canonical}%`, `%${ella.number}%`, `%${ella.canonical.slice(2)}%`],
    );
    expect(plain.n).toBe(0);
    expect(row.pin_lookup).not.toContain(ella.canonical);
    // The search was audited with its reason, never the number.
    const searches = await api.auditEvents('youth_subject.find');
    expect(searches.at(-1)!.details).toEqual({ reason: 'Orosanmälan från skolan om frånvaro', found: 0, caseIds: [] });
    expect(JSON.stringify(searches)).not.toContain(ella.canonical);
    await page.close();
  });

  it('social worker: records the consent (the age rule first), adds a plan item and a meeting with minutes, writes notes, moves the case on', async () => {
    const page = await signIn('socialsekreterare@hammaro.test');
    await page.goto(`${base}/youth-cases/${caseId}`);
    await page.getByRole('heading', { name: 'Samtycken' }).waitFor();
    await page.getByText('Inga samtycken registrerade.').waitFor();

    // The consent: guardians alone are not enough at 15 — the api says so next to the signers.
    await page.getByText('Registrera samtycke', { exact: true }).click();
    const consent = formWith(page, 'Registrera samtycket');
    await consent.getByRole('group', { name: 'Undertecknare 1' }).getByLabel('Namn').fill('Sara Lindgren');
    await consent.getByRole('checkbox', { name: 'Lokalpolisområde Karlstad' }).check();
    await consent.getByRole('checkbox', { name: 'Skola och sysselsättning' }).check();
    await consent.getByRole('checkbox', { name: 'Plan och insatser' }).check();
    await consent.getByLabel('Gäller till och med').fill(addDays(today, 180));
    await consent.getByRole('button', { name: 'Registrera samtycket' }).click();
    const signers = consent.locator('[id="consent-signers"]');
    await consent.getByText('Från 15 år måste den unge också skriva under.').first().waitFor();
    expect(await fieldDescription(signers)).toContain('Från 15 år måste den unge också skriva under.');
    expect(await api.db.query('SELECT 1 FROM youth_consents WHERE case_id = $1', [caseId])).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await consent.getByRole('button', { name: 'Lägg till undertecknare' }).click();
    const second = consent.getByRole('group', { name: 'Undertecknare 2' });
    await second.getByLabel('Namn').fill('Ella Lindgren');
    await second.getByLabel('Roll').selectOption('young_person');
    await consent.getByRole('button', { name: 'Registrera samtycket' }).click();
    await page.getByText('Samtycket är registrerat.').waitFor();
    const consents = page.locator('section', { has: page.getByRole('heading', { name: 'Samtycken' }) }).getByRole('listitem');
    await consents.filter({ hasText: 'Gällande' }).filter({ hasText: 'dagar kvar' }).waitFor();
    expect(await consents.first().textContent()).toContain('Sara Lindgren (Vårdnadshavare), Ella Lindgren (Den unge själv)');
    const [recorded] = await api.db.query(
      `SELECT k.key_id, k.signers_sealed, k.categories, k.organisation_ids = ARRAY[(SELECT id FROM organisations WHERE name = 'Lokalpolisområde Karlstad')] AS to_police,
              to_char(k.valid_until, 'YYYY-MM-DD') AS valid_until
       FROM youth_consents k WHERE k.case_id = $1`,
      [caseId],
    );
    // The names of those who signed are stored only sealed (issue #15).
    const { key_id: keyId, signers_sealed: sealed, ...rest } = recorded;
    expect(sealed.toString('latin1')).not.toContain('Lindgren');
    expect(openSigners(new FieldCipher(api.env.config), sealed, keyId)).toEqual([
      { name: 'Sara Lindgren', role: 'guardian' },
      { name: 'Ella Lindgren', role: 'young_person' },
    ]);
    expect(rest).toEqual({
      categories: ['basic', 'school', 'plan'],
      to_police: true,
      valid_until: addDays(today, 180),
    });

    // The status: from the assessment on to the mapping (which an SSPF case starts only under a valid consent).
    const status = formWith(page, 'Byt status');
    await status.getByLabel('Nästa steg').selectOption({ label: 'Kartläggning' });
    await status.getByLabel('Motivering (valfri)').fill('Samtycke finns; kartläggningen börjar.');
    await status.getByRole('button', { name: 'Byt status' }).click();
    await page.getByText('Ärendet har status Kartläggning.').waitFor();
    expect((await api.db.query('SELECT status FROM youth_cases WHERE id = $1', [caseId]))[0].status).toBe('mapping');
    expect((await api.auditEvents('youth_case.mapping')).at(-1)!.details).toEqual({
      from: 'assessment',
      to: 'mapping',
      reason: 'Samtycke finns; kartläggningen börjar.',
    });

    // A plan item, then its follow-up: done.
    await page.getByText('Ny uppgift i planen', { exact: true }).click();
    const planForm = formWith(page, 'Lägg till uppgiften');
    await planForm.getByLabel('Mål').fill('Regelbunden skolgång');
    await planForm.getByLabel('Uppgift', { exact: true }).fill('Närvaroplan med mentor, avstämning varje fredag');
    await planForm.getByLabel('Vem gör det').fill('Mentor på Hammarö skola');
    await planForm.getByLabel('Klart senast').fill(addDays(today, 21));
    await planForm.getByRole('button', { name: 'Lägg till uppgiften' }).click();
    await page.getByText('Uppgiften är tillagd.').waitFor();
    await page.getByText('Närvaroplan med mentor, avstämning varje fredag').first().waitFor();
    const [item] = await api.db.query(
      `SELECT goal, owner_description, to_char(due_on, 'YYYY-MM-DD') AS due_on, status FROM youth_plan_items WHERE case_id = $1`,
      [caseId],
    );
    expect(item).toEqual({ goal: 'Regelbunden skolgång', owner_description: 'Mentor på Hammarö skola', due_on: addDays(today, 21), status: 'open' });
    await page.getByText('Ändra uppgiften: Regelbunden skolgång').click();
    const change = formWith(page, 'Spara ändringen');
    await change.getByLabel('Status').selectOption({ label: 'Klar' });
    await change.getByRole('button', { name: 'Spara ändringen' }).click();
    await page.getByText('Uppgiften är uppdaterad.').waitFor();
    expect((await api.db.query('SELECT status FROM youth_plan_items WHERE case_id = $1', [caseId]))[0].status).toBe('done');

    // A network meeting this morning, and its minutes.
    await page.getByText('Planera möte', { exact: true }).click();
    const meetingForm = formWith(page, 'Planera mötet');
    await meetingForm.getByLabel('Typ av möte').selectOption({ label: 'Nätverksmöte' });
    await meetingForm.getByLabel('Tid').fill(`${today}T08:30`);
    await meetingForm.getByLabel('Deltagare (valfritt)').fill('Ella, vårdnadshavare, mentor, socialsekreterare, kontaktpolis');
    await meetingForm.getByRole('button', { name: 'Planera mötet' }).click();
    await page.getByText('Mötet är planerat.').waitFor();
    const [meeting] = await api.db.query('SELECT kind, attendees, held_on FROM youth_meetings WHERE case_id = $1', [caseId]);
    expect(meeting).toEqual({ kind: 'network', attendees: 'Ella, vårdnadshavare, mentor, socialsekreterare, kontaktpolis', held_on: null });
    await page.getByText('Skriv minnesanteckningar', { exact: true }).click();
    const minutes = formWith(page, 'Spara minnesanteckningarna');
    await minutes.getByLabel('Kategori').selectOption({ label: 'Plan och insatser' });
    await minutes.getByRole('radio', { name: 'Även de som ett samtycke eller utlämnande omfattar' }).check();
    await minutes.getByLabel('Minnesanteckningar').fill('Nätverksmöte: närvaroplan och fritidsaktivitet två kvällar i veckan.');
    await minutes.getByRole('button', { name: 'Spara minnesanteckningarna' }).click();
    await page.getByText('Minnesanteckningarna är sparade och mötet markerat som hållet.').waitFor();
    expect((await api.db.query(`SELECT to_char(held_on, 'YYYY-MM-DD') AS held_on FROM youth_meetings WHERE case_id = $1`, [caseId]))[0].held_on).toBe(today);

    // Notes: one the police may read (school, shared), one they may not (health is not covered).
    for (const [category, text] of [
      ['Skola och sysselsättning', 'Mentor rapporterar 30 % frånvaro, mest måndagar.'],
      ['Hälsa, alkohol och droger', 'Vårdnadshavare oroar sig för cannabisbruk.'],
    ]) {
      await page.getByText('Ny anteckning', { exact: true }).click();
      const note = formWith(page, 'Spara anteckningen');
      await note.getByLabel('Kategori').selectOption({ label: category });
      await note.getByRole('radio', { name: 'Även de som ett samtycke eller utlämnande omfattar' }).check();
      await note.getByLabel('Anteckning', { exact: true }).fill(text);
      await note.getByRole('button', { name: 'Spara anteckningen' }).click();
      await page.getByText('Anteckningen är sparad.').waitFor();
      await page.getByRole('listitem').filter({ hasText: text }).waitFor();
      await page.getByText('Ny anteckning', { exact: true }).click(); // close it again
    }
    const entries = await api.db.query(`SELECT kind, category, visibility, body FROM youth_entries WHERE case_id = $1 ORDER BY created_at`, [caseId]);
    expect(entries).toEqual([
      { kind: 'meeting_minutes', category: 'plan', visibility: 'shared', body: 'Nätverksmöte: närvaroplan och fritidsaktivitet två kvällar i veckan.' },
      { kind: 'journal', category: 'school', visibility: 'shared', body: 'Mentor rapporterar 30 % frånvaro, mest måndagar.' },
      { kind: 'journal', category: 'health', visibility: 'shared', body: 'Vårdnadshavare oroar sig för cannabisbruk.' },
    ]);
    // Every form open at once, on the worked case: still accessible.
    // (the consent, plan and meeting forms are still open from above)
    for (const summary of ['Registrera utlämnande', 'Ny anteckning']) await page.getByText(summary, { exact: true }).click();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });

  it('police officer: sees the case shared by the consent, only the categories it covers, and cannot work it', async () => {
    const page = await signIn('polis@karlstad.polisen.test');
    await page.getByRole('link', { name: 'Ungdomsärenden' }).click();
    expect(await page.getByRole('link', { name: 'Öppna nytt ärende' }).count()).toBe(0);
    await page
      .getByRole('row', { name: /Ella Lindgren/ })
      .getByRole('link')
      .click();
    await page.getByText('Du ser det här ärendet genom delning.', { exact: false }).waitFor();
    const shared = await page.getByText('Du ser det här ärendet genom delning.', { exact: false }).textContent();
    expect(shared).toContain('Skola och sysselsättning');
    expect(shared).toContain('Plan och insatser');
    expect(shared).not.toContain('Hälsa');
    await page.getByText('Mentor rapporterar 30 % frånvaro, mest måndagar.').waitFor();
    await page.getByText('Närvaroplan med mentor, avstämning varje fredag').waitFor();
    expect(await page.getByText('Vårdnadshavare oroar sig för cannabisbruk.').count()).toBe(0);
    expect(await page.getByText('Skolfrånvaro', { exact: true }).count()).toBe(1);
    expect(await page.getByText('Narkotika', { exact: true }).count()).toBe(0);
    for (const action of ['Ny anteckning', 'Ny uppgift i planen', 'Planera möte', 'Registrera samtycke', 'Registrera utlämnande']) {
      expect(await page.getByText(action, { exact: true }).count()).toBe(0);
    }
    expect(await page.getByRole('button', { name: 'Byt status' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Samtycken' }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    // On a phone in the field: nothing wider than the screen.
    await page.setViewportSize({ width: 375, height: 800 });
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(375);

    // Opening cases is social services' work: the screen says so to the police.
    await page.goto(`${base}/youth-cases/new`);
    await page.getByText('Du har inte behörighet till den här sidan.').waitFor();
    await page.close();
  });

  it('police officer: files a report of concern (an adult is refused next to the number) and then cannot open the case', async () => {
    const page = await signIn('polis@karlstad.polisen.test');
    await page.getByRole('link', { name: 'Ungdomsärenden' }).click();
    await page.getByRole('link', { name: 'Gör en orosanmälan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Orosanmälan till socialtjänsten' }).waitFor();
    await page.getByText('Du kan inte läsa ärendet i Samverkan efteråt.', { exact: false }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    const number = page.getByLabel('Barnets personnummer eller samordningsnummer');
    await number.fill(personalNumber(19, '512', 10).number);
    await page.getByLabel('Barnets namn').fill('Hugo Berglund');
    await page.getByLabel('Vad oron gäller').selectOption({ label: 'Familj och hemförhållanden' });
    await page.getByLabel('Vad polisen såg och varför barnet kan behöva skydd').fill('Barnet var ute ensamt kl. 02 i Skoghall och berättade om bråk hemma.');
    await page.getByRole('button', { name: 'Skicka orosanmälan' }).click();
    await page.getByText('En orosanmälan (SoL 14 kap. 1 §) gäller ett barn under 18 år.').first().waitFor();
    expect(await fieldDescription(number)).toContain('En orosanmälan (SoL 14 kap. 1 §) gäller ett barn under 18 år.');
    expect(await seriousA11yViolations(page)).toEqual([]);

    const child = personalNumber(10, '527', 100);
    await number.fill(child.number);
    await page.getByRole('button', { name: 'Skicka orosanmälan' }).click();
    const receipt = page.getByRole('status').filter({ hasText: 'är mottagen av Hammarö kommun' });
    await receipt.waitFor();
    expect(await receipt.textContent()).toContain('Du kan inte läsa ärendet i Samverkan.');

    const [report] = await api.db.query(
      `SELECT c.id, c.form, c.status, d.ground FROM youth_cases c JOIN youth_disclosures d ON d.case_id = c.id
       WHERE d.ground = 'sol_14_1_report_of_concern' AND d.decided_by = (SELECT id FROM users WHERE email = 'polis@karlstad.polisen.test')
       ORDER BY d.decided_at DESC LIMIT 1`,
    );
    expect(report).toMatchObject({ form: 'report_of_concern', status: 'concern_raised' });
    const [entry] = await api.db.query('SELECT category, visibility, body FROM youth_entries WHERE case_id = $1', [report.id]);
    expect(entry).toEqual({ category: 'family', visibility: 'owner', body: 'Barnet var ute ensamt kl. 02 i Skoghall och berättade om bråk hemma.' });
    // Only one report: the refused one (an adult) left nothing behind.
    expect(
      await api.db.query(
        `SELECT 1 FROM youth_cases WHERE form = 'report_of_concern' AND created_by = (SELECT id FROM users WHERE email = 'polis@karlstad.polisen.test') AND created_at > now() - interval '1 hour'`,
      ),
    ).toHaveLength(1);

    await page.goto(`${base}/youth-cases/${report.id}`);
    await page.getByText('Sidan finns inte, eller så har du inte behörighet att se den.').waitFor();
    await page.goto(`${base}/youth-cases`);
    await page.getByRole('cell', { name: 'Ella Lindgren' }).waitFor();
    expect(await page.getByRole('cell', { name: 'Hugo Berglund' }).count()).toBe(0);
    await page.close();
  });

  it('social worker: a disclosure under OSL 10 kap 18 a § is refused until its three conditions are attested', async () => {
    const page = await signIn('socialsekreterare@hammaro.test');
    await page.getByRole('link', { name: 'Ungdomsärenden' }).click();
    await page
      .getByRole('row', { name: /Oscar Holm/ })
      .getByRole('link')
      .click();
    await page.getByRole('heading', { name: 'Utlämnanden' }).waitFor();
    const [{ id: oscar }] = await api.db.query(`SELECT c.id FROM youth_cases c WHERE c.form = 'sig'`);
    const before = (await api.db.query('SELECT id FROM youth_disclosures WHERE case_id = $1', [oscar])).length;

    await page.getByText('Registrera utlämnande', { exact: true }).click();
    const disclosure = formWith(page, 'Registrera utlämnandet');
    expect(await disclosure.getByRole('group', { name: /Förutsättningar enligt OSL 10 kap 18 a §/ }).count()).toBe(0);
    await disclosure.getByRole('radio', { name: 'OSL 10 kap 18 a § – uppgift till polisen om person under 21 år' }).check();
    const criteria = disclosure.getByRole('group', { name: /Förutsättningar enligt OSL 10 kap 18 a §/ });
    await criteria.waitFor();
    await disclosure.getByLabel('Mottagare', { exact: true }).selectOption({ label: 'Lokalpolisområde Karlstad' });
    await disclosure.getByRole('checkbox', { name: 'Brott och misstankar om brott (GDPR art. 10)' }).check();
    await disclosure
      .getByLabel('Motivering: varför detta utlämnande, på denna grund, nu')
      .fill('Oscar har setts med vapen i Skoghall; polisen behöver veta för att kunna förebygga.');
    await disclosure.getByRole('button', { name: 'Registrera utlämnandet' }).click();
    await disclosure.getByText('Måste intygas:', { exact: false }).first().waitFor();
    for (const criterion of [
      'Särskilda omständigheter visar en risk för att personen kommer att utöva brottslig verksamhet',
      'Uppgiften kan bidra till att förhindra den brottsliga verksamheten',
      'Utlämnandet står inte i strid med socialtjänstens egna åtgärder',
    ]) {
      expect(await fieldDescription(criteria.getByRole('checkbox', { name: criterion }))).toContain(`Måste intygas: ${criterion}.`);
    }
    expect(await api.db.query('SELECT id FROM youth_disclosures WHERE case_id = $1', [oscar])).toHaveLength(before);
    expect(await seriousA11yViolations(page)).toEqual([]);

    for (const box of await criteria.getByRole('checkbox').all()) await box.check();
    await disclosure.getByRole('button', { name: 'Registrera utlämnandet' }).click();
    await page.getByText('Utlämnandet är registrerat.').waitFor();
    const [recorded] = await api.db.query(
      `SELECT d.ground, d.categories, d.criteria, d.justification FROM youth_disclosures d WHERE d.case_id = $1 ORDER BY d.decided_at DESC LIMIT 1`,
      [oscar],
    );
    expect(recorded).toEqual({
      ground: 'osl_10_18a',
      categories: ['basic', 'offences'],
      criteria: { riskOfCriminality: true, helpsPrevent: true, noConflictWithMeasures: true },
      justification: 'Oscar har setts med vapen i Skoghall; polisen behöver veta för att kunna förebygga.',
    });
    await page.getByRole('listitem').filter({ hasText: 'Oscar har setts med vapen i Skoghall' }).waitFor();
    await page.close();
  });
});
