import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Notifier } from '@samverkan/notifications';
import type { Page } from 'playwright-core';
import { seriousA11yViolations } from './support/browser.js';
import { englishIn } from './support/language-check.js';
import type { TestApi } from './support/test-api.js';
import { BROWSER_TEST_TIMEOUT, WebTestApp } from './support/web-app.js';

/**
 * Work that leads somewhere (#17), in headless Chromium against the real api and the Hammarö demo
 * data: the manager's start page shows the organisation's overdue work and opens it; the work queue
 * from the menu, filtered by person, hands an action to a colleague; and a click on a notification
 * on the start page opens its subject in every area, for the role that works there.
 */
describe('web client: links and the work queue', () => {
  jest.setTimeout(BROWSER_TEST_TIMEOUT);
  let web: WebTestApp;
  let api: TestApi;

  beforeAll(async () => {
    web = await WebTestApp.start();
    ({ api } = web);
  });

  afterAll(async () => {
    await web?.close();
  });

  const userId = (email: string) => api.userId(email);

  /** The page's visible text in Swedish mode holds no English word or code. */
  async function swedishOnly(page: Page): Promise<string[]> {
    return englishIn(await page.locator('main').innerText());
  }

  /** A notification to the user about the record, through the notifications lib's Notifier (the one way libs notify). */
  async function notify(email: string, resourceType: string, resourceId: string, title: string): Promise<string> {
    const notifier = api.app.get(Notifier);
    const user = await userId(email);
    return api.db.transaction((manager) =>
      notifier.notifyOne(manager, user, {
        kind: 'deadline_reminder',
        title,
        body: 'Påminnelse',
        resourceType,
        resourceId,
        dedupeKey: `web-${resourceId}-${user}`,
      }),
    );
  }

  /** From the start page: the notification's title opens its subject; the notification is read. */
  async function openFromStart(email: string, title: string, path: RegExp, notificationId: string): Promise<Page> {
    const page = await web.signIn(email);
    const card = page.locator('.ds-card', { has: page.getByRole('heading', { level: 2, name: 'Senaste notiserna' }) });
    await card.getByRole('link', { name: title }).click();
    await page.waitForURL(path);
    // The start page gives way to the subject's page.
    await page.getByRole('heading', { level: 1, name: /^Hej / }).waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    const [row] = await api.db.query<{ read_at: Date | null }[]>('SELECT read_at FROM notifications WHERE id = $1', [notificationId]);
    expect(row.read_at).not.toBeNull();
    return page;
  }

  it('manager: the start page shows the organisation’s overdue actions and opens one by a click', async () => {
    const page = await web.signIn('chef@hammaro.test');
    const card = page.locator('.ds-card', { has: page.getByRole('heading', { level: 2, name: 'Försenat och snart förfallet i din organisation' }) });
    await card.getByRole('listitem').first().waitFor();
    const overdue = await api.db.query<{ title: string; id: string }[]>(
      `SELECT a.title, a.id FROM actions a JOIN organisations o ON o.id = a.responsible_organisation_id
       WHERE o.name = 'Hammarö kommun' AND a.status NOT IN ('done', 'cancelled') AND a.due_date < (now() AT TIME ZONE 'Europe/Stockholm')::date
       ORDER BY a.due_date, a.id`,
    );
    expect(overdue.length).toBeGreaterThan(0);
    const first = overdue[0];
    await card.getByRole('listitem').filter({ hasText: first.title }).getByText('Försenad', { exact: true }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await swedishOnly(page)).toEqual([]);
    await card.getByRole('link', { name: first.title }).click();
    await page.waitForURL(`**/promise/actions/${first.id}`);
    await page.getByRole('heading', { level: 1, name: first.title }).waitFor();
    await page.close();
  });

  it('manager: the work queue from the menu, filtered by person; hands an action to a colleague (audited, the deadline follows)', async () => {
    const page = await web.signIn('chef@hammaro.test');
    await page.getByRole('navigation').getByRole('link', { name: 'Arbetskö' }).click();
    await page.getByRole('heading', { level: 1, name: 'Arbetskö' }).waitFor();
    await page.getByRole('table', { name: 'Per typ' }).waitFor();
    await page.getByRole('table', { name: 'Per person' }).getByRole('link', { name: 'Anna Karlsson' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await swedishOnly(page)).toEqual([]);

    await page.getByLabel('Person').selectOption({ label: 'Anna Karlsson' });
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await page.waitForURL(/personId=/);
    const anna = await userId('trygghet@hammaro.test');
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM deadlines WHERE status = 'open' AND responsible_user_id = $1`, [anna]);
    expect(n).toBeGreaterThan(0);
    await page.getByText(`Visar 1–${n} av ${n} `).waitFor();
    const rows = page.locator('main table').last().locator('tbody tr');
    expect(await rows.count()).toBe(n);
    for (const row of await rows.all()) expect(await row.getByText('Anna Karlsson').count()).toBe(1);

    const title = 'Digital ärendeöverlämning mellan polis och socialtjänst';
    await page.getByRole('button', { name: `Byt ansvarig för ${title}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Ny ansvarig').selectOption({ label: 'Johan Nyström (Alkoholhandläggning)' });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('status').getByText(`${title} har nu Johan Nyström som ansvarig.`).waitFor();
    const johan = await userId('alkohol@hammaro.test');
    const [action] = await api.db.query(`SELECT id, responsible_user_id FROM actions WHERE title = $1`, [title]);
    expect(action.responsible_user_id).toBe(johan);
    const [deadline] = await api.db.query(`SELECT responsible_user_id FROM deadlines WHERE resource_id = $1 AND kind = 'action_due'`, [action.id]);
    expect(deadline.responsible_user_id).toBe(johan);
    const audited = await api.db.query(`SELECT actor_user_id, changed_fields FROM audit_events WHERE action = 'action.update' AND resource_id = $1`, [
      action.id,
    ]);
    expect(audited).toEqual([{ actor_user_id: await userId('chef@hammaro.test'), changed_fields: ['responsibleUserId'] }]);
    // Anna's queue no longer holds it.
    await page.getByRole('cell', { name: title, exact: true }).waitFor({ state: 'detached' });
    await page.close();
  });

  it('a notification click opens its subject: an action reminder, an inspection and a sanction case (licensing officer)', async () => {
    const [action] = await api.db.query(`SELECT id, title FROM actions WHERE title = 'Samordnade kvällstillsyner med polisen under sommarsäsongen'`);
    const actionNote = await notify('alkohol@hammaro.test', 'action', action.id, `Påminnelse: ${action.title}`);
    let page = await openFromStart('alkohol@hammaro.test', `Påminnelse: ${action.title}`, new RegExp(`/promise/actions/${action.id}$`), actionNote);
    await page.getByRole('heading', { level: 1, name: action.title }).waitFor();
    await page.close();

    const [inspection] = await api.db.query(
      `SELECT i.id, p.name FROM inspections i JOIN premises p ON p.id = i.premises_id ORDER BY i.planned_start DESC LIMIT 1`,
    );
    const inspectionNote = await notify('alkohol@hammaro.test', 'inspection', inspection.id, `Tillsyn på ${inspection.name}`);
    page = await openFromStart('alkohol@hammaro.test', `Tillsyn på ${inspection.name}`, new RegExp(`/inspections/${inspection.id}$`), inspectionNote);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();

    const [sanction] = await api.db.query(
      `SELECT s.id, p.name FROM sanction_cases s JOIN licences l ON l.id = s.licence_id JOIN premises p ON p.id = l.premises_id LIMIT 1`,
    );
    const sanctionNote = await notify('alkohol@hammaro.test', 'sanction_case', sanction.id, `Sanktionsärende ${sanction.name}`);
    page = await openFromStart('alkohol@hammaro.test', `Sanktionsärende ${sanction.name}`, new RegExp(`/inspections/sanctions/${sanction.id}$`), sanctionNote);
    await page.getByRole('heading', { level: 1, name: `Sanktionsärende: ${sanction.name}` }).waitFor();
    await page.close();
  });

  it('a notification click opens its subject: a police referral (licensing officer), from the real referral flow', async () => {
    const officer = await api.token('polis@karlstad.polisen.test');
    const [operation] = await api.db.query(
      `SELECT o.id, o.collaboration_id FROM operations o WHERE o.status IN ('executing', 'completed', 'outcome_reported') ORDER BY o.planned_start DESC LIMIT 1`,
    );
    const [premises] = await api.db.query(`SELECT id, name FROM premises WHERE collaboration_id = $1 ORDER BY name LIMIT 1`, [operation.collaboration_id]);
    const sent = await api.call('POST', `/api/v1/operations/${operation.id}/referrals`, {
      token: officer,
      body: { premisesId: premises.id, observedOn: new Date().toISOString().slice(0, 10), observation: 'Berusade gäster serverades efter kl. 01.' },
    });
    expect(sent.status).toBe(201);
    const [note] = await api.db.query(
      `SELECT n.id, n.title FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email = 'alkohol@hammaro.test' AND n.resource_type = 'licensing_referral' AND n.resource_id = $1`,
      [sent.body.id],
    );
    const page = await openFromStart('alkohol@hammaro.test', note.title, new RegExp(`/inspections/referrals/${sent.body.id}$`), note.id);
    await page.getByRole('heading', { level: 1, name: `Underrättelse från polisen: ${premises.name}` }).waitFor();
    await page.getByText('Berusade gäster serverades efter kl. 01.').waitFor();
    await page.close();
  });

  it('a notification click opens its subject: a youth case (social worker) and an operation (police); on the inbox page too', async () => {
    const worker = await userId('socialsekreterare@hammaro.test');
    const [youthCase] = await api.db.query(`SELECT id FROM youth_cases WHERE coordinator_user_id = $1 AND status NOT IN ('closed', 'purged') LIMIT 1`, [
      worker,
    ]);
    const reference = `UÄ-${String(youthCase.id).slice(0, 8).toUpperCase()}`;
    const youthNote = await notify('socialsekreterare@hammaro.test', 'youth_case', youthCase.id, `Omprövning av ungdomsärende ${reference}`);
    let page = await openFromStart(
      'socialsekreterare@hammaro.test',
      `Omprövning av ungdomsärende ${reference}`,
      new RegExp(`/youth-cases/${youthCase.id}$`),
      youthNote,
    );
    await page.close();

    const [operation] = await api.db.query(`SELECT id, title FROM operations ORDER BY planned_start DESC LIMIT 1`);
    const operationNote = await notify('polis@karlstad.polisen.test', 'operation', operation.id, 'Insatsen har beslutats');
    page = await openFromStart('polis@karlstad.polisen.test', 'Insatsen har beslutats', new RegExp(`/operations/${operation.id}$`), operationNote);
    await page.close();

    // The inbox: the same link; a subject the reader may not open is plain text, not a link.
    const [privateCase] = await api.db.query(
      `SELECT c.id FROM youth_cases c WHERE c.status <> 'purged' AND NOT EXISTS (
         SELECT 1 FROM record_grants g WHERE g.resource_type = 'youth_case' AND g.resource_id = c.id AND g.revoked_at IS NULL
           AND g.grantee_id IN (SELECT organisation_id FROM users WHERE email = 'polis@karlstad.polisen.test')) LIMIT 1`,
    );
    await notify('polis@karlstad.polisen.test', 'youth_case', privateCase.id, 'Ärende utan delning');
    const inboxNote = await notify('polis@karlstad.polisen.test', 'operation', operation.id, 'Insatsen ska följas upp');
    page = await web.signIn('polis@karlstad.polisen.test');
    await page.getByRole('navigation').getByRole('link', { name: 'Notiser' }).click();
    await page.getByRole('heading', { level: 1, name: 'Notiser' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /Ärende utan delning/ }).waitFor();
    expect(await page.getByRole('link', { name: 'Ärende utan delning' }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await swedishOnly(page)).toEqual([]);
    await page.getByRole('link', { name: 'Insatsen ska följas upp' }).click();
    await page.waitForURL(new RegExp(`/operations/${operation.id}$`));
    const [row] = await api.db.query('SELECT read_at FROM notifications WHERE id = $1', [inboxNote]);
    expect(row.read_at).not.toBeNull();
    await page.close();
  });
});
