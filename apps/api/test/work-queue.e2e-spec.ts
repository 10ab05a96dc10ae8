import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Notifier } from '@samverkan/notifications';
import { TestApi } from './support/test-api.js';

/**
 * Notifications and deadlines that lead to their subject, and managers' work queues (#17): each
 * link is computed in the list's SQL with the scope the subject's own GET uses, so a record the
 * reader may not open is not linked (and its GET answers 404); a manager's queue covers their
 * organisation or unit, filters by person, kind and urgency, and hands an action to a colleague
 * through the promises lib's own update.
 */
describe('links and work queues', () => {
  let api: TestApi;
  const token: Record<string, string> = {};
  const user: Record<string, string> = {};
  const id: Record<string, string> = {};
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, who: string, body?: unknown, headers?: Record<string, string>) =>
    api.call(method, `/api/v1${url}`, { token: token[who], body, headers });

  /** A notification about the record, through the notifications lib's own Notifier; returns its id. */
  async function notify(who: string, resourceType: string, resourceId: string): Promise<string> {
    const notifier = api.app.get(Notifier);
    return api.db.transaction((manager) =>
      notifier.notifyOne(manager, user[who], {
        kind: 'test',
        title: `Om ${resourceType}`,
        body: 'Test',
        resourceType,
        resourceId,
        dedupeKey: `t-${resourceId}`,
      }),
    );
  }

  async function linkOf(who: string, notificationId: string): Promise<string | null> {
    const inbox = await call('GET', '/notifications?limit=200', who);
    expect(inbox.status).toBe(200);
    const row = inbox.body.items.find((n: { id: string }) => n.id === notificationId);
    expect(row).toBeDefined();
    return row.link;
  }

  beforeAll(async () => {
    api = await TestApi.start({}, { demo: true });
    const people = {
      manager: 'chef@hammaro.test',
      social: 'socialsekreterare@hammaro.test',
      socialChief: 'socialchef@hammaro.test',
      licensing: 'alkohol@hammaro.test',
      officer: 'polis@karlstad.polisen.test',
      commander: 'insatschef@karlstad.polisen.test',
      coordinator: 'trygghet@hammaro.test',
      guard: 'vaktare@hammaro.test',
    };
    for (const [who, email] of Object.entries(people)) {
      token[who] = await api.token(email);
      user[who] = await api.userId(email);
    }
    // A second police officer in another unit: no part in any operation.
    const [other] = await api.db.query(
      `INSERT INTO users (organisation_id, email, display_name, password_hash)
       SELECT organisation_id, 'ingripande2@karlstad.polisen.test', 'Jonas Ek', password_hash FROM users WHERE id = $1 RETURNING id`,
      [user.officer],
    );
    await api.db.query(`INSERT INTO memberships (user_id, unit_id, role) VALUES ($1, $2, 'police_officer')`, [
      other.id,
      await api.unitId('Lokalpolisområde Karlstad', 'Ingripande'),
    ]);
    user.otherOfficer = other.id;
    token.otherOfficer = await api.token('ingripande2@karlstad.polisen.test');
    id.police = await api.organisationId('Lokalpolisområde Karlstad');
    id.municipality = await api.organisationId('Hammarö kommun');
    [{ id: id.action }] = await api.db.query(
      `SELECT a.id FROM actions a JOIN deadlines d ON d.resource_id = a.id AND d.status = 'open'
      WHERE a.responsible_organisation_id = $1 ORDER BY a.title LIMIT 1`,
      [id.municipality],
    );
    [{ id: id.inspection }] = await api.db.query(`SELECT id FROM inspections LIMIT 1`);
    [{ id: id.sanction, premises: id.sanctionPremises }] = await api.db.query(
      `SELECT s.id, l.premises_id AS premises FROM sanction_cases s JOIN licences l ON l.id = s.licence_id LIMIT 1`,
    );
    [{ id: id.referral, tip: id.tip }] = await api.db.query(`SELECT id, tip_id AS tip FROM licensing_referrals WHERE tip_id IS NOT NULL LIMIT 1`);
    [{ id: id.operation }] = await api.db.query(`SELECT id FROM operations LIMIT 1`);
    // A case shared with the police (a live grant to the police organisation) and one that is not.
    [{ id: id.sharedCase }] = await api.db.query(
      `SELECT g.resource_id AS id FROM record_grants g JOIN youth_cases c ON c.id = g.resource_id
       WHERE g.resource_type = 'youth_case' AND g.grantee_id = $1 AND g.revoked_at IS NULL AND g.effect = 'grant'
         AND g.valid_from <= now() AND (g.valid_until IS NULL OR g.valid_until > now()) LIMIT 1`,
      [id.police],
    );
    [{ id: id.privateCase }] = await api.db.query(
      `SELECT c.id FROM youth_cases c WHERE c.status NOT IN ('closed', 'purged') AND NOT EXISTS (
         SELECT 1 FROM record_grants g WHERE g.resource_type = 'youth_case' AND g.resource_id = c.id AND g.grantee_id = $1) LIMIT 1`,
      [id.police],
    );
    // A meeting in a case not shared with the police, planned by social services.
    const meeting = await call('POST', `/youth-cases/${id.privateCase}/meetings`, 'social', { kind: 'network', plannedAt: '2030-04-20T14:00:00+02:00' });
    expect(meeting.status).toBe(201);
    id.meeting = meeting.body.id;
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  describe('notification links', () => {
    it('link an action, an inspection and a sanction case to their pages for those who may read them', async () => {
      const action = await notify('licensing', 'action', id.action);
      const inspection = await notify('licensing', 'inspection', id.inspection);
      const sanction = await notify('licensing', 'sanction_case', id.sanction);
      expect(await linkOf('licensing', action)).toBe(`/promise/actions/${id.action}`);
      expect(await linkOf('licensing', inspection)).toBe(`/inspections/${id.inspection}`);
      expect(await linkOf('licensing', sanction)).toBe(`/inspections/sanctions/${id.sanction}`);
      // The guard reads the promise but not inspections or sanctions: those are not linked.
      const guardAction = await notify('guard', 'action', id.action);
      const guardInspection = await notify('guard', 'inspection', id.inspection);
      const guardSanction = await notify('guard', 'sanction_case', id.sanction);
      expect(await linkOf('guard', guardAction)).toBe(`/promise/actions/${id.action}`);
      expect(await linkOf('guard', guardInspection)).toBeNull();
      expect(await linkOf('guard', guardSanction)).toBeNull();
      expect((await call('GET', `/inspections/${id.inspection}`, 'guard')).status).toBe(403);
    });

    it('link a police referral and a premises tip to their pages for licensing, and to nothing for a reader without premises access', async () => {
      const referral = await notify('licensing', 'licensing_referral', id.referral);
      expect(await linkOf('licensing', referral)).toBe(`/inspections/referrals/${id.referral}`);
      const guard = await notify('guard', 'licensing_referral', id.referral);
      expect(await linkOf('guard', guard)).toBeNull();
      // The premises tip the referral recorded opens its own page, for the same readers.
      const tip = await notify('licensing', 'premises_tip', id.tip);
      expect(await linkOf('licensing', tip)).toBe(`/inspections/tips/${id.tip}`);
      expect(await linkOf('guard', await notify('guard', 'premises_tip', id.tip))).toBeNull();
    });

    it('link a youth case for social services; for the police only where the case is shared with them', async () => {
      const social = await notify('social', 'youth_case', id.privateCase);
      expect(await linkOf('social', social)).toBe(`/youth-cases/${id.privateCase}`);
      const unshared = await notify('officer', 'youth_case', id.privateCase);
      expect(await linkOf('officer', unshared)).toBeNull();
      expect((await call('GET', `/youth-cases/${id.privateCase}`, 'officer')).status).toBe(404);
      const shared = await notify('officer', 'youth_case', id.sharedCase);
      expect(await linkOf('officer', shared)).toBe(`/youth-cases/${id.sharedCase}`);
      expect((await call('GET', `/youth-cases/${id.sharedCase}`, 'officer')).status).toBe(200);
    });

    it('link a plan item, a meeting or a consent to its youth case', async () => {
      const item = await notify('social', 'youth_meeting', id.meeting);
      expect(await linkOf('social', item)).toBe(`/youth-cases/${id.privateCase}`);
      const police = await notify('otherOfficer', 'youth_meeting', id.meeting);
      expect(await linkOf('otherOfficer', police)).toBeNull();
    });

    it('link an operation for its participants and commanders, never for another officer or the municipality', async () => {
      expect(await linkOf('officer', await notify('officer', 'operation', id.operation))).toBe(`/operations/${id.operation}`);
      expect(await linkOf('commander', await notify('commander', 'operation', id.operation))).toBe(`/operations/${id.operation}`);
      expect(await linkOf('otherOfficer', await notify('otherOfficer', 'operation', id.operation))).toBeNull();
      expect((await call('GET', `/operations/${id.operation}`, 'otherOfficer')).status).toBe(404);
      expect(await linkOf('manager', await notify('manager', 'operation', id.operation))).toBeNull();
    });

    it('marking one read answers it with its link', async () => {
      const n = await notify('licensing', 'inspection', id.inspection);
      const read = await call('POST', `/notifications/${n}/read`, 'licensing');
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ id: n, link: `/inspections/${id.inspection}` });
      expect(read.body.readAt).not.toBeNull();
    });
  });

  describe('deadline links', () => {
    it('link my own deadlines to their subject: a youth case’s tasks to the case', async () => {
      const mine = await call('GET', '/deadlines?scope=mine&status=open&limit=200', 'social');
      expect(mine.status).toBe(200);
      expect(mine.body.items.length).toBeGreaterThan(0);
      for (const d of mine.body.items) {
        expect(d.link).toMatch(d.kind === 'action_due' ? /^\/promise\/actions\/[0-9a-f-]{36}$/ : /^\/youth-cases\/[0-9a-f-]{36}$/);
      }
      expect(mine.body.items.some((d: { kind: string }) => d.kind.startsWith('youth_'))).toBe(true);
    });
  });

  describe('work queue', () => {
    it('shows the manager the organisation’s overdue actions, each linked, with counts per kind and person', async () => {
      const queue = await call('GET', '/work-queue?attention=true&limit=200', 'manager');
      expect(queue.status).toBe(200);
      expect(queue.body.total).toBeGreaterThan(0);
      for (const item of queue.body.items) {
        expect(item.responsibleOrganisationId).toBe(id.municipality);
        expect(['overdue', 'due_soon']).toContain(item.state);
        expect(item.link).not.toBeNull();
      }
      const actions = queue.body.items.filter((i: { kind: string }) => i.kind === 'action_due');
      expect(actions.length).toBeGreaterThan(0);
      expect(actions.every((a: { reassignVia: string | null }) => a.reassignVia === 'action')).toBe(true);
      // Youth deadlines name cases the manager may not open: they are not in the queue at all.
      expect(queue.body.items.some((i: { kind: string }) => i.kind.startsWith('youth_'))).toBe(false);

      const summary = await call('GET', '/work-queue/summary', 'manager');
      expect(summary.status).toBe(200);
      const overdueActions = (await call('GET', '/work-queue?kind=action_due&state=overdue&limit=200', 'manager')).body.total;
      expect(summary.body.byKind.find((k: { kind: string }) => k.kind === 'action_due').overdue).toBe(overdueActions);
      expect(summary.body.total.open).toBe((await call('GET', '/work-queue?limit=1', 'manager')).body.total);
    });

    it('gives a unit head their unit: the social services manager sees the youth deadlines, not licensing’s', async () => {
      const queue = await call('GET', '/work-queue?limit=200', 'socialChief');
      expect(queue.status).toBe(200);
      expect(queue.body.items.some((i: { kind: string }) => i.kind.startsWith('youth_'))).toBe(true);
      expect(queue.body.items.some((i: { responsibleUserId: string }) => i.responsibleUserId === user.licensing)).toBe(false);
    });

    it('filters by person and kind', async () => {
      const byPerson = await call('GET', `/work-queue?personId=${user.coordinator}&limit=200`, 'manager');
      expect(byPerson.status).toBe(200);
      expect(byPerson.body.total).toBeGreaterThan(0);
      expect(byPerson.body.items.every((i: { responsibleUserId: string }) => i.responsibleUserId === user.coordinator)).toBe(true);
      const none = await call('GET', '/work-queue?kind=licence_holder_response&limit=200', 'manager');
      expect(none.body.items.every((i: { kind: string }) => i.kind === 'licence_holder_response')).toBe(true);
      expect((await call('GET', '/work-queue?state=soon', 'manager')).status).toBe(400);
    });

    it('refuses the queue to those without the permission (403, audited)', async () => {
      const refused = await call('GET', '/work-queue', 'social');
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('access.permission_required');
      const denials = await api.auditEvents('access.denied');
      expect(denials.some((row) => row.actor_user_id === user.social && row.details.permission === 'work_queue:read')).toBe(true);
    });

    it('lists the staff to hand work to, and reassigns an action through the promises lib (audited, the deadline follows)', async () => {
      const staff = await call('GET', '/work-queue/staff', 'manager');
      expect(staff.status).toBe(200);
      expect(staff.body.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([user.coordinator, user.licensing]));
      expect(staff.body.some((p: { id: string }) => p.id === user.officer)).toBe(false);

      const action = await call('GET', `/actions/${id.action}`, 'manager');
      const moved = await call(
        'PUT',
        `/actions/${id.action}/responsible`,
        'manager',
        { responsibleUserId: user.licensing },
        { 'if-match': action.headers.etag as string },
      );
      expect(moved.status).toBe(200);
      const [deadline] = await api.db.query(`SELECT responsible_user_id FROM deadlines WHERE resource_id = $1 AND kind = 'action_due'`, [id.action]);
      expect(deadline.responsible_user_id).toBe(user.licensing);
      const audited = await api.db.query(`SELECT changed_fields, actor_user_id FROM audit_events WHERE action = 'action.update' AND resource_id = $1`, [
        id.action,
      ]);
      expect(audited).toEqual([expect.objectContaining({ actor_user_id: user.manager, changed_fields: ['responsibleUserId'] })]);
      const queue = await call('GET', `/work-queue?personId=${user.licensing}&kind=action_due&limit=200`, 'manager');
      expect(queue.body.items.map((i: { resourceId: string }) => i.resourceId)).toContain(id.action);
    });

    it('refuses a reassignment to those who may not: the guard (403) and a police officer outside the organisation (404 or 403)', async () => {
      const action = await call('GET', `/actions/${id.action}`, 'guard');
      const guard = await call(
        'PUT',
        `/actions/${id.action}/responsible`,
        'guard',
        { responsibleUserId: user.guard },
        { 'if-match': action.headers.etag as string },
      );
      expect(guard.status).toBe(403);
      const refusals = await api.auditEvents('promise_action.reassign');
      expect(refusals.some((row) => row.actor_user_id === user.guard && row.outcome === 'denied')).toBe(true);
      const commander = await call(
        'PUT',
        `/actions/${id.action}/responsible`,
        'otherOfficer',
        { responsibleUserId: user.otherOfficer },
        { 'if-match': action.headers.etag as string },
      );
      expect([403, 404]).toContain(commander.status);
      const [deadline] = await api.db.query(`SELECT responsible_user_id FROM deadlines WHERE resource_id = $1 AND kind = 'action_due'`, [id.action]);
      expect(deadline.responsible_user_id).toBe(user.licensing);
    });
  });
});
