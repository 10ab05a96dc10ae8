import { addDays, type AppConfig, FieldCipher, type SeedStep, stockholmDate } from '@samverkan/platform';
import type { EntityManager } from 'typeorm';
import { summaryCounts } from '@samverkan/operations';

interface SeedOperation {
  title: string;
  area: string;
  places: { name: string; latitude?: number; longitude?: number }[];
  premises?: string[];
  start: string;
  end: string;
  status: 'proposed' | 'decided' | 'executing' | 'outcome_reported' | 'cancelled';
  intelligence: string;
  reference: string;
  reason?: string;
  outcome?: {
    seizures: { substance: string; quantity: number; unit: string }[];
    arrests: number;
    reportsFiled: number;
    personsChecked: number;
    placesChecked: number;
    notes: string;
  };
  release?: { area: string; year: number };
  referral?: { premises: string; observedOn: string; observation: string; acknowledged: string };
}

/**
 * Lokalpolisområde Karlstad's operations in Hammarö (fictional): two carried out and released in
 * 2021 and 2022 (their summaries are the promise's drug-sale activities of those years), one
 * cancelled for want of intelligence, one decided and one proposed for the coming weeks. Runs once.
 */
export function operationsSeed(config: AppConfig, now: Date): SeedStep {
  const cipher = new FieldCipher(config);
  const today = stockholmDate(now);
  const at = (date: string, time: string) => `${date}T${time}:00+01:00`;
  const operations: SeedOperation[] = [
    {
      title: 'Insats mot langning inför Halloween',
      area: 'Skoghalls centrum',
      places: [{ name: 'Skoghalls centrum, busstationen', latitude: 59.3236, longitude: 13.466 }],
      start: at('2021-10-29', '18:00'),
      end: at('2021-10-30', '02:00'),
      status: 'outcome_reported',
      intelligence: 'Flera tips om att äldre ungdomar säljer smuggelsprit och cannabis till högstadieelever vid busstationen fredagskvällar.',
      reference: 'UR-2021-1142',
      outcome: {
        seizures: [
          { substance: 'smuggled_spirits', quantity: 14, unit: 'l' },
          { substance: 'cannabis', quantity: 38.5, unit: 'g' },
        ],
        arrests: 2,
        reportsFiled: 5,
        personsChecked: 41,
        placesChecked: 6,
        notes: 'Två gripna för överlåtelse av narkotika. Bra samverkan med fältassistenterna.',
      },
      release: { area: 'Skoghall', year: 2021 },
    },
    {
      title: 'Insats mot narkotikaförsäljning i nöjeslivet',
      area: 'Skoghall, nattklubbsstråket',
      places: [{ name: 'Kanalvägen' }],
      premises: ['Klubb Kanalen', 'Sportbaren Mörmo'],
      start: at('2022-05-20', '21:00'),
      end: at('2022-05-21', '03:00'),
      status: 'outcome_reported',
      intelligence: 'Underrättelser om kokainförsäljning på toaletterna på en nattklubb; säljare uppges komma från Karlstad.',
      reference: 'UR-2022-0417',
      outcome: {
        seizures: [
          { substance: 'cocaine', quantity: 12, unit: 'g' },
          { substance: 'cash', quantity: 18400, unit: 'sek' },
        ],
        arrests: 1,
        reportsFiled: 4,
        personsChecked: 63,
        placesChecked: 3,
        notes: 'En gripen med 12 g kokain. Personalen på stället saknade rutin för att agera.',
      },
      release: { area: 'Hammarö', year: 2022 },
      referral: {
        premises: 'Klubb Kanalen',
        observedOn: '2022-05-21',
        observation: 'Märkbart berusade gäster serverades efter kl. 01 och ordningsvakterna var för få för antalet gäster.',
        acknowledged: 'Tillsyn genomförd 2022-06-10; varning meddelad.',
      },
    },
    {
      title: 'Köpövervakning vid skolavslutningen',
      area: 'Hammarö',
      places: [{ name: 'Mörmoskolan' }],
      start: at('2021-06-10', '17:00'),
      end: at('2021-06-11', '01:00'),
      status: 'cancelled',
      reason: 'Underrättelseläget medgav inte insatsen.',
      intelligence: 'Oklara uppgifter om planerad försäljning av alkohol till elever efter skolavslutningen.',
      reference: 'UR-2021-0655',
    },
    {
      title: 'Insats mot försäljning till unga i Lövnäs',
      area: 'Lövnäs centrum',
      places: [{ name: 'Lövnäs centrum' }],
      start: at(addDays(today, 7), '19:00'),
      end: at(addDays(today, 8), '01:00'),
      status: 'decided',
      intelligence: 'Tips från skolan och fältassistenter om att en namngiven 19-åring säljer cannabis vid Lövnäs centrum.',
      reference: 'UR-2026-0311',
    },
    {
      title: 'Kontroll av smuggelsprit före jul',
      area: 'Skoghall',
      places: [{ name: 'Skoghalls hamn' }],
      start: at(addDays(today, 14), '16:00'),
      end: at(addDays(today, 14), '23:00'),
      status: 'proposed',
      intelligence: 'Uppgifter om att smuggelsprit säljs från en bil vid hamnen inför helgerna.',
      reference: 'UR-2026-0350',
    },
  ];
  return {
    name: 'operations (Lokalpolisområde Karlstad in Hammarö: released summaries, a referral, upcoming operations)',
    async run(manager: EntityManager) {
      const [collab] = await manager.query<{ id: string; police: string }[]>(
        `SELECT id, police_organisation_id AS police FROM collaborations WHERE name = 'Hammarö'`,
      );
      const [done] = await manager.query('SELECT 1 FROM operations WHERE collaboration_id = $1 LIMIT 1', [collab.id]);
      if (done) return;
      const user = async (email: string) => (await manager.query<{ id: string }[]>('SELECT id FROM users WHERE email = $1', [email]))[0].id;
      const commander = await user('insatschef@karlstad.polisen.test');
      const officer = await user('polis@karlstad.polisen.test');
      const [{ id: unit }] = await manager.query<{ id: string }[]>(`SELECT id FROM units WHERE organisation_id = $1 AND name = 'Ingripande'`, [collab.police]);
      const [{ id: localUnit }] = await manager.query<{ id: string }[]>(`SELECT id FROM units WHERE organisation_id = $1 AND name = 'Områdespolis Hammarö'`, [
        collab.police,
      ]);
      const [commitment] = await manager.query<{ id: string }[]>(
        `SELECT k.id FROM commitments k JOIN promises p ON p.id = k.promise_id WHERE p.collaboration_id = $1 AND k.activity_kind = 'drug_sale_operation' LIMIT 1`,
        [collab.id],
      );
      for (const op of operations) {
        const premisesIds = op.premises
          ? (
              await manager.query<{ id: string }[]>('SELECT id FROM premises WHERE collaboration_id = $1 AND name = ANY($2::text[])', [collab.id, op.premises])
            ).map((p) => p.id)
          : [];
        const decided = op.status !== 'proposed' && op.status !== 'cancelled';
        const [row] = await manager.query<{ id: string }[]>(
          `INSERT INTO operations (collaboration_id, owner_organisation_id, owner_unit_id, title, area, places, premises_ids, commitment_id, planned_start, planned_end,
             intelligence_sealed, intelligence_key_id, status, status_reason, decided_by, decided_at, decision_conditions, proposed_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id`,
          [
            collab.id,
            collab.police,
            unit,
            op.title,
            op.area,
            JSON.stringify(op.places),
            premisesIds,
            commitment?.id ?? null,
            op.start,
            op.end,
            cipher.encrypt('operation.intelligence', JSON.stringify({ text: op.intelligence, reference: op.reference })),
            cipher.keyId,
            op.status,
            op.reason ?? null,
            decided ? commander : null,
            decided ? new Date(new Date(op.start).getTime() - 5 * 86_400_000) : null,
            decided ? 'Civila fordon; samordning med fältassistenterna; inga ingripanden inne på skolområde.' : null,
            officer,
          ],
        );
        for (const [type, id] of [
          ['user', officer],
          ['unit', localUnit],
        ] as const) {
          const [grant] = await manager.query<{ id: string }[]>(
            `INSERT INTO record_grants (resource_type, resource_id, grantee_type, grantee_id, effect, actions, reason, granted_by)
             VALUES ('operation', $1, $2, $3, 'grant', '{read,report}', 'Deltar i insatsen', $4) RETURNING id`,
            [row.id, type, id, commander],
          );
          await manager.query('INSERT INTO operation_participants (operation_id, grantee_type, grantee_id, grant_id) VALUES ($1, $2, $3, $4)', [
            row.id,
            type,
            id,
            grant.id,
          ]);
        }
        if (!op.outcome) continue;
        await manager.query(
          `INSERT INTO operation_outcomes (operation_id, seizures, arrests, reports_filed, persons_checked, places_checked, notes, reported_by, reported_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [
            row.id,
            JSON.stringify(op.outcome.seizures),
            op.outcome.arrests,
            op.outcome.reportsFiled,
            op.outcome.personsChecked,
            op.outcome.placesChecked,
            op.outcome.notes,
            officer,
            op.end,
          ],
        );
        if (op.release) {
          const { counts, metrics } = summaryCounts(op.outcome as Parameters<typeof summaryCounts>[0]);
          const period = op.start.slice(0, 10);
          const [summary] = await manager.query<{ id: string }[]>(
            `INSERT INTO operation_summaries (operation_id, collaboration_id, period_start, period_end, area, counts, released_by, released_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
            [row.id, collab.id, period, op.end.slice(0, 10), op.release.area, JSON.stringify(counts), commander, op.end],
          );
          // The promise seed logged the year's operations by hand; this summary becomes one of them.
          const [activity] = await manager.query<{ id: string }[]>(
            `SELECT id FROM activities WHERE kind = 'drug_sale_operation' AND source = 'manual' AND date_part('year', occurred_on) = $1 ORDER BY occurred_on LIMIT 1`,
            [op.release.year],
          );
          if (activity) {
            await manager.query(
              `UPDATE activities SET occurred_on = $2, place = $3, metrics = $4, source = 'operation_summary', source_id = $5 WHERE id = $1`,
              [activity.id, op.end.slice(0, 10), op.release.area, JSON.stringify(metrics), summary.id],
            );
            await manager.query('UPDATE operation_summaries SET activity_id = $2 WHERE id = $1', [summary.id, activity.id]);
          }
        }
        if (op.referral) {
          const [premises] = await manager.query<{ id: string; owner: string }[]>(
            'SELECT id, owner_organisation_id AS owner FROM premises WHERE collaboration_id = $1 AND name = $2',
            [collab.id, op.referral.premises],
          );
          const [tip] = await manager.query<{ id: string }[]>(
            `INSERT INTO premises_tips (premises_id, received_on, source, summary, created_by) VALUES ($1, $2, 'police', $3, $4) RETURNING id`,
            [premises.id, op.referral.observedOn, `Iakttagelse ${op.referral.observedOn}: ${op.referral.observation}`, officer],
          );
          const licensing = await user('alkohol@hammaro.test');
          await manager.query(
            `INSERT INTO licensing_referrals (operation_id, premises_id, owner_organisation_id, from_organisation_id, observed_on, observation, tip_id, sent_by, sent_at,
               acknowledged_by, acknowledged_at, acknowledgement) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
            [
              row.id,
              premises.id,
              premises.owner,
              collab.police,
              op.referral.observedOn,
              op.referral.observation,
              tip.id,
              officer,
              op.end,
              licensing,
              '2022-05-23T09:00:00+02:00',
              op.referral.acknowledged,
            ],
          );
        }
      }
    },
  };
}
