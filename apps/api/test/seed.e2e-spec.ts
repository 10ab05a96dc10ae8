import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runSeed } from '@samverkan/platform';
import { seedSteps } from '../src/seed/seed-steps.js';
import { TestApi } from './support/test-api.js';

/** The demo data `npm run seed` loads: complete, consistent, and safe to load twice. */
describe('the Hammarö demo seed', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
    await runSeed(api.env.config, seedSteps(api.env.config));
    await runSeed(api.env.config, seedSteps(api.env.config)); // idempotent
  });

  afterAll(async () => {
    await api?.close();
  });

  it('loads each part once', async () => {
    const [counts] = await api.db.query(`SELECT
      (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM promises) AS promises,
      (SELECT count(*)::int FROM premises) AS premises, (SELECT count(*)::int FROM licences) AS licences,
      (SELECT count(*)::int FROM supervision_plans) AS plans, (SELECT count(*)::int FROM inspections WHERE status = 'planned') AS upcoming`);
    expect(counts).toEqual({ users: 11, promises: 1, premises: 12, licences: 12, plans: 3, upcoming: 3 });
  });

  it('gives statistics that add up for 2021: one attempted visit, one erinran', async () => {
    const [{ id: collaborationId }] = await api.db.query(`SELECT id FROM collaborations WHERE name = 'Hammarö'`);
    const officer = await api.token('alkohol@hammaro.test');
    const stats = await api.call('GET', `/api/v1/supervision/statistics?collaborationId=${collaborationId}&year=2021`, { token: officer });
    expect(stats.body).toMatchObject({ attemptedVisits: 1, decisions: { erinran: 1, varning: 0 } });
    expect(stats.body.plan.planned).toBe(18);
    // Every planned visit but the attempted one was carried out.
    expect(stats.body.plan.performed).toBe(17);
    expect(stats.body.visitsPerformed).toBe(17);
  });

  it('lets the police officer see only the premises of his upcoming coordinated inspections', async () => {
    const polis = await api.token('polis@karlstad.polisen.test');
    const premises = await api.call('GET', '/api/v1/premises', { token: polis });
    expect(premises.body.items.map((p: { name: string }) => p.name).sort()).toEqual(['Hotell Hammarö', 'Klubb Kanalen']);
  });
});
