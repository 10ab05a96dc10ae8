import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PREMISES_POSITIONS } from '../src/seed/map.seed.js';
import { HAMMARO_PLACES } from '../src/seed/promises.seed.js';
import { coded, TestApi } from './support/test-api.js';

interface Feature {
  id: string;
  label: string;
  latitude: number;
  longitude: number;
  link: string | null;
  detail: string | null;
  status: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  radiusMetres: number | null;
}
interface Layer {
  layer: string;
  items: Feature[];
  more: boolean;
}

/**
 * Issue #20, the map: one endpoint draws premises, named places, findings and released operation
 * areas, each layer in the scope of its own list, filtered by a box in SQL. The demo data: Hammarö's
 * premises and places, two findings, two released summaries (the 2021 one named to Skoghalls
 * centrum); another collaboration (Forshaga) with a place, a finding and premises of its own.
 */
describe('the map', () => {
  let api: TestApi;
  const token: Record<string, string> = {};
  let forshaga: { collaboration: string; place: string; finding: string; premises: string };
  let hammaro: string;

  beforeAll(async () => {
    api = await TestApi.start({}, { demo: true });
    for (const [key, email] of Object.entries({
      trygghet: 'trygghet@hammaro.test',
      vakt: 'vaktare@hammaro.test',
      alkohol: 'alkohol@hammaro.test',
      polis: 'polis@karlstad.polisen.test',
      insatschef: 'insatschef@karlstad.polisen.test',
      admin: 'admin@samverkan.test',
    })) {
      token[key] = await api.token(email);
    }
    [{ id: hammaro }] = await api.db.query(`SELECT collaboration_id AS id FROM places LIMIT 1`);
    // Another collaboration of the same police area, everything placed inside Hammarö's box.
    const police = await api.organisationId('Lokalpolisområde Karlstad');
    const [municipality] = await api.db.query(`INSERT INTO organisations (name, kind) VALUES ('Forshaga kommun', 'municipality') RETURNING id`);
    const [unit] = await api.db.query(`INSERT INTO units (organisation_id, name) VALUES ($1, 'Gatuenheten') RETURNING id`, [municipality.id]);
    const [collab] = await api.db.query(
      `INSERT INTO collaborations (name, police_organisation_id, municipality_organisation_id) VALUES ('Forshaga', $1, $2) RETURNING id`,
      [police, municipality.id],
    );
    const [promise] = await api.db.query(
      `INSERT INTO promises (collaboration_id, title, period_start, period_end) VALUES ($1, 'Medborgarlöfte Forshaga 2021–2023', '2021-01-01', '2023-12-31') RETURNING id`,
      [collab.id],
    );
    const [place] = await api.db.query(
      `INSERT INTO places (collaboration_id, name, kind, latitude, longitude) VALUES ($1, 'Forshaga torg', 'square', 59.3250, 13.4650) RETURNING id`,
      [collab.id],
    );
    const recorder = await api.userId('trygghet@hammaro.test');
    const [finding] = await api.db.query(
      `INSERT INTO findings (collaboration_id, promise_id, place_id, category, description, responsible_organisation_id, responsible_unit_id,
         due_date, recorded_by, recorder_organisation_id, recorded_at)
       VALUES ($1, $2, $3, 'graffiti', 'Klotter på busskuren i Forshaga', $4, $5, '2022-07-01', $6, $4, now()) RETURNING id`,
      [collab.id, promise.id, place.id, municipality.id, unit.id, recorder],
    );
    const [premises] = await api.db.query(
      `INSERT INTO premises (collaboration_id, owner_organisation_id, name, kind, address, latitude, longitude)
       VALUES ($1, $2, 'Forshaga Gästgiveri', 'restaurant', 'Storgatan 1', 59.3251, 13.4651) RETURNING id`,
      [collab.id, municipality.id],
    );
    forshaga = { collaboration: collab.id, place: place.id, finding: finding.id, premises: premises.id };
  });

  afterAll(async () => {
    await api?.close();
  });

  const features = async (who: string, query = '') => {
    const res = await api.call('GET', `/api/v1/map/features${query}`, { token: token[who] });
    expect(res.status).toBe(200);
    return res.body.layers as Layer[];
  };
  const ids = (layers: Layer[], layer: string) => layers.find((l) => l.layer === layer)?.items.map((f) => f.id) ?? [];
  const labels = (layers: Layer[], layer: string) =>
    (layers.find((l) => l.layer === layer)?.items.map((f) => f.label) ?? []).sort((a, b) => a.localeCompare(b, 'sv'));

  it('tells the web client there is no tile server, and which layers the caller may read', async () => {
    const settings = await api.call('GET', '/api/v1/map/settings', { token: token.vakt });
    expect(settings.status).toBe(200);
    expect(settings.body).toEqual({ tileUrl: null, attribution: null, layers: ['place', 'finding'] });
    expect((await api.call('GET', '/api/v1/map/settings', { token: token.trygghet })).body.layers).toEqual(['premises', 'place', 'finding', 'operation_area']);
    expect((await api.call('GET', '/api/v1/map/settings', {})).status).toBe(401);
  });

  it('draws every layer of the collaboration for the safety coordinator, and nothing of another collaboration', async () => {
    const layers = await features('trygghet');
    expect(layers.map((l) => l.layer)).toEqual(['premises', 'place', 'finding', 'operation_area']);
    expect(labels(layers, 'premises')).toEqual(Object.keys(PREMISES_POSITIONS).sort((a, b) => a.localeCompare(b, 'sv')));
    expect(labels(layers, 'place')).toEqual(HAMMARO_PLACES.map((p) => p.name).sort((a, b) => a.localeCompare(b, 'sv')));
    expect(ids(layers, 'finding')).toHaveLength(2);
    for (const [layer, id] of [
      ['premises', forshaga.premises],
      ['place', forshaga.place],
      ['finding', forshaga.finding],
    ]) {
      expect(ids(layers, layer)).not.toContain(id);
    }
    const premises = layers[0].items.find((f) => f.label === 'Kafé Bryggan')!;
    expect(premises).toMatchObject({
      latitude: 59.3212,
      longitude: 13.4441,
      link: `/inspections/premises/${premises.id}`,
      detail: expect.stringContaining('Hammarö'),
    });
    const finding = layers[2].items[0];
    expect(finding.link).toBe(`/findings/${finding.id}`);
    expect(['open', 'in_progress', 'done', 'rejected']).toContain(finding.status);
  });

  it('shows a released operation only as a circle around a named place, with its general area and period — nothing of the operation', async () => {
    const [area] = (await features('trygghet', '?layers=operation_area')).filter((l) => l.layer === 'operation_area');
    const skoghall = HAMMARO_PLACES.find((p) => p.name === 'Skoghalls centrum')!;
    // The 2022 summary (all of Hammarö) names no place: it is not drawn.
    expect(area.items.map((f) => f.label)).toEqual(['Skoghall']);
    const item = area.items.find((f) => f.label === 'Skoghall')!;
    expect(item).toEqual({
      id: expect.any(String),
      label: 'Skoghall',
      latitude: skoghall.latitude,
      longitude: skoghall.longitude,
      link: null,
      detail: null,
      status: null,
      periodStart: '2021-10-29',
      periodEnd: '2021-10-30',
      radiusMetres: 400,
    });
    // The id is the released summary's, never the operation's.
    const [summary] = await api.db.query(`SELECT operation_id AS "operationId" FROM operation_summaries WHERE id = $1`, [item.id]);
    expect(summary.operationId).not.toBe(item.id);
  });

  it('draws for each caller only the layers of the lists they may read', async () => {
    // The guard reads the promise (places, findings), not the licence register nor the summaries.
    const guard = await features('vakt');
    expect(guard.map((l) => l.layer)).toEqual(['place', 'finding']);
    expect(await features('vakt', '?layers=premises,operation_area')).toEqual([]);
    // The licensing officer reads premises and the promise, not the police's summaries.
    expect((await features('alkohol')).map((l) => l.layer)).toEqual(['premises', 'place', 'finding']);
    // The police officer reads the summaries of both collaborations of the police area, and premises only as granted
    // for inspection: the very premises the register's list shows them.
    const police = await features('polis');
    expect(police.map((l) => l.layer)).toEqual(['premises', 'place', 'finding', 'operation_area']);
    const register = await api.call('GET', '/api/v1/premises?limit=200', { token: token.polis });
    expect(register.body.items.length).toBeLessThan(Object.keys(PREMISES_POSITIONS).length);
    expect(ids(police, 'premises').sort()).toEqual(register.body.items.map((p: { id: string }) => p.id).sort());
    expect(ids(police, 'place')).toContain(forshaga.place);
    // Someone who reads none of the lists gets an empty map.
    expect(await features('admin')).toEqual([]);
  });

  it('filters by the box and the collaboration in SQL', async () => {
    // A box around Skoghalls båthamn: the harbour and Kafé Bryggan beside it, nothing else.
    const box = '?bbox=13.440,59.320,13.446,59.322';
    const layers = await features('trygghet', box);
    expect(labels(layers, 'place')).toEqual(['Skoghalls båthamn']);
    expect(labels(layers, 'premises')).toEqual(['Kafé Bryggan']);
    expect(labels(layers, 'operation_area')).toEqual([]);
    // The police officer's Forshaga place, asked for by collaboration.
    const police = await features('polis', `?collaborationId=${forshaga.collaboration}&layers=place,finding`);
    expect(ids(police, 'place')).toEqual([forshaga.place]);
    expect(ids(police, 'finding')).toEqual([forshaga.finding]);
    const hammarosOwn = await features('polis', `?collaborationId=${hammaro}&layers=place&bbox=13.0,59.0,14.0,60.0`);
    expect(ids(hammarosOwn, 'place')).toHaveLength(HAMMARO_PLACES.length);
  });

  it('refuses a bad box or layer with 400 at the field, never 500', async () => {
    for (const bbox of ['13.6,59.3,13.4,59.45', '13.4,59.3,13.6', 'abc', '13.4,59.3,13.6,91', '-181,0,1,1']) {
      const res = await api.call('GET', `/api/v1/map/features?bbox=${encodeURIComponent(bbox)}`, { token: token.trygghet });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([coded('bbox', 'map.bbox')]);
    }
    const layer = await api.call('GET', '/api/v1/map/features?layers=premises,people', { token: token.trygghet });
    expect(layer.status).toBe(400);
    expect(layer.body.errors).toEqual([expect.objectContaining({ field: 'layers', code: 'field.one_of' })]);
    expect((await api.call('GET', '/api/v1/map/features?collaborationId=x', { token: token.trygghet })).status).toBe(400);
  });

  it('records each drawing of the map in the audit trail: the layers and how much each held', async () => {
    await features('vakt', '?bbox=13.440,59.320,13.446,59.322');
    const [event] = (await api.auditEvents('map.viewed')).slice(-1);
    expect(event.details).toEqual({ counts: { place: 1, finding: 1 }, bbox: '13.440,59.320,13.446,59.322' });
  });

  it('lets the commander name a place of the operation’s collaboration as the released area, and no other', async () => {
    // A reported operation not yet released, as the commander's flow leaves it (copied from a seeded one).
    const [op] = await api.db.query(
      `INSERT INTO operations (collaboration_id, owner_organisation_id, owner_unit_id, title, area, planned_start, planned_end,
         intelligence_sealed, intelligence_key_id, status, decided_by, decided_at, proposed_by)
       SELECT collaboration_id, owner_organisation_id, owner_unit_id, 'Kontroll vid båthamnen', area, planned_start, planned_end,
         intelligence_sealed, intelligence_key_id, 'outcome_reported', decided_by, decided_at, proposed_by
       FROM operations WHERE title = 'Insats mot langning inför Halloween' RETURNING id`,
    );
    await api.db.query(
      `INSERT INTO operation_outcomes (operation_id, seizures, arrests, reports_filed, persons_checked, places_checked, notes, reported_by, reported_at)
       SELECT $1, seizures, arrests, reports_filed, persons_checked, places_checked, notes, reported_by, reported_at
       FROM operation_outcomes o JOIN operations x ON x.id = o.operation_id WHERE x.title = 'Insats mot langning inför Halloween'`,
      [op.id],
    );
    const release = (body: Record<string, unknown>) => api.call('POST', `/api/v1/operations/${op.id}/release`, { token: token.insatschef, body });
    const foreign = await release({ area: 'Forshaga', placeId: forshaga.place });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toEqual([coded('placeId', 'operation.place_unknown')]);
    expect((await release({ area: 'Skoghall', placeId: 'nope' })).status).toBe(400);
    const [harbour] = await api.db.query(`SELECT id FROM places WHERE collaboration_id = $1 AND name = 'Skoghalls båthamn'`, [hammaro]);
    const released = await release({ area: 'Skoghalls hamnområde', placeId: harbour.id });
    expect(released.status).toBe(201);
    expect(released.body.placeId).toBe(harbour.id);
    const layers = await features('trygghet', '?layers=operation_area&bbox=13.440,59.320,13.446,59.322');
    expect(labels(layers, 'operation_area')).toEqual(['Skoghalls hamnområde']);
  });

  it('has a GiST index that serves the box filter (EXPLAIN)', async () => {
    const plan = await api.db.transaction(async (manager) => {
      // Few rows: the planner would rightly scan the table; forbid that to see the index can serve the filter.
      await manager.query('SET LOCAL enable_seqscan = off');
      const rows = await manager.query<{ 'QUERY PLAN': string }[]>(
        `EXPLAIN SELECT id FROM places WHERE latitude IS NOT NULL
           AND point(longitude::float8, latitude::float8) <@ box(point(13.44, 59.32), point(13.446, 59.322))`,
      );
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('places_position_idx');
  });
});
