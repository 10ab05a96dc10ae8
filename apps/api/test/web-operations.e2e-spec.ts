import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { fieldDescription, seriousA11yViolations, nothingLoading } from './support/browser.js';
import type { TestApi } from './support/test-api.js';
import { BROWSER_TEST_TIMEOUT, WebTestApp } from './support/web-app.js';

const TITLE = 'Insats mot langning vid Hammarö kyrkby';
const INTELLIGENCE = 'Tips från fältassistenter: en 20-åring i en röd Saab säljer hembränt till unga vid kyrkbyns busshållplats.';
const REFERENCE = 'UR-2026-0999';
const COMMITMENT = 'Genomföra insatser mot narkotika- och alkoholförsäljning om underrättelseläget medger.';

/**
 * The operations screens in headless Chromium against the real api and the Hammarö demo data: an
 * officer proposes an operation (its intelligence sealed), the commander decides it and names the
 * participants, the officer carries it out and records the outcome, the commander releases the
 * summary into the promise, and a manager of the municipality sees only the counts.
 */
describe('web client: operations', () => {
  jest.setTimeout(BROWSER_TEST_TIMEOUT);
  let web: WebTestApp;
  let api: TestApi;
  let base: string;
  let operationId: string;

  beforeAll(async () => {
    web = await WebTestApp.start();
    ({ api, base } = web);
  });

  afterAll(async () => {
    await web?.close();
  });

  it('police officer: proposes an operation; an end before the start is refused next to the field; the intelligence is stored sealed', async () => {
    const page = await web.signIn('polis@karlstad.polisen.test');
    await page.getByRole('link', { name: 'Insatser', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Insatser' }).waitFor();
    await page.getByRole('link', { name: /Insats mot försäljning till unga i Lövnäs/ }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Ny insats' }).click();
    await page.getByRole('heading', { level: 1, name: 'Föreslå insats' }).waitFor();
    await page.getByText('visas bara för insatschefer', { exact: false }).first().waitFor();
    await page.getByRole('checkbox', { name: 'Klubb Kanalen, Kanalvägen 1' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel('Rubrik').fill(TITLE);
    await page.getByLabel('Område', { exact: true }).fill('Hammarö kyrkby');
    await page.getByLabel('Planerad start').fill('2026-12-04T21:00');
    await page.getByLabel('Planerat slut').fill('2026-12-04T20:00');
    await page.getByLabel('Plats 1').fill('Kyrkbyns busshållplats');
    await page.getByLabel('Åtagande i medborgarlöftet').selectOption({ label: COMMITMENT });
    await page.getByLabel('Underrättelseunderlag').fill(INTELLIGENCE);
    await page.getByLabel('Referens i underrättelseregistret').fill(REFERENCE);
    await page.getByRole('button', { name: 'Föreslå insatsen' }).click();

    await page.getByRole('link', { name: 'Sluttid måste vara efter starttid.' }).waitFor();
    expect(await fieldDescription(page.getByLabel('Planerat slut'))).toContain('Sluttid måste vara efter starttid.');
    expect(await fieldDescription(page.getByLabel('Planerad start'))).not.toContain('plannedEnd');
    expect(await api.db.query('SELECT id FROM operations WHERE title = $1', [TITLE])).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel('Planerat slut').fill('2026-12-05T01:00');
    await page.getByRole('button', { name: 'Föreslå insatsen' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Insatsen är föreslagen. En insatschef beslutar om den.' }).waitFor();
    await page.getByText(COMMITMENT).waitFor();
    // The proposer does not see the intelligence he wrote: it is for commanders.
    expect(await page.getByText(INTELLIGENCE).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Ändra deltagare' }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);

    const [row] = await api.db.query(
      `SELECT id, status, area, planned_start, planned_end, intelligence_sealed, o::text AS everything, commitment_id FROM operations o WHERE title = $1`,
      [TITLE],
    );
    operationId = row.id;
    expect(page.url()).toBe(`${base}/operations/${operationId}`);
    expect(row).toMatchObject({ status: 'proposed', area: 'Hammarö kyrkby' });
    // 21:00 and 01:00 Swedish winter time.
    expect(new Date(row.planned_start).toISOString()).toBe('2026-12-04T20:00:00.000Z');
    expect(new Date(row.planned_end).toISOString()).toBe('2026-12-05T00:00:00.000Z');
    expect(row.intelligence_sealed).toBeInstanceOf(Buffer);
    for (const secret of ['röd Saab', REFERENCE]) {
      expect(row.everything).not.toContain(secret);
      expect(row.intelligence_sealed.toString('utf8')).not.toContain(secret);
    }
    const [{ id: commitmentId }] = await api.db.query('SELECT id FROM commitments WHERE text = $1', [COMMITMENT]);
    expect(row.commitment_id).toBe(commitmentId);
    await page.close();

    // On a phone the form fits the screen: nothing to scroll sideways.
    const phone = await web.signIn('polis@karlstad.polisen.test', { width: 375, height: 800 });
    await phone.goto(`${base}/operations/new`);
    await phone.getByRole('checkbox', { name: 'Klubb Kanalen, Kanalvägen 1' }).waitFor();
    expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await phone.close();
  });

  it('police commander: reads the intelligence, decides the operation and names its participants', async () => {
    const page = await web.signIn('insatschef@karlstad.polisen.test');
    await page.getByRole('link', { name: 'Insatser', exact: true }).click();
    const proposed = page.waitForResponse((r) => r.url().includes('/api/v1/operations?') && r.url().includes('status=proposed'));
    await page.getByLabel('Status').selectOption({ label: 'Föreslagen' });
    await proposed;
    await nothingLoading(page);
    await page.getByRole('link', { name: /Kontroll av smuggelsprit före jul/ }).waitFor();
    // The filter is the api's: the decided operation in Lövnäs is not among the proposed ones.
    expect(await page.getByRole('link', { name: /Insats mot försäljning till unga i Lövnäs/ }).count()).toBe(0);
    await page.getByLabel('År').selectOption('2021');
    await page.getByText('Inga insatser matchar filtret.').waitFor();
    await page.getByLabel('År').selectOption('2026');
    await page.getByRole('link', { name: new RegExp(TITLE) }).click();

    await page.getByRole('heading', { name: 'Underrättelseunderlag (endast insatschef)' }).waitFor();
    await page.getByText(INTELLIGENCE).waitFor();
    await page.getByText(REFERENCE).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Villkor i beslutet').fill('Civila fordon; samordna med fältassistenterna.');
    await page.getByRole('button', { name: 'Besluta om insatsen' }).click();
    await page.getByRole('status').filter({ hasText: 'Insatsen är beslutad.' }).waitFor();

    await page.getByRole('button', { name: 'Ändra deltagare' }).click();
    await page.getByRole('checkbox', { name: 'Mikael Berg (Områdespolis Hammarö)' }).check();
    await page.getByRole('checkbox', { name: 'Ingripande', exact: true }).check();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Spara deltagarna' }).click();
    await page.getByRole('status').filter({ hasText: 'Deltagarna är sparade.' }).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Ingripande (enhet)' }).waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Mikael Berg' }).waitFor();

    const [decided] = await api.db.query('SELECT status, decision_conditions FROM operations WHERE id = $1', [operationId]);
    expect(decided).toEqual({ status: 'decided', decision_conditions: 'Civila fordon; samordna med fältassistenterna.' });
    const participants = await api.db.query(
      `SELECT op.grantee_type AS type, coalesce(u.display_name, un.name) AS name, g.actions FROM operation_participants op
       JOIN record_grants g ON g.id = op.grant_id LEFT JOIN users u ON u.id = op.grantee_id LEFT JOIN units un ON un.id = op.grantee_id
       WHERE op.operation_id = $1 ORDER BY 1, 2`,
      [operationId],
    );
    expect(participants).toEqual([
      { type: 'unit', name: 'Ingripande', actions: ['read', 'report'] },
      { type: 'user', name: 'Mikael Berg', actions: ['read', 'report'] },
    ]);
    await page.close();
  });

  it('police officer: carries the operation out and records the outcome with a seizure; releasing is not his', async () => {
    const page = await web.signIn('polis@karlstad.polisen.test');
    await page.goto(`${base}/operations/${operationId}`);
    await page.getByRole('button', { name: 'Starta insatsen' }).click();
    await page.getByRole('status').filter({ hasText: 'Insatsen har gått vidare till nästa steg.' }).waitFor();

    await page.getByRole('heading', { name: 'Registrera utfall' }).waitFor();
    await page.getByLabel('Gripna').fill('1');
    await page.getByLabel('Upprättade anmälningar').fill('3');
    await page.getByLabel('Kontrollerade personer').fill('18');
    await page.getByLabel('Kontrollerade platser').fill('2');
    await page.getByRole('button', { name: 'Lägg till beslag' }).click();
    await page.getByLabel('Preparat', { exact: true }).selectOption({ label: 'Hembränt' });
    await page.getByLabel('Mängd', { exact: true }).fill('4,5');
    expect(await page.getByLabel('Enhet', { exact: true }).inputValue()).toBe('l');
    await page.getByLabel('Anteckningar efter insatsen').fill('Säljaren greps vid busshållplatsen.');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Spara utfallet' }).click();
    await page.getByRole('status').filter({ hasText: 'Utfallet är sparat.' }).waitFor();
    await page.getByText('Gripna 1, anmälningar 3, kontrollerade personer 18, platser 2.').waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Hembränt 4,5 liter' }).waitFor();

    await page.getByRole('button', { name: 'Markera som genomförd' }).click();
    await page.getByText('Genomförd', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Rapportera utfallet' }).click();
    await page.getByText('Utfall rapporterat', { exact: true }).waitFor();
    expect(await page.getByRole('heading', { name: 'Frisläpp sammanfattning' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Spara utfallet' }).count()).toBe(0);

    const [outcome] = await api.db.query(
      'SELECT seizures, arrests, reports_filed, persons_checked, places_checked FROM operation_outcomes WHERE operation_id = $1',
      [operationId],
    );
    expect(outcome).toEqual({
      seizures: [{ substance: 'home_distilled', quantity: 4.5, unit: 'l' }],
      arrests: 1,
      reports_filed: 3,
      persons_checked: 18,
      places_checked: 2,
    });
    expect((await api.db.query('SELECT status FROM operations WHERE id = $1', [operationId]))[0].status).toBe('outcome_reported');
    await page.close();
  });

  it('police commander: sees exactly the counts before releasing the summary, which becomes the promise activity', async () => {
    const page = await web.signIn('insatschef@karlstad.polisen.test');
    await page.goto(`${base}/operations/${operationId}`);
    await page.getByRole('heading', { name: 'Frisläpp sammanfattning' }).waitFor();
    await page.getByRole('button', { name: 'Granska och frisläpp' }).click();
    // An area is required: said next to the field, in Swedish with the field's label (issue #16).
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Detta frisläpps' }).waitFor();
    await dialog.getByRole('button', { name: 'Bekräfta och frisläpp' }).click();
    await page.getByRole('link', { name: 'Område måste vara minst 2 tecken.' }).waitFor();
    expect(await fieldDescription(page.getByLabel('Område i allmänna termer'))).toContain('Område måste vara minst 2 tecken.');

    await page.getByLabel('Område i allmänna termer').fill('Hammarö');
    // Issue #20: the area may be one of the collaboration's named places, drawn on the map around it.
    await page.getByLabel('Plats på kartan (valfritt)').selectOption({ label: 'Mörmons centrum' });
    await page.getByRole('button', { name: 'Granska och frisläpp' }).click();
    await dialog.getByText('Område: Hammarö.').waitFor();
    await dialog.getByText('På kartan: ett område runt Mörmons centrum.').waitFor();
    const released = dialog.getByRole('table', { name: 'Antal som frisläpps' });
    expect(await released.getByRole('row').allInnerTexts()).toEqual([
      'Gripna\t1',
      'Upprättade anmälningar\t3',
      'Kontrollerade personer\t18',
      'Kontrollerade platser\t2',
      'Beslag\tHembränt 4,5 liter',
    ]);
    await dialog.getByText(`under åtagandet ”${COMMITMENT}”`).waitFor();
    expect(await dialog.getByText('Säljaren greps').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Bekräfta och frisläpp' }).click();
    await page.getByRole('status').filter({ hasText: 'Sammanfattningen är frisläppt till den gemensamma uppföljningen.' }).waitFor();
    await page.getByRole('table', { name: 'Frisläppta antal' }).waitFor();
    expect(await page.getByRole('button', { name: 'Granska och frisläpp' }).count()).toBe(0);

    const [summary] = await api.db.query(
      `SELECT s.area, to_char(s.period_start, 'YYYY-MM-DD') AS start, to_char(s.period_end, 'YYYY-MM-DD') AS end, s.counts, a.kind, a.metrics, a.commitment_id, k.text AS commitment
       FROM operation_summaries s JOIN activities a ON a.id = s.activity_id JOIN commitments k ON k.id = a.commitment_id WHERE s.operation_id = $1`,
      [operationId],
    );
    const [{ place }] = await api.db.query(
      'SELECT pl.name AS place FROM operation_summaries s JOIN places pl ON pl.id = s.place_id WHERE s.operation_id = $1',
      [operationId],
    );
    expect(place).toBe('Mörmons centrum');
    expect(summary).toMatchObject({
      area: 'Hammarö',
      start: '2026-12-04',
      end: '2026-12-05',
      kind: 'drug_sale_operation',
      commitment: COMMITMENT,
      counts: {
        arrests: 1,
        reportsFiled: 3,
        personsChecked: 18,
        placesChecked: 2,
        seizures: [{ substance: 'home_distilled', label: 'Hembränt', quantity: 4.5, unit: 'l' }],
      },
      metrics: { operations: 1, arrests: 1, reports_filed: 3, persons_checked: 18, places_checked: 2, seized_home_distilled_l: 5 },
    });
    await page.close();
  });

  it('manager: sees the released summaries with the year’s totals, no operations menu, and no operation', async () => {
    const page = await web.signIn('chef@hammaro.test');
    expect(await page.getByRole('link', { name: 'Insatser', exact: true }).count()).toBe(0);
    await page.getByRole('link', { name: 'Insatsresultat' }).click();
    await page.getByRole('heading', { level: 1, name: 'Insatsresultat' }).waitFor();
    await page.getByRole('cell', { name: 'Skoghall' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel('År').selectOption('2026');
    await page.getByRole('rowheader', { name: 'Summa 2026, 1 insats' }).waitFor();
    const table = page.getByRole('table', { name: 'Frisläppta sammanfattningar 2026, en rad per insats' });
    expect(await table.locator('tbody tr').allInnerTexts()).toEqual([
      expect.stringMatching(/^4 december 2026 – 5 december 2026\tHammarö\t1\t3\t18\t2\tHembränt 4,5 liter$/),
    ]);
    const text = await page.locator('main').innerText();
    for (const secret of [TITLE, 'röd Saab', REFERENCE, 'Mikael Berg', 'Säljaren greps', 'kyrkby']) expect(text).not.toContain(secret);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel('År').selectOption('2022');
    await page.getByRole('rowheader', { name: 'Summa 2022, 1 insats' }).waitFor();
    // The 2022 summary's row, in the order released; the totals below add up every substance.
    await page
      .locator('tbody')
      .getByRole('cell', { name: /^Kokain 12 g; Kontanter \(misstänkt brottsvinst\) 18\s400 kr$/ })
      .waitFor();
    await page
      .locator('tfoot')
      .getByRole('cell', { name: /Kokain 12 g$/ })
      .waitFor();
    await page.getByLabel('År').selectOption('2019');
    await page.getByText('Inga insatsresultat för 2019. Resultaten visas här när polisen har genomfört en insats').waitFor();

    await page.goto(`${base}/operations/${operationId}`);
    await page.getByText('Sidan finns inte, eller så har du inte behörighet att se den.').waitFor();
    expect(await page.getByText(TITLE).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();

    // On a phone the wide table scrolls inside its frame, not the page.
    const phone = await web.signIn('chef@hammaro.test', { width: 375, height: 800 });
    await phone.goto(`${base}/operation-summaries?year=2026`);
    await phone.getByRole('rowheader', { name: 'Summa 2026, 1 insats' }).waitFor();
    expect(await phone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await phone.close();
  });
});
