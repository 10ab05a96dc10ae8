import type { SeedStep } from '@samverkan/platform';
import type { EntityManager } from 'typeorm';
import { type ActionStatus, type ActivityKind, FiguresService, type Party, type PlaceKind, suggest, type TargetPeriod, windowOf } from '@samverkan/promises';

/**
 * The Hammarö citizen promise 2020-01-01 – 2022-12-31 (Hammarö kommun + Lokalpolisområde
 * Karlstad) with every commitment of the published promise, actions with owners and dates, three
 * years of activities and the approved 2020 and 2021 follow-ups. Numbers come from a fixed-seed
 * generator, so every run gives the same data. Runs once: if the promise exists, it is left alone.
 */
export const HAMMARO_PROMISE_TITLE = 'Medborgarlöfte Hammarö 2020–2022';

interface CommitmentSeed {
  key: string;
  area: 1 | 2;
  party: Party;
  text: string;
  target?: { value: number; unit: string; period: TargetPeriod; metric?: string };
  weight: number;
  /**
   * Activities of this kind that other modules report (inspections, operations) land here; the
   * field form offers the commitment for recording this kind (rounds, walks, checks).
   */
  activityKind?: ActivityKind;
}

const COMMITMENTS: CommitmentSeed[] = [
  {
    key: 'youth',
    area: 1,
    party: 'joint',
    weight: 2,
    text: 'Utveckla informationsutbytet och samverkan kring insatser för unga, så att ärendehanteringen blir effektivare.',
  },
  {
    key: 'inspections',
    area: 1,
    party: 'joint',
    weight: 1,
    text: 'Genomföra tillsyn av serveringsställen med alkoholtillstånd, gemensamt med polisen.',
    target: { value: 12, unit: 'tillsynsbesök', period: 'year' },
    activityKind: 'licensed_premises_inspection',
  },
  {
    key: 'watch',
    area: 1,
    party: 'police',
    weight: 1,
    text: 'Utveckla grannsamverkan och starta nya grannsamverkansområden.',
    target: { value: 8, unit: 'nya områden', period: 'promise_period', metric: 'new_areas' },
  },
  {
    key: 'drugs',
    area: 1,
    party: 'police',
    weight: 1,
    text: 'Genomföra insatser mot narkotika- och alkoholförsäljning om underrättelseläget medger.',
    activityKind: 'drug_sale_operation',
  },
  {
    key: 'patrols',
    area: 1,
    party: 'municipality',
    weight: 1,
    text: 'Riktade väktarronder vid båthamnar, skolor (skadegörelse) och andra otrygga platser.',
    target: { value: 40, unit: 'ronder', period: 'year' },
    activityKind: 'guard_patrol',
  },
  {
    key: 'prevention',
    area: 1,
    party: 'municipality',
    weight: 1,
    text: 'Drogförebyggande arbete riktat till unga.',
    target: { value: 6, unit: 'insatser', period: 'year' },
  },
  {
    key: 'walks',
    area: 1,
    party: 'municipality',
    weight: 1,
    text: 'Trygghetsvandringar tillsammans med polisen och räddningstjänsten.',
    target: { value: 2, unit: 'trygghetsvandringar', period: 'year' },
    activityKind: 'safety_walk',
  },
  {
    key: 'speed',
    area: 2,
    party: 'police',
    weight: 2,
    text: 'Ökad trafikövervakning och fler hastighetskontroller, extra på Bymiljövägen (Karlstadsvägen).',
    target: { value: 10, unit: 'hastighetskontroller', period: 'year' },
    activityKind: 'speed_check',
  },
];

type Owner = 'social' | 'alkohol' | 'vakt' | 'kommunledning' | 'omradespolis' | 'ingripande';

interface ActionSeed {
  commitment: string;
  title: string;
  owner: Owner;
  person?: string;
  start: string;
  due: string;
  status: ActionStatus;
  progress?: number;
  reason?: string;
}

const ACTIONS: ActionSeed[] = [
  {
    commitment: 'youth',
    title: 'Gemensam rutin för samtycke och informationsutbyte (SSPF)',
    owner: 'social',
    person: 'socialchef@hammaro.test',
    start: '2020-02-01',
    due: '2020-09-30',
    status: 'done',
  },
  {
    commitment: 'youth',
    title: 'Månatliga samverkansmöten socialtjänst–områdespolis',
    owner: 'social',
    person: 'socialsekreterare@hammaro.test',
    start: '2020-03-01',
    due: '2022-12-31',
    status: 'in_progress',
    progress: 85,
  },
  {
    commitment: 'youth',
    title: 'Utbildning i OSL 10 kap 18 a § för handläggare och poliser',
    owner: 'social',
    start: '2021-01-15',
    due: '2021-05-31',
    status: 'done',
  },
  {
    commitment: 'youth',
    title: 'Digital ärendeöverlämning mellan polis och socialtjänst',
    owner: 'kommunledning',
    person: 'trygghet@hammaro.test',
    start: '2021-09-01',
    due: '2022-06-30',
    status: 'blocked',
    progress: 40,
    reason: 'Väntar på juridisk bedömning av personuppgiftsbehandlingen.',
  },
  {
    commitment: 'inspections',
    title: 'Tillsynsplan för serveringsställen 2020',
    owner: 'alkohol',
    person: 'alkohol@hammaro.test',
    start: '2020-01-01',
    due: '2020-02-28',
    status: 'done',
  },
  {
    commitment: 'inspections',
    title: 'Tillsynsplan för serveringsställen 2021',
    owner: 'alkohol',
    person: 'alkohol@hammaro.test',
    start: '2021-01-01',
    due: '2021-02-28',
    status: 'done',
  },
  {
    commitment: 'inspections',
    title: 'Tillsynsplan för serveringsställen 2022',
    owner: 'alkohol',
    person: 'alkohol@hammaro.test',
    start: '2022-01-01',
    due: '2022-02-28',
    status: 'done',
  },
  {
    commitment: 'inspections',
    title: 'Samordnade kvällstillsyner med polisen under sommarsäsongen',
    owner: 'alkohol',
    start: '2022-05-01',
    due: '2022-09-30',
    status: 'in_progress',
    progress: 70,
  },
  {
    commitment: 'watch',
    title: 'Informationsträffar om grannsamverkan i Skoghall och Lövnäs',
    owner: 'omradespolis',
    person: 'polis@karlstad.polisen.test',
    start: '2020-03-01',
    due: '2020-11-30',
    status: 'done',
  },
  {
    commitment: 'watch',
    title: 'Starta grannsamverkan i Rastaholm och Hammarö kyrkby',
    owner: 'omradespolis',
    start: '2021-02-01',
    due: '2022-10-31',
    status: 'in_progress',
    progress: 60,
  },
  {
    commitment: 'drugs',
    title: 'Underrättelsestyrda insatser mot försäljning till unga',
    owner: 'ingripande',
    person: 'insatschef@karlstad.polisen.test',
    start: '2020-01-01',
    due: '2022-12-31',
    status: 'in_progress',
    progress: 75,
  },
  {
    commitment: 'drugs',
    title: 'Köpövervakning vid skolavslutningar',
    owner: 'ingripande',
    start: '2021-05-15',
    due: '2021-06-20',
    status: 'cancelled',
    reason: 'Underrättelseläget medgav inte insatsen.',
  },
  {
    commitment: 'patrols',
    title: 'Ronder vid Skoghalls och Vilans båthamnar under sommaren',
    owner: 'vakt',
    person: 'vaktare@hammaro.test',
    start: '2020-05-01',
    due: '2022-09-30',
    status: 'done',
  },
  {
    commitment: 'patrols',
    title: 'Kvällsronder vid skolorna under lov',
    owner: 'vakt',
    start: '2020-06-15',
    due: '2022-12-31',
    status: 'in_progress',
    progress: 80,
  },
  { commitment: 'prevention', title: 'Föräldramöten om droger i årskurs 7–9', owner: 'social', start: '2020-09-01', due: '2022-06-15', status: 'done' },
  {
    commitment: 'prevention',
    title: 'Drogförebyggande temadag för gymnasieelever',
    owner: 'social',
    start: '2022-03-01',
    due: '2022-11-30',
    status: 'planned',
  },
  {
    commitment: 'walks',
    title: 'Trygghetsvandringar i Skoghalls centrum och vid Hammarlunden',
    owner: 'kommunledning',
    person: 'trygghet@hammaro.test',
    start: '2020-04-01',
    due: '2022-10-31',
    status: 'in_progress',
    progress: 80,
  },
  {
    commitment: 'speed',
    title: 'Hastighetskontroller på Bymiljövägen varje månad mars–oktober',
    owner: 'omradespolis',
    person: 'polis@karlstad.polisen.test',
    start: '2020-03-01',
    due: '2022-10-31',
    status: 'done',
  },
  {
    commitment: 'speed',
    title: 'Trafikinsatser vid skolstart kring Mörmoskolan och Vallargärdets skola',
    owner: 'omradespolis',
    start: '2020-08-10',
    due: '2022-09-15',
    status: 'in_progress',
    progress: 90,
  },
  {
    commitment: 'speed',
    title: 'Utvärdera hastighetsdämpande åtgärder på Bymiljövägen med kommunen',
    owner: 'kommunledning',
    start: '2022-01-01',
    due: '2022-12-15',
    status: 'planned',
  },
];

const UNIT_OF: Record<Owner, [string, string]> = {
  social: ['Hammarö kommun', 'Socialtjänsten'],
  alkohol: ['Hammarö kommun', 'Alkoholhandläggning'],
  vakt: ['Hammarö kommun', 'Säkerhet/väktare'],
  kommunledning: ['Hammarö kommun', 'Kommunledning'],
  omradespolis: ['Lokalpolisområde Karlstad', 'Områdespolis Hammarö'],
  ingripande: ['Lokalpolisområde Karlstad', 'Ingripande'],
};

/** Deterministic pseudo-random numbers (mulberry32), so the demo data is the same every time. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface ActivitySeed {
  commitment: string;
  kind: ActivityKind;
  owner: Owner;
  on: string;
  place: string;
  metrics: Record<string, number>;
  note?: string;
  with?: string[];
}

function activities(): ActivitySeed[] {
  const next = random(20200101);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const between = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const day = (year: number, monthFrom: number, monthTo: number) =>
    `${year}-${String(between(monthFrom, monthTo)).padStart(2, '0')}-${String(between(1, 28)).padStart(2, '0')}`;
  const list: ActivitySeed[] = [];
  const perYear: Record<number, Record<string, number>> = {
    2020: { speed: 9, patrols: 38, prevention: 5, walks: 2, drugs: 2 },
    2021: { speed: 12, patrols: 43, prevention: 7, walks: 2, drugs: 3 },
    2022: { speed: 8, patrols: 31, prevention: 4, walks: 1, drugs: 2 },
  };
  for (const year of [2020, 2021, 2022]) {
    const n = perYear[year];
    for (let i = 0; i < n.speed; i += 1) {
      const onBymiljo = i % 3 !== 2;
      const checked = between(70, 260);
      list.push({
        commitment: 'speed',
        kind: 'speed_check',
        owner: 'omradespolis',
        on: day(year, 3, 10),
        place: onBymiljo ? 'Bymiljövägen (Karlstadsvägen) vid Rossgatan' : pick(['Hammarövägen vid Lövnäs', 'Mörmovägen vid Mörmoskolan', 'Skoghallsvägen']),
        metrics: { vehicles_checked: checked, speeding_offences: Math.round(checked * (0.04 + next() * 0.09)) },
      });
    }
    // Inspections of licensed premises are not entered here: the promise counts the inspections
    // themselves (COUNTED_INSPECTIONS_SQL; the inspections seed records them).
    for (let i = 0; i < n.patrols; i += 1) {
      list.push({
        commitment: 'patrols',
        kind: 'guard_patrol',
        owner: 'vakt',
        on: day(year, 4, 10),
        place: pick(['Skoghalls båthamn', 'Vilans båthamn', 'Mörmoskolan', 'Vallargärdets skola', 'Götetorpsskolan', 'Hammarlunden']),
        metrics: { findings: between(0, 4), contacts_with_youth: between(0, 12) },
      });
    }
    for (let i = 0; i < n.prevention; i += 1) {
      list.push({
        commitment: 'prevention',
        kind: 'prevention_session',
        owner: 'social',
        on: day(year, 2, 11),
        place: pick(['Mörmoskolan', 'Vallargärdets skola', 'Götetorpsskolan', 'Hammarö bibliotek']),
        metrics: { participants: between(25, 140) },
      });
    }
    for (let i = 0; i < n.walks; i += 1) {
      list.push({
        commitment: 'walks',
        kind: 'safety_walk',
        owner: 'kommunledning',
        on: day(year, 4, 10),
        place: pick(['Skoghalls centrum', 'Hammarlunden', 'Lövnäs centrum']),
        metrics: { participants: between(12, 35), findings: between(3, 11) },
        with: ['police', 'rescue'],
      });
    }
    for (let i = 0; i < n.drugs; i += 1) {
      list.push({
        commitment: 'drugs',
        kind: 'drug_sale_operation',
        owner: 'ingripande',
        on: day(year, 1, 12),
        place: 'Hammarö',
        metrics: { arrests: between(0, 3), reports_filed: between(1, 6) },
      });
    }
  }
  // New neighbourhood-watch areas: 2 + 3 + 1 = 6 of the promised 8 so far.
  for (const [on, areas, place] of [
    ['2020-10-14', 2, 'Skoghall och Lövnäs'],
    ['2021-09-22', 3, 'Rastaholm, Bärstad och Näs'],
    ['2022-05-18', 1, 'Hammarö kyrkby'],
  ] as const) {
    list.push({
      commitment: 'watch',
      kind: 'neighbourhood_watch',
      owner: 'omradespolis',
      on,
      place,
      metrics: { new_areas: areas, households: areas * between(18, 40) },
    });
  }
  return list;
}

const FOLLOW_UPS = [
  {
    year: 2020,
    conclusion:
      'Pandemin begränsade trygghetsvandringar och föräldramöten under våren, men hastighetskontrollerna på Bymiljövägen och väktarronderna vid båthamnarna genomfördes i stort sett enligt plan. Samverkan kring unga har fått en gemensam samtyckesrutin.',
    decision: 'continue',
  },
  {
    year: 2021,
    conclusion:
      'Samtliga numeriska mål för trafik, tillsyn och väktarronder nåddes. Andelen hastighetsöverträdelser på Bymiljövägen minskade under hösten. Den digitala ärendeöverlämningen är försenad och följs upp särskilt.',
    decision: 'adjust',
  },
] as const;

export function promisesSeed(): SeedStep {
  return {
    name: 'promises (Hammarö medborgarlöfte 2020–2022 with actions, activities and follow-ups)',
    async run(manager: EntityManager) {
      const [collaboration] = await manager.query<{ id: string }[]>(`SELECT id FROM collaborations WHERE name = 'Hammarö'`);
      const [exists] = await manager.query('SELECT 1 FROM promises WHERE collaboration_id = $1 AND title = $2', [collaboration.id, HAMMARO_PROMISE_TITLE]);
      if (exists) return;
      const ids = async (sql: string) => new Map((await manager.query<{ k: string; id: string }[]>(sql)).map((r) => [r.k, r.id]));
      const orgs = await ids(`SELECT name AS k, id FROM organisations`);
      const units = await ids(`SELECT o.name || '/' || u.name AS k, u.id FROM units u JOIN organisations o ON o.id = u.organisation_id`);
      const users = await ids(`SELECT email AS k, id FROM users`);
      const creator = users.get('trygghet@hammaro.test');

      const [promise] = await manager.query<{ id: string }[]>(
        `INSERT INTO promises (collaboration_id, title, summary, period_start, period_end, status, published, created_by)
         VALUES ($1, $2, $3, '2020-01-01', '2022-12-31', 'active', true, $4) RETURNING id`,
        [
          collaboration.id,
          HAMMARO_PROMISE_TITLE,
          'Efter medborgardialoger lovar Lokalpolisområde Karlstad och Hammarö kommun gemensamt att arbeta mot alkohol- och narkotikarelaterad brottslighet och för en tryggare trafikmiljö. Löftet följs upp varje år.',
          creator,
        ],
      );
      const areaIds: string[] = [];
      for (const [position, title, description] of [
        [1, 'Alkohol- och narkotikarelaterad brottslighet', 'Försäljning och bruk bland unga, langning och otrygga platser.'],
        [2, 'Trafik', 'Höga hastigheter, särskilt på Bymiljövägen (Karlstadsvägen), och trafiksäkerhet kring skolorna.'],
      ] as const) {
        const [area] = await manager.query<{ id: string }[]>(
          'INSERT INTO problem_areas (promise_id, position, title, description) VALUES ($1, $2, $3, $4) RETURNING id',
          [promise.id, position, title, description],
        );
        areaIds.push(area.id);
      }
      const commitmentIds = new Map<string, string>();
      for (const [index, c] of COMMITMENTS.entries()) {
        const [row] = await manager.query<{ id: string }[]>(
          `INSERT INTO commitments (promise_id, problem_area_id, party, position, text, target_value, target_unit, target_period, target_metric, weight)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
          [
            promise.id,
            areaIds[c.area - 1],
            c.party,
            index + 1,
            c.text,
            c.target?.value ?? null,
            c.target?.unit ?? null,
            c.target?.period ?? null,
            c.target?.metric ?? null,
            c.weight,
          ],
        );
        commitmentIds.set(c.key, row.id);
        if (c.activityKind) await manager.query('UPDATE commitments SET activity_kind = $2 WHERE id = $1', [row.id, c.activityKind]);
      }
      for (const a of ACTIONS) {
        const [orgName, unitName] = UNIT_OF[a.owner];
        const progress = a.status === 'done' ? 100 : (a.progress ?? 0);
        const [row] = await manager.query<{ id: string }[]>(
          `INSERT INTO actions (commitment_id, collaboration_id, title, responsible_organisation_id, responsible_unit_id,
             responsible_user_id, start_date, due_date, status, status_reason, progress, completed_at, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
          [
            commitmentIds.get(a.commitment),
            collaboration.id,
            a.title,
            orgs.get(orgName),
            units.get(`${orgName}/${unitName}`),
            a.person ? users.get(a.person) : null,
            a.start,
            a.due,
            a.status,
            a.reason ?? null,
            progress,
            a.status === 'done' ? `${a.due}T15:00:00+01:00` : null,
            creator,
          ],
        );
        await manager.query(
          `INSERT INTO action_events (action_id, occurred_at, actor_user_id, kind, to_status, progress) VALUES ($1, $2, $3, 'created', 'planned', 0)`,
          [row.id, `${a.start}T09:00:00+01:00`, creator],
        );
        if (a.status !== 'planned') {
          await manager.query(
            `INSERT INTO action_events (action_id, occurred_at, actor_user_id, kind, from_status, to_status, progress, reason)
             VALUES ($1, $2, $3, 'status_changed', 'planned', $4, $5, $6)`,
            [
              row.id,
              `${a.status === 'done' || a.status === 'cancelled' ? a.due : a.start}T16:00:00+01:00`,
              a.person ? users.get(a.person) : creator,
              a.status,
              progress,
              a.reason ?? null,
            ],
          );
        }
      }
      // Open actions have deadlines (end of the due date, Stockholm time); the worker's reconciler
      // schedules their reminders — those whose time has passed are sent when the demo starts.
      await manager.query(
        `INSERT INTO deadlines (kind, resource_type, resource_id, title, due_at, due_on, responsible_user_id, responsible_unit_id,
           responsible_organisation_id)
         SELECT 'action_due', 'action', a.id, a.title, ((a.due_date + 1)::timestamp AT TIME ZONE 'Europe/Stockholm'), a.due_date,
                a.responsible_user_id, a.responsible_unit_id, a.responsible_organisation_id
         FROM actions a JOIN commitments c ON c.id = a.commitment_id
         WHERE c.promise_id = $1 AND a.status NOT IN ('done', 'cancelled')`,
        [promise.id],
      );
      const participants: Record<string, string | undefined> = {
        police: orgs.get('Lokalpolisområde Karlstad'),
        rescue: orgs.get('Karlstadsregionens räddningstjänstförbund'),
      };
      for (const a of activities()) {
        const [orgName, unitName] = UNIT_OF[a.owner];
        await manager.query(
          `INSERT INTO activities (commitment_id, collaboration_id, owner_organisation_id, owner_unit_id, occurred_on, place, kind,
             participating_organisation_ids, metrics)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [
            commitmentIds.get(a.commitment),
            collaboration.id,
            orgs.get(orgName),
            units.get(`${orgName}/${unitName}`),
            a.on,
            a.place,
            a.kind,
            (a.with ?? []).map((w) => participants[w]).filter(Boolean),
            JSON.stringify(a.metrics),
          ],
        );
      }
    },
  };
}

/**
 * The approved 2020 and 2021 follow-ups, frozen with the figures of the rule every screen uses
 * (FiguresService, judged by progress.ts; inspections counted by COUNTED_INSPECTIONS_SQL). Runs after
 * the inspections, whose performed visits the commitment on inspections counts.
 */
export function promiseFollowUpsSeed(): SeedStep {
  return {
    name: 'promise follow-ups (Hammarö 2020 and 2021, approved)',
    async run(manager: EntityManager) {
      const [promise] = await manager.query<{ id: string }[]>('SELECT id FROM promises WHERE title = $1', [HAMMARO_PROMISE_TITLE]);
      if (!promise) return;
      const [exists] = await manager.query('SELECT 1 FROM follow_ups WHERE promise_id = $1', [promise.id]);
      if (exists) return;
      const users = new Map((await manager.query<{ email: string; id: string }[]>('SELECT email, id FROM users')).map((u) => [u.email, u.id]));
      const creator = users.get('trygghet@hammaro.test');
      const figures = new FiguresService(manager.connection);
      for (const f of FOLLOW_UPS) {
        const [row] = await manager.query<{ id: string }[]>(
          `INSERT INTO follow_ups (promise_id, year, status, conclusion, decision, frozen_at, created_by)
           VALUES ($1, $2, 'frozen', $3, $4, $5, $6) RETURNING id`,
          [promise.id, f.year, f.conclusion, f.decision, `${f.year + 1}-02-20T10:00:00+01:00`, creator],
        );
        const window = windowOf({ year: f.year, half: null, period_start: '2020-01-01', period_end: '2022-12-31' });
        for (const c of await figures.commitments(promise.id, window, `${f.year + 1}-02-20`, { db: manager })) {
          await manager.query(
            `INSERT INTO follow_up_items (follow_up_id, commitment_id, target, actual, assessment, narrative) VALUES ($1, $2, $3, $4, $5, $6)`,
            [
              row.id,
              c.id,
              c.target?.forWindow ?? null,
              c.actual,
              c.target ? suggest(c) : 'partly',
              c.target ? '' : 'Arbetet pågår enligt plan; se åtgärderna.',
            ],
          );
        }
        for (const [side, email] of [
          ['police', 'insatschef@karlstad.polisen.test'],
          ['municipality', 'trygghet@hammaro.test'],
        ] as const) {
          await manager.query('INSERT INTO follow_up_approvals (follow_up_id, side, user_id, approved_at) VALUES ($1, $2, $3, $4)', [
            row.id,
            side,
            users.get(email),
            `${f.year + 1}-02-${side === 'police' ? '18' : '20'}T10:00:00+01:00`,
          ]);
        }
      }
    },
  };
}

/**
 * Hammarö's named places (issue #20), where the promise's rounds, checks and walks happen.
 * Positions are approximate (WGS 84, to about a hundred metres): enough to place a pin on a map.
 */
export const HAMMARO_PLACES: readonly { name: string; kind: PlaceKind; latitude: number; longitude: number }[] = [
  { name: 'Bymiljövägen', kind: 'road', latitude: 59.3248, longitude: 13.4668 },
  { name: 'Hammarövägen', kind: 'road', latitude: 59.3362, longitude: 13.4952 },
  { name: 'Skoghalls båthamn', kind: 'harbour', latitude: 59.3209, longitude: 13.4432 },
  { name: 'Hammarlundens båthamn', kind: 'harbour', latitude: 59.3471, longitude: 13.5163 },
  { name: 'Götetorpsskolan', kind: 'school', latitude: 59.3261, longitude: 13.4703 },
  { name: 'Skoghallsskolan', kind: 'school', latitude: 59.3236, longitude: 13.4597 },
  { name: 'Mörmoskolan', kind: 'school', latitude: 59.3402, longitude: 13.5071 },
  { name: 'Skoghalls centrum', kind: 'square', latitude: 59.3227, longitude: 13.4641 },
  { name: 'Mörmons centrum', kind: 'square', latitude: 59.3394, longitude: 13.5089 },
];

/**
 * The named places, and two findings of a 2022 safety walk: one dealt with, one still open (its
 * due date a deadline of the municipality's security unit, as FindingsService registers it).
 */
export function placesSeed(): SeedStep {
  return {
    name: 'places and findings (Hammarö named places, two findings of a safety walk)',
    async run(manager: EntityManager) {
      const [collaboration] = await manager.query<{ id: string }[]>(`SELECT id FROM collaborations WHERE name = 'Hammarö'`);
      const [exists] = await manager.query('SELECT 1 FROM places WHERE collaboration_id = $1', [collaboration.id]);
      if (exists) return;
      const placeIds = new Map<string, string>();
      for (const p of HAMMARO_PLACES) {
        const [row] = await manager.query<{ id: string }[]>(
          'INSERT INTO places (collaboration_id, name, kind, latitude, longitude) VALUES ($1, $2, $3, $4, $5) RETURNING id',
          [collaboration.id, p.name, p.kind, p.latitude, p.longitude],
        );
        placeIds.set(p.name, row.id);
      }
      const [promise] = await manager.query<{ id: string }[]>('SELECT id FROM promises WHERE title = $1', [HAMMARO_PROMISE_TITLE]);
      if (!promise) return;
      const [facts] = await manager.query<{ area: string; org: string; unit: string; recorder: string; recorder_org: string; recorder_unit: string }[]>(
        `SELECT (SELECT id FROM problem_areas WHERE promise_id = $1 AND position = 2) AS area,
                o.id AS org, u.id AS unit, r.id AS recorder, r.organisation_id AS recorder_org, m.unit_id AS recorder_unit
         FROM organisations o JOIN units u ON u.organisation_id = o.id AND u.name = 'Säkerhet/väktare'
         JOIN users r ON r.email = 'trygghet@hammaro.test' JOIN memberships m ON m.user_id = r.id
         WHERE o.name = 'Hammarö kommun' LIMIT 1`,
        [promise.id],
      );
      const findings = [
        {
          place: 'Skoghalls båthamn',
          category: 'broken_lighting',
          description: 'Tre belysningsstolpar släckta längs gångvägen ned mot bryggorna.',
          due: '2022-10-31',
          status: 'done',
          resolution: 'Armaturerna bytta av gatuenheten 2022-10-12.',
        },
        {
          place: 'Mörmons centrum',
          category: 'youth_gathering',
          description: 'Grupp unga samlas kvällstid bakom centrumhuset; nedskräpning och flaskor.',
          due: '2022-11-30',
          status: 'in_progress',
          resolution: null,
        },
      ] as const;
      for (const f of findings) {
        const [row] = await manager.query<{ id: string }[]>(
          `INSERT INTO findings (collaboration_id, promise_id, place_id, category, description, problem_area_id, responsible_organisation_id,
             responsible_unit_id, due_date, status, resolution, resolved_at, recorded_by, recorder_organisation_id, recorder_unit_id, recorded_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, '2022-10-04T19:30:00+02:00') RETURNING id`,
          [
            collaboration.id,
            promise.id,
            placeIds.get(f.place),
            f.category,
            f.description,
            facts.area,
            facts.org,
            facts.unit,
            f.due,
            f.status,
            f.resolution,
            f.resolution ? '2022-10-12T10:00:00+02:00' : null,
            facts.recorder,
            facts.recorder_org,
            facts.recorder_unit,
          ],
        );
        await manager.query(
          `INSERT INTO deadlines (kind, resource_type, resource_id, title, due_at, due_on, responsible_unit_id, responsible_organisation_id, status, closed_at)
           VALUES ('finding_due', 'finding', $1, $2, (($3::date + 1)::timestamp AT TIME ZONE 'Europe/Stockholm'), $3::date, $4, $5, $6, $7)`,
          [
            row.id,
            `${f.place}: ${f.description}`,
            f.due,
            facts.unit,
            facts.org,
            f.status === 'done' ? 'met' : 'open',
            f.status === 'done' ? '2022-10-12T10:00:00+02:00' : null,
          ],
        );
      }
    },
  };
}
