import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestApi } from './support/test-api.js';

/** A valid personnummer of someone `age` years old, born on the 1st of this month. */
function personalNumber(age: number, serial: string): string {
  const today = new Date();
  const birth = `${today.getUTCFullYear() - age}${String(today.getUTCMonth() + 1).padStart(2, '0')}01`;
  const nine = `${birth.slice(2)}${serial}`;
  const digits = [...nine].map(Number).map((d, i) => (i % 2 === 0 ? d * 2 : d));
  const sum = digits.reduce((a, d) => a + Math.floor(d / 10) + (d % 10), 0);
  return `${birth}${nine.slice(6)}${(10 - (sum % 10)) % 10}`;
}

/**
 * Which work needs a strong session, and step-up (issue #18; libs/access strong-auth.ts), with
 * DEMO_STRONG_PASSWORD_SESSIONS off: a password session is what it is in production, not strong.
 * Reading youth cases and youth subjects needs a strong session (HSLF-FS 2016:40 4 kap 4 §), so do
 * police operations and their intelligence (brottsdatalagen 3 kap 8 §); revealing a personal
 * number or opening sealed intelligence needs a strong authentication at most
 * STEP_UP_MAX_AGE_MINUTES (15 unless configured) old.
 *
 * A strong session is simulated by setting `auth_sessions.strong_at` for that session in the
 * database: MFA and sign-in through an identity provider, which set it for real, are built and
 * tested elsewhere (mfa, oidc); what is tested here is what the api does with it.
 */
describe('strong sessions and step-up without DEMO_STRONG_PASSWORD_SESSIONS', () => {
  let api: TestApi;
  const token: Record<string, string> = {};
  const id: Record<string, string> = {};
  const call = (method: 'GET' | 'POST', url: string, who: string, body?: unknown) => api.call(method, `/api/v1${url}`, { token: token[who], body });

  /** Signs in with a password and marks that session strongly authenticated `minutesAgo` minutes ago. */
  async function strongSession(email: string, minutesAgo: number): Promise<string> {
    const accessToken = await api.token(email);
    const me = await api.call('GET', '/api/v1/me', { token: accessToken });
    await api.db.query('UPDATE auth_sessions SET strong_at = $2 WHERE id = $1', [me.body.session.id, new Date(Date.now() - minutesAgo * 60_000)]);
    return accessToken;
  }
  const setStrongAt = async (who: string, minutesAgo: number) => {
    const me = await call('GET', '/me', who);
    await api.db.query('UPDATE auth_sessions SET strong_at = $2 WHERE id = $1', [me.body.session.id, new Date(Date.now() - minutesAgo * 60_000)]);
  };

  beforeAll(async () => {
    api = await TestApi.start({ DEMO_STRONG_PASSWORD_SESSIONS: 'false' }, { promises: true });
    for (const [who, email] of Object.entries({
      worker: 'socialsekreterare@hammaro.test',
      police: 'polis@karlstad.polisen.test',
      commanderWeak: 'insatschef@karlstad.polisen.test',
      licensing: 'alkohol@hammaro.test',
    }))
      token[who] = await api.token(email);
    token.workerStrong = await strongSession('socialsekreterare@hammaro.test', 1);
    token.policeStrong = await strongSession('polis@karlstad.polisen.test', 1);
    token.commander = await strongSession('insatschef@karlstad.polisen.test', 1);
    id.worker = await api.userId('socialsekreterare@hammaro.test');
    id.localUnit = await api.unitId('Lokalpolisområde Karlstad', 'Områdespolis Hammarö');
    [{ id: id.collaboration }] = await api.db.query(`SELECT id FROM collaborations WHERE name = 'Hammarö'`);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('tells the web which permissions need a strong session and how fresh step-up must be', async () => {
    const me = await call('GET', '/me', 'worker');
    expect(me.status).toBe(200);
    expect(me.body.session).toMatchObject({ method: 'password', strong: false, strongAt: null });
    expect(me.body.strongPermissions).toEqual(expect.arrayContaining(['youth_case:read', 'youth_case:create', 'youth_subject:find', 'youth_subject:reveal']));
    expect(me.body.strongPermissions).not.toContain('operation:read');
    expect(me.body.stepUpMaxAgeMinutes).toBe(15);
    expect((await call('GET', '/me', 'police')).body.strongPermissions).toEqual(expect.arrayContaining(['operation:read']));
    expect((await call('GET', '/me', 'licensing')).body.strongPermissions).toEqual([]);
  });

  it('refuses a social worker’s password session the youth case list and the subject search, audited', async () => {
    const list = await call('GET', '/youth-cases', 'worker');
    expect(list.status).toBe(403);
    expect(list.body).toMatchObject({ status: 403, code: 'auth.strong_required', params: { permission: 'youth_case:read' } });
    const search = await call('POST', '/youth-subjects/search', 'worker', { personalNumber: personalNumber(15, '123'), reason: 'Samtal från skolan' });
    expect(search.status).toBe(403);
    expect(search.body).toMatchObject({ code: 'auth.strong_required', params: { permission: 'youth_subject:find' } });
    // Nothing was looked up: the search itself is not on record, only its refusal.
    expect(await api.auditEvents('youth_subject.find')).toEqual([]);
    const refusals = await api.auditEvents('access.strong_required');
    expect(refusals.map((r) => [r.actor_user_id, r.outcome, r.details.permission, r.details.route])).toEqual([
      [id.worker, 'denied', 'youth_case:read', 'GET /api/v1/youth-cases'],
      [id.worker, 'denied', 'youth_subject:find', 'POST /api/v1/youth-subjects/search'],
    ]);
    expect(refusals[0]!.details).toMatchObject({ method: 'password', status: 403 });
  });

  it('lets the same permissions work in a strong session, and refuses the weak one each case and subject', async () => {
    const subject = await call('POST', '/youth-subjects', 'workerStrong', { personalNumber: personalNumber(15, '238'), name: 'Elias Nyström' });
    expect(subject.status).toBe(201);
    id.subject = subject.body.id;
    const opened = await call('POST', '/youth-cases', 'workerStrong', { subjectId: id.subject, form: 'sspf', riskFactors: ['truancy'] });
    expect(opened.status).toBe(201);
    id.case = opened.body.id;
    const list = await call('GET', '/youth-cases', 'workerStrong');
    expect(list.status).toBe(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([id.case]);
    expect((await call('GET', `/youth-cases/${id.case}`, 'workerStrong')).status).toBe(200);
    expect((await call('GET', `/youth-subjects/${id.subject}`, 'workerStrong')).status).toBe(200);

    // The routes open to any signed-in user and decided per record refuse the weak session too.
    const detail = await call('GET', `/youth-cases/${id.case}`, 'worker');
    expect(detail.status).toBe(403);
    expect(detail.body).toMatchObject({ code: 'auth.strong_required', params: { permission: 'youth_case:read' } });
    const entries = await call('GET', `/youth-cases/${id.case}/entries`, 'worker');
    expect(entries.body).toMatchObject({ status: 403, code: 'auth.strong_required' });
    const person = await call('GET', `/youth-subjects/${id.subject}`, 'worker');
    expect(person.body).toMatchObject({ status: 403, code: 'auth.strong_required', params: { permission: 'youth_case:read' } });
    const refused = (await api.auditEvents('access.strong_required')).filter((r) => r.resource_id === id.case);
    expect(refused.length).toBeGreaterThanOrEqual(2);
    expect(refused.every((r) => r.outcome === 'denied' && r.actor_user_id === id.worker)).toBe(true);
    // The case's own read log shows only the strong session's reads.
    const reads = await api.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'youth_case.read' AND resource_id = $1 AND outcome = 'success'`,
      [id.case],
    );
    expect(reads[0]!.n).toBe(1);
  });

  it('leaves youth cases out of a weak session’s header search; a strong one searches them', async () => {
    const kinds = async (who: string) => {
      const res = await call('GET', '/search?q=Lövnäs', who);
      expect(res.status).toBe(200);
      return res.body.groups.map((g: { kind: string }) => g.kind);
    };
    expect(await kinds('worker')).not.toContain('youth_case');
    expect(await kinds('worker')).toContain('action');
    expect(await kinds('workerStrong')).toContain('youth_case');
  });

  it('works as before for permissions outside the catalogue', async () => {
    const promises = await call('GET', '/promises', 'worker');
    expect(promises.status).toBe(200);
    expect(promises.body.items.length).toBeGreaterThan(0);
    expect((await call('GET', '/inspections', 'licensing')).status).toBe(200);
    expect((await call('GET', '/operation-summaries', 'police')).status).toBe(200);
  });

  it('asks for step-up to reveal a personal number when the last strong sign-in is too old', async () => {
    await setStrongAt('workerStrong', 20);
    const stale = await call('POST', `/youth-subjects/${id.subject}/reveal`, 'workerStrong', { reason: 'Ansökan om insats' });
    expect(stale.status).toBe(403);
    expect(stale.body).toMatchObject({ code: 'auth.step_up_required', params: { maxAgeMinutes: 15 } });
    expect(await api.auditEvents('youth_subject.reveal')).toEqual([]);
    const [stepUp] = await api.auditEvents('access.step_up_required');
    expect(stepUp).toMatchObject({ outcome: 'denied', actor_user_id: id.worker, resource_id: id.subject });
    expect(stepUp!.details).toMatchObject({ act: 'personal_number', maxAgeMinutes: 15, status: 403 });
    // The register extract shows the full number too (the head of social services produces it).
    token.chief = await strongSession('socialchef@hammaro.test', 20);
    expect((await call('GET', `/youth-subjects/${id.subject}/register-extract`, 'chief')).body.code).toBe('auth.step_up_required');
    await setStrongAt('chief', 1);
    expect((await call('GET', `/youth-subjects/${id.subject}/register-extract`, 'chief')).status).toBe(200);

    // A weak session is refused the route outright.
    expect((await call('POST', `/youth-subjects/${id.subject}/reveal`, 'worker', { reason: 'Ansökan om insats' })).body.code).toBe('auth.strong_required');

    await setStrongAt('workerStrong', 1);
    const fresh = await call('POST', `/youth-subjects/${id.subject}/reveal`, 'workerStrong', { reason: 'Ansökan om insats' });
    expect(fresh.status).toBe(200);
    expect(fresh.body.personalNumber).toMatch(/^\d{8}-\d{4}$/);
    expect((await api.auditEvents('youth_subject.reveal')).map((r) => r.outcome)).toEqual(['success']);
  });

  it('refuses a police officer’s password session the operations; a strong one proposes, a commander steps up for intelligence', async () => {
    const weak = await call('GET', '/operations', 'police');
    expect(weak.status).toBe(403);
    expect(weak.body).toMatchObject({ code: 'auth.strong_required', params: { permission: 'operation:read' } });
    expect((await call('GET', '/operations', 'policeStrong')).status).toBe(200);

    const proposed = await call('POST', '/operations', 'policeStrong', {
      collaborationId: id.collaboration,
      title: 'Insats vid Lövnäs centrum',
      area: 'Lövnäs centrum',
      places: [{ name: 'Lövnäs centrum', latitude: 59.33, longitude: 13.5 }],
      plannedStart: '2027-01-08T21:00:00+01:00',
      plannedEnd: '2027-01-09T01:00:00+01:00',
      intelligence: 'Källa uppger försäljning vid busshållplatsen fredagar.',
      intelligenceReference: 'UR-2027-0001',
      unitIds: [id.localUnit],
    });
    expect(proposed.status).toBe(201);
    id.op = proposed.body.id;

    expect((await call('GET', `/operations/${id.op}`, 'commanderWeak')).body).toMatchObject({ status: 403, code: 'auth.strong_required' });
    await setStrongAt('commander', 30);
    const stale = await call('GET', `/operations/${id.op}`, 'commander');
    expect(stale.status).toBe(403);
    expect(stale.body).toMatchObject({ code: 'auth.step_up_required', params: { maxAgeMinutes: 15 } });
    const stepUps = (await api.auditEvents('access.step_up_required')).filter((r) => r.resource_id === id.op);
    expect(stepUps.map((r) => [r.outcome, r.details.act])).toEqual([['denied', 'intelligence']]);

    await setStrongAt('commander', 1);
    const fresh = await call('GET', `/operations/${id.op}`, 'commander');
    expect(fresh.status).toBe(200);
    expect(fresh.body.intelligence).toEqual({ text: 'Källa uppger försäljning vid busshållplatsen fredagar.', reference: 'UR-2027-0001' });
    // The officer, no commander, sees no intelligence and so needs no step-up.
    await setStrongAt('policeStrong', 30);
    const officer = await call('GET', `/operations/${id.op}`, 'policeStrong');
    expect(officer.status).toBe(200);
    expect(officer.body.intelligence).toBeNull();
  });
});
