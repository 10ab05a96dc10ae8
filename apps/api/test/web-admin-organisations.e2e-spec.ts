import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { luhnCheckDigit } from '@samverkan/youth';
import type { Locator, Page } from 'playwright-core';
import { messageNextTo, seriousA11yViolations } from './support/browser.js';
import type { TestApi } from './support/test-api.js';
import { BROWSER_TEST_TIMEOUT, WebTestApp } from './support/web-app.js';

/**
 * Administration of organisations, units, collaborations and partners in headless Chromium against
 * the real api with the Hammarö demo data. The tests run in order: Forshaga kommun is created first,
 * then its collaboration with the police, then a rescue service joins it as a partner and leaves.
 */
describe('web client: organisations and collaborations for administrators', () => {
  jest.setTimeout(BROWSER_TEST_TIMEOUT);
  let web: WebTestApp;
  let api: TestApi;
  let base: string;

  const COLLABORATION = 'Forshaga – Lokalpolisområde Karlstad';
  // A valid organisation number (its last digit a check digit, as the api checks).
  const ORG_NUMBER = `212000-177${luhnCheckDigit('212000177')}`;

  beforeAll(async () => {
    web = await WebTestApp.start();
    ({ api, base } = web);
  });

  afterAll(async () => {
    await web?.close();
  });

  const adminMenu = (page: Page) => page.getByRole('navigation', { name: 'Administration' });
  const status = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();

  /** Adds an option the screen does not offer to a select, as a crafted request would: the api must refuse it. */
  async function slipIn(select: Locator, value: string, text: string): Promise<void> {
    await select.evaluate(
      (element, [optionValue, optionText]) => {
        // The tests are typed without the DOM library: only what is used here is declared.
        const node = element as unknown as { ownerDocument: { createElement(tag: string): { value: string; text: string } }; append(child: unknown): void };
        const option = node.ownerDocument.createElement('option');
        option.value = optionValue;
        option.text = optionText;
        node.append(option);
      },
      [value, text] as const,
    );
  }

  /** Fills the form "Ny organisation" and sends it. */
  async function createOrganisation(page: Page, values: { name: string; kind: string; orgNumber?: string; units: string[] }) {
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Skapa organisationen' }) });
    await form.getByLabel('Namn', { exact: true }).fill(values.name);
    await form.getByLabel('Slag').selectOption({ label: values.kind });
    await form.getByLabel('Organisationsnummer').fill(values.orgNumber ?? '');
    await form.getByLabel('Enheter').fill(values.units.join('\n'));
    await form.getByRole('button', { name: 'Skapa organisationen' }).click();
  }

  it('system admin: creates Forshaga kommun with its units and adds one; a unit name it has is refused in Swedish', async () => {
    const page = await web.signIn('admin@samverkan.test');
    await page.goto(`${base}/admin`);
    await adminMenu(page).getByRole('link', { name: 'Organisationer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisationer' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/organisations');
    const hammaro = page.getByRole('row').filter({ hasText: 'Hammarö kommun' });
    expect(await hammaro.getByRole('cell').nth(1).textContent()).toBe('Kommun');
    await hammaro.getByText('Socialtjänsten', { exact: true }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A wrong organisation number is refused next to its field, and nothing is created.
    await createOrganisation(page, { name: 'Forshaga kommun', kind: 'Kommun', orgNumber: '212000-1234', units: ['Kommunledning', 'Socialtjänsten'] });
    expect(await messageNextTo(page, 'orgNumber')).toContain('Organisationsnummer måste vara ett giltigt organisationsnummer (NNNNNN-NNNN).');
    expect(await api.db.query(`SELECT id FROM organisations WHERE name = 'Forshaga kommun'`)).toEqual([]);

    await page.getByLabel('Organisationsnummer').fill(ORG_NUMBER);
    await page.getByRole('button', { name: 'Skapa organisationen' }).click();
    await status(page, 'Forshaga kommun är skapad.');
    const forshaga = page.getByRole('row').filter({ hasText: 'Forshaga kommun' });
    await forshaga.waitFor();
    expect(await forshaga.getByRole('cell').allInnerTexts()).toEqual([
      'Forshaga kommun',
      'Kommun',
      ORG_NUMBER,
      expect.stringMatching(/^Kommunledning\nSocialtjänsten\n/),
    ]);
    const organisationId = await api.organisationId('Forshaga kommun');
    const [created] = await api.db.query<{ kind: string; org_number: string }[]>('SELECT kind, org_number FROM organisations WHERE id = $1', [organisationId]);
    expect(created).toEqual({ kind: 'municipality', org_number: ORG_NUMBER });

    // A unit more, in the row's own form.
    const newUnit = forshaga.getByLabel('Ny enhet i Forshaga kommun');
    await newUnit.fill('Tekniska förvaltningen');
    await forshaga.getByRole('button', { name: 'Lägg till enheten' }).click();
    await status(page, 'Enheten Tekniska förvaltningen är tillagd i Forshaga kommun.');
    await forshaga.getByRole('listitem').filter({ hasText: 'Tekniska förvaltningen' }).waitFor();

    // A name the organisation already has: refused, said in Swedish next to the field.
    await newUnit.fill('Kommunledning');
    await forshaga.getByRole('button', { name: 'Lägg till enheten' }).click();
    expect(await messageNextTo(page, `unit-${organisationId}`)).toBe('Organisationen har redan en enhet som heter Kommunledning.');
    expect(await seriousA11yViolations(page)).toEqual([]);
    const units = await api.db.query<{ name: string }[]>('SELECT name FROM units WHERE organisation_id = $1 ORDER BY name', [organisationId]);
    expect(units.map((u) => u.name)).toEqual(['Kommunledning', 'Socialtjänsten', 'Tekniska förvaltningen']);
    await page.close();
  });

  it('system admin: gives Forshaga kommun its contact and its appeal court on its own page; an address without https is refused in Swedish', async () => {
    const page = await web.signIn('admin@samverkan.test');
    await page.goto(`${base}/admin/organisations`);
    await page.getByRole('link', { name: 'Forshaga kommun', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Forshaga kommun' }).waitFor();
    await page.getByText('Ingen angiven (breven skriver ”förvaltningsrätten”)').waitFor();
    await page.getByRole('button', { name: 'Ändra uppgifter' }).click();
    await page.getByLabel('Telefon (växel)').fill('054-17 10 00');
    await page.getByLabel('E-post', { exact: true }).fill('kommun@forshaga.se');
    await page.getByLabel('Webbplats', { exact: true }).fill('http://www.forshaga.se');
    await page.getByLabel('Förvaltningsrätt vid överklagande').selectOption('Förvaltningsrätten i Karlstad');
    await page.getByRole('button', { name: 'Spara uppgifterna' }).click();
    expect(await messageNextTo(page, 'contactUrl')).toContain('Webbplats måste vara en säker adress som börjar med https://.');
    const organisationId = await api.organisationId('Forshaga kommun');
    const unchanged = await api.db.query('SELECT contact_phone, appeal_court FROM organisations WHERE id = $1', [organisationId]);
    expect(unchanged).toEqual([{ contact_phone: null, appeal_court: null }]);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel('Webbplats', { exact: true }).fill('https://www.forshaga.se');
    await page.getByRole('button', { name: 'Spara uppgifterna' }).click();
    await status(page, 'Uppgifterna är sparade.');
    const facts = page.locator('dl');
    await facts.getByText('Förvaltningsrätten i Karlstad', { exact: true }).waitFor();
    expect(await facts.innerText()).toContain('kommun@forshaga.se');
    const [saved] = await api.db.query('SELECT contact_phone, contact_email, contact_url, appeal_court FROM organisations WHERE id = $1', [organisationId]);
    expect(saved).toEqual({
      contact_phone: '054-17 10 00',
      contact_email: 'kommun@forshaga.se',
      contact_url: 'https://www.forshaga.se',
      appeal_court: 'Förvaltningsrätten i Karlstad',
    });

    // The police name no court: their form does not ask for one.
    await page.goto(`${base}/admin/organisations/${await api.organisationId('Lokalpolisområde Karlstad')}`);
    await page.getByRole('button', { name: 'Ändra uppgifter' }).click();
    await page.getByLabel('Webbplats', { exact: true }).waitFor();
    expect(await page.getByLabel('Förvaltningsrätt vid överklagande').count()).toBe(0);
    await page.close();
  });

  it('organisation admin: sees her own municipality only, creates nothing, and changes its switchboard number', async () => {
    const page = await web.signIn('it@hammaro.test');
    await page.goto(`${base}/admin`);
    await adminMenu(page).getByRole('link', { name: 'Organisationer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisationer' }).waitFor();
    await page.getByText('Din organisation med sina enheter.', { exact: false }).waitFor();
    const rows = page.getByRole('row').filter({ has: page.getByRole('link') });
    expect(await rows.allInnerTexts()).toEqual([expect.stringContaining('Hammarö kommun')]);
    expect(await page.getByRole('button', { name: 'Skapa organisationen' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Lägg till enheten' }).count()).toBe(0);
    expect(await adminMenu(page).getByRole('link', { name: 'Samverkansområden' }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Hammarö kommun', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Hammarö kommun' }).waitFor();
    await page.getByRole('button', { name: 'Ändra uppgifter' }).click();
    await page.getByLabel('Telefon (växel)').fill('054-51 50 10');
    await page.getByRole('button', { name: 'Spara uppgifterna' }).click();
    await status(page, 'Uppgifterna är sparade.');
    await page.locator('dl').getByText('054-51 50 10', { exact: true }).waitFor();
    const [saved] = await api.db.query('SELECT contact_phone, appeal_court FROM organisations WHERE name = $1', ['Hammarö kommun']);
    expect(saved).toEqual({ contact_phone: '054-51 50 10', appeal_court: 'Förvaltningsrätten i Karlstad' });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });

  it('system admin: creates the collaboration of Forshaga and the police; a party of the wrong kind is refused next to its field', async () => {
    const page = await web.signIn('admin@samverkan.test');
    await page.goto(`${base}/admin`);
    await adminMenu(page).getByRole('link', { name: 'Samverkansområden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Samverkansområden' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/collaborations');
    const hammaro = page.getByRole('region', { name: 'Hammarö', exact: true });
    await hammaro.getByText('Lokalpolisområde Karlstad', { exact: true }).waitFor();
    await hammaro.getByRole('row').filter({ hasText: 'Karlstadsregionens räddningstjänstförbund' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Each select offers only its kind of organisation.
    const police = page.getByLabel('Polisorganisation');
    const municipality = page.getByLabel('Kommun', { exact: true });
    await municipality.locator('option', { hasText: 'Forshaga kommun' }).waitFor({ state: 'attached' });
    expect(await police.locator('option').allTextContents()).toEqual(['Välj…', 'Lokalpolisområde Karlstad']);
    expect(await municipality.locator('option').allTextContents()).toEqual(['Välj…', 'Forshaga kommun', 'Hammarö kommun']);

    // The api judges the kind too: a municipality slipped into the police select is refused at that field.
    const hammaroId = await api.organisationId('Hammarö kommun');
    await slipIn(police, hammaroId, 'Hammarö kommun');
    await page.getByLabel('Namn', { exact: true }).fill(COLLABORATION);
    await police.selectOption({ label: 'Hammarö kommun' });
    await municipality.selectOption({ label: 'Forshaga kommun' });
    await page.getByRole('button', { name: 'Skapa samverkansområdet' }).click();
    expect(await messageNextTo(page, 'policeOrganisationId')).toContain('Polisorganisation måste vara polisen.');
    expect(await api.db.query('SELECT id FROM collaborations WHERE name = $1', [COLLABORATION])).toEqual([]);

    await police.selectOption({ label: 'Lokalpolisområde Karlstad' });
    await page.getByRole('button', { name: 'Skapa samverkansområdet' }).click();
    await status(page, `Samverkansområdet ${COLLABORATION} är skapat.`);
    const forshaga = page.getByRole('region', { name: COLLABORATION });
    await forshaga.getByText('Samverkansområdet har inga partner.').waitFor();
    expect(await forshaga.locator('dd').allTextContents()).toEqual(['Lokalpolisområde Karlstad', 'Forshaga kommun']);
    const [row] = await api.db.query<{ police: string; municipality: string }[]>(
      `SELECT p.name AS police, m.name AS municipality FROM collaborations c
       JOIN organisations p ON p.id = c.police_organisation_id JOIN organisations m ON m.id = c.municipality_organisation_id WHERE c.name = $1`,
      [COLLABORATION],
    );
    expect(row).toEqual({ police: 'Lokalpolisområde Karlstad', municipality: 'Forshaga kommun' });
    await page.close();
  });

  it('system admin: a new rescue service joins the collaboration as a partner and is removed after a confirmation', async () => {
    const page = await web.signIn('admin@samverkan.test');
    await page.goto(`${base}/admin/organisations`);
    await page.getByRole('heading', { level: 1, name: 'Organisationer' }).waitFor();
    await createOrganisation(page, { name: 'Forshaga räddningstjänst', kind: 'Räddningstjänst', units: ['Räddningsstyrkan'] });
    await status(page, 'Forshaga räddningstjänst är skapad.');

    const partners = () =>
      api.db.query<{ name: string }[]>(
        `SELECT o.name FROM collaboration_partners cp JOIN collaborations c ON c.id = cp.collaboration_id JOIN organisations o ON o.id = cp.organisation_id
         WHERE c.name = $1`,
        [COLLABORATION],
      );
    await adminMenu(page).getByRole('link', { name: 'Samverkansområden' }).click();
    const forshaga = page.getByRole('region', { name: COLLABORATION });
    const partner = forshaga.getByLabel(`Ny partner i ${COLLABORATION}`);
    // Rescue services and other organisations, never the parties.
    await partner.locator('option', { hasText: 'Forshaga räddningstjänst' }).waitFor({ state: 'attached' });
    expect(await partner.locator('option').allTextContents()).toEqual([
      'Välj…',
      'Forshaga räddningstjänst',
      'Karlstadsregionens räddningstjänstförbund',
      'Samverkan drift',
    ]);
    // Nothing chosen: said next to the field.
    await forshaga.getByRole('button', { name: 'Lägg till partnern' }).click();
    expect(await messageNextTo(page, await partner.getAttribute('id').then(String))).toContain('Ny partner måste fyllas i.');

    // The police is a party of its own collaboration, never a partner: the api refuses it at the field.
    await slipIn(partner, await api.organisationId('Lokalpolisområde Karlstad'), 'Lokalpolisområde Karlstad');
    await partner.selectOption({ label: 'Lokalpolisområde Karlstad' });
    await forshaga.getByRole('button', { name: 'Lägg till partnern' }).click();
    await page.getByText('Ny partner: polisen deltar som part i sitt eget samverkansområde, inte som partner.').waitFor();
    expect(await partners()).toEqual([]);

    await partner.selectOption({ label: 'Forshaga räddningstjänst' });
    await forshaga.getByRole('button', { name: 'Lägg till partnern' }).click();
    await status(page, `Forshaga räddningstjänst är partner i ${COLLABORATION}.`);
    await forshaga.getByRole('row').filter({ hasText: 'Forshaga räddningstjänst' }).waitFor();
    expect(await partner.locator('option').allTextContents()).toEqual(['Välj…', 'Karlstadsregionens räddningstjänstförbund', 'Samverkan drift']);
    expect(await partners()).toEqual([{ name: 'Forshaga räddningstjänst' }]);
    expect(await api.auditEvents('collaboration.partner_add')).toEqual([expect.objectContaining({ outcome: 'success' })]);

    // Removing asks first; cancelling keeps the partner.
    const remove = forshaga.getByRole('button', { name: `Ta bort Forshaga räddningstjänst som partner i ${COLLABORATION}` });
    await remove.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Ta bort Forshaga räddningstjänst som partner?' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Avbryt' }).first().click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await partners()).toEqual([{ name: 'Forshaga räddningstjänst' }]);

    await remove.click();
    await dialog.getByRole('button', { name: 'Ta bort partnern' }).click();
    await status(page, `Forshaga räddningstjänst är inte längre partner i ${COLLABORATION}.`);
    await forshaga.getByText('Samverkansområdet har inga partner.').waitFor();
    expect(await partners()).toEqual([]);
    // The Hammarö collaboration keeps its own partner.
    await page
      .getByRole('region', { name: 'Hammarö', exact: true })
      .getByRole('row')
      .filter({ hasText: 'Karlstadsregionens räddningstjänstförbund' })
      .waitFor();
    await page.close();
  });
});
