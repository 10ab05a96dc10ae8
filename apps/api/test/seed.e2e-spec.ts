import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, runSeed, stockholmDate } from '@samverkan/platform';
import { DEMO_USERS } from '../src/seed/identity.seed.js';
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
    expect(counts).toEqual({ users: DEMO_USERS.length, promises: 1, premises: 12, licences: 12, plans: 3, upcoming: 3 });
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

  it('holds youth cases the police see only where a consent or disclosure covers them', async () => {
    const polis = await api.token('polis@karlstad.polisen.test');
    const social = await api.token('socialsekreterare@hammaro.test');
    const all = await api.call('GET', '/api/v1/youth-cases?limit=200', { token: social });
    expect(all.body.total).toBe(6); // five open, one closed waiting for retention
    const shared = await api.call('GET', '/api/v1/youth-cases', { token: polis });
    // Elias and Alva under consent, Oscar under OSL 10 kap 18 a §; Noah's consent was withdrawn; Lova's report stays with social services.
    expect(shared.body.items.map((c: { subject: { name: string } }) => c.subject.name).sort()).toEqual(['Alva Sjöberg', 'Elias Nyström', 'Oscar Holm']);
    const [consent] = await api.db.query(
      `SELECT valid_until::text AS until FROM youth_consents k JOIN youth_cases c ON c.id = k.case_id WHERE c.status = 'plan_active'`,
    );
    expect(consent.until).toBe(addDays(stockholmDate(new Date()), 10));
    expect(await api.db.query(`SELECT count(*)::int AS n FROM youth_subjects`)).toEqual([{ n: 6 }]);
  });

  it('holds the police area’s operations, of which the collaboration sees the two released summaries', async () => {
    const commander = await api.token('insatschef@karlstad.polisen.test');
    const operations = await api.call('GET', '/api/v1/operations?limit=200', { token: commander });
    expect(operations.body.items.map((o: { status: string }) => o.status).sort()).toEqual([
      'cancelled',
      'decided',
      'outcome_reported',
      'outcome_reported',
      'proposed',
    ]);
    const coordinator = await api.token('trygghet@hammaro.test');
    const summaries = await api.call('GET', '/api/v1/operation-summaries', { token: coordinator });
    expect(summaries.body.items.map((s: { periodStart: string }) => s.periodStart)).toEqual(['2022-05-20', '2021-10-29']);
    const linked = await api.db.query(
      `SELECT count(*)::int AS n FROM activities a JOIN operation_summaries s ON s.activity_id = a.id WHERE a.source = 'operation_summary'`,
    );
    expect(linked).toEqual([{ n: 2 }]);
    const officer = await api.token('alkohol@hammaro.test');
    const referrals = await api.call('GET', '/api/v1/licensing-referrals', { token: officer });
    expect(referrals.body.items.map((r: { premisesName: string }) => r.premisesName)).toEqual(['Klubb Kanalen']);
  });
});
