import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { englishIn, swedishIn } from './support/language-check.js';
import type { TestApi } from './support/test-api.js';
import { BROWSER_TEST_TIMEOUT, WebTestApp } from './support/web-app.js';

/**
 * Swedish all the way (#16): every list and form of every area, as the role that owns it, in
 * Swedish mode — each form submitted empty (the browser's own checks off, so the api answers) and
 * the typical mistakes — must show no English sentence and no raw code; in English mode the
 * same screens must show none of the app's own Swedish labels. The demo data is Swedish in both.
 * Each test collects every finding (page, form, text) and asserts the list empty at the end, so one
 * run reports every leak at once.
 */

/** Counts the page's fetches in flight, so the walk knows when an answer has been shown. */
const TRACK_FETCHES = `(() => {
  let inFlight = 0;
  let last = 0;
  const fetch = window.fetch;
  window.fetch = function (...args) {
    inFlight++;
    last = performance.now();
    return fetch.apply(this, args).finally(() => { inFlight--; last = performance.now(); });
  };
  window.__samverkanQuiet = () => inFlight === 0 && performance.now() - last > 150;
})()`;

/** Catches a screen that hangs (no heading, a spinner or a fetch that never ends); it measures no speed. */
const SETTLE_TIMEOUT = 30_000;

/** The page has loaded its area and answered: no fetch for a moment, no "Hämtar…" spinner, a heading or a message. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const w = globalThis as unknown as { __samverkanQuiet?: () => boolean; document: Dom };
      const busy = w.document.querySelector('[aria-label="Hämtar…"], [aria-label="Loading…"]');
      return Boolean(w.__samverkanQuiet?.()) && !busy && Boolean(w.document.querySelector('h1, .ds-alert, .ds-error-summary, [role=alert]'));
    },
    null,
    { polling: 50, timeout: SETTLE_TIMEOUT },
  );
}

// The tests are typed without the DOM library: only what is used here is declared.
type Element = {
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  querySelector(selector: string): Element | null;
  checkVisibility(): boolean;
  innerText: string;
  type?: string;
  noValidate?: boolean;
  requestSubmit?(submitter?: Element): void;
};
type Dom = {
  title: string;
  body: Element;
  querySelector(selector: string): Element | null;
  querySelectorAll(selector: string): Iterable<Element> & ArrayLike<Element>;
};

/** What the page says: its visible text (less `<code>` and `<pre>`), its title, and what assistive technology reads (labels, placeholders, titles). */
function shownText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const document = (globalThis as unknown as { document: Dom }).document;
    const attributes = [...document.querySelectorAll('[aria-label], [placeholder], [title]')].flatMap((e) =>
      ['aria-label', 'placeholder', 'title'].map((a) => e.getAttribute(a) ?? '').filter(Boolean),
    );
    // What is shown as code on purpose (the audit event's code and its details as JSON, a reminder rule's key, which
    // also names its row's fields for screen readers) is an identifier, not a sentence: left out wherever it appears.
    let text = [document.title, document.body.innerText, ...attributes].join('\n');
    const technical = [...document.querySelectorAll('code, pre')].map((e) => e.innerText.trim()).filter(Boolean);
    for (const code of technical.sort((a, b) => b.length - a.length)) text = text.split(code).join(' ');
    return text;
  });
}

type Check = (text: string) => string[];

/** Turns the browser's own checks off for a form, so the api's answer is what the user sees. */
const noBrowserChecks = (form: unknown) => {
  (form as { noValidate: boolean }).noValidate = true;
};

/** How many refusals (an error summary, a danger alert, a field marked invalid) a page or form shows: the mistake was answered. */
const refusals = (scope: Page | Locator) => scope.locator('.ds-error-summary, .ds-alert[data-color="danger"], [aria-invalid="true"]').count();

class Walk {
  readonly findings: string[] = [];
  /** Each form submitted (page — its button), so a test can tell the walk reached the forms. */
  readonly submitted: string[] = [];
  constructor(
    private readonly web: WebTestApp,
    private readonly check: Check,
  ) {}

  async record(page: Page, where: string): Promise<void> {
    await settled(page).catch((error: Error) => {
      throw new Error(`${where}: the screen never settled (${error.message})`);
    });
    const text = await shownText(page);
    for (const finding of this.check(text)) {
      const line = `${where}: ${finding}`;
      if (!this.findings.includes(line)) this.findings.push(line);
    }
  }

  /** Opens a screen, checks it, then submits each of its forms empty (details opened, browser checks off) and checks the answer. */
  async visit(page: Page, path: string, options: { forms?: boolean } = {}): Promise<void> {
    await page.goto(`${this.web.base}${path}`);
    await this.record(page, path);
    if (options.forms === false) return;
    await this.submitForms(page, path);
    // Forms behind a button that shows them (aria-expanded), one at a time: each from the screen as it opens.
    const expanders = await page.locator('main button[aria-expanded="false"]').count();
    for (let j = 0; j < expanders; j++) {
      await page.goto(`${this.web.base}${path}`);
      await settled(page);
      const button = page.locator('main button[aria-expanded="false"]').nth(j);
      if (!(await button.isVisible())) continue;
      const name = (await button.innerText()).trim();
      await button.click();
      await this.record(page, `${path} — "${name}" opened`);
      await this.submitForms(page, `${path} — "${name}"`, path);
    }
  }

  private async submitForms(page: Page, where: string, path = where): Promise<void> {
    const count = await page.locator('form').count();
    for (let i = 0; i < count; i++) {
      const submit = await page.evaluate((index) => {
        const document = (globalThis as unknown as { document: Dom }).document;
        for (const d of document.querySelectorAll('details, u-details')) d.setAttribute('open', '');
        const form = document.querySelectorAll('form')[index];
        if (!form || !form.checkVisibility()) return null;
        form.noValidate = true;
        const button = form.querySelector('button[type=submit], button:not([type])');
        form.requestSubmit!(button ?? undefined);
        return button?.innerText || `form ${index + 1}`;
      }, i);
      if (submit === null) continue;
      this.submitted.push(`${where} — ${String(submit)}`);
      await this.record(page, `${where} — "${String(submit)}" submitted empty`);
      if (new URL(page.url()).pathname !== new URL(`${this.web.base}${path}`).pathname) await page.goto(`${this.web.base}${path}`);
    }
  }
}

describe('web client: Swedish all the way, and English when asked', () => {
  jest.setTimeout(BROWSER_TEST_TIMEOUT);
  let web: WebTestApp;
  let api: TestApi;
  const ids: Record<string, string> = {};
  /** One record of each status, for the screens whose forms depend on it. */
  const byStatus: Record<'inspections' | 'operations' | 'sanctions', string[]> = { inspections: [], operations: [], sanctions: [] };

  beforeAll(async () => {
    web = await WebTestApp.start();
    api = web.api;
    const one = async (sql: string) => ((await api.db.query(sql)) as { id: string }[])[0].id;
    ids.youthCase = await one(`SELECT id FROM youth_cases WHERE form = 'sig'`);
    ids.plannedInspection = await one(
      `SELECT i.id FROM inspections i JOIN premises p ON p.id = i.premises_id WHERE i.status = 'planned' AND p.name = 'Klubb Kanalen'`,
    );
    ids.performedInspection = await one(`SELECT id FROM inspections WHERE status <> 'planned' AND status <> 'cancelled' ORDER BY planned_start DESC LIMIT 1`);
    ids.premises = await one(`SELECT id FROM premises WHERE name = 'Klubb Kanalen'`);
    ids.action = await one(`SELECT id FROM actions ORDER BY created_at LIMIT 1`);
    ids.followUp = await one(`SELECT id FROM follow_ups ORDER BY created_at DESC LIMIT 1`);
    ids.user = await one(`SELECT id FROM users WHERE email = 'socialsekreterare@hammaro.test'`);
    ids.hammaro = await one(`SELECT id FROM organisations WHERE name = 'Hammarö kommun'`);
    ids.promise = await one(`SELECT id FROM promises ORDER BY created_at LIMIT 1`);
    ids.finding = await one(`SELECT id FROM findings WHERE status IN ('open', 'in_progress') ORDER BY recorded_at, id LIMIT 1`);
    ids.walk = await one(`SELECT id FROM activities WHERE kind = 'safety_walk' ORDER BY occurred_on DESC, id LIMIT 1`);
    ids.licence = await one(`SELECT l.id FROM licences l JOIN premises p ON p.id = l.premises_id WHERE p.name = 'Klubb Kanalen'`);
    ids.holder = await one(`SELECT l.holder_id AS id FROM licences l WHERE l.id = '${ids.licence}'`);
    ids.referral = await one(`SELECT id FROM licensing_referrals WHERE tip_id IS NOT NULL LIMIT 1`);
    ids.tip = await one(`SELECT tip_id AS id FROM licensing_referrals WHERE id = '${ids.referral}'`);
    const eachStatus = async (table: string, status = 'status') =>
      ((await api.db.query(`SELECT DISTINCT ON (${status}) id FROM ${table} ORDER BY ${status}, created_at DESC`)) as { id: string }[]).map((r) => r.id);
    byStatus.inspections = await eachStatus('inspections');
    byStatus.operations = await eachStatus('operations');
    // A sanction case's stage: proposed, heard, decided.
    byStatus.sanctions = await eachStatus('sanction_cases', '(heard_on IS NULL), (decision IS NULL)');
  });

  afterAll(async () => {
    await web?.close();
  });

  /** A signed-in page whose fetches are tracked, in Swedish or (through the app's own switch) in English. */
  async function signIn(email: string, language: 'sv' | 'en' = 'sv'): Promise<Page> {
    const page = await web.signIn(email);
    await page.context().addInitScript(TRACK_FETCHES);
    if (language === 'en') {
      await page.getByRole('button', { name: 'In English' }).click();
      await page.getByRole('button', { name: 'På svenska' }).waitFor();
    }
    return page;
  }

  /** Every role's start page (its deadlines, notifications and roles) first, then its screens. */
  const withStart = (paths: string[]) => [...new Set(['/', ...paths])];

  /** The screens of each role that owns them: list and form pages, and mistyped addresses. */
  const SCREENS: { email: string; paths: () => string[] }[] = [
    {
      email: 'chef@hammaro.test',
      paths: () => [
        '/',
        '/notifications',
        '/promise',
        '/promise/actions',
        `/promise/actions/${ids.action}`,
        '/promise/activities',
        '/promise/follow-ups',
        `/promise/follow-ups/${ids.followUp}`,
        '/promise/actions/not-a-uuid',
        '/operation-summaries',
        '/work-queue',
        '/search?q=grannsamverkan',
      ],
    },
    {
      email: 'trygghet@hammaro.test',
      // The findings register, a finding, and a walk's report with its "Nytt fynd" form (issue #20).
      paths: () => [
        '/promise/activities',
        `/promise/actions/${ids.action}`,
        '/findings',
        `/findings/${ids.finding}`,
        `/promise/activities/${ids.walk}`,
        // Planning, extending and starting the next promise; the map; a walk recorded on a phone (issue #20).
        '/promise/plan',
        '/map',
        '/field/new/safety_walk',
      ],
    },
    // The rescue service's start page with its one-tap walk, and its map (issue #20).
    { email: 'raddningstjanst@krf.test', paths: () => ['/field/new/safety_walk', '/map'] },
    {
      email: 'alkohol@hammaro.test',
      paths: () => [
        '/inspections',
        '/inspections/calendar',
        '/inspections/new',
        '/inspections/premises',
        `/inspections/premises/${ids.premises}`,
        '/inspections/plan',
        '/inspections/sanctions',
        ...byStatus.sanctions.map((id) => `/inspections/sanctions/${id}`),
        ...byStatus.inspections.map((id) => `/inspections/${id}`),
        `/inspections/${ids.performedInspection}/report`,
        '/inspections/licences',
        `/inspections/licences/holders/${ids.holder}`,
        `/inspections/licences/${ids.licence}`,
        '/inspections/restaurant-reports',
        '/inspections/referrals',
        `/inspections/referrals/${ids.referral}`,
        `/inspections/tips/${ids.tip}`,
        '/search?q=kanalen',
        '/inspections/not-a-uuid',
        '/inspections/premises/not-a-uuid',
      ],
    },
    {
      email: 'socialsekreterare@hammaro.test',
      paths: () => ['/youth-cases', '/youth-cases/new', `/youth-cases/${ids.youthCase}`, '/youth-cases/not-a-uuid'],
    },
    // A youth case too: its documents, and the person's register extract behind its summary (issue #21).
    { email: 'socialchef@hammaro.test', paths: () => ['/youth-cases', '/youth-cases/caseload', '/work-queue', `/youth-cases/${ids.youthCase}`] },
    {
      email: 'polis@karlstad.polisen.test',
      paths: () => ['/youth-cases', '/youth-cases/report-of-concern', '/operations', '/operations/new', `/inspections/${ids.plannedInspection}`],
    },
    {
      email: 'insatschef@karlstad.polisen.test',
      paths: () => ['/operations', ...byStatus.operations.map((id) => `/operations/${id}`), '/operation-summaries', '/operations/not-a-uuid'],
    },
    {
      email: 'it@hammaro.test',
      paths: () => [
        '/admin/users',
        '/admin/users/new',
        `/admin/users/${ids.user}`,
        '/admin/roles',
        '/admin/reminder-rules',
        '/admin/users/not-a-uuid',
        // Their own organisation, with its details form.
        '/admin/organisations',
        `/admin/organisations/${ids.hammaro}`,
      ],
    },
    // The reminder rules, the identity providers, creating organisations and collaborations are the system administrator's.
    {
      email: 'admin@samverkan.test',
      paths: () => ['/admin/reminder-rules', '/admin/identity-providers', '/admin/identity-providers/new', '/admin/organisations', '/admin/collaborations'],
    },
    { email: 'revisor@hammaro.test', paths: () => ['/audit'] },
  ];

  for (const { email, paths } of SCREENS) {
    it(`Swedish mode, ${email}: lists and forms (submitted empty) show no English and no raw code`, async () => {
      const walk = new Walk(web, englishIn);
      const page = await signIn(email);
      for (const path of withStart(paths())) await walk.visit(page, path);
      await page.close();
      expect(walk.findings).toEqual([]);
      expect(walk.submitted.length).toBeGreaterThan(0);
    });
  }

  it('Swedish mode: the issue’s typical mistakes are answered in Swedish', async () => {
    const walk = new Walk(web, englishIn);
    const day = new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10);

    // Booking an inspection that ends before it starts; a coordinated inspection without the police.
    const officer = await signIn('alkohol@hammaro.test');
    await walk.visit(officer, '/inspections/new', { forms: false });
    await officer.getByLabel('Serveringsställe', { exact: true }).selectOption({ label: 'Hamnkrogen Vilan' });
    await officer
      .getByRole('group', { name: 'Inspektörer' })
      .getByLabel(/Johan Nyström/)
      .waitFor();
    await officer.getByLabel('Börjar').fill(`${day}T21:00`);
    await officer.getByLabel('Slutar').fill(`${day}T20:00`);
    await officer.getByRole('button', { name: 'Boka tillsynen' }).click();
    await walk.record(officer, '/inspections/new — an end before the start');
    expect(await officer.getByLabel('Slutar').getAttribute('aria-invalid')).toBe('true');
    await officer.getByLabel('Slutar').fill(`${day}T23:00`);
    await officer.getByLabel('Samordnad tillsyn').check();
    await officer.getByRole('button', { name: 'Boka tillsynen' }).click();
    await walk.record(officer, '/inspections/new — a coordinated inspection without the police');
    expect(await refusals(officer)).toBeGreaterThan(0);
    // A supervision plan's item with a negative number of visits.
    await walk.visit(officer, '/inspections/plan', { forms: false });
    await officer
      .getByRole('button', { name: /^Ändra planen för / })
      .first()
      .click();
    const item = officer.locator('dialog form');
    await item.evaluate(noBrowserChecks);
    await item.getByLabel('Planerade besök').fill('-1');
    await item.getByRole('button', { name: 'Spara ändringen' }).click();
    await walk.record(officer, '/inspections/plan — a negative number of visits');
    expect(await refusals(item)).toBeGreaterThan(0);
    await officer.close();

    // A consent with no category; a disclosure on OSL 10 kap 18 a § without its criteria attested.
    const worker = await signIn('socialsekreterare@hammaro.test');
    await walk.visit(worker, `/youth-cases/${ids.youthCase}`, { forms: false });
    await worker.getByText('Registrera samtycke', { exact: true }).click();
    const consent = worker.locator('form', { has: worker.getByRole('button', { name: 'Registrera samtycket', exact: true }) });
    for (const box of await consent.getByRole('checkbox').all()) if (await box.isChecked()) await box.uncheck();
    await consent.evaluate(noBrowserChecks);
    await consent.getByRole('button', { name: 'Registrera samtycket' }).click();
    await walk.record(worker, `/youth-cases/:id — a consent with no category`);
    expect(await refusals(consent)).toBeGreaterThan(0);
    await worker.getByText('Registrera utlämnande', { exact: true }).click();
    const disclosure = worker.locator('form', { has: worker.getByRole('button', { name: 'Registrera utlämnandet', exact: true }) });
    await disclosure.getByRole('radio', { name: /^OSL 10 kap 18 a §/ }).check();
    await disclosure.getByLabel('Mottagare', { exact: true }).selectOption({ label: 'Lokalpolisområde Karlstad' });
    await disclosure.getByRole('checkbox', { name: /^Brott och misstankar om brott/ }).check();
    await disclosure.getByLabel(/^Motivering/).fill('Oscar har setts med vapen i Skoghall; polisen behöver veta.');
    await disclosure.evaluate(noBrowserChecks);
    await disclosure.getByRole('button', { name: 'Registrera utlämnandet' }).click();
    await walk.record(worker, `/youth-cases/:id — a disclosure without its criteria`);
    expect(await refusals(disclosure)).toBeGreaterThan(0);
    await worker.close();

    // A report of concern with a bad personnummer; then an observation date in a wrong format.
    const police = await signIn('polis@karlstad.polisen.test');
    await walk.visit(police, '/youth-cases/report-of-concern', { forms: false });
    await police.locator('form').evaluate(noBrowserChecks);
    await police.locator('#personalNumber').fill('19991399-1234');
    await police.locator('#name').fill('Test Testsson');
    await police.locator('#category').selectOption({ index: 1 });
    await police.locator('#concern').fill('Sågs på stan sent en skolkväll med äldre ungdomar.');
    await police.locator('form button[type=submit]').click();
    await walk.record(police, '/youth-cases/report-of-concern — a bad personnummer');
    expect(await police.locator('#personalNumber').getAttribute('aria-invalid')).toBe('true');
    await police.locator('#observedOn').evaluate((input) => input.setAttribute('type', 'text'));
    await police.locator('#observedOn').fill('31/12/2025');
    await police.locator('form button[type=submit]').click();
    await walk.record(police, '/youth-cases/report-of-concern — observedOn in a wrong format');
    expect(await police.locator('#observedOn').getAttribute('aria-invalid')).toBe('true');
    await police.close();

    expect(walk.findings).toEqual([]);
  });

  for (const { email, paths } of SCREENS) {
    it(`English mode, ${email}: the same screens show none of the app’s own Swedish labels`, async () => {
      const walk = new Walk(web, swedishIn);
      const page = await signIn(email, 'en');
      // Forms are submitted on the pages that are forms (the answers are the same sentences as in Swedish, in English).
      for (const path of withStart(paths())) await walk.visit(page, path, { forms: path.endsWith('/new') || path.includes('report-of-concern') });
      await page.close();
      expect(walk.findings).toEqual([]);
    });
  }

  it('without an account, in Swedish: the public page of a promise, the index of promises, and signing in empty and with a wrong password', async () => {
    const walk = new Walk(web, englishIn);
    const page = await web.browser.newPage();
    await page.context().addInitScript(TRACK_FETCHES);
    await walk.visit(page, `/public/promises/${ids.promise}`, { forms: false });
    await walk.visit(page, '/public', { forms: false });
    await walk.visit(page, '/');
    expect(walk.submitted).toEqual(['/ — Logga in']);
    await page.getByLabel('E-postadress').fill('chef@hammaro.test');
    await page.getByLabel('Lösenord').fill('fel-lösenord');
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await walk.record(page, '/ — a wrong password');
    await page.getByText('Fel e-postadress eller lösenord', { exact: false }).waitFor();
    await page.close();
    expect(walk.findings).toEqual([]);
  });
});
