import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { stockholmDate } from '@samverkan/platform';
import { coded, TestApi } from './support/test-api.js';

/**
 * Issue #17: a licence's decisions kept as its history (Alkohollagen 2010:1622 — change decisions,
 * serving managers 8 kap 14 §, suspension, revocation by sanction 9 kap 18 §), and the year's
 * restaurant reports (9 kap 7 §): who has and has not reported, and the figures, in the caller's scope.
 */
describe('licensing casework: decision history and restaurant reports', () => {
  let api: TestApi;
  let officer: string;
  let collaborationId: string;
  let licenceId: string;
  let otherLicenceId: string;
  let forshagaLicenceId: string;
  const today = stockholmDate(new Date());
  const daysAgo = (n: number) => stockholmDate(new Date(Date.now() - n * 86_400_000));

  const etag = async (id: string) => (await api.call('GET', `/api/v1/licences/${id}`, { token: officer })).headers.etag as string;
  const decisions = async (id: string, query = '') => api.call('GET', `/api/v1/licences/${id}/decisions${query}`, { token: officer });
  const licence = (holderId: string, premisesId: string, type = 'permanent') => ({
    holderId,
    premisesId,
    type,
    audience: 'public',
    drinkCategories: ['wine', 'strong_beer'],
    servingHours: { fri: { from: '11:00', to: '01:00' } },
    servingAreas: [{ name: 'Matsalen', kind: 'indoor' }],
    validFrom: '2023-01-01',
    servingManagers: [{ name: 'Lisa Andersson', birthDate: '1988-04-12', notifiedOn: '2022-12-01' }],
  });

  async function grant(name: string, orgNumber: string, type = 'permanent'): Promise<string> {
    const holder = await api.call('POST', '/api/v1/licence-holders', { token: officer, body: { name: `${name} AB`, orgNumber } });
    expect(holder.status).toBe(201);
    const premises = await api.call('POST', '/api/v1/premises', {
      token: officer,
      body: { collaborationId, name, kind: 'restaurant', address: 'Storgatan 1', hasOwnKitchen: true },
    });
    expect(premises.status).toBe(201);
    const created = await api.call('POST', '/api/v1/licences', { token: officer, body: licence(holder.body.id, premises.body.id, type) });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  beforeAll(async () => {
    api = await TestApi.start();
    officer = await api.token('alkohol@hammaro.test');
    [{ id: collaborationId }] = await api.db.query(`SELECT id FROM collaborations WHERE name = 'Hammarö'`);
    licenceId = await grant('Skoghalls Krog', '556016-0680');
    otherLicenceId = await grant('Hamnkrogen', '556036-0793');
    await grant('Sommarfesten', '556703-7485', 'temporary');
    // Another municipality in a collaboration with the same police: its register is its own.
    const db = api.db;
    const [forshaga] = await db.query(`INSERT INTO organisations (name, kind) VALUES ('Forshaga kommun', 'municipality') RETURNING id`);
    const police = await api.organisationId('Lokalpolisområde Karlstad');
    const [collab] = await db.query(
      `INSERT INTO collaborations (name, police_organisation_id, municipality_organisation_id) VALUES ('Forshaga', $1, $2) RETURNING id`,
      [police, forshaga.id],
    );
    const [holder] = await db.query(
      `INSERT INTO licence_holders (owner_organisation_id, name, org_number) VALUES ($1, 'Forshaga Krog AB', '556016-0680') RETURNING id`,
      [forshaga.id],
    );
    const [premises] = await db.query(
      `INSERT INTO premises (collaboration_id, owner_organisation_id, name, kind, address, has_own_kitchen) VALUES ($1, $2, 'Forshaga Krog', 'restaurant', 'Torget 1', true) RETURNING id`,
      [collab.id, forshaga.id],
    );
    const [forshagaLicence] = await db.query(
      `INSERT INTO licences (holder_id, premises_id, collaboration_id, owner_organisation_id, type, audience, drink_categories, valid_from)
       VALUES ($1, $2, $3, $4, 'permanent', 'public', ARRAY['wine'], '2020-01-01') RETURNING id`,
      [holder.id, premises.id, collab.id, forshaga.id],
    );
    forshagaLicenceId = forshagaLicence.id;
    await db.query(
      `INSERT INTO restaurant_reports (licence_id, year, due_on, submitted_on, figures) VALUES ($1, 2024, '2025-03-01', '2025-02-01', '{"wine_litres": 999}')`,
      [forshagaLicenceId],
    );
  });

  afterAll(async () => {
    await api?.close();
  });

  it('keeps the grant and each change decision, with what changed, why and by whom', async () => {
    const granted = await decisions(licenceId);
    expect(granted.status).toBe(200);
    expect(granted.body.items).toEqual([expect.objectContaining({ kind: 'granted', decidedOn: today, decidedByName: 'Johan Nyström', changedFields: [] })]);

    const terms = await api.call('PUT', `/api/v1/licences/${licenceId}/terms`, {
      token: officer,
      headers: { 'if-match': await etag(licenceId) },
      body: {
        audience: 'public',
        drinkCategories: ['wine', 'strong_beer'],
        servingHours: { fri: { from: '11:00', to: '02:00' }, sat: { from: '11:00', to: '02:00' } },
        servingAreas: [{ name: 'Matsalen', kind: 'indoor' }],
        reason: 'Utökade serveringstider enligt ansökan.',
      },
    });
    expect(terms.status).toBe(200);
    const after = await decisions(licenceId);
    expect(after.body.items[0]).toEqual(
      expect.objectContaining({
        kind: 'terms_changed',
        changedFields: ['servingHours'],
        reason: 'Utökade serveringstider enligt ansökan.',
        decidedByName: 'Johan Nyström',
      }),
    );
    expect(after.body.total).toBe(2);
  });

  it('refuses a serving manager under 20 or not yet notified at the field, and records new ones', async () => {
    const put = async (managers: unknown[]) =>
      api.call('PUT', `/api/v1/licences/${licenceId}/serving-managers`, {
        token: officer,
        headers: { 'if-match': await etag(licenceId) },
        body: { servingManagers: managers },
      });
    const young = await put([
      { name: 'Lisa Andersson', birthDate: '1988-04-12', notifiedOn: '2022-12-01' },
      { name: 'Ung Person', birthDate: daysAgo(365 * 19), notifiedOn: today },
    ]);
    expect(young.status).toBe(400);
    expect(young.body.errors).toEqual([coded('servingManagers[1].birthDate', 'licence.serving_manager_age', { minAge: 20 })]);
    const future = await put([{ name: 'Kalle Berg', birthDate: '1980-01-01', notifiedOn: '2099-01-01' }]);
    expect(future.status).toBe(400);
    expect(future.body.errors).toEqual([coded('servingManagers[0].notifiedOn', 'licence.serving_manager_not_notified')]);
    const ok = await put([
      { name: 'Lisa Andersson', birthDate: '1988-04-12', notifiedOn: '2022-12-01' },
      { name: 'Kalle Berg', birthDate: '1980-01-01', notifiedOn: today },
    ]);
    expect(ok.status).toBe(200);
    expect((await decisions(licenceId)).body.items[0]).toEqual(expect.objectContaining({ kind: 'serving_managers_changed' }));
  });

  it('keeps suspension, reinstatement and revocation by a sanction decision in the history', async () => {
    const status = async (body: Record<string, string>) =>
      api.call('PATCH', `/api/v1/licences/${licenceId}/status`, { token: officer, headers: { 'if-match': await etag(licenceId) }, body });
    expect((await status({ status: 'suspended', reason: 'Tillfälligt stängt för ombyggnad.' })).status).toBe(200);
    expect((await status({ status: 'active' })).status).toBe(200);
    const revoke = await status({ status: 'revoked' });
    expect(revoke.status).toBe(400);
    expect(revoke.body.errors).toEqual([coded('status', 'licence.revoked_by_sanction_only')]);

    const proposed = await api.call('POST', '/api/v1/sanction-cases', { token: officer, body: { licenceId, grounds: 'Upprepad servering till underåriga.' } });
    expect(proposed.status).toBe(201);
    const caseId = proposed.body.id;
    const caseTag = async () => (await api.call('GET', `/api/v1/sanction-cases/${caseId}`, { token: officer })).headers.etag as string;
    const heard = await api.call('PUT', `/api/v1/sanction-cases/${caseId}/hearing`, {
      token: officer,
      headers: { 'if-match': await caseTag() },
      body: { heardOn: daysAgo(10) },
    });
    expect(heard.status).toBe(200);
    // The decision waits for the holder's answer to the hearing (FL 25 §).
    const answered = await api.call('PUT', `/api/v1/sanction-cases/${caseId}/hearing/response`, {
      token: officer,
      headers: { 'if-match': await caseTag() },
      body: { receivedOn: daysAgo(3), response: 'Vi bestrider inte bristerna.' },
    });
    expect(answered.status).toBe(200);
    const decided = await api.call('POST', `/api/v1/sanction-cases/${caseId}/decision`, {
      token: officer,
      headers: { 'if-match': await caseTag() },
      body: { decision: 'aterkallelse', reasons: 'Allvarliga och upprepade brister i ålderskontrollen.' },
    });
    expect(decided.status).toBe(200);

    const history = await decisions(licenceId);
    expect(history.body.items.slice(0, 3)).toEqual([
      expect.objectContaining({
        kind: 'revoked',
        sanctionCaseId: caseId,
        reason: 'Allvarliga och upprepade brister i ålderskontrollen.',
        decidedByName: 'Johan Nyström',
      }),
      expect.objectContaining({ kind: 'reinstated' }),
      expect.objectContaining({ kind: 'suspended', reason: 'Tillfälligt stängt för ombyggnad.' }),
    ]);
    expect(history.body.total).toBe(6);
    const page = await decisions(licenceId, '?limit=2&offset=2');
    expect(page.body.items.map((d: { kind: string }) => d.kind)).toEqual(['suspended', 'serving_managers_changed']);
    expect((await decisions(licenceId, '?limit=500')).status).toBe(400);
    // Reading a licence's history is audited as a read of the licence, with the route.
    const reads = (await api.auditEvents('licence.read')).filter((e) => e.resource_id === licenceId && JSON.stringify(e.details).includes('/decisions'));
    expect(reads.length).toBeGreaterThanOrEqual(3);
  });

  it('finds holders by the start of their organisation number as well as by name', async () => {
    const byNumber = await api.call('GET', '/api/v1/licence-holders?q=5560360', { token: officer });
    expect(byNumber.body.items.map((h: { name: string }) => h.name)).toEqual(['Hamnkrogen AB']);
    const byName = await api.call('GET', '/api/v1/licence-holders?q=skoghall', { token: officer });
    expect(byName.body.items.map((h: { orgNumber: string }) => h.orgNumber)).toEqual(['556016-0680']);
  });

  it('lists the licences that report for a year, not opened until the year is opened, none of another municipality', async () => {
    const before = await api.call('GET', '/api/v1/restaurant-reports?year=2024', { token: officer });
    expect(before.status).toBe(200);
    // The temporary licence does not report; Forshaga's licence and report belong to Forshaga.
    expect(before.body.items.map((r: { premisesName: string; status: string }) => [r.premisesName, r.status])).toEqual([
      ['Hamnkrogen', 'not_opened'],
      ['Skoghalls Krog', 'not_opened'],
    ]);
    expect(before.body.items.map((r: { licenceId: string }) => r.licenceId)).not.toContain(forshagaLicenceId);
    const summary = await api.call('GET', '/api/v1/restaurant-reports/summary?year=2024', { token: officer });
    expect(summary.body).toEqual(
      expect.objectContaining({ year: 2024, dueOn: '2025-03-01', required: 2, submitted: 0, notSubmitted: 2, notOpened: 2, late: 0 }),
    );
    expect(summary.body.totals).toEqual({ spirits_litres: null, wine_litres: null, strong_beer_litres: null, other_fermented_litres: null });
  });

  it('opens the year with a deadline on 1 March and reminders before it, then lists who has and has not reported with the figures', async () => {
    const opened = await api.call('POST', '/api/v1/restaurant-reports/open', { token: officer, body: { collaborationId, year: 2024 } });
    expect(opened.body).toEqual({ opened: 2 });
    const deadlines = await api.db.query<{ resource_id: string; due_on: string }[]>(
      `SELECT resource_id, to_char(due_on, 'YYYY-MM-DD') AS due_on FROM deadlines WHERE kind = 'restaurant_report' ORDER BY resource_id`,
    );
    expect(deadlines.map((d) => d.due_on)).toEqual(['2025-03-01', '2025-03-01']);
    const rules = await api.db.query<{ anchor: string }[]>(`SELECT anchor FROM reminder_rules WHERE deadline_kind = 'restaurant_report' AND active`);
    expect(rules.map((r) => r.anchor)).toContain('before');

    const list = await api.call('GET', '/api/v1/restaurant-reports?year=2024', { token: officer });
    // 1 March 2025 has passed: both open reports are late.
    expect(list.body.items.map((r: { status: string }) => r.status)).toEqual(['late', 'late']);
    const hamn = list.body.items[0];
    expect(hamn.licenceId).toBe(otherLicenceId);
    const submit = (figures: Record<string, unknown>) =>
      api.call('POST', `/api/v1/restaurant-reports/${hamn.reportId}/submit`, { token: officer, body: { figures } });
    const bad = await submit({ wine_litres: -3, beer: 2 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([coded('figures.wine_litres', 'restaurant_report.figure'), coded('figures.beer', 'restaurant_report.unknown_figure')]);
    expect((await submit({ spirits_litres: 120, wine_litres: 1800.5, strong_beer_litres: 6500, other_fermented_litres: 0 })).status).toBe(200);

    const after = await api.call('GET', '/api/v1/restaurant-reports?year=2024', { token: officer });
    expect(after.body.items[0]).toEqual(
      expect.objectContaining({
        premisesName: 'Hamnkrogen',
        status: 'submitted',
        submittedOn: today,
        figures: { spirits_litres: 120, wine_litres: 1800.5, strong_beer_litres: 6500, other_fermented_litres: 0 },
      }),
    );
    expect(after.body.items[1]).toEqual(expect.objectContaining({ premisesName: 'Skoghalls Krog', status: 'late', submittedOn: null }));
    const summary = await api.call('GET', '/api/v1/restaurant-reports/summary?year=2024', { token: officer });
    expect(summary.body).toEqual({
      year: 2024,
      dueOn: '2025-03-01',
      required: 2,
      submitted: 1,
      notSubmitted: 1,
      notOpened: 0,
      late: 1,
      totals: { spirits_litres: 120, wine_litres: 1800.5, strong_beer_litres: 6500, other_fermented_litres: 0 },
    });
    const paged = await api.call('GET', '/api/v1/restaurant-reports?year=2024&limit=1&offset=1', { token: officer });
    expect([paged.body.total, paged.body.items.map((r: { premisesName: string }) => r.premisesName)]).toEqual([2, ['Skoghalls Krog']]);
  });

  it('shows another municipality only its own reports, and none to those without the register', async () => {
    const polis = await api.token('polis@karlstad.polisen.test');
    const police = await api.call('GET', '/api/v1/restaurant-reports?year=2024', { token: polis });
    expect(police.body.items.map((r: { licenceId: string }) => r.licenceId)).not.toContain(licenceId);
    const social = await api.token('socialsekreterare@hammaro.test');
    expect((await api.call('GET', '/api/v1/restaurant-reports?year=2024', { token: social })).status).toBe(403);
    expect((await api.call('GET', `/api/v1/licences/${forshagaLicenceId}/decisions`, { token: officer })).status).toBe(404);
  });

  it('refuses bad input with 400 at the field', async () => {
    for (const query of ['', '?year=abc', '?year=1999', '?year=2024&collaborationId=nope', '?year=2024&limit=201']) {
      const res = await api.call('GET', `/api/v1/restaurant-reports${query}`, { token: officer });
      expect([query, res.status]).toEqual([query, 400]);
    }
    expect((await api.call('GET', '/api/v1/restaurant-reports/summary?year=x', { token: officer })).status).toBe(400);
    const terms = await api.call('PUT', `/api/v1/licences/${otherLicenceId}/terms`, {
      token: officer,
      headers: { 'if-match': await etag(otherLicenceId) },
      body: { audience: 'public', drinkCategories: ['wine'], reason: 'x'.repeat(2001) },
    });
    expect(terms.status).toBe(400);
    expect(terms.body.errors).toEqual([coded('reason', 'field.max_length')]);
  });
});
