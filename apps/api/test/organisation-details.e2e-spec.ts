import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { coded, TestApi } from './support/test-api.js';

/**
 * An organisation's details through the api: read by those who see the organisation (404 for the
 * rest), changed with If-Match by the system administrator or the organisation's own administrator. The contact is what the public page
 * and letters show; a municipality names the court its decisions are appealed to.
 */
describe('organisation details', () => {
  let api: TestApi;
  let admin: string;
  let hammaro: string;
  let police: string;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await api.token('admin@samverkan.test');
    hammaro = await api.organisationId('Hammarö kommun');
    police = await api.organisationId('Lokalpolisområde Karlstad');
  });

  afterAll(async () => {
    await api?.close();
  });

  const put = (id: string, version: number | null, body: unknown, token = admin) =>
    api.call('PUT', `/api/v1/organisations/${id}`, { token, body, headers: version === null ? {} : { 'if-match': `"${version}"` } });

  it('shows an organisation with its contact, its court and its version to those who see it, and is a 404 to the rest', async () => {
    const read = await api.call('GET', `/api/v1/organisations/${hammaro}`, { token: admin });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      id: hammaro,
      name: 'Hammarö kommun',
      kind: 'municipality',
      orgNumber: '212000-1850',
      contactPhone: '054-51 50 00',
      contactEmail: 'kommunen@hammaro.se',
      contactUrl: 'https://www.hammaro.se',
      appealCourt: 'Förvaltningsrätten i Karlstad',
      version: 1,
    });
    expect(read.body.units.map((u: { name: string }) => u.name)).toContain('Socialtjänsten');

    // The municipality's own administrator sees it; the police organisation is not theirs to see.
    const orgAdmin = await api.token('it@hammaro.test');
    expect((await api.call('GET', `/api/v1/organisations/${hammaro}`, { token: orgAdmin })).status).toBe(200);
    expect((await api.call('GET', `/api/v1/organisations/${police}`, { token: orgAdmin })).status).toBe(404);
    expect((await api.call('GET', '/api/v1/organisations/00000000-0000-4000-8000-000000000000', { token: admin })).status).toBe(404);
  });

  it('refuses bad details field by field, without If-Match, or from anyone but a system administrator — and changes nothing', async () => {
    const bad = await put(hammaro, 1, {
      name: ' ',
      orgNumber: '212000-1851',
      contactPhone: 'ring växeln',
      contactEmail: 'kommunen',
      contactUrl: 'www.hammaro.se',
      appealCourt: 'Tingsrätten i Karlstad',
    });
    expect(bad.status).toBe(400);
    expect([...new Set(bad.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual([
      'appealCourt',
      'contactEmail',
      'contactPhone',
      'contactUrl',
      'name',
    ]);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([coded('contactEmail', 'field.email'), coded('contactUrl', 'field.https'), coded('contactPhone', 'field.pattern')]),
    );
    // The organisation number's check digit is the service's check, after the shape of the request.
    const checkDigit = await put(hammaro, 1, { name: 'Hammarö kommun', orgNumber: '212000-1851' });
    expect(checkDigit.body.errors).toEqual([coded('orgNumber', 'org_number.invalid')]);
    // The public page links to the web site: only https, said in the same 400 as the other fields.
    const insecure = await put(hammaro, 1, { name: 'Hammarö kommun', contactUrl: 'http://www.hammaro.se', contactEmail: 'kommunen' });
    expect(insecure.body.errors).toEqual(expect.arrayContaining([coded('contactUrl', 'field.https'), coded('contactEmail', 'field.email')]));
    expect(insecure.body.errors).toHaveLength(2);
    // Only a municipality names an appeal court.
    const policeCourt = await put(police, 1, { name: 'Lokalpolisområde Karlstad', appealCourt: 'Förvaltningsrätten i Karlstad' });
    expect(policeCourt.status).toBe(400);
    expect(policeCourt.body.errors).toEqual([coded('appealCourt', 'organisation.appeal_court_municipality')]);

    const withoutVersion = await put(hammaro, null, { name: 'Hammarö kommun' });
    expect(withoutVersion.status).toBe(428);
    // Changing takes organisation:details: the licensing inspector has none; the municipality's own
    // administrator has it for Hammarö only, and the police organisation is a 404 to them.
    const inspector = await api.token('alkohol@hammaro.test');
    expect((await put(hammaro, 1, { name: 'Hammarö kommun' }, inspector)).status).toBe(403);
    const orgAdmin = await api.token('it@hammaro.test');
    expect((await put(police, 1, { name: 'Lokalpolisområde Karlstad' }, orgAdmin)).status).toBe(404);

    const [row] = await api.db.query(`SELECT name, org_number, contact_email, appeal_court, version FROM organisations WHERE id = $1`, [hammaro]);
    expect(row).toEqual({
      name: 'Hammarö kommun',
      org_number: '212000-1850',
      contact_email: 'kommunen@hammaro.se',
      appeal_court: 'Förvaltningsrätten i Karlstad',
      version: 1,
    });
    expect(await api.auditEvents('organisation.update')).toEqual([]);
  });

  it('replaces the details with the version read, audits what changed, and refuses a stale version or a name taken', async () => {
    const changed = await put(hammaro, 1, {
      name: 'Hammarö kommun',
      orgNumber: '2120001850',
      contactPhone: '054-51 50 00',
      contactEmail: 'registrator@hammaro.se',
      contactUrl: 'https://www.hammaro.se/kontakt',
      appealCourt: 'Förvaltningsrätten i Karlstad',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      orgNumber: '212000-1850',
      contactEmail: 'registrator@hammaro.se',
      contactUrl: 'https://www.hammaro.se/kontakt',
      version: 2,
    });
    const [event] = await api.auditEvents('organisation.update');
    expect(event).toMatchObject({ resource_type: 'organisation', resource_id: hammaro, subject_organisation_id: hammaro, outcome: 'success' });
    expect(event.changed_fields).toEqual(['contactEmail', 'contactUrl']);

    const stale = await put(hammaro, 1, { name: 'Hammarö kommun' });
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('version.stale');
    const taken = await put(hammaro, 2, { name: 'Lokalpolisområde Karlstad' });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'organisation.name_taken', params: { name: 'Lokalpolisområde Karlstad' } });

    // A field left out (or null) has no value after the change.
    const cleared = await put(hammaro, 2, { name: 'Hammarö kommun', orgNumber: '212000-1850', contactUrl: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ contactPhone: null, contactEmail: null, contactUrl: null, appealCourt: null, version: 3 });

    // The municipality's own administrator gives it back its contact and court, audited as theirs.
    const orgAdmin = await api.token('it@hammaro.test');
    const own = await put(
      hammaro,
      3,
      { name: 'Hammarö kommun', orgNumber: '212000-1850', contactEmail: 'kommunen@hammaro.se', appealCourt: 'Förvaltningsrätten i Karlstad' },
      orgAdmin,
    );
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ contactEmail: 'kommunen@hammaro.se', appealCourt: 'Förvaltningsrätten i Karlstad', version: 4 });
    const [byOrgAdmin] = await api.db.query<{ email: string; changed_fields: string[] }[]>(
      `SELECT u.email, e.changed_fields FROM audit_events e JOIN users u ON u.id = e.actor_user_id
       WHERE e.action = 'organisation.update' ORDER BY e.id DESC LIMIT 1`,
    );
    expect(byOrgAdmin).toEqual({ email: 'it@hammaro.test', changed_fields: ['contactEmail', 'appealCourt'] });
  });
});
