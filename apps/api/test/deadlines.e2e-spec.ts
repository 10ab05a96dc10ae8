import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import {
  bucketJobId,
  bucketOf,
  DeadlinesService,
  DigestService,
  fireAt,
  fireAtSql,
  fireShiftSql,
  ReconcilerService,
  ReminderService,
  superseded,
  supersededSql,
} from '@samverkan/deadlines';
import { EmailService } from '@samverkan/notifications';
import { QueueName, redisConnection } from '@samverkan/platform';
import { deleteQueueKeys } from '@samverkan/testing';
import { Queue } from 'bullmq';
import { createWorkerApp } from '../../worker/src/worker.factory.js';
import { eventually, MailServer } from './support/mail-server.js';
import { coded, TestApi } from './support/test-api.js';

/**
 * Deadlines end to end: PostgreSQL, Redis (BullMQ), a real worker and a real SMTP server, with
 * reminder rules in seconds so that the real timers fire within the test.
 */
describe('deadlines, reminders and escalation', () => {
  let api: TestApi;
  let mail: MailServer;
  let worker: INestApplicationContext | undefined;
  let deadlines: DeadlinesService;
  let queue: Queue;
  const ids: Record<string, string> = {};

  async function startWorker() {
    worker = await createWorkerApp(api.env.config);
    await worker.init();
  }

  beforeAll(async () => {
    mail = await MailServer.start();
    api = await TestApi.start({ SMTP_URL: mail.url, EMAIL_RETRY_DELAY_MS: '200' });
    deadlines = api.app.get(DeadlinesService);
    queue = new Queue(QueueName.Deadlines, { connection: redisConnection(api.env.config.REDIS_URL, 'test'), prefix: api.env.config.QUEUE_PREFIX });
    ids.worker = await api.userId('socialsekreterare@hammaro.test');
    ids.chief = await api.userId('socialchef@hammaro.test');
    ids.unit = await api.unitId('Hammarö kommun', 'Socialtjänsten');
    ids.org = await api.organisationId('Hammarö kommun');
    const admin = await api.token('admin@samverkan.test');
    const etag = (await api.call('GET', '/api/v1/reminder-rules', { token: admin })).headers.etag as string;
    const rules = await api.call('PUT', '/api/v1/reminder-rules', {
      token: admin,
      headers: { 'if-match': etag },
      body: {
        rules: [
          { deadlineKind: 'test_due', key: 'before-2s', anchor: 'before', offsetValue: 2, offsetUnit: 'seconds', recipient: 'responsible', active: true },
          { deadlineKind: 'test_due', key: 'at-due', anchor: 'at', offsetValue: 0, offsetUnit: 'seconds', recipient: 'responsible', active: true },
          { deadlineKind: 'test_due', key: 'escalate', anchor: 'after', offsetValue: 1, offsetUnit: 'seconds', recipient: 'manager', active: true },
        ],
      },
    });
    expect(rules.status).toBe(200);
    expect(rules.headers.etag).not.toBe(etag);
    await api.db.query(`INSERT INTO notification_preferences (user_id, email_mode) VALUES ($1, 'immediate')`, [ids.worker]);
    await startWorker();
  });

  afterAll(async () => {
    await worker?.close();
    await queue?.close();
    await api?.close();
    await mail?.stop();
  });

  let counter = 0;
  /** A deadline for the social worker, due `inMs` from now, registered and scheduled like a module does. */
  async function register(inMs: number, extra: { responsibleUserId?: string | null } = {}): Promise<string> {
    counter += 1;
    const id = await api.db.transaction((manager) =>
      deadlines.upsert(manager, {
        kind: 'test_due',
        resourceType: 'test_subject',
        resourceId: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
        title: `Uppföljningsmöte ${counter}`,
        dueAt: new Date(Date.now() + inMs),
        responsibleUserId: extra.responsibleUserId === undefined ? ids.worker : extra.responsibleUserId,
        responsibleUnitId: ids.unit,
        responsibleOrganisationId: ids.org,
      }),
    );
    await deadlines.schedule([id]);
    return id;
  }

  /** The bucket of a deadline's reminder by one rule, as the TypeScript rules say (fireAt). */
  async function bucketFor(deadlineId: string, ruleKey: string): Promise<number> {
    const [row] = await api.db.query<{ due_at: Date; anchor: 'before' | 'at' | 'after'; offsetValue: number; offsetUnit: 'seconds' }[]>(
      `SELECT d.due_at, r.anchor, r.offset_value AS "offsetValue", r.offset_unit AS "offsetUnit"
       FROM deadlines d JOIN reminder_rules r ON r.deadline_kind = d.kind AND r.key = $2 WHERE d.id = $1`,
      [deadlineId, ruleKey],
    );
    return bucketOf(fireAt(row.due_at, row));
  }

  const deliveries = (deadlineId: string) =>
    api.db.query<{ rule_key: string; due_version: number; recipient_user_id: string; delivered_at: Date }[]>(
      'SELECT rule_key, due_version, recipient_user_id, delivered_at FROM reminder_deliveries WHERE deadline_id = $1 ORDER BY delivered_at',
      [deadlineId],
    );
  const notificationsFor = (deadlineId: string) =>
    api.db.query<{ user_id: string; kind: string; title: string }[]>('SELECT user_id, kind, title FROM notifications WHERE deadline_id = $1', [deadlineId]);

  /** A mail's text with quoted-printable undone. */
  const decoded = (raw: string) =>
    Buffer.from(
      raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');

  it('the SQL rules agree with the TypeScript rules: fire times, their bounds and overtaken reminders (#19)', async () => {
    // Due times around both DST changes of 2026, weekends and midnights, in Stockholm; rules of every unit.
    const dues = [
      '2026-03-27T23:00:00Z', // Saturday 28 March 00:00 CET, the night before summer time
      '2026-03-29T00:30:00Z',
      '2026-10-23T22:00:00Z', // Saturday 24 October 00:00 CEST, the night before winter time
      '2026-10-25T23:00:00Z', // Monday 26 October 00:00 CET
      '2026-11-27T12:34:56.789Z', // a Friday afternoon
      '2026-12-31T23:00:00Z',
    ].map((iso) => new Date(iso));
    const rules = [
      { key: 'a', anchor: 'at', offsetValue: 0, offsetUnit: 'days' },
      { key: 'b', anchor: 'before', offsetValue: 90, offsetUnit: 'seconds' },
      { key: 'c', anchor: 'after', offsetValue: 45, offsetUnit: 'minutes' },
      { key: 'd', anchor: 'before', offsetValue: 3, offsetUnit: 'hours' },
      { key: 'e', anchor: 'before', offsetValue: 7, offsetUnit: 'days' },
      { key: 'f', anchor: 'after', offsetValue: 1, offsetUnit: 'working_days' },
      { key: 'g', anchor: 'after', offsetValue: 2, offsetUnit: 'working_days' },
      { key: 'h', anchor: 'before', offsetValue: 6, offsetUnit: 'working_days' },
      { key: 'i', anchor: 'after', offsetValue: 12, offsetUnit: 'working_days' },
      { key: 'j', anchor: 'at', offsetValue: 5, offsetUnit: 'working_days' },
    ] as const;
    const sqlRules = `SELECT * FROM jsonb_to_recordset($2::jsonb) AS r(key text, anchor text, offset_value int, offset_unit text)`;
    const rows = await api.db.query<{ due: number; key: string; at: Date; low: Date; high: Date }[]>(
      `SELECT d.n AS due, r.key, ${fireAtSql('d', 'r')} AS at, d.due_at + ${fireShiftSql('r').min} AS low, d.due_at + ${fireShiftSql('r').max} AS high
       FROM unnest($1::timestamptz[]) WITH ORDINALITY AS d(due_at, n), (${sqlRules}) r`,
      [dues, JSON.stringify(rules.map((r) => ({ key: r.key, anchor: r.anchor, offset_value: r.offsetValue, offset_unit: r.offsetUnit })))],
    );
    expect(rows).toHaveLength(dues.length * rules.length);
    for (const row of rows) {
      const expected = fireAt(
        dues[row.due - 1],
        rules.find((r) => r.key === row.key)!,
      );
      expect({ due: row.due, key: row.key, at: row.at.toISOString() }).toEqual({ due: row.due, key: row.key, at: expected.toISOString() });
      expect(row.low.getTime()).toBeLessThanOrEqual(expected.getTime());
      expect(row.high.getTime()).toBeGreaterThanOrEqual(expected.getTime());
    }

    // Overtaken: a kind's rules for the same recipients, at moments before, between and after their times.
    const kind = [
      { key: 'week', anchor: 'before', offsetValue: 7, offsetUnit: 'days', recipient: 'responsible', active: true },
      { key: 'day', anchor: 'before', offsetValue: 1, offsetUnit: 'working_days', recipient: 'responsible', active: true },
      { key: 'due', anchor: 'at', offsetValue: 0, offsetUnit: 'seconds', recipient: 'responsible', active: true },
      { key: 'due-too', anchor: 'after', offsetValue: 0, offsetUnit: 'seconds', recipient: 'responsible', active: true },
      { key: 'off', anchor: 'after', offsetValue: 1, offsetUnit: 'hours', recipient: 'responsible', active: false },
      { key: 'escalate', anchor: 'after', offsetValue: 2, offsetUnit: 'working_days', recipient: 'manager', active: true },
    ] as const;
    await api.db.query(
      `INSERT INTO reminder_rules (deadline_kind, key, anchor, offset_value, offset_unit, recipient, active)
       SELECT 'sql_check', key, anchor, offset_value, offset_unit, recipient, active
       FROM jsonb_to_recordset($1::jsonb) AS r(key text, anchor text, offset_value int, offset_unit text, recipient text, active boolean)`,
      [JSON.stringify(kind.map((r) => ({ ...r, offset_value: r.offsetValue, offset_unit: r.offsetUnit })))],
    );
    const due = dues[0];
    const moments = [-8, -3, -0.5, 0, 0.01, 1, 5].map((days) => new Date(due.getTime() + days * 86_400_000));
    const overtaken = await api.db.query<{ m: number; key: string; superseded: boolean }[]>(
      `SELECT m.n AS m, r.key, ${supersededSql('d', 'r', fireAtSql('d', 'r'), 'm.now')} AS superseded
       FROM (SELECT $1::timestamptz AS due_at) d, unnest($2::timestamptz[]) WITH ORDINALITY AS m(now, n), reminder_rules r
       WHERE r.deadline_kind = 'sql_check'`,
      [due, moments],
    );
    expect(overtaken).toHaveLength(moments.length * kind.length);
    for (const row of overtaken) {
      const expected = superseded(
        kind.find((r) => r.key === row.key)!,
        kind,
        due,
        moments[row.m - 1],
      );
      expect({ m: row.m, key: row.key, superseded: row.superseded }).toEqual({ m: row.m, key: row.key, superseded: expected });
    }
    // The cases are not all alike: some are overtaken, some not.
    expect(new Set(overtaken.map((r) => r.superseded))).toEqual(new Set([true, false]));
  });

  it('fires each reminder at its offset, not before, and tells the responsible person in the inbox and by e-mail', async () => {
    const registeredAt = Date.now();
    const id = await register(4_000);
    const rows = await eventually(async () => {
      const r = (await deliveries(id)).filter((d) => d.recipient_user_id === ids.worker);
      expect(r.map((d) => d.rule_key)).toEqual(['before-2s', 'at-due']);
      return r;
    });
    // 2 s before a due time 4 s away fires after ~2 s; "at due" after ~4 s (2 s early tolerance for host clocks).
    expect(rows[0].delivered_at.getTime()).toBeGreaterThanOrEqual(registeredAt + 2_000 - 2_000);
    expect(rows[1].delivered_at.getTime()).toBeGreaterThanOrEqual(registeredAt + 4_000 - 2_000);
    expect(rows[1].delivered_at.getTime()).toBeGreaterThan(rows[0].delivered_at.getTime());

    const token = await api.token('socialsekreterare@hammaro.test');
    const inbox = await api.call('GET', '/api/v1/notifications?unread=true', { token });
    expect(inbox.body.items.map((n: { title: string }) => n.title)).toEqual(expect.arrayContaining(['Påminnelse: Uppföljningsmöte 1']));
    // Both reminders reached the inbox as one row for the deadline, refreshed by the later one (issue #16).
    expect((await notificationsFor(id)).filter((n) => n.user_id === ids.worker)).toHaveLength(1);
    expect((await api.call('GET', '/api/v1/notifications/unread-count', { token })).body.unread).toBe(1);
    // The two reminders to the responsible person; the escalation (1 s after due) goes to the manager
    // and may already have arrived on a slow machine, so mails are counted per recipient.
    const toWorker = () =>
      mail.received.filter(
        (m) => m.to.includes('socialsekreterare@hammaro.test') && (m.raw.includes('Uppf=C3=B6ljningsm=C3=B6te 1') || m.raw.includes('Uppföljningsmöte 1')),
      );
    await eventually(async () => expect(toWorker().length).toBe(2));
    expect(mail.received[0].to).toEqual(['socialsekreterare@hammaro.test']);
  });

  it('escalates an overdue deadline to the unit’s manager once', async () => {
    const id = await register(1_000);
    await eventually(async () => expect((await notificationsFor(id)).filter((n) => n.kind === 'deadline_escalation')).toHaveLength(1));
    const escalations = (await notificationsFor(id)).filter((n) => n.kind === 'deadline_escalation');
    expect(escalations[0]).toMatchObject({ user_id: ids.chief, title: 'Eskalering: Uppföljningsmöte 2' });
    // Every later run — another delivery of the same bucket, the reconciler — changes nothing.
    expect(await worker!.get(ReminderService).deliverBucket(await bucketFor(id, 'escalate'))).toEqual({ outcome: 'none', delivered: 0 });
    await worker!.get(ReconcilerService).run();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await notificationsFor(id)).filter((n) => n.kind === 'deadline_escalation')).toHaveLength(1);
  });

  it('creates one notification when the same bucket is delivered twice, even at once', async () => {
    const id = await register(60_000);
    const reminders = worker!.get(ReminderService);
    // Forced to run now (as a duplicate delivery would), the bucket is early: it is put back, nothing sent.
    expect(await reminders.deliverBucket(await bucketFor(id, 'at-due'))).toMatchObject({ outcome: 'early', delivered: 0 });
    // Now due (no job holds its new bucket): two deliveries of it at once.
    await api.db.query(`UPDATE deadlines SET due_at = now() - interval '3 seconds' WHERE id = $1`, [id]);
    const bucket = await bucketFor(id, 'at-due');
    const [first, second] = await Promise.all([reminders.deliverBucket(bucket), reminders.deliverBucket(bucket)]);
    expect([first, second].map((d) => d.outcome).sort()).toEqual(['delivered', 'none']);
    expect(first.delivered + second.delivered).toBe(1);
    expect(await notificationsFor(id)).toHaveLength(1);
    expect((await deliveries(id)).map((d) => [d.rule_key, d.recipient_user_id])).toEqual([['at-due', ids.worker]]);
  });

  it('tells a person once about a deadline due by the end of a day, reached several ways and registered late (issue #16)', async () => {
    // The social worker holds two current memberships of the responsible unit, and the deadline —
    // due by the end of 30 September 2022 — is registered long after it passed: every rule is due at once.
    await api.db.query(`INSERT INTO memberships (user_id, unit_id, role, valid_from) VALUES ($1, $2, 'social_worker', now() - interval '1 day')`, [
      ids.worker,
      ids.unit,
    ]);
    counter += 1;
    const title = `Uppföljningsmöte ${counter}`;
    const id = await api.db.transaction((manager) =>
      deadlines.upsert(manager, {
        kind: 'test_due',
        resourceType: 'test_subject',
        resourceId: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
        title,
        dueOn: '2022-09-30',
        responsibleUserId: null,
        responsibleUnitId: ids.unit,
        responsibleOrganisationId: ids.org,
      }),
    );
    await deadlines.schedule([id]);
    await eventually(async () => {
      const rows = await deliveries(id);
      expect(
        rows
          .filter((d) => d.rule_key === 'at-due')
          .map((d) => d.recipient_user_id)
          .sort(),
      ).toEqual([ids.worker, ids.chief].sort());
      expect(rows.filter((d) => d.rule_key === 'escalate')).toHaveLength(1);
    });
    await worker!.get(ReconcilerService).run();
    await new Promise((resolve) => setTimeout(resolve, 500));
    // The earlier rule was overtaken: never delivered, not even by the reconciler.
    expect((await deliveries(id)).filter((d) => d.rule_key === 'before-2s')).toEqual([]);
    const rows = await api.db.query<{ user_id: string; body: string }[]>(
      `SELECT user_id, body FROM notifications WHERE deadline_id = $1 AND kind = 'deadline_reminder' ORDER BY user_id`,
      [id],
    );
    expect(rows.map((r) => r.user_id)).toEqual([ids.worker, ids.chief].sort());
    // The due date is a date, not the midnight after it.
    expect(rows[0].body).toBe('Försenad – skulle ha varit klar senast 30 september 2022.');
    const token = await api.token('socialsekreterare@hammaro.test');
    const inbox = await api.call('GET', '/api/v1/notifications?limit=200', { token });
    expect(inbox.body.items.filter((n: { title: string }) => n.title === `Påminnelse: ${title}`)).toHaveLength(1);
    const listed = await api.call('GET', `/api/v1/deadlines?scope=unit&kind=test_due&limit=200`, { token });
    expect(listed.body.items.find((d: { id: string }) => d.id === id)).toMatchObject({ dueOn: '2022-09-30', dueAt: '2022-09-30T22:00:00.000Z' });
    const mails = await eventually(async () => {
      const found = mail.received.filter((m) => m.to.includes('socialsekreterare@hammaro.test') && decoded(m.raw).includes(title));
      expect(found).toHaveLength(1);
      return found;
    });
    expect(decoded(mails[0].raw)).toContain('senast 30 september 2022');
    expect(decoded(mails[0].raw)).not.toContain('kl. 00:00');
  });

  it('reschedules when the due time moves: the old reminder does not fire', async () => {
    const id = await register(2_500);
    await api.db.transaction((manager) =>
      deadlines.upsert(manager, {
        kind: 'test_due',
        resourceType: 'test_subject',
        resourceId: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
        title: `Uppföljningsmöte ${counter}`,
        dueAt: new Date(Date.now() + 6_000),
        responsibleUserId: ids.worker,
        responsibleUnitId: ids.unit,
        responsibleOrganisationId: ids.org,
      }),
    );
    await deadlines.schedule([id]);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect((await deliveries(id)).filter((d) => d.rule_key === 'at-due')).toEqual([]);
    const rows = await eventually(async () => {
      const r = (await deliveries(id)).filter((d) => d.rule_key === 'at-due');
      expect(r).toHaveLength(1);
      return r;
    });
    expect(rows[0].due_version).toBe(2);
  });

  it('stops reminding once the deadline is met', async () => {
    const id = await register(3_000); // the first reminder would fire in 1 s
    await api.db.transaction((manager) =>
      deadlines.close(manager, 'test_due', 'test_subject', `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`, 'met'),
    );
    await deadlines.schedule([id]);
    // Its bucket's jobs (queued when it was registered) still run, and find nothing of it to send.
    const bucket = await bucketFor(id, 'at-due');
    expect(await queue.getJob(bucketJobId(bucket))).toBeDefined();
    await eventually(async () => expect(await queue.getJob(bucketJobId(bucket))).toBeUndefined());
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await deliveries(id)).toEqual([]);
  });

  it('after Redis loses everything, the reconciler restores pending reminders and sends missed ones once', async () => {
    await worker!.close();
    worker = undefined;
    const missed = await register(1_000, { responsibleUserId: null }); // the whole unit is responsible
    const future = await register(120_000);
    // Redis empties (FLUSHALL or a restart without persistence) — here, everything under this file's prefix.
    await deleteQueueKeys(api.env.config.QUEUE_PREFIX);
    const futureBucket = bucketJobId(await bucketFor(future, 'at-due'));
    expect(await queue.getJob(futureBucket)).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // the "missed" reminders' time passes

    await startWorker(); // start-up reconciles
    const restored = await queue.getJob(futureBucket);
    expect(restored).toBeDefined();
    expect(await restored!.isDelayed()).toBe(true);
    await eventually(async () => {
      const rows = await deliveries(missed);
      // Both unit members (no person named) get the two reminders; the manager the escalation.
      expect(
        rows
          .filter((d) => d.rule_key === 'at-due')
          .map((d) => d.recipient_user_id)
          .sort(),
      ).toEqual([ids.worker, ids.chief].sort());
      expect(rows.filter((d) => d.rule_key === 'escalate')).toHaveLength(1);
    });
    await worker!.get(ReconcilerService).run();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await deliveries(missed)).filter((d) => d.rule_key === 'at-due')).toHaveLength(2);
  });

  it('a stopped worker loses nothing: a reminder due while it is down is sent when it is back', async () => {
    await worker!.close();
    worker = undefined;
    const id = await register(800);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(await deliveries(id)).toEqual([]);
    await startWorker();
    await eventually(async () => expect((await deliveries(id)).map((d) => d.rule_key)).toContain('at-due'));
  });

  it('retries e-mail the server refuses, then delivers it', async () => {
    const email = api.app.get(EmailService);
    const id = await api.db.transaction((manager) =>
      email.store(manager, { userId: ids.worker, kind: 'reminder', subject: 'Samverkan – test av omförsök', body: 'Hej!', dedupeKey: 'retry-test' }),
    );
    Object.assign(mail.refusal, { count: 2, marker: 'Hej!' }); // the server answers 451 twice
    await email.enqueue([id!]);
    const row = await eventually(async () => {
      const [r] = await api.db.query<{ status: string; attempts: number; last_error: string }[]>(
        'SELECT status, attempts, last_error FROM email_messages WHERE id = $1',
        [id],
      );
      expect(r.status).toBe('sent');
      return r;
    });
    expect(row.attempts).toBe(3);
    expect(row.last_error).toMatch(/451|busy/i);
    expect(mail.received.filter((m) => m.raw.includes('Hej!'))).toHaveLength(1);
  });

  it('sends one morning digest per user, grouping overdue and due-soon items, organisation-level deadlines included', async () => {
    const chief = ids.chief;
    await api.db.transaction(async (manager) => {
      for (const [n, inDays] of [
        [901, -2],
        [902, 3],
        [903, 20],
      ] as const) {
        await deadlines.upsert(manager, {
          kind: 'digest_test',
          resourceType: 'test_subject',
          resourceId: `00000000-0000-4000-8000-000000000${n}`,
          title: `Ärende ${n}`,
          dueAt: new Date(Date.now() + inDays * 86_400_000),
          responsibleUserId: chief,
          responsibleUnitId: ids.unit,
          responsibleOrganisationId: ids.org,
        });
      }
      // Nobody named and no unit: the organisation's supervisors answer for it, in the digest as in reminders.
      await deadlines.upsert(manager, {
        kind: 'digest_test',
        resourceType: 'test_subject',
        resourceId: '00000000-0000-4000-8000-000000000904',
        title: 'Ärende 904',
        dueAt: new Date(Date.now() + 86_400_000),
        responsibleOrganisationId: ids.org,
      });
    });
    const digest = worker!.get(DigestService);
    const first = await digest.run();
    expect(first.mails).toBeGreaterThanOrEqual(1);
    expect((await digest.run()).mails).toBe(0); // one per user and day
    const mailFor = await eventually(async () => {
      const found = mail.received.find((m) => m.to.includes('socialchef@hammaro.test') && m.raw.includes('rende 901'));
      expect(found).toBeDefined();
      return found!;
    });
    expect(mailFor.raw).toContain('rende 902');
    // Due times in the one date style, in Stockholm time (issue #16).
    expect(decoded(mailFor.raw)).toMatch(/Ärende 901 — \d{1,2} [a-zåäö]+ \d{4} kl\. \d{2}:\d{2}/);
    expect(mailFor.raw).toContain('rende 904');
    expect(mailFor.raw).not.toContain('rende 903');
    expect(mail.received.filter((m) => m.to.includes('socialchef@hammaro.test') && m.raw.includes('rende 901'))).toHaveLength(1);
  });

  it('lists my deadlines and my unit’s, and shows queue health to administrators', async () => {
    const token = await api.token('socialsekreterare@hammaro.test');
    const mine = await api.call('GET', '/api/v1/deadlines?scope=mine&kind=test_due&limit=200', { token });
    expect(mine.status).toBe(200);
    expect(mine.body.items.every((d: { responsibleUserId: string }) => d.responsibleUserId === ids.worker)).toBe(true);
    const overdue = await api.call('GET', '/api/v1/deadlines?overdue=true&limit=200', { token });
    expect(overdue.body.items.every((d: { overdue: boolean }) => d.overdue)).toBe(true);
    // The inbox is personal: another user's notification does not exist for me.
    const inbox = await api.call('GET', '/api/v1/notifications?limit=1', { token });
    const someone = await api.token('chef@hammaro.test');
    expect((await api.call('POST', `/api/v1/notifications/${inbox.body.items[0].id}/read`, { token: someone })).status).toBe(404);
    const read = await api.call('POST', `/api/v1/notifications/${inbox.body.items[0].id}/read`, { token });
    expect(read.body.readAt).toEqual(expect.any(String));
    await api.call('POST', '/api/v1/notifications/read-all', { token });
    expect((await api.call('GET', '/api/v1/notifications/unread-count', { token })).body).toEqual({ unread: 0 });
    const prefs = await api.call('PUT', '/api/v1/me/notification-preferences', { token, body: { emailMode: 'never' } });
    expect(prefs.body.errors).toEqual([coded('emailMode', 'field.one_of', { allowed: ['immediate', 'digest', 'off'] })]);

    expect((await api.call('GET', '/api/v1/admin/queues', { token })).status).toBe(403);
    const health = await api.call('GET', '/api/v1/admin/queues', { token: await api.token('admin@samverkan.test') });
    expect(health.body.queues.map((q: { name: string }) => q.name)).toEqual(['deadlines', 'notifications']);
    expect(health.body.email.sent).toBeGreaterThan(0);
  });

  it('delivers a full bucket set-based: every reminder once, to the recipients its rule names, none of closed or moved deadlines (#19)', async () => {
    // A kind with a reminder and an escalation at the same moment; 2 100 deadlines of the unit, all due
    // in the same second: one bucket, more guard rows than one page (5 000) of the delivery.
    await api.db.query(
      `INSERT INTO reminder_rules (deadline_kind, key, anchor, offset_value, offset_unit, recipient) VALUES
         ('bulk_due', 'at-due', 'at', 0, 'seconds', 'responsible'), ('bulk_due', 'escalate', 'after', 0, 'seconds', 'manager')`,
    );
    const due = new Date(Math.floor(Date.now() / 1000) * 1000 - 5_000);
    const created = await api.db.query<{ id: string }[]>(
      `INSERT INTO deadlines (kind, resource_type, resource_id, title, due_at, responsible_unit_id, responsible_organisation_id)
       SELECT 'bulk_due', 'test_subject', gen_random_uuid(), 'Samlad frist ' || n, $1, $2, $3 FROM generate_series(1, 2100) n RETURNING id`,
      [due, ids.unit, ids.org],
    );
    const [met, cancelled, moved] = created.map((r) => r.id);
    await api.db.query(`UPDATE deadlines SET status = 'met' WHERE id = $1`, [met]);
    await api.db.query(`UPDATE deadlines SET status = 'cancelled' WHERE id = $1`, [cancelled]);
    await api.db.query(`UPDATE deadlines SET due_at = due_at + interval '1 day', due_version = 2 WHERE id = $1`, [moved]);
    const bucket = bucketOf(due);

    // Nothing is taken off the queue while this test looks (resumed at the end).
    await queue.pause();
    try {
      // Two reconcilers at once (two workers) queue the bucket once: thousands of reminders, a handful of jobs.
      const reconciler = worker!.get(ReconcilerService);
      const [a, b] = await Promise.all([reconciler.run(), reconciler.run()]);
      expect(a.checked).toBeGreaterThanOrEqual(2097 * 2); // reminders: (deadline, rule)
      expect(b).toEqual(a);
      expect(a.buckets).toBeLessThan(10);
      expect(await queue.getJob(bucketJobId(bucket))).toBeDefined();
      await queue.remove(bucketJobId(bucket));

      // The bucket, delivered in one call: the unit's two members get the reminder, its manager the escalation; a second call sends nothing.
      const reminders = worker!.get(ReminderService);
      expect(await reminders.deliverBucket(bucket)).toEqual({ outcome: 'delivered', delivered: 2097 * 3 });
      expect(await reminders.deliverBucket(bucket)).toEqual({ outcome: 'none', delivered: 0 });
      // The reconciler finds nothing left of them.
      expect((await reconciler.run()).checked).toBe(a.checked - 2097 * 2);
    } finally {
      await queue.resume();
    }
    const perRule = await api.db.query<{ rule_key: string; recipient_user_id: string; n: number; linked: number }[]>(
      `SELECT x.rule_key, x.recipient_user_id, count(*)::int AS n, count(x.notification_id)::int AS linked
       FROM reminder_deliveries x JOIN deadlines d ON d.id = x.deadline_id WHERE d.kind = 'bulk_due' GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(perRule).toEqual(
      [
        { rule_key: 'at-due', recipient_user_id: ids.chief, n: 2097, linked: 2097 },
        { rule_key: 'at-due', recipient_user_id: ids.worker, n: 2097, linked: 2097 },
        { rule_key: 'escalate', recipient_user_id: ids.chief, n: 2097, linked: 2097 },
      ].sort((x, y) => (x.rule_key + x.recipient_user_id).localeCompare(y.rule_key + y.recipient_user_id)),
    );
    // One inbox row per person, deadline and kind, linked from its guard row; none for the closed or moved ones.
    const [inbox] = await api.db.query<{ rows: number; distinct_rows: number; unlinked: number; closed: number }[]>(
      `SELECT count(*)::int AS rows, count(DISTINCT (n.user_id, n.deadline_id, n.kind))::int AS distinct_rows,
              count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM reminder_deliveries x WHERE x.notification_id = n.id))::int AS unlinked,
              count(*) FILTER (WHERE n.deadline_id = ANY($1::uuid[]))::int AS closed
       FROM notifications n JOIN deadlines d ON d.id = n.deadline_id WHERE d.kind = 'bulk_due'`,
      [[met, cancelled, moved]],
    );
    expect(inbox).toEqual({ rows: 2097 * 3, distinct_rows: 2097 * 3, unlinked: 0, closed: 0 });
    const [sample] = await api.db.query<{ kind: string; title: string; body: string }[]>(
      `SELECT kind, title, body FROM notifications WHERE deadline_id = $1 AND user_id = $2`,
      [created[3].id, ids.worker],
    );
    expect(sample).toEqual({
      kind: 'deadline_reminder',
      title: 'Påminnelse: Samlad frist 4',
      body: expect.stringMatching(/^Försenad – skulle ha varit klar \d{1,2} [a-zåäö]+ \d{4} kl\. \d{2}:\d{2}\.$/),
    });
  });

  it('replaces reminder rules only against the version it read, and never with an empty list (issue #15)', async () => {
    const admin = await api.token('admin@samverkan.test');
    const rule = { deadlineKind: 'test_other', key: 'at-due', anchor: 'at', offsetValue: 0, offsetUnit: 'seconds', recipient: 'responsible', active: true };
    const put = (body: unknown, etag?: string) => api.call('PUT', '/api/v1/reminder-rules', { token: admin, body, headers: etag ? { 'if-match': etag } : {} });
    expect((await put({ rules: [rule] })).body).toMatchObject({ status: 428, code: 'version.if_match_required' });
    const seen = (await api.call('GET', '/api/v1/reminder-rules', { token: admin })).headers.etag as string;
    expect((await put({ rules: [] }, seen)).body.errors).toEqual([coded('rules', 'field.min_items', { min: 1 })]);
    const first = await put({ rules: [rule] }, seen);
    expect(first.status).toBe(200);
    expect(first.headers.etag).toBe(`"${Number(seen.replaceAll('"', '')) + 1}"`);
    // A second writer who read the same version would overwrite a change they have not seen: 412.
    const stale = await put({ rules: [{ ...rule, active: false }] }, seen);
    expect(stale.body).toMatchObject({ status: 412, code: 'version.stale', currentVersion: Number(seen.replaceAll('"', '')) + 1 });
    expect(await api.db.query(`SELECT active FROM reminder_rules WHERE deadline_kind = 'test_other'`)).toEqual([{ active: true }]);
    expect((await api.call('GET', '/api/v1/reminder-rules', { token: admin })).headers.etag).toBe(first.headers.etag);
  });
});
