import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FixedClock } from '@samverkan/platform';
import { HAMMARO_PROMISE_TITLE } from '../src/seed/promises.seed.js';
import { TestApi } from './support/test-api.js';

/**
 * Issue #20: the next promise started from the current one — problem areas and commitments copied,
 * open actions carried over (continued by a new action; the old one final in its own promise).
 */
describe('starting the next promise', () => {
  const clock = new FixedClock(new Date('2022-11-20T10:00:00Z'));
  const next = { title: 'Medborgarlöfte Hammarö 2023–2025', periodStart: '2023-01-01', periodEnd: '2025-12-31' };
  let api: TestApi;
  let manager: string;
  let promiseId: string;

  const openActions = () =>
    api.db.query<{ id: string; title: string; status: string; progress: number; due: string }[]>(
      `SELECT a.id, a.title, a.status, a.progress, to_char(a.due_date, 'YYYY-MM-DD') AS due FROM actions a JOIN commitments c ON c.id = a.commitment_id
       WHERE c.promise_id = $1 AND a.status NOT IN ('done', 'cancelled') ORDER BY a.due_date, a.id`,
      [promiseId],
    );
  const deadlineStatus = async (actionId: string) =>
    (await api.db.query<{ status: string }[]>(`SELECT status FROM deadlines WHERE kind = 'action_due' AND resource_id = $1`, [actionId]))[0]?.status;

  beforeAll(async () => {
    api = await TestApi.start({}, { clock, promises: true });
    manager = await api.token('trygghet@hammaro.test');
    [{ id: promiseId }] = await api.db.query(`SELECT id FROM promises WHERE title = $1`, [HAMMARO_PROMISE_TITLE]);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('refuses a period that overlaps the current one, a reversed period and an action that is not open, writing nothing', async () => {
    const [{ n: before }] = await api.db.query(`SELECT count(*)::int AS n FROM promises`);
    const overlap = await api.call('POST', `/api/v1/promises/${promiseId}/successor`, {
      token: manager,
      body: { ...next, periodStart: '2022-12-01', periodEnd: '2022-11-01' },
    });
    expect(overlap.status).toBe(400);
    expect(overlap.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'periodStart', code: 'promise.successor_overlaps', params: { periodEnd: '2022-12-31' } }),
        expect.objectContaining({ field: 'periodEnd', code: 'date.after' }),
      ]),
    );
    const [done] = await api.db.query<{ id: string }[]>(
      `SELECT a.id FROM actions a JOIN commitments c ON c.id = a.commitment_id WHERE c.promise_id = $1 AND a.status = 'done' LIMIT 1`,
      [promiseId],
    );
    const notOpen = await api.call('POST', `/api/v1/promises/${promiseId}/successor`, { token: manager, body: { ...next, carryActionIds: [done.id] } });
    expect(notOpen.status).toBe(400);
    expect(notOpen.body.errors).toEqual([expect.objectContaining({ field: 'carryActionIds', code: 'promise.carry_not_open' })]);
    const badId = await api.call('POST', `/api/v1/promises/${promiseId}/successor`, { token: manager, body: { ...next, carryActionIds: ['nope'] } });
    expect(badId.status).toBe(400);
    // Reading the promise is not enough to start the next one.
    const officer = await api.token('polis@karlstad.polisen.test');
    expect((await api.call('POST', `/api/v1/promises/${promiseId}/successor`, { token: officer, body: next })).status).toBe(403);
    const [{ n: after }] = await api.db.query(`SELECT count(*)::int AS n FROM promises`);
    expect(after).toBe(before);
  });

  it('copies problem areas and commitments and carries every open action over, the old ones final where they were', async () => {
    const open = await openActions();
    expect(open.length).toBeGreaterThan(1);
    const res = await api.call('POST', `/api/v1/promises/${promiseId}/successor`, { token: manager, body: next });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ...next, status: 'draft', published: false, predecessorId: promiseId, successorId: null });
    const newId = res.body.id as string;

    const old = await api.call('GET', `/api/v1/promises/${promiseId}`, { token: manager });
    expect(old.body.successorId).toBe(newId);
    expect(res.body.problemAreas.map((a: { title: string }) => a.title)).toEqual(old.body.problemAreas.map((a: { title: string }) => a.title));
    const strip = ({ party, text, target, weight, problemAreaTitle }: Record<string, unknown>) => ({ party, text, target, weight, problemAreaTitle });
    const commitments = async (id: string) => (await api.call('GET', `/api/v1/promises/${id}/commitments?limit=200`, { token: manager })).body.items.map(strip);
    expect(await commitments(newId)).toEqual(await commitments(promiseId));
    const kinds = async (id: string) =>
      (await api.db.query(`SELECT activity_kind FROM commitments WHERE promise_id = $1 ORDER BY position, text`, [id])).map(
        (r: { activity_kind: string | null }) => r.activity_kind,
      );
    expect(await kinds(newId)).toEqual(await kinds(promiseId));

    const carried = await api.call('GET', `/api/v1/actions?promiseId=${newId}&limit=200`, { token: manager });
    expect(carried.body.total).toBe(open.length);
    for (const was of open) {
      const copy = carried.body.items.find((a: { carriedFromId: string }) => a.carriedFromId === was.id);
      expect(copy).toMatchObject({ title: was.title, status: 'planned', progress: 0, promiseId: newId });
      expect(copy.startDate).toBe('2023-01-01');
      // Overdue or due before the new period: the end of its first year.
      expect(copy.dueDate).toBe(was.due >= '2023-01-01' ? was.due : '2023-12-31');
      expect(await deadlineStatus(copy.id)).toBe('open');

      const left = await api.call('GET', `/api/v1/actions/${was.id}`, { token: manager });
      expect(left.body).toMatchObject({ status: was.status, progress: was.progress, carriedToId: copy.id });
      expect(await deadlineStatus(was.id)).toBe('cancelled');
    }
    const [{ n: audited }] = await api.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'action.carry_over'`);
    expect(audited).toBe(open.length);
    const [{ n: started }] = await api.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'promise.start_successor' AND resource_id = $1`, [
      newId,
    ]);
    expect(started).toBe(1);
  });

  it('starts the next promise only once, and a carried action is changed where it continues', async () => {
    const again = await api.call('POST', `/api/v1/promises/${promiseId}/successor`, {
      token: manager,
      body: { ...next, periodStart: '2026-01-01', periodEnd: '2028-12-31' },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('promise.successor_exists');

    const municipal = await api.db.query<{ id: string }[]>(
      `SELECT a.id FROM actions a JOIN commitments c ON c.id = a.commitment_id
       WHERE c.promise_id = $1 AND a.carried_to_id IS NOT NULL AND c.party IN ('municipality', 'joint') LIMIT 1`,
      [promiseId],
    );
    const target = await api.call('GET', `/api/v1/actions/${municipal[0].id}`, { token: manager });
    const refused = await api.call('PATCH', `/api/v1/actions/${municipal[0].id}`, {
      token: manager,
      headers: { 'if-match': target.headers.etag as string },
      body: { progress: 80 },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('action.carried_over');
    const [commitment] = await api.db.query<{ id: string }[]>('SELECT commitment_id AS id FROM actions WHERE id = $1', [municipal[0].id]);
    const activity = await api.call('POST', '/api/v1/activities', {
      token: manager,
      body: { commitmentId: commitment.id, actionId: municipal[0].id, kind: 'other', occurredOn: '2022-11-19' },
    });
    expect(activity.status).toBe(400);
    expect(activity.body.errors).toEqual([expect.objectContaining({ field: 'actionId', code: 'activity.action_carried_over' })]);

    // Extended, the ending promise must still end before the next one starts.
    const current = await api.call('GET', `/api/v1/promises/${promiseId}`, { token: manager });
    const extend = await api.call('PATCH', `/api/v1/promises/${promiseId}`, {
      token: manager,
      headers: { 'if-match': current.headers.etag as string },
      body: { periodEnd: '2023-03-31', status: 'extended' },
    });
    expect(extend.status).toBe(400);
    expect(extend.body.errors).toEqual([
      expect.objectContaining({ field: 'periodEnd', code: 'promise.overlaps_successor', params: { successorStart: '2023-01-01' } }),
    ]);
  });

  it('gives the actions back when the next promise is dropped as a draft, and carries only those chosen', async () => {
    const old = await api.call('GET', `/api/v1/promises/${promiseId}`, { token: manager });
    expect((await api.call('DELETE', `/api/v1/promises/${old.body.successorId}`, { token: manager })).status).toBe(204);
    const open = await openActions();
    for (const was of open) {
      const action = await api.call('GET', `/api/v1/actions/${was.id}`, { token: manager });
      expect(action.body.carriedToId).toBeNull();
      expect(await deadlineStatus(was.id)).toBe('open');
    }

    const chosen = open[0].id;
    const res = await api.call('POST', `/api/v1/promises/${promiseId}/successor`, { token: manager, body: { ...next, carryActionIds: [chosen] } });
    expect(res.status).toBe(201);
    const carried = await api.call('GET', `/api/v1/actions?promiseId=${res.body.id}`, { token: manager });
    expect(carried.body.items.map((a: { carriedFromId: string }) => a.carriedFromId)).toEqual([chosen]);
    expect(await deadlineStatus(open[1].id)).toBe('open');
  });
});
