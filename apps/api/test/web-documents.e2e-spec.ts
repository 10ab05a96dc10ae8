import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Locator, Page } from 'playwright-core';
import { seriousA11yViolations } from './support/browser.js';
import { pdfText } from './support/documents.js';
import type { TestApi } from './support/test-api.js';
import { BROWSER_TEST_TIMEOUT, WebTestApp } from './support/web-app.js';

/**
 * Documents in the browser (issue #21), with a worker in this process rendering them: the
 * municipality's manager previews the yearly follow-up report of the citizen promise (the progress
 * shows, then the draft in the page), issues it under a registration number, marks it sent, issues
 * it again, and downloads the first version; both versions stay listed.
 */
describe('web client: documents', () => {
  jest.setTimeout(BROWSER_TEST_TIMEOUT);
  let web: WebTestApp;
  let api: TestApi;
  let base: string;
  let followUpId: string;
  /** The manager's page, signed in once for the tests the manager does. */
  let chef: Page;

  beforeAll(async () => {
    web = await WebTestApp.start({}, undefined, { worker: true });
    ({ api, base } = web);
    [{ id: followUpId }] = await api.db.query(`SELECT id FROM follow_ups ORDER BY created_at DESC LIMIT 1`);
    chef = await web.signIn('chef@hammaro.test');
  });

  afterAll(async () => {
    await web?.close();
  });

  /** Axe at 1280 and 375 px, and nothing wider than a phone. */
  async function checkWidths(page: Page) {
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 375, height: 800 });
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(375);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  /** Issues `kind` (its label) from the section under `dnr` and waits for the version it gets: its row. */
  async function issue(section: Locator, dnr: string, version: number, kind = 'Uppföljningsrapport') {
    const form = section.locator('.documents-kind').filter({ hasText: `Utfärda ${kind}` });
    if (!(await form.getByLabel('Diarienummer').isVisible())) await form.getByText(`Utfärda ${kind}`, { exact: true }).click();
    await form.getByLabel('Diarienummer').fill(dnr);
    await form.getByRole('button', { name: 'Utfärda dokumentet' }).click();
    await form
      .getByRole('status')
      .getByText(/^Skapar dokumentet … \d+ %$/)
      .waitFor();
    await form.getByRole('status').getByText(`${kind} version ${version} är utfärdad.`).waitFor();
    return section.getByRole('row').filter({ hasText: `${kind} version ${version}` });
  }

  it('manager: previews the follow-up report, issues it, marks it sent, issues it again and downloads the first version', async () => {
    const page = chef;
    await page.goto(`${base}/promise/follow-ups/${followUpId}`);
    const section = page.locator('#record-documents');
    await section.getByRole('heading', { name: 'Dokument', exact: true }).waitFor();
    await section.getByText('Inga utfärdade dokument.').waitFor();

    // Preview: the progress, then the draft in the page.
    await section.getByRole('button', { name: 'Förhandsgranska Uppföljningsrapport' }).click();
    await section
      .getByRole('status')
      .getByText(/^Skapar dokumentet … \d+ %$/)
      .waitFor();
    expect(await section.locator('progress').count()).toBe(1);
    const panel = section.locator('.documents-preview');
    await panel.getByRole('heading', { name: /^Förhandsgranskning: / }).waitFor();
    const src = (await panel.locator('iframe').getAttribute('src'))!;
    expect(src).toMatch(/^blob:/);
    const [draft] = await Promise.all([page.waitForEvent('download'), panel.getByRole('link', { name: 'Ladda ner utkastet' }).click()]);
    const drafted = await readFile((await draft.path())!);
    expect(drafted.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await pdfText(drafted)).toContain('UTKAST');
    // The frame shows it: one the page's security policy refused would hold Chromium's error page instead.
    expect(page.frames().map((f) => f.url())).toContain(src);
    await checkWidths(page);
    await panel.getByRole('button', { name: 'Stäng' }).click();
    expect(await section.locator('.documents-preview').count()).toBe(0);
    // A preview is registered nowhere.
    await section.getByText('Inga utfärdade dokument.').waitFor();

    // Issued under a Dnr, then marked sent.
    const first = await issue(section, 'KS 2026/0412', 1);
    await first.getByRole('cell', { name: 'KS 2026/0412' }).waitFor();
    expect(await first.textContent()).toContain('av Per Olsson');
    await first.getByText('Markera som skickad').click();
    await first.getByLabel('Skickad (datum och tid)').waitFor();
    await first.getByRole('button', { name: 'Spara' }).click();
    await first.getByText('Markera som skickad').waitFor({ state: 'detached' });
    // The sent column: when, by whom.
    await first
      .getByRole('cell')
      .nth(3)
      .getByText(/kl\. \d\d:\d\d av Per Olsson/)
      .waitFor();

    // Issued again: a second version, the first kept.
    const second = await issue(section, 'KS 2026/0413', 2);
    await second.getByText('Markera som skickad').waitFor();
    expect(
      await section
        .getByRole('row')
        .filter({ hasText: /version \d/ })
        .count(),
    ).toBe(2);
    await checkWidths(page);

    // The first version downloads as the PDF issued under its Dnr.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      first.getByRole('button', { name: 'Ladda ner Uppföljningsrapport version 1' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Uppföljning av medborgarlöftet .+ v1 KS 2026-0412\.pdf$/);
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain('KS 2026/0412');
    expect(text).not.toContain('UTKAST');
    expect(
      await api.db.query(
        `SELECT version, registration_number, sent_at IS NOT NULL AS sent FROM documents WHERE record_id = $1 AND version IS NOT NULL ORDER BY version`,
        [followUpId],
      ),
    ).toEqual([
      { version: 1, registration_number: 'KS 2026/0412', sent: true },
      { version: 2, registration_number: 'KS 2026/0413', sent: false },
    ]);
  });

  it('manager: a render that failed says so in Swedish, and trying again makes the preview', async () => {
    const page = chef;
    await page.goto(`${base}/promise/follow-ups/${followUpId}`);
    const section = page.locator('#record-documents');
    // No worker: the preview waits in the queue, until the worker's last try gives up and marks it failed (as here).
    await web.stopWorker();
    // The page follows the preview it asked for (GET /documents/{id}): the row is there.
    const followed = page.waitForResponse((r) => /\/api\/v1\/documents\/[0-9a-f-]{36}$/.test(r.url()));
    await section.getByRole('button', { name: 'Förhandsgranska Uppföljningsrapport' }).click();
    const id = new URL((await followed).url()).pathname.split('/').pop();
    await section.getByRole('status').getByText('Skapar dokumentet … 0 %').waitFor();
    const [, count] = await api.db.query(`UPDATE documents SET status = 'failed' WHERE id = $1 AND version IS NULL AND status = 'pending'`, [id]);
    expect(count).toBe(1);
    const alert = section.getByRole('alert').filter({ hasText: 'Dokumentet kunde inte skapas.' });
    await alert.waitFor();
    expect(
      await section
        .getByRole('status')
        .getByText(/Skapar dokumentet/)
        .count(),
    ).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await web.startWorker();
    await alert.getByRole('button', { name: 'Försök igen' }).click();
    await section
      .locator('.documents-preview')
      .getByRole('heading', { name: /^Förhandsgranskning: / })
      .waitFor();
    expect(await alert.count()).toBe(0);
    await page.close();
  });

  it('licensing officer: issues a hearing letter from a sanction case page', async () => {
    // A case the licensing officer proposes now, on a licence the demo data has sanctioned before: undecided, so its hearing letter can go out.
    const [{ licence_id: licenceId, inspection_ids: inspectionIds }] = await api.db.query(`SELECT licence_id, inspection_ids FROM sanction_cases LIMIT 1`);
    const proposed = await api.call('POST', '/api/v1/sanction-cases', {
      token: await api.token('alkohol@hammaro.test'),
      body: { licenceId, grounds: 'Servering till underåriga vid tillsyn; bristen har påtalats tidigare.', inspectionIds },
    });
    expect(proposed.status).toBe(201);
    const sanction = proposed.body;
    const page = await web.signIn('alkohol@hammaro.test');
    await page.goto(`${base}/inspections/sanctions/${sanction.id}`);
    const section = page.locator('#record-documents');
    await section.getByRole('button', { name: 'Förhandsgranska Beslut om sanktion' }).waitFor();
    const row = await issue(section, 'SN 2026/142', 1, 'Kommuniceringsbrev');
    await row.getByRole('cell', { name: 'SN 2026/142' }).waitFor();
    expect(await api.db.query(`SELECT kind, version, status FROM documents WHERE record_id = $1 AND version IS NOT NULL`, [sanction.id])).toEqual([
      { kind: 'hearing_letter', version: 1, status: 'ready' },
    ]);
    await checkWidths(page);
    await page.close();
  });

  it('social services manager: a youth case page has the case’s, the person’s and each held meeting’s documents; the register extract is issued', async () => {
    const [youthCase] = await api.db.query(
      `SELECT c.id FROM youth_cases c JOIN youth_meetings m ON m.case_id = c.id WHERE m.held_on IS NOT NULL AND c.status NOT IN ('closed', 'purged') LIMIT 1`,
    );
    const page = await web.signIn('socialchef@hammaro.test');
    await page.goto(`${base}/youth-cases/${youthCase.id}`);
    await page.locator('#case-documents').getByRole('heading', { name: 'Dokument', exact: true }).waitFor();
    await page.locator('#case-meetings').getByRole('heading', { name: 'Dokument för mötet' }).first().waitFor();
    // The extract's list needs a fresh strong authentication: it is asked for when opened, not with the page.
    expect(await page.locator('#subject-documents').count()).toBe(0);
    await page.getByText(/^Registerutdrag om /).click();
    const subject = page.locator('#subject-documents');
    await subject.getByRole('heading', { name: /^Dokument om / }).waitFor();
    const row = await issue(subject, 'SN 2026/77', 1, 'Registerutdrag');
    await row.getByRole('cell', { name: 'SN 2026/77' }).waitFor();
    await checkWidths(page);
    await page.close();
  });

  it('social worker: who reads the promise but does not report on it sees the versions and downloads, and cannot issue', async () => {
    const page = await web.signIn('socialsekreterare@hammaro.test');
    await page.goto(`${base}/promise/follow-ups/${followUpId}`);
    const section = page.locator('#record-documents');
    await section.getByRole('row').filter({ hasText: 'version 2' }).waitFor();
    expect(
      await section
        .getByRole('row')
        .filter({ hasText: /version \d/ })
        .count(),
    ).toBe(2);
    expect(await section.getByRole('button', { name: /^Förhandsgranska/ }).count()).toBe(0);
    expect(await section.getByText('Utfärda Uppföljningsrapport', { exact: true }).count()).toBe(0);
    expect(await section.getByText('Markera som skickad').count()).toBe(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('button', { name: 'Ladda ner Uppföljningsrapport version 2' }).click(),
    ]);
    expect(await pdfText(await readFile((await download.path())!))).toContain('KS 2026/0413');
    await page.close();
  });
});
