import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { JobName, queueEventsFromNow, QueueName } from '@samverkan/platform';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { issueAndRead, pdfText, startDocumentWorker, untilRendered } from './support/documents.js';
import { coded, TestApi } from './support/test-api.js';

/**
 * The documents core (issue #21) through the yearly follow-up's report: preview and issue, the
 * letterhead, number and page numbers on every page, versions kept, sending recorded once, who
 * may see what, bad input, and the sweep of expired previews.
 */
describe('documents', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let coordinator: string;
  let followUpId: string;

  beforeAll(async () => {
    api = await TestApi.start({}, { promises: true });
    worker = await startDocumentWorker(api);
    coordinator = await api.token('trygghet@hammaro.test');
    [{ id: followUpId }] = await api.db.query(`SELECT id FROM follow_ups WHERE year = 2021 AND half IS NULL`);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  const report = (extra: Record<string, unknown> = {}) => ({ kind: 'follow_up_report', recordType: 'follow_up', recordId: followUpId, ...extra });

  it('previews a draft only its requester sees, marked UTKAST, with the figures of the follow-up', async () => {
    const { view, text } = await issueAndRead(api, coordinator, report());
    expect(view).toMatchObject({ version: null, registrationNumber: null, status: 'ready', progress: 100, title: 'Uppföljning av medborgarlöftet 2021' });
    expect(view.expiresAt).not.toBeNull();
    expect(text).toContain('UTKAST – ej utfärdat');
    expect(text).toContain('Hammarö kommun');
    expect(text).toContain('Uppföljning av medborgarlöftet 2021');
    expect(text).toContain('Godkänd uppföljning');
    expect(text).toMatch(/Sida 1 av \d/);
    // Another user, even one who may issue the report, does not see someone else's preview.
    const chief = await api.token('chef@hammaro.test');
    expect((await api.call('GET', `/api/v1/documents/${view.id}`, { token: chief })).status).toBe(404);
    expect((await api.call('GET', `/api/v1/documents/${view.id}/content`, { token: chief })).status).toBe(404);
    // Previews are not among the issued documents.
    const list = await api.call('GET', `/api/v1/documents?recordType=follow_up&recordId=${followUpId}`, { token: coordinator });
    expect(list.body.items.map((d: { id: string }) => d.id)).not.toContain(view.id);
  });

  it('issues versions under a registration number on every page, keeps the earlier, records sending once', async () => {
    const first = await issueAndRead(api, coordinator, report({ registrationNumber: 'KS 2022/117' }));
    expect(first.view).toMatchObject({ version: 1, registrationNumber: 'KS 2022/117', sentAt: null, requestedByName: 'Anna Karlsson' });
    expect(first.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = first.text.split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBe(first.view.pageCount);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page).toContain('Dnr KS 2022/117');
      expect(page).toContain('Uppföljning 2021 – ');
      expect(page).toContain(`Sida ${i + 1} av ${pages.length}`);
    });
    expect(first.text).not.toContain('UTKAST');

    const second = await issueAndRead(api, coordinator, report({ registrationNumber: 'KS 2022/118' }));
    expect(second.view.version).toBe(2);
    const list = await api.call('GET', `/api/v1/documents?recordType=follow_up&recordId=${followUpId}`, { token: coordinator });
    expect(list.status).toBe(200);
    expect(list.body.items.map((d: { version: number }) => d.version)).toEqual([2, 1]);
    // The first version is still there, as it was issued.
    const again = await api.call('GET', `/api/v1/documents/${first.view.id}/content`, { token: coordinator });
    expect(await pdfText(again.raw)).toContain('Dnr KS 2022/117');
    expect(again.headers['content-disposition']).toContain('attachment;');

    const sentAt = new Date(Date.now() - 60_000).toISOString();
    const sent = await api.call('POST', `/api/v1/documents/${first.view.id}/sent`, { token: coordinator, body: { sentAt } });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ sentAt, sentByName: 'Anna Karlsson' });
    const twice = await api.call('POST', `/api/v1/documents/${first.view.id}/sent`, { token: coordinator, body: { sentAt } });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('document.already_sent');
    const future = await api.call('POST', `/api/v1/documents/${second.view.id}/sent`, {
      token: coordinator,
      body: { sentAt: new Date(Date.now() + 3600_000).toISOString() },
    });
    expect(future.status).toBe(400);
    expect(future.body.errors).toEqual([coded('sentAt', 'document.sent_in_future')]);

    const events = await api.db.query(
      `SELECT action FROM audit_events WHERE resource_id = $1 AND action LIKE 'document.%' AND outcome = 'success' ORDER BY occurred_at`,
      [followUpId],
    );
    expect(events.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['document.preview', 'document.issue', 'document.list', 'document.read', 'document.sent']),
    );
  });

  it('refuses bad input at its field, a reader without the right to issue, and a stranger', async () => {
    const bad = await api.call('POST', '/api/v1/documents', {
      token: coordinator,
      body: { kind: 'hearing_letter', recordType: 'follow_up', recordId: followUpId, registrationNumber: '../etc' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['registrationNumber']);
    const mismatch = await api.call('POST', '/api/v1/documents', { token: coordinator, body: report({ kind: 'hearing_letter', registrationNumber: 'KS 1' }) });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.errors).toEqual([coded('kind', 'document.kind_mismatch', { recordType: 'sanction_case' })]);
    const noRecord = await api.call('POST', '/api/v1/documents/previews', {
      token: coordinator,
      body: report({ recordId: '00000000-0000-4000-8000-000000000000' }),
    });
    expect(noRecord.status).toBe(404);

    // The police area's officer reads the promise but does not report on it.
    const officer = await api.token('polis@karlstad.polisen.test');
    expect((await api.call('POST', '/api/v1/documents/previews', { token: officer, body: report() })).status).toBe(403);
    expect((await api.call('GET', `/api/v1/documents?recordType=follow_up&recordId=${followUpId}`, { token: officer })).status).toBe(200);

    // The system administrator reads no promise: the record and its documents do not exist for them.
    const stranger = await api.token('admin@samverkan.test');
    const [issued] = await api.db.query(`SELECT id FROM documents WHERE record_id = $1 AND version = 1`, [followUpId]);
    expect((await api.call('GET', `/api/v1/documents/${issued.id}/content`, { token: stranger })).status).toBe(404);
    const [denied] = await api.db.query(`SELECT outcome FROM audit_events WHERE action = 'document.read' AND resource_id = $1`, [issued.id]);
    expect(denied).toEqual({ outcome: 'denied' });
  });

  it('sweeps previews once they expire, and their files with them', async () => {
    const created = await api.call('POST', '/api/v1/documents/previews', { token: coordinator, body: report() });
    const view = await untilRendered(api, coordinator, created.body.id);
    const [{ storage_key: key }] = await api.db.query(`UPDATE documents SET expires_at = now() - interval '1 minute' WHERE id = $1 RETURNING storage_key`, [
      view.id,
    ]);
    const queue = worker.get<Queue>(getQueueToken(QueueName.Documents), { strict: false });
    const job = await queue.add(JobName.DocumentPreviewSweep, {});
    const events = await queueEventsFromNow(queue, { connection: queue.opts.connection, prefix: queue.opts.prefix });
    try {
      await events.waitUntilReady();
      expect(await job.waitUntilFinished(events, 30_000)).toEqual({ removed: expect.any(Number) });
    } finally {
      await events.close();
    }
    expect(await api.db.query('SELECT 1 FROM documents WHERE id = $1', [view.id])).toEqual([]);
    expect(await api.db.query('SELECT 1 FROM photo_blobs WHERE key = $1', [key])).toEqual([]);
  });
});
