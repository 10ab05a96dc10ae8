import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, addMonths, FixedClock, JobName, queueEventsFromNow, QueueName, redisConnection, stockholmDate } from '@samverkan/platform';
import { luhnCheckDigit } from '@samverkan/youth';
import { Queue } from 'bullmq';
import { createWorkerApp } from '../../worker/src/worker.factory.js';
import { coded, TestApi } from './support/test-api.js';

const today = stockholmDate(new Date());

/** A valid personal number for someone `years` old today, with a chosen serial (never a research day: purgeable). */
function personalNumber(years: number, serial: string): string {
  let birthDate = addDays(addMonths(today, -12 * years), -40);
  if (['05', '15', '25'].includes(birthDate.slice(8))) birthDate = addDays(birthDate, -1);
  const nine = `${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}${serial}`;
  const canonical = `${birthDate.replaceAll('-', '')}${serial}${luhnCheckDigit(nine)}`;
  return `${canonical.slice(0, 8)}-${canonical.slice(8)}`;
}

/** A small but real PDF: a signed consent, as a scanner would send it. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
const LIMIT = 4096;

/**
 * Attachments on youth cases (issue #21) through the api, on both file storage drivers: upload
 * with the type read from the bytes, every bad input a 400 at its field with nothing stored, the
 * police seeing a file only while its category is shared with them, every download and every
 * refused one audited, and the files going with the case when it is purged.
 */
describe.each(['postgres', 'disk'])('attachments on youth cases (%s storage)', (driver) => {
  let api: TestApi;
  let dir: string;
  const token: Record<string, string> = {};
  const id: Record<string, string> = {};

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, who: string, body?: unknown, headers?: Record<string, string>) =>
    api.call(method, `/api/v1${url}`, { token: token[who], body, headers });
  const upload = (caseId: string, query: Record<string, string>, body: Buffer, who = 'worker', contentType = 'application/octet-stream') =>
    call('POST', `/youth-cases/${caseId}/attachments?${new URLSearchParams(query)}`, who, body, { 'content-type': contentType });
  const stored = async () => {
    const [{ attachments }] = await api.db.query<{ attachments: number }[]>('SELECT count(*)::int AS attachments FROM attachments');
    const [{ blobs }] = await api.db.query<{ blobs: number }[]>(
      driver === 'disk' ? 'SELECT count(*)::int AS blobs FROM disk_files' : 'SELECT count(*)::int AS blobs FROM photo_blobs',
    );
    return { attachments, blobs };
  };
  const openCase = async (serial: string, name: string) => {
    const subject = await call('POST', '/youth-subjects', 'worker', { personalNumber: personalNumber(15, serial), name });
    expect(subject.status).toBe(201);
    const opened = await call('POST', '/youth-cases', 'worker', { subjectId: subject.body.id, form: 'sspf' });
    expect(opened.status).toBe(201);
    return opened.body.id as string;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'samverkan-attachments-'));
    api = await TestApi.start({ FILE_STORAGE: driver, FILE_STORAGE_DIR: dir, ATTACHMENT_MAX_BYTES: String(LIMIT) });
    for (const [who, email] of Object.entries({
      worker: 'socialsekreterare@hammaro.test',
      chief: 'socialchef@hammaro.test',
      police: 'polis@karlstad.polisen.test',
      licensing: 'alkohol@hammaro.test',
    }))
      token[who] = await api.token(email);
    id.police = await api.organisationId('Lokalpolisområde Karlstad');
    id.case = await openCase('238', 'Elias Nyström');
  });

  afterAll(async () => {
    await api?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('stores a PDF with its name, description and category, the type read from the bytes, and lists it', async () => {
    const made = await upload(id.case, { fileName: 'Samtycke Nyström, undertecknat.pdf', description: 'Undertecknat samtycke', category: 'basic' }, PDF);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      recordType: 'youth_case',
      recordId: id.case,
      fileName: 'Samtycke Nyström, undertecknat.pdf',
      description: 'Undertecknat samtycke',
      category: 'basic',
      contentType: 'application/pdf',
      byteSize: PDF.length,
      uploadedByName: expect.any(String),
    });
    id.consentFile = made.body.id;
    // A PNG sent as a PDF is stored as what it is.
    const family = await upload(id.case, { fileName: 'Foto.png', category: 'family' }, PNG, 'worker', 'application/pdf');
    expect(family.body).toMatchObject({ contentType: 'image/png', category: 'family' });
    id.familyFile = family.body.id;

    const listed = await call('GET', `/youth-cases/${id.case}/attachments`, 'worker');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((a: { id: string }) => a.id).sort()).toEqual([id.consentFile, id.familyFile].sort());
    expect(await stored()).toEqual({ attachments: 2, blobs: 2 });
    if (driver === 'disk') expect((await readdir(dir)).filter((n) => !n.startsWith('.')).length).toBe(2);

    const download = await call('GET', `/attachments/${id.consentFile}/content`, 'worker');
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Samtycke Nystr_m, undertecknat.pdf"; filename*=UTF-8''${encodeURIComponent('Samtycke Nyström, undertecknat.pdf')}`,
    );
    expect(download.raw.equals(PDF)).toBe(true);
    const [event] = (await api.auditEvents('attachment.read')).filter((e) => e.outcome === 'success');
    expect(event).toMatchObject({ resource_id: id.case, details: { attachmentId: id.consentFile, category: 'basic' } });
  });

  it('refuses every bad input with a 400 at its field and stores nothing', async () => {
    const before = await stored();
    const refused = async (query: Record<string, string>, body: Buffer, contentType?: string) => {
      const res = await upload(id.case, query, body, 'worker', contentType);
      expect(res.status).toBe(400);
      return res.body.errors;
    };
    const ok = { fileName: 'fil.pdf', category: 'school' };
    expect(await refused(ok, Buffer.from('MZ\x90\x00 an executable'))).toEqual([coded('body', 'attachment.type_refused')]);
    expect(await refused(ok, Buffer.from('<svg onload="alert(1)"></svg>'))).toEqual([coded('body', 'attachment.type_refused')]);
    expect(await refused(ok, Buffer.alloc(0))).toEqual([coded('body', 'attachment.body_missing')]);
    expect(await refused(ok, Buffer.concat([PDF, Buffer.alloc(LIMIT)]))).toEqual([coded('body', 'attachment.too_large', { maxBytes: LIMIT })]);
    expect(await refused({ ...ok, fileName: '../../etc/passwd' }, PDF)).toEqual([coded('fileName', 'attachment.name_path')]);
    expect(await refused({ ...ok, fileName: 'C:\\Users\\samtycke.pdf' }, PDF)).toEqual([coded('fileName', 'attachment.name_path')]);
    expect(await refused({ ...ok, fileName: 'samtycke\u0007.pdf' }, PDF)).toEqual([coded('fileName', 'attachment.name_control')]);
    expect(await refused({ ...ok, fileName: `${'å'.repeat(197)}.pdf` }, PDF)).toEqual([coded('fileName', 'attachment.name_too_long', { max: 200 })]);
    expect(await refused({ category: 'school' }, PDF)).toEqual([coded('fileName', 'attachment.name_missing')]);
    expect(await refused({ fileName: 'fil.pdf' }, PDF)).toEqual([coded('category', 'attachment.category_required')]);
    expect(await refused({ fileName: 'fil.pdf', category: 'secrets' }, PDF)).toEqual([coded('category', 'attachment.category_required')]);
    // Every fault at once.
    expect(await refused({ fileName: 'a/b' }, Buffer.alloc(0))).toEqual([
      coded('fileName', 'attachment.name_path'),
      coded('body', 'attachment.body_missing'),
      coded('category', 'attachment.category_required'),
    ]);
    // Far beyond the limit the request is refused before it is read to the end.
    expect((await upload(id.case, ok, Buffer.concat([PDF, Buffer.alloc(5 * LIMIT)]))).status).toBe(413);
    expect(await stored()).toEqual(before);
    if (driver === 'disk') expect((await readdir(dir)).filter((n) => !n.startsWith('.')).length).toBe(before.blobs);
  });

  it('shows the police a file only while its category is shared with them; other downloads are 404 and audited', async () => {
    const policeIds = async () => {
      const res = await call('GET', `/youth-cases/${id.case}/attachments`, 'police');
      return res.status === 200 ? res.body.items.map((a: { id: string }) => a.id) : res.status;
    };
    // Nothing shared: the case does not exist for the police.
    expect(await policeIds()).toBe(404);
    expect((await call('GET', `/attachments/${id.consentFile}/content`, 'police')).status).toBe(404);

    const consent = await call('POST', `/youth-cases/${id.case}/consents`, 'worker', {
      signers: [
        { name: 'Maria Nyström', role: 'guardian' },
        { name: 'Elias Nyström', role: 'young_person' },
      ],
      organisationIds: [id.police],
      categories: ['school'],
      signedOn: addDays(today, -1),
      validFrom: addDays(today, -1),
      validUntil: addDays(today, 60),
    });
    expect(consent.status).toBe(201);
    // Basic data comes with any consent; family does not.
    expect(await policeIds()).toEqual([id.consentFile]);
    const seen = await call('GET', `/attachments/${id.consentFile}/content`, 'police');
    expect(seen.status).toBe(200);
    expect(seen.raw.equals(PDF)).toBe(true);
    const hidden = await call('GET', `/attachments/${id.familyFile}/content`, 'police');
    expect(hidden.status).toBe(404);
    const denied = (await api.auditEvents('attachment.read')).filter((e) => e.outcome === 'denied');
    expect(denied.map((e) => e.resource_id)).toEqual(expect.arrayContaining([id.consentFile, id.familyFile]));
    const policeUser = await api.userId('polis@karlstad.polisen.test');
    expect(denied.filter((e) => e.actor_user_id === policeUser && e.resource_id === id.familyFile)).toHaveLength(1);

    // Seeing is not changing: the police may neither add nor remove files.
    expect((await upload(id.case, { fileName: 'polis.pdf', category: 'school' }, PDF, 'police')).status).toBe(403);
    expect((await call('DELETE', `/attachments/${id.consentFile}`, 'police')).status).toBe(403);
    expect((await call('DELETE', `/attachments/${id.familyFile}`, 'police')).status).toBe(404);

    // Withdrawn: nothing more, at once.
    const withdrawn = await call('POST', `/youth-cases/${id.case}/consents/${consent.body.id}/withdraw`, 'worker', { reason: 'Vårdnadshavaren återkallade.' });
    expect(withdrawn.status).toBe(200);
    expect((await call('GET', `/attachments/${id.consentFile}/content`, 'police')).status).toBe(404);
    // Others outside the case see nothing either.
    expect((await call('GET', `/attachments/${id.consentFile}/content`, 'licensing')).status).toBe(404);
  });

  it('removes a file and its bytes for whoever may change the case', async () => {
    const extra = await upload(id.case, { fileName: 'Kopia.pdf', category: 'school' }, PDF);
    const before = await stored();
    const removed = await call('DELETE', `/attachments/${extra.body.id}`, 'worker');
    expect(removed.status).toBe(204);
    expect(await stored()).toEqual({ attachments: before.attachments - 1, blobs: before.blobs - 1 });
    expect((await call('GET', `/attachments/${extra.body.id}/content`, 'worker')).status).toBe(404);
    expect((await api.auditEvents('attachment.remove')).map((e) => e.details.attachmentId)).toEqual([extra.body.id]);
  });

  it('purges the files with their case when its retention date comes', async () => {
    const caseId = await openCase('294', 'Hugo Sandberg');
    expect((await upload(caseId, { fileName: 'Samtycke.pdf', category: 'basic' }, PDF)).status).toBe(201);
    expect((await upload(caseId, { fileName: 'Skolan.png', category: 'school' }, PNG)).status).toBe(201);
    const before = await stored();
    const etag = (await call('GET', `/youth-cases/${caseId}`, 'worker')).headers.etag as string;
    const closed = await api.call('POST', `/api/v1/youth-cases/${caseId}/transition`, {
      token: token.chief,
      body: { to: 'closed' },
      headers: { 'if-match': etag },
    });
    expect(closed.status).toBe(200);
    const clock = new FixedClock(new Date(`${closed.body.purgeOn}T03:00:00+01:00`));
    let worker: INestApplicationContext | undefined;
    const connection = redisConnection(api.env.config.REDIS_URL, 'test');
    const queue = new Queue(QueueName.Youth, { connection, prefix: api.env.config.QUEUE_PREFIX });
    const events = await queueEventsFromNow(queue, { connection, prefix: api.env.config.QUEUE_PREFIX });
    try {
      worker = await createWorkerApp(api.env.config, { clock });
      await worker.init();
      await events.waitUntilReady();
      const job = await queue.add(JobName.YouthRetentionPurge, {});
      expect(await job.waitUntilFinished(events, 30_000)).toEqual({ purged: 1 });
    } finally {
      await worker?.close();
      await events.close();
      await queue.close();
    }
    expect(await stored()).toEqual({ attachments: before.attachments - 2, blobs: before.blobs - 2 });
    expect(await api.db.query('SELECT 1 FROM attachments WHERE record_id = $1', [caseId])).toEqual([]);
    const [tomb] = await api.db.query(`SELECT tombstone FROM youth_cases WHERE id = $1`, [caseId]);
    expect(tomb.tombstone.removed).toMatchObject({ attachments: 2 });
    if (driver === 'disk') expect((await readdir(dir)).filter((n) => !n.startsWith('.')).length).toBe(before.blobs - 2);
  });
});
