import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FixedClock } from '@samverkan/platform';
import { HAMMARO_PROMISE_TITLE } from '../src/seed/promises.seed.js';
import { TestApi } from './support/test-api.js';

/** Issue #20: the public index of published promises at /public, and the parties on each page. */
describe('public promises', () => {
  const clock = new FixedClock(new Date('2022-06-15T10:00:00Z'));
  let api: TestApi;
  let promiseId: string;

  beforeAll(async () => {
    api = await TestApi.start({}, { clock, promises: true });
    [{ id: promiseId }] = await api.db.query(`SELECT id FROM promises WHERE title = $1`, [HAMMARO_PROMISE_TITLE]);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('lists the published promises without login, with the parties by name and nothing personal', async () => {
    const res = await api.call('GET', '/api/v1/public/promises');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 1, limit: 50, offset: 0 });
    expect(res.body.items).toEqual([
      {
        id: promiseId,
        title: HAMMARO_PROMISE_TITLE,
        collaboration: 'Hammarö',
        periodStart: '2020-01-01',
        periodEnd: '2022-12-31',
        status: 'Pågående',
        parties: ['Hammarö kommun', 'Lokalpolisområde Karlstad'],
      },
    ]);
    const text = JSON.stringify(res.body);
    for (const person of await api.db.query<{ email: string; display_name: string }[]>('SELECT email, display_name FROM users')) {
      expect(text).not.toContain(person.email);
      expect(text).not.toContain(person.display_name);
    }
  });

  it('leaves out promises that are not published, and pages like every list', async () => {
    const [draft] = await api.db.query<{ id: string }[]>(
      `INSERT INTO promises (collaboration_id, title, summary, period_start, period_end, created_by)
       SELECT collaboration_id, 'Medborgarlöfte 2023–2025 (utkast)', '', '2023-01-01', '2025-12-31', created_by FROM promises WHERE id = $1 RETURNING id`,
      [promiseId],
    );
    const unpublished = await api.call('GET', '/api/v1/public/promises');
    expect(unpublished.body.items.map((p: { id: string }) => p.id)).toEqual([promiseId]);
    expect((await api.call('GET', `/api/v1/public/promises/${draft.id}`)).status).toBe(404);

    await api.db.query('UPDATE promises SET published = true WHERE id = $1', [draft.id]);
    const both = await api.call('GET', '/api/v1/public/promises?limit=1');
    expect(both.body).toMatchObject({ total: 2, limit: 1 });
    // Newest period first.
    expect(both.body.items.map((p: { id: string }) => p.id)).toEqual([draft.id]);
    const second = await api.call('GET', '/api/v1/public/promises?limit=1&offset=1');
    expect(second.body.items.map((p: { id: string }) => p.id)).toEqual([promiseId]);
    expect((await api.call('GET', '/api/v1/public/promises?limit=201')).status).toBe(400);
    await api.db.query('DELETE FROM promises WHERE id = $1', [draft.id]);
  });

  it('names the parties on the public page with their organisation contact', async () => {
    const res = await api.call('GET', `/api/v1/public/promises/${promiseId}`);
    expect(res.status).toBe(200);
    expect(res.body.parties).toEqual([
      { party: 'Kommunen', name: 'Hammarö kommun', phone: '054-51 50 00', email: 'kommunen@hammaro.se', url: 'https://www.hammaro.se' },
      {
        party: 'Polisen',
        name: 'Lokalpolisområde Karlstad',
        phone: '114 14',
        email: 'registrator.vast@polisen.se',
        url: 'https://polisen.se/om-polisen/polisens-organisation/lokalpolisomraden/karlstad/',
      },
    ]);
  });
});
