// npm run bench:youth — social services' and the police's screens on a large register: 20 000
// youth cases (encrypted subjects, five notes each), a tenth shared with the police under consent.
// The case list (decrypting each row's name and number), one case, its notes, look-up by number,
// the police's grant-based list and the statistics. Every read also writes its audit event.
import { freshDatabase, load, startApi, writeSection } from './lib.mjs';
import { FieldCipher, loadConfig } from '../../dist/apps/api/libs/platform/src/index.js';
import { luhnCheckDigit } from '../../dist/apps/api/libs/youth/src/personal-number.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CASES = Number(process.env.BENCH_YOUTH_CASES ?? 20000);
const db = await freshDatabase('samverkan_bench_youth');
const api = await startApi(db.url, 3197, { LOGIN_RATE_LIMIT_PER_MINUTE: '10000' });
const cipher = new FieldCipher(loadConfig({ DATABASE_URL: db.url }));

function personalNumber(n) {
  const year = 2006 + (n % 8);
  const month = String((n % 12) + 1).padStart(2, '0');
  const day = String((n % 27) + 1).padStart(2, '0');
  const serial = String(n % 1000).padStart(3, '0');
  const nine = `${String(year).slice(2)}${month}${day}${serial}`;
  return { canonical: `${year}${month}${day}${serial}${luhnCheckDigit(nine)}`, birthDate: `${year}-${month}-${day}` };
}

try {
  const [{ municipality, police, collab, unit, worker }] = (
    await db.client.query(`
    SELECT c.municipality_organisation_id AS municipality, c.police_organisation_id AS police, c.id AS collab,
           (SELECT m.unit_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'socialsekreterare@hammaro.test') AS unit,
           (SELECT id FROM users WHERE email = 'socialsekreterare@hammaro.test') AS worker
    FROM collaborations c WHERE c.name = 'Hammarö'`)
  ).rows;
  const generateStart = performance.now();
  let probe;
  for (let start = 0; start < CASES; start += 1000) {
    const values = [];
    const params = [];
    for (let n = start; n < Math.min(CASES, start + 1000); n += 1) {
      const { canonical, birthDate } = personalNumber(n + 100000);
      if (n === Math.floor(CASES / 2)) probe = canonical;
      const i = params.length;
      values.push(`($${i + 1}, $${i + 2}, $${i + 3}, $${i + 4}, $${i + 5}, $${i + 6})`);
      params.push(
        municipality,
        cipher.keyId,
        cipher.encrypt('youth_subject.personal_number', canonical),
        cipher.encrypt('youth_subject.name', `Testperson ${n}`),
        cipher.lookupHash(canonical),
        birthDate,
      );
    }
    await db.client.query(
      `INSERT INTO youth_subjects (owner_organisation_id, key_id, pin_sealed, name_sealed, pin_lookup, birth_date) VALUES ${values.join(', ')}`,
      params,
    );
  }
  await db.client.query(
    `
    INSERT INTO youth_cases (subject_id, form, collaboration_id, owner_organisation_id, owner_unit_id, coordinator_user_id, status, risk_factors,
                             retention_class, created_at, last_entry_at)
    SELECT s.id, (ARRAY['sspf', 'sspf', 'sig', 'report_of_concern'])[1 + row_number() OVER () % 4], $1, $2, $3, $4,
           (ARRAY['assessment', 'mapping', 'plan_active', 'follow_up', 'closed'])[1 + row_number() OVER () % 5],
           string_to_array((ARRAY['truancy,drugs', 'risky_peers', 'crime,weapons', 'family_conflict'])[1 + row_number() OVER () % 4], ','),
           'sol_standard', now() - (row_number() OVER () % 1000) * interval '1 day', now()
    FROM youth_subjects s WHERE s.name_sealed IS NOT NULL AND NOT EXISTS (SELECT 1 FROM youth_cases c WHERE c.subject_id = s.id)`,
    [collab, municipality, unit, worker],
  );
  await db.client.query(
    `
    INSERT INTO youth_entries (case_id, kind, category, visibility, occurred_on, body, author_id)
    SELECT c.id, 'journal', (ARRAY['school', 'leisure', 'family', 'health', 'plan'])[k], CASE WHEN k % 2 = 0 THEN 'shared' ELSE 'owner' END,
           current_date - k, 'Anteckning ' || k || ' om skolgång, fritid och familj.', $1
    FROM youth_cases c, generate_series(1, 5) k`,
    [worker],
  );
  // A tenth of the cases shared with the police under a consent (with its grant).
  await db.client.query(
    `
    WITH shared AS (SELECT id FROM youth_cases WHERE status <> 'closed' AND abs(hashtext(id::text)) % 10 = 0),
    grants AS (
      INSERT INTO record_grants (resource_type, resource_id, grantee_type, grantee_id, effect, actions, reason, granted_by, valid_from, valid_until)
      SELECT 'youth_case', id, 'organisation', $1, 'grant', '{read}', 'Samtycke (bench)', $2, now() - interval '10 days', now() + interval '200 days' FROM shared
      RETURNING id, resource_id)
    INSERT INTO youth_consents (case_id, key_id, signers_sealed, organisation_ids, categories, signed_on, valid_from, valid_until, grant_ids, recorded_by)
    SELECT resource_id, $3, $4, ARRAY[$1::uuid], '{basic,school,plan}', current_date - 10, current_date - 10,
           current_date + 200, ARRAY[id], $2 FROM grants`,
    [police, worker, cipher.keyId, cipher.encrypt('youth_consent.signers', JSON.stringify([{ name: 'Vårdnadshavare', role: 'guardian' }]))],
  );
  await db.client.query('ANALYZE');
  const generateMs = performance.now() - generateStart;
  const [{ cases, entries, shared }] = (
    await db.client.query(`SELECT (SELECT count(*) FROM youth_cases)::int AS cases,
    (SELECT count(*) FROM youth_entries)::int AS entries, (SELECT count(*) FROM youth_consents)::int AS shared`)
  ).rows;
  const [{ id: caseId }] = (await db.client.query(`SELECT c.id FROM youth_cases c JOIN youth_consents k ON k.case_id = c.id LIMIT 1`)).rows;

  const login = async (email) => {
    const res = await fetch(`${api.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'Samverkan-demo-2026' }),
    });
    return { authorization: `Bearer ${(await res.json()).accessToken}` };
  };
  const social = await login('socialsekreterare@hammaro.test');
  const officer = await login('polis@karlstad.polisen.test');
  const manager = await login('chef@hammaro.test');
  const get = (path, headers) => () => fetch(`${api.url}${path}`, { headers });
  const year = new Date().getFullYear();
  const options = { concurrency: 8, seconds: SECONDS };
  const results = [
    ['social worker: GET /api/v1/youth-cases?limit=50 (decrypts 50 names and numbers)', await load(get('/api/v1/youth-cases?limit=50', social), options)],
    [
      'social worker: GET /api/v1/youth-cases?status=plan_active&form=sspf',
      await load(get('/api/v1/youth-cases?status=plan_active&form=sspf&limit=50', social), options),
    ],
    ['social worker: GET /api/v1/youth-cases/{id}', await load(get(`/api/v1/youth-cases/${caseId}`, social), options)],
    ['social worker: GET /api/v1/youth-cases/{id}/entries', await load(get(`/api/v1/youth-cases/${caseId}/entries`, social), options)],
    [
      'social worker: POST /api/v1/youth-subjects/search (HMAC look-up)',
      await load(
        () =>
          fetch(`${api.url}/api/v1/youth-subjects/search`, {
            method: 'POST',
            headers: { ...social, 'content-type': 'application/json' },
            body: JSON.stringify({ personalNumber: probe, reason: 'Prestandamätning' }),
          }),
        options,
      ),
    ],
    ['police: GET /api/v1/youth-cases?limit=50 (grant-based)', await load(get('/api/v1/youth-cases?limit=50', officer), options)],
    ['police: GET /api/v1/youth-cases/{id} (covered categories)', await load(get(`/api/v1/youth-cases/${caseId}`, officer), options)],
    [`manager: GET /api/v1/youth-cases/statistics?year=${year}`, await load(get(`/api/v1/youth-cases/statistics?year=${year}`, manager), options)],
  ];
  const lines = [
    `${SECONDS} s per load, 8 concurrent clients on loopback; ${cases.toLocaleString('en')} cases with encrypted subjects, ${entries.toLocaleString('en')} notes, ${shared.toLocaleString('en')} shared with the police under consent (generated in ${Math.round(generateMs)} ms). Every request also appends its audit event.`,
    '',
    '| request | req/s | p50 ms | p95 ms | p99 ms | errors |',
    '| --- | --- | --- | --- | --- | --- |',
    ...results.map(([name, r]) => `| ${name} | ${r.perSecond} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} |`),
  ];
  writeSection('Youth cases (bench:youth)', lines);
  console.log(lines.join('\n'));
} finally {
  await api.stop();
  // BENCH_KEEP=1 leaves the database for EXPLAIN ANALYZE.
  if (process.env.BENCH_KEEP) await db.client.end();
  else await db.drop();
}
