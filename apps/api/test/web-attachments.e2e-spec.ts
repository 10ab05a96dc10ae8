import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { addDays, addMonths, stockholmDate } from '@samverkan/platform';
import { luhnCheckDigit } from '@samverkan/youth';
import type { Page } from 'playwright-core';
import { fieldDescription, seriousA11yViolations } from './support/browser.js';
import type { TestApi } from './support/test-api.js';
import { BROWSER_TEST_TIMEOUT, WebTestApp } from './support/web-app.js';

const today = stockholmDate(new Date());

/** A real one-page PDF saying `text`, with a correct cross-reference table (what a scanner of a signed form sends). */
function pdf(text: string): Buffer {
  const stream = `BT /F1 14 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/**
 * Attachments in the browser (issue #21): a social worker uploads a signed consent to a youth case
 * (a bad file is refused next to the file input); the police see the case through a consent and the
 * attachment only once its category is shared with them, and download it.
 */
describe('web client: attachments', () => {
  jest.setTimeout(BROWSER_TEST_TIMEOUT);
  let web: WebTestApp;
  let api: TestApi;
  let base: string;
  let caseId: string;
  let police: string;
  const token: Record<string, string> = {};
  const signed = pdf('Samtycke till samverkan - undertecknat av Maria och Wilma Berg');

  const call = (method: 'GET' | 'POST', url: string, who: string, body?: unknown) => api.call(method, `/api/v1${url}`, { token: token[who], body });
  const consent = (categories: string[]) =>
    call('POST', `/youth-cases/${caseId}/consents`, 'worker', {
      signers: [
        { name: 'Maria Berg', role: 'guardian' },
        { name: 'Wilma Berg', role: 'young_person' },
      ],
      organisationIds: [police],
      categories,
      signedOn: addDays(today, -1),
      validFrom: addDays(today, -1),
      validUntil: addDays(today, 90),
    });

  beforeAll(async () => {
    web = await WebTestApp.start();
    ({ api, base } = web);
    token.worker = await api.token('socialsekreterare@hammaro.test');
    police = await api.organisationId('Lokalpolisområde Karlstad');
    let birthDate = addDays(addMonths(today, -12 * 15), -50);
    if (['05', '15', '25'].includes(birthDate.slice(8))) birthDate = addDays(birthDate, -1);
    const nine = `${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}527`;
    const canonical = `${birthDate.replaceAll('-', '')}527${luhnCheckDigit(nine)}`;
    const subject = await call('POST', '/youth-subjects', 'worker', { personalNumber: `${canonical.slice(0, 8)}-${canonical.slice(8)}`, name: 'Wilma Berg' });
    const opened = await call('POST', '/youth-cases', 'worker', { subjectId: subject.body.id, form: 'sspf' });
    expect(opened.status).toBe(201);
    caseId = opened.body.id;
  });

  afterAll(async () => {
    await web?.close();
  });

  const attachments = (page: Page) => page.locator('#case-attachments');

  it('social worker: a file that is not a PDF or image is refused at the file; a signed consent is uploaded with its category', async () => {
    const page = await web.signIn('socialsekreterare@hammaro.test');
    await page.goto(`${base}/youth-cases/${caseId}`);
    const section = attachments(page);
    await section.getByRole('heading', { name: 'Bilagor' }).waitFor();
    await section.getByText('Inga bilagor.').waitFor();
    await section.getByText('Lägg till bilaga').click();
    const form = section.locator('form');

    await page.setInputFiles('#attachment-file', { name: 'samtycke.docx', mimeType: 'application/pdf', buffer: Buffer.from('PK\u0003\u0004 not a PDF') });
    await form.getByText('Vald fil: samtycke.docx').waitFor();
    await form.getByLabel('Kategori', { exact: true }).selectOption({ label: 'Skola och sysselsättning' });
    await form.getByRole('button', { name: 'Ladda upp' }).click();
    await form.getByText('Filen måste vara en PDF-, JPEG-, PNG- eller WebP-fil; innehållet visar något annat.').first().waitFor();
    expect(await api.db.query('SELECT 1 FROM attachments WHERE record_id = $1', [caseId])).toEqual([]);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.setInputFiles('#attachment-file', { name: 'Samtycke Wilma Berg.pdf', mimeType: 'application/pdf', buffer: signed });
    await form.getByLabel('Beskrivning').fill('Undertecknat samtycke, vårdnadshavare och Wilma');
    const category = form.getByLabel('Kategori', { exact: true });
    expect(await fieldDescription(category)).toContain('Kategorin avgör vem som ser filen');
    await form.getByRole('button', { name: 'Ladda upp' }).click();
    await form.getByText('Bilagan är sparad.').waitFor();
    const row = section.getByRole('row', { name: /Samtycke Wilma Berg\.pdf/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Skola och sysselsättning');
    expect(await row.textContent()).toContain('PDF');
    const [stored] = await api.db.query('SELECT file_name, category, content_type, byte_size FROM attachments WHERE record_id = $1', [caseId]);
    expect(stored).toEqual({ file_name: 'Samtycke Wilma Berg.pdf', category: 'school', content_type: 'application/pdf', byte_size: signed.length });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 375, height: 800 });
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(375);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });

  it('police: see the attachment only once its category is shared with them, and download it', async () => {
    // A consent that shares the plan, not school: the case is visible, the attachment is not.
    expect((await consent(['plan'])).status).toBe(201);
    const page = await web.signIn('polis@karlstad.polisen.test');
    await page.goto(`${base}/youth-cases/${caseId}`);
    await page.getByText('Du ser det här ärendet genom delning.', { exact: false }).waitFor();
    const section = attachments(page);
    await section.getByText('Inga bilagor.').waitFor();
    expect(await section.getByText('Samtycke Wilma Berg.pdf').count()).toBe(0);
    expect(await section.getByText('Lägg till bilaga').count()).toBe(0);

    // Now school too.
    expect((await consent(['school'])).status).toBe(201);
    await page.reload();
    const file = section.getByRole('button', { name: 'Samtycke Wilma Berg.pdf' });
    await file.waitFor();
    expect(await section.getByRole('button', { name: /^Ta bort/ }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), file.click()]);
    expect(download.suggestedFilename()).toBe('Samtycke Wilma Berg.pdf');
    expect((await readFile((await download.path())!)).equals(signed)).toBe(true);
    const reads = (await api.auditEvents('attachment.read')).filter((e) => e.outcome === 'success');
    const police = await api.userId('polis@karlstad.polisen.test');
    expect(reads.filter((e) => e.actor_user_id === police && e.resource_id === caseId)).toHaveLength(1);
    await page.setViewportSize({ width: 375, height: 800 });
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(375);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  });
  /** The Bilagor section of a record page, checked with axe at 1280 and 375 px (nothing wider than a phone). */
  async function checkWidths(page: Page) {
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 375, height: 800 });
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(375);
    expect(await seriousA11yViolations(page)).toEqual([]);
  }

  it('licensing officer: attaches a letter to an inspection, and sees the section on a sanction case and a finding', async () => {
    const hammaro = await api.organisationId('Hammarö kommun');
    const [inspection] = await api.db.query(`SELECT id FROM inspections WHERE owner_organisation_id = $1 ORDER BY planned_start DESC LIMIT 1`, [hammaro]);
    const [sanction] = await api.db.query(`SELECT id FROM sanction_cases LIMIT 1`);
    const [finding] = await api.db.query(`SELECT id FROM findings ORDER BY recorded_at DESC LIMIT 1`);
    const page = await web.signIn('alkohol@hammaro.test');
    await page.goto(`${base}/inspections/${inspection.id}`);
    const section = page.locator('#record-attachments');
    await section.getByRole('heading', { name: 'Bilagor' }).waitFor();
    await section.getByText('Lägg till bilaga').click();
    // No category outside youth cases.
    expect(await section.getByLabel('Kategori', { exact: true }).count()).toBe(0);
    const letter = pdf('Tillsynsrapport till tillstandshavaren');
    await page.setInputFiles('#attachment-file', { name: 'Tillsynsrapport.pdf', mimeType: 'application/pdf', buffer: letter });
    await section.getByLabel('Beskrivning').fill('Skickad till tillståndshavaren');
    await section.getByRole('button', { name: 'Ladda upp' }).click();
    await section.getByRole('row', { name: /Tillsynsrapport\.pdf/ }).waitFor();
    const [stored] = await api.db.query(`SELECT record_type, category, byte_size FROM attachments WHERE record_id = $1`, [inspection.id]);
    expect(stored).toEqual({ record_type: 'inspection', category: null, byte_size: letter.length });
    await checkWidths(page);

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${base}/inspections/sanctions/${sanction.id}`);
    await page.locator('#record-attachments').getByText('Inga bilagor.').waitFor();
    await checkWidths(page);

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${base}/findings/${finding.id}`);
    await page.locator('#record-attachments').getByText('Inga bilagor.').waitFor();
    await checkWidths(page);
    await page.close();
  });

  it('police commander: sees the section on an operation', async () => {
    const [operation] = await api.db.query(`SELECT id FROM operations ORDER BY planned_start DESC LIMIT 1`);
    const page = await web.signIn('insatschef@karlstad.polisen.test');
    await page.goto(`${base}/operations/${operation.id}`);
    await page.locator('#record-attachments').getByText('Inga bilagor.').waitFor();
    await checkWidths(page);
    await page.close();
  });
});
