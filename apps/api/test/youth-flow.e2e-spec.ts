import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, addMonths, stockholmDate } from '@samverkan/platform';
import { luhnCheckDigit } from '@samverkan/youth';
import { coded, TestApi } from './support/test-api.js';

const today = stockholmDate(new Date());

/** A valid personal number for someone `years` old (plus some weeks) today. */
function personalNumber(years: number, serial: string): string {
  let birthDate = addDays(addMonths(today, -12 * years), -40);
  if (['05', '15', '25'].includes(birthDate.slice(8))) birthDate = addDays(birthDate, -1);
  const nine = `${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}${serial}`;
  return `${birthDate.replaceAll('-', '')}-${serial}${luhnCheckDigit(nine)}`;
}

/**
 * Issue #17, youth cases opened by person: the person search shows the cases one may read; a
 * second open case of the same form is refused with a link (or opened with a documented reason);
 * a hidden one is never hinted at and its owners are told; each form starts in its own status; a
 * report of concern gets its förhandsbedömning deadline (SoL 11 kap 1 a §); the manager's caseload
 * and assigning from the unit's staff.
 */
describe('youth cases opened by person', () => {
  let api: TestApi;
  const token: Record<string, string> = {};
  const id: Record<string, string> = {};
  const maja = personalNumber(14, '512');

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, who: string, body?: unknown, headers?: Record<string, string>) =>
    api.call(method, `/api/v1${url}`, { token: token[who], body, headers });
  const etag = async (caseId: string, who = 'worker') => (await call('GET', `/youth-cases/${caseId}`, who)).headers.etag as string;
  const search = (who: string, number: string) => call('POST', '/youth-subjects/search', who, { personalNumber: number, reason: 'Samtal från skolan om oro' });
  const reference = (caseId: string) => `UÄ-${caseId.slice(0, 8).toUpperCase()}`;

  beforeAll(async () => {
    api = await TestApi.start();
    for (const [who, email] of Object.entries({
      worker: 'socialsekreterare@hammaro.test',
      chief: 'socialchef@hammaro.test',
      police: 'polis@karlstad.polisen.test',
    }))
      token[who] = await api.token(email);
    id.municipality = await api.organisationId('Hammarö kommun');
    id.unit = await api.unitId('Hammarö kommun', 'Socialtjänsten');
    id.worker = await api.userId('socialsekreterare@hammaro.test');
    id.chief = await api.userId('socialchef@hammaro.test');
    id.licensing = await api.userId('alkohol@hammaro.test');
    [{ id: id.collaboration }] = await api.db.query(`SELECT id FROM collaborations WHERE name = 'Hammarö'`);
    // A second social-services unit of the municipality, with its own social worker.
    [{ id: id.north }] = await api.db.query(`INSERT INTO units (organisation_id, name) VALUES ($1, 'Socialtjänsten Nord') RETURNING id`, [id.municipality]);
    [{ id: id.other }] = await api.db.query(
      `INSERT INTO users (organisation_id, email, display_name, password_hash)
       SELECT $1, 'nord@hammaro.test', 'Olle Nord', password_hash FROM users WHERE email = 'socialsekreterare@hammaro.test' RETURNING id`,
      [id.municipality],
    );
    await api.db.query(`INSERT INTO memberships (user_id, unit_id, role, valid_from) VALUES ($1, $2, 'social_worker', now() - interval '1 day')`, [
      id.other,
      id.north,
    ]);
    token.other = await api.token('nord@hammaro.test');
  });

  afterAll(async () => {
    await api?.close();
  });

  it('lists the person’s cases the user may read in the search result, and nothing of those they may not', async () => {
    const registered = await call('POST', '/youth-subjects', 'worker', { personalNumber: maja, name: 'Maja Lund' });
    id.maja = registered.body.id;
    expect((await search('worker', maja)).body.items).toEqual([expect.objectContaining({ id: id.maja, cases: [] })]);

    const opened = await call('POST', '/youth-cases', 'worker', { subjectId: id.maja, form: 'sspf', riskFactors: ['truancy'] });
    expect(opened.status).toBe(201);
    id.sspf = opened.body.id;
    const found = await search('worker', maja);
    expect(found.body.items[0].cases).toEqual([
      { id: id.sspf, reference: reference(id.sspf), form: 'sspf', status: 'assessment', unitName: 'Socialtjänsten', openedOn: today },
    ]);
    expect((await api.auditEvents('youth_subject.find')).at(-1)!.details).toEqual({ reason: 'Samtal från skolan om oro', found: 1, caseIds: [id.sspf] });

    // Another unit finds the person (to open a case of its own) but not the case: nothing hints at it.
    const elsewhere = await search('other', maja);
    expect(elsewhere.body.items).toEqual([expect.objectContaining({ id: id.maja, cases: [] })]);
    expect(JSON.stringify(elsewhere.body)).not.toContain(id.sspf);
  });

  it('refuses a second open case of the same form with a link to the existing one, unless a reason is documented', async () => {
    const again = await call('POST', '/youth-cases', 'worker', { subjectId: id.maja, form: 'sspf' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'youth_case.duplicate_open', params: { caseId: id.sspf, caseNumber: reference(id.sspf) } });
    expect(await api.db.query(`SELECT count(*)::int AS n FROM youth_cases WHERE subject_id = $1`, [id.maja])).toEqual([{ n: 1 }]);

    // Another form is no duplicate.
    const sig = await call('POST', '/youth-cases', 'worker', { subjectId: id.maja, form: 'other' });
    expect(sig.status).toBe(201);
    expect(sig.body).toMatchObject({ status: 'assessment', duplicateReason: null });
    id.otherForm = sig.body.id;

    expect((await call('POST', '/youth-cases', 'worker', { subjectId: id.maja, form: 'sspf', duplicateReason: 'x' })).body.errors).toEqual([
      coded('duplicateReason', 'field.min_length'),
    ]);
    const confirmed = await call('POST', '/youth-cases', 'worker', {
      subjectId: id.maja,
      form: 'sspf',
      duplicateReason: 'Ny skola i annan stadsdel; separat SSPF-grupp tar över',
    });
    expect(confirmed.status).toBe(201);
    id.confirmed = confirmed.body.id;
    expect(confirmed.body.duplicateReason).toBe('Ny skola i annan stadsdel; separat SSPF-grupp tar över');
    const [row] = await api.db.query(`SELECT duplicate_reason FROM youth_cases WHERE id = $1`, [id.confirmed]);
    expect(row.duplicate_reason).toBe('Ny skola i annan stadsdel; separat SSPF-grupp tar över');
    const [event] = (await api.auditEvents('youth_case.create')).filter((e) => e.resource_id === id.confirmed);
    expect(event.details).toEqual({
      form: 'sspf',
      status: 'assessment',
      duplicateOf: [id.sspf],
      duplicateReason: 'Ny skola i annan stadsdel; separat SSPF-grupp tar över',
    });
  });

  it('opens a case where the existing one is hidden from the user, without a hint, and tells the existing case’s owners', async () => {
    const before = await api.db.query(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'youth_case_duplicate'`);
    expect(before).toEqual([{ n: 0 }]);
    const opened = await call('POST', '/youth-cases', 'other', { subjectId: id.maja, form: 'sspf' });
    expect(opened.status).toBe(201);
    id.hidden = opened.body.id;
    // The answer is the same as for any new case: no reason, no other case, nothing about others.
    expect(opened.body).toMatchObject({ status: 'assessment', duplicateReason: null, ownerUnit: { id: id.north } });
    const text = JSON.stringify(opened.body);
    for (const other of [id.sspf, id.confirmed, reference(id.sspf), reference(id.confirmed)]) expect(text).not.toContain(other);
    expect((await search('other', maja)).body.items[0].cases.map((c: { id: string }) => c.id)).toEqual([id.hidden]);

    // The two open SSPF cases of Socialtjänsten: their coordinator and the unit's manager are told, by case numbers only.
    const notices = await api.db.query<{ user_id: string; title: string; body: string; resource_id: string }[]>(
      `SELECT user_id, title, body, resource_id FROM notifications WHERE kind = 'youth_case_duplicate' ORDER BY resource_id, user_id`,
    );
    expect(notices.map((n) => [n.resource_id, n.user_id]).sort()).toEqual(
      [
        [id.sspf, id.worker],
        [id.sspf, id.chief],
        [id.confirmed, id.worker],
        [id.confirmed, id.chief],
      ].sort(),
    );
    for (const n of notices) {
      expect(n.title).toContain(reference(n.resource_id));
      expect(n.body).toContain(reference(id.hidden));
      // No name or personal number: case numbers (UÄ- and eight hex digits, sometimes all digits) aside.
      expect(`${n.title} ${n.body}`.replaceAll(/UÄ-[0-9A-F]{8}/g, '')).not.toMatch(/Maja|Lund|\d{6}/);
    }
    expect(notices.some((n) => n.user_id === id.other)).toBe(false);
  });

  it('starts a report of concern as reported, with its förhandsbedömning due in 14 days for the unit; the manager sees it unassessed', async () => {
    const child = personalNumber(11, '627');
    const report = await call('POST', '/youth-cases/reports-of-concern', 'police', {
      collaborationId: id.collaboration,
      personalNumber: child,
      name: 'Vera Holm',
      category: 'family',
      observedOn: today,
      concern: 'Vera anträffades ensam sent på kvällen och ville inte gå hem.',
    });
    expect(report.status).toBe(201);
    const [created] = await api.db.query(`SELECT id, status, coordinator_user_id FROM youth_cases WHERE form = 'report_of_concern'`);
    id.report = created.id;
    expect(created).toMatchObject({ status: 'concern_raised', coordinator_user_id: null });
    const [deadline] = await api.db.query(
      `SELECT kind, to_char(due_on, 'YYYY-MM-DD') AS due_on, responsible_user_id, responsible_unit_id, responsible_organisation_id, status, title
       FROM deadlines WHERE resource_id = $1`,
      [id.report],
    );
    expect(deadline).toEqual({
      kind: 'youth_preliminary_assessment',
      due_on: addDays(today, 14),
      responsible_user_id: null,
      responsible_unit_id: id.unit,
      responsible_organisation_id: id.municipality,
      status: 'open',
      title: `Förhandsbedömning av orosanmälan ${reference(id.report)}`,
    });
    expect(
      await api.db.query(`SELECT key, recipient FROM reminder_rules WHERE deadline_kind = 'youth_preliminary_assessment' AND active ORDER BY key`),
    ).toEqual([
      { key: 'at-due', recipient: 'responsible' },
      { key: 'before-3d', recipient: 'responsible' },
      { key: 'escalate-1wd', recipient: 'manager' },
    ]);

    const unassessed = await call('GET', '/youth-cases?unassessed=true', 'chief');
    expect(unassessed.body.items.map((c: { id: string; assessmentDueOn: string }) => [c.id, c.assessmentDueOn])).toEqual([[id.report, addDays(today, 14)]]);
    // Cases not waiting for an assessment carry no due day.
    const all = await call('GET', '/youth-cases', 'chief');
    expect(all.body.items.find((c: { id: string }) => c.id === id.sspf).assessmentDueOn).toBeNull();

    // A report social services register themselves starts as reported too, with the same deadline.
    const selfReported = await call('POST', '/youth-cases', 'worker', { subjectId: id.maja, form: 'report_of_concern' });
    expect(selfReported.body.status).toBe('concern_raised');
    id.selfReported = selfReported.body.id;
    expect(await api.db.query(`SELECT kind, status FROM deadlines WHERE resource_id = $1`, [id.selfReported])).toEqual([
      { kind: 'youth_preliminary_assessment', status: 'open' },
    ]);
  });

  it('closes the förhandsbedömning deadline when the report is assessed, whichever way', async () => {
    const assessed = await call(
      'POST',
      `/youth-cases/${id.selfReported}/transition`,
      'worker',
      { to: 'assessment' },
      { 'if-match': await etag(id.selfReported) },
    );
    expect(assessed.body.status).toBe('assessment');
    expect(await api.db.query(`SELECT status FROM deadlines WHERE resource_id = $1`, [id.selfReported])).toEqual([{ status: 'met' }]);
    expect((await call('GET', '/youth-cases?unassessed=true', 'chief')).body.items.map((c: { id: string }) => c.id)).toEqual([id.report]);

    // Deciding to open no investigation and closing the report is an assessment too.
    const subject = await call('POST', '/youth-subjects', 'worker', { personalNumber: personalNumber(12, '734'), name: 'Kim Ros' });
    const closable = await call('POST', '/youth-cases', 'worker', { subjectId: subject.body.id, form: 'report_of_concern' });
    expect(closable.body.status).toBe('concern_raised');
    const closed = await call('POST', `/youth-cases/${closable.body.id}/transition`, 'chief', { to: 'closed' }, { 'if-match': await etag(closable.body.id) });
    expect(closed.body.status).toBe('closed');
    expect(await api.db.query(`SELECT status FROM deadlines WHERE resource_id = $1`, [closable.body.id])).toEqual([{ status: 'met' }]);
  });

  it('gives the unit’s manager its caseload, counted per coordinator and status, and no one else', async () => {
    expect((await call('GET', '/youth-cases/caseload', 'worker')).status).toBe(403);
    expect((await call('GET', '/youth-cases/caseload', 'police')).status).toBe(403);
    expect((await call('GET', `/youth-cases/caseload?unitId=${id.north}`, 'chief')).body.errors).toEqual([coded('unitId', 'youth_case.unit_not_yours')]);
    const load = await call('GET', '/youth-cases/caseload', 'chief');
    expect(load.status).toBe(200);
    expect(load.body).toEqual({
      unit: { id: id.unit, name: 'Socialtjänsten' },
      coordinators: [
        { userId: id.chief, displayName: 'Maria Ek', total: 0, byStatus: [] },
        { userId: id.worker, displayName: 'Sara Lindqvist', total: 4, byStatus: [{ status: 'assessment', count: 4 }] },
      ],
      unassigned: [{ status: 'concern_raised', count: 1 }],
      unassignedTotal: 1,
      unassessedTotal: 1,
      unassessedOverdue: 0,
    });
    expect((await api.auditEvents('youth_case.caseload')).at(-1)).toMatchObject({ actor_user_id: id.chief, resource_id: id.unit });
    expect((await call('GET', '/youth-cases?unassigned=true', 'chief')).body.items.map((c: { id: string }) => c.id)).toEqual([id.report]);
  });

  it('assigns a coordinator and contact persons only from the unit’s staff, with If-Match, audited', async () => {
    const staff = await call('GET', '/youth-cases/staff', 'chief');
    expect(staff.body).toEqual({
      unit: { id: id.unit, name: 'Socialtjänsten' },
      members: [
        { userId: id.chief, displayName: 'Maria Ek', roles: ['social_services_manager'], caseWorker: true },
        { userId: id.worker, displayName: 'Sara Lindqvist', roles: ['social_worker'], caseWorker: true },
      ],
    });
    const version = await etag(id.report, 'chief');
    const outside = await call('PATCH', `/youth-cases/${id.report}`, 'chief', { coordinatorUserId: id.other }, { 'if-match': version });
    expect(outside.status).toBe(400);
    expect(outside.body.errors).toEqual([coded('coordinatorUserId', 'youth_case.staff_outside_unit')]);
    const notCaseWorker = await call('PATCH', `/youth-cases/${id.report}`, 'chief', { coordinatorUserId: id.licensing }, { 'if-match': version });
    expect(notCaseWorker.body.errors).toEqual([coded('coordinatorUserId', 'youth_case.coordinator_not_case_worker')]);
    expect((await call('PATCH', `/youth-cases/${id.report}`, 'chief', { coordinatorUserId: id.worker }, { 'if-match': '"0"' })).status).toBe(412);

    const assigned = await call('PATCH', `/youth-cases/${id.report}`, 'chief', { coordinatorUserId: id.worker }, { 'if-match': version });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ coordinator: { id: id.worker, displayName: 'Sara Lindqvist' }, status: 'concern_raised' });
    expect(assigned.body.participants).toEqual([expect.objectContaining({ userId: id.worker, role: 'coordinator' })]);
    const [event] = (await api.auditEvents('youth_case.update')).filter((e) => e.resource_id === id.report);
    expect(event).toMatchObject({ actor_user_id: id.chief, details: { coordinator: { from: null, to: id.worker } } });

    // Contact persons: someone of the unit, not of another unit of the municipality.
    for (const userId of [id.other, id.licensing]) {
      const refused = await call('POST', `/youth-cases/${id.report}/participants`, 'chief', { userId });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([coded('userId', 'youth_case.staff_outside_unit')]);
    }
    const contact = await call('POST', `/youth-cases/${id.report}/participants`, 'chief', { userId: id.chief });
    expect(contact.status).toBe(201);
    expect(contact.body.map((p: { userId: string; role: string }) => [p.userId, p.role])).toEqual([
      [id.chief, 'contact'],
      [id.worker, 'coordinator'],
    ]);

    const load = await call('GET', '/youth-cases/caseload', 'chief');
    expect(load.body.unassignedTotal).toBe(0);
    expect(load.body.coordinators[1]).toEqual({
      userId: id.worker,
      displayName: 'Sara Lindqvist',
      total: 5,
      byStatus: [
        { status: 'concern_raised', count: 1 },
        { status: 'assessment', count: 4 },
      ],
    });
  });
});
