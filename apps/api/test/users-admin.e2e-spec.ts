import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ALL_PERMISSIONS, ROLE_NAMES } from '@samverkan/access';
import { DEMO_USERS } from '../src/seed/identity.seed.js';
import { coded, TestApi } from './support/test-api.js';

describe('user administration', () => {
  let api: TestApi;
  let orgAdmin: string;
  let systemAdmin: string;
  let hammaro: string;
  let police: string;

  beforeAll(async () => {
    api = await TestApi.start();
    orgAdmin = await api.token('it@hammaro.test');
    systemAdmin = await api.token('admin@samverkan.test');
    hammaro = await api.organisationId('Hammarö kommun');
    police = await api.organisationId('Lokalpolisområde Karlstad');
  });

  afterAll(async () => {
    await api?.close();
  });

  it('an org_admin lists only their own organisation’s users; a system_admin lists everyone', async () => {
    const mine = await api.call('GET', '/api/v1/users?limit=200', { token: orgAdmin });
    expect(mine.status).toBe(200);
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(new Set(mine.body.items.map((u: { organisation: { id: string } }) => u.organisation.id))).toEqual(new Set([hammaro]));
    expect(mine.body.total).toBe(mine.body.items.length);

    const all = await api.call('GET', '/api/v1/users?limit=200', { token: systemAdmin });
    // One per demo user.
    expect(all.body.total).toBe(DEMO_USERS.length);
    const searched = await api.call('GET', '/api/v1/users?q=mikael', { token: systemAdmin });
    expect(searched.body.items.map((u: { email: string }) => u.email)).toEqual(['polis@karlstad.polisen.test']);
  });

  it('paginates with a limit of at most 200', async () => {
    const page = await api.call('GET', '/api/v1/users?limit=2&offset=2', { token: systemAdmin });
    expect(page.body).toMatchObject({ limit: 2, offset: 2, total: DEMO_USERS.length });
    expect(page.body.items).toHaveLength(2);
    const tooMany = await api.call('GET', '/api/v1/users?limit=500', { token: systemAdmin });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors).toEqual([coded('limit', 'field.max', { max: 200 })]);
  });

  it('404 for a user outside the admin’s organisation, 403 for a role without user:read', async () => {
    const policeOfficer = await api.userId('polis@karlstad.polisen.test');
    expect((await api.call('GET', `/api/v1/users/${policeOfficer}`, { token: orgAdmin })).status).toBe(404);
    expect((await api.call('POST', `/api/v1/users/${policeOfficer}/deactivate`, { token: orgAdmin })).status).toBe(404);
    expect((await api.call('GET', `/api/v1/users/${policeOfficer}`, { token: systemAdmin })).status).toBe(200);

    const socialWorker = await api.token('socialsekreterare@hammaro.test');
    const forbidden = await api.call('GET', `/api/v1/users/${policeOfficer}`, { token: socialWorker });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.detail).toBe('Requires the permission user:read.');
    expect(await api.auditEvents('access.denied')).toEqual(
      expect.arrayContaining([expect.objectContaining({ actor_user_id: await api.userId('socialsekreterare@hammaro.test'), outcome: 'denied' })]),
    );
    expect((await api.call('GET', '/api/v1/users/not-a-uuid', { token: systemAdmin })).body.errors).toEqual([coded('id', 'field.uuid')]);
  });

  it('an org_admin creates users in their own organisation only', async () => {
    const created = await api.call('POST', '/api/v1/users', {
      token: orgAdmin,
      body: { email: 'Nils.Ek@Hammaro.test', displayName: 'Nils Ek', organisationId: hammaro, password: 'ett-långt-lösenord' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'nils.ek@hammaro.test', isActive: true, memberships: [] });
    expect(await api.auditEvents('user.create')).toEqual([
      expect.objectContaining({ resource_id: created.body.id, actor_user_id: await api.userId('it@hammaro.test') }),
    ]);

    const duplicate = await api.call('POST', '/api/v1/users', {
      token: orgAdmin,
      body: { email: 'nils.ek@hammaro.test', displayName: 'Nils Ek', organisationId: hammaro, password: 'ett-långt-lösenord' },
    });
    expect(duplicate.status).toBe(409);

    const elsewhere = await api.call('POST', '/api/v1/users', {
      token: orgAdmin,
      body: { email: 'xavier@polisen.test', displayName: 'Xavier Lund', organisationId: police, password: 'ett-långt-lösenord' },
    });
    expect(elsewhere.status).toBe(403);

    const bad = await api.call('POST', '/api/v1/users', {
      token: orgAdmin,
      body: { email: 'y@hammaro.test', displayName: 'Ylva Sund', organisationId: hammaro, password: 'kort' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([coded('password', 'field.min_length', { min: 12 })]);
    // Nothing half-written.
    expect(await api.db.query(`SELECT 1 FROM users WHERE email = 'y@hammaro.test'`)).toEqual([]);
  });

  it('refuses a password that is simple, common, published or built from the person’s name or address', async () => {
    const attempt = (password: string) =>
      api.call('POST', '/api/v1/users', {
        token: orgAdmin,
        body: { email: 'Ylva.Sund@hammaro.test', displayName: 'Ylva Sund', organisationId: hammaro, password },
      });
    const refusals: [string, string][] = [
      ['aaaaaaaaaaaa', 'password.too_simple'],
      ['            ', 'password.too_simple'],
      ['123456789012', 'password.too_simple'],
      ['abcabcabcabc', 'password.too_simple'],
      ['Password1234', 'password.too_common'],
      ['Samverkan-demo-2026', 'password.too_common'],
      ['ylva.sund@hammaro.test', 'password.contains_personal_data'],
      ['YlvaSund2026!', 'password.contains_personal_data'],
    ];
    for (const [password, code] of refusals) {
      const res = await attempt(password);
      expect({ password, status: res.status, errors: res.body.errors }).toEqual({ password, status: 400, errors: [coded('password', code)] });
    }
    expect(await api.db.query(`SELECT 1 FROM users WHERE email = 'ylva.sund@hammaro.test'`)).toEqual([]);
    expect((await attempt('Ylvas katt heter Morris, 7 år')).status).toBe(201);
  });

  it('gives and ends roles, which take effect on the next request', async () => {
    const userId = await api.userId('nils.ek@hammaro.test');
    const alkohol = await api.unitId('Hammarö kommun', 'Alkoholhandläggning');
    const given = await api.call('POST', `/api/v1/users/${userId}/memberships`, {
      token: orgAdmin,
      body: { unitId: alkohol, role: 'licensing_officer' },
    });
    expect(given.status).toBe(201);
    const membership = given.body.memberships[0];
    expect(membership).toMatchObject({ role: 'licensing_officer', unitName: 'Alkoholhandläggning', active: true });

    const nils = (await api.login('nils.ek@hammaro.test', 'ett-långt-lösenord')).accessToken;
    expect((await api.call('GET', '/api/v1/me', { token: nils })).body.permissions).toHaveProperty('inspection:plan', 'organisation');

    const ended = await api.call('POST', `/api/v1/users/${userId}/memberships/${membership.id}/end`, { token: orgAdmin });
    expect(ended.status).toBe(200);
    expect(ended.body.memberships[0].active).toBe(false);
    expect((await api.call('GET', '/api/v1/me', { token: nils })).body.permissions).toEqual({});
    expect((await api.call('POST', `/api/v1/users/${userId}/memberships/${membership.id}/end`, { token: orgAdmin })).status).toBe(409);
  });

  it('refuses roles that do not fit the organisation, and system_admin from an org_admin', async () => {
    const userId = await api.userId('nils.ek@hammaro.test');
    const social = await api.unitId('Hammarö kommun', 'Socialtjänsten');
    const wrongKind = await api.call('POST', `/api/v1/users/${userId}/memberships`, {
      token: orgAdmin,
      body: { unitId: social, role: 'police_officer' },
    });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.errors).toEqual([coded('role', 'role.organisation_kind', { role: 'police_officer', organisationKind: 'municipality' })]);

    const escalate = await api.call('POST', `/api/v1/users/${userId}/memberships`, {
      token: orgAdmin,
      body: { unitId: social, role: 'system_admin' },
    });
    expect(escalate.status).toBe(403);

    const policeUnit = await api.unitId('Lokalpolisområde Karlstad', 'Ingripande');
    const foreignUnit = await api.call('POST', `/api/v1/users/${userId}/memberships`, {
      token: orgAdmin,
      body: { unitId: policeUnit, role: 'manager' },
    });
    expect(foreignUnit.status).toBe(403);

    const unknownRole = await api.call('POST', `/api/v1/users/${userId}/memberships`, {
      token: orgAdmin,
      body: { unitId: social, role: 'superuser' },
    });
    expect(unknownRole.status).toBe(400);
    expect(unknownRole.body.errors[0].field).toBe('role');
  });

  it('nobody gives or ends their own roles: neither an org_admin nor a system_admin', async () => {
    const itAdmin = await api.userId('it@hammaro.test');
    const social = await api.unitId('Hammarö kommun', 'Socialtjänsten');
    const selfGrant = await api.call('POST', `/api/v1/users/${itAdmin}/memberships`, {
      token: orgAdmin,
      body: { unitId: social, role: 'social_services_manager' },
    });
    expect(selfGrant.status).toBe(403);
    expect(selfGrant.body).toMatchObject({ code: 'user.own_memberships' });

    const admin = await api.userId('admin@samverkan.test');
    const policeUnit = await api.unitId('Lokalpolisområde Karlstad', 'Ingripande');
    const commander = await api.call('POST', `/api/v1/users/${admin}/memberships`, {
      token: systemAdmin,
      body: { unitId: policeUnit, role: 'police_commander' },
    });
    expect(commander.status).toBe(403);
    expect(
      await api.db.query(`SELECT role FROM memberships WHERE user_id = ANY($1::uuid[]) AND role IN ('social_services_manager', 'police_commander')`, [
        [itAdmin, admin],
      ]),
    ).toEqual([]);

    const [own] = await api.db.query<{ id: string }[]>('SELECT id FROM memberships WHERE user_id = $1 LIMIT 1', [itAdmin]);
    expect((await api.call('POST', `/api/v1/users/${itAdmin}/memberships/${own.id}/end`, { token: orgAdmin })).body).toMatchObject({
      status: 403,
      code: 'user.own_memberships',
    });
    expect(await api.auditEvents('membership.create')).not.toEqual(expect.arrayContaining([expect.objectContaining({ resource_id: itAdmin })]));
  });

  it('an admin cannot deactivate themselves', async () => {
    const me = await api.userId('it@hammaro.test');
    expect((await api.call('POST', `/api/v1/users/${me}/deactivate`, { token: orgAdmin })).status).toBe(409);
  });

  it('lists organisations with their units within the caller’s scope', async () => {
    const mine = await api.call('GET', '/api/v1/organisations', { token: orgAdmin });
    expect(mine.body).toEqual([
      expect.objectContaining({
        name: 'Hammarö kommun',
        kind: 'municipality',
        units: expect.arrayContaining([expect.objectContaining({ name: 'Socialtjänsten' })]),
      }),
    ]);
    const all = await api.call('GET', '/api/v1/organisations', { token: systemAdmin });
    expect(all.body.map((o: { name: string }) => o.name)).toEqual([
      'Hammarö kommun',
      'Karlstadsregionens räddningstjänstförbund',
      'Lokalpolisområde Karlstad',
      'Samverkan drift',
    ]);
  });

  it('renders the role catalogue for those who read users; 403 without user:read', async () => {
    const catalogue = await api.call('GET', '/api/v1/roles', { token: systemAdmin });
    expect(catalogue.status).toBe(200);
    expect(catalogue.body.roles.map((r: { name: string }) => r.name)).toEqual(ROLE_NAMES);
    expect(catalogue.body.permissions.map((p: { name: string }) => p.name)).toEqual(ALL_PERMISSIONS);
    expect(catalogue.body.permissions).toContainEqual({ name: 'audit:verify', label: 'Kontrollera granskningsloggens kedja (Verify the audit chain)' });
    const role = (name: string) => catalogue.body.roles.find((r: { name: string }) => r.name === name);
    expect(role('auditor')).toEqual({
      name: 'auditor',
      label: 'Granskare (Auditor)',
      organisationKinds: ['police', 'municipality', 'rescue_service', 'other'],
      scope: 'organisation',
      permissions: [
        { name: 'audit:read', label: 'Läsa granskningsloggen (Read the audit trail)', scope: 'organisation' },
        { name: 'audit:verify', label: 'Kontrollera granskningsloggens kedja (Verify the audit chain)', scope: 'organisation' },
      ],
      restrictedAreas: [],
      grantAuthority: 'administrator',
      grantable: true,
    });
    // Who gives which role is derived from the catalogue; `grantable` is what the caller may give.
    expect(role('police_commander')).toMatchObject({ restrictedAreas: ['police'], grantAuthority: 'own_administrator', grantable: false });
    expect(role('social_worker')).toMatchObject({ restrictedAreas: ['social_services'], grantAuthority: 'own_administrator', grantable: false });
    const grantable = (body: { roles: { name: string; grantable: boolean }[] }) => body.roles.filter((r) => r.grantable).map((r) => r.name);
    expect(grantable(catalogue.body)).toEqual(['system_admin', 'org_admin', 'auditor']);
    // A permission held with another scope than the role's own keeps that scope.
    expect(role('police_officer')).toMatchObject({ organisationKinds: ['police'], scope: 'unit' });
    expect(role('police_officer').permissions).toEqual(
      expect.arrayContaining([
        { name: 'premises:read', label: 'Se serveringsställen och tillstånd (Read premises and licences)', scope: 'own' },
        { name: 'operation:propose', label: 'Föreslå insatser (Propose operations)', scope: 'unit' },
      ]),
    );

    const municipal = await api.call('GET', '/api/v1/roles', { token: orgAdmin });
    expect(municipal.status).toBe(200);
    expect(grantable(municipal.body)).toEqual([
      'org_admin',
      'social_worker',
      'social_services_manager',
      'licensing_officer',
      'municipal_guard',
      'safety_coordinator',
      'manager',
      'auditor',
    ]);
    const socialWorker = await api.token('socialsekreterare@hammaro.test');
    const forbidden = await api.call('GET', '/api/v1/roles', { token: socialWorker });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.detail).toBe('Requires the permission user:read.');
  });

  describe('roles that read youth cases or police intelligence (issue #15)', () => {
    const notices = async (kind: string) =>
      api.db.query<{ user_id: string; title: string; resource_id: string }[]>(
        'SELECT user_id, title, resource_id FROM notifications WHERE kind = $1 ORDER BY created_at, id',
        [kind],
      );

    it('a system_admin gives no domain role, and ends none: not social services’, not the police’s', async () => {
      const sara = await api.userId('socialsekreterare@hammaro.test');
      const mikael = await api.userId('polis@karlstad.polisen.test');
      const social = await api.unitId('Hammarö kommun', 'Socialtjänsten');
      const ingripande = await api.unitId('Lokalpolisområde Karlstad', 'Ingripande');
      const manager = await api.call('POST', `/api/v1/users/${sara}/memberships`, {
        token: systemAdmin,
        body: { unitId: social, role: 'social_services_manager' },
      });
      expect(manager.status).toBe(403);
      expect(manager.body).toMatchObject({ code: 'user.domain_role_needs_own_admin', params: { role: 'social_services_manager' } });
      const commander = await api.call('POST', `/api/v1/users/${mikael}/memberships`, {
        token: systemAdmin,
        body: { unitId: ingripande, role: 'police_commander' },
      });
      expect(commander.status).toBe(403);
      expect(commander.body).toMatchObject({ code: 'user.domain_role_needs_own_admin', params: { role: 'police_commander' } });
      const licensing = await api.call('POST', `/api/v1/users/${sara}/memberships`, {
        token: systemAdmin,
        body: { unitId: await api.unitId('Hammarö kommun', 'Alkoholhandläggning'), role: 'licensing_officer' },
      });
      expect(licensing.body).toMatchObject({ status: 403, code: 'user.domain_role_needs_own_admin' });

      const [saraRole] = await api.db.query<{ id: string }[]>(`SELECT id FROM memberships WHERE user_id = $1 AND role = 'social_worker'`, [sara]);
      const ending = await api.call('POST', `/api/v1/users/${sara}/memberships/${saraRole.id}/end`, { token: systemAdmin });
      expect(ending.body).toMatchObject({ status: 403, code: 'user.domain_role_needs_own_admin', params: { role: 'social_worker' } });
      expect(await api.db.query(`SELECT role, valid_until FROM memberships WHERE user_id = ANY($1::uuid[]) ORDER BY role`, [[sara, mikael]])).toEqual([
        { role: 'police_officer', valid_until: null },
        { role: 'social_worker', valid_until: null },
      ]);
    });

    it('a system_admin appoints an organisation’s administrators; its other admins are told', async () => {
      const nils = await api.userId('nils.ek@hammaro.test');
      const lena = await api.userId('it@hammaro.test');
      const appointed = await api.call('POST', `/api/v1/users/${nils}/memberships`, {
        token: systemAdmin,
        body: { unitId: await api.unitId('Hammarö kommun', 'Kommunledning'), role: 'org_admin' },
      });
      expect(appointed.status).toBe(201);
      expect(await api.auditEvents('membership.create')).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            resource_id: nils,
            actor_user_id: await api.userId('admin@samverkan.test'),
            details: expect.objectContaining({ role: 'org_admin', organisationId: hammaro }),
          }),
        ]),
      );
      // Lena, Hammarö's other administrator, is told; neither the actor nor Nils himself.
      expect(await notices('membership.create')).toEqual([
        { user_id: lena, title: 'Behörighet given: Organisationsadministratör (Organisation administrator)', resource_id: nils },
      ]);
    });

    it('the municipality’s own administrator gives and ends a social-services role; the other admins are told', async () => {
      const nils = await api.login('nils.ek@hammaro.test', 'ett-långt-lösenord');
      const lena = await api.userId('it@hammaro.test');
      const sara = await api.userId('socialsekreterare@hammaro.test');
      const given = await api.call('POST', `/api/v1/users/${sara}/memberships`, {
        token: nils.accessToken,
        body: { unitId: await api.unitId('Hammarö kommun', 'Socialtjänsten'), role: 'social_services_manager' },
      });
      expect(given.status).toBe(201);
      const membership = given.body.memberships.find((m: { role: string }) => m.role === 'social_services_manager');
      const ended = await api.call('POST', `/api/v1/users/${sara}/memberships/${membership.id}/end`, { token: nils.accessToken });
      expect(ended.status).toBe(200);
      expect((await notices('membership.create')).at(-1)).toEqual({
        user_id: lena,
        title: 'Behörighet given: Enhetschef socialtjänst (Social services manager)',
        resource_id: sara,
      });
      expect(await notices('membership.end')).toEqual([
        { user_id: lena, title: 'Behörighet avslutad: Enhetschef socialtjänst (Social services manager)', resource_id: sara },
      ]);
      expect(await api.auditEvents('membership.end')).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ resource_id: sara, details: expect.objectContaining({ membershipId: membership.id, role: 'social_services_manager' }) }),
        ]),
      );
    });

    it('a police role is given only by the police organisation’s own administrator', async () => {
      const mikael = await api.userId('polis@karlstad.polisen.test');
      const helena = await api.userId('insatschef@karlstad.polisen.test');
      const hammaroPolice = await api.unitId('Lokalpolisområde Karlstad', 'Områdespolis Hammarö');
      // Hammarö's administrator cannot reach into the police.
      const fromMunicipality = await api.call('POST', `/api/v1/users/${helena}/memberships`, {
        token: orgAdmin,
        body: { unitId: hammaroPolice, role: 'police_officer' },
      });
      expect(fromMunicipality.status).toBe(404);
      const appointed = await api.call('POST', `/api/v1/users/${mikael}/memberships`, {
        token: systemAdmin,
        body: { unitId: hammaroPolice, role: 'org_admin' },
      });
      expect(appointed.status).toBe(201);
      const policeAdmin = await api.token('polis@karlstad.polisen.test');
      const given = await api.call('POST', `/api/v1/users/${helena}/memberships`, {
        token: policeAdmin,
        body: { unitId: hammaroPolice, role: 'police_officer' },
      });
      expect(given.status).toBe(201);
      const intoMunicipality = await api.call('POST', `/api/v1/users/${helena}/memberships`, {
        token: policeAdmin,
        body: { unitId: await api.unitId('Hammarö kommun', 'Socialtjänsten'), role: 'social_worker' },
      });
      expect(intoMunicipality.body).toMatchObject({ status: 403, code: 'user.organisation_not_administered' });
    });

    it('a system_admin creates an organisation and appoints its first admin, who alone gives its domain roles', async () => {
      const body = { name: 'Karlstads kommun', kind: 'municipality', orgNumber: '2120001876', units: ['Kommunledningskontoret', 'Socialförvaltningen'] };
      const refused = await api.call('POST', '/api/v1/organisations', { token: orgAdmin, body });
      expect(refused.body).toMatchObject({ status: 403, code: 'access.permission_required' });
      const badNumber = await api.call('POST', '/api/v1/organisations', { token: systemAdmin, body: { ...body, orgNumber: '212000-1877' } });
      expect(badNumber.body.errors).toEqual([coded('orgNumber', 'org_number.invalid')]);
      const noUnit = await api.call('POST', '/api/v1/organisations', { token: systemAdmin, body: { ...body, units: [] } });
      expect(noUnit.status).toBe(400);

      const created = await api.call('POST', '/api/v1/organisations', { token: systemAdmin, body });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ name: 'Karlstads kommun', kind: 'municipality', orgNumber: '212000-1876' });
      expect(created.body.units.map((u: { name: string }) => u.name)).toEqual(['Kommunledningskontoret', 'Socialförvaltningen']);
      expect(await api.auditEvents('organisation.create')).toEqual([
        expect.objectContaining({ resource_id: created.body.id, actor_user_id: await api.userId('admin@samverkan.test') }),
      ]);
      const again = await api.call('POST', '/api/v1/organisations', { token: systemAdmin, body });
      expect(again.body).toMatchObject({ status: 409, code: 'organisation.name_taken', params: { name: 'Karlstads kommun' } });

      const [office, social] = created.body.units.map((u: { id: string }) => u.id);
      const person = (email: string, displayName: string) =>
        api.call('POST', '/api/v1/users', {
          token: systemAdmin,
          body: { email, displayName, organisationId: created.body.id, password: 'Vinterväg-Klarälven-2026' },
        });
      const admin = await person('it@karlstad.test', 'Karin Lund');
      const worker = await person('soc@karlstad.test', 'Omar Haddad');
      expect(
        await api.call('POST', `/api/v1/users/${admin.body.id}/memberships`, { token: systemAdmin, body: { unitId: office, role: 'org_admin' } }),
      ).toMatchObject({
        status: 201,
      });
      const bySystemAdmin = await api.call('POST', `/api/v1/users/${worker.body.id}/memberships`, {
        token: systemAdmin,
        body: { unitId: social, role: 'social_worker' },
      });
      expect(bySystemAdmin.body).toMatchObject({ status: 403, code: 'user.domain_role_needs_own_admin' });
      const karin = await api.login('it@karlstad.test', 'Vinterväg-Klarälven-2026');
      const byOwnAdmin = await api.call('POST', `/api/v1/users/${worker.body.id}/memberships`, {
        token: karin.accessToken,
        body: { unitId: social, role: 'social_worker' },
      });
      expect(byOwnAdmin.status).toBe(201);
    });
  });
});
