import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TestApi } from './support/test-api.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);

/**
 * Attachments on inspections, sanction cases and police operations (issue #21), on the demo data:
 * each follows its record's own read and update rules, and an operation's files stay inside the
 * police compartment (404 for the municipality).
 */
describe('attachments on inspections, sanction cases and operations', () => {
  let api: TestApi;
  const token: Record<string, string> = {};
  const id: Record<string, string> = {};

  const upload = (path: string, who: string, body = PDF) =>
    api.call('POST', `/api/v1/${path}/attachments?fileName=${encodeURIComponent('Skrivelse.pdf')}`, {
      token: token[who],
      body,
      headers: { 'content-type': 'application/octet-stream' },
    });
  const list = (path: string, who: string) => api.call('GET', `/api/v1/${path}/attachments`, { token: token[who] });
  const content = (attachmentId: string, who: string) => api.call('GET', `/api/v1/attachments/${attachmentId}/content`, { token: token[who] });

  beforeAll(async () => {
    api = await TestApi.start({}, { demo: true });
    for (const [who, email] of Object.entries({
      licensing: 'alkohol@hammaro.test',
      social: 'socialsekreterare@hammaro.test',
      police: 'polis@karlstad.polisen.test',
      commander: 'insatschef@karlstad.polisen.test',
    }))
      token[who] = await api.token(email);
    const hammaro = await api.organisationId('Hammarö kommun');
    [{ id: id.inspection }] = await api.db.query(`SELECT id FROM inspections WHERE owner_organisation_id = $1 ORDER BY planned_start DESC LIMIT 1`, [hammaro]);
    [{ id: id.sanction }] = await api.db.query(`SELECT id FROM sanction_cases LIMIT 1`);
    [{ id: id.operation }] = await api.db.query(`SELECT id FROM operations ORDER BY planned_start DESC LIMIT 1`);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('inspections: the licensing officer attaches a photo, the record’s readers download it, others may not add', async () => {
    const made = await upload(`inspections/${id.inspection}`, 'licensing', JPEG);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ recordType: 'inspection', contentType: 'image/jpeg', category: null });
    expect((await list(`inspections/${id.inspection}`, 'licensing')).body.items.map((a: { id: string }) => a.id)).toEqual([made.body.id]);
    expect((await content(made.body.id, 'licensing')).raw.equals(JPEG)).toBe(true);
    expect((await upload(`inspections/${id.inspection}`, 'social')).status).toBe(403);
    expect((await content(made.body.id, 'social')).status).toBe(404);
  });

  it('sanction cases: the officer who decides attaches the hearing letter', async () => {
    const made = await upload(`sanction-cases/${id.sanction}`, 'licensing');
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ recordType: 'sanction_case', contentType: 'application/pdf' });
    expect((await content(made.body.id, 'licensing')).status).toBe(200);
    expect((await upload(`sanction-cases/${id.sanction}`, 'police')).status).toBe(403);
  });

  it('operations: a commander attaches a file; the municipality is told it does not exist', async () => {
    const made = await upload(`operations/${id.operation}`, 'commander');
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ recordType: 'operation', contentType: 'application/pdf' });
    expect((await content(made.body.id, 'commander')).status).toBe(200);
    expect((await list(`operations/${id.operation}`, 'licensing')).status).toBe(404);
    expect((await upload(`operations/${id.operation}`, 'licensing')).status).toBe(404);
    expect((await content(made.body.id, 'licensing')).status).toBe(404);
    expect((await content(made.body.id, 'social')).status).toBe(404);
    const denied = (await api.auditEvents('attachment.read')).filter((e) => e.outcome === 'denied' && e.resource_id === made.body.id);
    expect(denied).toHaveLength(2);
  });
});
