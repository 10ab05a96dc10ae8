import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { coded, TestApi } from './support/test-api.js';

describe('inspections of licensed premises', () => {
  let api: TestApi;
  let officer: string;
  let polis: string;
  let premisesId: string;
  let licenceId: string;
  const user: Record<string, string> = {};

  const schedule = (body: Record<string, unknown>, token = officer) => api.call('POST', '/api/v1/inspections', { token, body });
  const etag = async (id: string, token = officer) => (await api.call('GET', `/api/v1/inspections/${id}`, { token })).headers.etag as string;
  const move = async (id: string, to: string, extra: Record<string, unknown> = {}, token = officer) =>
    api.call('POST', `/api/v1/inspections/${id}/transition`, { token, headers: { 'if-match': await etag(id, token) }, body: { to, ...extra } });

  beforeAll(async () => {
    api = await TestApi.start({}, { promises: true });
    officer = await api.token('alkohol@hammaro.test');
    polis = await api.token('polis@karlstad.polisen.test');
    user.officer = await api.userId('alkohol@hammaro.test');
    user.polis = await api.userId('polis@karlstad.polisen.test');
    const [{ id: collaborationId }] = await api.db.query(`SELECT id FROM collaborations WHERE name = 'Hammarö'`);
    const holder = await api.call('POST', '/api/v1/licence-holders', { token: officer, body: { name: 'Lövnäs Pub & Kök AB', orgNumber: '556016-0680' } });
    const premises = await api.call('POST', '/api/v1/premises', {
      token: officer,
      body: { collaborationId, name: 'Lövnäs Pub & Kök', kind: 'pub', address: 'Lövnäsvägen 4', capacity: 80, hasOwnKitchen: true },
    });
    premisesId = premises.body.id;
    const licence = await api.call('POST', '/api/v1/licences', {
      token: officer,
      body: {
        holderId: holder.body.id,
        premisesId,
        type: 'permanent',
        audience: 'public',
        drinkCategories: ['wine', 'strong_beer'],
        validFrom: '2020-03-01',
        servingManagers: [{ name: 'Jonas Berg', birthDate: '1979-09-30', notifiedOn: '2020-02-20' }],
      },
    });
    licenceId = licence.body.id;
  });

  afterAll(async () => {
    await api?.close();
  });

  it('needs a police and a municipal inspector for a coordinated inspection', async () => {
    const res = await schedule({
      premisesId,
      type: 'coordinated',
      plannedStart: '2022-06-17T21:00:00+02:00',
      plannedEnd: '2022-06-17T23:00:00+02:00',
      inspectorIds: [user.officer],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([coded('inspectorIds', 'inspection.coordinated_needs_both')]);
  });

  let coordinated: string;
  it('books a coordinated inspection and refuses to double-book an inspector (409 naming the clash)', async () => {
    const booked = await schedule({
      premisesId,
      licenceId,
      type: 'coordinated',
      plannedStart: '2022-06-17T21:00:00+02:00',
      plannedEnd: '2022-06-17T23:00:00+02:00',
      inspectorIds: [user.officer, user.polis],
    });
    expect(booked.status).toBe(201);
    coordinated = booked.body.id;
    expect(booked.body).toMatchObject({ status: 'planned', type: 'coordinated', premisesName: 'Lövnäs Pub & Kök' });
    expect(booked.body.checklist).toHaveLength(12);

    const clash = await schedule({
      premisesId,
      type: 'external',
      plannedStart: '2022-06-17T22:30:00+02:00',
      plannedEnd: '2022-06-18T00:30:00+02:00',
      inspectorIds: [user.polis],
    });
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({
      type: 'urn:samverkan:problem:inspection.inspector_booked',
      code: 'inspection.inspector_booked',
      // Who is booked where and when, so a client can say it in its own language.
      params: { inspector: 'Mikael Berg', premises: 'Lövnäs Pub & Kök', start: '2022-06-17T19:00:00.000Z', end: '2022-06-17T21:00:00.000Z' },
      conflictingInspectionId: coordinated,
    });
    const later = await schedule({
      premisesId,
      type: 'external',
      plannedStart: '2022-06-17T23:00:00+02:00',
      plannedEnd: '2022-06-18T01:00:00+02:00',
      inspectorIds: [user.polis, user.officer],
    });
    expect(later.status).toBe(201);
    // Cancelling frees the calendar (and needs a reason).
    expect((await move(later.body.id, 'cancelled')).body.errors).toEqual([coded('reason', 'inspection.reason_required')]);
    expect((await move(later.body.id, 'cancelled', { reason: 'Krockar med annan insats' })).body.status).toBe('cancelled');
    expect(
      (
        await schedule({
          premisesId,
          type: 'external',
          plannedStart: '2022-06-17T23:00:00+02:00',
          plannedEnd: '2022-06-18T00:00:00+02:00',
          inspectorIds: [user.polis],
        })
      ).status,
    ).toBe(201);
  });

  it('lets the police inspector see the premises and the inspection they take part in, and record findings', async () => {
    expect((await api.call('GET', `/api/v1/premises/${premisesId}`, { token: polis })).status).toBe(200);
    const mine = await api.call('GET', `/api/v1/inspections?inspectorId=${user.polis}`, { token: polis });
    expect(mine.body.items.map((i: { id: string }) => i.id)).toContain(coordinated);
    const findings = await api.call('PUT', `/api/v1/inspections/${coordinated}/findings`, {
      token: polis,
      body: {
        findings: [
          { itemKey: 'age_checks', result: 'remark', note: 'Två gäster under 20 serverades starköl utan legitimationskontroll.' },
          { itemKey: 'serving_manager_present', result: 'ok' },
          { itemKey: 'no_intoxicated_guests', result: 'ok' },
        ],
      },
    });
    expect(findings.status).toBe(200);
    expect(findings.body.findings).toHaveLength(3);
    const unknown = await api.call('PUT', `/api/v1/inspections/${coordinated}/findings`, {
      token: polis,
      body: { findings: [{ itemKey: 'parking', result: 'ok' }] },
    });
    expect(unknown.body.errors).toEqual([coded('findings[0].itemKey', 'inspection.item_not_on_checklist')]);
  });

  it('counts a performed inspection in the promise, registers the holder’s response deadline, and links a re-inspection', async () => {
    expect((await api.call('GET', `/api/v1/inspections/${coordinated}`, { token: officer })).body.nextStatuses).toEqual([
      'performed',
      'attempted',
      'cancelled',
    ]);
    const performed = await move(coordinated, 'performed');
    expect(performed.body).toMatchObject({ status: 'performed', nextStatuses: ['report_sent', 'escalated'] });
    const [activity] = await api.db.query(`SELECT kind, metrics, occurred_on::text AS on FROM activities WHERE source = 'inspection' AND source_id = $1`, [
      coordinated,
    ]);
    expect(activity).toEqual({ kind: 'licensed_premises_inspection', metrics: { premises_visited: 1, remarks: 1 }, on: '2022-06-17' });

    expect((await move(coordinated, 'closed')).status).toBe(400); // a report goes out first
    const report = await api.call('GET', `/api/v1/inspections/${coordinated}/report`, { token: officer });
    expect(report.headers['content-type']).toMatch(/^text\/html/);
    expect(report.body).toContain('Tillsynsrapport enligt alkohollagen (2010:1622)');
    expect(report.body).toContain('Lövnäs Pub &amp; Kök AB');
    expect(report.body).toContain('Två gäster under 20 serverades starköl utan legitimationskontroll.');
    expect(report.body).toContain('Tillsynen gav 1 anmärkning.');
    expect(report.body).toContain('inom 14 dagar');
    const sent = await move(coordinated, 'report_sent');
    expect(sent.body.status).toBe('report_sent');
    const [deadline] = await api.db.query(`SELECT kind, status, due_at FROM deadlines WHERE resource_id = $1`, [coordinated]);
    expect(deadline).toMatchObject({ kind: 'licence_holder_response', status: 'open' });
    const days = (new Date(deadline.due_at).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(14);
    expect(days).toBeLessThan(16);
    await move(coordinated, 'response_received');
    expect((await api.db.query(`SELECT status FROM deadlines WHERE resource_id = $1`, [coordinated]))[0].status).toBe('met');

    const again = await api.call('POST', `/api/v1/inspections/${coordinated}/reinspect`, {
      token: officer,
      body: { type: 'external', plannedStart: '2022-09-16T21:00:00+02:00', plannedEnd: '2022-09-16T22:30:00+02:00', inspectorIds: [user.officer] },
    });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ previousInspectionId: coordinated, premisesId, licenceId });
  });

  it('does not count an attempted visit (nobody there) as performed', async () => {
    const visit = await schedule({
      premisesId,
      type: 'external',
      plannedStart: '2022-07-01T22:00:00+02:00',
      plannedEnd: '2022-07-01T23:00:00+02:00',
      inspectorIds: [user.officer],
    });
    expect((await move(visit.body.id, 'attempted')).body.status).toBe('attempted');
    expect(await api.db.query(`SELECT 1 FROM activities WHERE source_id = $1`, [visit.body.id])).toEqual([]);
    expect((await move(visit.body.id, 'closed')).body.status).toBe('closed');
    expect((await move(visit.body.id, 'performed')).status).toBe(400);
  });

  it('sanctions: the police propose, the municipality hears the holder and then decides; återkallelse revokes', async () => {
    const proposed = await api.call('POST', '/api/v1/sanction-cases', {
      token: polis,
      body: { licenceId, grounds: 'Servering av starköl till två gäster under 20 år utan legitimationskontroll.', inspectionIds: [coordinated] },
    });
    expect(proposed.status).toBe(201);
    const id = proposed.body.id;
    const v = async (token = officer) => (await api.call('GET', `/api/v1/sanction-cases/${id}`, { token })).headers.etag as string;
    const decide = async (body: Record<string, unknown>, token = officer) =>
      api.call('POST', `/api/v1/sanction-cases/${id}/decision`, { token, headers: { 'if-match': await v() }, body });

    const byPolice = await decide({ decision: 'varning', reasons: 'Allvarlig brist i ålderskontrollen.' }, polis);
    expect(byPolice.status).toBe(403);
    const unheard = await decide({ decision: 'varning', reasons: 'Allvarlig brist i ålderskontrollen.', decidedOn: '2022-07-10' });
    expect(unheard.body.errors).toEqual([coded('decision', 'sanction.not_heard')]);
    await api.call('PUT', `/api/v1/sanction-cases/${id}/hearing`, { token: officer, headers: { 'if-match': await v() }, body: { heardOn: '2022-07-04' } });
    expect((await decide({ decision: 'varning', reasons: 'Allvarlig brist i ålderskontrollen.', decidedOn: '2022-07-04' })).status).toBe(400);

    const decided = await decide({
      decision: 'aterkallelse',
      reasons: 'Upprepade och allvarliga brister; tidigare varning utan rättelse.',
      decidedOn: '2022-07-10',
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({
      decision: 'aterkallelse',
      heardOn: '2022-07-04',
      decidedOn: '2022-07-10',
      appealInformation: expect.stringContaining('förvaltningsrätten'),
    });
    expect((await api.call('GET', `/api/v1/licences/${licenceId}`, { token: officer })).body.status).toBe('revoked');
    expect((await decide({ decision: 'erinran', reasons: 'Ett nytt beslut i samma ärende.' })).status).toBe(409);
    const cases = await api.call('GET', `/api/v1/sanction-cases?licenceId=${licenceId}`, { token: officer });
    expect(cases.body.items.map((c: { id: string; decision: string }) => [c.id, c.decision])).toEqual([[id, 'aterkallelse']]);
    expect(cases.body.items[0]).toMatchObject({
      premisesId,
      premisesName: 'Lövnäs Pub & Kök',
      holderName: 'Lövnäs Pub & Kök AB',
      decidedByName: expect.any(String),
    });
  });

  it('lists sanction cases across licences, open or decided, only within the caller’s reach', async () => {
    const open = await api.call('POST', '/api/v1/sanction-cases', {
      token: officer,
      body: { licenceId, grounds: 'Ett öppet ärende som ännu inte är kommunicerat.' },
    });
    const all = await api.call('GET', '/api/v1/sanction-cases?limit=10', { token: officer });
    expect(all.body).toMatchObject({ total: 2, limit: 10, offset: 0 });
    const onlyOpen = await api.call('GET', '/api/v1/sanction-cases?state=open', { token: officer });
    expect(onlyOpen.body.items.map((c: { id: string }) => c.id)).toEqual([open.body.id]);
    expect((await api.call('GET', '/api/v1/sanction-cases?state=decided', { token: officer })).body.total).toBe(1);
    expect((await api.call('GET', '/api/v1/sanction-cases?state=maybe', { token: officer })).status).toBe(400);
    // The police inspector reaches these premises through his grant; the municipal guard reads no register at all.
    expect((await api.call('GET', '/api/v1/sanction-cases', { token: polis })).body.total).toBe(2);
    const vakt = await api.token('vaktare@hammaro.test');
    expect((await api.call('GET', '/api/v1/sanction-cases', { token: vakt })).status).toBe(403);
  });

  it('lists who may be booked as inspectors to those who plan inspections', async () => {
    const [{ id: collaborationId }] = await api.db.query(`SELECT id FROM collaborations WHERE name = 'Hammarö'`);
    const listed = await api.call('GET', `/api/v1/inspections/inspectors?collaborationId=${collaborationId}`, { token: officer });
    expect(listed.status).toBe(200);
    const ids = listed.body.map((p: { id: string }) => p.id);
    expect(ids).toEqual(expect.arrayContaining([user.officer, user.polis]));
    expect(ids).not.toContain(await api.userId('socialsekreterare@hammaro.test'));
    expect(listed.body.find((p: { id: string }) => p.id === user.polis)).toMatchObject({
      organisationKind: 'police',
      displayName: expect.any(String),
      organisation: expect.any(String),
    });
    expect((await api.call('GET', `/api/v1/inspections/inspectors?collaborationId=${collaborationId}`, { token: polis })).status).toBe(403);
    expect((await api.call('GET', '/api/v1/inspections/inspectors', { token: officer })).body.errors[0].field).toBe('collaborationId');
  });

  it('keeps inspections from those without access', async () => {
    // The police officer sees the inspections he takes part in, not the municipality's others.
    const seen = await api.call('GET', '/api/v1/inspections?limit=200', { token: polis });
    const all = await api.call('GET', '/api/v1/inspections?limit=200', { token: officer });
    expect(seen.body.total).toBeLessThan(all.body.total);
    for (const inspection of seen.body.items) {
      expect(inspection.inspectors.map((i: { id: string }) => i.id)).toContain(user.polis);
    }

    const social = await api.token('socialsekreterare@hammaro.test');
    expect((await api.call('GET', '/api/v1/inspections', { token: social })).status).toBe(403);
    const vakt = await api.token('vaktare@hammaro.test');
    expect((await api.call('GET', `/api/v1/inspections/${coordinated}`, { token: vakt })).status).toBe(403);
    const chef = await api.token('chef@hammaro.test');
    expect((await api.call('GET', `/api/v1/inspections/${coordinated}`, { token: chef })).status).toBe(200);
    expect(
      (
        await schedule(
          { premisesId, type: 'external', plannedStart: '2022-08-01T22:00:00+02:00', plannedEnd: '2022-08-01T23:00:00+02:00', inspectorIds: [user.officer] },
          chef,
        )
      ).status,
    ).toBe(403);
  });

  it('generates the risk-based plan, keeps plan against actual, and counts the year in the statistics', async () => {
    const [{ id: collaborationId }] = await api.db.query(`SELECT id FROM collaborations WHERE name = 'Hammarö'`);
    const holder = await api.call('POST', '/api/v1/licence-holders', { token: officer, body: { name: 'Nattklubben Skoghall AB', orgNumber: '212000-1850' } });
    const club = await api.call('POST', '/api/v1/premises', {
      token: officer,
      body: { collaborationId, name: 'Klubb Kanalen', kind: 'nightclub', address: 'Kanalvägen 1', capacity: 320, hasOwnKitchen: true },
    });
    await api.db.query('UPDATE premises SET young_audience = true, dancing = true WHERE id = $1', [club.body.id]);
    await api.call('POST', '/api/v1/licences', {
      token: officer,
      body: {
        holderId: holder.body.id,
        premisesId: club.body.id,
        type: 'permanent',
        audience: 'public',
        drinkCategories: ['spirits', 'wine', 'strong_beer'],
        validFrom: '2021-01-01',
        servingHours: { fri: { from: '18:00', to: '02:00' }, sat: { from: '18:00', to: '02:00' } },
        servingManagers: [{ name: 'Sofia Nilsson', birthDate: '1991-11-02', notifiedOn: '2020-12-10' }],
      },
    });

    const plan = await api.call('POST', '/api/v1/supervision-plans', { token: officer, body: { collaborationId, year: 2023 } });
    expect(plan.status).toBe(201);
    // Lövnäs Pub & Kök lost its licence (återkallelse) and is not in the plan; the club is, as high risk.
    expect(plan.body.items.map((i: { premisesName: string }) => i.premisesName)).toEqual(['Klubb Kanalen']);
    const item = plan.body.items[0];
    expect(item.riskFactors.map((f: { factor: string }) => f.factor)).toEqual(['kind', 'late_serving', 'capacity', 'young_audience', 'dancing', 'last_visit']);
    expect(item).toMatchObject({ riskScore: 3 + 3 + 3 + 2 + 1 + 3, plannedVisits: 3, performedVisits: 0 });
    expect((await api.call('POST', '/api/v1/supervision-plans', { token: officer, body: { collaborationId, year: 2023 } })).status).toBe(409);
    const plans = await api.call('GET', `/api/v1/supervision-plans?collaborationId=${collaborationId}`, { token: officer });
    expect(plans.body).toEqual([{ id: plan.body.id, year: 2023, premises: 1, plannedVisits: 3 }]);
    // The register shows each premises with the latest plan's risk score and its factors, and its licences.
    const active = await api.call('GET', '/api/v1/premises?status=active', { token: officer });
    expect(active.body.items).toEqual([
      expect.objectContaining({
        name: 'Klubb Kanalen',
        risk: { year: 2023, score: item.riskScore, factors: item.riskFactors },
        licences: [expect.objectContaining({ holderName: 'Nattklubben Skoghall AB', type: 'permanent', status: 'active' })],
      }),
    ]);
    const revoked = await api.call('GET', '/api/v1/premises?status=revoked', { token: officer });
    expect(revoked.body.items.map((p: { name: string; risk: unknown }) => [p.name, p.risk])).toEqual([['Lövnäs Pub & Kök', null]]);
    const edited = await api.call('PATCH', `/api/v1/supervision-plans/${plan.body.id}/items/${club.body.id}`, {
      token: officer,
      body: { plannedVisits: 4, note: 'Extra inför sommaren' },
    });
    expect(edited.body.totals).toEqual({ planned: 4, performed: 0, premises: 1 });
    expect((await api.call('POST', '/api/v1/supervision-plans', { token: polis, body: { collaborationId, year: 2024 } })).status).toBe(403);

    const stats = await api.call('GET', `/api/v1/supervision/statistics?collaborationId=${collaborationId}&year=2022`, { token: officer });
    expect(stats.body).toMatchObject({
      year: 2022,
      visitsByType: { coordinated: 1, external: 0 },
      visitsPerformed: 1,
      attemptedVisits: 1,
      remarks: 1,
      decisions: { aterkallelse: 1, varning: 0, erinran: 0 },
      plan: null,
    });
    const csv = await api.call('GET', `/api/v1/supervision/statistics?collaborationId=${collaborationId}&year=2022&format=csv`, { token: officer });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(String(csv.body)).toContain('"Försök till besök (ingen på plats)";"1"');
    expect(String(csv.body)).toContain('"Återkallelse";"1"');
  });

  it('gives each inspector a personal calendar feed that can be revoked', async () => {
    const start = new Date(Date.now() + 10 * 86_400_000);
    start.setUTCHours(19, 0, 0, 0);
    const upcoming = await schedule({
      premisesId,
      type: 'coordinated',
      plannedStart: start.toISOString(),
      plannedEnd: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
      inspectorIds: [user.officer, user.polis],
    });
    expect(upcoming.status).toBe(201);
    const issued = await api.call('POST', '/api/v1/me/calendar-feed', { token: polis });
    const url = new URL(issued.body.url);
    expect(url.pathname).toBe('/api/v1/inspections/calendar.ics');
    const feed = await api.call('GET', `${url.pathname}${url.search}`);
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    const ics = String(feed.body);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain(`UID:inspection-${upcoming.body.id}@samverkan`);
    expect(ics).toContain(
      `DTSTART:${start
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '')}`,
    );
    expect(ics).toContain('SUMMARY:Tillsyn: Lövnäs Pub & Kök (samordnad tillsyn)');
    expect(ics).toContain('LOCATION:Lövnäsvägen 4');
    // Only upcoming (and the last 30 days'): the 2022 inspections are not in it.
    expect(ics).not.toContain(`UID:inspection-${coordinated}@samverkan`);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);

    const renewed = await api.call('POST', '/api/v1/me/calendar-feed', { token: polis });
    expect((await api.call('GET', `${url.pathname}${url.search}`)).status).toBe(404);
    const fresh = new URL(renewed.body.url);
    expect((await api.call('GET', `${fresh.pathname}${fresh.search}`)).status).toBe(200);
    expect((await api.call('DELETE', '/api/v1/me/calendar-feed', { token: polis })).status).toBe(204);
    expect((await api.call('GET', `${fresh.pathname}${fresh.search}`)).status).toBe(404);
  });

  it('opens the year’s restaurant reports as deadlines due 1 March, met when submitted', async () => {
    const [{ id: collaborationId }] = await api.db.query(`SELECT id FROM collaborations WHERE name = 'Hammarö'`);
    const opened = await api.call('POST', '/api/v1/restaurant-reports/open', { token: officer, body: { collaborationId, year: 2022 } });
    expect(opened.body.opened).toBe(2);
    expect((await api.call('POST', '/api/v1/restaurant-reports/open', { token: officer, body: { collaborationId, year: 2022 } })).body.opened).toBe(0);
    const deadlines = await api.db.query(`SELECT resource_id, due_at, status FROM deadlines WHERE kind = 'restaurant_report' ORDER BY title`);
    expect(deadlines).toHaveLength(2);
    expect(deadlines[0].due_at).toEqual(new Date('2023-03-01T23:00:00Z')); // end of 1 March, Stockholm
    const submitted = await api.call('POST', `/api/v1/restaurant-reports/${deadlines[0].resource_id}/submit`, {
      token: officer,
      body: { figures: { spirits_litres: 420, wine_litres: 1800 } },
    });
    expect(submitted.status).toBe(200);
    expect((await api.db.query(`SELECT status FROM deadlines WHERE resource_id = $1`, [deadlines[0].resource_id]))[0].status).toBe('met');
    expect((await api.call('POST', `/api/v1/restaurant-reports/${deadlines[0].resource_id}/submit`, { token: officer, body: { figures: {} } })).status).toBe(
      409,
    );
  });

  it('versions checklist templates and takes tips that raise the risk score', async () => {
    const saved = await api.call('POST', '/api/v1/checklist-templates', {
      token: officer,
      body: {
        name: 'Yttre tillsyn',
        items: [
          { key: 'age_checks', label: 'Ålderskontroll' },
          { key: 'noise', label: 'Ljudnivå mot grannar' },
        ],
      },
    });
    expect(saved.body).toMatchObject({ name: 'Yttre tillsyn', version: 2 });
    const next = await schedule({
      premisesId,
      type: 'external',
      plannedStart: '2022-10-07T21:00:00+02:00',
      plannedEnd: '2022-10-07T22:00:00+02:00',
      inspectorIds: [user.officer],
    });
    expect(next.body.checklist.map((i: { key: string }) => i.key)).toEqual(['age_checks', 'noise']);
    const old = await api.call('GET', `/api/v1/inspections/${coordinated}`, { token: officer });
    expect(old.body.checklist).toHaveLength(12); // past inspections keep their version
    const dup = await api.call('POST', '/api/v1/checklist-templates', {
      token: officer,
      body: {
        name: 'X-lista',
        items: [
          { key: 'a', label: 'Ett' },
          { key: 'a', label: 'Två' },
        ],
      },
    });
    expect(dup.body.errors).toEqual([coded('items[1].key', 'checklist.key_repeated')]);

    expect(
      (
        await api.call('POST', `/api/v1/premises/${premisesId}/tips`, {
          token: polis,
          body: { receivedOn: '2022-12-01', source: 'public', summary: 'Grannar klagar på oväsen efter stängning.' },
        })
      ).status,
    ).toBe(201);
  });
});
