// The national-scale bench database (issue #19): `samverkan_bench`, built once (migrations + seed
// through the built CLIs) and then filled in bulk with set-based SQL: 290 collaborations (the seed's
// Hammarö plus 289 municipalities under 96 local police areas in 7 regions), each with units, users
// and a promise; 1 000 000 actions, 100 000 youth cases (encrypted subjects) with 1 000 000 notes,
// 10 000 premises with 50 000 inspections, 5 000 000 audit events on one valid hash chain.
// Every demo user therefore sees a scoped share (one 290th), not everything.
//
// A row in `bench_meta` records the generator version: a later run reuses the database (after
// applying any new migration) and rebuilds only when GENERATOR_VERSION changes.
// Run alone: `node scripts/bench/data.mjs` (needs `npm run build` first); index.mjs calls ensureBenchData().
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { root } from './lib.mjs';

/** Bump when what the generator writes changes: the next run rebuilds the database. */
export const GENERATOR_VERSION = 2;
export const BENCH_DATABASE = process.env.BENCH_DATABASE ?? 'samverkan_bench';
const server = process.env.BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';

// BENCH_DATA_FRACTION (e.g. 0.01) builds a smaller database for trying the generator out.
const FRACTION = Number(process.env.BENCH_DATA_FRACTION ?? 1);
const scaled = (n) => Math.round(n * FRACTION);
/** The scale asked for by issue #19 (totals, seed rows included). */
export const SCALE = {
  municipalities: 290,
  actions: scaled(1_000_000),
  youthCases: scaled(100_000),
  youthNotes: scaled(1_000_000),
  premises: scaled(10_000),
  inspections: scaled(50_000),
  auditEvents: scaled(5_000_000),
};
/** What the marker records: the generator's version and the fraction of the full scale. */
const MARK = `${GENERATOR_VERSION}${FRACTION === 1 ? '' : ` × ${FRACTION}`}`;
const REGIONS = ['Nord', 'Mitt', 'Stockholm', 'Väst', 'Öst', 'Syd', 'Bergslagen'];
// The municipalities Lokalpolisområde Karlstad covers besides Hammarö (DOMAIN.md §1).
const KARLSTAD_AREA = ['Karlstad', 'Forshaga', 'Grums', 'Kil'];
const LOCAL_POLICE_AREAS = 95; // 285 further municipalities, three per local police area

export const benchUrl = `${server}/${BENCH_DATABASE}`;

const log = (message) => console.log(`[bench data] ${message}`);

async function timed(client, label, sql, params) {
  const start = performance.now();
  const result = await client.query(sql, params);
  log(`${label}: ${((performance.now() - start) / 1000).toFixed(1)} s${result.rowCount ? ` (${result.rowCount.toLocaleString('en')} rows)` : ''}`);
  return result;
}

async function adminQuery(sql, params) {
  const admin = new pg.Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  try {
    return await admin.query(sql, params);
  } finally {
    await admin.end();
  }
}

function cli(name, databaseUrl) {
  const result = spawnSync(process.execPath, [`${root}dist/apps/api/apps/api/src/cli/${name}`, 'up'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`${name} failed on ${BENCH_DATABASE}`);
}

/** The generator version recorded in the database, or null when it is missing or incomplete. */
async function recordedVersion() {
  const { rowCount } = await adminQuery('SELECT 1 FROM pg_database WHERE datname = $1', [BENCH_DATABASE]);
  if (!rowCount) return null;
  const client = new pg.Client({ connectionString: benchUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT to_regclass('bench_meta') IS NOT NULL AS present`);
    if (!rows[0].present) return null;
    const meta = await client.query('SELECT generator FROM bench_meta');
    return meta.rows[0]?.generator ?? null;
  } finally {
    await client.end();
  }
}

/**
 * Runs `fill` with the table's secondary indexes dropped, then rebuilds them from their own
 * definitions (pg_indexes): bulk loads into a table without its trigram and b-tree indexes, then one
 * sort per index, are several times faster than maintaining them row by row. Constraint indexes
 * (primary keys, unique, exclusion) stay: they guard the data.
 */
async function withoutIndexes(client, table, fill) {
  const { rows } = await client.query(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename = $1
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [table],
  );
  for (const { indexname } of rows) await client.query(`DROP INDEX ${pg.escapeIdentifier(indexname)}`);
  await fill();
  const start = performance.now();
  for (const { indexdef } of rows) await client.query(indexdef);
  log(`${table}: ${rows.length} indexes rebuilt in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

/** Organisations, units, users with memberships, one collaboration and one promise per municipality. */
async function organisations(client) {
  await client.query(`
    CREATE TABLE bench_municipalities (
      n int PRIMARY KEY, name text NOT NULL, organisation_id uuid NOT NULL, police_organisation_id uuid NOT NULL,
      collaboration_id uuid, promise_id uuid, social_unit_id uuid, licensing_unit_id uuid, lead_unit_id uuid, police_unit_id uuid,
      manager_id uuid, social_worker_id uuid, licensing_officer_id uuid, police_user_id uuid)`);
  // n = 0 is the seed's Hammarö, so its users get the same share as everyone else.
  await client.query(`
    INSERT INTO bench_municipalities (n, name, organisation_id, police_organisation_id, collaboration_id, social_unit_id, licensing_unit_id,
                                      lead_unit_id, police_unit_id, manager_id, social_worker_id, licensing_officer_id, police_user_id, promise_id)
    SELECT 0, 'Hammarö', c.municipality_organisation_id, c.police_organisation_id, c.id,
           (SELECT id FROM units WHERE organisation_id = c.municipality_organisation_id AND name = 'Socialtjänsten'),
           (SELECT id FROM units WHERE organisation_id = c.municipality_organisation_id AND name = 'Alkoholhandläggning'),
           (SELECT id FROM units WHERE organisation_id = c.municipality_organisation_id AND name = 'Kommunledning'),
           (SELECT id FROM units WHERE organisation_id = c.police_organisation_id AND name = 'Områdespolis Hammarö'),
           (SELECT id FROM users WHERE email = 'chef@hammaro.test'), (SELECT id FROM users WHERE email = 'socialsekreterare@hammaro.test'),
           (SELECT id FROM users WHERE email = 'alkohol@hammaro.test'), (SELECT id FROM users WHERE email = 'polis@karlstad.polisen.test'),
           (SELECT id FROM promises WHERE collaboration_id = c.id ORDER BY created_at LIMIT 1)
    FROM collaborations c WHERE c.name = 'Hammarö'`);
  await timed(
    client,
    'local police areas',
    `INSERT INTO organisations (name, kind, org_number)
     SELECT format('Lokalpolisområde %s (polisregion %s)', to_char(a, 'FM00'), ($1::text[])[1 + (a - 1) % 7]), 'police', '202100-0076'
     FROM generate_series(1, ${LOCAL_POLICE_AREAS}) a`,
    [REGIONS],
  );
  await timed(
    client,
    'municipalities',
    `WITH names AS (
       SELECT n, CASE WHEN n <= 4 THEN ($1::text[])[n] ELSE format('Ort %s', to_char(n, 'FM000')) END AS name FROM generate_series(1, ${SCALE.municipalities - 1}) n),
     orgs AS (
       INSERT INTO organisations (name, kind, org_number)
       SELECT name || ' kommun', 'municipality', format('2120%s-%s', to_char(n % 100, 'FM00'), to_char(n, 'FM0000')) FROM names RETURNING id, name)
     INSERT INTO bench_municipalities (n, name, organisation_id, police_organisation_id)
     SELECT names.n, names.name, orgs.id,
            CASE WHEN names.n <= 4 THEN (SELECT police_organisation_id FROM bench_municipalities WHERE n = 0)
                 ELSE (SELECT id FROM organisations p
                       WHERE p.name = format('Lokalpolisområde %s (polisregion %s)', to_char((names.n - 5) / 3 + 1, 'FM00'), ($2::text[])[1 + ((names.n - 5) / 3) % 7])) END
     FROM names JOIN orgs ON orgs.name = names.name || ' kommun'`,
    [KARLSTAD_AREA, REGIONS],
  );
  await client.query(`
    INSERT INTO units (organisation_id, name)
    SELECT b.organisation_id, u FROM bench_municipalities b, unnest(ARRAY['Socialtjänsten', 'Alkoholhandläggning', 'Kommunledning', 'Säkerhet/väktare']) u WHERE b.n > 0`);
  await client.query(`
    INSERT INTO units (organisation_id, name)
    SELECT o.id, u FROM organisations o, unnest(ARRAY['Områdespolis', 'Ingripande']) u WHERE o.name LIKE 'Lokalpolisområde % (polisregion %)'`);
  await client.query(
    `INSERT INTO units (organisation_id, name) SELECT police_organisation_id, 'Områdespolis ' || name FROM bench_municipalities WHERE n BETWEEN 1 AND 4`,
  );
  await client.query(`
    UPDATE bench_municipalities b SET
      social_unit_id = (SELECT id FROM units WHERE organisation_id = b.organisation_id AND name = 'Socialtjänsten'),
      licensing_unit_id = (SELECT id FROM units WHERE organisation_id = b.organisation_id AND name = 'Alkoholhandläggning'),
      lead_unit_id = (SELECT id FROM units WHERE organisation_id = b.organisation_id AND name = 'Kommunledning'),
      police_unit_id = (SELECT id FROM units WHERE organisation_id = b.police_organisation_id AND name IN ('Områdespolis', 'Områdespolis ' || b.name))
    WHERE b.n > 0`);

  // Users sign in with the demo password: the hash is the seed's own.
  const roles = [
    ['chef', 'manager', 'lead', 'Chef'],
    ['it', 'org_admin', 'lead', 'Systemansvarig'],
    ['revisor', 'auditor', 'lead', 'Revisor'],
    ['trygghet', 'safety_coordinator', 'lead', 'Trygghetssamordnare'],
    ['alkohol', 'licensing_officer', 'licensing', 'Alkoholhandläggare'],
    ['socialchef', 'social_services_manager', 'social', 'Socialchef'],
    ['socialsekreterare', 'social_worker', 'social', 'Socialsekreterare'],
    ['socialsekreterare2', 'social_worker', 'social', 'Socialsekreterare'],
    ['socialsekreterare3', 'social_worker', 'social', 'Socialsekreterare'],
    ['vaktare', 'municipal_guard', 'guard', 'Väktare'],
  ];
  const values = roles.map((_, i) => `($${i * 4 + 1}, $${i * 4 + 2}, $${i * 4 + 3}, $${i * 4 + 4})`).join(', ');
  await client.query(`CREATE TEMP TABLE bench_roles (prefix text, role text, unit text, title text)`);
  await client.query(`INSERT INTO bench_roles VALUES ${values}`, roles.flat());
  await timed(
    client,
    'municipal users',
    `INSERT INTO users (organisation_id, email, display_name, password_hash)
     SELECT b.organisation_id, r.prefix || '@k' || to_char(b.n, 'FM000') || '.bench.test', r.title || ' ' || b.name,
            (SELECT password_hash FROM users WHERE email = 'chef@hammaro.test')
     FROM bench_municipalities b, bench_roles r WHERE b.n > 0`,
  );
  await client.query(`
    INSERT INTO memberships (user_id, unit_id, role)
    SELECT u.id, CASE r.unit WHEN 'lead' THEN b.lead_unit_id WHEN 'licensing' THEN b.licensing_unit_id WHEN 'social' THEN b.social_unit_id
                             ELSE (SELECT id FROM units WHERE organisation_id = b.organisation_id AND name = 'Säkerhet/väktare') END, r.role
    FROM bench_municipalities b CROSS JOIN bench_roles r JOIN users u ON u.email = r.prefix || '@k' || to_char(b.n, 'FM000') || '.bench.test'
    WHERE b.n > 0`);
  await timed(
    client,
    'police users',
    `INSERT INTO users (organisation_id, email, display_name, password_hash)
     SELECT o.id, p.prefix || '@lpo' || substring(o.name from 'Lokalpolisområde (\\d+)') || '.polisen.bench.test', p.title || ' ' || o.name,
            (SELECT password_hash FROM users WHERE email = 'chef@hammaro.test')
     FROM organisations o, (VALUES ('polis1', 'Polis'), ('polis2', 'Polis'), ('polis3', 'Polis'), ('insatschef', 'Insatschef')) p(prefix, title)
     WHERE o.name LIKE 'Lokalpolisområde % (polisregion %)'`,
  );
  await client.query(`
    INSERT INTO memberships (user_id, unit_id, role)
    SELECT u.id, un.id, CASE WHEN u.email LIKE 'insatschef@%' THEN 'police_commander' ELSE 'police_officer' END
    FROM users u JOIN units un ON un.organisation_id = u.organisation_id
     AND un.name = CASE WHEN u.email LIKE 'insatschef@%' THEN 'Ingripande' ELSE 'Områdespolis' END
    WHERE u.email LIKE '%.polisen.bench.test'`);
  await client.query(`
    UPDATE bench_municipalities b SET
      manager_id = (SELECT id FROM users WHERE email = 'chef@k' || to_char(b.n, 'FM000') || '.bench.test'),
      social_worker_id = (SELECT id FROM users WHERE email = 'socialsekreterare@k' || to_char(b.n, 'FM000') || '.bench.test'),
      licensing_officer_id = (SELECT id FROM users WHERE email = 'alkohol@k' || to_char(b.n, 'FM000') || '.bench.test'),
      police_user_id = coalesce((SELECT u.id FROM users u WHERE u.organisation_id = b.police_organisation_id AND u.email LIKE 'polis1@%'),
                                (SELECT police_user_id FROM bench_municipalities WHERE n = 0))
    WHERE b.n > 0`);

  await client.query(`
    WITH c AS (
      INSERT INTO collaborations (name, police_organisation_id, municipality_organisation_id)
      SELECT name, police_organisation_id, organisation_id FROM bench_municipalities WHERE n > 0 RETURNING id, municipality_organisation_id)
    UPDATE bench_municipalities b SET collaboration_id = c.id FROM c WHERE c.municipality_organisation_id = b.organisation_id`);
  // Each collaboration's promise is a copy of Hammarö's: same problem areas and commitments.
  await client.query(`
    WITH p AS (
      INSERT INTO promises (collaboration_id, title, summary, period_start, period_end, status, published, created_by)
      SELECT b.collaboration_id, 'Medborgarlöfte ' || b.name || ' 2025–2027', s.summary, DATE '2025-01-01', DATE '2027-12-31', 'active', true, b.manager_id
      FROM bench_municipalities b, promises s WHERE b.n > 0 AND s.id = (SELECT promise_id FROM bench_municipalities WHERE n = 0)
      RETURNING id, collaboration_id)
    UPDATE bench_municipalities b SET promise_id = p.id FROM p WHERE p.collaboration_id = b.collaboration_id`);
  await client.query(`
    INSERT INTO problem_areas (promise_id, position, title, description)
    SELECT b.promise_id, pa.position, pa.title, pa.description
    FROM bench_municipalities b, problem_areas pa WHERE b.n > 0 AND pa.promise_id = (SELECT promise_id FROM bench_municipalities WHERE n = 0)`);
  await client.query(`
    INSERT INTO commitments (promise_id, problem_area_id, party, position, text, target_value, target_unit, target_period, target_metric, weight, activity_kind)
    SELECT b.promise_id, npa.id, c.party, c.position, c.text, c.target_value, c.target_unit, c.target_period, c.target_metric, c.weight, c.activity_kind
    FROM bench_municipalities b
    JOIN commitments c ON c.promise_id = (SELECT promise_id FROM bench_municipalities WHERE n = 0)
    JOIN problem_areas opa ON opa.id = c.problem_area_id
    JOIN problem_areas npa ON npa.promise_id = b.promise_id AND npa.position = opa.position
    WHERE b.n > 0`);
}

/** Actions spread evenly over the 290 collaborations and their eight commitments. */
async function actions(client) {
  const [{ count }] = (await client.query('SELECT count(*)::int AS count FROM actions')).rows;
  const total = SCALE.actions - count;
  await client.query(`
    CREATE TEMP TABLE bench_commitments AS
    SELECT b.n, row_number() OVER (PARTITION BY b.n ORDER BY c.position, c.id)::int - 1 AS k, c.id, c.party
    FROM bench_municipalities b JOIN commitments c ON c.promise_id = b.promise_id`);
  await client.query('CREATE UNIQUE INDEX ON bench_commitments (n, k)');
  await client.query('ANALYZE bench_commitments');
  const m = SCALE.municipalities;
  await withoutIndexes(client, 'actions', () =>
    timed(
      client,
      'actions',
      `INSERT INTO actions (commitment_id, collaboration_id, title, description, responsible_organisation_id, responsible_unit_id, responsible_user_id,
                            start_date, due_date, status, status_reason, progress, completed_at, created_by, created_at)
       -- g runs over all collaborations (b.n = g % ${m}); j numbers the actions within one, so that
       -- every collaboration gets every mix of commitment, status and responsibility.
       SELECT c.id, b.collaboration_id,
              format('%s %s', (ARRAY['Trygghetsvandring', 'Hastighetskontroll', 'Väktarrond', 'Tillsynsbesök', 'Informationsmöte', 'Grannsamverkansträff',
                                     'Drogförebyggande lektion', 'Insats mot langning'])[1 + j % 8], j),
              'Genererad för prestandamätning (bench).',
              CASE WHEN c.party = 'police' OR (c.party = 'joint' AND j % 2 = 0) THEN b.police_organisation_id ELSE b.organisation_id END,
              CASE WHEN c.party = 'police' OR (c.party = 'joint' AND j % 2 = 0) THEN b.police_unit_id ELSE b.lead_unit_id END,
              CASE WHEN j % 5 = 0 AND c.party = 'municipality' THEN b.manager_id END,
              d.due - 30 - j % 60, d.due, s.status,
              CASE WHEN s.status IN ('blocked', 'cancelled') THEN 'Underrättelseläget medger inte insatsen (bench).' END,
              CASE s.status WHEN 'done' THEN 100 WHEN 'in_progress' THEN 5 + j * 7 % 90 ELSE 0 END,
              CASE WHEN s.status = 'done' THEN (d.due - j % 10)::timestamptz END,
              b.manager_id, (d.due - 30 - j % 60)::timestamptz
       FROM generate_series(0, ${total - 1}) g
       CROSS JOIN LATERAL (SELECT g / ${m} AS j) i
       JOIN bench_municipalities b ON b.n = g % ${m}
       JOIN bench_commitments c ON c.n = b.n AND c.k = j % 8
       CROSS JOIN LATERAL (SELECT DATE '2023-01-01' + (g * 37 % 1826)::int AS due) d
       CROSS JOIN LATERAL (SELECT CASE WHEN j / 8 % 10 < 4 THEN 'done' WHEN j / 8 % 10 < 7 THEN 'in_progress' WHEN j / 8 % 10 < 9 THEN 'planned'
                                       WHEN j / 8 % 20 = 9 THEN 'blocked' ELSE 'cancelled' END AS status) s`,
    ),
  );
}

/** Youth subjects sealed with the platform's own cipher, their cases, notes, and a tenth shared with the police. */
async function youth(client) {
  const { FieldCipher, loadConfig } = await import(`${root}dist/apps/api/libs/platform/src/index.js`);
  const { luhnCheckDigit } = await import(`${root}dist/apps/api/libs/youth/src/personal-number.js`);
  const { PIN_FIELD, NAME_FIELD } = await import(`${root}dist/apps/api/libs/youth/src/youth-subjects.service.js`);
  const { SIGNERS_FIELD } = await import(`${root}dist/apps/api/libs/youth/src/consent-signers.js`);
  // The same DATA_KEY the bench api runs with (unset: the development key, as for the api).
  const cipher = new FieldCipher(loadConfig({ DATABASE_URL: benchUrl }));
  const [{ count }] = (await client.query('SELECT count(*)::int AS count FROM youth_cases')).rows;
  const total = SCALE.youthCases - count;
  const m = SCALE.municipalities;
  const { rows: owners } = await client.query('SELECT n, organisation_id FROM bench_municipalities ORDER BY n');

  let start = performance.now();
  const batch = 2000;
  for (let from = 0; from < total; from += batch) {
    const values = [];
    const params = [];
    for (let i = from; i < Math.min(total, from + batch); i += 1) {
      // Unique per person: a birth date per thousand and the serial within it; aged about 12–18.
      const birth = new Date(Date.UTC(2008, 0, 1) + Math.floor(i / 1000) * 25 * 86400000);
      const yyyy = birth.getUTCFullYear();
      const mm = String(birth.getUTCMonth() + 1).padStart(2, '0');
      const dd = String(birth.getUTCDate()).padStart(2, '0');
      const serial = String(i % 1000).padStart(3, '0');
      const nine = `${String(yyyy).slice(2)}${mm}${dd}${serial}`;
      const canonical = `${yyyy}${mm}${dd}${serial}${luhnCheckDigit(nine)}`;
      const p = params.length;
      values.push(`($${p + 1}::uuid, $${p + 2}, $${p + 3}::bytea, $${p + 4}::bytea, $${p + 5}, $${p + 6}::date, $${p + 7}::int)`);
      params.push(
        owners[i % m].organisation_id,
        cipher.keyId,
        cipher.encrypt(PIN_FIELD, canonical),
        cipher.encrypt(NAME_FIELD, `Testperson ${i}`),
        cipher.lookupHash(canonical),
        `${yyyy}-${mm}-${dd}`,
        i,
      );
    }
    if (from === 0) await client.query('CREATE TEMP TABLE bench_subjects (i int PRIMARY KEY, id uuid NOT NULL)');
    await client.query(
      `WITH v (owner, key_id, pin, name, lookup, birth, i) AS (VALUES ${values.join(', ')}),
       s AS (INSERT INTO youth_subjects (owner_organisation_id, key_id, pin_sealed, name_sealed, pin_lookup, birth_date)
             SELECT owner, key_id, pin, name, lookup, birth FROM v RETURNING id, owner_organisation_id, pin_lookup)
       INSERT INTO bench_subjects SELECT v.i, s.id FROM s JOIN v ON v.owner = s.owner_organisation_id AND v.lookup = s.pin_lookup`,
      params,
    );
  }
  log(`youth subjects (sealed in Node): ${((performance.now() - start) / 1000).toFixed(1)} s (${total.toLocaleString('en')} rows)`);

  await client.query('CREATE TEMP TABLE bench_cases (i int PRIMARY KEY, id uuid NOT NULL, n int NOT NULL)');
  await withoutIndexes(client, 'youth_cases', async () => {
    await timed(
      client,
      'youth cases',
      `WITH c AS (
         INSERT INTO youth_cases (subject_id, form, collaboration_id, owner_organisation_id, owner_unit_id, coordinator_user_id, status, risk_factors,
                                  review_on, retention_class, last_entry_at, closed_on, purge_on, created_by, created_at)
         SELECT s.id, (ARRAY['sspf', 'sspf', 'sig', 'report_of_concern'])[1 + s.i / ${m} / 10 % 4], b.collaboration_id, b.organisation_id, b.social_unit_id,
                b.social_worker_id, st.status,
                string_to_array((ARRAY['truancy,drugs', 'risky_peers', 'crime,weapons', 'family_conflict'])[1 + s.i / ${m} / 10 % 4], ','),
                CASE WHEN st.status <> 'closed' THEN current_date + s.i % 90 END, 'sol_standard',
                now() - (s.i % 300) * interval '1 day',
                CASE WHEN st.status = 'closed' THEN current_date - s.i % 300 END,
                CASE WHEN st.status = 'closed' THEN make_date(extract(year FROM current_date)::int + 6, 1, 31) END,
                b.social_worker_id, now() - (s.i % 1500) * interval '1 day'
         FROM bench_subjects s
         JOIN bench_municipalities b ON b.n = s.i % ${m}
         CROSS JOIN LATERAL (SELECT (ARRAY['concern_raised', 'assessment', 'awaiting_consent', 'mapping', 'plan_active', 'plan_active', 'follow_up', 'closed',
                                           'closed', 'closed'])[1 + (s.i / ${m}) % 10] AS status) st
         RETURNING id, subject_id, owner_organisation_id)
       INSERT INTO bench_cases SELECT s.i, c.id, s.i % ${m} FROM c JOIN bench_subjects s ON s.id = c.subject_id`,
    );
  });
  await client.query(`
    INSERT INTO youth_case_participants (case_id, user_id, role, added_by)
    SELECT c.id, b.social_worker_id, 'coordinator', b.social_worker_id FROM bench_cases c JOIN bench_municipalities b ON b.n = c.n`);

  const [{ notes }] = (await client.query('SELECT count(*)::int AS notes FROM youth_entries')).rows;
  const entries = SCALE.youthNotes - notes;
  await withoutIndexes(client, 'youth_entries', () =>
    timed(
      client,
      'youth notes',
      `INSERT INTO youth_entries (case_id, kind, category, visibility, occurred_on, body, author_id, created_at)
       SELECT c.id, CASE WHEN g % 7 = 0 THEN 'meeting_minutes' ELSE 'journal' END,
              (ARRAY['school', 'leisure', 'family', 'health', 'plan'])[1 + g % 5], CASE WHEN g % 2 = 0 THEN 'shared' ELSE 'owner' END,
              current_date - (g / ${total}) * 30 - c.i % 30, 'Anteckning om skolgång, fritid och familj (bench ' || g || ').', b.social_worker_id,
              now() - ((g / ${total}) * 30 + c.i % 30) * interval '1 day'
       FROM generate_series(0, ${entries - 1}) g
       JOIN bench_cases c ON c.i = g % ${total}
       JOIN bench_municipalities b ON b.n = c.n`,
    ),
  );

  // A tenth of the open cases shared with the police area under a consent, with its record grant.
  start = performance.now();
  await client.query(
    `WITH shared AS (
       SELECT c.id, b.police_organisation_id AS police, b.social_worker_id AS worker
       FROM bench_cases c JOIN bench_municipalities b ON b.n = c.n JOIN youth_cases y ON y.id = c.id
       WHERE y.status NOT IN ('closed', 'concern_raised') AND c.i % 10 = 3),
     grants AS (
       INSERT INTO record_grants (resource_type, resource_id, grantee_type, grantee_id, effect, actions, reason, granted_by, valid_from, valid_until)
       SELECT 'youth_case', id, 'organisation', police, 'grant', '{read}', 'Samtycke (bench)', worker, now() - interval '10 days', now() + interval '200 days'
       FROM shared RETURNING id, resource_id, grantee_id, granted_by)
     INSERT INTO youth_consents (case_id, key_id, signers_sealed, organisation_ids, categories, signed_on, valid_from, valid_until, grant_ids, recorded_by)
     SELECT resource_id, $1, $2, ARRAY[grantee_id], '{basic,school,plan}', current_date - 10, current_date - 10, current_date + 200, ARRAY[id], granted_by
     FROM grants`,
    [cipher.keyId, cipher.encrypt(SIGNERS_FIELD, JSON.stringify([{ name: 'Vårdnadshavare', role: 'guardian' }]))],
  );
  log(`youth consents and grants: ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

/** Premises with a holder and a licence each, and their inspections (never two at once on one premises). */
async function premises(client) {
  const [{ count }] = (await client.query('SELECT count(*)::int AS count FROM premises')).rows;
  const total = SCALE.premises - count;
  const m = SCALE.municipalities;
  await client.query('CREATE TEMP TABLE bench_premises (i int PRIMARY KEY, id uuid NOT NULL, licence_id uuid, n int NOT NULL)');
  await timed(
    client,
    'premises',
    `WITH p AS (
       INSERT INTO premises (collaboration_id, owner_organisation_id, name, kind, address, postal_code, city, capacity, has_own_kitchen, young_audience, dancing)
       SELECT b.collaboration_id, b.organisation_id,
              format('%s %s', (ARRAY['Restaurang', 'Bar', 'Krog', 'Hotell', 'Pub', 'Café', 'Nattklubb', 'Arena'])[1 + g / ${m} % 8], to_char(g, 'FM00000')),
              (ARRAY['restaurant', 'bar', 'restaurant', 'hotel', 'pub', 'cafe', 'nightclub', 'sports_venue'])[1 + g / ${m} % 8],
              format('Storgatan %s', 1 + g / ${m}), to_char(10000 + g % 90000, 'FM00000'), b.name, 40 + g % 400, g / ${m} % 3 <> 1, g / ${m} % 11 = 0, g / ${m} % 8 = 6
       FROM generate_series(0, ${total - 1}) g JOIN bench_municipalities b ON b.n = g % ${m}
       RETURNING id, name)
     INSERT INTO bench_premises (i, id, n) SELECT substring(p.name from '(\\d+)$')::int, p.id, substring(p.name from '(\\d+)$')::int % ${m} FROM p`,
  );
  await client.query(`
    WITH h AS (
      INSERT INTO licence_holders (owner_organisation_id, name, org_number, contact_name, contact_email)
      SELECT b.organisation_id, 'Bench Krog AB ' || to_char(p.i, 'FM00000'), format('5569%s-%s', to_char(p.i / 10000, 'FM00'), to_char(p.i % 10000, 'FM0000')),
             'Kontakt ' || p.i, 'krog' || p.i || '@bench.test'
      FROM bench_premises p JOIN bench_municipalities b ON b.n = p.n
      RETURNING id, owner_organisation_id, name),
    l AS (
      INSERT INTO licences (holder_id, premises_id, collaboration_id, owner_organisation_id, type, audience, drink_categories, serving_hours, valid_from)
      SELECT h.id, p.id, b.collaboration_id, b.organisation_id, 'permanent', 'public', '{spirits,wine,strong_beer,other_fermented}',
             '{"fri": {"from": "11:00", "to": "01:00"}, "sat": {"from": "11:00", "to": "01:00"}}', DATE '2019-01-01' + p.i % 1500
      FROM h JOIN bench_premises p ON h.name = 'Bench Krog AB ' || to_char(p.i, 'FM00000') JOIN bench_municipalities b ON b.n = p.n
      RETURNING id, premises_id)
    UPDATE bench_premises p SET licence_id = l.id FROM l WHERE l.premises_id = p.id`);

  const [{ done }] = (await client.query('SELECT count(*)::int AS done FROM inspections')).rows;
  const inspections = SCALE.inspections - done;
  // Inspection k of a premises falls k years after the first: never two at once (inspections_no_premises_clash).
  await withoutIndexes(client, 'inspections', () =>
    timed(
      client,
      'inspections',
      `INSERT INTO inspections (premises_id, licence_id, collaboration_id, owner_organisation_id, type, planned_start, planned_end, status, status_reason,
                                performed_at, attempted_at, report_sent_at, created_by, created_at)
       SELECT p.id, p.licence_id, b.collaboration_id, b.organisation_id, (ARRAY['external', 'external', 'coordinated', 'internal', 'preventive'])[1 + g % 5],
              t.start, t.start + interval '2 hours', t.status, CASE WHEN t.status = 'cancelled' THEN 'Inställd (bench)' END,
              CASE WHEN t.status IN ('performed', 'report_sent', 'closed') THEN t.start END, CASE WHEN t.status = 'attempted' THEN t.start END,
              CASE WHEN t.status IN ('report_sent', 'closed') THEN t.start + interval '5 days' END,
              b.licensing_officer_id, t.start - interval '30 days'
       FROM generate_series(0, ${inspections - 1}) g
       JOIN bench_premises p ON p.i = g % ${total}
       JOIN bench_municipalities b ON b.n = p.n
       CROSS JOIN LATERAL (SELECT TIMESTAMPTZ '2022-06-01 19:00+02' + ((g / ${total}) * 365 + p.i % 365) * interval '1 day' AS start) s
       CROSS JOIN LATERAL (SELECT s.start, CASE WHEN s.start > now() THEN 'planned' WHEN g % 23 = 0 THEN 'cancelled' WHEN g % 17 = 0 THEN 'attempted'
                                                WHEN s.start > now() - interval '20 days' THEN 'performed' WHEN g % 3 = 0 THEN 'report_sent' ELSE 'closed' END AS status) t`,
    ),
  );
}

/** An inbox per user: many for the demo users (their lists page), a few for everyone else. */
async function notifications(client) {
  await timed(
    client,
    'notifications',
    `INSERT INTO notifications (user_id, kind, title, body, resource_type, created_at, read_at)
     SELECT u.id, 'reminder', 'Påminnelse: åtgärd förfaller (bench ' || g || ')', 'Genererad för prestandamätning.', 'action',
            now() - g * interval '3 hours', CASE WHEN g % 10 < 7 THEN now() - g * interval '3 hours' + interval '1 hour' END
     FROM users u CROSS JOIN LATERAL generate_series(1, CASE WHEN u.email LIKE '%.bench.test' THEN 20 ELSE 2000 END) g`,
  );
}

/**
 * Audit events on one valid hash chain. The chain trigger (AuditTrail migration) takes a lock and
 * reads the previous hash per row; for millions of rows the generator instead holds the same lock,
 * switches the trigger off for its own transaction and computes each link in a PL/pgSQL loop with
 * the database's own audit_event_digest, so the chain's verification (the worker's, and the one-statement anchor) finds it valid.
 */
async function audit(client) {
  const [{ count }] = (await client.query('SELECT count(*)::int AS count FROM audit_events')).rows;
  const total = SCALE.auditEvents - count;
  await client.query(`
    CREATE TEMP TABLE bench_actions AS SELECT (row_number() OVER (ORDER BY id) - 1)::int AS i, id, collaboration_id FROM actions`);
  await client.query('ALTER TABLE bench_actions ADD PRIMARY KEY (i)');
  await client.query(`
    CREATE TEMP TABLE bench_audit_source AS
    SELECT g, now() - (${total} - g) * interval '20 seconds' AS occurred_at,
           CASE WHEN g % 10 < 6 THEN b.manager_id WHEN g % 10 < 8 THEN b.social_worker_id ELSE b.licensing_officer_id END AS actor_user_id,
           CASE WHEN g % 10 < 6 THEN b.lead_unit_id WHEN g % 10 < 8 THEN b.social_unit_id ELSE b.licensing_unit_id END AS actor_unit_id,
           b.organisation_id,
           CASE WHEN g % 10 < 5 THEN 'action.update' WHEN g % 10 = 5 THEN 'auth.login' WHEN g % 10 < 8 THEN 'youth_case.read' ELSE 'premises.read' END AS action,
           CASE WHEN g % 10 < 5 THEN 'action' WHEN g % 10 = 5 THEN NULL WHEN g % 10 < 8 THEN 'youth_case' ELSE 'premises' END AS resource_type,
           CASE WHEN g % 10 < 5 THEN a.id::text END AS resource_id,
           CASE WHEN g % 10 < 5 THEN ARRAY['status', 'progress'] END AS changed_fields,
           CASE WHEN g % 10 < 5 THEN jsonb_build_object('status', 'in_progress', 'progress', g % 100) END AS details,
           'bench-' || g AS request_id
    FROM generate_series(0, ${total - 1}) g
    JOIN bench_actions a ON a.i = (g::bigint * 7919) % (SELECT count(*) FROM bench_actions)
    JOIN bench_municipalities b ON b.collaboration_id = a.collaboration_id`);
  log(`audit source rows ready`);
  await client.query(`
    CREATE FUNCTION pg_temp.bench_audit_chain(from_g bigint, to_g bigint, first_id bigint) RETURNS SETOF audit_events LANGUAGE plpgsql AS $$
    DECLARE
      s record;
      e audit_events;
      previous text;
    BEGIN
      SELECT hash INTO previous FROM audit_events ORDER BY id DESC LIMIT 1;
      previous := coalesce(previous, '');
      FOR s IN SELECT * FROM bench_audit_source WHERE g >= from_g AND g < to_g ORDER BY g LOOP
        e := NULL;
        e.id := first_id + (s.g - from_g);
        e.occurred_at := s.occurred_at;
        e.actor_user_id := s.actor_user_id;
        e.actor_unit_id := s.actor_unit_id;
        e.actor_organisation_id := s.organisation_id;
        e.action := s.action;
        e.resource_type := s.resource_type;
        e.resource_id := s.resource_id;
        e.subject_organisation_id := s.organisation_id;
        e.outcome := 'success';
        e.request_id := s.request_id;
        e.ip := '127.0.0.1';
        e.changed_fields := s.changed_fields;
        e.details := s.details;
        e.prev_hash := previous;
        e.hash := audit_event_digest(e, previous);
        previous := e.hash;
        RETURN NEXT e;
      END LOOP;
    END $$`);
  await client.query('CREATE INDEX ON bench_audit_source (g)');
  const chunk = 500_000;
  await withoutIndexes(client, 'audit_events', async () => {
    for (let from = 0; from < total; from += chunk) {
      const to = Math.min(total, from + chunk);
      const start = performance.now();
      await client.query('BEGIN');
      // The chain's own lock (audit_events_chain trigger), held to commit: no event slips in between.
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('audit_events_chain'))`);
      await client.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_chain');
      // Ids drawn from the sequence in one step, so later events continue after them.
      const {
        rows: [{ first }],
      } = await client.query(`SELECT nextval('audit_events_id_seq') AS first`);
      await client.query(`SELECT setval('audit_events_id_seq', $1::bigint + $2 - 1)`, [first, to - from]);
      await client.query(`INSERT INTO audit_events SELECT * FROM pg_temp.bench_audit_chain($1, $2, $3)`, [from, to, first]);
      await client.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_chain');
      await client.query('COMMIT');
      log(`audit events ${to.toLocaleString('en')}/${total.toLocaleString('en')}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
    }
  });
}

/**
 * Builds the bench database from scratch (migrations, seed, national-scale rows, marker) under a
 * temporary name and renames it at the end: a failed or interrupted build never leaves a
 * half-filled database behind, and whoever uses the previous one keeps it until the swap.
 */
async function build() {
  const started = performance.now();
  const next = `${BENCH_DATABASE}_next`;
  const nextUrl = `${server}/${next}`;
  await adminQuery(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(next)} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${pg.escapeIdentifier(next)}`);
  cli('migrate.js', nextUrl);
  cli('seed.js', nextUrl);
  log(`migrations and seed: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const client = new pg.Client({ connectionString: nextUrl });
  await client.connect();
  try {
    await client.query(`SET synchronous_commit = off`);
    await client.query(`SET maintenance_work_mem = '512MB'`);
    await client.query(`SET work_mem = '64MB'`);
    await organisations(client);
    await actions(client);
    await youth(client);
    await premises(client);
    await notifications(client);
    await audit(client);
    // VACUUM as well: the counts of the lists read their indexes alone, which needs the visibility map.
    await timed(client, 'VACUUM ANALYZE', 'VACUUM ANALYZE');
    await client.query(`CREATE TABLE bench_meta (generator text NOT NULL, built_at timestamptz NOT NULL DEFAULT now(), build_seconds int NOT NULL)`);
    await client.query('INSERT INTO bench_meta (generator, build_seconds) VALUES ($1, $2)', [MARK, Math.round((performance.now() - started) / 1000)]);
  } finally {
    await client.end();
  }
  await adminQuery(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(BENCH_DATABASE)} WITH (FORCE)`);
  await adminQuery(`ALTER DATABASE ${pg.escapeIdentifier(next)} RENAME TO ${pg.escapeIdentifier(BENCH_DATABASE)}`);
  log(`built ${BENCH_DATABASE} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

/** Counts of what the bench database holds, for BENCHMARKS.md. */
export async function describe(pool) {
  const { rows } = await pool.query(`SELECT
    (SELECT count(*) FROM collaborations)::int AS collaborations, (SELECT count(*) FROM users)::int AS users,
    (SELECT count(*) FROM actions)::int AS actions, (SELECT count(*) FROM youth_cases)::int AS "youthCases",
    (SELECT count(*) FROM youth_entries)::int AS "youthNotes", (SELECT count(*) FROM premises)::int AS premises,
    (SELECT count(*) FROM inspections)::int AS inspections, (SELECT count(*) FROM notifications)::int AS notifications,
    (SELECT reltuples::bigint FROM pg_class WHERE relname = 'audit_events') AS "auditEvents",
    (SELECT build_seconds FROM bench_meta) AS "buildSeconds"`);
  return rows[0];
}

/**
 * Makes sure the bench database exists at GENERATOR_VERSION (building it if not), applies any
 * migration added since and vacuums it. Returns its URL.
 */
export async function ensureBenchData() {
  const version = await recordedVersion();
  if (version === MARK) {
    log(`reusing ${BENCH_DATABASE} (generator ${version}); applying new migrations if any`);
    cli('migrate.js', benchUrl);
    // What earlier runs wrote (audit events, notifications) and new indexes: visible to index-only scans again.
    const client = new pg.Client({ connectionString: benchUrl });
    await client.connect();
    try {
      await timed(client, 'VACUUM ANALYZE', 'VACUUM ANALYZE');
    } finally {
      await client.end();
    }
  } else {
    log(version === null ? `building ${BENCH_DATABASE}` : `rebuilding ${BENCH_DATABASE} (generator ${version} → ${MARK})`);
    await build();
  }
  return benchUrl;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await ensureBenchData();
}
