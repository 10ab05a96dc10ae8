import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { coded, TestApi } from './support/test-api.js';

const INTELLIGENCE = 'Källa uppger att en 19-åring säljer cannabis från en vit Volvo vid Lövnäs centrum fredagar efter kl. 21.';

/**
 * Police operations end to end: the lifecycle and who may move it, the commander-only decision,
 * 404 for everyone outside the police, the intelligence kept from non-commanders (and encrypted at
 * rest), releasing a summary into the promise, and a referral that reaches licensing bare of detail.
 */
describe('police operations', () => {
  let api: TestApi;
  const token: Record<string, string> = {};
  const id: Record<string, string> = {};
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, body?: unknown, headers?: Record<string, string>) =>
    api.call(method, `/api/v1${url}`, { token: token[who], body, headers });
  const etag = async (operationId: string) => (await call('GET', `/operations/${operationId}`, 'commander')).headers.etag as string;
  const move = async (operationId: string, to: string, who: string, extra: Record<string, unknown> = {}) =>
    call('POST', `/operations/${operationId}/transition`, who, { to, ...extra }, { 'if-match': await etag(operationId) });

  beforeAll(async () => {
    api = await TestApi.start({}, { promises: true });
    id.police = await api.organisationId('Lokalpolisområde Karlstad');
    [{ id: id.collaboration }] = await api.db.query(`SELECT id FROM collaborations WHERE name = 'Hammarö'`);
    [{ id: id.commitment }] = await api.db.query(`SELECT id FROM commitments WHERE activity_kind = 'drug_sale_operation'`);
    id.officer = await api.userId('polis@karlstad.polisen.test');
    id.localUnit = await api.unitId('Lokalpolisområde Karlstad', 'Områdespolis Hammarö');
    // A second officer, of the same police area but in another unit, who takes no part.
    const [other] = await api.db.query(
      `INSERT INTO users (organisation_id, email, display_name, password_hash)
       SELECT organisation_id, 'ingripande@karlstad.polisen.test', 'Jonas Ek', password_hash FROM users WHERE id = $1 RETURNING id`,
      [id.officer],
    );
    await api.db.query(`INSERT INTO memberships (user_id, unit_id, role) VALUES ($1, $2, 'police_officer')`, [
      other.id,
      await api.unitId('Lokalpolisområde Karlstad', 'Ingripande'),
    ]);
    for (const [who, email] of Object.entries({
      officer: 'polis@karlstad.polisen.test',
      other: 'ingripande@karlstad.polisen.test',
      commander: 'insatschef@karlstad.polisen.test',
      licensing: 'alkohol@hammaro.test',
      coordinator: 'trygghet@hammaro.test',
      manager: 'chef@hammaro.test',
      social: 'socialsekreterare@hammaro.test',
    }))
      token[who] = await api.token(email);
    const premises = await call('POST', '/premises', 'licensing', {
      collaborationId: id.collaboration,
      name: 'Klubb Kanalen',
      kind: 'nightclub',
      address: 'Kanalvägen 1',
      capacity: 320,
      hasOwnKitchen: true,
    });
    id.premises = premises.body.id;
  });

  afterAll(async () => {
    await api?.close();
  });

  it('lets an officer propose an operation in his own police area, with the intelligence sealed', async () => {
    const bad = await call('POST', '/operations', 'officer', {
      collaborationId: id.collaboration,
      title: 'Insats',
      area: 'Lövnäs',
      plannedStart: '2026-12-04T21:00:00+01:00',
      plannedEnd: '2026-12-04T20:00:00+01:00',
      intelligence: INTELLIGENCE,
      intelligenceReference: 'UR-2026-0311',
      premisesIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['plannedEnd', 'premisesIds']);
    const proposed = await call('POST', '/operations', 'officer', {
      collaborationId: id.collaboration,
      title: 'Insats mot försäljning till unga i Lövnäs',
      area: 'Lövnäs centrum',
      places: [{ name: 'Lövnäs centrum', latitude: 59.33, longitude: 13.5 }],
      premisesIds: [id.premises],
      commitmentId: id.commitment,
      plannedStart: '2026-12-04T21:00:00+01:00',
      plannedEnd: '2026-12-05T01:00:00+01:00',
      intelligence: INTELLIGENCE,
      intelligenceReference: 'UR-2026-0311',
      userIds: [id.officer],
      unitIds: [id.localUnit],
    });
    expect(proposed.status).toBe(201);
    id.op = proposed.body.id;
    expect(proposed.body).toMatchObject({ status: 'proposed', intelligence: null, premises: [{ id: id.premises, name: 'Klubb Kanalen' }] });
    expect(proposed.body.participants.map((p: { type: string }) => p.type)).toEqual(['unit', 'user']);
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM operations o WHERE o::text LIKE '%Volvo%' OR o::text LIKE '%UR-2026-0311%'`);
    expect(n).toBe(0);
  });

  it('shows the intelligence to commanders only', async () => {
    const asCommander = await call('GET', `/operations/${id.op}`, 'commander');
    expect(asCommander.body.intelligence).toEqual({ text: INTELLIGENCE, reference: 'UR-2026-0311' });
    const asOfficer = await call('GET', `/operations/${id.op}`, 'officer');
    expect(asOfficer.status).toBe(200);
    expect(asOfficer.body.intelligence).toBeNull();
    expect(JSON.stringify(asOfficer.body)).not.toContain('Volvo');
    const reads = (await api.auditEvents('operation.read')).filter((e) => e.resource_id === id.op);
    expect(reads.map((e) => e.details)).toEqual([{ intelligence: true }, { intelligence: false }]);
  });

  it('tells other officers of the area only that an operation exists; everyone else gets 404 on every route', async () => {
    const listed = await call('GET', '/operations', 'other');
    expect(listed.body.items).toEqual([expect.objectContaining({ id: id.op, status: 'proposed', canOpen: false, title: null, area: null })]);
    expect((await call('GET', `/operations/${id.op}`, 'other')).status).toBe(404);
    expect((await call('GET', '/operations', 'officer')).body.items[0]).toMatchObject({ canOpen: true, title: 'Insats mot försäljning till unga i Lövnäs' });

    for (const who of ['licensing', 'coordinator', 'manager', 'social']) {
      for (const [method, url] of [
        ['GET', '/operations'],
        ['GET', '/operations/substances'],
        ['POST', '/operations'],
        ['GET', `/operations/${id.op}`],
        ['POST', `/operations/${id.op}/transition`],
        ['PUT', `/operations/${id.op}/participants`],
        ['PUT', `/operations/${id.op}/outcome`],
        ['POST', `/operations/${id.op}/release`],
        ['POST', `/operations/${id.op}/referrals`],
      ] as const) {
        const res = await call(method, url, who, {}, { 'if-match': '"1"' });
        expect([who, method, url, res.status]).toEqual([who, method, url, 404]);
      }
    }
  });

  it('offers the police their own area’s colleagues, units and licensed premises to pick from, and filters the list by year', async () => {
    const colleagues = await call('GET', '/operations/colleagues', 'commander');
    expect(colleagues.body).toMatchObject({ total: 3, limit: 50, offset: 0 });
    expect(colleagues.body.items).toEqual([
      { id: expect.any(String), displayName: 'Helena Strand', units: ['Ingripande'] },
      { id: expect.any(String), displayName: 'Jonas Ek', units: ['Ingripande'] },
      { id: id.officer, displayName: 'Mikael Berg', units: ['Områdespolis Hammarö'] },
    ]);
    expect((await call('GET', '/operations/colleagues?q=berg', 'officer')).body.items.map((c: { displayName: string }) => c.displayName)).toEqual([
      'Mikael Berg',
    ]);
    expect((await call('GET', '/operations/colleagues?limit=1&offset=1', 'officer')).body).toMatchObject({ total: 3, items: [{ displayName: 'Jonas Ek' }] });
    const units = await call('GET', '/operations/units', 'commander');
    expect(units.body.items).toEqual([
      { id: expect.any(String), name: 'Ingripande' },
      { id: id.localUnit, name: 'Områdespolis Hammarö' },
    ]);
    const premises = await call('GET', `/operations/premises?collaborationId=${id.collaboration}`, 'officer');
    expect(premises.body.items).toEqual([{ id: id.premises, name: 'Klubb Kanalen', address: 'Kanalvägen 1' }]);
    expect((await call('GET', '/operations/premises', 'officer')).body.errors.map((e: { field: string }) => e.field)).toEqual(['collaborationId']);

    for (const who of ['licensing', 'coordinator', 'manager', 'social']) {
      for (const url of ['/operations/colleagues', '/operations/units', `/operations/premises?collaborationId=${id.collaboration}`]) {
        expect([who, url, (await call('GET', url, who)).status]).toEqual([who, url, 404]);
      }
    }

    expect((await call('GET', '/operations?year=2026', 'officer')).body.items.map((o: { id: string }) => o.id)).toEqual([id.op]);
    expect((await call('GET', '/operations?year=2027', 'officer')).body).toMatchObject({ items: [], total: 0 });
    const [commitment] = await api.db.query('SELECT text FROM commitments WHERE id = $1', [id.commitment]);
    expect((await call('GET', `/operations/${id.op}`, 'officer')).body.commitment).toEqual({ id: id.commitment, text: commitment.text });
  });

  it('is decided by a commander only, then carried out and reported by its participants', async () => {
    expect((await move(id.op, 'decided', 'officer')).status).toBe(403);
    expect((await move(id.op, 'executing', 'officer')).body.errors).toEqual([coded('to', 'status.transition', { from: 'proposed', to: 'executing' })]);
    const decided = await move(id.op, 'decided', 'commander', { conditions: 'Civila fordon; inga ingripanden på skolområdet.' });
    expect(decided.body).toMatchObject({
      status: 'decided',
      decidedBy: 'Helena Strand',
      decisionConditions: 'Civila fordon; inga ingripanden på skolområdet.',
    });
    expect((await move(id.op, 'executing', 'other')).status).toBe(404);
    expect((await move(id.op, 'executing', 'officer')).body.status).toBe('executing');

    const wrongUnit = await call(
      'PUT',
      `/operations/${id.op}/outcome`,
      'officer',
      { seizures: [{ substance: 'cannabis', quantity: 3, unit: 'l' }], arrests: 1, reportsFiled: 2, personsChecked: 17, placesChecked: 2 },
      { 'if-match': await etag(id.op) },
    );
    expect(wrongUnit.body.errors).toEqual([coded('seizures[0].unit', 'operation.seizure_unit', { substance: 'cannabis', units: ['g', 'plants'] })]);
    expect((await move(id.op, 'completed', 'officer')).body.status).toBe('completed');
    expect((await move(id.op, 'outcome_reported', 'officer')).body.errors).toEqual([coded('to', 'operation.outcome_missing')]);
    const outcomeBody = {
      seizures: [
        { substance: 'cannabis', quantity: 42.5, unit: 'g' },
        { substance: 'cannabis', quantity: 10, unit: 'g' },
        { substance: 'smuggled_spirits', quantity: 6, unit: 'l' },
      ],
      arrests: 1,
      reportsFiled: 3,
      personsChecked: 24,
      placesChecked: 3,
      notes: 'Säljaren greps i Volvon; köparna var 15–16 år.',
    };
    // The outcome is replaced whole: If-Match like every replacing write (issue #15).
    expect((await call('PUT', `/operations/${id.op}/outcome`, 'officer', outcomeBody)).body).toMatchObject({ status: 428, code: 'version.if_match_required' });
    const seen = await etag(id.op);
    const outcome = await call('PUT', `/operations/${id.op}/outcome`, 'officer', outcomeBody, { 'if-match': seen });
    expect(outcome.headers.etag).not.toBe(seen);
    expect((await call('PUT', `/operations/${id.op}/outcome`, 'officer', outcomeBody, { 'if-match': seen })).status).toBe(412);
    expect(outcome.body.outcome).toMatchObject({ arrests: 1, reportsFiled: 3 });
    expect((await move(id.op, 'outcome_reported', 'officer')).body.status).toBe('outcome_reported');
    expect((await move(id.op, 'cancelled', 'commander', { reason: 'För sent' })).status).toBe(400);
  });

  it('replaces the participants only with If-Match, and with nobody only when removeAll says so (issue #15)', async () => {
    const proposed = await call('POST', '/operations', 'officer', {
      collaborationId: id.collaboration,
      title: 'Insats vid Skoghalls centrum',
      area: 'Skoghalls centrum',
      intelligence: 'Tips om langning vid busstationen.',
      intelligenceReference: 'UR-2026-0402',
      plannedStart: '2026-10-01T18:00:00+02:00',
      plannedEnd: '2026-10-01T23:00:00+02:00',
      unitIds: [id.localUnit],
    });
    expect(proposed.status).toBe(201);
    const op = proposed.body.id as string;
    const participants = async () => (await call('GET', `/operations/${op}`, 'commander')).body.participants.map((p: { id: string }) => p.id);
    expect(await participants()).toEqual([id.localUnit]);

    // An empty body removed everyone, unasked and unversioned; now neither goes through.
    const unversioned = await call('PUT', `/operations/${op}/participants`, 'commander', {});
    expect(unversioned.body).toMatchObject({ status: 428, code: 'version.if_match_required' });
    const empty = await call('PUT', `/operations/${op}/participants`, 'commander', {}, { 'if-match': await etag(op) });
    expect(empty.status).toBe(400);
    expect(empty.body.errors).toEqual([coded('userIds', 'replacement.empty')]);
    const emptyLists = await call('PUT', `/operations/${op}/participants`, 'commander', { userIds: [], unitIds: [] }, { 'if-match': await etag(op) });
    expect(emptyLists.body.errors).toEqual([coded('userIds', 'replacement.empty')]);
    const both = await call('PUT', `/operations/${op}/participants`, 'commander', { userIds: [id.officer], removeAll: true }, { 'if-match': await etag(op) });
    expect(both.body.errors).toEqual([coded('removeAll', 'replacement.remove_all_with_items')]);
    expect(await participants()).toEqual([id.localUnit]);

    // A stale version is refused: the commander must see the list they replace.
    const seen = await etag(op);
    const replaced = await call('PUT', `/operations/${op}/participants`, 'commander', { userIds: [id.officer] }, { 'if-match': seen });
    expect(replaced.status).toBe(200);
    expect(replaced.headers.etag).toBe(`"${replaced.body.version}"`);
    const stale = await call('PUT', `/operations/${op}/participants`, 'commander', { unitIds: [id.localUnit] }, { 'if-match': seen });
    expect(stale.body).toMatchObject({ status: 412, code: 'version.stale' });
    expect(await participants()).toEqual([id.officer]);

    const removed = await call('PUT', `/operations/${op}/participants`, 'commander', { removeAll: true }, { 'if-match': replaced.headers.etag as string });
    expect(removed.status).toBe(200);
    expect(removed.body.participants).toEqual([]);
    expect((await api.auditEvents('operation.participants')).filter((e) => e.resource_id === op).map((e) => e.details)).toEqual([
      { removeAll: false, users: 1, units: 0 },
      { removeAll: true, users: 0, units: 0 },
    ]);
  });

  it('needs a reason to cancel', async () => {
    const another = await call('POST', '/operations', 'officer', {
      collaborationId: id.collaboration,
      title: 'Kontroll vid hamnen',
      area: 'Skoghall',
      plannedStart: '2026-12-11T16:00:00+01:00',
      plannedEnd: '2026-12-11T23:00:00+01:00',
      intelligence: 'Uppgifter om smuggelsprit som säljs från en bil vid hamnen.',
      intelligenceReference: 'UR-2026-0350',
    });
    expect((await move(another.body.id, 'cancelled', 'commander')).body.errors).toEqual([coded('reason', 'operation.reason_required')]);
    expect((await move(another.body.id, 'cancelled', 'commander', { reason: 'Underrättelseläget medgav inte insatsen.' })).body).toMatchObject({
      status: 'cancelled',
      statusReason: 'Underrättelseläget medgav inte insatsen.',
    });
  });

  it('releases a summary to the collaboration, which becomes the promise activity — and nothing else leaves the police', async () => {
    expect((await call('POST', `/operations/${id.op}/release`, 'officer', { area: 'Lövnäs' })).status).toBe(404);
    const released = await call('POST', `/operations/${id.op}/release`, 'commander', { area: 'Lövnäs' });
    expect(released.status).toBe(201);
    expect(released.body).toMatchObject({ periodStart: '2026-12-04', periodEnd: '2026-12-05', area: 'Lövnäs' });
    expect(released.body.counts).toEqual({
      arrests: 1,
      reportsFiled: 3,
      personsChecked: 24,
      placesChecked: 3,
      seizures: [
        { substance: 'cannabis', label: 'Cannabis', quantity: 52.5, unit: 'g' },
        { substance: 'smuggled_spirits', label: 'Smuggelsprit', quantity: 6, unit: 'l' },
      ],
    });
    const [activity] = await api.db.query(`SELECT commitment_id, kind, metrics, source FROM activities WHERE source = 'operation_summary' AND source_id = $1`, [
      released.body.id,
    ]);
    expect(activity).toEqual({
      commitment_id: id.commitment,
      kind: 'drug_sale_operation',
      source: 'operation_summary',
      metrics: { operations: 1, arrests: 1, reports_filed: 3, persons_checked: 24, places_checked: 3, seized_cannabis_g: 53, seized_smuggled_spirits_l: 6 },
    });
    expect((await call('POST', `/operations/${id.op}/release`, 'commander', { area: 'Lövnäs' })).status).toBe(409);

    for (const who of ['coordinator', 'manager']) {
      const summaries = await call('GET', '/operation-summaries', who);
      expect(summaries.body.items.map((s: { id: string }) => s.id)).toEqual([released.body.id]);
      const text = JSON.stringify(summaries.body);
      for (const secret of ['Volvo', 'UR-2026', 'Insats mot försäljning', 'Lövnäs centrum', id.op]) expect(text).not.toContain(secret);
    }
    expect((await call('GET', '/operation-summaries', 'social')).status).toBe(403);
  });

  it('sums the released summaries a filter selects, over every page', async () => {
    // A second released summary in the same year, straight into the table: the totals add both.
    const [operation] = await api.db.query(`SELECT id FROM operations WHERE title = 'Kontroll vid hamnen'`);
    await api.db.query(
      `INSERT INTO operation_summaries (operation_id, collaboration_id, period_start, period_end, area, counts, released_by, released_at)
       VALUES ($1, $2, '2026-06-01', '2026-06-01', 'Skoghall', $3, $4, now())`,
      [
        operation.id,
        id.collaboration,
        JSON.stringify({
          arrests: 2,
          reportsFiled: 1,
          personsChecked: 10,
          placesChecked: 1,
          seizures: [
            { substance: 'cannabis', label: 'Cannabis', quantity: 7.5, unit: 'g' },
            { substance: 'cash', label: 'Kontanter', quantity: 2000, unit: 'sek' },
          ],
        }),
        id.officer,
      ],
    );
    expect((await call('GET', '/operation-summaries?year=2026&limit=1', 'manager')).body).toMatchObject({ total: 2, limit: 1 });
    const totals = await call('GET', '/operation-summaries/totals?year=2026', 'manager');
    expect(totals.body).toEqual({
      operations: 2,
      arrests: 3,
      reportsFiled: 4,
      personsChecked: 34,
      placesChecked: 4,
      seizures: [
        { substance: 'cannabis', label: 'Cannabis', quantity: 60, unit: 'g' },
        { substance: 'cash', label: 'Kontanter (misstänkt brottsvinst)', quantity: 2000, unit: 'sek' },
        { substance: 'smuggled_spirits', label: 'Smuggelsprit', quantity: 6, unit: 'l' },
      ],
    });
    expect((await call('GET', '/operation-summaries/totals?year=2025', 'coordinator')).body).toEqual({
      operations: 0,
      arrests: 0,
      reportsFiled: 0,
      personsChecked: 0,
      placesChecked: 0,
      seizures: [],
    });
    expect((await call('GET', '/operation-summaries/totals?year=1999', 'manager')).body.errors.map((e: { field: string }) => e.field)).toEqual(['year']);
    expect((await call('GET', '/operation-summaries/totals', 'social')).status).toBe(403);
  });

  it('refers what was seen at licensed premises to licensing, without operational detail', async () => {
    expect(
      (
        await call('POST', `/operations/${id.op}/referrals`, 'other', {
          premisesId: id.premises,
          observedOn: '2026-11-20',
          observation: 'Berusade gäster serverades.',
        })
      ).status,
    ).toBe(404);
    const sent = await call('POST', `/operations/${id.op}/referrals`, 'officer', {
      premisesId: id.premises,
      observedOn: '2026-11-20',
      observation: 'Märkbart berusade gäster serverades efter kl. 01; för få ordningsvakter.',
    });
    expect(sent.status).toBe(201);
    const [tip] = await api.db.query(`SELECT source, summary FROM premises_tips WHERE premises_id = $1`, [id.premises]);
    expect(tip).toEqual({
      source: 'police',
      summary: 'Iakttagelse 20 november 2026: Märkbart berusade gäster serverades efter kl. 01; för få ordningsvakter.',
    });
    const [task] = await api.db.query(
      `SELECT d.kind, d.status, un.name AS unit FROM deadlines d JOIN units un ON un.id = d.responsible_unit_id WHERE d.resource_id = $1`,
      [sent.body.id],
    );
    expect(task).toEqual({ kind: 'licensing_referral', status: 'open', unit: 'Alkoholhandläggning' });
    const licensingUser = await api.userId('alkohol@hammaro.test');
    expect(await api.db.query(`SELECT user_id FROM notifications WHERE kind = 'licensing_referral'`)).toEqual([{ user_id: licensingUser }]);

    const inbox = await call('GET', '/licensing-referrals?open=true', 'licensing');
    expect(inbox.body.items).toEqual([
      {
        id: sent.body.id,
        premisesId: id.premises,
        premisesName: 'Klubb Kanalen',
        observedOn: '2026-11-20',
        observation: 'Märkbart berusade gäster serverades efter kl. 01; för få ordningsvakter.',
        from: 'Lokalpolisområde Karlstad',
        sentAt: expect.any(String),
        acknowledgedAt: null,
        acknowledgement: null,
        acknowledgedByName: null,
        tipId: expect.any(String),
      },
    ]);
    expect(JSON.stringify(inbox.body)).not.toContain(id.op);
    const acknowledged = await call('POST', `/licensing-referrals/${sent.body.id}/acknowledge`, 'licensing', { note: 'Tillsyn bokad till fredag.' });
    expect(acknowledged.body).toMatchObject({ acknowledgement: 'Tillsyn bokad till fredag.' });
    expect((await api.db.query(`SELECT status FROM deadlines WHERE resource_id = $1`, [sent.body.id]))[0].status).toBe('met');
    expect((await call('POST', `/licensing-referrals/${sent.body.id}/acknowledge`, 'licensing', {})).status).toBe(409);
    expect((await call('GET', '/licensing-referrals', 'officer')).status).toBe(403);
  });

  it('audits reads, including lists', async () => {
    const lists = await api.auditEvents('operation.list');
    expect(lists.length).toBeGreaterThanOrEqual(2);
    expect(lists[0].details.operationIds).toEqual([id.op]);
    const denied = await api.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'access.denied' AND details->>'status' = '404'`);
    expect(denied[0].n).toBeGreaterThan(0);
  });
});
