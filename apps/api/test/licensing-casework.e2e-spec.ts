import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { coded, TestApi } from './support/test-api.js';

/** A day relative to today in Sweden, as YYYY-MM-DD (the api's calendar rules run on Stockholm days). */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });

/**
 * Licensing casework (#17): tips and police referrals read in full, acknowledged and booked from;
 * two inspections of the same premises never overlap (also when bookings race); a sanction case
 * runs hearing (kommunicering, FL 25 §) → the holder's answer → decision (AL 9 kap 17–18 §§).
 */
describe('licensing casework', () => {
  let api: TestApi;
  const token: Record<string, string> = {};
  const id: Record<string, string> = {};
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, who: string, body?: unknown, headers?: Record<string, string>) =>
    api.call(method, `/api/v1${url}`, { token: token[who], body, headers });
  const book = (body: Record<string, unknown>, who = 'licensing') => call('POST', '/inspections', who, { type: 'external', premisesId: id.premises, ...body });

  beforeAll(async () => {
    api = await TestApi.start({}, { promises: true });
    [{ id: id.collaboration }] = await api.db.query(`SELECT id FROM collaborations WHERE name = 'Hammarö'`);
    // A licensing officer of another municipality (Forshaga), who must see nothing of Hammarö's.
    const [forshaga] = await api.db.query(`INSERT INTO organisations (name, kind) VALUES ('Forshaga kommun', 'municipality') RETURNING id`);
    const [unit] = await api.db.query(`INSERT INTO units (organisation_id, name) VALUES ($1, 'Alkoholhandläggning') RETURNING id`, [forshaga.id]);
    const [outsider] = await api.db.query(
      `INSERT INTO users (organisation_id, email, display_name, password_hash)
       SELECT $1, 'alkohol@forshaga.test', 'Eva Berg', password_hash FROM users WHERE email = 'alkohol@hammaro.test' RETURNING id`,
      [forshaga.id],
    );
    await api.db.query(`INSERT INTO memberships (user_id, unit_id, role) VALUES ($1, $2, 'licensing_officer')`, [outsider.id, unit.id]);
    for (const [who, email] of Object.entries({
      licensing: 'alkohol@hammaro.test',
      officer: 'polis@karlstad.polisen.test',
      commander: 'insatschef@karlstad.polisen.test',
      outsider: 'alkohol@forshaga.test',
    }))
      token[who] = await api.token(email);
    id.licensingUser = await api.userId('alkohol@hammaro.test');
    id.police = await api.userId('polis@karlstad.polisen.test');
    const premises = async (name: string) =>
      (
        await call('POST', '/premises', 'licensing', {
          collaborationId: id.collaboration,
          name,
          kind: 'nightclub',
          address: 'Kanalvägen 1',
          capacity: 300,
          hasOwnKitchen: true,
        })
      ).body.id as string;
    id.premises = await premises('Klubb Kanalen');
    id.other = await premises('Bryggan Bar');
    const holder = await call('POST', '/licence-holders', 'licensing', { name: 'Kanalen Nöje AB', orgNumber: '556016-0680' });
    const licence = await call('POST', '/licences', 'licensing', {
      holderId: holder.body.id,
      premisesId: id.premises,
      type: 'permanent',
      audience: 'public',
      drinkCategories: ['wine', 'strong_beer'],
      validFrom: '2020-03-01',
      servingManagers: [{ name: 'Jonas Berg', birthDate: '1979-09-30', notifiedOn: '2020-02-20' }],
    });
    id.licence = licence.body.id;
    // A police operation at the premises, executing, from which referrals are sent.
    const [{ id: commitment }] = await api.db.query(`SELECT id FROM commitments WHERE activity_kind = 'drug_sale_operation'`);
    const proposed = await call('POST', '/operations', 'officer', {
      collaborationId: id.collaboration,
      title: 'Insats mot langning i Lövnäs',
      area: 'Lövnäs centrum',
      premisesIds: [id.premises],
      commitmentId: commitment,
      plannedStart: '2026-11-20T21:00:00+01:00',
      plannedEnd: '2026-11-21T01:00:00+01:00',
      intelligence: 'Källa uppger försäljning av smuggelsprit vid klubben.',
      intelligenceReference: 'UR-2026-0400',
      userIds: [id.police],
    });
    id.op = proposed.body.id;
    const etag = async () => (await call('GET', `/operations/${id.op}`, 'commander')).headers.etag as string;
    await call('POST', `/operations/${id.op}/transition`, 'commander', { to: 'decided' }, { 'if-match': await etag() });
    await call('POST', `/operations/${id.op}/transition`, 'officer', { to: 'executing' }, { 'if-match': await etag() });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('lets a police inspector leave a tip on premises he inspects; the licensing officers are told, with the tip to open', async () => {
    expect(
      (await call('POST', `/premises/${id.premises}/tips`, 'officer', { receivedOn: day(0), source: 'police', summary: 'Trängsel i entrén.' })).status,
    ).toBe(404);
    // A coordinated inspection gives the police inspector read access to the premises.
    const coordinated = await book({
      type: 'coordinated',
      plannedStart: '2026-10-02T21:00:00+02:00',
      plannedEnd: '2026-10-02T23:00:00+02:00',
      inspectorIds: [id.licensingUser, id.police],
    });
    expect(coordinated.status).toBe(201);
    const tip = await call('POST', `/premises/${id.premises}/tips`, 'officer', {
      receivedOn: day(-1),
      source: 'police',
      summary: 'Vakterna släppte in minderåriga vid 23-tiden; kö utan kontroll av legitimation.',
    });
    expect(tip.status).toBe(201);
    id.tip = tip.body.id;
    expect(await api.db.query(`SELECT user_id, kind, resource_type, resource_id, body FROM notifications WHERE kind = 'premises_tip'`)).toEqual([
      {
        user_id: id.licensingUser,
        kind: 'premises_tip',
        resource_type: 'premises_tip',
        resource_id: id.tip,
        body: expect.stringContaining('Polisen har lämnat ett tips'),
      },
    ]);
    // The licensing officer's own tips notify nobody (he has read them).
    const own = await call('POST', `/premises/${id.other}/tips`, 'licensing', {
      receivedOn: day(-400),
      source: 'public',
      summary: 'Klagomål på musik efter kl. 01.',
    });
    expect(own.status).toBe(201);
    id.oldTip = own.body.id;
    expect(await api.db.query(`SELECT 1 FROM notifications WHERE resource_id = $1`, [id.oldTip])).toEqual([]);
  });

  it('reads a police referral in full, acknowledges it, and with it its tip on the risk score', async () => {
    const sent = await call('POST', `/operations/${id.op}/referrals`, 'officer', {
      premisesId: id.premises,
      observedOn: day(-2),
      observation: 'Märkbart berusade gäster serverades efter kl. 01; för få ordningsvakter.',
    });
    expect(sent.status).toBe(201);
    id.referral = sent.body.id;
    id.referralTip = sent.body.tipId;
    expect(id.referralTip).toEqual(expect.any(String));
    const [notice] = await api.db.query(`SELECT resource_type, resource_id FROM notifications WHERE kind = 'licensing_referral'`);
    expect(notice).toEqual({ resource_type: 'licensing_referral', resource_id: id.referral });

    const one = await call('GET', `/licensing-referrals/${id.referral}`, 'licensing');
    expect(one.body).toMatchObject({
      id: id.referral,
      premisesId: id.premises,
      premisesName: 'Klubb Kanalen',
      observation: 'Märkbart berusade gäster serverades efter kl. 01; för få ordningsvakter.',
      acknowledgedAt: null,
      tipId: id.referralTip,
    });
    // Direct tips are acknowledged on the tips list; referral tips with their referral.
    const direct = await call('GET', '/premises-tips?origin=direct', 'licensing');
    expect(direct.body.items.map((t: { id: string; countsInRisk: boolean }) => [t.id, t.countsInRisk])).toEqual([
      [id.oldTip, false],
      [id.tip, true],
    ]);
    const ofPremises = await call('GET', `/premises-tips?premisesId=${id.premises}`, 'licensing');
    expect(ofPremises.body.items.map((t: { id: string }) => t.id).sort()).toEqual([id.tip, id.referralTip].sort());
    const referralTip = ofPremises.body.items.find((t: { id: string }) => t.id === id.referralTip);
    expect(referralTip).toMatchObject({ origin: 'referral', source: 'police', recordedBy: 'Lokalpolisområde Karlstad', countsInRisk: true });
    expect(referralTip.summary).toContain('för få ordningsvakter');

    const acknowledged = await call('POST', `/licensing-referrals/${id.referral}/acknowledge`, 'licensing', { note: 'Tillsyn bokas.' });
    expect(acknowledged.body).toMatchObject({ acknowledgement: 'Tillsyn bokas.', acknowledgedByName: 'Johan Nyström' });
    expect((await call('GET', `/premises-tips/${id.referralTip}`, 'licensing')).body).toMatchObject({
      acknowledgement: 'Tillsyn bokas.',
      acknowledgedByName: 'Johan Nyström',
    });
    // The tip of the old complaint first: unacknowledged ones before acknowledged ones.
    const tipAck = await call('POST', `/premises-tips/${id.oldTip}/acknowledge`, 'licensing', { note: 'Ingen tillsyn behövs.' });
    expect(tipAck.status).toBe(200);
    expect(tipAck.body.acknowledgedAt).toEqual(expect.any(String));
    expect((await call('POST', `/premises-tips/${id.oldTip}/acknowledge`, 'licensing', {})).body.code).toBe('premises_tip.acknowledged');
    const open = await call('GET', '/premises-tips?open=true', 'licensing');
    expect(open.body.items.map((t: { id: string }) => t.id)).toEqual([id.tip]);
    const all = await call('GET', '/premises-tips', 'licensing');
    expect(all.body.items.map((t: { id: string }) => t.id)).toEqual([id.tip, id.referralTip, id.oldTip]);
  });

  it('lists referrals not yet acknowledged first', async () => {
    const second = await call('POST', `/operations/${id.op}/referrals`, 'officer', {
      premisesId: id.other,
      observedOn: day(-1),
      observation: 'Servering till underåriga vid baren.',
    });
    const list = await call('GET', '/licensing-referrals', 'licensing');
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([second.body.id, id.referral]);
    await call('POST', `/licensing-referrals/${second.body.id}/acknowledge`, 'licensing', {});
    const third = await call('POST', `/operations/${id.op}/referrals`, 'officer', {
      premisesId: id.premises,
      observedOn: day(-1),
      observation: 'Ny iakttagelse.',
    });
    expect((await call('GET', '/licensing-referrals', 'licensing')).body.items.map((r: { id: string }) => r.id)).toEqual([
      third.body.id,
      second.body.id,
      id.referral,
    ]);
  });

  it('books an inspection from a referral: the inspection and the tip record it', async () => {
    const wrong = await book({
      tipId: id.oldTip,
      plannedStart: '2026-12-11T21:00:00+01:00',
      plannedEnd: '2026-12-11T23:00:00+01:00',
      inspectorIds: [id.licensingUser],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([coded('tipId', 'inspection.tip_not_of_premises')]);
    const booked = await book({
      tipId: id.referralTip,
      plannedStart: '2026-12-11T21:00:00+01:00',
      plannedEnd: '2026-12-11T23:00:00+01:00',
      inspectorIds: [id.licensingUser],
    });
    expect(booked.status).toBe(201);
    id.fromReferral = booked.body.id;
    expect(booked.body.tipId).toBe(id.referralTip);
    expect((await call('GET', `/inspections/${id.fromReferral}`, 'licensing')).body.tipId).toBe(id.referralTip);
    expect((await call('GET', `/premises-tips/${id.referralTip}`, 'licensing')).body.inspections).toEqual([
      { id: id.fromReferral, plannedStart: expect.stringMatching(/^2026-12-11T20:00:00/) },
    ]);
    const [event] = (await api.auditEvents('inspection.schedule')).filter((e) => e.resource_id === id.fromReferral);
    expect(event.details).toEqual({ tipId: id.referralTip });
  });

  it('refuses a second inspection of the premises at an overlapping time, naming the first, like an inspector clash', async () => {
    const clash = await book({ plannedStart: '2026-12-11T22:00:00+01:00', plannedEnd: '2026-12-12T00:30:00+01:00', inspectorIds: [id.police] });
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({
      type: 'urn:samverkan:problem:inspection.premises_clash',
      code: 'inspection.premises_clash',
      params: { premises: 'Klubb Kanalen', start: '2026-12-11T20:00:00.000Z', end: '2026-12-11T22:00:00.000Z' },
      conflictingInspectionId: id.fromReferral,
    });
    // End to start is no overlap; other premises at the same time are free.
    expect((await book({ plannedStart: '2026-12-11T23:00:00+01:00', plannedEnd: '2026-12-12T00:00:00+01:00', inspectorIds: [id.police] })).status).toBe(201);
    expect(
      (await book({ premisesId: id.other, plannedStart: '2026-12-11T21:00:00+01:00', plannedEnd: '2026-12-11T22:00:00+01:00', inspectorIds: [id.police] }))
        .status,
    ).toBe(201);
    // An inspector booked elsewhere then is still the inspector clash.
    expect(
      (
        await book({
          premisesId: id.other,
          plannedStart: '2026-12-11T22:00:00+01:00',
          plannedEnd: '2026-12-11T23:00:00+01:00',
          inspectorIds: [id.licensingUser],
        })
      ).body.code,
    ).toBe('inspection.inspector_booked');
  });

  it('lets only one of two racing bookings of the premises through', async () => {
    const results = await Promise.all([
      book({ plannedStart: '2026-12-18T21:00:00+01:00', plannedEnd: '2026-12-18T23:00:00+01:00', inspectorIds: [id.licensingUser] }),
      book({ plannedStart: '2026-12-18T22:00:00+01:00', plannedEnd: '2026-12-19T00:00:00+01:00', inspectorIds: [id.police] }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const refused = results.find((r) => r.status === 409)!;
    expect(['inspection.premises_clash', 'inspection.booked_meanwhile']).toContain(refused.body.code);
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM inspections WHERE premises_id = $1 AND planned_start >= '2026-12-18' AND planned_start < '2026-12-19'`,
      [id.premises],
    );
    expect(n).toBe(1);
    // The database refuses it too, whoever writes.
    await expect(api.db.query(`UPDATE inspections SET planned_end = planned_end + interval '3 hours' WHERE id = $1`, [id.fromReferral])).rejects.toMatchObject({
      code: '23P01',
      constraint: 'inspections_no_premises_clash',
    });
  });

  it('frees the premises’ time when an inspection is cancelled', async () => {
    const first = await book({ plannedStart: '2026-12-25T21:00:00+01:00', plannedEnd: '2026-12-25T23:00:00+01:00', inspectorIds: [id.licensingUser] });
    const etag = (await call('GET', `/inspections/${first.body.id}`, 'licensing')).headers.etag as string;
    await call('POST', `/inspections/${first.body.id}/transition`, 'licensing', { to: 'cancelled', reason: 'Fel dag' }, { 'if-match': etag });
    expect((await book({ plannedStart: '2026-12-25T21:00:00+01:00', plannedEnd: '2026-12-25T23:00:00+01:00', inspectorIds: [id.licensingUser] })).status).toBe(
      201,
    );
  });

  it('sanction case: the hearing with its deadline, the holder’s answer, then the decision, in that order', async () => {
    const proposed = await call('POST', '/sanction-cases', 'officer', {
      licenceId: id.licence,
      grounds: 'Servering till märkbart berusade gäster, se underrättelsen.',
    });
    expect(proposed.status).toBe(201);
    const caseId = proposed.body.id;
    expect(proposed.body).toMatchObject({ stage: 'proposed', heardOn: null, responseDueOn: null, responseReceivedOn: null, response: null });
    const v = async () => (await call('GET', `/sanction-cases/${caseId}`, 'licensing')).headers.etag as string;
    const decide = async () =>
      call(
        'POST',
        `/sanction-cases/${caseId}/decision`,
        'licensing',
        { decision: 'varning', reasons: 'Allvarliga brister i ordning och nykterhet.' },
        { 'if-match': await v() },
      );
    const hear = async (body: Record<string, unknown>) => call('PUT', `/sanction-cases/${caseId}/hearing`, 'licensing', body, { 'if-match': await v() });
    const answer = async (body: Record<string, unknown>, etag?: string) =>
      call('PUT', `/sanction-cases/${caseId}/hearing/response`, 'licensing', body, { 'if-match': etag ?? (await v()) });

    expect((await decide()).body.errors).toEqual([coded('decision', 'sanction.not_heard')]);
    expect((await answer({ receivedOn: day(0), response: 'Vi bestrider.' })).body.errors).toEqual([coded('receivedOn', 'sanction.not_heard')]);
    expect((await hear({ heardOn: day(-7), responseDueOn: day(-7) })).body.errors).toEqual([coded('responseDueOn', 'date.after', { other: 'heardOn' })]);
    expect((await hear({ heardOn: day(1) })).body.errors).toEqual([coded('heardOn', 'date.in_future')]);
    const heard = await hear({ heardOn: day(-7) });
    expect(heard.status).toBe(200);
    expect(heard.body).toMatchObject({ heardOn: day(-7), responseDueOn: day(7), stage: 'awaiting_response' });
    const [deadline] = await api.db.query(
      `SELECT kind, status, to_char(due_on, 'YYYY-MM-DD') AS due FROM deadlines WHERE resource_type = 'sanction_case' AND resource_id = $1`,
      [caseId],
    );
    expect(deadline).toEqual({ kind: 'licence_holder_response', status: 'open', due: day(7) });

    expect((await decide()).body.errors).toEqual([coded('decision', 'sanction.awaiting_response', { dueOn: day(7) })]);
    expect((await answer({ receivedOn: day(-8), response: 'Vi bestrider.' })).body.errors).toEqual([
      coded('receivedOn', 'date.not_before', { other: 'heardOn' }),
    ]);
    expect((await answer({ receivedOn: day(-2), response: 'Vi bestrider.' }, '"1"')).status).toBe(412);
    const answered = await answer({ receivedOn: day(-2), response: 'Vi har anställt fler ordningsvakter och utbildat personalen.' });
    expect(answered.body).toMatchObject({
      stage: 'response_received',
      responseReceivedOn: day(-2),
      response: 'Vi har anställt fler ordningsvakter och utbildat personalen.',
    });
    expect((await api.db.query(`SELECT status FROM deadlines WHERE resource_type = 'sanction_case' AND resource_id = $1`, [caseId]))[0].status).toBe('met');

    expect((await hear({ heardOn: day(-1) })).body.errors).toEqual([coded('heardOn', 'sanction.hearing_answered')]);

    const decided = await decide();
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ decision: 'varning', stage: 'decided', decidedOn: day(0) });
    expect((await answer({ receivedOn: day(-1), response: 'Ett till svar.' })).body.code).toBe('sanction.decided');
    expect((await hear({ heardOn: day(-1) })).body.code).toBe('sanction.decided');
  });

  it('sanction case: decides once the time to answer has passed without an answer', async () => {
    const proposed = await call('POST', '/sanction-cases', 'licensing', { licenceId: id.licence, grounds: 'Upprepade brister i ålderskontrollen vid entrén.' });
    const caseId = proposed.body.id;
    const v = async () => (await call('GET', `/sanction-cases/${caseId}`, 'licensing')).headers.etag as string;
    const heard = await call(
      'PUT',
      `/sanction-cases/${caseId}/hearing`,
      'licensing',
      { heardOn: day(-30), responseDueOn: day(-16) },
      { 'if-match': await v() },
    );
    expect(heard.body).toMatchObject({ stage: 'response_time_passed', responseDueOn: day(-16) });
    const decided = await call(
      'POST',
      `/sanction-cases/${caseId}/decision`,
      'licensing',
      { decision: 'erinran', reasons: 'Inget svar kom in; bristerna kvarstår.' },
      { 'if-match': await v() },
    );
    expect(decided.status).toBe(200);
    const [deadline] = await api.db.query(`SELECT status FROM deadlines WHERE resource_type = 'sanction_case' AND resource_id = $1`, [caseId]);
    expect(deadline.status).not.toBe('open');
    id.sanction = caseId;
  });

  it('shows another municipality nothing: 404 on every tip, referral and hearing route; the police may not read tips', async () => {
    expect((await call('GET', `/premises-tips/${id.tip}`, 'outsider')).status).toBe(404);
    expect((await call('POST', `/premises-tips/${id.tip}/acknowledge`, 'outsider', {})).status).toBe(404);
    expect((await call('GET', `/licensing-referrals/${id.referral}`, 'outsider')).status).toBe(404);
    expect((await call('GET', `/premises-tips?premisesId=${id.premises}`, 'outsider')).status).toBe(404);
    expect((await call('GET', '/premises-tips', 'outsider')).body).toMatchObject({ items: [], total: 0 });
    expect(
      (await call('PUT', `/sanction-cases/${id.sanction}/hearing/response`, 'outsider', { receivedOn: day(0), response: 'Svar.' }, { 'if-match': '"1"' }))
        .status,
    ).toBe(404);
    expect(
      (
        await book(
          { premisesId: id.premises, plannedStart: '2027-01-08T21:00:00+01:00', plannedEnd: '2027-01-08T23:00:00+01:00', inspectorIds: [id.licensingUser] },
          'outsider',
        )
      ).status,
    ).toBe(404);
    expect((await call('GET', `/premises-tips/${id.tip}`, 'officer')).status).toBe(403);
    expect((await call('GET', `/premises-tips/00000000-0000-4000-8000-000000000000`, 'licensing')).status).toBe(404);
  });

  it('audits the reads and every change', async () => {
    const actions = async (action: string) => (await api.auditEvents(action)).map((e) => e.resource_id);
    expect(await actions('premises_tip.read')).toContain(id.referralTip);
    expect(await actions('premises_tip.acknowledge')).toEqual([id.oldTip]);
    expect((await api.auditEvents('premises_tip.list')).length).toBeGreaterThanOrEqual(4);
    expect(await actions('licensing_referral.read')).toEqual([id.referral]);
    expect((await actions('sanction.hearing')).length).toBe(2);
    expect((await actions('sanction.hearing_response')).length).toBe(1);
    const tips = (await api.auditEvents('premises.tip')).map((e) => (e.details as { tipId: string }).tipId);
    expect(tips).toEqual(expect.arrayContaining([id.tip, id.oldTip, id.referralTip]));
  });
});
