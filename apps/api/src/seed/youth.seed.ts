import { addDays, type AppConfig, FieldCipher, type SeedStep, stockholmDate, stockholmMidnight } from '@samverkan/platform';
import type { EntityManager } from 'typeorm';
import {
  caseReference,
  CONSENT_EXPIRY_DEADLINE,
  type ConsentSigner,
  defaultRetentionClass,
  INSERT_SUBJECT,
  luhnCheckDigit,
  MEETING_DEADLINE,
  parsePersonalNumber,
  PLAN_ITEM_DEADLINE,
  PRELIMINARY_ASSESSMENT_DEADLINE,
  preliminaryAssessmentDueOn,
  purgeOn,
  REVIEW_DEADLINE,
  sealSigners,
  subjectValues,
} from '@samverkan/youth';

/** A valid (check digit computed) but fictional personal number for a birth date and serial. */
function personalNumber(birthDate: string, serial: string): string {
  const nine = `${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}${serial}`;
  return `${birthDate.replaceAll('-', '')}${serial}${luhnCheckDigit(nine)}`;
}

interface SeedCase {
  name: string;
  birthDate: string;
  serial: string;
  form: 'sspf' | 'sig' | 'report_of_concern';
  status: string;
  risk: string[];
  openedDaysAgo: number;
}

/**
 * Hammarö's youth cases (fictional people; personal numbers valid by check digit only): SSPF cases
 * with consents — one expiring within two weeks, one withdrawn — a SIG case disclosed to the police
 * under OSL 10 kap 18 a §, a report of concern from the police, and a closed case waiting for
 * retention. Dates follow `now`, so the demo always has something due. Runs once.
 */
export function youthSeed(config: AppConfig, now: Date): SeedStep {
  const cipher = new FieldCipher(config);
  const today = stockholmDate(now);
  const day = (offset: number) => addDays(today, offset);
  return {
    name: 'youth cases (Hammarö SSPF, SIG, report of concern; consents, disclosures, plans)',
    async run(manager: EntityManager) {
      const [collab] = await manager.query<{ id: string; municipality: string; police: string }[]>(
        `SELECT id, municipality_organisation_id AS municipality, police_organisation_id AS police FROM collaborations WHERE name = 'Hammarö'`,
      );
      const [done] = await manager.query('SELECT 1 FROM youth_subjects WHERE owner_organisation_id = $1 LIMIT 1', [collab.municipality]);
      if (done) return;
      const users = new Map((await manager.query<{ email: string; id: string }[]>('SELECT email, id FROM users')).map((u) => [u.email, u.id]));
      const worker = users.get('socialsekreterare@hammaro.test')!;
      const chief = users.get('socialchef@hammaro.test')!;
      const police = users.get('polis@karlstad.polisen.test')!;
      const [{ unit }] = await manager.query<{ unit: string }[]>(`SELECT unit_id AS unit FROM memberships WHERE user_id = $1 LIMIT 1`, [worker]);

      const cases: SeedCase[] = [
        {
          name: 'Elias Nyström',
          birthDate: '2011-03-14',
          serial: '238',
          form: 'sspf',
          status: 'plan_active',
          risk: ['truancy', 'risky_peers', 'drugs'],
          openedDaysAgo: 70,
        },
        {
          name: 'Alva Sjöberg',
          birthDate: '2012-09-02',
          serial: '242',
          form: 'sspf',
          status: 'mapping',
          risk: ['risky_places', 'family_conflict'],
          openedDaysAgo: 30,
        },
        { name: 'Noah Eriksson', birthDate: '2010-06-21', serial: '253', form: 'sspf', status: 'follow_up', risk: ['truancy', 'alcohol'], openedDaysAgo: 240 },
        {
          name: 'Oscar Holm',
          birthDate: '2006-11-08',
          serial: '271',
          form: 'sig',
          status: 'assessment',
          risk: ['crime', 'risky_peers', 'weapons'],
          openedDaysAgo: 21,
        },
        { name: 'Lova Berg', birthDate: '2013-01-27', serial: '286', form: 'report_of_concern', status: 'concern_raised', risk: [], openedDaysAgo: 2 },
      ];
      const ids: Record<string, string> = {};
      for (const c of cases) {
        const subject = await insertSubject(manager, cipher, collab.municipality, personalNumber(c.birthDate, c.serial), c.name, today, worker);
        const opened = stockholmMidnight(day(-c.openedDaysAgo));
        const [row] = await manager.query<{ id: string }[]>(
          `INSERT INTO youth_cases (subject_id, form, collaboration_id, owner_organisation_id, owner_unit_id, coordinator_user_id, status, risk_factors,
             review_on, retention_class, last_entry_at, created_by, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $11) RETURNING id`,
          [
            subject,
            c.form,
            collab.id,
            collab.municipality,
            unit,
            c.form === 'report_of_concern' ? null : worker,
            c.status,
            c.risk,
            c.form === 'report_of_concern' ? null : day(30),
            defaultRetentionClass(c.birthDate),
            opened,
            c.form === 'report_of_concern' ? police : worker,
          ],
        );
        ids[c.name] = row.id;
        if (c.form !== 'report_of_concern') {
          await manager.query(`INSERT INTO youth_case_participants (case_id, user_id, role, added_by) VALUES ($1, $2, 'coordinator', $2)`, [row.id, worker]);
          await deadline(
            manager,
            REVIEW_DEADLINE,
            'youth_case',
            row.id,
            `Omprövning av ungdomsärende ${caseReference(row.id)}`,
            day(30),
            worker,
            collab.municipality,
          );
        } else {
          // SoL 11 kap 1 a §: the receiving unit's förhandsbedömning, 14 days from receipt (as YouthCasesService registers it).
          const dueOn = preliminaryAssessmentDueOn(day(-c.openedDaysAgo));
          await manager.query(
            `INSERT INTO deadlines (kind, resource_type, resource_id, title, due_at, due_on, responsible_unit_id, responsible_organisation_id)
             VALUES ($1, 'youth_case', $2, $3, $4, $5, $6, $7)`,
            [
              PRELIMINARY_ASSESSMENT_DEADLINE,
              row.id,
              `Förhandsbedömning av orosanmälan ${caseReference(row.id)}`,
              stockholmMidnight(addDays(dueOn, 1)),
              dueOn,
              unit,
              collab.municipality,
            ],
          );
        }
      }

      const elias = ids['Elias Nyström'];
      await manager.query(`INSERT INTO youth_case_participants (case_id, user_id, role, added_by) VALUES ($1, $2, 'contact', $3)`, [elias, police, worker]);
      // Elias: guardian and Elias himself signed (he is 15); the consent runs out in ten days.
      await consent(
        manager,
        cipher,
        elias,
        [
          { name: 'Maria Nyström', role: 'guardian' },
          { name: 'Elias Nyström', role: 'young_person' },
        ],
        collab.police,
        ['basic', 'school', 'leisure', 'plan'],
        day(-60),
        day(10),
        worker,
        collab.municipality,
      );
      await entry(
        manager,
        elias,
        'journal',
        'school',
        'shared',
        day(-65),
        'Skolan rapporterar 40 % frånvaro under höstterminen, främst måndagar och fredagar. Mentor har haft kontakt med vårdnadshavare.',
        worker,
      );
      await entry(
        manager,
        elias,
        'journal',
        'leisure',
        'shared',
        day(-50),
        'Elias ses ofta vid Skoghalls centrum sena kvällar med äldre ungdomar. Kontaktpolisen känner till gruppen.',
        worker,
      );
      await entry(
        manager,
        elias,
        'journal',
        'health',
        'owner',
        day(-45),
        'Vårdnadshavare oroar sig för cannabisbruk. Elias erbjuds samtal hos Mini-Maria.',
        worker,
      );
      const meeting = await manager.query<{ id: string }[]>(
        `INSERT INTO youth_meetings (case_id, kind, planned_at, attendees, held_on, created_by) VALUES ($1, 'network', $2, $3, $4, $5) RETURNING id`,
        [elias, stockholmMidnight(day(-40)), 'Elias, vårdnadshavare, mentor, socialsekreterare, kontaktpolis', day(-40), worker],
      );
      const minutes = await entry(
        manager,
        elias,
        'meeting_minutes',
        'plan',
        'shared',
        day(-40),
        'Nätverksmöte: överenskommelse om närvaroplan, fritidsaktivitet två kvällar i veckan och uppföljning om sex veckor.',
        worker,
      );
      await manager.query('UPDATE youth_meetings SET minutes_entry_id = $2 WHERE id = $1', [meeting[0].id, minutes]);
      const followUpAt = new Date(stockholmMidnight(day(5)).getTime() + 15 * 3_600_000);
      const followUp = await manager.query<{ id: string }[]>(
        `INSERT INTO youth_meetings (case_id, kind, planned_at, attendees, created_by) VALUES ($1, 'follow_up', $2, $3, $4) RETURNING id`,
        [elias, followUpAt, 'Elias, vårdnadshavare, mentor, socialsekreterare', worker],
      );
      await deadline(
        manager,
        MEETING_DEADLINE,
        'youth_meeting',
        followUp[0].id,
        `Uppföljningsmöte i ungdomsärende ${caseReference(elias)}`,
        followUpAt,
        worker,
        collab.municipality,
      );
      for (const [goal, task, owner, due] of [
        ['Regelbunden skolgång', 'Närvaroplan med mentor, avstämning varje fredag', 'Mentor på Hammarö skola', day(14)],
        ['Meningsfull fritid', 'Prova på fotbollsträning i IF Hammarö två kvällar i veckan', 'Fältassistent', day(-3)],
      ] as const) {
        const [item] = await manager.query<{ id: string }[]>(
          `INSERT INTO youth_plan_items (case_id, goal, task, owner_description, due_on, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [elias, goal, task, owner, due, worker],
        );
        await deadline(
          manager,
          PLAN_ITEM_DEADLINE,
          'youth_plan_item',
          item.id,
          `Uppgift i planen – ungdomsärende ${caseReference(elias)}`,
          due,
          worker,
          collab.municipality,
        );
      }
      await disclosure(
        manager,
        elias,
        'consent',
        collab.municipality,
        collab.police,
        ['basic', 'school', 'leisure'],
        'Inför nätverksmöte: kontaktpolisen behöver veta om skolfrånvaron och umgänget för att kunna delta i planeringen.',
        null,
        now,
        worker,
      );

      // Alva (14): her guardians signed; valid most of the coming year.
      const alva = ids['Alva Sjöberg'];
      await consent(
        manager,
        cipher,
        alva,
        [
          { name: 'Karin Sjöberg', role: 'guardian' },
          { name: 'Johan Sjöberg', role: 'guardian' },
        ],
        collab.police,
        ['basic', 'leisure', 'family'],
        day(-20),
        day(300),
        worker,
        collab.municipality,
      );
      await entry(
        manager,
        alva,
        'journal',
        'family',
        'owner',
        day(-25),
        'Orosanmälan från skolan om konflikter i hemmet. Samtal med vårdnadshavare bokat.',
        worker,
      );

      // Noah (16): the family withdrew their consent last week; the police no longer see the case.
      const noah = ids['Noah Eriksson'];
      const withdrawn = await consent(
        manager,
        cipher,
        noah,
        [
          { name: 'Anna Eriksson', role: 'guardian' },
          { name: 'Noah Eriksson', role: 'young_person' },
        ],
        collab.police,
        ['basic', 'school'],
        day(-200),
        day(100),
        worker,
        collab.municipality,
      );
      await manager.query(
        `UPDATE youth_consents SET withdrawn_at = $2, withdrawn_by = $3, withdrawal_reason = 'Vårdnadshavare och Noah återkallade samtycket vid uppföljningsmötet.' WHERE id = $1`,
        [withdrawn, stockholmMidnight(day(-6)), worker],
      );
      await manager.query(
        `UPDATE record_grants SET revoked_at = $2, revoked_by = $3 WHERE id IN (SELECT unnest(grant_ids) FROM youth_consents WHERE id = $1)`,
        [withdrawn, stockholmMidnight(day(-6)), worker],
      );
      await manager.query(`UPDATE deadlines SET status = 'cancelled', closed_at = $2 WHERE resource_type = 'youth_consent' AND resource_id = $1`, [
        withdrawn,
        stockholmMidnight(day(-6)),
      ]);
      await entry(
        manager,
        noah,
        'journal',
        'school',
        'owner',
        day(-8),
        'Närvaron har förbättrats till 90 %. Familjen vill fortsätta utan polisens medverkan.',
        worker,
      );

      // Oscar (20): social services told the police under OSL 10 kap 18 a §.
      const oscar = ids['Oscar Holm'];
      await entry(
        manager,
        oscar,
        'journal',
        'offences',
        'owner',
        day(-20),
        'Uppgifter om att Oscar rekryteras att förvara vapen åt en kriminell grupp.',
        chief,
      );
      await disclosure(
        manager,
        oscar,
        'osl_10_18a',
        collab.municipality,
        collab.police,
        ['basic', 'leisure', 'offences'],
        'Särskilda omständigheter: uppgifter om rekrytering till förvaring av vapen. Uppgiften kan förhindra brott och strider inte mot socialtjänstens insatser.',
        { riskOfCriminality: true, helpsPrevent: true, noConflictWithMeasures: true },
        stockholmMidnight(day(-14)),
        chief,
      );

      // Lova (13): a report of concern from the police, waiting for assessment.
      const lova = ids['Lova Berg'];
      await entry(
        manager,
        lova,
        'journal',
        'family',
        'owner',
        day(-2),
        'Polisen anträffade Lova ensam vid Skoghalls busstation kl. 01.30. Hon uppgav att hon inte ville gå hem.',
        police,
      );
      await manager.query(
        `INSERT INTO youth_disclosures (case_id, ground, from_organisation_id, to_organisation_id, categories, justification, decided_by, decided_at)
         VALUES ($1, 'sol_14_1_report_of_concern', $2, $3, '{basic,family}', 'Orosanmälan: polisen ska genast anmäla till socialtjänsten om ett barn kan behöva skydd (SoL 14 kap 1 §).', $4, $5)`,
        [lova, collab.police, collab.municipality, police, stockholmMidnight(day(-2))],
      );

      // Hugo: an SSPF case closed in 2022; retention purges it at the start of 2028.
      const hugo = await insertSubject(manager, cipher, collab.municipality, personalNumber('2005-04-18', '294'), 'Hugo Sandberg', today, worker);
      const [closed] = await manager.query<{ id: string }[]>(
        `INSERT INTO youth_cases (subject_id, form, collaboration_id, owner_organisation_id, owner_unit_id, coordinator_user_id, status, risk_factors,
           retention_class, last_entry_at, closed_on, purge_on, created_by, created_at)
         VALUES ($1, 'sspf', $2, $3, $4, $5, 'closed', '{truancy}', 'sol_standard', '2022-06-30T10:00:00+02:00', '2022-06-30', $6, $5, '2021-09-01T09:00:00+02:00')
         RETURNING id`,
        [hugo, collab.id, collab.municipality, unit, worker, purgeOn('2022-06-30', 'sol_standard')],
      );
      await entry(
        manager,
        closed.id,
        'journal',
        'school',
        'owner',
        '2022-06-30',
        'Hugo har fullföljt årskurs 9 med godkända betyg. Ärendet avslutas i samförstånd med familjen.',
        worker,
      );
    },
  };
}

async function insertSubject(
  manager: EntityManager,
  cipher: FieldCipher,
  organisationId: string,
  number: string,
  name: string,
  today: string,
  by: string,
): Promise<string> {
  const [row] = await manager.query<{ id: string }[]>(INSERT_SUBJECT, subjectValues(cipher, organisationId, parsePersonalNumber(number, today)!, name, by));
  return row.id;
}

async function entry(
  manager: EntityManager,
  caseId: string,
  kind: string,
  category: string,
  visibility: string,
  on: string,
  body: string,
  by: string,
): Promise<string> {
  const [row] = await manager.query<{ id: string }[]>(
    `INSERT INTO youth_entries (case_id, kind, category, visibility, occurred_on, body, author_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [caseId, kind, category, visibility, on, body, by, stockholmMidnight(on)],
  );
  return row.id;
}

async function consent(
  manager: EntityManager,
  cipher: FieldCipher,
  caseId: string,
  signers: ConsentSigner[],
  organisationId: string,
  categories: string[],
  from: string,
  until: string,
  by: string,
  owner: string,
): Promise<string> {
  const [grant] = await manager.query<{ id: string }[]>(
    `INSERT INTO record_grants (resource_type, resource_id, grantee_type, grantee_id, effect, actions, reason, granted_by, valid_from, valid_until)
     VALUES ('youth_case', $1, 'organisation', $2, 'grant', '{read}', $3, $4, $5, $6) RETURNING id`,
    [caseId, organisationId, `Samtycke ${from} (${categories.join(', ')})`, by, stockholmMidnight(from), stockholmMidnight(addDays(until, 1))],
  );
  const [row] = await manager.query<{ id: string }[]>(
    `INSERT INTO youth_consents (case_id, key_id, signers_sealed, organisation_ids, categories, signed_on, valid_from, valid_until, grant_ids, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9) RETURNING id`,
    [caseId, cipher.keyId, sealSigners(cipher, signers), [organisationId], categories, from, until, [grant.id], by],
  );
  await deadline(manager, CONSENT_EXPIRY_DEADLINE, 'youth_consent', row.id, `Samtycke löper ut – ungdomsärende ${caseReference(caseId)}`, until, by, owner);
  return row.id;
}

async function disclosure(
  manager: EntityManager,
  caseId: string,
  ground: string,
  from: string,
  to: string,
  categories: string[],
  justification: string,
  criteria: Record<string, boolean> | null,
  at: Date,
  by: string,
): Promise<void> {
  const until = new Date(at.getTime() + 30 * 86_400_000);
  const [grant] = await manager.query<{ id: string }[]>(
    `INSERT INTO record_grants (resource_type, resource_id, grantee_type, grantee_id, effect, actions, reason, granted_by, valid_from, valid_until)
     VALUES ('youth_case', $1, 'organisation', $2, 'grant', '{read}', $3, $4, $5, $6) RETURNING id`,
    [caseId, to, `Utlämnande (${ground})`, by, at, until],
  );
  await manager.query(
    `INSERT INTO youth_disclosures (case_id, ground, from_organisation_id, to_organisation_id, categories, justification, criteria, access_until, grant_id, decided_by, decided_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [caseId, ground, from, to, categories, justification, criteria ? JSON.stringify(criteria) : null, until, grant.id, by, at],
  );
}

async function deadline(
  manager: EntityManager,
  kind: string,
  resourceType: string,
  resourceId: string,
  title: string,
  due: Date | string,
  user: string,
  organisation: string,
): Promise<void> {
  // A day (YYYY-MM-DD) is a deadline by the end of that day, as DeadlinesService stores it: passing at the next midnight.
  const dueOn = typeof due === 'string' ? due : null;
  const dueAt = typeof due === 'string' ? stockholmMidnight(addDays(due, 1)) : due;
  await manager.query(
    `INSERT INTO deadlines (kind, resource_type, resource_id, title, due_at, due_on, responsible_user_id, responsible_organisation_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [kind, resourceType, resourceId, title, dueAt, dueOn, user, organisation],
  );
}
