import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { INestApplicationContext } from '@nestjs/common';
import { createWorkerApp } from '../../../worker/src/worker.factory.js';
import type { TestApi } from './test-api.js';

const run = promisify(execFile);

/** The worker, in this process, so the api's documents are rendered (the documents queue). Close it in afterAll. */
export async function startDocumentWorker(api: TestApi): Promise<INestApplicationContext> {
  const worker = await createWorkerApp(api.env.config);
  await worker.init();
  return worker;
}

/** A PDF's text as `pdftotext -layout` reads it (Debian's poppler-utils; .ci/run installs it), pages split by form feeds. */
export async function pdfText(bytes: Buffer): Promise<string> {
  const child = run('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
  child.child.stdin?.end(bytes);
  return (await child).stdout;
}

/** Polls a document until the worker has rendered it (or failed); the view it ended with. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the api's JSON as it comes
export async function untilRendered(api: TestApi, token: string, id: string, timeoutMs = 60_000): Promise<any> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await api.call('GET', `/api/v1/documents/${id}`, { token });
    if (res.status !== 200) throw new Error(`GET /documents/${id}: ${res.status} ${JSON.stringify(res.body)}`);
    if (res.body.status !== 'pending') return res.body;
    if (Date.now() > until) throw new Error(`document ${id} still pending after ${timeoutMs} ms (progress ${res.body.progress})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Issues (with `registrationNumber`) or previews (without) a document, waits until it is rendered,
 * downloads it and reads its text. Fails the test on any refusal.
 */
export async function issueAndRead(
  api: TestApi,
  token: string,
  body: { kind: string; recordType: string; recordId: string; registrationNumber?: string },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the api's JSON as it comes
): Promise<{ view: any; text: string; bytes: Buffer }> {
  const created = await api.call('POST', body.registrationNumber ? '/api/v1/documents' : '/api/v1/documents/previews', { token, body });
  if (created.status !== 202) throw new Error(`issuing ${body.kind}: ${created.status} ${JSON.stringify(created.body)}`);
  const view = await untilRendered(api, token, created.body.id);
  if (view.status !== 'ready') throw new Error(`document ${view.id} ended ${view.status}`);
  const content = await api.call('GET', `/api/v1/documents/${view.id}/content`, { token });
  if (content.status !== 200) throw new Error(`downloading ${view.id}: ${content.status} ${String(content.body).slice(0, 200)}`);
  return { view, text: await pdfText(content.raw), bytes: content.raw };
}
