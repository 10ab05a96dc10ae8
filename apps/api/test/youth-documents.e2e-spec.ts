import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { addDays, addMonths, type AppConfig, FixedClock, JobName, queueEventsFromNow, QueueName, redisConnection, stockholmDate } from '@samverkan/platform';
import { luhnCheckDigit } from '@samverkan/youth';
import { Queue } from 'bullmq';
import { createWorkerApp } from '../../worker/src/worker.factory.js';
import { issueAndRead, startDocumentWorker } from './support/documents.js';
import { TestApi } from './support/test-api.js';

const today = stockholmDate(new Date());

/** A valid personal number for someone `years` old (plus some weeks) today, with a chosen serial; never a research birthday. */
function personalNumber(years: number, serial: string, extraDays = 40): { number: string; canonical: string } {
  let birthDate = addDays(addMonths(today, -12 * years), -extraDays);
  if (['05', '15', '25'].includes(birthDate.slice(8))) birthDate = addDays(birthDate, -1);
  const nine = `${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}${serial}`;
  const canonical = `${birthDate.replaceAll('-', '')}${serial}${luhnCheckDigit(nine)}`;
  return { number: `${canonical.slice(0, 8)}-${canonical.slice(8)}`, canonical };
}

/** The PDF's text with every run of white space (line ends, layout columns) as one space. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/**
 * The youth documents of issue #21 on real PostgreSQL, Redis and the worker: the consent form
 * filled from the case, the minutes of a meeting, and the register extract (GDPR art. 15) — every
 * record of the person and nothing of anyone else, not for the police, officials named as configured.
 */
describe('youth documents', () => {
  let api: TestApi;
  let worker: INestApplicationContext | undefined;
  const token: Record<string, string> = {};
  const id: Record<string, string> = {};
  const elias = personalNumber(15, '238');
  const wilma = personalNumber(14, '462');

  const call = (method: 'GET' | 'POST', url: string, who: string, body?: unknown) => api.call(method, `/api/v1${url}`, { token: token[who], body });
  const ok = async (method: 'GET' | 'POST', url: string, who: string, body?: unknown) => {
    const res = await call(method, url, who, body);
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const openCase = async (subjectId: string, form: string) => (await ok('POST', '/youth-cases', 'worker', { subjectId, form })).id as string;
  const note = (caseId: string, body: string, category = 'school') =>
    ok('POST', `/youth-cases/${caseId}/entries`, 'worker', { kind: 'journal', category, visibility: 'shared', occurredOn: today, body });

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await startDocumentWorker(api);
    for (const [who, email] of Object.entries({
      worker: 'socialsekreterare@hammaro.test',
      chief: 'socialchef@hammaro.test',
      police: 'polis@karlstad.polisen.test',
    }))
      token[who] = await api.token(email);
    id.police = await api.organisationId('Lokalpolisområde Karlstad');

    // Elias: two cases, notes, a consent signed by his guardian and himself, a meeting with minutes, a disclosure to the police.
    id.elias = (await ok('POST', '/youth-subjects', 'worker', { personalNumber: elias.number, name: 'Elias Nyström' })).id;
    id.case = await openCase(id.elias, 'sspf');
    id.otherCase = await openCase(id.elias, 'other');
    await note(id.case, 'Elias har hög frånvaro på Hammarö skola under höstterminen.');
    await note(id.otherCase, 'Elias deltar i fotbollsträningen på Mörmoskolan varje tisdag.', 'leisure');
    await ok('POST', `/youth-cases/${id.case}/consents`, 'worker', {
      signers: [
        { name: 'Maria Nyström', role: 'guardian' },
        { name: 'Elias Nyström', role: 'young_person' },
      ],
      organisationIds: [id.police],
      categories: ['school', 'plan'],
      signedOn: addDays(today, -10),
      validFrom: addDays(today, -10),
      validUntil: addDays(today, 60),
    });
    id.meeting = (
      await ok('POST', `/youth-cases/${id.case}/meetings`, 'worker', {
        kind: 'network',
        plannedAt: `${addDays(today, -1)}T14:00:00+01:00`,
        attendees: 'Elias, vårdnadshavare, mentor, Lena Berg',
      })
    ).id;
    await ok('POST', `/youth-cases/${id.case}/meetings/${id.meeting}/minutes`, 'worker', {
      category: 'plan',
      visibility: 'shared',
      occurredOn: addDays(today, -1),
      body: 'Överenskommelse om närvaroplan med mentor och uppföljning om sex veckor.',
    });
    await ok('POST', `/youth-cases/${id.case}/disclosures`, 'worker', {
      ground: 'osl_10_18a',
      toOrganisationId: id.police,
      categories: ['leisure'],
      justification: 'Risk för rekrytering till narkotikaförsäljning vid Skoghallsbadet.',
      criteria: { riskOfCriminality: true, helpsPrevent: true, noConflictWithMeasures: true },
    });
    // The police read the case the consent and disclosure let them see: a read by another unit.
    await ok('GET', `/youth-cases/${id.case}`, 'police');

    // Wilma: another young person of the same unit, who must not appear in Elias's extract.
    id.wilma = (await ok('POST', '/youth-subjects', 'worker', { personalNumber: wilma.number, name: 'Wilma Zetterlund' })).id;
    id.wilmaCase = await openCase(id.wilma, 'sspf');
    await note(id.wilmaCase, 'Wilma har flyttat till familjehem i Forshaga.');
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('fills a consent form from the case: the young person, the parties, one box per category, the signatures the age rule asks for', async () => {
    const [before] = await api.db.query(`SELECT last_entry_at FROM youth_cases WHERE id = $1`, [id.case]);
    const { view, text } = await issueAndRead(api, token.worker, {
      kind: 'consent_form',
      recordType: 'youth_case',
      recordId: id.case,
      registrationNumber: 'SOC 2026/41',
    });
    expect(view).toMatchObject({ status: 'ready', version: 1, title: 'Samtycke till informationsutbyte' });
    const body = flat(text);
    expect(body).toContain('Elias Nyström');
    expect(body).toContain(`${elias.canonical.slice(0, 8)}-****`);
    expect(body).not.toContain(elias.canonical.slice(8));
    expect(body).toContain(`UÄ-${id.case.slice(0, 8).toUpperCase()}`);
    expect(body).toContain('Lokalpolisområde Karlstad');
    for (const label of [
      'Grunduppgifter – namn, födelsedatum, ärendets form och status',
      'Familj och hemförhållanden',
      'Skola och sysselsättning',
      'Fritid och umgänge',
      'Hälsa, alkohol och droger',
      'Plan och insatser',
    ]) {
      expect(body).toContain(label);
    }
    // Offence data is never consented to (GDPR art. 10): no box for it.
    expect(body).not.toContain('Brott och misstankar om brott');
    expect(body).toContain('frivilligt');
    expect(body).toContain('när som helst återkallas');
    expect(body).toContain('OSL 12 kap 2 §');
    expect(body).toContain('GDPR art. 6.1 e');
    // 15 years old: his own signature and his guardians' (YOUTH_OWN_CONSENT_AGE 15).
    expect(body).toContain('Elias Nyström (den unge)');
    expect(body).toContain('Vårdnadshavare 1');
    expect(body).toContain('Vårdnadshavare 2');
    // An issued document is an entry of the case for retention (SoL 12 kap 1 §).
    const [after] = await api.db.query(`SELECT last_entry_at FROM youth_cases WHERE id = $1`, [id.case]);
    expect(after.last_entry_at.getTime()).toBeGreaterThan(before.last_entry_at.getTime());
  });

  it('gives a meeting’s minutes with their text, officials by name and private persons by role only; none before they are recorded', async () => {
    const { text } = await issueAndRead(api, token.worker, { kind: 'meeting_minutes', recordType: 'youth_meeting', recordId: id.meeting });
    const body = flat(text);
    expect(body).toContain('Protokoll – nätverksmöte');
    expect(body).toContain('Överenskommelse om närvaroplan med mentor och uppföljning om sex veckor.');
    expect(body).toContain('Sara Lindqvist, Socialtjänsten, Hammarö kommun');
    for (const role of ['den unge', 'vårdnadshavare', 'mentor', 'övrig deltagare']) expect(body).toContain(role);
    expect(body).not.toContain('Lena Berg');

    // Issued, the minutes are seen by whoever sees the meeting: the police while the consent covers the plan.
    await issueAndRead(api, token.worker, { kind: 'meeting_minutes', recordType: 'youth_meeting', recordId: id.meeting, registrationNumber: 'SOC 2026/42' });
    const seen = await call('GET', `/documents?recordType=youth_meeting&recordId=${id.meeting}`, 'police');
    expect(seen.status).toBe(200);
    expect(seen.body.items.map((d: { registrationNumber: string }) => d.registrationNumber)).toEqual(['SOC 2026/42']);

    const planned = await ok('POST', `/youth-cases/${id.case}/meetings`, 'worker', { kind: 'follow_up', plannedAt: `${addDays(today, 20)}T10:00:00+01:00` });
    const early = await call('POST', '/documents/previews', 'worker', { kind: 'meeting_minutes', recordType: 'youth_meeting', recordId: planned.id });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('youth_meeting.minutes_missing');
  });

  it('extracts every record of the person — cases, notes, minutes, consents, disclosures, reads — and nothing of anyone else', async () => {
    // Police-only content: an operation of the police, whatever it says, is not the municipality's record.
    const [{ id: collaborationId }] = await api.db.query(`SELECT id FROM collaborations WHERE name = 'Hammarö'`);
    const operation = await call('POST', '/operations', 'police', {
      collaborationId,
      title: 'Insats mot langning vid Skoghallsbadet',
      area: 'Skoghallsbadet',
      plannedStart: `${addDays(today, 7)}T21:00:00+01:00`,
      plannedEnd: `${addDays(today, 8)}T01:00:00+01:00`,
      intelligence: 'Tipsare uppger att Elias Nyström säljer cannabis vid kiosken på kvällstid.',
      intelligenceReference: 'UR-2026-0417',
    });
    expect(operation.status).toBe(201);

    const { view, text } = await issueAndRead(api, token.chief, {
      kind: 'register_extract',
      recordType: 'youth_subject',
      recordId: id.elias,
      registrationNumber: 'SOC 2026/58',
    });
    expect(view).toMatchObject({ status: 'ready', title: 'Registerutdrag' });
    const body = flat(text);
    // Identity, with the full number: the extract is for the person it is about.
    expect(body).toContain('Elias Nyström');
    expect(body).toContain(elias.number);
    // Every case and everything written in them.
    for (const caseId of [id.case, id.otherCase]) expect(body).toContain(`UÄ-${caseId.slice(0, 8).toUpperCase()}`);
    expect(body).toContain('Elias har hög frånvaro på Hammarö skola under höstterminen.');
    expect(body).toContain('Elias deltar i fotbollsträningen på Mörmoskolan varje tisdag.');
    expect(body).toContain('Överenskommelse om närvaroplan med mentor och uppföljning om sex veckor.');
    // The disclosure: to whom, on what ground, why; the consent, its signers by role.
    expect(body).toContain('till Lokalpolisområde Karlstad med stöd av OSL 10 kap 18 a §');
    expect(body).toContain('Risk för rekrytering till narkotikaförsäljning vid Skoghallsbadet.');
    expect(body).toContain('vårdnadshavare');
    // The documents issued from the case: the consent form above.
    expect(body).toContain('SOC 2026/41');
    // The police read the case: a row of their unit in the reads.
    expect(body).toContain('Områdespolis');
    // Rights, retention, legal grounds.
    expect(body).toContain('GDPR art. 16');
    expect(body).toContain('SoL 12 kap 1 §');

    // Nothing of anyone else: not the other young person, not the guardian's name, not a private attendee.
    for (const other of ['Wilma', 'Zetterlund', 'familjehem i Forshaga', wilma.number, `${wilma.canonical.slice(0, 8)}-`, 'Maria Nyström', 'Lena Berg']) {
      expect(body).not.toContain(other);
    }
    // Nor the police's own records.
    for (const police of ['langning', 'cannabis', 'UR-2026-0417']) expect(body).not.toContain(police);
    // Officials by unit only (REGISTER_EXTRACT_OFFICIALS=unit, the default).
    expect(body).toContain('Socialtjänsten, Hammarö kommun');
    for (const official of ['Sara Lindqvist', 'Mikael Berg']) expect(body).not.toContain(official);
  });

  it('gives the extract to no one but those who make extracts in the person’s municipality: 404 for the police and the social worker', async () => {
    const extract = { kind: 'register_extract', recordType: 'youth_subject', recordId: id.elias };
    for (const who of ['police', 'worker']) {
      expect((await call('POST', '/documents/previews', who, extract)).status).toBe(404);
      expect((await call('POST', '/documents', who, { ...extract, registrationNumber: 'SOC 2026/59' })).status).toBe(404);
      expect((await call('GET', `/documents?recordType=youth_subject&recordId=${id.elias}`, who)).status).toBe(404);
    }
    const issued = await ok('GET', `/documents?recordType=youth_subject&recordId=${id.elias}`, 'chief');
    expect(issued.items).toHaveLength(1);
    expect((await call('GET', `/documents/${issued.items[0].id}/content`, 'police')).status).toBe(404);
  });

  it('names officials too when the authority chose REGISTER_EXTRACT_OFFICIALS=name', async () => {
    await worker?.close();
    const config = Object.assign(Object.create(Object.getPrototypeOf(api.env.config) as object) as AppConfig, api.env.config, {
      REGISTER_EXTRACT_OFFICIALS: 'name',
    });
    worker = await createWorkerApp(config);
    await worker.init();
    const { text } = await issueAndRead(api, token.chief, { kind: 'register_extract', recordType: 'youth_subject', recordId: id.elias });
    const body = flat(text);
    expect(body).toContain('Sara Lindqvist');
    expect(body).toContain('Mikael Berg');
    expect(body).not.toContain('Wilma');
    expect(body).not.toContain('Maria Nyström');
  });

  it('purges a case’s documents with the case (gallring, SoL 12 kap 1 §)', async () => {
    await issueAndRead(api, token.worker, { kind: 'consent_form', recordType: 'youth_case', recordId: id.wilmaCase, registrationNumber: 'SOC 2026/60' });
    await api.db.query(`UPDATE youth_cases SET status = 'closed', closed_on = $2, purge_on = $2 WHERE id = $1`, [id.wilmaCase, today]);
    expect(await api.db.query(`SELECT count(*)::int AS n FROM documents WHERE record_id = $1`, [id.wilmaCase])).toEqual([{ n: 1 }]);

    // Only one worker runs the purge, at the purge date.
    await worker?.close();
    worker = undefined;
    const connection = redisConnection(api.env.config.REDIS_URL, 'test');
    const queue = new Queue(QueueName.Youth, { connection, prefix: api.env.config.QUEUE_PREFIX });
    const events = await queueEventsFromNow(queue, { connection, prefix: api.env.config.QUEUE_PREFIX });
    try {
      worker = await createWorkerApp(api.env.config, { clock: new FixedClock(new Date(`${addDays(today, 1)}T03:00:00+01:00`)) });
      await worker.init();
      await events.waitUntilReady();
      const job = await queue.add(JobName.YouthRetentionPurge, {});
      expect(await job.waitUntilFinished(events, 30_000)).toEqual({ purged: 1 });
    } finally {
      await events.close();
      await queue.close();
    }
    expect(await api.db.query(`SELECT count(*)::int AS n FROM documents WHERE record_id = $1`, [id.wilmaCase])).toEqual([{ n: 0 }]);
    const [tomb] = await api.db.query(`SELECT tombstone FROM youth_cases WHERE id = $1`, [id.wilmaCase]);
    expect(tomb.tombstone.removed).toMatchObject({ documents: 1 });
  });
});
