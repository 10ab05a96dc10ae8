import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { HAMMARO_PROMISE_TITLE, placesSeed } from '../src/seed/promises.seed.js';
import { coded, TestApi } from './support/test-api.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/**
 * Attachments on findings of rounds and walks (issue #21): the finding's own rules, as for its
 * photos. Its recorder adds a file while it is open; members of the collaboration read and download
 * it; no category is taken; a finding outside the reader's collaborations does not exist.
 */
describe('attachments on findings', () => {
  let api: TestApi;
  let findingId: string;
  const token: Record<string, string> = {};

  const upload = (who: string, query: Record<string, string>, body = PDF) =>
    api.call('POST', `/api/v1/findings/${findingId}/attachments?${new URLSearchParams(query)}`, {
      token: token[who],
      body,
      headers: { 'content-type': 'application/octet-stream' },
    });

  beforeAll(async () => {
    api = await TestApi.start({}, { promises: true });
    await placesSeed().run(api.db.manager);
    for (const [key, email] of Object.entries({ trygghet: 'trygghet@hammaro.test', polis: 'polis@karlstad.polisen.test' })) token[key] = await api.token(email);
    const [{ id: promiseId, collaboration_id: collaborationId }] = await api.db.query(`SELECT id, collaboration_id FROM promises WHERE title = $1`, [
      HAMMARO_PROMISE_TITLE,
    ]);
    const [{ id: placeId }] = await api.db.query(`SELECT id FROM places WHERE collaboration_id = $1 LIMIT 1`, [collaborationId]);
    const municipality = await api.organisationId('Hammarö kommun');
    const unit = await api.unitId('Hammarö kommun', 'Säkerhet/väktare');
    const recorder = await api.userId('trygghet@hammaro.test');
    [{ id: findingId }] = await api.db.query(
      `INSERT INTO findings (collaboration_id, promise_id, place_id, category, description, responsible_organisation_id, responsible_unit_id,
         due_date, recorded_by, recorder_organisation_id, recorded_at)
       VALUES ($1, $2, $3, 'graffiti', 'Klotter på gångtunneln', $4, $5, current_date + 14, $6, $4, now()) RETURNING id`,
      [collaborationId, promiseId, placeId, municipality, unit, recorder],
    );
  });

  afterAll(async () => {
    await api?.close();
  });

  it('lets the recorder attach a file, without a category, and every member read it', async () => {
    expect((await upload('trygghet', { fileName: 'Anmälan.pdf', category: 'school' })).body.errors).toEqual([
      coded('category', 'attachment.category_not_taken'),
    ]);
    const made = await upload('trygghet', { fileName: 'Anmälan till fastighetsägaren.pdf', description: 'Skickad 3 juni' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ recordType: 'finding', recordId: findingId, category: null, contentType: 'application/pdf' });
    const listed = await api.call('GET', `/api/v1/findings/${findingId}/attachments`, { token: token.polis });
    expect(listed.body.items.map((a: { id: string }) => a.id)).toEqual([made.body.id]);
    const download = await api.call('GET', `/api/v1/attachments/${made.body.id}/content`, { token: token.polis });
    expect(download.status).toBe(200);
    expect(download.raw.equals(PDF)).toBe(true);
    // Reading is not changing.
    expect((await upload('polis', { fileName: 'Polisens.pdf' })).status).toBe(403);
    expect((await api.call('DELETE', `/api/v1/attachments/${made.body.id}`, { token: token.polis })).status).toBe(403);
  });

  it('takes no more files once the finding is done', async () => {
    await api.db.query(`UPDATE findings SET status = 'done', resolution = 'Klottret sanerat.', resolved_at = now() WHERE id = $1`, [findingId]);
    const refused = await upload('trygghet', { fileName: 'Efteråt.pdf' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([coded('status', 'finding.final', { status: 'done' })]);
  });
});
