import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { coded, TestApi } from './support/test-api.js';

interface Hit {
  kind: string;
  id: string;
  label: string;
  secondary: string;
  link: string;
}
interface Group {
  kind: string;
  items: Hit[];
  more: boolean;
}

/**
 * The header search (issue #17) on the Hammarö demo data: each kind found by the role that works
 * with it, only inside the caller's scope (another collaboration's premises, a youth case not
 * shared with the police, an operation outside the police), a personal number neither looked up
 * nor recorded, bad entries refused per field, and every search an audit event.
 */
describe('search', () => {
  let api: TestApi;
  const token: Record<string, string> = {};
  const search = async (who: string, q: string, limit?: number) => {
    const query = new URLSearchParams({ q, ...(limit ? { limit: String(limit) } : {}) });
    return api.call('GET', `/api/v1/search?${query}`, { token: token[who] });
  };
  const groups = async (who: string, q: string): Promise<Group[]> => {
    const res = await search(who, q);
    expect(res.status).toBe(200);
    expect(res.body.personalNumber).toBe(false);
    return res.body.groups;
  };
  const group = (all: Group[], kind: string) => all.find((g) => g.kind === kind);
  const labels = (all: Group[], kind: string) => group(all, kind)?.items.map((hit) => hit.label) ?? [];

  beforeAll(async () => {
    api = await TestApi.start({}, { demo: true });
    // A second officer of the police area, in another unit, who takes part in no operation.
    const officer = await api.userId('polis@karlstad.polisen.test');
    const [other] = await api.db.query(
      `INSERT INTO users (organisation_id, email, display_name, password_hash)
       SELECT organisation_id, 'ingripande@karlstad.polisen.test', 'Jonas Ek', password_hash FROM users WHERE id = $1 RETURNING id`,
      [officer],
    );
    await api.db.query(`INSERT INTO memberships (user_id, unit_id, role) VALUES ($1, $2, 'police_officer')`, [
      other.id,
      await api.unitId('Lokalpolisområde Karlstad', 'Ingripande'),
    ]);
    for (const [who, email] of Object.entries({
      other: 'ingripande@karlstad.polisen.test',
      licensing: 'alkohol@hammaro.test',
      social: 'socialsekreterare@hammaro.test',
      officer: 'polis@karlstad.polisen.test',
      commander: 'insatschef@karlstad.polisen.test',
      coordinator: 'trygghet@hammaro.test',
      manager: 'chef@hammaro.test',
    }))
      token[who] = await api.token(email);
    // Forshaga: a second municipality with the same police area, and premises of its own.
    const db = api.db;
    const [forshaga] = await db.query(`INSERT INTO organisations (name, kind) VALUES ('Forshaga kommun', 'municipality') RETURNING id`);
    const police = await api.organisationId('Lokalpolisområde Karlstad');
    const [collaboration] = await db.query(
      `INSERT INTO collaborations (name, police_organisation_id, municipality_organisation_id) VALUES ('Forshaga', $1, $2) RETURNING id`,
      [police, forshaga.id],
    );
    await db.query(
      `INSERT INTO premises (collaboration_id, owner_organisation_id, name, kind, address) VALUES ($1, $2, 'Forshaga Krog', 'restaurant', 'Storgatan 1')`,
      [collaboration.id, forshaga.id],
    );
    await db.query(`INSERT INTO licence_holders (owner_organisation_id, name, org_number) VALUES ($1, 'Forshaga Krog AB', '556036-0793')`, [forshaga.id]);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('finds premises by part of their name, whatever the case and accents, and links each to its page', async () => {
    const [bryggan] = await api.db.query(`SELECT id FROM premises WHERE name = 'Kafé Bryggan'`);
    const found = await groups('licensing', 'KAFE BRYGG');
    expect(group(found, 'premises')?.items).toEqual([
      { kind: 'premises', id: bryggan.id, label: 'Kafé Bryggan', secondary: expect.any(String), link: `/inspections/premises/${bryggan.id}` },
    ]);
    expect(labels(await groups('licensing', 'lovnas'), 'premises')).toEqual(['Lövnäs Pub & Kök']);
  });

  it('finds licence holders by name or organisation number, and premises by their holder’s number', async () => {
    const [holder] = await api.db.query(
      `SELECT h.id, h.org_number AS "orgNumber", p.id AS "premisesId" FROM licence_holders h JOIN licences l ON l.holder_id = h.id
       JOIN premises p ON p.id = l.premises_id WHERE h.name = 'Skoghalls Krog AB' LIMIT 1`,
    );
    const byName = await groups('licensing', 'skoghalls krog ab');
    expect(group(byName, 'licence_holder')?.items).toEqual([
      { kind: 'licence_holder', id: holder.id, label: 'Skoghalls Krog AB', secondary: holder.orgNumber, link: `/inspections/licences/holders/${holder.id}` },
    ]);
    const byNumber = await groups('licensing', holder.orgNumber.replace('-', ''));
    expect(labels(byNumber, 'licence_holder')).toEqual(['Skoghalls Krog AB']);
    expect(labels(byNumber, 'premises')).toEqual(['Skoghalls Krog']);
  });

  it('offers only the kinds the caller may search: absent, not empty, otherwise', async () => {
    const kinds = async (who: string) => (await groups(who, 'krog')).map((g) => g.kind);
    expect(await kinds('licensing')).toEqual(['premises', 'licence_holder', 'action', 'commitment']);
    expect(await kinds('social')).toEqual(['youth_case', 'action', 'commitment']);
    expect(await kinds('coordinator')).toEqual(['premises', 'licence_holder', 'action', 'commitment']);
    expect(await kinds('commander')).toEqual(['youth_case', 'premises', 'licence_holder', 'action', 'commitment', 'operation']);
  });

  it('keeps to the caller’s collaboration: another municipality’s premises and holders are not found', async () => {
    for (const who of ['licensing', 'manager', 'coordinator']) {
      const found = await groups(who, 'krog');
      expect(labels(found, 'premises')).toEqual(expect.arrayContaining(['Skoghalls Krog', 'Golfkrogen Hammarö']));
      expect(labels(found, 'premises')).not.toContain('Forshaga Krog');
      expect(labels(found, 'licence_holder')).not.toContain('Forshaga Krog AB');
      expect(labels(await groups(who, '556036-0793'), 'licence_holder')).toEqual([]);
    }
  });

  it('finds a youth case by its number for the social worker, never one the police may not read', async () => {
    const cases = await api.db.query<{ id: string }[]>(`SELECT id FROM youth_cases ORDER BY created_at`);
    const listed = await api.call('GET', '/api/v1/youth-cases?limit=200', { token: token.officer });
    const policeMayRead = new Set<string>(listed.body.items.map((c: { id: string }) => c.id));
    const hidden = cases.find((c) => !policeMayRead.has(c.id))!;
    expect(hidden).toBeDefined();
    const number = `UÄ-${hidden.id.slice(0, 8).toUpperCase()}`;

    const social = await groups('social', number);
    expect(group(social, 'youth_case')?.items).toEqual([
      { kind: 'youth_case', id: hidden.id, label: number, secondary: 'Hammarö kommun', link: `/youth-cases/${hidden.id}` },
    ]);
    expect(group(await groups('social', `uä-${hidden.id.slice(0, 4)}`), 'youth_case')?.items.map((hit) => hit.id)).toContain(hidden.id);

    expect(group(await groups('officer', number), 'youth_case')).toEqual({ kind: 'youth_case', items: [], more: false });
    for (const shown of policeMayRead) {
      const found = await groups('officer', `UÄ-${shown.slice(0, 8)}`);
      expect(group(found, 'youth_case')?.items.map((hit) => hit.id)).toEqual([shown]);
    }
  });

  it('finds operations by code name for the police only, and only those they may open', async () => {
    const [halloween] = await api.db.query(`SELECT id FROM operations WHERE title = 'Insats mot langning inför Halloween'`);
    const commander = await groups('commander', 'langning');
    expect(group(commander, 'operation')?.items).toEqual([
      {
        kind: 'operation',
        id: halloween.id,
        label: 'Insats mot langning inför Halloween',
        secondary: 'Skoghalls centrum',
        link: `/operations/${halloween.id}`,
      },
    ]);

    // The officer who takes part finds the operations they may open; one who takes part in none
    // sees in the list that operations exist, but finds none by code name.
    const listed = await api.call('GET', '/api/v1/operations?limit=200', { token: token.officer });
    const mayOpen = listed.body.items.filter((o: { canOpen: boolean; title: string | null }) => o.canOpen && /insats/i.test(o.title ?? ''));
    expect(mayOpen.length).toBeGreaterThan(0);
    const officer = group(await groups('officer', 'insats'), 'operation')!;
    expect(officer.items.map((hit) => hit.id).sort()).toEqual(mayOpen.map((o: { id: string }) => o.id).sort());
    const outsider = await api.call('GET', '/api/v1/operations?limit=200', { token: token.other });
    expect(outsider.body.items.length).toBeGreaterThan(0);
    expect(outsider.body.items.every((o: { canOpen: boolean }) => !o.canOpen)).toBe(true);
    expect(group(await groups('other', 'insats'), 'operation')).toEqual({ kind: 'operation', items: [], more: false });

    for (const who of ['coordinator', 'manager', 'social', 'licensing']) expect(group(await groups(who, 'langning'), 'operation')).toBeUndefined();
  });

  it('finds actions and commitments by part of their title, linked to their pages', async () => {
    const [action] = await api.db.query(`SELECT id, title FROM actions WHERE title LIKE 'Starta grannsamverkan%'`);
    const [commitment] = await api.db.query(`SELECT id, promise_id AS "promiseId" FROM commitments WHERE text LIKE 'Utveckla grannsamverkan%'`);
    const found = await groups('coordinator', 'GRANNSAMVERKAN');
    expect(group(found, 'action')?.items).toEqual(
      expect.arrayContaining([{ kind: 'action', id: action.id, label: action.title, secondary: expect.any(String), link: `/promise/actions/${action.id}` }]),
    );
    expect(group(found, 'commitment')?.items).toEqual([
      {
        kind: 'commitment',
        id: commitment.id,
        label: 'Utveckla grannsamverkan och starta nya grannsamverkansområden.',
        secondary: expect.any(String),
        link: `/promise?promise=${commitment.promiseId}`,
      },
    ]);
  });

  it('gives at most the limit of each kind and says when there are more', async () => {
    const found = await search('licensing', 'krog', 2);
    expect(found.status).toBe(200);
    const premises = group(found.body.groups, 'premises')!;
    expect(premises.items).toHaveLength(2);
    expect(premises.more).toBe(true);
  });

  it('answers a personal or coordination number as such: nothing looked up, nothing recorded', async () => {
    const before = (await api.auditEvents('search.performed')).length;
    for (const entry of ['199001011234', '20100621-2530', '100621-2530', '900161+1234']) {
      const res = await search('social', entry);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ personalNumber: true, groups: [] });
    }
    expect(await api.auditEvents('search.performed')).toHaveLength(before);
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE details::text LIKE '%199001011234%' OR details::text LIKE '%100621%'`,
    );
    expect(n).toBe(0);
  });

  it('refuses a bad entry with a field error', async () => {
    expect((await search('social', 'a')).body.errors).toEqual([coded('q', 'field.min_length', { min: 2 })]);
    expect((await search('social', '   x   ')).body.errors).toEqual([coded('q', 'field.min_length', { min: 2 })]);
    expect((await search('social', 'x'.repeat(101))).body.errors).toEqual([coded('q', 'field.max_length', { max: 100 })]);
    const missing = await api.call('GET', '/api/v1/search', { token: token.social });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual(expect.arrayContaining([coded('q', 'field.required')]));
    const limit = await search('social', 'krog', 21);
    expect(limit.status).toBe(400);
    expect(limit.body.errors).toEqual([coded('limit', 'field.max', { max: 20 })]);
    expect((await api.call('GET', '/api/v1/search?q=krog')).status).toBe(401);
  });

  it('records each search as a read: the kinds and counts, and the cases shown, never the entry', async () => {
    const [bryggan] = await api.db.query(`SELECT id FROM premises WHERE name = 'Kafé Bryggan'`);
    expect(bryggan).toBeDefined();
    await groups('licensing', 'Bryggan');
    const events = await api.auditEvents('search.performed');
    const last = events[events.length - 1];
    expect(last.actor_user_id).toBe(await api.userId('alkohol@hammaro.test'));
    expect(last.outcome).toBe('success');
    expect(last.details).toEqual({ entry: 'text', counts: { premises: 1, licence_holder: 1, action: 0, commitment: 0 } });
    expect(JSON.stringify(last.details)).not.toContain('Bryggan');

    const [shown] = await api.db.query(`SELECT id FROM youth_cases ORDER BY created_at LIMIT 1`);
    await groups('social', `UÄ-${shown.id.slice(0, 8)}`);
    const social = (await api.auditEvents('search.performed')).at(-1)!;
    expect(social.details).toEqual({ entry: 'case_number', counts: { youth_case: 1, action: 0, commitment: 0 }, caseIds: [shown.id] });
  });
});
