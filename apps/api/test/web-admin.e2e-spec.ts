import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { PERMISSIONS, ROLES } from '@samverkan/access';
import { addDays, addMonths, stockholmDate } from '@samverkan/platform';
import { luhnCheckDigit } from '@samverkan/youth';
import type { Page } from 'playwright-core';
import { messageNextTo, runningAnimations, seriousA11yViolations } from './support/browser.js';
import type { TestApi } from './support/test-api.js';
import { BROWSER_TEST_TIMEOUT, WebTestApp } from './support/web-app.js';
import { createWorkerApp } from '../../worker/src/worker.factory.js';

/**
 * Administration (users, roles, reminder rules) and the audit trail in headless Chromium against
 * the real api with the Hammarö demo data. The tests run in order: the auditor finds what the
 * system administrator did, and tampers with the trail last.
 */
describe('web client: administration and audit trail', () => {
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

  /** The Swedish half of the api's bilingual label ("Granskare (Auditor)" → "Granskare"): what a Swedish screen shows. */
  const swedish = (label: string) => label.replace(/ \([^()]*\)$/, '');
  const englishHalf = (label: string) => /\(([^()]*)\)$/.exec(label)![1];
  const swedishRole = (name: keyof typeof ROLES) => swedish(ROLES[name].label);

  const mainMenu = (page: Page) => page.getByRole('navigation', { name: 'Huvudmeny' });
  const adminMenu = (page: Page) => page.getByRole('navigation', { name: 'Administration' });

  it('system admin: pages through the users and filters them by organisation', async () => {
    // Enough users in the rescue service for a second page (they never sign in: the admin's hash will do).
    await api.db.query(
      `INSERT INTO users (organisation_id, email, display_name, password_hash)
       SELECT o.id, 'brandman' || i || '@rtj.test', 'Brandman ' || lpad(i::text, 2, '0'), (SELECT password_hash FROM users WHERE email = 'admin@samverkan.test')
       FROM organisations o, generate_series(1, 16) i WHERE o.name = 'Karlstadsregionens räddningstjänstförbund'`,
    );
    const [{ total }] = await api.db.query<{ total: number }[]>('SELECT count(*)::int AS total FROM users');

    const page = await web.signIn('admin@samverkan.test');
    await mainMenu(page).getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { level: 1, name: 'Användare' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/users');
    expect(await adminMenu(page).getByRole('link').allTextContents()).toEqual([
      'Användare',
      'Roller och behörigheter',
      'Påminnelseregler',
      'Identitetsleverantörer',
      'Organisationer',
      'Samverkansområden',
    ]);
    await page.getByText(`Visar 1–25 av ${total} (sida 1 av 2)`).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Nästa sida' }).click();
    await page.getByText(`Visar 26–${total} av ${total} (sida 2 av 2)`).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(total - 25);

    await page.getByLabel('Organisation').selectOption({ label: 'Lokalpolisområde Karlstad' });
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page.getByText('Visar 1–2 av 2 (sida 1 av 1)').waitFor();
    expect((await page.locator('tbody tr td:first-child').allTextContents()).sort()).toEqual(['Helena Strand', 'Mikael Berg']);
    await page.close();
  });

  it('system admin: creates a user; a bad e-mail address is refused next to the field', async () => {
    const page = await web.signIn('admin@samverkan.test');
    await page.goto(`${base}/admin/users`);
    await page.getByRole('link', { name: 'Ny användare' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny användare' }).waitFor();
    await page.getByLabel('Namn', { exact: true }).fill('Anna Berg');
    await page.getByLabel('E-postadress').fill('anna.berg@hammaro');
    await page.getByLabel('Anställd vid').selectOption({ label: 'Hammarö kommun' });
    await page.getByRole('button', { name: 'Bjud in' }).click();
    // Said in Swedish from the error's code, with the field's label (issue #16).
    expect(await messageNextTo(page, 'email')).toContain('E-postadress: skriv en giltig e-postadress, till exempel namn@exempel.se.');
    expect(await page.getByRole('link', { name: /^E-postadress: skriv en giltig e-postadress/ }).getAttribute('href')).toBe('#email');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await api.db.query(`SELECT id FROM users WHERE display_name = 'Anna Berg'`)).toEqual([]);

    await page.getByLabel('E-postadress').fill('anna.berg@hammaro.test');
    await page.getByRole('button', { name: 'Bjud in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Anna Berg' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Anna Berg har skapats.' }).waitFor();
    const [anna] = await api.db.query<{ id: string; is_active: boolean; organisation: string }[]>(
      `SELECT u.id, u.is_active, o.name AS organisation FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.email = 'anna.berg@hammaro.test'`,
    );
    expect(anna).toMatchObject({ is_active: true, organisation: 'Hammarö kommun' });
    expect(new URL(page.url()).pathname).toBe(`/admin/users/${anna.id}`);
    expect(await api.auditEvents('user.create')).toEqual([
      expect.objectContaining({ resource_id: anna.id, actor_user_id: await api.userId('admin@samverkan.test'), outcome: 'success' }),
    ]);
    await page.close();
  });

  it('system admin: appoints an administrator in the unit’s organisation, ends it, and deactivates the account', async () => {
    const annaId = await api.userId('anna.berg@hammaro.test');
    const page = await web.signIn('admin@samverkan.test');
    await page.goto(`${base}/admin/users/${annaId}`);
    await page.getByRole('heading', { level: 1, name: 'Anna Berg' }).waitFor();

    // The roles offered follow the unit's kind of organisation and what the admin may give (read
    // from the api's catalogue): a system administrator appoints administrators, no domain role.
    const role = page.getByLabel('Roll', { exact: true });
    expect(await role.locator('option').allTextContents()).toEqual(['Välj enhet först']);
    await page.getByLabel('Enhet').selectOption({ label: 'Kommunledning' });
    const offered = await role.locator('option').allTextContents();
    expect(offered).toEqual(['Välj…', swedishRole('system_admin'), swedishRole('org_admin'), swedishRole('auditor')]);
    await role.selectOption({ label: swedishRole('org_admin') });
    await page.getByRole('button', { name: 'Ge rollen' }).click();
    await page.getByRole('status').filter({ hasText: 'Rollen är tillagd' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(`${escape(swedishRole('org_admin'))}.*Kommunledning`) });
    await row.getByText('Gäller', { exact: true }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    const [membership] = await api.db.query<{ id: string; role: string; valid_until: Date | null }[]>(
      'SELECT id, role, valid_until FROM memberships WHERE user_id = $1',
      [annaId],
    );
    expect(membership).toMatchObject({ role: 'org_admin', valid_until: null });

    await row.getByRole('button', { name: /Avsluta rollen/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Avsluta rollen' }).click();
    await page.getByRole('status').filter({ hasText: 'Rollen är avslutad.' }).waitFor();
    await row.getByText('Avslutad', { exact: true }).waitFor();
    const [ended] = await api.db.query<{ valid_until: Date | null }[]>('SELECT valid_until FROM memberships WHERE id = $1', [membership.id]);
    expect(ended.valid_until).not.toBeNull();

    await page.getByRole('button', { name: 'Avaktivera användaren' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Avaktivera Anna Berg?' }).waitFor();
    // The browser asks for reduced motion (as the tests always do): the dialog opens without sliding in.
    expect(await runningAnimations(page)).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Avaktivera användaren' }).click();
    await page.getByRole('status').filter({ hasText: 'Anna Berg är avaktiverad.' }).waitFor();
    await page.getByText('Inaktiv', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Återaktivera användaren' }).waitFor();
    const [after] = await api.db.query<{ is_active: boolean }[]>('SELECT is_active FROM users WHERE id = $1', [annaId]);
    expect(after.is_active).toBe(false);

    const admin = await api.userId('admin@samverkan.test');
    for (const action of ['membership.create', 'membership.end', 'user.deactivate']) {
      expect(await api.auditEvents(action)).toEqual([expect.objectContaining({ resource_id: annaId, actor_user_id: admin, outcome: 'success' })]);
    }
    await page.close();
  });

  it('system admin: the roles page lists the catalogue as libs/access defines it', async () => {
    const page = await web.signIn('admin@samverkan.test');
    await page.goto(`${base}/admin`);
    await adminMenu(page).getByRole('link', { name: 'Roller och behörigheter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Roller och behörigheter' }).waitFor();
    await page.getByRole('heading', { level: 2, name: swedishRole('auditor') }).waitFor();
    // Roles and permissions in Swedish words only, without the English half of the api's labels.
    for (const r of Object.values(ROLES)) await page.getByRole('heading', { level: 2, name: swedish(r.label), exact: true }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/\b[a-z_]+:[a-z_]+\b/); // no permission codes such as youth_case:read
    for (const label of [...Object.values(ROLES).map((r) => r.label), ...Object.values(PERMISSIONS)]) expect(text).not.toContain(`(${englishHalf(label)})`);
    const auditor = page.getByRole('region', { name: swedishRole('auditor') });
    expect(await auditor.locator('tbody tr td:first-child').allTextContents()).toEqual([
      swedish(PERMISSIONS['audit:read']),
      swedish(PERMISSIONS['audit:verify']),
    ]);
    await auditor.getByText('Kan ges i: polisen, kommun, räddningstjänst, annan organisation').waitFor();
    // A permission held with another scope than the role's own shows that scope.
    const officer = page.getByRole('region', { name: swedishRole('police_officer') });
    await officer.getByRole('row', { name: new RegExp(`^${escape(swedish(PERMISSIONS['premises:read']))} Egna$`) }).waitFor();
    await officer.getByText('Räckvidd: Enheten').waitFor();
    // Who gives a role, and the protected information it reads, in words.
    await auditor.getByText('Ges av organisationens administratörer och av systemadministratörer', { exact: true }).waitFor();
    const socialWorker = page.getByRole('region', { name: swedishRole('social_worker') });
    await socialWorker.getByText('Läser skyddade uppgifter: ungdomsärenden (socialtjänsten)', { exact: true }).waitFor();
    await socialWorker.getByText('Ges bara av organisationens egna administratörer', { exact: true }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    // In English, the English words.
    await page.getByRole('button', { name: 'In English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Police officer', exact: true }).waitFor();
    await page.getByRole('region', { name: 'Auditor' }).getByRole('cell', { name: 'Read the audit trail', exact: true }).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: ROLES.police_officer.label }).count()).toBe(0);
    await page.close();
  });

  it('org admin on a phone: administers the municipality’s users, without reminder rules or the audit trail; a one-letter search is explained at the field', async () => {
    const page = await web.signIn('it@hammaro.test', { width: 375, height: 740 });
    const pageWidth = () => page.evaluate<number>('document.documentElement.scrollWidth');
    // On a phone the pages are behind the header's menu button (issue #20).
    await page.getByRole('button', { name: 'Meny', exact: true }).click();
    await mainMenu(page).getByRole('link', { name: 'Administration' }).waitFor();
    expect(await mainMenu(page).getByRole('link', { name: 'Granskningslogg' }).count()).toBe(0);
    await mainMenu(page).getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { level: 1, name: 'Användare' }).waitFor();
    expect(await adminMenu(page).getByRole('link').allTextContents()).toEqual(['Användare', 'Roller och behörigheter', 'Organisationer']);
    await page.getByRole('cell', { name: 'Lena Björk' }).waitFor();
    expect(new Set(await page.locator('tbody tr td:nth-child(3)').allTextContents())).toEqual(new Set(['Hammarö kommun']));
    expect(await page.getByLabel('Organisation').locator('option').allTextContents()).toEqual(['Alla organisationer', 'Hammarö kommun']);
    expect(await seriousA11yViolations(page)).toEqual([]);
    // Wide tables scroll inside their own box; nothing on the page is wider than the phone.
    expect(await pageWidth()).toBeLessThanOrEqual(375);

    await page.getByLabel('Namn eller e-post').fill('L');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    expect(await messageNextTo(page, 'q')).toContain('Sökord måste vara minst 2 tecken.');
    await page.getByLabel('Namn eller e-post').fill('sara');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await page.getByText('Visar 1–1 av 1 (sida 1 av 1)').waitFor();
    await page.getByRole('link', { name: 'Sara Lindqvist' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sara Lindqvist' }).waitFor();
    await page.getByRole('button', { name: 'Avaktivera användaren' }).waitFor();
    expect(await pageWidth()).toBeLessThanOrEqual(375);

    await page.goto(`${base}/admin/reminder-rules`);
    await page.getByText('Du har inte behörighet till den här delen av administrationen.').waitFor();
    expect(await page.getByRole('heading', { name: 'Påminnelseregler' }).count()).toBe(0);
    expect(await page.getByRole('table').count()).toBe(0);
    await page.close();
  });

  it('system admin: edits and saves the reminder rules; a negative offset is refused at the field', async () => {
    const page = await web.signIn('admin@samverkan.test');
    await page.goto(`${base}/admin`);
    await adminMenu(page).getByRole('link', { name: 'Påminnelseregler' }).click();
    await page.getByRole('heading', { level: 1, name: 'Påminnelseregler' }).waitFor();
    const kind = page.getByRole('region', { name: /Aktivitet i medborgarlöftet/ });
    const offset = kind.getByLabel('Antal, before-7d (Aktivitet i medborgarlöftet)');
    expect(await offset.inputValue()).toBe('7');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await offset.fill('-1');
    await page.getByRole('button', { name: 'Spara påminnelsereglerna' }).click();
    const id = await offset.getAttribute('id');
    expect(await messageNextTo(page, id!)).toContain('måste vara minst 0.');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await offset.fill('10');
    await kind.getByRole('button', { name: 'Lägg till regel för Aktivitet i medborgarlöftet' }).click();
    await kind.getByLabel('Regel, ny regel (Aktivitet i medborgarlöftet)').fill('before-3d');
    await kind.getByLabel('Antal, before-3d (Aktivitet i medborgarlöftet)').fill('3');
    await kind.getByLabel('Aktiv, before-1d (Aktivitet i medborgarlöftet)').uncheck();
    await page.getByRole('button', { name: 'Spara påminnelsereglerna' }).click();
    await page.getByRole('status').filter({ hasText: 'Påminnelsereglerna är sparade.' }).waitFor();
    await kind.getByText('Påminnelse till den ansvarige 10 dagar före förfallotiden').waitFor();

    const rules = await api.db.query<{ key: string; offset_value: number; active: boolean }[]>(
      `SELECT key, offset_value, active FROM reminder_rules WHERE deadline_kind = 'action_due' ORDER BY key`,
    );
    expect(rules).toEqual([
      { key: 'at-due', offset_value: 0, active: true },
      { key: 'before-1d', offset_value: 1, active: false },
      { key: 'before-3d', offset_value: 3, active: true },
      { key: 'before-7d', offset_value: 10, active: true },
      { key: 'escalate-2wd', offset_value: 2, active: true },
    ]);
    expect((await api.auditEvents('reminder_rules.replace')).length).toBe(1);
    await page.close();
  });

  it('social worker: no administration or audit trail in the menu, and nothing of them by address', async () => {
    const page = await web.signIn('socialsekreterare@hammaro.test');
    expect(await mainMenu(page).getByRole('link', { name: 'Administration' }).count()).toBe(0);
    expect(await mainMenu(page).getByRole('link', { name: 'Granskningslogg' }).count()).toBe(0);
    for (const path of ['/admin', '/admin/users', '/admin/roles', '/admin/reminder-rules', '/admin/organisations', '/admin/collaborations']) {
      await page.goto(`${base}${path}`);
      await page.getByText('Du har inte behörighet till den här delen av administrationen.').waitFor();
      expect(await adminMenu(page).count()).toBe(0);
      expect(await page.getByRole('table').count()).toBe(0);
    }
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.goto(`${base}/audit`);
    await page.getByText('Granskningsloggen är bara för granskare.').waitFor();
    expect(await page.getByRole('button', { name: 'Kontrollera kedjan' }).count()).toBe(0);
    await page.close();
  });

  it('auditor: a day in the period filter is a day in Sweden, wherever the browser is', async () => {
    const page = await web.signIn('revisor@hammaro.test', undefined, { timezoneId: 'America/New_York' });
    // 27 March 2022: Sweden moves to summer time that night, so the day is 23 hours long.
    const request = page.waitForRequest((r) => r.url().includes('/api/v1/audit-events?'));
    await page.goto(`${web.base}/audit?from=2022-03-27&to=2022-03-27`);
    const query = new URL((await request).url()).searchParams;
    expect({ from: query.get('from'), to: query.get('to') }).toEqual({ from: '2022-03-26T23:00:00.000Z', to: '2022-03-27T22:00:00.000Z' });
    await page.close();
  });

  it('auditor: reads the trail in words, filters it from lists, verifies the chain, and sees where it breaks after tampering', async () => {
    // A social worker opens a youth case and reads it: the trail names the case by its number, never the young person.
    const social = await api.token('socialsekreterare@hammaro.test');
    const birthDate = addDays(addMonths(stockholmDate(new Date()), -12 * 15), -41);
    const nine = `${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}418`;
    const personalNumber = `${birthDate.replaceAll('-', '')}-418${luhnCheckDigit(nine)}`;
    const subject = await api.call('POST', '/api/v1/youth-subjects', { token: social, body: { personalNumber, name: 'Ella Granskad' } });
    const opened = await api.call('POST', '/api/v1/youth-cases', { token: social, body: { subjectId: subject.body.id, form: 'sspf' } });
    expect(opened.status).toBe(201);
    expect((await api.call('GET', `/api/v1/youth-cases/${opened.body.id}`, { token: social })).status).toBe(200);
    const caseNumber = `UÄ-${(opened.body.id as string).slice(0, 8).toUpperCase()}`;

    const page = await web.signIn('revisor@hammaro.test');
    expect(await mainMenu(page).getByRole('link', { name: 'Administration' }).count()).toBe(0);
    await mainMenu(page).getByRole('link', { name: 'Granskningslogg' }).click();
    await page.getByRole('heading', { level: 1, name: 'Granskningslogg' }).waitFor();
    await page.getByText(/^Visar 1–/).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    const list = page.getByRole('list', { name: 'Händelser' });
    await list
      .getByText(/Sara Lindqvist, Socialtjänsten läste ungdomsärendet/)
      .first()
      .waitFor();
    const shown = await list.innerText();
    expect(shown).toContain(`Sara Lindqvist, Socialtjänsten läste ungdomsärendet ${caseNumber}`);
    // No raw codes (`youth_case.read`, `user`), ids or the young person's name on the list.
    expect(shown).not.toMatch(/\b[a-z]+(_[a-z]+)*\.[a-z]+(_[a-z]+)*\b|\b[a-z]+_[a-z_]+\b|[0-9a-f]{8}-[0-9a-f]{4}-|Ella|Granskad/);

    // The person and the kind of event are picked from lists: the deactivation of Anna Berg by the system administrator.
    await page.getByLabel('Person').selectOption({ label: 'Sara Lindqvist' });
    await page.getByLabel('Typ av händelse').selectOption({ label: 'läste ungdomsärendet' });
    await page.getByRole('button', { name: 'Filtrera', exact: true }).click();
    await page.getByText('Visar 1–1 av 1 (sida 1 av 1)').waitFor();
    await page.getByRole('link', { name: 'Rensa filtren' }).click();
    // The cleared list has come back (the form is drawn afresh from the address) before the next filter is chosen.
    await page.getByText(/^Visar 1–\d+ av (?!1 \()/).waitFor();
    await page.getByLabel('Typ av händelse').selectOption({ label: 'avaktiverade användaren' });
    await page.getByRole('button', { name: 'Filtrera', exact: true }).click();
    await page.getByText('Visar 1–1 av 1 (sida 1 av 1)').waitFor();
    const [deactivation] = await api.auditEvents('user.deactivate');
    const event = page.getByTestId(`audit-event-${deactivation.id}`);
    await event.getByText('Erik Sandberg, Systemförvaltning avaktiverade användaren Anna Berg').click();
    await event.getByText('user.deactivate').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The worker verifies the chain (issue #19); the screen shows what it stored and follows a run it starts.
    const worker = await createWorkerApp(api.env.config);
    await worker.init();
    try {
      await page.getByRole('button', { name: 'Starta en fullständig kontroll' }).click();
      const intact = page.getByRole('status').getByText(/^Kedjan är obruten/);
      await intact.waitFor();
      await page
        .getByRole('status')
        .getByText(/sigill kontrollera(?:t|de);|Loggen har inte förseglats ännu/)
        .waitFor();
      await page
        .getByRole('status')
        .getByText(/^Kontrollerad .*\(Fullständig kontroll\)\./)
        .waitFor();
      const checked = Number((await intact.textContent())!.replace(/\D/g, ''));
      const [{ count }] = await api.db.query<{ count: number }[]>('SELECT count(*)::int AS count FROM audit_events');
      expect(checked).toBeGreaterThan(10);
      expect(checked).toBeLessThan(count);
      expect(await seriousA11yViolations(page)).toEqual([]);

      // Tampering as a superuser could: switch the append-only guard off, change the event, switch it on.
      await api.db.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete');
      await api.db.query(`UPDATE audit_events SET outcome = 'failure' WHERE id = $1`, [deactivation.id]);
      await api.db.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete');
      await page.getByRole('button', { name: 'Starta en fullständig kontroll' }).click();
      await page.getByRole('heading', { name: `Kedjan är bruten vid händelse nr ${deactivation.id}` }).waitFor();
      await page.getByText('Händelsens innehåll stämmer inte med dess kontrollsumma: händelsen har ändrats i efterhand.').waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
    } finally {
      await worker.close();
    }
    const auditorId = await api.userId('revisor@hammaro.test');
    expect(await api.auditEvents('audit.verify_start')).toEqual([
      expect.objectContaining({ actor_user_id: auditorId }),
      expect.objectContaining({ actor_user_id: auditorId }),
    ]);
    const [verification] = (await api.auditEvents('audit.verify')).slice(-1);
    expect(verification).toMatchObject({ outcome: 'failure', actor_user_id: auditorId });
    await page.close();
  });
});

/** A label as a literal inside a RegExp (labels have parentheses). */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
