import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, formatDay, stockholmDate } from '@samverkan/platform';
import { issueAndRead, startDocumentWorker } from './support/documents.js';
import { coded, TestApi } from './support/test-api.js';

/** pdftotext -layout keeps the page's columns: compare on single spaces. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/**
 * The documents of licence supervision (issue #21), issued by the municipality's licensing officer
 * and read back from the PDF: the tillsynsrapport with what must be remedied and by when, the
 * hearing letter (kommunicering, FL 25 §) with its response deadline, and the sanction decision
 * with its legal ground and appeal instruction; who may issue which, and when.
 */
describe('inspection and sanction documents', () => {
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startDocumentWorker>>;
  let officer: string;
  let polis: string;
  let otherPolice: string;
  let inspectionId: string;
  let licenceId: string;
  let caseId: string;

  const etag = async (path: string) => (await api.call('GET', path, { token: officer })).headers.etag as string;
  const issue = (token: string, kind: string, recordType: string, recordId: string, registrationNumber = 'ALK 2021/17') =>
    api.call('POST', '/api/v1/documents', { token, body: { kind, recordType, recordId, registrationNumber } });

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await startDocumentWorker(api);
    officer = await api.token('alkohol@hammaro.test');
    polis = await api.token('polis@karlstad.polisen.test');
    otherPolice = await api.token('insatschef@karlstad.polisen.test');
    const [{ id: collaborationId }] = await api.db.query(`SELECT id FROM collaborations WHERE name = 'Hammarö'`);
    const holder = await api.call('POST', '/api/v1/licence-holders', {
      token: officer,
      body: { name: 'Hamnkrogen i Skoghall AB', orgNumber: '556016-0680', contactName: 'Sara Holm', address: 'Hamnvägen 2, 663 40 Hammarö' },
    });
    const premises = await api.call('POST', '/api/v1/premises', {
      token: officer,
      body: { collaborationId, name: 'Hamnkrogen', kind: 'restaurant', address: 'Hamnvägen 2', postalCode: '663 40', city: 'Hammarö', hasOwnKitchen: true },
    });
    const licence = await api.call('POST', '/api/v1/licences', {
      token: officer,
      body: {
        holderId: holder.body.id,
        premisesId: premises.body.id,
        type: 'permanent',
        audience: 'public',
        drinkCategories: ['wine', 'strong_beer'],
        servingHours: { fri: { from: '11:00', to: '01:00' }, sat: { from: '11:00', to: '01:00' } },
        validFrom: '2020-03-01',
        servingManagers: [{ name: 'Sara Holm', birthDate: '1984-04-12', notifiedOn: '2020-02-20' }],
      },
    });
    licenceId = licence.body.id;
    const booked = await api.call('POST', '/api/v1/inspections', {
      token: officer,
      body: {
        premisesId: premises.body.id,
        licenceId,
        type: 'coordinated',
        plannedStart: '2021-05-21T21:00:00+02:00',
        plannedEnd: '2021-05-21T23:00:00+02:00',
        inspectorIds: [await api.userId('alkohol@hammaro.test'), await api.userId('polis@karlstad.polisen.test')],
      },
    });
    expect(booked.status).toBe(201);
    inspectionId = booked.body.id;
    await api.call('PUT', `/api/v1/inspections/${inspectionId}/findings`, {
      token: officer,
      body: {
        findings: [
          { itemKey: 'serving_manager_present', result: 'ok' },
          { itemKey: 'age_checks', result: 'remark', note: 'Två gäster under 20 år serverades starköl utan legitimationskontroll.' },
        ],
      },
    });
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('issues the inspection report only once the protocol is done, and only to those who may perform the inspection', async () => {
    const early = await issue(officer, 'inspection_report', 'inspection', inspectionId);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'inspection.not_performed', params: { status: 'planned' } });
    const performed = await api.call('POST', `/api/v1/inspections/${inspectionId}/transition`, {
      token: officer,
      headers: { 'if-match': await etag(`/api/v1/inspections/${inspectionId}`) },
      body: { to: 'performed' },
    });
    expect(performed.status).toBe(200);
    // A police officer not booked on the inspection does not see it at all.
    expect((await issue(otherPolice, 'inspection_report', 'inspection', inspectionId)).status).toBe(404);
    expect((await api.call('GET', `/api/v1/documents?recordType=inspection&recordId=${inspectionId}`, { token: otherPolice })).status).toBe(404);
  });

  it('writes the tillsynsrapport: premises, holder, visit, every checklist point, what to remedy by when, the right to respond', async () => {
    const { view, text } = await issueAndRead(api, officer, {
      kind: 'inspection_report',
      recordType: 'inspection',
      recordId: inspectionId,
      registrationNumber: 'ALK 2021/17',
    });
    expect(view).toMatchObject({ kind: 'inspection_report', version: 1, status: 'ready', title: 'Tillsynsrapport' });
    const page = flat(text);
    const dueOn = formatDay(addDays(stockholmDate(new Date(view.requestedAt)), 14));
    expect(page).toContain('Dnr ALK 2021/17');
    expect(page).toContain('Sida 1 av');
    expect(page).toContain('Hamnkrogen, tillsyn 21 maj 2021');
    expect(page).toContain('Hamnkrogen i Skoghall AB');
    expect(page).toContain('Att: Sara Holm');
    expect(page).toContain('Samordnad tillsyn');
    expect(page).toContain('21 maj 2021 kl. 21:00');
    expect(page).toContain('Johan Nyström (Hammarö kommun)');
    expect(page).toContain('Mikael Berg');
    // Every checklist point with its result, in the table (its cells wrap, so their words interleave in the text) …
    expect(page).toMatch(/Serveringsansvarig på plats.*Utan.*anmärkning.*Ålderskontroll.*Anmärkning.*Två gäster under 20 år/);
    // … and the remark with its note again under what must be remedied.
    expect(page).toContain('Ålderskontroll – ingen servering till personer under 18 år: Två gäster under 20 år serverades starköl utan legitimationskontroll.');
    expect(page).toContain(`Bristerna ska vara åtgärdade senast den ${dueOn}`);
    expect(page).toContain(`Ni har rätt att yttra er över rapporten inom 14 dagar, senast den ${dueOn}`);
  });

  it('writes the hearing letter while the case is open: grounds, the inspection it rests on, the sanction considered, the deadline', async () => {
    const proposed = await api.call('POST', '/api/v1/sanction-cases', {
      token: officer,
      body: { licenceId, grounds: 'Servering till underåriga vid tillsyn den 21 maj 2021.\n\nBristen har påtalats tidigare.', inspectionIds: [inspectionId] },
    });
    expect(proposed.status).toBe(201);
    caseId = proposed.body.id;
    // The booked police inspector sees the case through the premises, but does not decide it: 403.
    expect((await issue(polis, 'hearing_letter', 'sanction_case', caseId)).status).toBe(403);
    expect((await issue(otherPolice, 'hearing_letter', 'sanction_case', caseId)).status).toBe(404);

    const { view, text } = await issueAndRead(api, officer, {
      kind: 'hearing_letter',
      recordType: 'sanction_case',
      recordId: caseId,
      registrationNumber: 'ALK 2021/23',
    });
    const page = flat(text);
    // Not yet recorded as sent: the default deadline counted from the letter's day.
    const dueOn = formatDay(addDays(stockholmDate(new Date(view.requestedAt)), 14));
    expect(page).toContain('Dnr ALK 2021/23');
    expect(page).toContain('Sida 1 av');
    expect(page).toContain('Kommunicering inför beslut i tillsynsärende');
    expect(page).toContain('Hamnkrogen i Skoghall AB');
    expect(page).toContain('663 40 Hammarö');
    expect(page).toContain('25 § förvaltningslagen (2017:900)');
    expect(page).toContain('Servering till underåriga vid tillsyn den 21 maj 2021.');
    expect(page).toMatch(/Underlag.*21 maj 2021.*Ålderskontroll – ingen servering till personer under 18 år: Två gäster under 20 år.*serverades starköl/);
    expect(page).toContain('9 kap. 18 § första stycket 3');
    expect(page).toContain(`senast den ${dueOn}`);
  });

  it('names the sanction considered in the hearing letter; it changes only before the hearing, and the decision is no harsher', async () => {
    const proposed = await api.call('POST', '/api/v1/sanction-cases', {
      token: officer,
      body: { licenceId, grounds: 'Brister i ålderskontrollen vid tillsyn den 21 maj 2021.', inspectionIds: [inspectionId], consideredSanction: 'erinran' },
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body.consideredSanction).toBe('erinran');
    const path = `/api/v1/sanction-cases/${proposed.body.id}`;
    const name = async (token: string, consideredSanction: string) =>
      api.call('PUT', `${path}/considered-sanction`, { token, headers: { 'if-match': await etag(path) }, body: { consideredSanction } });

    expect((await name(polis, 'varning')).status).toBe(403);
    const notAStep = await name(officer, 'no_action');
    expect(notAStep.status).toBe(400);
    expect(notAStep.body.errors.map((e: { field: string }) => e.field)).toEqual(['consideredSanction']);
    const named = await name(officer, 'varning');
    expect(named.status).toBe(200);
    expect(named.body.consideredSanction).toBe('varning');
    expect(await api.auditEvents('sanction.considered')).toEqual([
      expect.objectContaining({ resource_id: proposed.body.id, details: { consideredSanction: 'varning' } }),
    ]);

    const { text } = await issueAndRead(api, officer, { kind: 'hearing_letter', recordType: 'sanction_case', recordId: proposed.body.id });
    const page = flat(text);
    expect(page).toContain('Kommunen överväger att meddela er en varning enligt 9 kap. 17 § alkohollagen (2010:1622).');
    expect(page).not.toContain('18 § första stycket 3');

    await api.call('PUT', `${path}/hearing`, { token: officer, headers: { 'if-match': await etag(path) }, body: { heardOn: '2021-06-01' } });
    const afterHearing = await name(officer, 'aterkallelse');
    expect(afterHearing.status).toBe(400);
    expect(afterHearing.body.errors).toEqual([coded('consideredSanction', 'sanction.already_heard')]);
    await api.call('PUT', `${path}/hearing/response`, {
      token: officer,
      headers: { 'if-match': await etag(path) },
      body: { receivedOn: '2021-06-08', response: 'Vi har utbildat personalen i ålderskontroll.' },
    });
    const decide = async (decision: string) =>
      api.call('POST', `${path}/decision`, {
        token: officer,
        headers: { 'if-match': await etag(path) },
        body: { decision, reasons: 'Servering till underåriga vid tillsynen den 21 maj 2021.', decidedOn: '2021-06-15' },
      });
    const harsher = await decide('aterkallelse');
    expect(harsher.status).toBe(400);
    expect(harsher.body.errors).toEqual([coded('decision', 'sanction.harsher_than_heard', { consideredSanction: 'varning' })]);
    expect((await decide('varning')).body).toMatchObject({ decision: 'varning', consideredSanction: 'varning' });
  });

  it('refuses the decision letter before the decision, and the hearing letter after it', async () => {
    const early = await issue(officer, 'sanction_decision', 'sanction_case', caseId);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('sanction.decision_missing');

    const path = `/api/v1/sanction-cases/${caseId}`;
    await api.call('PUT', `${path}/hearing`, { token: officer, headers: { 'if-match': await etag(path) }, body: { heardOn: '2021-06-01' } });
    await api.call('PUT', `${path}/hearing/response`, {
      token: officer,
      headers: { 'if-match': await etag(path) },
      body: { receivedOn: '2021-06-10', response: 'Vi har infört legitimationskontroll vid entrén.' },
    });
    const decided = await api.call('POST', `${path}/decision`, {
      token: officer,
      headers: { 'if-match': await etag(path) },
      body: { decision: 'aterkallelse', reasons: 'Upprepad servering till underåriga trots tidigare varning.', decidedOn: '2021-06-15' },
    });
    expect(decided.status).toBe(200);
    const late = await issue(officer, 'hearing_letter', 'sanction_case', caseId);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('sanction.decided');
    // The letter issued before the decision may still be recorded as sent after it.
    const [letter] = await api.db.query(`SELECT id FROM documents WHERE record_id = $1 AND kind = 'hearing_letter'`, [caseId]);
    const sent = await api.call('POST', `/api/v1/documents/${letter.id}/sent`, { token: officer, body: { sentAt: new Date().toISOString() } });
    expect(sent.status).toBe(200);
  });

  let firstDecision: string;
  it('writes the decision: what is decided, the reasons, 9 kap. 18 §, and how to appeal to förvaltningsrätten within three weeks', async () => {
    const { view, text } = await issueAndRead(api, officer, {
      kind: 'sanction_decision',
      recordType: 'sanction_case',
      recordId: caseId,
      registrationNumber: 'ALK 2021/23',
    });
    firstDecision = view.id;
    expect(view).toMatchObject({ version: 1, title: 'Beslut om återkallelse av serveringstillstånd' });
    const page = flat(text);
    expect(page).toContain('Dnr ALK 2021/23');
    expect(page).toContain('Sida 1 av');
    expect(page).toContain('Hammarö kommun återkallar det serveringstillstånd som Hamnkrogen i Skoghall AB har för Hamnkrogen');
    expect(page).toContain('Upprepad servering till underåriga trots tidigare varning.');
    expect(page).toContain('9 kap. 18 §');
    expect(page).toContain('har yttrat sig den 10 juni 2021');
    expect(page).toContain('Förvaltningsrätten i Karlstad');
    expect(page).toContain('skickas eller lämnas till Hammarö kommun');
    expect(page).toContain('inom tre veckor från den dag då ni fick del av beslutet');
    expect(page).toContain('hur ni anser att beslutet ska ändras');
  });

  it('re-issues as version 2 and keeps version 1 listed and downloadable', async () => {
    const { view } = await issueAndRead(api, officer, {
      kind: 'sanction_decision',
      recordType: 'sanction_case',
      recordId: caseId,
      registrationNumber: 'ALK 2021/23',
    });
    expect(view.version).toBe(2);
    const listed = await api.call('GET', `/api/v1/documents?recordType=sanction_case&recordId=${caseId}`, { token: officer });
    expect(
      listed.body.items.filter((d: { kind: string }) => d.kind === 'sanction_decision').map((d: { id: string; version: number }) => [d.id, d.version]),
    ).toEqual([
      [view.id, 2],
      [firstDecision, 1],
    ]);
    const first = await api.call('GET', `/api/v1/documents/${firstDecision}/content`, { token: officer });
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    expect(first.raw.subarray(0, 5).toString()).toBe('%PDF-');
    // The booked police inspector reads the case's documents; one who is not booked does not.
    expect((await api.call('GET', `/api/v1/documents/${firstDecision}/content`, { token: polis })).status).toBe(200);
    expect((await api.call('GET', `/api/v1/documents/${firstDecision}/content`, { token: otherPolice })).status).toBe(404);
  });

  it('names the court the municipality names for its appeals; without one, förvaltningsrätten', async () => {
    const admin = await api.token('admin@samverkan.test');
    const hammaro = await api.call('GET', `/api/v1/organisations/${await api.organisationId('Hammarö kommun')}`, { token: admin });
    const { id, version, name, orgNumber, contactPhone, contactEmail, contactUrl } = hammaro.body;
    const cleared = await api.call('PUT', `/api/v1/organisations/${id}`, {
      token: admin,
      headers: { 'if-match': `"${version}"` },
      body: { name, orgNumber, contactPhone, contactEmail, contactUrl, appealCourt: null },
    });
    expect(cleared.status).toBe(200);
    const { text } = await issueAndRead(api, officer, {
      kind: 'sanction_decision',
      recordType: 'sanction_case',
      recordId: caseId,
      registrationNumber: 'ALK 2021/23',
    });
    const page = flat(text);
    expect(page).toContain('kan ni överklaga det hos förvaltningsrätten.');
    expect(page).not.toContain('Förvaltningsrätten i Karlstad');
  });
});
