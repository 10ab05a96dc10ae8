import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AccessService } from '@samverkan/access';
import { PrincipalService } from '@samverkan/identity';
import { coded, TestApi } from './support/test-api.js';

describe('the licence register (Alkohollagen 2010:1622)', () => {
  let api: TestApi;
  let officer: string;
  let collaborationId: string;
  let holderId: string;
  let premisesId: string;
  let kitchenless: string;

  const manager = (birthDate: string, notifiedOn = '2021-05-03') => ({ name: 'Lisa Andersson', birthDate, notifiedOn });

  beforeAll(async () => {
    api = await TestApi.start();
    officer = await api.token('alkohol@hammaro.test');
    [{ id: collaborationId }] = await api.db.query(`SELECT id FROM collaborations WHERE name = 'Hammarö'`);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('registers holders only with a valid organisation number, once', async () => {
    const bad = await api.call('POST', '/api/v1/licence-holders', { token: officer, body: { name: 'Skoghalls Krog AB', orgNumber: '556016-0681' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([coded('orgNumber', 'org_number.invalid')]);
    const ok = await api.call('POST', '/api/v1/licence-holders', {
      token: officer,
      body: { name: 'Skoghalls Krog AB', orgNumber: '5560160680', contactName: 'Peter Lund', contactEmail: 'peter@skoghallskrog.test' },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.orgNumber).toBe('556016-0680');
    holderId = ok.body.id;
    expect((await api.call('POST', '/api/v1/licence-holders', { token: officer, body: { name: 'Dubblett AB', orgNumber: '556016-0680' } })).status).toBe(409);
  });

  it('registers premises in the municipality’s collaboration', async () => {
    const krog = await api.call('POST', '/api/v1/premises', {
      token: officer,
      body: {
        collaborationId,
        name: 'Skoghalls Krog',
        kind: 'restaurant',
        address: 'Skoghallsvägen 12',
        postalCode: '663 30',
        city: 'Skoghall',
        capacity: 120,
        hasOwnKitchen: true,
      },
    });
    expect(krog.status).toBe(201);
    premisesId = krog.body.id;
    const bar = await api.call('POST', '/api/v1/premises', {
      token: officer,
      body: { collaborationId, name: 'Hamnbaren', kind: 'bar', address: 'Hamnvägen 2', hasOwnKitchen: false, postalCode: '66' },
    });
    expect(bar.status).toBe(400);
    expect(bar.body.errors).toEqual([coded('postalCode', 'field.pattern')]);
    const fixed = await api.call('POST', '/api/v1/premises', {
      token: officer,
      body: { collaborationId, name: 'Hamnbaren', kind: 'bar', address: 'Hamnvägen 2', hasOwnKitchen: false },
    });
    kitchenless = fixed.body.id;
  });

  it('grants a licence only with serving managers of at least 20 and, for a permanent licence to the public, an own kitchen', async () => {
    const base = {
      holderId,
      type: 'permanent',
      audience: 'public',
      drinkCategories: ['spirits', 'wine', 'strong_beer', 'other_fermented'],
      servingHours: { fri: { from: '11:00', to: '01:00' }, sat: { from: '11:00', to: '01:00' } },
      validFrom: '2021-06-01',
    };
    const noKitchen = await api.call('POST', '/api/v1/licences', {
      token: officer,
      body: { ...base, premisesId: kitchenless, servingManagers: [manager('1988-04-12')] },
    });
    expect(noKitchen.status).toBe(400);
    expect(noKitchen.body.errors).toEqual([coded('premisesId', 'licence.kitchen_required')]);
    const young = await api.call('POST', '/api/v1/licences', {
      token: officer,
      body: {
        ...base,
        premisesId,
        servingManagers: [manager('1988-04-12'), manager('2001-05-04', '2021-05-03')],
        servingHours: { fri: { from: '11', to: '25:00' } },
      },
    });
    expect(young.status).toBe(400);
    expect(young.body.errors).toEqual([
      coded('servingManagers[1].birthDate', 'licence.serving_manager_age', { minAge: 20 }),
      coded('servingHours.fri', 'licence.serving_hours'),
    ]);
    expect(await api.db.query('SELECT 1 FROM licences')).toEqual([]);

    const granted = await api.call('POST', '/api/v1/licences', { token: officer, body: { ...base, premisesId, servingManagers: [manager('1988-04-12')] } });
    expect(granted.status).toBe(201);
    expect(granted.body).toMatchObject({
      status: 'active',
      premisesName: 'Skoghalls Krog',
      holderName: 'Skoghalls Krog AB',
      servingManagers: [{ name: 'Lisa Andersson' }],
    });
    const privateBar = await api.call('POST', '/api/v1/licences', {
      token: officer,
      body: { ...base, audience: 'private', premisesId: kitchenless, servingManagers: [manager('1990-01-01')] },
    });
    expect(privateBar.status).toBe(201);

    // The kitchen cannot be taken away while a permanent licence to the public depends on it.
    const etag = (await api.call('GET', `/api/v1/premises/${premisesId}`, { token: officer })).headers.etag as string;
    const removeKitchen = await api.call('PUT', `/api/v1/premises/${premisesId}`, {
      token: officer,
      headers: { 'if-match': etag },
      body: { collaborationId, name: 'Skoghalls Krog', kind: 'restaurant', address: 'Skoghallsvägen 12', hasOwnKitchen: false },
    });
    expect(removeKitchen.status).toBe(400);
  });

  it('updates holders and replaces serving managers under the same rules', async () => {
    const etag = (await api.call('GET', `/api/v1/licence-holders/${holderId}`, { token: officer })).body.version;
    const bad = await api.call('PUT', `/api/v1/licence-holders/${holderId}`, {
      token: officer,
      headers: { 'if-match': `"${etag}"` },
      body: { name: 'Skoghalls Krog AB', orgNumber: '123' },
    });
    expect(bad.body.errors[0].field).toBe('orgNumber');
    const ok = await api.call('PUT', `/api/v1/licence-holders/${holderId}`, {
      token: officer,
      headers: { 'if-match': `"${etag}"` },
      body: { name: 'Skoghalls Krog & Bar AB', orgNumber: '556016-0680', contactName: 'Peter Lund' },
    });
    expect(ok.body).toMatchObject({ name: 'Skoghalls Krog & Bar AB', version: etag + 1 });

    const [licence] = await api.db.query(`SELECT id, version FROM licences WHERE premises_id = $1`, [premisesId]);
    const young = await api.call('PUT', `/api/v1/licences/${licence.id}/serving-managers`, {
      token: officer,
      headers: { 'if-match': `"${licence.version}"` },
      body: { servingManagers: [manager('2005-01-01', '2022-01-10')] },
    });
    expect(young.body.errors).toEqual([coded('servingManagers[0].birthDate', 'licence.serving_manager_age', { minAge: 20 })]);
    const replaced = await api.call('PUT', `/api/v1/licences/${licence.id}/serving-managers`, {
      token: officer,
      headers: { 'if-match': `"${licence.version}"` },
      body: { servingManagers: [manager('1990-06-01', '2022-01-10'), { name: 'Omar Said', birthDate: '1985-02-02', notifiedOn: '2022-01-10' }] },
    });
    expect(replaced.body.servingManagers.map((m: { name: string }) => m.name)).toEqual(['Lisa Andersson', 'Omar Said']);
  });

  it('changes status, but revocation only through a sanction decision', async () => {
    const [licence] = await api.db.query(`SELECT id, version FROM licences WHERE premises_id = $1`, [premisesId]);
    const revoke = await api.call('PATCH', `/api/v1/licences/${licence.id}/status`, {
      token: officer,
      headers: { 'if-match': `"${licence.version}"` },
      body: { status: 'revoked' },
    });
    expect(revoke.status).toBe(400);
    const suspend = await api.call('PATCH', `/api/v1/licences/${licence.id}/status`, {
      token: officer,
      headers: { 'if-match': `"${licence.version}"` },
      body: { status: 'suspended' },
    });
    expect(suspend.body).toMatchObject({ status: 'suspended', version: licence.version + 1 });
    expect(
      (
        await api.call('PATCH', `/api/v1/licences/${licence.id}/status`, {
          token: officer,
          headers: { 'if-match': `"${licence.version}"` },
          body: { status: 'active' },
        })
      ).status,
    ).toBe(412);
  });

  it('shows the register to licensing and managers; police see only premises they take part in; others nothing', async () => {
    const chef = await api.token('chef@hammaro.test');
    expect((await api.call('GET', '/api/v1/premises', { token: chef })).body.total).toBe(2);
    const polis = await api.token('polis@karlstad.polisen.test');
    expect((await api.call('GET', '/api/v1/premises', { token: polis })).body.total).toBe(0);
    expect((await api.call('GET', `/api/v1/premises/${premisesId}`, { token: polis })).status).toBe(404);

    // Taking part in a coordinated inspection opens the premises to the officer's unit.
    const principals = api.app.get(PrincipalService);
    const alkohol = (await principals.load(await api.userId('alkohol@hammaro.test')))!;
    await api.app.get(AccessService).grant(alkohol, {
      resourceType: 'premises',
      resourceId: premisesId,
      granteeType: 'unit',
      granteeId: await api.unitId('Lokalpolisområde Karlstad', 'Områdespolis Hammarö'),
      effect: 'grant',
      actions: ['read'],
      reason: 'Samordnad tillsyn 2022-06-17',
    });
    const seen = await api.call('GET', '/api/v1/premises', { token: polis });
    expect(seen.body.items.map((p: { name: string }) => p.name)).toEqual(['Skoghalls Krog']);
    expect(
      (await api.call('POST', '/api/v1/premises', { token: polis, body: { collaborationId, name: 'X', kind: 'bar', address: 'Y', hasOwnKitchen: false } }))
        .status,
    ).toBe(403);

    const social = await api.token('socialsekreterare@hammaro.test');
    expect((await api.call('GET', '/api/v1/premises', { token: social })).status).toBe(403);
    expect((await api.call('GET', '/api/v1/licence-holders', { token: chef })).body.total).toBe(0);
  });
});
