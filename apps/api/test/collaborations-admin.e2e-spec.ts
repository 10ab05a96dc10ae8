import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { coded, TestApi } from './support/test-api.js';

interface Collaboration {
  id: string;
  name: string;
  police: { id: string; name: string };
  municipality: { id: string; name: string };
  partners: { id: string; name: string }[];
}

/**
 * Collaborations, their partners and organisations' units, kept by the system administrator through
 * the api (collaboration:manage, organisation:manage). A partner's members see the promise from their
 * next request once it is added, and stop seeing it once it is removed — through the principal cache.
 */
describe('collaborations and units', () => {
  let api: TestApi;
  let admin: string;
  let police: string;
  let hammaro: string;
  let rescue: string;
  let hammaroCollaboration: Collaboration;

  beforeAll(async () => {
    api = await TestApi.start({}, { promises: true });
    admin = await api.token('admin@samverkan.test');
    police = await api.organisationId('Lokalpolisområde Karlstad');
    hammaro = await api.organisationId('Hammarö kommun');
    rescue = await api.organisationId('Karlstadsregionens räddningstjänstförbund');
  });

  afterAll(async () => {
    await api?.close();
  });

  async function createOrganisation(name: string, kind: string, units = ['Ledning']): Promise<string> {
    const created = await api.call('POST', '/api/v1/organisations', { token: admin, body: { name, kind, units } });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  it('lists every collaboration with its parties and partners, for the system administrator only', async () => {
    const list = await api.call('GET', '/api/v1/collaborations', { token: admin });
    expect(list.status).toBe(200);
    hammaroCollaboration = list.body.find((c: Collaboration) => c.municipality.id === hammaro);
    expect(hammaroCollaboration).toMatchObject({
      police: { id: police, name: 'Lokalpolisområde Karlstad' },
      partners: [{ id: rescue, name: 'Karlstadsregionens räddningstjänstförbund' }],
    });
    const manager = await api.token('chef@hammaro.test');
    const refused = await api.call('GET', '/api/v1/collaborations', { token: manager });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('access.permission_required');
  });

  it('creates a collaboration of a police organisation and a municipality, once per pair, and audits it', async () => {
    const forshaga = await createOrganisation('Forshaga kommun', 'municipality', ['Kommunledningskontoret']);
    const rescueForshaga = await createOrganisation('Räddningstjänsten Forshaga-Munkfors', 'rescue_service');

    // Parties of the wrong kind or none at all: 400 at each field, nothing stored.
    const wrongKinds = await api.call('POST', '/api/v1/collaborations', {
      token: admin,
      body: { name: 'Forshaga – fel', policeOrganisationId: rescueForshaga, municipalityOrganisationId: police },
    });
    expect(wrongKinds.status).toBe(400);
    expect(wrongKinds.body.errors).toEqual([
      coded('policeOrganisationId', 'collaboration.party_kind', { organisationKind: 'police' }),
      coded('municipalityOrganisationId', 'collaboration.party_kind', { organisationKind: 'municipality' }),
    ]);
    const unknown = await api.call('POST', '/api/v1/collaborations', {
      token: admin,
      body: { name: 'Forshaga – okänd', policeOrganisationId: '00000000-0000-4000-8000-000000000000', municipalityOrganisationId: forshaga },
    });
    expect(unknown.body.errors).toEqual([coded('policeOrganisationId', 'reference.not_found', { resource: 'organisation' })]);
    const malformed = await api.call('POST', '/api/v1/collaborations', { token: admin, body: { name: 'x', policeOrganisationId: 'polisen' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['municipalityOrganisationId', 'name', 'policeOrganisationId']);
    expect(await api.db.query(`SELECT 1 FROM collaborations WHERE name LIKE 'Forshaga%'`)).toEqual([]);

    const created = await api.call('POST', '/api/v1/collaborations', {
      token: admin,
      body: { name: '  Forshaga – Lokalpolisområde Karlstad ', policeOrganisationId: police, municipalityOrganisationId: forshaga },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Forshaga – Lokalpolisområde Karlstad',
      police: { id: police },
      municipality: { id: forshaga, name: 'Forshaga kommun' },
      partners: [],
    });
    const [event] = await api.auditEvents('collaboration.create');
    expect(event).toMatchObject({ resource_type: 'collaboration', resource_id: created.body.id, subject_organisation_id: forshaga, outcome: 'success' });

    const samePair = await api.call('POST', '/api/v1/collaborations', {
      token: admin,
      body: { name: 'Forshaga igen', policeOrganisationId: police, municipalityOrganisationId: forshaga },
    });
    expect(samePair.status).toBe(409);
    expect(samePair.body).toMatchObject({ code: 'collaboration.pair_taken', params: { name: 'Forshaga – Lokalpolisområde Karlstad' } });
    const grums = await createOrganisation('Grums kommun', 'municipality');
    const sameName = await api.call('POST', '/api/v1/collaborations', {
      token: admin,
      body: { name: 'Forshaga – Lokalpolisområde Karlstad', policeOrganisationId: police, municipalityOrganisationId: grums },
    });
    expect(sameName.status).toBe(409);
    expect(sameName.body.code).toBe('collaboration.name_taken');

    // The municipality's members now carry the collaboration (the principal cache was renewed on commit).
    const [unit] = await api.db.query<{ id: string }[]>(`SELECT id FROM units WHERE organisation_id = $1`, [forshaga]);
    const [user] = await api.db.query<{ id: string }[]>(
      `INSERT INTO users (organisation_id, email, display_name, password_hash)
       VALUES ($1, 'samordnare@forshaga.test', 'Sara Lund', (SELECT password_hash FROM users WHERE email = 'admin@samverkan.test')) RETURNING id`,
      [forshaga],
    );
    await api.db.query(`INSERT INTO memberships (user_id, unit_id, role, valid_from) VALUES ($1, $2, 'safety_coordinator', now() - interval '1 day')`, [
      user.id,
      unit.id,
    ]);
    const me = await api.call('GET', '/api/v1/me', { token: await api.token('samordnare@forshaga.test') });
    expect(me.body.collaborations.map((c: Collaboration) => c.id)).toEqual([created.body.id]);
  });

  it('adds and removes a partner; its members see the promise only while it is one', async () => {
    const rescueUser = await api.token('raddningstjanst@krf.test');
    const promises = async () => (await api.call('GET', '/api/v1/promises', { token: rescueUser })).body.items?.length ?? 0;
    expect(await promises()).toBeGreaterThan(0);
    const me = async () => (await api.call('GET', '/api/v1/me', { token: rescueUser })).body.collaborations.map((c: Collaboration) => c.id);
    expect(await me()).toEqual([hammaroCollaboration.id]);

    const path = `/api/v1/collaborations/${hammaroCollaboration.id}/partners/${rescue}`;
    expect((await api.call('DELETE', path, { token: admin })).status).toBe(204);
    expect(await me()).toEqual([]);
    expect(await promises()).toBe(0);
    expect((await api.call('DELETE', path, { token: admin })).status).toBe(404);

    const added = await api.call('PUT', path, { token: admin });
    expect(added.status).toBe(200);
    expect(added.body.partners).toEqual([{ id: rescue, name: 'Karlstadsregionens räddningstjänstförbund' }]);
    expect(await me()).toEqual([hammaroCollaboration.id]);
    expect(await promises()).toBeGreaterThan(0);
    // Adding it again changes nothing and writes no second entry.
    expect((await api.call('PUT', path, { token: admin })).body.partners).toHaveLength(1);
    expect((await api.auditEvents('collaboration.partner_add')).length).toBe(1);
    expect(await api.auditEvents('collaboration.partner_remove')).toEqual([
      expect.objectContaining({ resource_id: hammaroCollaboration.id, subject_organisation_id: rescue }),
    ]);
  });

  it('refuses a party as a partner, and an unknown collaboration or organisation', async () => {
    const partnerPath = (collaboration: string, organisation: string) => `/api/v1/collaborations/${collaboration}/partners/${organisation}`;
    for (const [organisation, kind] of [
      [police, 'police'],
      [hammaro, 'municipality'],
    ] as const) {
      const refused = await api.call('PUT', partnerPath(hammaroCollaboration.id, organisation), { token: admin });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([coded('organisationId', 'collaboration.partner_kind', { organisationKind: kind })]);
    }
    const nobody = '00000000-0000-4000-8000-000000000000';
    expect((await api.call('PUT', partnerPath(hammaroCollaboration.id, nobody), { token: admin })).body.errors).toEqual([
      coded('organisationId', 'reference.not_found', { resource: 'organisation' }),
    ]);
    expect((await api.call('PUT', partnerPath(nobody, rescue), { token: admin })).status).toBe(404);
    expect((await api.call('PUT', partnerPath('nej', rescue), { token: admin })).body.errors).toEqual([coded('id', 'field.uuid')]);
    const coordinator = await api.token('trygghet@hammaro.test');
    expect((await api.call('PUT', partnerPath(hammaroCollaboration.id, rescue), { token: coordinator })).status).toBe(403);
  });

  it('adds a unit to an organisation once per name', async () => {
    const path = `/api/v1/organisations/${hammaro}/units`;
    const added = await api.call('POST', path, { token: admin, body: { name: ' Socialtjänsten, vuxenenheten ' } });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ id: expect.any(String), name: 'Socialtjänsten, vuxenenheten' });
    const organisations = await api.call('GET', '/api/v1/organisations', { token: admin });
    const units = organisations.body.find((o: { id: string }) => o.id === hammaro).units.map((u: { name: string }) => u.name);
    expect(units).toContain('Socialtjänsten, vuxenenheten');
    const [event] = await api.auditEvents('organisation.unit_create');
    expect(event).toMatchObject({ resource_type: 'unit', resource_id: added.body.id, subject_organisation_id: hammaro });

    const again = await api.call('POST', path, { token: admin, body: { name: 'Socialtjänsten, vuxenenheten' } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'unit.name_taken', params: { name: 'Socialtjänsten, vuxenenheten' } });
    expect((await api.call('POST', path, { token: admin, body: { name: 'x' } })).body.errors).toEqual([coded('name', 'field.min_length', { min: 2 })]);
    // Stored trimmed: spaces alone are no name.
    expect((await api.call('POST', path, { token: admin, body: { name: '    ' } })).body.errors).toEqual([coded('name', 'field.pattern')]);
    const blankUnit = await api.call('POST', '/api/v1/organisations', { token: admin, body: { name: 'Kils kommun', kind: 'municipality', units: ['   '] } });
    expect(blankUnit.body.errors).toEqual([coded('units', 'field.pattern')]);
    expect(
      (await api.call('POST', `/api/v1/organisations/00000000-0000-4000-8000-000000000000/units`, { token: admin, body: { name: 'Enheten' } })).status,
    ).toBe(404);
    const orgAdmin = await api.token('it@hammaro.test');
    expect((await api.call('POST', path, { token: orgAdmin, body: { name: 'Egen enhet' } })).status).toBe(403);
  });
});
