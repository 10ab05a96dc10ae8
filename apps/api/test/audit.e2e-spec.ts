import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AuditAnchorService, AuditService, AuditVerificationService, type ChainVerificationRun } from '@samverkan/audit';
import { addDays, addMonths, QueueName, stockholmDate } from '@samverkan/platform';
import { luhnCheckDigit } from '@samverkan/youth';
import { TEST_REDIS_URL } from '@samverkan/testing';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { createWorkerApp } from '../../worker/src/worker.factory.js';
import { TestApi } from './support/test-api.js';

/**
 * A full verification as the worker does it (AuditVerificationService.runPending, the job's body),
 * asked for as an auditor asks: the run it stored once completed.
 */
async function verifyFull(api: TestApi): Promise<ChainVerificationRun> {
  const verification = api.app.get(AuditVerificationService);
  const { id } = await verification.requestFull(await api.userId('revisor@hammaro.test'));
  expect(await verification.runPending()).toEqual({ completed: [id] });
  const { lastRun } = await verification.state();
  expect(lastRun).toMatchObject({ id, status: 'completed' });
  return lastRun!;
}

describe('audit trail', () => {
  let api: TestApi;
  let auditor: string;

  beforeAll(async () => {
    api = await TestApi.start();
    auditor = await api.token('revisor@hammaro.test');
  });

  afterAll(async () => {
    await api?.close();
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    await api.token('chef@hammaro.test');
    await expect(api.db.query(`UPDATE audit_events SET action = 'x'`)).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(api.db.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only: DELETE refused/);
    await expect(api.db.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only: TRUNCATE refused/);
  });

  it('chains events even when many are written at once', async () => {
    const audit = api.app.get(AuditService);
    await Promise.all(Array.from({ length: 25 }, (_, i) => api.db.transaction((m) => audit.record({ action: 'test.concurrent', details: { i } }, m))));
    const started = await api.call('POST', '/api/v1/audit-events/verify', { token: auditor });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ kind: 'full', status: 'queued', requestedBy: await api.userId('revisor@hammaro.test') });
    await api.app.get(AuditVerificationService).runPending();
    const verified = await api.call('GET', '/api/v1/audit-events/verify', { token: auditor });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({
      current: null,
      lastRun: { id: started.body.id, valid: true, kind: 'full', anchors: expect.objectContaining({ checkedAnchors: 0 }) },
    });
    const [{ count }] = await api.db.query<{ count: number }[]>('SELECT count(*)::int AS count FROM audit_events WHERE id <= $1', [
      verified.body.lastRun.throughEventId,
    ]);
    expect(verified.body.lastRun.checkedEvents).toBe(count);
    expect(count).toBeGreaterThan(25);
  });

  it('records every mutating request, including failed ones, and reads of sensitive records', async () => {
    const admin = await api.token('it@hammaro.test');
    const bad = await api.call('POST', '/api/v1/users', { token: admin, body: { email: 'nope' } });
    expect(bad.status).toBe(400);
    const [failure] = (await api.auditEvents('http.request')).slice(-1);
    expect(failure).toMatchObject({
      outcome: 'failure',
      actor_user_id: await api.userId('it@hammaro.test'),
      details: { route: 'POST /api/v1/users', status: 400 },
    });

    const target = await api.userId('vaktare@hammaro.test');
    expect((await api.call('GET', `/api/v1/users/${target}`, { token: admin })).status).toBe(200);
    expect(await api.auditEvents('user.read')).toEqual([
      expect.objectContaining({ resource_id: target, actor_user_id: await api.userId('it@hammaro.test'), outcome: 'success' }),
    ]);

    const unauthenticated = await api.call('POST', `/api/v1/users/${target}/deactivate`);
    expect(unauthenticated.status).toBe(401);
    expect((await api.auditEvents('access.unauthenticated')).slice(-1)).toEqual([
      expect.objectContaining({ outcome: 'denied', details: { route: 'POST /api/v1/users/:id/deactivate' } }),
    ]);
  });

  it('lets an auditor filter and page the events of their organisation only', async () => {
    await api.token('polis@karlstad.polisen.test');
    const policeOfficer = await api.userId('polis@karlstad.polisen.test');

    const mine = await api.call('GET', '/api/v1/audit-events?action=auth.login&limit=200', { token: auditor });
    expect(mine.status).toBe(200);
    const actors = new Set(mine.body.items.map((e: { actorUserId: string }) => e.actorUserId));
    expect(actors.has(await api.userId('chef@hammaro.test'))).toBe(true);
    expect(actors.has(policeOfficer)).toBe(false);

    const admin = await api.token('admin@samverkan.test');
    const all = await api.call('GET', `/api/v1/audit-events?actorUserId=${policeOfficer}&action=auth.login`, { token: admin });
    expect(all.body.items).toEqual([expect.objectContaining({ actorUserId: policeOfficer, action: 'auth.login', outcome: 'success' })]);

    const paged = await api.call('GET', '/api/v1/audit-events?limit=2&offset=1', { token: admin });
    expect(paged.body).toMatchObject({ limit: 2, offset: 1 });
    expect(paged.body.items).toHaveLength(2);
    expect(paged.body.total).toBeGreaterThan(3);

    const window = await api.call('GET', `/api/v1/audit-events?from=2020-01-01T00:00:00Z&to=2020-12-31T00:00:00Z`, { token: admin });
    expect(window.body).toMatchObject({ items: [], total: 0 });

    const invalid = await api.call('GET', '/api/v1/audit-events?from=yesterday&outcome=maybe', { token: admin });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['from', 'outcome']);

    const socialWorker = await api.token('socialsekreterare@hammaro.test');
    expect((await api.call('GET', '/api/v1/audit-events', { token: socialWorker })).status).toBe(403);
    expect((await api.auditEvents('audit.read')).length).toBeGreaterThan(0);
  });

  it('names who acted, their unit and the record — a youth case by its case number, never the young person', async () => {
    const social = await api.token('socialsekreterare@hammaro.test');
    const birthDate = addDays(addMonths(stockholmDate(new Date()), -12 * 15), -41);
    const nine = `${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}417`;
    const personalNumber = `${birthDate.replaceAll('-', '')}-417${luhnCheckDigit(nine)}`;
    const subject = await api.call('POST', '/api/v1/youth-subjects', { token: social, body: { personalNumber, name: 'Ella Granskad' } });
    expect(subject.status).toBe(201);
    const opened = await api.call('POST', '/api/v1/youth-cases', { token: social, body: { subjectId: subject.body.id, form: 'sspf' } });
    expect(opened.status).toBe(201);
    const caseId = opened.body.id as string;
    expect((await api.call('GET', `/api/v1/youth-cases/${caseId}`, { token: social })).status).toBe(200);
    const caseNumber = `UÄ-${caseId.slice(0, 8).toUpperCase()}`;

    const reads = await api.call('GET', `/api/v1/audit-events?action=youth_case.read&resourceId=${caseId}`, { token: auditor });
    expect(reads.body.items).toEqual([
      expect.objectContaining({
        actor: { id: await api.userId('socialsekreterare@hammaro.test'), name: 'Sara Lindqvist', unitName: 'Socialtjänsten' },
        // The auditor may not open youth cases: the case number, no link.
        resource: { type: 'youth_case', id: caseId, label: caseNumber },
      }),
    ]);
    const subjectEvents = await api.call('GET', `/api/v1/audit-events?resourceType=youth_subject&resourceId=${subject.body.id}`, { token: auditor });
    expect(subjectEvents.body.items.length).toBeGreaterThan(0);
    for (const event of subjectEvents.body.items) expect(event.resource).toEqual({ type: 'youth_subject', id: subject.body.id, label: null });
    // Neither the name nor the number: with or without the dash, or as its ten digits. (Bare short digit
    // runs prove nothing: ids, hashes and timestamps hold any of them by chance.)
    const shown = JSON.stringify([reads.body, subjectEvents.body]);
    for (const part of ['Ella', 'Granskad', personalNumber, personalNumber.replace('-', ''), `${nine}${luhnCheckDigit(nine)}`])
      expect(shown).not.toContain(part);

    // An auditor of everything sees the case number too; a user's name comes with a link for one who may read users.
    const admin = await api.token('admin@samverkan.test');
    const target = await api.userId('vaktare@hammaro.test');
    expect((await api.call('GET', `/api/v1/users/${target}`, { token: admin })).status).toBe(200);
    const userReads = await api.call('GET', `/api/v1/audit-events?action=user.read&resourceId=${target}`, { token: admin });
    expect(userReads.body.items[0].resource).toEqual({ type: 'user', id: target, label: expect.any(String), link: `/admin/users/${target}` });
    const asAdmin = await api.call('GET', `/api/v1/audit-events?action=youth_case.read&resourceId=${caseId}`, { token: admin });
    expect(asAdmin.body.items[0].resource.label).toBe(caseNumber);

    // Sealed records of another organisation are not labelled: a police officer is refused the case,
    // and the police's own auditor sees that refusal without the case number.
    const police = await api.token('polis@karlstad.polisen.test');
    expect((await api.call('GET', `/api/v1/youth-cases/${caseId}`, { token: police })).status).toBe(404);
    await api.db.query(
      `INSERT INTO memberships (user_id, unit_id, role) SELECT u.id, m.unit_id, 'auditor' FROM users u JOIN memberships m ON m.user_id = u.id
       WHERE u.email = 'polis@karlstad.polisen.test' LIMIT 1`,
    );
    const policeAuditor = await api.token('polis@karlstad.polisen.test');
    const refused = await api.call('GET', `/api/v1/audit-events?action=youth_case.read&resourceId=${caseId}`, { token: policeAuditor });
    expect(refused.body.items).toEqual([expect.objectContaining({ outcome: 'denied', resource: { type: 'youth_case', id: caseId, label: null } })]);

    const systemEvents = await api.call('GET', '/api/v1/audit-events?action=audit.read&limit=1', { token: auditor });
    expect(systemEvents.body.items[0].actor).toMatchObject({ name: 'Karin Holm', unitName: 'Kommunledning' });
  });

  it('offers the known actions by area and the people the auditor may pick', async () => {
    const actions = await api.call('GET', '/api/v1/audit-events/actions', { token: auditor });
    expect(actions.status).toBe(200);
    expect(actions.body).toEqual(
      expect.arrayContaining([
        { action: 'youth_case.read', area: 'youth' },
        { action: 'auth.login', area: 'sign_in' },
      ]),
    );

    const people = await api.call('GET', '/api/v1/audit-events/actors', { token: auditor });
    expect(people.status).toBe(200);
    const names = people.body.map((p: { name: string }) => p.name);
    expect(names).toContain('Sara Lindqvist');
    expect(people.body.every((p: { organisationName: string }) => p.organisationName === 'Hammarö kommun')).toBe(true);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b, 'sv')));

    const socialWorker = await api.token('socialsekreterare@hammaro.test');
    expect((await api.call('GET', '/api/v1/audit-events/actors', { token: socialWorker })).status).toBe(403);
  });

  it('pages events of one instant newest first by id, without overlap or gap', async () => {
    // Ids that cross a power of ten (…98, 99, 100, 101…), where text order and number order part.
    const [{ last }] = await api.db.query<{ last: string }[]>('SELECT last_value::text AS last FROM audit_events_id_seq');
    const first = 10 ** String(Number(last) + 9).length - 3;
    await api.db.query(`SELECT setval('audit_events_id_seq', $1)`, [first - 1]);
    for (let i = 0; i < 7; i++) {
      await api.db.query(
        `INSERT INTO audit_events (occurred_at, action, outcome, prev_hash, hash) VALUES ('2025-06-01T08:00:00Z', 'test.same_instant', 'success', '', '')`,
      );
    }
    const admin = await api.token('admin@samverkan.test');
    const ids: string[] = [];
    for (const offset of [0, 3, 6]) {
      const page = await api.call('GET', `/api/v1/audit-events?action=test.same_instant&limit=3&offset=${offset}`, { token: admin });
      expect(page.body).toMatchObject({ total: 7, limit: 3, offset });
      ids.push(...page.body.items.map((e: { id: string }) => e.id));
    }
    expect(ids).toEqual(Array.from({ length: 7 }, (_, i) => String(first + 6 - i)));
  });

  it('verification finds the first altered event', async () => {
    const [target] = await api.db.query<{ id: string }[]>(`SELECT id::text FROM audit_events ORDER BY id LIMIT 1 OFFSET 3`);
    // Tampering as a superuser could: switch the guard off, edit, switch it on again.
    await api.db.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete');
    await api.db.query(`UPDATE audit_events SET outcome = 'success', action = 'auth.logout' WHERE id = $1`, [target.id]);
    await api.db.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete');

    expect((await api.call('POST', '/api/v1/audit-events/verify', { token: auditor })).status).toBe(202);
    await api.app.get(AuditVerificationService).runPending();
    const verified = await api.call('GET', '/api/v1/audit-events/verify', { token: auditor });
    expect(verified.body.lastRun).toMatchObject({
      valid: false,
      firstBrokenEventId: target.id,
      breakKind: 'contents',
      reason: 'its contents do not match its hash (the event was altered)',
    });
    // The run's finding is in the trail (by the system), and so is the auditor's reading of it.
    const [completed] = (await api.auditEvents('audit.verify_complete')).slice(-1);
    expect(completed).toMatchObject({ outcome: 'failure', actor_user_id: null, details: expect.objectContaining({ firstBrokenEventId: target.id }) });
    const [record] = (await api.auditEvents('audit.verify')).slice(-1);
    expect(record).toMatchObject({ outcome: 'failure', details: expect.objectContaining({ firstBrokenEventId: target.id }) });
    expect(await api.auditEvents('audit.verify_start')).toHaveLength(2);
  });
});

describe('audit trail: a removed event', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });

  afterAll(async () => {
    await api?.close();
  });

  it('breaks the link of the event after it', async () => {
    for (const email of ['chef@hammaro.test', 'trygghet@hammaro.test', 'alkohol@hammaro.test']) await api.token(email);
    const events = await api.db.query<{ id: string }[]>(`SELECT id::text FROM audit_events ORDER BY id`);
    await api.db.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete');
    await api.db.query(`DELETE FROM audit_events WHERE id = $1`, [events[1].id]);
    await api.db.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete');

    const verified = await verifyFull(api);
    expect(verified).toMatchObject({ valid: false, firstBrokenEventId: events[2].id, breakKind: 'link' });
    expect(verified.reason).toMatch(/link to the previous event/);
  });
});

/**
 * A database superuser can switch the triggers off and recompute the whole chain; the anchors,
 * sealed with a key the database never holds and mirrored outside it, still tell.
 */
describe('audit trail: anchored outside the database', () => {
  let api: TestApi;
  let anchors: AuditAnchorService;
  let redis: Redis;
  const headKey = () => `${api.env.config.QUEUE_PREFIX}:audit:anchor-head`;

  /** Rewrites event `id` and recomputes every hash after it, as someone with the database alone could. */
  async function rewriteChainFrom(id: string, details: object): Promise<void> {
    await api.db.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
    await api.db.query(`UPDATE audit_events SET details = $2 WHERE id = $1`, [id, JSON.stringify(details)]);
    const later = await api.db.query<{ id: string }[]>(`SELECT id::text FROM audit_events WHERE id >= $1 ORDER BY id`, [id]);
    for (const event of later) {
      await api.db.query(
        `UPDATE audit_events e SET prev_hash = coalesce((SELECT hash FROM audit_events p WHERE p.id < e.id ORDER BY p.id DESC LIMIT 1), '') WHERE e.id = $1`,
        [event.id],
      );
      await api.db.query(`UPDATE audit_events e SET hash = audit_event_digest(e, e.prev_hash) WHERE e.id = $1`, [event.id]);
    }
    await api.db.query('ALTER TABLE audit_events ENABLE TRIGGER USER');
  }

  beforeAll(async () => {
    api = await TestApi.start();
    anchors = api.app.get(AuditAnchorService);
    redis = new Redis(TEST_REDIS_URL);
  });

  afterAll(async () => {
    redis?.disconnect();
    await api?.close();
  });

  it('seals the head with a keyed HMAC, in the database and outside it, and only when something happened', async () => {
    await api.token('chef@hammaro.test');
    const first = await anchors.anchor();
    expect(first).toMatchObject({ seq: 1, prevMac: '', mac: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await anchors.anchor()).toBeNull();
    expect(JSON.parse((await redis.get(headKey())) ?? '{}')).toEqual({ seq: 1, eventId: first?.eventId, mac: first?.mac });

    await api.token('trygghet@hammaro.test');
    const second = await anchors.anchor();
    expect(second).toMatchObject({ seq: 2, prevMac: first?.mac });
    const verified = await verifyFull(api);
    expect(verified).toMatchObject({ valid: true, anchors: { checkedAnchors: 2, unanchoredEvents: 0, externalHead: 'confirmed' } });
  });

  it('detects a rewritten trail whose chain was recomputed to look intact', async () => {
    await api.token('alkohol@hammaro.test');
    await anchors.anchor();
    const [oldest] = await api.db.query<{ id: string }[]>(`SELECT id::text FROM audit_events ORDER BY id LIMIT 1`);
    await rewriteChainFrom(oldest.id, { rewritten: true });

    const verified = await verifyFull(api);
    expect(verified).toMatchObject({ valid: false, breakKind: 'anchor', anchors: { brokenAnchorSeq: 1 } });
    expect(verified.reason).toMatch(/no longer has the hash sealed then/);
  });
});

describe('audit trail: emptied by a superuser', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });

  afterAll(async () => {
    await api?.close();
  });

  it('is detected by the head kept outside the database, and a forged anchor by its seal', async () => {
    const anchors = api.app.get(AuditAnchorService);
    await api.token('chef@hammaro.test');
    await anchors.anchor();
    await api.token('trygghet@hammaro.test');
    await anchors.anchor();

    // A forged anchor (without the key) in place of a real one.
    await api.db.query('ALTER TABLE audit_anchors DISABLE TRIGGER USER');
    await api.db.query(`UPDATE audit_anchors SET mac = repeat('0', 64) WHERE seq = 2`);
    expect(await verifyFull(api)).toMatchObject({ valid: false, breakKind: 'anchor', anchors: { brokenAnchorSeq: 2 } });

    await api.db.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
    await api.db.query('TRUNCATE audit_events, audit_anchors');
    await api.db.query('ALTER TABLE audit_events ENABLE TRIGGER USER');
    await api.db.query('ALTER TABLE audit_anchors ENABLE TRIGGER USER');

    const verified = await verifyFull(api);
    expect(verified).toMatchObject({ valid: false, checkedEvents: 0, breakKind: 'anchor', anchors: { externalHead: 'contradicted', brokenAnchorSeq: 2 } });
  });
});

describe('audit trail: the worker anchors it', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start({ AUDIT_ANCHOR_EVERY_MS: '60000' });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('at start and then on its schedule', async () => {
    await api.token('chef@hammaro.test');
    const [newest] = await api.db.query<{ id: string }[]>(`SELECT max(id)::text AS id FROM audit_events`);
    const worker = await createWorkerApp(api.env.config);
    await worker.init();
    const queue = new Queue(QueueName.Audit, { connection: { url: TEST_REDIS_URL }, prefix: api.env.config.QUEUE_PREFIX });
    try {
      expect(await queue.getJobScheduler('audit-anchor')).toMatchObject({ every: 60_000 });
      // The anchor covers every event written before the worker started (the worker's own first
      // verification may record one more just before it).
      const anchors = await api.db.query<{ seq: number; eventId: string }[]>(`SELECT seq::int, event_id::text AS "eventId" FROM audit_anchors`);
      expect(anchors).toEqual([{ seq: 1, eventId: expect.any(String) }]);
      expect(BigInt(anchors[0].eventId)).toBeGreaterThanOrEqual(BigInt(newest.id));
    } finally {
      await queue.close();
      await worker.close();
    }
  });
});

/** Events recorded one by one, as the api records them outside a transaction. */
async function recordEvents(api: TestApi, count: number): Promise<void> {
  const audit = api.app.get(AuditService);
  for (let i = 0; i < count; i += 1) await audit.record({ action: 'test.paged', details: { i } });
}

/** Event ids in chain order. */
async function eventIds(api: TestApi): Promise<string[]> {
  return (await api.db.query<{ id: string }[]>(`SELECT e.id::text AS id FROM audit_events e ORDER BY e.id`)).map((row) => row.id);
}

/** Tampering as a superuser could: the append-only guard off for one statement. */
async function asSuperuser(api: TestApi, sql: string, params: unknown[]): Promise<void> {
  await api.db.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
  try {
    await api.db.query(sql, params);
  } finally {
    await api.db.query('ALTER TABLE audit_events ENABLE TRIGGER USER');
  }
}

/** Issue #19: the chain verified in pages of 5 events, so a few dozen events cross many pages. */
describe('audit trail: verified in pages', () => {
  let api: TestApi;
  let verification: AuditVerificationService;

  beforeAll(async () => {
    api = await TestApi.start({ AUDIT_VERIFY_PAGE_SIZE: '5' });
    verification = api.app.get(AuditVerificationService);
    await recordEvents(api, 32);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('reports an intact chain verified over several pages, with the count through the newest event', async () => {
    const ids = await eventIds(api);
    expect(ids.length).toBeGreaterThan(30);
    const run = await verifyFull(api);
    expect(run).toMatchObject({
      kind: 'full',
      valid: true,
      fromEventId: '0',
      untilEventId: ids.at(-1),
      throughEventId: ids.at(-1),
      checkedEvents: ids.length,
      runEvents: ids.length,
      totalEvents: ids.length,
    });
    expect(run.firstBrokenEventId).toBeUndefined();
  });

  it('checks only the new events in an incremental run; a full run finds an old event altered since', async () => {
    const { lastRun: before } = await verification.state();
    await recordEvents(api, 7);
    // An event the full run verified is altered: the incremental run does not look back at it.
    const ids = await eventIds(api);
    await asSuperuser(api, `UPDATE audit_events SET details = '{"altered": true}' WHERE id = $1`, [ids[2]]);

    expect(await verification.runPending({ kind: 'incremental' })).toEqual({ completed: [expect.any(String)] });
    const { lastRun: incremental } = await verification.state();
    const newer = ids.filter((id) => BigInt(id) > BigInt(before!.throughEventId!));
    expect(newer.length).toBeGreaterThan(7);
    expect(incremental).toMatchObject({
      kind: 'incremental',
      valid: true,
      requestedBy: null,
      fromEventId: before!.throughEventId,
      throughEventId: ids.at(-1),
      runEvents: newer.length,
      totalEvents: newer.length,
      checkedEvents: before!.checkedEvents + newer.length,
    });

    // Nothing written since but the run's own event: the next incremental run checks just that one.
    expect(await verification.runPending({ kind: 'incremental' })).toEqual({ completed: [expect.any(String)] });
    expect((await verification.state()).lastRun).toMatchObject({ kind: 'incremental', valid: true, runEvents: 1, fromEventId: ids.at(-1) });

    expect(await verifyFull(api)).toMatchObject({ valid: false, firstBrokenEventId: ids[2], breakKind: 'contents', throughEventId: ids[1], checkedEvents: 2 });
  });
});

describe('audit trail: breaks found in later pages', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start({ AUDIT_VERIFY_PAGE_SIZE: '5' });
    await recordEvents(api, 20);
    // A gap in the ids (a rolled-back insert leaves one too), for an event slipped in later.
    await api.db.query(`SELECT nextval('audit_events_id_seq')`);
    await recordEvents(api, 10);
  });

  afterAll(async () => {
    await api?.close();
  });

  // Each test tampers earlier in the chain than the one before, so the break it makes is the first.

  it('finds an event inserted out of band, at the event after it', async () => {
    const ids = await eventIds(api);
    const gap = ids.findIndex((id, i) => i > 0 && BigInt(id) - BigInt(ids[i - 1]) > 1n);
    expect(gap).toBeGreaterThan(10);
    const slipped = String(BigInt(ids[gap]) - 1n);
    // A careful forger: the inserted event links to the one before and carries its own correct hash.
    await asSuperuser(
      api,
      `INSERT INTO audit_events (id, occurred_at, action, outcome, prev_hash, hash) SELECT $1, now(), 'auth.login', 'success', hash, '' FROM audit_events WHERE id = $2`,
      [slipped, ids[gap - 1]],
    );
    await asSuperuser(api, `UPDATE audit_events e SET hash = audit_event_digest(e, e.prev_hash) WHERE id = $1`, [slipped]);

    expect(await verifyFull(api)).toMatchObject({
      valid: false,
      firstBrokenEventId: ids[gap],
      breakKind: 'link',
      throughEventId: slipped,
      checkedEvents: gap + 1,
    });
  });

  it('finds a removed event, at the event after it', async () => {
    const ids = await eventIds(api);
    await asSuperuser(api, `DELETE FROM audit_events WHERE id = $1`, [ids[13]]);
    expect(await verifyFull(api)).toMatchObject({ valid: false, firstBrokenEventId: ids[14], breakKind: 'link', throughEventId: ids[12], checkedEvents: 13 });
  });

  it('finds an altered event', async () => {
    const ids = await eventIds(api);
    await asSuperuser(api, `UPDATE audit_events SET outcome = 'failure' WHERE id = $1`, [ids[8]]);
    const run = await verifyFull(api);
    expect(run).toMatchObject({ valid: false, firstBrokenEventId: ids[8], breakKind: 'contents', throughEventId: ids[7], checkedEvents: 8 });
    // The next incremental run starts just before the break and finds it again: a break never heals.
    await api.app.get(AuditVerificationService).runPending({ kind: 'incremental' });
    expect((await api.app.get(AuditVerificationService).state()).lastRun).toMatchObject({
      kind: 'incremental',
      valid: false,
      firstBrokenEventId: ids[8],
      fromEventId: ids[7],
    });
  });
});

describe('audit trail: a verification stopped and resumed', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start({ AUDIT_VERIFY_PAGE_SIZE: '5' });
    await recordEvents(api, 25);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('continues from its checkpoint, and one run at a time', async () => {
    const verification = api.app.get(AuditVerificationService);
    const auditor = await api.token('revisor@hammaro.test');
    const started = await api.call('POST', '/api/v1/audit-events/verify', { token: auditor });
    expect(started.status).toBe(202);
    // A second full run while one waits is refused, naming the one there.
    const again = await api.call('POST', '/api/v1/audit-events/verify', { token: auditor });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'audit.verification_running', params: { runId: started.body.id } });

    // The worker stops after two pages (as on shutdown): the run keeps its checkpoint.
    let pages = 0;
    expect(await verification.runPending({ shouldStop: () => pages++ >= 2 })).toEqual({ completed: [] });
    const ids = await eventIds(api);
    const stopped = await api.call('GET', '/api/v1/audit-events/verify', { token: auditor });
    expect(stopped.body).toMatchObject({
      lastRun: null,
      current: { id: started.body.id, status: 'running', runEvents: 10, throughEventId: ids[9], checkedEvents: 10 },
    });
    const total = stopped.body.current.totalEvents as number;
    expect(total).toBeGreaterThan(25);

    // While a run holds the lock, another worker's attempt is told so and does nothing.
    const runner = api.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.query(`SELECT pg_advisory_lock(hashtext('audit_verification_runs'))`);
      expect(await verification.runPending({ kind: 'incremental' })).toBe('busy');
      await runner.query(`SELECT pg_advisory_unlock(hashtext('audit_verification_runs'))`);
    } finally {
      await runner.release();
    }

    // Proof that it resumes rather than starts again: an event before the checkpoint, altered now, is not looked at again.
    await asSuperuser(api, `UPDATE audit_events SET outcome = 'failure' WHERE id = $1`, [ids[3]]);
    expect(await verification.runPending()).toEqual({ completed: [started.body.id] });
    const resumed = await api.call('GET', '/api/v1/audit-events/verify', { token: auditor });
    expect(resumed.body).toMatchObject({
      current: null,
      lastRun: { id: started.body.id, valid: true, runEvents: total, totalEvents: total, checkedEvents: total },
    });
  });
});

describe('audit trail: the worker verifies it', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start({ AUDIT_VERIFY_PAGE_SIZE: '5' });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('runs a requested full verification from the queue and keeps its schedulers', async () => {
    const auditor = await api.token('revisor@hammaro.test');
    const started = await api.call('POST', '/api/v1/audit-events/verify', { token: auditor });
    expect(started.status).toBe(202);
    const worker = await createWorkerApp(api.env.config);
    await worker.init();
    const queue = new Queue(QueueName.AuditVerification, { connection: { url: TEST_REDIS_URL }, prefix: api.env.config.QUEUE_PREFIX });
    try {
      expect(await queue.getJobScheduler('audit-verify-incremental')).toMatchObject({ every: 3_600_000 });
      expect(await queue.getJobScheduler('audit-verify-full')).toMatchObject({ pattern: '0 3 * * 0', tz: 'Europe/Stockholm' });
      let run: { status: string; valid: boolean | null } | undefined;
      while (run?.status !== 'completed') {
        await new Promise((resolve) => setTimeout(resolve, 200));
        [run] = await api.db.query(`SELECT status, valid FROM audit_verification_runs WHERE id = $1`, [started.body.id]);
      }
      expect(run).toEqual({ status: 'completed', valid: true });
      const state = await api.call('GET', '/api/v1/audit-events/verify', { token: auditor });
      expect(state.status).toBe(200);
      expect(state.body.lastRun).toMatchObject({ valid: true });
    } finally {
      await queue.close();
      await worker.close();
    }
  });

  it('holds a requested run back while another verification has the lock, and does it after', async () => {
    const auditor = await api.token('revisor@hammaro.test');
    // Another worker's run, as far as the lock is concerned.
    const other = api.db.createQueryRunner();
    await other.connect();
    await other.query(`SELECT pg_advisory_lock(hashtext('audit_verification_runs'))`);
    const worker = await createWorkerApp(api.env.config);
    const queue = new Queue(QueueName.AuditVerification, { connection: { url: TEST_REDIS_URL }, prefix: api.env.config.QUEUE_PREFIX });
    try {
      const started = await api.call('POST', '/api/v1/audit-events/verify', { token: auditor });
      expect(started.status).toBe(202);
      await worker.init();
      const job = async () => (await queue.getJob(`verify-${started.body.id}-0`))!;
      while ((await (await job()).getState()) !== 'delayed') await new Promise((resolve) => setTimeout(resolve, 100));
      const [waiting] = await api.db.query(`SELECT status FROM audit_verification_runs WHERE id = $1`, [started.body.id]);
      expect(waiting).toEqual({ status: 'queued' });

      await other.query(`SELECT pg_advisory_unlock(hashtext('audit_verification_runs'))`);
      // The retry is due in half a minute; brought forward rather than waited for.
      await (await job()).promote();
      let run: { status: string; valid: boolean | null } | undefined;
      while (run?.status !== 'completed') {
        await new Promise((resolve) => setTimeout(resolve, 200));
        [run] = await api.db.query(`SELECT status, valid FROM audit_verification_runs WHERE id = $1`, [started.body.id]);
      }
      expect(run).toEqual({ status: 'completed', valid: true });
    } finally {
      await other.release();
      await queue.close();
      await worker.close();
    }
  });
});

describe('audit trail: a worker stopped during a verification', () => {
  let api: TestApi;

  beforeAll(async () => {
    // One event per page and a few thousand events: the run is still going when the worker is told to stop.
    api = await TestApi.start({ AUDIT_VERIFY_PAGE_SIZE: '1' });
    await api.db.query(`INSERT INTO audit_events (occurred_at, action, outcome, details, prev_hash, hash)
      SELECT now(), 'test.paged', 'success', jsonb_build_object('i', i), '', '' FROM generate_series(1, 1500) i`);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('leaves the run at its checkpoint, and the next worker finishes it', async () => {
    const auditor = await api.token('revisor@hammaro.test');
    const started = await api.call('POST', '/api/v1/audit-events/verify', { token: auditor });
    expect(started.status).toBe(202);
    const progress = async () =>
      (
        await api.db.query<{ status: string; checked: number; total: number | null }[]>(
          `SELECT status, checked_events::int AS checked, total_events::int AS total FROM audit_verification_runs WHERE id = $1`,
          [started.body.id],
        )
      )[0];
    const worker = await createWorkerApp(api.env.config);
    await worker.init();
    try {
      while ((await progress()).checked === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    } finally {
      // As on SIGTERM: the job stops after its page, so the worker closes without waiting for the whole run.
      await worker.close();
    }
    const stopped = await progress();
    expect(stopped.status).toBe('running');
    expect(stopped.checked).toBeGreaterThan(0);
    expect(stopped.checked).toBeLessThan(stopped.total!);

    // Its start puts the stopped run back on the queue (the job that stopped is finished in Redis).
    const next = await createWorkerApp(api.env.config);
    await next.init();
    try {
      while ((await progress()).status !== 'completed') await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      await next.close();
    }
    const state = await api.call('GET', '/api/v1/audit-events/verify', { token: auditor });
    expect(state.body.lastRun).toMatchObject({ id: started.body.id, valid: true, runEvents: stopped.total, totalEvents: stopped.total });
  });
});
