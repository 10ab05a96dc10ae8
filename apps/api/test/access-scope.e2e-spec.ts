import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NotFoundException } from '@nestjs/common';
import { AccessService, type Permission, type Principal, scopeCondition } from '@samverkan/access';
import { PrincipalService } from '@samverkan/identity';
import { FixedClock } from '@samverkan/platform';
import { TestApi } from './support/test-api.js';

/**
 * Record scopes and per-record grants against real SQL. The records live in a table made for
 * this test (domain tables come with later modules), with the ownership columns every domain
 * table carries: collaboration, organisation, unit, owner.
 */
describe('record scopes and grants', () => {
  const clock = new FixedClock(new Date('2026-11-27T09:00:00Z'));
  let api: TestApi;
  let access: AccessService;
  const ids: Record<string, string> = {};
  const principals: Record<string, Principal> = {};

  beforeAll(async () => {
    api = await TestApi.start({}, { clock });
    access = api.app.get(AccessService);
    const db = api.db;
    // A second municipality working with the same police area: its records must stay its own.
    const [forshaga] = await db.query(`INSERT INTO organisations (name, kind) VALUES ('Forshaga kommun', 'municipality') RETURNING id`);
    const [forshagaSocial] = await db.query(`INSERT INTO units (organisation_id, name) VALUES ($1, 'Socialtjänsten') RETURNING id`, [forshaga.id]);
    const police = await api.organisationId('Lokalpolisområde Karlstad');
    const [forshagaCollab] = await db.query(
      `INSERT INTO collaborations (name, police_organisation_id, municipality_organisation_id) VALUES ('Forshaga', $1, $2) RETURNING id`,
      [police, forshaga.id],
    );
    const [hammaro] = await db.query(`SELECT id FROM collaborations WHERE name = 'Hammarö'`);
    await db.query(`CREATE TABLE test_records (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(), title text NOT NULL, collaboration_id uuid,
      organisation_id uuid, unit_id uuid, owner_user_id uuid)`);
    const records: [string, string, string, string, string | null][] = [
      [
        'hammaro-social',
        hammaro.id,
        await api.organisationId('Hammarö kommun'),
        await api.unitId('Hammarö kommun', 'Socialtjänsten'),
        await api.userId('socialsekreterare@hammaro.test'),
      ],
      [
        'hammaro-licensing',
        hammaro.id,
        await api.organisationId('Hammarö kommun'),
        await api.unitId('Hammarö kommun', 'Alkoholhandläggning'),
        await api.userId('alkohol@hammaro.test'),
      ],
      [
        'police-hammaro',
        hammaro.id,
        police,
        await api.unitId('Lokalpolisområde Karlstad', 'Områdespolis Hammarö'),
        await api.userId('polis@karlstad.polisen.test'),
      ],
      ['forshaga-social', forshagaCollab.id, forshaga.id, forshagaSocial.id, null],
    ];
    for (const [title, collaborationId, organisationId, unitId, owner] of records) {
      const [row] = await db.query(
        `INSERT INTO test_records (title, collaboration_id, organisation_id, unit_id, owner_user_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [title, collaborationId, organisationId, unitId, owner],
      );
      ids[title] = row.id;
    }
    const loader = api.app.get(PrincipalService);
    for (const email of [
      'socialsekreterare@hammaro.test',
      'alkohol@hammaro.test',
      'chef@hammaro.test',
      'polis@karlstad.polisen.test',
      'socialchef@hammaro.test',
    ]) {
      principals[email.split('@')[0]] = (await loader.load(await api.userId(email)))!;
    }
  });

  afterAll(async () => {
    await api?.close();
  });

  const COLUMNS = {
    id: 'r.id',
    collaborationId: 'r.collaboration_id',
    organisationId: 'r.organisation_id',
    unitId: 'r.unit_id',
    ownerUserId: 'r.owner_user_id',
  };

  async function visible(principal: Principal, permission: Permission, now = clock.now()): Promise<string[]> {
    const scope = scopeCondition(principal, permission, COLUMNS, now);
    const [sql, params] = api.db
      .createQueryBuilder()
      .select('r.title', 'title')
      .from('test_records', 'r')
      .where(scope.sql, scope.params)
      .orderBy('r.title')
      .getQueryAndParameters();
    return (await api.db.query<{ title: string }[]>(sql, params)).map((r) => r.title);
  }

  const record = (title: string) => ({ id: ids[title] });

  it('unit scope: a social worker sees her own unit’s records only', async () => {
    expect(await visible(principals.socialsekreterare, 'youth_case:read')).toEqual(['hammaro-social']);
  });

  it('organisation scope: the licensing officer sees Hammarö kommun’s records, not the police’s or Forshaga’s', async () => {
    expect(await visible(principals.alkohol, 'premises:read')).toEqual(['hammaro-licensing', 'hammaro-social']);
  });

  it('collaboration scope: a Hammarö manager sees the Hammarö collaboration, not Forshaga', async () => {
    expect(await visible(principals.chef, 'promise:read')).toEqual(['hammaro-licensing', 'hammaro-social', 'police-hammaro']);
  });

  it('no grant: the police officer sees no youth-case records but his own (in youth_cases the owner is always a social-services coordinator)', async () => {
    expect(await visible(principals.polis, 'youth_case:read')).toEqual(['police-hammaro']);
    expect(await visible(principals.polis, 'youth_case:update')).toEqual([]);
  });

  it('a grant to a unit opens one record to it until the grant expires', async () => {
    const granter = principals.socialsekreterare;
    await access.grant(granter, {
      resourceType: 'youth_case',
      resourceId: ids['hammaro-social'],
      granteeType: 'unit',
      granteeId: await api.unitId('Lokalpolisområde Karlstad', 'Områdespolis Hammarö'),
      effect: 'grant',
      actions: ['read'],
      reason: 'SSPF-samverkan, samtycke från vårdnadshavare 2026-11-20',
      validUntil: new Date('2026-12-31T23:00:00Z'),
    });
    expect(await visible(principals.polis, 'youth_case:read')).toEqual(['hammaro-social', 'police-hammaro']);
    expect(await visible(principals.polis, 'youth_case:update')).toEqual([]);
    expect(await visible(principals.polis, 'youth_case:read', new Date('2027-01-01T00:00:00Z'))).toEqual(['police-hammaro']);

    const [event] = await api.auditEvents('record_grant.grant');
    expect(event).toMatchObject({ resource_id: ids['hammaro-social'], actor_user_id: granter.userId });
  });

  it('404 outside what one may read, 403 for a readable record and a forbidden action', async () => {
    const police = principals.polis;
    await expect(access.authorize(police, 'youth_case', 'read', record('hammaro-social'))).resolves.toBeUndefined();
    // Visible but forbidden: a 403 (the catalogue's status for the code) that names what was refused.
    await expect(access.authorize(police, 'youth_case', 'update', record('hammaro-social'))).rejects.toMatchObject({
      code: 'access.record_denied',
      params: { action: 'update', resourceType: 'youth_case' },
    });
    await expect(access.authorize(police, 'youth_case', 'read', record('forshaga-social'))).rejects.toBeInstanceOf(NotFoundException);
    await expect(access.authorize(police, 'youth_case', 'update', record('forshaga-social'))).rejects.toBeInstanceOf(NotFoundException);

    const denials = await api.auditEvents('youth_case.update');
    expect(denials.map((d) => [d.resource_id, d.outcome, d.details.status])).toEqual([
      [ids['hammaro-social'], 'denied', 403],
      [ids['forshaga-social'], 'denied', 404],
    ]);
  });

  it('records checked one at a time agree with the SQL scope', async () => {
    const worker = principals.socialsekreterare;
    for (const title of Object.keys(ids)) {
      const viaRecord = await access.can(worker, 'youth_case:read', {
        id: ids[title],
        ...(
          await api.db.query(
            `SELECT collaboration_id AS "collaborationId", organisation_id AS "organisationId", unit_id AS "unitId",
                  owner_user_id AS "ownerUserId" FROM test_records WHERE id = $1`,
            [ids[title]],
          )
        )[0],
      });
      expect(viaRecord).toBe((await visible(worker, 'youth_case:read')).includes(title));
    }
  });

  it('deny beats both the role and a grant', async () => {
    const manager = principals.socialchef;
    expect(await visible(manager, 'youth_case:read')).toEqual(['hammaro-social']);
    const grant = await access.grant(principals.socialsekreterare, {
      resourceType: 'youth_case',
      resourceId: ids['hammaro-social'],
      granteeType: 'user',
      granteeId: manager.userId,
      effect: 'grant',
      actions: ['read', 'update'],
      reason: 'Ärendet lyfts till enhetschef',
    });
    const deny = await access.grant(principals.socialsekreterare, {
      resourceType: 'youth_case',
      resourceId: ids['hammaro-social'],
      granteeType: 'user',
      granteeId: manager.userId,
      effect: 'deny',
      actions: ['read'],
      reason: 'Jäv: enhetschefen är släkt med den unge',
    });
    expect(await visible(manager, 'youth_case:read')).toEqual([]);
    await expect(access.authorize(manager, 'youth_case', 'read', record('hammaro-social'))).rejects.toBeInstanceOf(NotFoundException);

    await access.revokeGrant(principals.socialsekreterare, deny.id);
    expect(await visible(manager, 'youth_case:read')).toEqual(['hammaro-social']);
    await access.revokeGrant(principals.socialsekreterare, grant.id);
    await expect(access.revokeGrant(principals.socialsekreterare, grant.id)).rejects.toBeInstanceOf(NotFoundException);
  });

  it('a grant not yet valid does not open the record', async () => {
    await access.grant(principals.socialsekreterare, {
      resourceType: 'youth_case',
      resourceId: ids['hammaro-social'],
      granteeType: 'user',
      granteeId: principals.alkohol.userId,
      effect: 'grant',
      actions: ['read'],
      reason: 'Samordnad tillsyn planerad',
      validFrom: new Date('2026-12-01T00:00:00Z'),
    });
    expect(await visible(principals.alkohol, 'youth_case:read')).toEqual([]);
    await expect(access.authorize(principals.alkohol, 'youth_case', 'read', record('hammaro-social'))).rejects.toBeInstanceOf(NotFoundException);
    clock.set(new Date('2026-12-02T00:00:00Z'));
    await expect(access.authorize(principals.alkohol, 'youth_case', 'read', record('hammaro-social'))).resolves.toBeUndefined();
  });
});
