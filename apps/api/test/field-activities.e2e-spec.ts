import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FixedClock } from '@samverkan/platform';
import { HAMMARO_PROMISE_TITLE, placesSeed } from '../src/seed/promises.seed.js';
import { coded, TestApi } from './support/test-api.js';

/**
 * Issue #20, recording in the field on the seeded Hammarö promise (2020–2022): the rescue service
 * takes part as a partner of the collaboration and records the safety walks it walks; activities
 * carry a named place and a start time; what does not fit the promise is refused at its field.
 */
describe('field activities and the rescue service', () => {
  const clock = new FixedClock(new Date('2022-06-15T10:00:00Z'));
  let api: TestApi;
  let promiseId: string;
  let collaborationId: string;
  const token: Record<string, string> = {};
  const place: Record<string, string> = {};
  const commitment: Record<string, string> = {};
  const org: Record<string, string> = {};
  let otherPlace: string;
  let walkId: string;

  beforeAll(async () => {
    api = await TestApi.start({}, { clock, promises: true });
    await placesSeed().run(api.db.manager);
    for (const [key, email] of Object.entries({
      rtj: 'raddningstjanst@krf.test',
      trygghet: 'trygghet@hammaro.test',
      vakt: 'vaktare@hammaro.test',
      polis: 'polis@karlstad.polisen.test',
      chef: 'chef@hammaro.test',
    })) {
      token[key] = await api.token(email);
    }
    [{ id: promiseId, collaborationId }] = await api.db.query(`SELECT id, collaboration_id AS "collaborationId" FROM promises WHERE title = $1`, [
      HAMMARO_PROMISE_TITLE,
    ]);
    for (const row of await api.db.query<{ id: string; name: string }[]>('SELECT id, name FROM places')) place[row.name] = row.id;
    for (const row of await api.db.query<{ id: string; kind: string }[]>(
      'SELECT id, activity_kind AS kind FROM commitments WHERE promise_id = $1 AND activity_kind IS NOT NULL',
      [promiseId],
    )) {
      commitment[row.kind] = row.id;
    }
    org.police = await api.organisationId('Lokalpolisområde Karlstad');
    org.municipality = await api.organisationId('Hammarö kommun');
    org.rescue = await api.organisationId('Karlstadsregionens räddningstjänstförbund');
    // Another collaboration of the same police area, with a place of its own.
    const [forshaga] = await api.db.query(`INSERT INTO organisations (name, kind) VALUES ('Forshaga kommun', 'municipality') RETURNING id`);
    org.forshaga = forshaga.id;
    const [collab] = await api.db.query(
      `INSERT INTO collaborations (name, police_organisation_id, municipality_organisation_id) VALUES ('Forshaga', $1, $2) RETURNING id`,
      [org.police, forshaga.id],
    );
    [{ id: otherPlace }] = await api.db.query(`INSERT INTO places (collaboration_id, name, kind) VALUES ($1, 'Forshaga torg', 'square') RETURNING id`, [
      collab.id,
    ]);
  });

  afterAll(async () => {
    await api?.close();
  });

  const walk = (overrides: Record<string, unknown> = {}) => ({
    commitmentId: commitment.safety_walk,
    occurredOn: '2022-06-14',
    startTime: '18:30',
    kind: 'safety_walk',
    placeId: place['Skoghalls centrum'],
    participatingOrganisationIds: [org.municipality, org.police, org.rescue],
    metrics: { participants: 14, findings: 3 },
    note: 'Kvällsvandring med boende, polisen och räddningstjänsten.',
    ...overrides,
  });

  it('makes the rescue service a partner: its member reads the collaboration and its promise', async () => {
    const me = await api.call('GET', '/api/v1/me', { token: token.rtj });
    expect(me.status).toBe(200);
    expect(me.body.collaborations).toEqual([
      expect.objectContaining({ id: collaborationId, name: 'Hammarö', partners: [{ id: org.rescue, name: 'Karlstadsregionens räddningstjänstförbund' }] }),
    ]);
    expect(me.body.memberships).toEqual([expect.objectContaining({ role: 'rescue_service', organisation: expect.objectContaining({ id: org.rescue }) })]);
    expect((await api.call('GET', `/api/v1/promises/${promiseId}`, { token: token.rtj })).status).toBe(200);
  });

  it('offers each recorder the commitments of the running promise that take a kind they may record, with open actions, places and organisations', async () => {
    const kinds = async (who: string) => {
      const res = await api.call('GET', '/api/v1/activities/field-choices', { token: token[who] });
      expect(res.status).toBe(200);
      return res.body.collaborations.flatMap((c: { commitments: { activityKind: string }[] }) => c.commitments.map((m) => m.activityKind)).sort();
    };
    expect(await kinds('rtj')).toEqual(['safety_walk']);
    expect(await kinds('vakt')).toEqual(['guard_patrol', 'licensed_premises_inspection', 'safety_walk']);
    expect(await kinds('polis')).toEqual(['drug_sale_operation', 'licensed_premises_inspection', 'speed_check']);
    // A manager reads but does not record.
    expect((await api.call('GET', '/api/v1/activities/field-choices', { token: token.chef })).status).toBe(403);

    const res = await api.call('GET', '/api/v1/activities/field-choices', { token: token.rtj });
    const [hammaro] = res.body.collaborations;
    expect(hammaro).toMatchObject({ collaborationId, promiseId, periodStart: '2020-01-01', periodEnd: '2022-12-31' });
    expect(hammaro.places.map((p: { name: string }) => p.name)).toContain('Bymiljövägen');
    expect(hammaro.organisations).toEqual([
      { id: org.municipality, name: 'Hammarö kommun', kind: 'municipality' },
      { id: org.police, name: 'Lokalpolisområde Karlstad', kind: 'police' },
      { id: org.rescue, name: 'Karlstadsregionens räddningstjänstförbund', kind: 'rescue_service' },
    ]);
    const statuses = hammaro.commitments[0].actions.map((a: { status: string }) => a.status);
    expect(statuses.every((s: string) => s !== 'done' && s !== 'cancelled')).toBe(true);
  });

  it('lets the rescue service record a safety walk at a named place with three organisations, shown to the others with the place’s name', async () => {
    const created = await api.call('POST', '/api/v1/activities', { token: token.rtj, body: walk() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'safety_walk',
      occurredOn: '2022-06-14',
      startTime: '18:30',
      placeId: place['Skoghalls centrum'],
      placeName: 'Skoghalls centrum',
      place: '',
      ownerOrganisationId: org.rescue,
    });
    expect(created.body.participatingOrganisations.map((o: { id: string }) => o.id).sort()).toEqual([org.municipality, org.police, org.rescue].sort());
    walkId = created.body.id;
    expect(await api.auditEvents('activity.create')).toEqual(expect.arrayContaining([expect.objectContaining({ resource_id: walkId })]));

    // Listing still works for the others, and shows the place's name.
    const list = await api.call('GET', `/api/v1/activities?kind=safety_walk&from=2022-06-01&promiseId=${promiseId}`, { token: token.chef });
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id: walkId, placeName: 'Skoghalls centrum', startTime: '18:30' })]);
    const older = await api.call('GET', `/api/v1/activities?kind=guard_patrol&promiseId=${promiseId}&limit=1`, { token: token.polis });
    expect(older.body.items[0]).toMatchObject({ placeId: null, placeName: null, startTime: null });
    expect(older.body.items[0].place).not.toBe('');

    // What the walk found: the rescue service records it too.
    const finding = await api.call('POST', '/api/v1/findings', {
      token: token.rtj,
      body: {
        promiseId,
        activityId: walkId,
        placeId: place['Skoghalls centrum'],
        category: 'broken_lighting',
        description: 'Trasig belysning på gångvägen mot centrum, mörkt och otryggt',
        responsibleOrganisationId: org.municipality,
        responsibleUnitId: await api.unitId('Hammarö kommun', 'Kommunledning'),
        dueDate: '2022-08-31',
      },
    });
    expect(finding.status).toBe(201);
  });

  it('lets the rescue service change its own walk, with the same checks', async () => {
    const etag = String((await api.call('GET', `/api/v1/activities/${walkId}`, { token: token.rtj })).headers.etag);
    const changed = await api.call('PATCH', `/api/v1/activities/${walkId}`, {
      token: token.rtj,
      headers: { 'if-match': etag },
      body: walk({ commitmentId: undefined, startTime: '19:00', placeId: place['Mörmons centrum'] }),
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ startTime: '19:00', placeName: 'Mörmons centrum', version: 2 });
    const refused = await api.call('PATCH', `/api/v1/activities/${walkId}`, {
      token: token.rtj,
      headers: { 'if-match': `"${changed.body.version}"` },
      body: walk({ commitmentId: undefined, occurredOn: '2023-01-10', placeId: otherPlace, participatingOrganisationIds: [org.forshaga] }),
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      coded('occurredOn', 'activity.outside_period', { periodStart: '2020-01-01', periodEnd: '2022-12-31' }),
      coded('placeId', 'activity.place_unknown'),
      coded('participatingOrganisationIds', 'activity.participant_not_in_collaboration'),
    ]);
    const [row] = await api.db.query(`SELECT to_char(occurred_on, 'YYYY-MM-DD') AS d, version FROM activities WHERE id = $1`, [walkId]);
    expect(row).toEqual({ d: '2022-06-14', version: 2 });
  });

  it('refuses the rescue service what is not a safety walk, and everything of youth cases, licensing and operations', async () => {
    // Police commitment, another kind: the party rule.
    const speed = await api.call('POST', '/api/v1/activities', {
      token: token.rtj,
      body: { commitmentId: commitment.speed_check, occurredOn: '2022-06-14', kind: 'speed_check' },
    });
    expect(speed.status).toBe(403);
    expect(speed.body.code).toBe('promise.party_only');
    // A walk entered under the guards' rounds is not a walk under a walks commitment.
    const onPatrols = await api.call('POST', '/api/v1/activities', { token: token.rtj, body: walk({ commitmentId: commitment.guard_patrol }) });
    expect(onPatrols.status).toBe(403);
    // Changing the promise's actions is for the parties.
    const [action] = await api.db.query(`SELECT id, version FROM actions WHERE commitment_id = $1 LIMIT 1`, [commitment.safety_walk]);
    const progress = await api.call('PATCH', `/api/v1/actions/${action.id}`, {
      token: token.rtj,
      headers: { 'if-match': `"${action.version}"` },
      body: { progress: 50 },
    });
    expect(progress.status).toBe(403);
    const statuses: Record<string, number> = {};
    for (const path of [
      '/api/v1/youth-cases',
      '/api/v1/premises',
      '/api/v1/licences',
      '/api/v1/inspections',
      '/api/v1/operations',
      '/api/v1/operation-summaries',
    ]) {
      statuses[path] = (await api.call('GET', path, { token: token.rtj })).status;
    }
    expect(statuses).toEqual({
      '/api/v1/youth-cases': 403,
      '/api/v1/premises': 403,
      '/api/v1/licences': 403,
      '/api/v1/inspections': 403,
      // The police's operations do not exist for those outside the police (the repo's rule for that area).
      '/api/v1/operations': 404,
      '/api/v1/operation-summaries': 403,
    });
    // Another collaboration's place does not exist for the rescue service.
    expect((await api.call('GET', `/api/v1/places/${otherPlace}`, { token: token.rtj })).status).toBe(404);
  });

  it('refuses an activity on a done or cancelled action, outside the promise’s period, with a stranger organisation or another collaboration’s place', async () => {
    const [open] = await api.db.query<{ id: string }[]>(`SELECT id FROM actions WHERE commitment_id = $1 ORDER BY title LIMIT 1`, [commitment.guard_patrol]);
    const [closed] = await api.db.query<{ id: string }[]>(
      `INSERT INTO actions (commitment_id, collaboration_id, title, responsible_organisation_id, responsible_unit_id, start_date, due_date,
         status, progress, completed_at)
       VALUES ($1, $2, 'Extra ronder vid skolorna under sportlovet', $3, $4, '2022-02-21', '2022-02-27', 'done', 100, '2022-02-27T16:00:00Z') RETURNING id`,
      [commitment.guard_patrol, collaborationId, org.municipality, await api.unitId('Hammarö kommun', 'Säkerhet/väktare')],
    );
    const round = (overrides: Record<string, unknown>) => ({
      commitmentId: commitment.guard_patrol,
      occurredOn: '2022-06-14',
      startTime: '22:15',
      kind: 'guard_patrol',
      placeId: place['Skoghalls båthamn'],
      metrics: { findings: 1, contacts_with_youth: 4 },
      ...overrides,
    });
    const before = await api.db.query(`SELECT count(*)::int AS n FROM activities`);

    const onClosed = await api.call('POST', '/api/v1/activities', { token: token.vakt, body: round({ actionId: closed.id }) });
    expect(onClosed.status).toBe(400);
    expect(onClosed.body.errors).toEqual([coded('actionId', 'activity.action_closed')]);
    await api.db.query(`UPDATE actions SET status = 'cancelled', status_reason = 'Vakanser', completed_at = NULL, progress = 0 WHERE id = $1`, [closed.id]);
    const onCancelled = await api.call('POST', '/api/v1/activities', { token: token.vakt, body: round({ actionId: closed.id }) });
    expect(onCancelled.body.errors).toEqual([coded('actionId', 'activity.action_closed')]);

    const early = await api.call('POST', '/api/v1/activities', { token: token.vakt, body: round({ occurredOn: '2019-12-31' }) });
    expect(early.status).toBe(400);
    expect(early.body.errors).toEqual([coded('occurredOn', 'activity.outside_period', { periodStart: '2020-01-01', periodEnd: '2022-12-31' })]);
    const stranger = await api.call('POST', '/api/v1/activities', {
      token: token.vakt,
      body: round({ participatingOrganisationIds: [org.municipality, org.forshaga] }),
    });
    expect(stranger.body.errors).toEqual([coded('participatingOrganisationIds', 'activity.participant_not_in_collaboration')]);
    const elsewhere = await api.call('POST', '/api/v1/activities', { token: token.vakt, body: round({ placeId: otherPlace }) });
    expect(elsewhere.body.errors).toEqual([coded('placeId', 'activity.place_unknown')]);
    const badTime = await api.call('POST', '/api/v1/activities', { token: token.vakt, body: round({ startTime: '24:10' }) });
    expect(badTime.status).toBe(400);
    expect(badTime.body.errors).toEqual([coded('startTime', 'field.pattern')]);
    expect(await api.db.query(`SELECT count(*)::int AS n FROM activities`)).toEqual(before);

    // On an open action, in the period, at a named place: recorded.
    const ok = await api.call('POST', '/api/v1/activities', { token: token.vakt, body: round({ actionId: open.id }) });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ actionId: open.id, placeName: 'Skoghalls båthamn', startTime: '22:15' });

    // Update: moving it onto the closed action is refused; once recorded on an action that closes later it stays editable.
    const etag = `"${ok.body.version}"`;
    const moved = await api.call('PATCH', `/api/v1/activities/${ok.body.id}`, {
      token: token.vakt,
      headers: { 'if-match': etag },
      body: { ...round({ actionId: closed.id }), commitmentId: undefined },
    });
    expect(moved.body.errors).toEqual([coded('actionId', 'activity.action_closed')]);
    await api.db.query(`UPDATE actions SET status = 'done', progress = 100, completed_at = now() WHERE id = $1`, [open.id]);
    const noted = await api.call('PATCH', `/api/v1/activities/${ok.body.id}`, {
      token: token.vakt,
      headers: { 'if-match': etag },
      body: { ...round({ note: 'Ungdomar samlades vid bryggan, lugnt när vi gick.' }), commitmentId: undefined },
    });
    expect(noted.status).toBe(200);
    expect(noted.body).toMatchObject({ actionId: open.id, note: 'Ungdomar samlades vid bryggan, lugnt när vi gick.' });
  });

  it('keeps a named place that activities point at', async () => {
    const res = await api.call('DELETE', `/api/v1/places/${place['Mörmons centrum']}`, { token: token.trygghet });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('place.in_use');
  });
});
