import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FixedClock } from '@samverkan/platform';
import { HAMMARO_PLACES, HAMMARO_PROMISE_TITLE, placesSeed } from '../src/seed/promises.seed.js';
import { coded, TestApi } from './support/test-api.js';

/**
 * Issue #20: the collaboration's named places and the findings register on the seeded Hammarö
 * promise. The safety coordinator records and manages; the guard's unit (Säkerhet/väktare) deals
 * with what it is made responsible for; a police officer of another unit reads but may not change.
 */
describe('named places and the findings register', () => {
  const clock = new FixedClock(new Date('2022-06-15T10:00:00Z'));
  let api: TestApi;
  let promiseId: string;
  let areaId: string;
  let municipality: string;
  let guardUnit: string;
  let policeUnit: string;
  const token: Record<string, string> = {};
  const place: Record<string, string> = {};
  let findingId: string;
  let other: { collaboration: string; promise: string; place: string; finding: string };

  beforeAll(async () => {
    // A small photo limit, so the test can send a body over it.
    api = await TestApi.start({ PHOTO_MAX_BYTES: String(64 * 1024) }, { clock, promises: true });
    await placesSeed().run(api.db.manager);
    for (const [key, email] of Object.entries({
      chef: 'chef@hammaro.test',
      trygghet: 'trygghet@hammaro.test',
      vakt: 'vaktare@hammaro.test',
      polis: 'polis@karlstad.polisen.test',
      social: 'socialsekreterare@hammaro.test',
    })) {
      token[key] = await api.token(email);
    }
    [{ id: promiseId }] = await api.db.query(`SELECT id FROM promises WHERE title = $1`, [HAMMARO_PROMISE_TITLE]);
    [{ id: areaId }] = await api.db.query(`SELECT id FROM problem_areas WHERE promise_id = $1 AND position = 2`, [promiseId]);
    for (const row of await api.db.query<{ id: string; name: string }[]>('SELECT id, name FROM places')) place[row.name] = row.id;
    municipality = await api.organisationId('Hammarö kommun');
    guardUnit = await api.unitId('Hammarö kommun', 'Säkerhet/väktare');
    policeUnit = await api.unitId('Lokalpolisområde Karlstad', 'Områdespolis Hammarö');

    // Another collaboration of the same police area, with a place and a finding of its own.
    const police = await api.organisationId('Lokalpolisområde Karlstad');
    const [forshaga] = await api.db.query(`INSERT INTO organisations (name, kind) VALUES ('Forshaga kommun', 'municipality') RETURNING id`);
    const [unit] = await api.db.query(`INSERT INTO units (organisation_id, name) VALUES ($1, 'Gatuenheten') RETURNING id`, [forshaga.id]);
    const [collab] = await api.db.query(
      `INSERT INTO collaborations (name, police_organisation_id, municipality_organisation_id) VALUES ('Forshaga', $1, $2) RETURNING id`,
      [police, forshaga.id],
    );
    const [promise] = await api.db.query(
      `INSERT INTO promises (collaboration_id, title, period_start, period_end) VALUES ($1, 'Medborgarlöfte Forshaga 2021–2023', '2021-01-01', '2023-12-31') RETURNING id`,
      [collab.id],
    );
    const [p] = await api.db.query(`INSERT INTO places (collaboration_id, name, kind) VALUES ($1, 'Forshaga torg', 'square') RETURNING id`, [collab.id]);
    const recorder = await api.userId('trygghet@hammaro.test');
    const [f] = await api.db.query(
      `INSERT INTO findings (collaboration_id, promise_id, place_id, category, description, responsible_organisation_id, responsible_unit_id,
         due_date, recorded_by, recorder_organisation_id, recorded_at)
       VALUES ($1, $2, $3, 'graffiti', 'Klotter på busskuren', $4, $5, '2022-07-01', $6, $4, now()) RETURNING id`,
      [collab.id, promise.id, p.id, forshaga.id, unit.id, recorder],
    );
    other = { collaboration: collab.id, promise: promise.id, place: p.id, finding: f.id };
  });

  afterAll(async () => {
    await api?.close();
  });

  const etag = async (path: string, who: string) => String((await api.call('GET', path, { token: token[who] })).headers.etag);

  describe('named places', () => {
    it('lists the collaboration’s places to its members, by name, and nothing of other collaborations to them', async () => {
      const list = await api.call('GET', '/api/v1/places?limit=200', { token: token.social });
      expect(list.status).toBe(200);
      expect(list.body.items.map((p: { name: string }) => p.name)).toEqual(HAMMARO_PLACES.map((p) => p.name).sort((a, b) => a.localeCompare(b, 'sv')));
      const harbours = await api.call('GET', '/api/v1/places?kind=harbour', { token: token.vakt });
      expect(harbours.body.items.map((p: { name: string }) => p.name)).toEqual(['Hammarlundens båthamn', 'Skoghalls båthamn']);
      expect(harbours.body.items[1]).toMatchObject({ kind: 'harbour', latitude: 59.3209, longitude: 13.4432 });
      expect((await api.call('GET', `/api/v1/places/${other.place}`, { token: token.chef })).status).toBe(404);
      // The police area works with both municipalities: its officers see both.
      expect((await api.call('GET', `/api/v1/places/${other.place}`, { token: token.polis })).status).toBe(200);
    });

    it('lets those who manage the promise add, change and remove places; refuses bad input at the field', async () => {
      const created = await api.call('POST', '/api/v1/places', {
        token: token.trygghet,
        body: { collaborationId: (await api.db.query(`SELECT id FROM collaborations WHERE name = 'Hammarö'`))[0].id, name: 'Kvarnbergsparken', kind: 'other' },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ name: 'Kvarnbergsparken', kind: 'other', latitude: null, longitude: null, version: 1 });
      const collaborationId = created.body.collaborationId;

      const duplicate = await api.call('POST', '/api/v1/places', {
        token: token.trygghet,
        body: { collaborationId, name: 'skoghalls båthamn', kind: 'harbour' },
      });
      expect(duplicate.status).toBe(400);
      expect(duplicate.body.errors).toEqual([coded('name', 'place.name_taken')]);
      const half = await api.call('POST', '/api/v1/places', { token: token.trygghet, body: { collaborationId, name: 'Halvt', kind: 'road', latitude: 59.3 } });
      expect(half.body.errors).toEqual([coded('longitude', 'place.position_pair')]);
      const bad = await api.call('POST', '/api/v1/places', {
        token: token.trygghet,
        body: { collaborationId, name: 'X', kind: 'lake', latitude: 95, longitude: 13 },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['kind', 'latitude', 'name']);
      // A guard reports on the promise but does not manage it; another collaboration's does not exist.
      expect((await api.call('POST', '/api/v1/places', { token: token.vakt, body: { collaborationId, name: 'Vaktens plats', kind: 'other' } })).status).toBe(
        403,
      );
      expect(
        (await api.call('POST', '/api/v1/places', { token: token.trygghet, body: { collaborationId: other.collaboration, name: 'Nej', kind: 'other' } }))
          .status,
      ).toBe(404);

      const path = `/api/v1/places/${created.body.id}`;
      const stale = await api.call('PATCH', path, { token: token.trygghet, headers: { 'if-match': '"7"' }, body: { latitude: 59.33, longitude: 13.49 } });
      expect(stale.status).toBe(412);
      const moved = await api.call('PATCH', path, {
        token: token.trygghet,
        headers: { 'if-match': await etag(path, 'trygghet') },
        body: { latitude: 59.33, longitude: 13.49 },
      });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ latitude: 59.33, longitude: 13.49, version: 2 });
      expect((await api.call('DELETE', path, { token: token.trygghet })).status).toBe(204);
      expect((await api.call('GET', path, { token: token.trygghet })).status).toBe(404);
      expect((await api.auditEvents('place.create')).map((e) => e.resource_id)).toEqual([created.body.id]);
      expect((await api.auditEvents('place.update')).map((e) => e.resource_id)).toEqual([created.body.id]);
      expect((await api.auditEvents('place.delete')).map((e) => e.resource_id)).toEqual([created.body.id]);
    });
  });

  describe('findings', () => {
    it('records a finding of a round at a named place, registers its due date as a deadline of the responsible unit, and audits it', async () => {
      const res = await api.call('POST', '/api/v1/findings', {
        token: token.vakt,
        body: {
          promiseId,
          placeId: place['Skoghalls båthamn'],
          category: 'vandalism',
          description: 'Sönderslagen glasruta i båtklubbens förråd',
          problemAreaId: areaId,
          responsibleOrganisationId: municipality,
          responsibleUnitId: guardUnit,
          dueDate: '2022-06-30',
        },
      });
      expect(res.status).toBe(201);
      findingId = res.body.id;
      expect(res.body).toMatchObject({
        promiseId,
        activityId: null,
        place: { id: place['Skoghalls båthamn'], name: 'Skoghalls båthamn', kind: 'harbour' },
        latitude: 59.3209,
        category: 'vandalism',
        problemArea: { id: areaId, title: 'Trafik' },
        responsibleOrganisation: { id: municipality, name: 'Hammarö kommun' },
        responsibleUnit: { id: guardUnit, name: 'Säkerhet/väktare' },
        dueDate: '2022-06-30',
        status: 'open',
        resolution: null,
        overdue: false,
        recordedBy: { displayName: 'Ahmed Hassan' },
        recorderOrganisation: { name: 'Hammarö kommun' },
        version: 1,
      });
      const [deadline] = await api.db.query(
        `SELECT status, responsible_unit_id, to_char(due_on, 'YYYY-MM-DD') AS due_on, title FROM deadlines WHERE kind = 'finding_due' AND resource_id = $1`,
        [findingId],
      );
      expect(deadline).toEqual({
        status: 'open',
        responsible_unit_id: guardUnit,
        due_on: '2022-06-30',
        title: 'Skoghalls båthamn: Sönderslagen glasruta i båtklubbens förråd',
      });
      const [event] = await api.auditEvents('finding.create');
      expect(event).toMatchObject({ resource_id: findingId, outcome: 'success', details: { category: 'vandalism', status: 'open' } });
    });

    it('records a finding at a phone’s position, and links the round it came from', async () => {
      const [activity] = await api.db.query(`SELECT ac.id FROM activities ac JOIN commitments c ON c.id = ac.commitment_id WHERE c.promise_id = $1 LIMIT 1`, [
        promiseId,
      ]);
      const res = await api.call('POST', '/api/v1/findings', {
        token: token.polis,
        body: {
          promiseId,
          activityId: activity.id,
          latitude: 59.3251,
          longitude: 13.4672,
          category: 'speeding',
          description: 'Många kör fort förbi busshållplatsen vid skolan',
          responsibleOrganisationId: municipality,
          responsibleUnitId: guardUnit,
          dueDate: '2022-09-30',
        },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        activityId: activity.id,
        place: null,
        latitude: 59.3251,
        longitude: 13.4672,
        recorderOrganisation: { name: 'Lokalpolisområde Karlstad' },
      });
    });

    it('refuses bad input with field messages', async () => {
      const base = {
        promiseId,
        category: 'graffiti',
        description: 'Klotter',
        responsibleOrganisationId: municipality,
        responsibleUnitId: guardUnit,
        dueDate: '2022-07-01',
      };
      const noPlace = await api.call('POST', '/api/v1/findings', { token: token.trygghet, body: base });
      expect(noPlace.status).toBe(400);
      expect(noPlace.body.errors).toEqual([coded('placeId', 'finding.place_required')]);
      const wrong = await api.call('POST', '/api/v1/findings', {
        token: token.trygghet,
        body: { ...base, placeId: other.place, responsibleUnitId: policeUnit, problemAreaId: other.promise },
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors).toEqual([
        coded('placeId', 'finding.place_unknown'),
        coded('problemAreaId', 'promise.problem_area_unknown'),
        coded('responsibleUnitId', 'action.unit_not_of_organisation'),
      ]);
      const shape = await api.call('POST', '/api/v1/findings', {
        token: token.trygghet,
        body: { ...base, placeId: place.Bymiljövägen, category: 'ufo', dueDate: '2022-02-30', description: '' },
      });
      expect(shape.status).toBe(400);
      expect(shape.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['category', 'description', 'dueDate']);
      // Reading the promise is not recording on it; another collaboration's promise does not exist here.
      expect((await api.call('POST', '/api/v1/findings', { token: token.social, body: { ...base, placeId: place.Bymiljövägen } })).status).toBe(403);
      expect(
        (await api.call('POST', '/api/v1/findings', { token: token.vakt, body: { ...base, promiseId: other.promise, placeId: other.place } })).status,
      ).toBe(404);
    });

    it('lists findings with filters, paginated, and nothing of another collaboration to its non-members', async () => {
      const all = await api.call('GET', '/api/v1/findings?limit=200', { token: token.chef });
      expect(all.status).toBe(200);
      expect(all.body.total).toBe(4); // the two seeded, and the two recorded above
      expect(all.body.items.map((f: { id: string }) => f.id)).not.toContain(other.finding);
      expect((await api.call('GET', `/api/v1/findings/${other.finding}`, { token: token.chef })).status).toBe(404);
      const byPlace = await api.call('GET', `/api/v1/findings?placeId=${place['Skoghalls båthamn']}`, { token: token.chef });
      expect(byPlace.body.items.map((f: { category: string }) => f.category).sort()).toEqual(['broken_lighting', 'vandalism']);
      const open = await api.call('GET', `/api/v1/findings?status=open&responsibleUnitId=${guardUnit}`, { token: token.chef });
      expect(open.body.total).toBe(2);
      const category = await api.call('GET', '/api/v1/findings?category=youth_gathering', { token: token.chef });
      expect(category.body.items.map((f: { place: { name: string } }) => f.place.name)).toEqual(['Mörmons centrum']);
      const page = await api.call('GET', '/api/v1/findings?limit=1&offset=1', { token: token.chef });
      expect(page.body).toMatchObject({ total: 4, limit: 1, offset: 1 });
      expect(page.body.items).toHaveLength(1);
      // Overdue: open or in progress past the due date (the seeded in-progress one is due 2022-11-30).
      expect((await api.call('GET', '/api/v1/findings?overdue=true', { token: token.chef })).body.total).toBe(0);
      clock.set(new Date('2022-07-01T10:00:00Z'));
      const overdue = await api.call('GET', '/api/v1/findings?overdue=true', { token: token.chef });
      expect(overdue.body.items.map((f: { id: string; overdue: boolean }) => [f.id, f.overdue])).toEqual([[findingId, true]]);
      clock.set(new Date('2022-06-15T10:00:00Z'));
      const bad = await api.call('GET', '/api/v1/findings?status=lost&limit=500', { token: token.chef });
      expect(bad.status).toBe(400);
    });

    it('lets the responsible unit take it through to done with If-Match, closing its deadline; done is final', async () => {
      const path = `/api/v1/findings/${findingId}`;
      // A police officer of another unit reads it but does not deal with it.
      expect((await api.call('PATCH', path, { token: token.polis, headers: { 'if-match': '"1"' }, body: { status: 'in_progress' } })).status).toBe(403);
      const started = await api.call('PATCH', path, { token: token.vakt, headers: { 'if-match': '"1"' }, body: { status: 'in_progress' } });
      expect(started.status).toBe(200);
      expect(started.body).toMatchObject({ status: 'in_progress', version: 2 });
      expect(started.headers.etag).toBe('"2"');
      const stale = await api.call('PATCH', path, { token: token.vakt, headers: { 'if-match': '"1"' }, body: { status: 'done', resolution: 'Rutan bytt' } });
      expect(stale.status).toBe(412);
      const noResolution = await api.call('PATCH', path, { token: token.vakt, headers: { 'if-match': '"2"' }, body: { status: 'done' } });
      expect(noResolution.status).toBe(400);
      expect(noResolution.body.errors).toEqual([coded('resolution', 'finding.resolution_required')]);
      const done = await api.call('PATCH', path, {
        token: token.vakt,
        headers: { 'if-match': '"2"' },
        body: { status: 'done', resolution: 'Rutan bytt, förrådet låst' },
      });
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ status: 'done', resolution: 'Rutan bytt, förrådet låst', resolvedAt: '2022-06-15T10:00:00.000Z', version: 3 });
      const [deadline] = await api.db.query(`SELECT status FROM deadlines WHERE kind = 'finding_due' AND resource_id = $1`, [findingId]);
      expect(deadline.status).toBe('met');
      const final = await api.call('PATCH', path, { token: token.vakt, headers: { 'if-match': '"3"' }, body: { status: 'open' } });
      expect(final.status).toBe(400);
      expect(final.body.errors).toEqual([coded('status', 'finding.final', { status: 'done' })]);
      const updates = (await api.auditEvents('finding.update')).filter((e) => e.resource_id === findingId && e.outcome === 'success');
      expect(updates.map((e) => e.details)).toEqual([
        { from: 'open', to: 'in_progress' },
        { from: 'in_progress', to: 'done' },
      ]);
      // The refused change by the police officer is audited as a denial.
      expect((await api.auditEvents('finding.update')).some((e) => e.resource_id === findingId && e.outcome !== 'success')).toBe(true);
    });

    it('rejects a finding with a reason, cancelling its deadline', async () => {
      const [f] = await api.db.query(`SELECT id, version FROM findings WHERE category = 'speeding'`);
      const rejected = await api.call('PATCH', `/api/v1/findings/${f.id}`, {
        token: token.trygghet,
        headers: { 'if-match': `"${f.version}"` },
        body: { status: 'rejected', resolution: 'Trafikverkets väg; anmält dit' },
      });
      expect(rejected.status).toBe(200);
      expect(rejected.body.status).toBe('rejected');
      const [deadline] = await api.db.query(`SELECT status FROM deadlines WHERE kind = 'finding_due' AND resource_id = $1`, [f.id]);
      expect(deadline.status).toBe('cancelled');
    });

    it('links a finding’s deadline to /findings/:id for those who may open it', async () => {
      const [f] = await api.db.query(`SELECT id FROM findings WHERE category = 'youth_gathering'`);
      // A place findings point at stays.
      const used = await api.call('DELETE', `/api/v1/places/${place['Mörmons centrum']}`, { token: token.trygghet });
      expect(used.status).toBe(409);
      expect(used.body.code).toBe('place.in_use');
      const queue = await api.call('GET', '/api/v1/work-queue?kind=finding_due&limit=200', { token: token.trygghet });
      expect(queue.status).toBe(200);
      expect(queue.body.items.map((i: { link: string }) => i.link)).toContain(`/findings/${f.id}`);
    });

    it('counts findings raised and fixed per problem area in the yearly report', async () => {
      const report = await api.call('GET', `/api/v1/promises/${promiseId}/follow-up-report?year=2022`, { token: token.chef });
      expect(report.status).toBe(200);
      // Trafik: the two seeded (one done in October) and the vandalism done in June; the speeding one has no area.
      expect(report.body.findings).toEqual([
        { problemAreaId: expect.any(String), problemAreaTitle: 'Alkohol- och narkotikarelaterad brottslighet', raised: 0, fixed: 0 },
        { problemAreaId: areaId, problemAreaTitle: 'Trafik', raised: 3, fixed: 2 },
        { problemAreaId: null, problemAreaTitle: null, raised: 1, fixed: 0 },
      ]);
      const earlier = await api.call('GET', `/api/v1/promises/${promiseId}/follow-up-report?year=2021`, { token: token.chef });
      expect(earlier.body.findings.every((f: { raised: number; fixed: number }) => f.raised === 0 && f.fixed === 0)).toBe(true);
      const html = await api.call('GET', `/api/v1/promises/${promiseId}/follow-up-report?year=2022&format=html`, { token: token.chef });
      expect(String(html.body)).toContain('<td>Trafik</td><td class="num">3</td><td class="num">2</td>');
      // The CSV for the board: the same counts in a table of their own after the commitments.
      const csv = await api.call('GET', `/api/v1/promises/${promiseId}/follow-up-report?year=2022&format=csv`, { token: token.chef });
      expect(csv.status).toBe(200);
      const lines = String(csv.body)
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      const table = lines.slice(lines.indexOf('"Problemområde";"Fynd registrerade";"Fynd åtgärdade"'));
      expect(lines[lines.length - table.length - 1]).toBe('');
      expect(table).toEqual([
        '"Problemområde";"Fynd registrerade";"Fynd åtgärdade"',
        '"Alkohol- och narkotikarelaterad brottslighet";"0";"0"',
        '"Trafik";"3";"2"',
        '"Utan problemområde";"1";"0"',
      ]);
      // A year without findings has no such table.
      const quiet = await api.call('GET', `/api/v1/promises/${promiseId}/follow-up-report?year=2021&format=csv`, { token: token.chef });
      expect(String(quiet.body)).not.toContain('Fynd registrerade');
    });

    it('shows the public counts of findings raised and fixed per problem area, live and without anything personal', async () => {
      await api.db.query('UPDATE promises SET published = true WHERE id = $1', [promiseId]);
      const counted = async () => {
        const res = await api.call('GET', `/api/v1/public/promises/${promiseId}`);
        expect(res.status).toBe(200);
        return res.body.findings as { problemArea: string | null; raised: number; fixed: number }[];
      };
      // Recorded and done from the period's start up to today (2022-06-15): the October fix is not yet.
      const expected = async (areaSql: string) => {
        const [row] = await api.db.query(
          `SELECT count(*) FILTER (WHERE recorded_at < '2022-06-16')::int AS raised,
                  count(*) FILTER (WHERE status = 'done' AND resolved_at < '2022-06-16')::int AS fixed
           FROM findings WHERE promise_id = $1 AND ${areaSql}`,
          [promiseId],
        );
        return row;
      };
      const before = await counted();
      expect(before).toEqual([
        { problemArea: 'Alkohol- och narkotikarelaterad brottslighet', raised: 0, fixed: 0 },
        { problemArea: 'Trafik', ...(await expected(`problem_area_id = '${areaId}'`)) },
        { problemArea: null, ...(await expected('problem_area_id IS NULL')) },
      ]);
      // Live: a new finding counts at once, with no follow-up approved or frozen.
      const created = await api.call('POST', '/api/v1/findings', {
        token: token.trygghet,
        body: {
          promiseId,
          placeId: place.Bymiljövägen,
          category: 'speeding',
          description: 'Bilar i 70 km/h förbi förskolan',
          problemAreaId: areaId,
          responsibleOrganisationId: municipality,
          responsibleUnitId: guardUnit,
          dueDate: '2022-08-31',
        },
      });
      expect(created.status).toBe(201);
      const after = await counted();
      expect(after[1]).toEqual({ ...before[1], raised: before[1].raised + 1 });
      // Counts only: no description, place, unit or person of any finding reaches the public answer.
      const text = JSON.stringify((await api.call('GET', `/api/v1/public/promises/${promiseId}`)).body);
      for (const secret of ['Bilar i 70 km/h', 'Sönderslagen glasruta', 'Säkerhet/väktare', 'Ahmed Hassan', 'Skoghalls båthamn'])
        expect(text).not.toContain(secret);
    });
  });

  describe('photos of findings', () => {
    const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
    const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
    let photoFinding: string;
    const upload = (id: string, bytes: Buffer, contentType: string, who = 'vakt') =>
      api.call('POST', `/api/v1/findings/${id}/photos`, { token: token[who], body: bytes, headers: { 'content-type': contentType } });

    beforeAll(async () => {
      // Recorded by the police officer, dealt with by the guards' unit.
      const res = await api.call('POST', '/api/v1/findings', {
        token: token.polis,
        body: {
          promiseId,
          placeId: place['Skoghalls båthamn'],
          category: 'broken_lighting',
          description: 'Lampan vid bryggan är trasig',
          responsibleOrganisationId: municipality,
          responsibleUnitId: guardUnit,
          dueDate: '2022-07-15',
        },
      });
      photoFinding = res.body.id;
    });

    it('takes a photo from the recorder or the responsible unit, real image bytes only, listed in the finding', async () => {
      const byRecorder = await upload(photoFinding, PNG, 'image/png', 'polis');
      expect(byRecorder.status).toBe(201);
      expect(byRecorder.body).toMatchObject({ contentType: 'image/png', byteSize: PNG.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
      const byUnit = await upload(photoFinding, JPEG, 'image/jpeg');
      expect(byUnit.status).toBe(201);
      const shown = await api.call('GET', `/api/v1/findings/${photoFinding}`, { token: token.social });
      expect(shown.body.photos).toEqual([
        { id: byRecorder.body.id, contentType: 'image/png', byteSize: PNG.length, uploadedAt: expect.any(String) },
        { id: byUnit.body.id, contentType: 'image/jpeg', byteSize: JPEG.length, uploadedAt: expect.any(String) },
      ]);
      const [added] = (await api.auditEvents('finding.photo_add')).filter((e) => e.resource_id === photoFinding);
      expect(added).toMatchObject({ outcome: 'success', details: { photoId: byRecorder.body.id, contentType: 'image/png' } });

      // Bad bodies are refused at the field, and nothing is stored.
      const blobs = async () => (await api.db.query(`SELECT count(*)::int AS n FROM photo_blobs`))[0].n;
      const stored = await blobs();
      const disguised = await upload(photoFinding, Buffer.from('<svg onload="alert(1)"></svg>'), 'image/png');
      expect(disguised.status).toBe(400);
      expect(disguised.body.errors).toEqual([coded('body', 'photo.type_mismatch')]);
      expect((await upload(photoFinding, PNG, 'image/jpeg')).body.errors).toEqual([coded('body', 'photo.type_mismatch')]);
      expect((await upload(photoFinding, Buffer.from('hej'), 'text/plain')).body.errors).toEqual([coded('body', 'photo.body_missing')]);
      // Over the size limit (PHOTO_MAX_BYTES): refused before it is read, as a problem.
      const huge = await upload(photoFinding, Buffer.concat([PNG, Buffer.alloc(64 * 1024)]), 'image/png');
      expect(huge.status).toBe(413);
      expect(huge.headers['content-type']).toMatch(/problem\+json/);
      expect(await blobs()).toBe(stored);

      // Someone who may read but neither recorded it nor deals with it: 403; another collaboration's finding: 404.
      expect((await upload(photoFinding, PNG, 'image/png', 'social')).status).toBe(403);
      expect((await upload(other.finding, PNG, 'image/png')).status).toBe(404);
    });

    it('allows at most 10 photos per finding', async () => {
      const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM promise_finding_photos WHERE finding_id = $1`, [photoFinding]);
      for (let i = n; i < 10; i++) expect((await upload(photoFinding, PNG, 'image/png')).status).toBe(201);
      const eleventh = await upload(photoFinding, PNG, 'image/png');
      expect(eleventh.status).toBe(400);
      expect(eleventh.body.errors).toEqual([coded('body', 'finding.photo_too_many', { max: 10 })]);
      const extra = await api.db.query(`SELECT id FROM promise_finding_photos WHERE finding_id = $1 ORDER BY uploaded_at DESC, id LIMIT 8`, [photoFinding]);
      for (const { id } of extra) expect((await api.call('DELETE', `/api/v1/findings/${photoFinding}/photos/${id}`, { token: token.vakt })).status).toBe(204);
    });

    it('serves the bytes to whoever may read the finding, auditing every view', async () => {
      const { photos } = (await api.call('GET', `/api/v1/findings/${photoFinding}`, { token: token.chef })).body;
      const read = await api.call('GET', `/api/v1/findings/${photoFinding}/photos/${photos[0].id}`, { token: token.social });
      expect(read.status).toBe(200);
      expect(read.headers['content-type']).toBe('image/png');
      expect(read.headers['cache-control']).toBe('private, no-store');
      expect(read.raw.equals(PNG)).toBe(true);
      const reads = await api.db.query(`SELECT actor_user_id FROM audit_events WHERE action = 'finding_photo.read' AND resource_id = $1`, [photoFinding]);
      expect(reads).toEqual([{ actor_user_id: await api.userId('socialsekreterare@hammaro.test') }]);
      // A photo is found only through its own finding; a finding one may not see has no photos to show.
      expect((await api.call('GET', `/api/v1/findings/${findingId}/photos/${photos[0].id}`, { token: token.chef })).status).toBe(404);
      expect((await api.call('GET', `/api/v1/findings/${other.finding}/photos/${photos[0].id}`, { token: token.chef })).status).toBe(404);
    });

    it('removes a photo by whoever may update the finding, while it is not done; a closed finding keeps its photos', async () => {
      const { photos, version } = (await api.call('GET', `/api/v1/findings/${photoFinding}`, { token: token.chef })).body;
      // The recorder (police, another unit) added it but does not deal with the finding.
      expect((await api.call('DELETE', `/api/v1/findings/${photoFinding}/photos/${photos[1].id}`, { token: token.polis })).status).toBe(403);
      expect((await api.call('DELETE', `/api/v1/findings/${photoFinding}/photos/${photos[1].id}`, { token: token.vakt })).status).toBe(204);
      expect((await api.call('GET', `/api/v1/findings/${photoFinding}`, { token: token.chef })).body.photos).toHaveLength(1);
      const removed = (await api.auditEvents('finding.photo_remove')).filter((e) => e.resource_id === photoFinding && e.outcome === 'success');
      expect(removed.map((e) => e.details)).toContainEqual({ photoId: photos[1].id });

      const done = await api.call('PATCH', `/api/v1/findings/${photoFinding}`, {
        token: token.vakt,
        headers: { 'if-match': `"${version}"` },
        body: { status: 'done', resolution: 'Lampan bytt' },
      });
      expect(done.status).toBe(200);
      const late = await upload(photoFinding, PNG, 'image/png');
      expect(late.status).toBe(400);
      expect(late.body.errors).toEqual([coded('status', 'finding.final', { status: 'done' })]);
      const keep = await api.call('DELETE', `/api/v1/findings/${photoFinding}/photos/${photos[0].id}`, { token: token.vakt });
      expect(keep.status).toBe(400);
      expect((await api.call('GET', `/api/v1/findings/${photoFinding}`, { token: token.chef })).body.photos).toHaveLength(1);
    });
  });

  describe('handing a finding to another unit', () => {
    it('lists the units of the promise’s two parties, and moves the finding and its deadline to one of them', async () => {
      const units = await api.call('GET', `/api/v1/findings/responsible-units?promiseId=${promiseId}`, { token: token.vakt });
      expect(units.status).toBe(200);
      const names = units.body.map((u: { organisation: { name: string }; name: string }) => `${u.organisation.name}: ${u.name}`);
      expect(names).toContain('Hammarö kommun: Säkerhet/väktare');
      expect(names).toContain('Lokalpolisområde Karlstad: Områdespolis Hammarö');
      expect(names.some((n: string) => n.startsWith('Forshaga kommun'))).toBe(false);
      // The municipality's units come first, then the police's.
      expect(names.indexOf('Hammarö kommun: Säkerhet/väktare')).toBeLessThan(names.indexOf('Lokalpolisområde Karlstad: Områdespolis Hammarö'));
      expect((await api.call('GET', `/api/v1/findings/responsible-units?promiseId=${other.promise}`, { token: token.chef })).status).toBe(404);
      expect((await api.call('GET', '/api/v1/findings/responsible-units?promiseId=nej', { token: token.chef })).status).toBe(400);

      const created = await api.call('POST', '/api/v1/findings', {
        token: token.vakt,
        body: {
          promiseId,
          placeId: place.Bymiljövägen,
          category: 'traffic_hazard',
          description: 'Skymd sikt vid övergångsstället',
          responsibleOrganisationId: municipality,
          responsibleUnitId: guardUnit,
          dueDate: '2022-08-15',
        },
      });
      const path = `/api/v1/findings/${created.body.id}`;
      const foreignUnit = (await api.db.query(`SELECT id FROM units WHERE name = 'Gatuenheten'`))[0].id;
      const refused = await api.call('PATCH', path, { token: token.vakt, headers: { 'if-match': '"1"' }, body: { responsibleUnitId: foreignUnit } });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([coded('responsibleUnitId', 'action.responsible_not_party')]);
      const moved = await api.call('PATCH', path, { token: token.vakt, headers: { 'if-match': '"1"' }, body: { responsibleUnitId: policeUnit } });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({
        responsibleUnit: { id: policeUnit, name: 'Områdespolis Hammarö' },
        responsibleOrganisation: { name: 'Lokalpolisområde Karlstad' },
        version: 2,
      });
      const [deadline] = await api.db.query(`SELECT responsible_unit_id FROM deadlines WHERE kind = 'finding_due' AND resource_id = $1`, [created.body.id]);
      expect(deadline.responsible_unit_id).toBe(policeUnit);
      const [event] = (await api.auditEvents('finding.update')).filter((e) => e.resource_id === created.body.id && e.outcome === 'success');
      expect(event.details).toEqual({ unitFrom: guardUnit, unitTo: policeUnit });
      // Now the police officer's unit deals with it, and the guards no longer may.
      expect((await api.call('PATCH', path, { token: token.vakt, headers: { 'if-match': '"2"' }, body: { status: 'in_progress' } })).status).toBe(403);
      expect((await api.call('PATCH', path, { token: token.polis, headers: { 'if-match': '"2"' }, body: { status: 'in_progress' } })).status).toBe(200);
    });
  });
});
