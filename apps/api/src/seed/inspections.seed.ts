import { DEFAULT_CHECKLIST_ITEMS, DEFAULT_CHECKLIST_NAME, plannedVisits, riskScore } from '@samverkan/inspections';
import type { SeedStep } from '@samverkan/platform';
import type { EntityManager } from 'typeorm';

/**
 * Hammarö's licensed premises (fictional names and holders), their licences, the 2020–2022
 * supervision plans, inspections with protocols and remarks, one erinran and one varning, and
 * inspections planned for the coming weeks. Runs once: skipped when premises exist.
 */
const PREMISES = [
  {
    name: 'Skoghalls Krog',
    kind: 'restaurant',
    address: 'Skoghallsvägen 12',
    capacity: 120,
    kitchen: true,
    young: false,
    dancing: false,
    to: '00:00',
    holder: 'Skoghalls Krog AB',
  },
  {
    name: 'Hamnkrogen Vilan',
    kind: 'restaurant',
    address: 'Vilans hamn 3',
    capacity: 90,
    kitchen: true,
    young: false,
    dancing: false,
    to: '23:00',
    holder: 'Vilans Hamnkrog AB',
  },
  {
    name: 'Lövnäs Pub & Kök',
    kind: 'pub',
    address: 'Lövnäsvägen 4',
    capacity: 80,
    kitchen: true,
    young: true,
    dancing: false,
    to: '01:00',
    holder: 'Lövnäs Pub & Kök AB',
  },
  {
    name: 'Klubb Kanalen',
    kind: 'nightclub',
    address: 'Kanalvägen 1',
    capacity: 320,
    kitchen: true,
    young: true,
    dancing: true,
    to: '02:00',
    holder: 'Nattklubben Skoghall AB',
  },
  {
    name: 'Hotell Hammarö',
    kind: 'hotel',
    address: 'Hammarövägen 40',
    capacity: 150,
    kitchen: true,
    young: false,
    dancing: false,
    to: '01:00',
    holder: 'Hammarö Hotell & Konferens AB',
  },
  {
    name: 'Pizzeria Bella Rossa',
    kind: 'restaurant',
    address: 'Rossgatan 7',
    capacity: 40,
    kitchen: true,
    young: false,
    dancing: false,
    to: '22:00',
    holder: 'Bella Rossa Hammarö HB',
  },
  {
    name: 'Sushi Kanto',
    kind: 'restaurant',
    address: 'Skoghalls centrum 2',
    capacity: 35,
    kitchen: true,
    young: false,
    dancing: false,
    to: '22:00',
    holder: 'Kanto Sushi AB',
  },
  {
    name: 'Golfkrogen Hammarö',
    kind: 'restaurant',
    address: 'Barrstigen 2',
    capacity: 110,
    kitchen: true,
    young: false,
    dancing: false,
    to: '23:00',
    holder: 'Hammarö Golfrestaurang AB',
  },
  {
    name: 'Sportbaren Mörmo',
    kind: 'bar',
    address: 'Mörmovägen 22',
    capacity: 70,
    kitchen: true,
    young: true,
    dancing: false,
    to: '01:00',
    holder: 'Mörmo Sport & Bar AB',
  },
  {
    name: 'Kafé Bryggan',
    kind: 'cafe',
    address: 'Skoghalls båthamn',
    capacity: 45,
    kitchen: true,
    young: false,
    dancing: false,
    to: '21:00',
    holder: 'Bryggans Kafé HB',
  },
  {
    name: 'Hammarö Bowling',
    kind: 'sports_venue',
    address: 'Bowlingvägen 5',
    capacity: 180,
    kitchen: true,
    young: true,
    dancing: false,
    to: '00:00',
    holder: 'Hammarö Bowlinghall AB',
  },
  {
    name: 'Festlokalen Näs',
    kind: 'event_venue',
    address: 'Näs gård',
    capacity: 200,
    kitchen: false,
    young: false,
    dancing: true,
    to: '01:00',
    holder: 'Näs Gård Event AB',
  },
] as const;

/** A fictional organisation number with a correct Luhn check digit (55NNNN-NNNC). */
function orgNumber(n: number): string {
  const base = `55${String(6000 + n).padStart(4, '0')}${String(100 + n * 7).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 9; i += 1) {
    let d = Number(base[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return `${base.slice(0, 6)}-${base.slice(6)}${(10 - (sum % 10)) % 10}`;
}

export function inspectionsSeed(now: Date): SeedStep {
  return {
    name: 'inspections (Hammarö premises, licences, plans 2020–2022, inspections, sanctions)',
    async run(manager: EntityManager) {
      const [collab] = await manager.query<{ id: string; municipality: string }[]>(
        `SELECT id, municipality_organisation_id AS municipality FROM collaborations WHERE name = 'Hammarö'`,
      );
      const [done] = await manager.query('SELECT 1 FROM premises WHERE collaboration_id = $1 LIMIT 1', [collab.id]);
      if (done) return;
      const users = new Map((await manager.query<{ email: string; id: string }[]>('SELECT email, id FROM users')).map((u) => [u.email, u.id]));
      const officer = users.get('alkohol@hammaro.test')!;
      const police = users.get('polis@karlstad.polisen.test')!;
      const [template] = await manager.query<{ id: string }[]>(
        `INSERT INTO checklist_templates (owner_organisation_id, name, version, items) VALUES ($1, $2, 1, $3) RETURNING id`,
        [collab.municipality, DEFAULT_CHECKLIST_NAME, JSON.stringify(DEFAULT_CHECKLIST_ITEMS)],
      );
      const licences: { premisesId: string; licenceId: string; index: number }[] = [];
      for (const [index, p] of PREMISES.entries()) {
        const [holder] = await manager.query<{ id: string }[]>(
          `INSERT INTO licence_holders (owner_organisation_id, name, org_number, contact_name, contact_email)
           VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [collab.municipality, p.holder, orgNumber(index + 1), 'Kontaktperson', `info@${p.name.toLowerCase().replace(/[^a-z]+/g, '')}.test`],
        );
        const [premises] = await manager.query<{ id: string }[]>(
          `INSERT INTO premises (collaboration_id, owner_organisation_id, name, kind, address, postal_code, city, capacity, has_own_kitchen,
             young_audience, dancing) VALUES ($1, $2, $3, $4, $5, '663 30', 'Hammarö', $6, $7, $8, $9) RETURNING id`,
          [collab.id, collab.municipality, p.name, p.kind, p.address, p.capacity, p.kitchen, p.young, p.dancing],
        );
        const weekend = { fri: { from: '11:00', to: p.to }, sat: { from: '11:00', to: p.to } };
        const [licence] = await manager.query<{ id: string }[]>(
          `INSERT INTO licences (holder_id, premises_id, collaboration_id, owner_organisation_id, type, audience, drink_categories,
             serving_hours, valid_from) VALUES ($1, $2, $3, $4, 'permanent', $5, $6, $7, '2018-05-01') RETURNING id`,
          [
            holder.id,
            premises.id,
            collab.id,
            collab.municipality,
            p.kitchen ? 'public' : 'private',
            p.kind === 'cafe' ? ['wine', 'strong_beer'] : ['spirits', 'wine', 'strong_beer', 'other_fermented'],
            JSON.stringify(weekend),
          ],
        );
        await manager.query(`INSERT INTO serving_managers (licence_id, name, birth_date, notified_on) VALUES ($1, $2, $3, '2018-04-20')`, [
          licence.id,
          ['Jonas Berg', 'Sofia Nilsson', 'Ali Yilmaz', 'Emma Lind'][index % 4],
          `19${70 + index}-0${(index % 9) + 1}-15`,
        ]);
        // The licence's history starts with its grant (licence_decisions, issue #17).
        await manager.query(`INSERT INTO licence_decisions (licence_id, kind, decided_on) VALUES ($1, 'granted', '2018-04-24')`, [licence.id]);
        licences.push({ premisesId: premises.id, licenceId: licence.id, index });
      }
      // Plans 2020–2022 from the risk model, and one or more performed visits a year per premises.
      for (const year of [2020, 2021, 2022]) {
        const [plan] = await manager.query<{ id: string }[]>(
          'INSERT INTO supervision_plans (collaboration_id, owner_organisation_id, year, created_by) VALUES ($1, $2, $3, $4) RETURNING id',
          [collab.id, collab.municipality, year, officer],
        );
        for (const l of licences) {
          const p = PREMISES[l.index];
          const { score, factors } = riskScore({
            kind: p.kind,
            capacity: p.capacity,
            youngAudience: p.young,
            dancing: p.dancing,
            latestServingEnd: p.to,
            remarks: year > 2020 && l.index === 2 ? 2 : 0,
            erinran: 0,
            varning: 0,
            tips: l.index === 3 ? 1 : 0,
            monthsSinceLastVisit: year === 2020 ? null : 10,
          });
          const visits = plannedVisits(score);
          await manager.query(
            'INSERT INTO supervision_plan_items (plan_id, premises_id, risk_score, risk_factors, planned_visits) VALUES ($1, $2, $3, $4, $5)',
            [plan.id, l.premisesId, score, JSON.stringify(factors), visits],
          );
          for (let v = 0; v < visits; v += 1) {
            // The odd one is tried with nobody there (2021, Sushi Kanto): attempted, not performed.
            const attempted = year === 2021 && l.index === 6 && v === 0;
            const start = new Date(Date.UTC(year, 3 + ((l.index + v * 4) % 7), 5 + ((l.index * 3 + v * 5) % 20), 19, 30));
            const coordinated = (l.index + v) % 3 === 0;
            const [inspection] = await manager.query<{ id: string }[]>(
              `INSERT INTO inspections (premises_id, licence_id, collaboration_id, owner_organisation_id, type, planned_start, planned_end, status,
                 performed_at, attempted_at, report_sent_at, checklist_template_id, created_by)
               VALUES ($1, $2, $3, $4, $5, $6, $7, 'closed', $8, $9, $10, $11, $12) RETURNING id`,
              [
                l.premisesId,
                l.licenceId,
                collab.id,
                collab.municipality,
                coordinated ? 'coordinated' : 'external',
                start,
                new Date(start.getTime() + 2 * 3_600_000),
                attempted ? null : start,
                attempted ? start : null,
                attempted ? null : new Date(start.getTime() + 5 * 86_400_000),
                template.id,
                officer,
              ],
            );
            for (const inspector of coordinated ? [officer, police] : [officer]) {
              await manager.query(`INSERT INTO inspection_inspectors (inspection_id, user_id, during, active) VALUES ($1, $2, tstzrange($3, $4), false)`, [
                inspection.id,
                inspector,
                start,
                new Date(start.getTime() + 2 * 3_600_000),
              ]);
            }
            if (attempted) continue;
            for (const item of DEFAULT_CHECKLIST_ITEMS.slice(0, 6)) {
              const remark = (l.index === 2 && item.key === 'age_checks') || (l.index === 3 && item.key === 'no_intoxicated_guests' && year === 2022);
              await manager.query(`INSERT INTO inspection_findings (inspection_id, item_key, result, note) VALUES ($1, $2, $3, $4)`, [
                inspection.id,
                item.key,
                remark ? 'remark' : 'ok',
                remark ? (item.key === 'age_checks' ? 'Legitimation kontrollerades inte vid baren.' : 'Berusade gäster serverades i baren efter 01.00.') : '',
              ]);
            }
            // A performed visit counts toward the promise's commitment on inspections, as performing
            // one in the app records it (InspectionsService.transition → ActivitiesService.recordForKind).
            await manager.query(
              `INSERT INTO activities (commitment_id, collaboration_id, owner_organisation_id, occurred_on, place, kind, metrics, source, source_id)
               SELECT c.id, $1, $2, ($3::timestamptz AT TIME ZONE 'Europe/Stockholm')::date, $4, c.activity_kind,
                      jsonb_build_object('premises_visited', 1, 'remarks', (SELECT count(*) FROM inspection_findings f WHERE f.inspection_id = $5 AND f.result = 'remark')),
                      'inspection', $5
               FROM commitments c JOIN promises p ON p.id = c.promise_id
               WHERE p.collaboration_id = $1 AND c.activity_kind = 'licensed_premises_inspection'
                 AND ($3::timestamptz AT TIME ZONE 'Europe/Stockholm')::date BETWEEN p.period_start AND p.period_end
               ORDER BY p.period_start DESC LIMIT 1`,
              [collab.id, collab.municipality, start, PREMISES[l.index].name, inspection.id],
            );
          }
        }
      }
      // One erinran (Lövnäs Pub & Kök, 2021) and one varning (Klubb Kanalen, 2022), the holders heard first.
      for (const [index, decision, heard, decided, grounds] of [
        [2, 'erinran', '2021-06-14', '2021-06-28', 'Brister i ålderskontrollen vid två tillsyner.'],
        [3, 'varning', '2022-09-12', '2022-09-26', 'Servering till märkbart berusade gäster och bristande ordning i entrén.'],
      ] as const) {
        await manager.query(
          `INSERT INTO sanction_cases (licence_id, collaboration_id, owner_organisation_id, grounds, proposed_by, proposed_at, heard_on, decision,
             decision_reasons, appeal_information, decided_by, decided_on)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $5, $11)`,
          [
            licences[index].licenceId,
            collab.id,
            collab.municipality,
            grounds,
            officer,
            `${heard}T09:00:00+02:00`,
            heard,
            decision,
            grounds,
            'Beslutet kan överklagas hos förvaltningsrätten inom tre veckor.',
            decided,
          ],
        );
      }
      // Upcoming: the next weekends' evening inspections, still planned.
      for (const [offsetDays, index, coordinated] of [
        [8, 3, true],
        [15, 8, false],
        [22, 4, true],
      ] as const) {
        const start = new Date(now.getTime() + offsetDays * 86_400_000);
        start.setUTCHours(20, 0, 0, 0);
        const end = new Date(start.getTime() + 2 * 3_600_000);
        const [inspection] = await manager.query<{ id: string }[]>(
          `INSERT INTO inspections (premises_id, licence_id, collaboration_id, owner_organisation_id, type, planned_start, planned_end,
             checklist_template_id, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
          [
            licences[index].premisesId,
            licences[index].licenceId,
            collab.id,
            collab.municipality,
            coordinated ? 'coordinated' : 'external',
            start,
            end,
            template.id,
            officer,
          ],
        );
        for (const inspector of coordinated ? [officer, police] : [officer]) {
          await manager.query('INSERT INTO inspection_inspectors (inspection_id, user_id, during) VALUES ($1, $2, tstzrange($3, $4))', [
            inspection.id,
            inspector,
            start,
            end,
          ]);
          if (inspector === police) {
            for (const [type, id, actions] of [
              ['inspection', inspection.id, ['read', 'perform']],
              ['premises', licences[index].premisesId, ['read']],
            ] as const) {
              await manager.query(
                `INSERT INTO record_grants (resource_type, resource_id, grantee_type, grantee_id, effect, actions, reason, granted_by)
                 VALUES ($1, $2, 'user', $3, 'grant', $4, 'Inspektör vid samordnad tillsyn', $5)`,
                [type, id, police, [...actions], officer],
              );
            }
          }
        }
      }
    },
  };
}
