import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JobName, queueEventsFromNow, QueueName, redisConnection } from '@samverkan/platform';
import { Queue } from 'bullmq';
import { createWorkerApp } from '../../worker/src/worker.factory.js';
import { coded, TestApi } from './support/test-api.js';

/** A tiny but real PNG (1×1, red) and JPEG signature bytes for the upload checks. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
const PHOTO_LIMIT = 64 * 1024;

/**
 * Inspection follow-up end to end: photos on findings, escalation into a sanction case, the next
 * due visit, change decisions on licences, deleting premises, and the worker's yearly opening of
 * restaurant reports.
 */
describe('inspection follow-up', () => {
  let api: TestApi;
  let officer: string;
  let polis: string;
  let collaborationId: string;
  let premisesId: string;
  let licenceId: string;
  const user: Record<string, string> = {};

  const etag = async (path: string, token = officer) => (await api.call('GET', path, { token })).headers.etag as string;
  const move = async (id: string, to: string, extra: Record<string, unknown> = {}) =>
    api.call('POST', `/api/v1/inspections/${id}/transition`, {
      token: officer,
      headers: { 'if-match': await etag(`/api/v1/inspections/${id}`) },
      body: { to, ...extra },
    });
  const schedule = (plannedStart: string, plannedEnd: string, inspectorIds = [user.officer], extra: Record<string, unknown> = {}) =>
    api.call('POST', '/api/v1/inspections', { token: officer, body: { premisesId, type: 'external', plannedStart, plannedEnd, inspectorIds, ...extra } });
  const upload = (id: string, itemKey: string, bytes: Buffer, contentType = 'image/png', token = polis) =>
    api.call('POST', `/api/v1/inspections/${id}/findings/${itemKey}/photos`, { token, body: bytes, headers: { 'content-type': contentType } });

  beforeAll(async () => {
    api = await TestApi.start({ PHOTO_MAX_BYTES: String(PHOTO_LIMIT) });
    officer = await api.token('alkohol@hammaro.test');
    polis = await api.token('polis@karlstad.polisen.test');
    user.officer = await api.userId('alkohol@hammaro.test');
    user.polis = await api.userId('polis@karlstad.polisen.test');
    [{ id: collaborationId }] = await api.db.query(`SELECT id FROM collaborations WHERE name = 'Hammarö'`);
    const holder = await api.call('POST', '/api/v1/licence-holders', { token: officer, body: { name: 'Hamnkrogen i Skoghall AB', orgNumber: '556016-0680' } });
    const premises = await api.call('POST', '/api/v1/premises', {
      token: officer,
      body: { collaborationId, name: 'Hamnkrogen', kind: 'restaurant', address: 'Hamnvägen 2', capacity: 90, hasOwnKitchen: true },
    });
    premisesId = premises.body.id;
    const licence = await api.call('POST', '/api/v1/licences', {
      token: officer,
      body: {
        holderId: holder.body.id,
        premisesId,
        type: 'permanent',
        audience: 'public',
        drinkCategories: ['wine', 'strong_beer'],
        servingHours: { fri: { from: '11:00', to: '01:00' }, sat: { from: '11:00', to: '01:00' } },
        validFrom: '2020-03-01',
        servingManagers: [{ name: 'Sara Holm', birthDate: '1984-04-12', notifiedOn: '2020-02-20' }],
      },
    });
    licenceId = licence.body.id;
  });

  afterAll(async () => {
    await api?.close();
  });

  let inspection: string;
  it('attaches photos to checklist items: real image bytes only, within the size limit, while the protocol is open', async () => {
    const booked = await schedule('2021-05-20T20:00:00+02:00', '2021-05-20T22:00:00+02:00', [user.officer, user.polis]);
    expect(booked.status).toBe(201);
    inspection = booked.body.id;

    const added = await upload(inspection, 'outdoor_area_marked', PNG);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ itemKey: 'outdoor_area_marked', contentType: 'image/png', byteSize: PNG.length });
    const shown = await api.call('GET', `/api/v1/inspections/${inspection}`, { token: officer });
    expect(shown.body.photos).toEqual([expect.objectContaining({ id: added.body.id, itemKey: 'outdoor_area_marked', byteSize: PNG.length })]);

    const read = await api.call('GET', `/api/v1/inspections/${inspection}/photos/${added.body.id}`, { token: officer });
    expect(read.status).toBe(200);
    expect(read.headers['content-type']).toBe('image/png');
    expect(read.raw.equals(PNG)).toBe(true);
    const audit = await api.db.query(`SELECT actor_user_id FROM audit_events WHERE action = 'inspection_photo.read' AND resource_id = $1`, [inspection]);
    expect(audit).toEqual([{ actor_user_id: user.officer }]);

    // The declared type must be what the bytes are; other types are not accepted at all.
    const disguised = await upload(inspection, 'outdoor_area_marked', Buffer.from('<svg onload="alert(1)"></svg>'), 'image/jpeg');
    expect(disguised.status).toBe(400);
    expect(disguised.body.errors).toEqual([coded('body', 'photo.type_mismatch')]);
    expect((await upload(inspection, 'outdoor_area_marked', PNG, 'image/jpeg')).status).toBe(400);
    expect((await upload(inspection, 'outdoor_area_marked', Buffer.from('hej'), 'text/plain')).body.errors).toEqual([coded('body', 'photo.body_missing')]);
    expect((await upload(inspection, 'parking', PNG)).body.errors).toEqual([coded('itemKey', 'inspection.item_not_on_checklist')]);
    const huge = await upload(inspection, 'outdoor_area_marked', Buffer.concat([PNG, Buffer.alloc(PHOTO_LIMIT)]));
    expect(huge.status).toBe(413);
    expect(huge.headers['content-type']).toMatch(/problem\+json/);

    // Those who may not see the inspection get 404 for its photos too.
    const vakt = await api.token('vaktare@hammaro.test');
    expect((await api.call('GET', `/api/v1/inspections/${inspection}/photos/${added.body.id}`, { token: vakt })).status).toBe(403);
    const otherPolice = await api.token('insatschef@karlstad.polisen.test');
    expect((await api.call('GET', `/api/v1/inspections/${inspection}/photos/${added.body.id}`, { token: otherPolice })).status).toBe(404);

    const second = await upload(inspection, 'age_checks', PNG);
    expect((await api.call('DELETE', `/api/v1/inspections/${inspection}/photos/${second.body.id}`, { token: polis })).status).toBe(204);
    expect((await api.call('GET', `/api/v1/inspections/${inspection}/photos/${second.body.id}`, { token: officer })).status).toBe(404);
    expect(await api.db.query(`SELECT count(*)::int AS n FROM photo_blobs`)).toEqual([{ n: 1 }]);
  });

  it('anchors the next due visit on the scheduled date of the last visit, not the day it was completed', async () => {
    expect((await api.call('GET', `/api/v1/premises/${premisesId}`, { token: officer })).body.nextVisitDueOn).toBeNull();
    await api.call('PUT', `/api/v1/inspections/${inspection}/findings`, {
      token: polis,
      body: {
        findings: [
          { itemKey: 'outdoor_area_marked', result: 'remark', note: 'Uteserveringen saknar avgränsning mot gångvägen.' },
          { itemKey: 'age_checks', result: 'ok' },
        ],
      },
    });
    // Performed (recorded) today, years after the scheduled evening.
    expect((await move(inspection, 'performed')).body.status).toBe('performed');
    const premises = await api.call('GET', `/api/v1/premises/${premisesId}`, { token: officer });
    expect(premises.body).toMatchObject({ lastVisitScheduledOn: '2021-05-20', nextVisitDueOn: '2022-05-20' });

    // Once the protocol has gone to the holder, photos are fixed too.
    expect((await move(inspection, 'report_sent')).body.status).toBe('report_sent');
    const late = await upload(inspection, 'age_checks', PNG);
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'inspection.closed_for_findings', params: { status: 'report_sent' } });
  });

  it('opens a sanction case when an inspection is escalated, with the remarks as grounds', async () => {
    const escalated = await move(inspection, 'escalated', { reason: 'Andra anmärkningen om uteserveringen på ett år.' });
    expect(escalated.status).toBe(200);
    expect(escalated.body.sanctionCaseId).toEqual(expect.any(String));
    const sanction = await api.call('GET', `/api/v1/sanction-cases/${escalated.body.sanctionCaseId}`, { token: officer });
    expect(sanction.body).toMatchObject({ licenceId, inspectionIds: [inspection], decision: null, proposedBy: user.officer });
    expect(sanction.body.grounds).toContain('Eskalerad efter tillsyn 20 maj 2021 på Hamnkrogen.');
    expect(sanction.body.grounds).toContain('– Uteserveringen är tydligt avgränsad: Uteserveringen saknar avgränsning mot gångvägen.');
    expect(sanction.body.grounds).toContain('Motivering: Andra anmärkningen om uteserveringen på ett år.');
    // The response deadline is over: the matter moved to the sanction case.
    expect((await api.db.query(`SELECT status FROM deadlines WHERE resource_id = $1`, [inspection]))[0].status).toBe('cancelled');
  });

  it('changes a licence’s terms by a change decision, under the same rules', async () => {
    const path = `/api/v1/licences/${licenceId}`;
    const terms = {
      audience: 'public',
      drinkCategories: ['wine', 'strong_beer', 'spirits'],
      servingHours: { fri: { from: '11:00', to: '02:00' }, sat: { from: '11:00', to: '02:00' } },
      servingAreas: [{ name: 'Uteservering mot hamnen', kind: 'outdoor' }],
      conditions: 'Två ordningsvakter fredag och lördag efter 22.00.',
    };
    const bad = await api.call('PUT', `${path}/terms`, {
      token: officer,
      headers: { 'if-match': await etag(path) },
      body: { ...terms, servingHours: { fri: { from: '11', to: '25:00' } } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toMatch(/^servingHours\.fri/);
    const version = await etag(path);
    const changed = await api.call('PUT', `${path}/terms`, { token: officer, headers: { 'if-match': version }, body: terms });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ drinkCategories: ['wine', 'strong_beer', 'spirits'], servingHours: terms.servingHours, conditions: terms.conditions });
    expect((await api.call('PUT', `${path}/terms`, { token: officer, headers: { 'if-match': version }, body: terms })).status).toBe(412);
    expect((await api.call('PUT', `${path}/terms`, { token: polis, headers: { 'if-match': await etag(path) }, body: terms })).status).toBe(403);
    const [event] = await api.db.query(`SELECT changed_fields FROM audit_events WHERE action = 'licence.terms' AND resource_id = $1`, [licenceId]);
    expect(event.changed_fields).toEqual(['drinkCategories', 'servingHours', 'servingAreas', 'conditions']);
  });

  it('deletes premises registered by mistake, never ones with a supervision record', async () => {
    const inUse = await api.call('DELETE', `/api/v1/premises/${premisesId}`, {
      token: officer,
      headers: { 'if-match': await etag(`/api/v1/premises/${premisesId}`) },
    });
    expect(inUse.status).toBe(409);
    expect(inUse.body.code).toBe('premises.in_use');
    const mistake = await api.call('POST', '/api/v1/premises', {
      token: officer,
      body: { collaborationId, name: 'Hamnkrogen (dubblett)', kind: 'restaurant', address: 'Hamnvägen 2', hasOwnKitchen: true },
    });
    const path = `/api/v1/premises/${mistake.body.id}`;
    expect((await api.call('DELETE', path, { token: polis, headers: { 'if-match': '"1"' } })).status).toBe(403);
    expect((await api.call('DELETE', path, { token: officer, headers: { 'if-match': '"7"' } })).status).toBe(412);
    expect((await api.call('DELETE', path, { token: officer, headers: { 'if-match': '"1"' } })).status).toBe(204);
    expect((await api.call('GET', path, { token: officer })).status).toBe(404);
    expect(await api.db.query(`SELECT details FROM audit_events WHERE action = 'premises.delete' AND resource_id = $1`, [mistake.body.id])).toEqual([
      { details: { name: 'Hamnkrogen (dubblett)' } },
    ]);
  });

  it('the worker opens last year’s restaurant reports every January, once', async () => {
    let worker: INestApplicationContext | undefined;
    const connection = redisConnection(api.env.config.REDIS_URL, 'test');
    const queue = new Queue(QueueName.Supervision, { connection, prefix: api.env.config.QUEUE_PREFIX });
    const events = await queueEventsFromNow(queue, { connection, prefix: api.env.config.QUEUE_PREFIX });
    try {
      worker = await createWorkerApp(api.env.config);
      await worker.init();
      await events.waitUntilReady();
      const scheduler = await queue.getJobScheduler('restaurant-reports-yearly');
      expect(scheduler).toMatchObject({ pattern: '0 6 2 1 *', tz: 'Europe/Stockholm' });

      const run = async () => (await queue.add(JobName.RestaurantReportsOpen, { year: 2021 })).waitUntilFinished(events, 30_000);
      expect(await run()).toEqual({ year: 2021, opened: 1 });
      expect(await run()).toEqual({ year: 2021, opened: 0 });
      const [deadline] = await api.db.query(
        `SELECT d.title, d.responsible_user_id, o.name AS organisation, to_char(r.due_on, 'YYYY-MM-DD') AS due_on
         FROM restaurant_reports r JOIN deadlines d ON d.resource_id = r.id JOIN organisations o ON o.id = d.responsible_organisation_id
         WHERE r.licence_id = $1 AND r.year = 2021`,
        [licenceId],
      );
      expect(deadline).toEqual({
        title: 'Restaurangrapport 2021 – Hamnkrogen (Hamnkrogen i Skoghall AB)',
        responsible_user_id: null,
        organisation: 'Hammarö kommun',
        due_on: '2022-03-01',
      });
    } finally {
      await worker?.close();
      await events.close();
      await queue.close();
    }
  });
});
