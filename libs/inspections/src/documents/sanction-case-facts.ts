import type { DataSource } from 'typeorm';
import { inspectionTypeLabel } from '../inspections/inspection-labels.js';
import { findingsInChecklistOrder } from '../inspections/inspection-report.js';
import type { ConsideredSanction, SanctionDecision } from '../sanctions/sanction-rules.js';

/** What the hearing letter and the decision say of a sanction case, read in one query (the api has let the request through). */
export interface SanctionCaseFacts {
  id: string;
  premisesName: string;
  premisesAddress: string;
  holderName: string;
  holderOrgNumber: string;
  holderContactName: string;
  holderAddress: string;
  licenceValidFrom: string;
  municipality: string;
  /** The court the municipality named for its appeals (organisations.appeal_court); null: none named. */
  appealCourt: string | null;
  grounds: string;
  /** The sanction the hearing names; null: the ladder. */
  consideredSanction: ConsideredSanction | null;
  proposedAt: Date;
  heardOn: string | null;
  responseDueOn: string | null;
  responseReceivedOn: string | null;
  response: string | null;
  decision: SanctionDecision | null;
  decisionReasons: string | null;
  appealInformation: string | null;
  decidedOn: string | null;
  decidedByName: string | null;
  /** The inspections the case rests on, oldest first, each with its remarks. */
  inspections: { plannedStart: Date; type: string; remarks: { label: string; note: string }[] }[];
}

interface InspectionRow {
  plannedStart: Date;
  type: string;
  checklist: { key: string; label: string }[] | null;
  findings: { itemKey: string; result: string; note: string }[];
}

export async function loadSanctionCaseFacts(db: DataSource, id: string): Promise<SanctionCaseFacts | undefined> {
  const [row] = await db.query<(Omit<SanctionCaseFacts, 'inspections'> & { inspections: InspectionRow[] })[]>(
    `SELECT s.id, p.name AS "premisesName",
            concat_ws(', ', nullif(btrim(p.address), ''), nullif(btrim(concat_ws(' ', nullif(p.postal_code, ''), nullif(p.city, ''))), '')) AS "premisesAddress",
            h.name AS "holderName", h.org_number AS "holderOrgNumber", h.contact_name AS "holderContactName", h.address AS "holderAddress",
            to_char(l.valid_from, 'YYYY-MM-DD') AS "licenceValidFrom", o.name AS municipality, o.appeal_court AS "appealCourt",
            s.grounds, s.considered_sanction AS "consideredSanction", s.proposed_at AS "proposedAt", to_char(s.heard_on, 'YYYY-MM-DD') AS "heardOn",
            to_char(s.response_due_on, 'YYYY-MM-DD') AS "responseDueOn", to_char(s.response_received_on, 'YYYY-MM-DD') AS "responseReceivedOn",
            s.response, s.decision, s.decision_reasons AS "decisionReasons", s.appeal_information AS "appealInformation",
            to_char(s.decided_on, 'YYYY-MM-DD') AS "decidedOn", (SELECT u.display_name FROM users u WHERE u.id = s.decided_by) AS "decidedByName",
            coalesce((SELECT json_agg(json_build_object('plannedStart', i.planned_start, 'type', i.type,
                        'checklist', (SELECT t.items FROM checklist_templates t WHERE t.id = i.checklist_template_id),
                        'findings', coalesce((SELECT json_agg(json_build_object('itemKey', f.item_key, 'result', f.result, 'note', f.note))
                                              FROM inspection_findings f WHERE f.inspection_id = i.id), '[]'))
                        ORDER BY i.planned_start)
                      FROM inspections i WHERE i.id = ANY(s.inspection_ids)), '[]') AS inspections
     FROM sanction_cases s JOIN licences l ON l.id = s.licence_id JOIN premises p ON p.id = l.premises_id
     JOIN licence_holders h ON h.id = l.holder_id JOIN organisations o ON o.id = s.owner_organisation_id
     WHERE s.id = $1`,
    [id],
  );
  if (!row) return undefined;
  return {
    ...row,
    inspections: row.inspections.map((i) => ({
      plannedStart: new Date(i.plannedStart),
      type: inspectionTypeLabel(i.type),
      remarks: findingsInChecklistOrder(i)
        .filter((f) => f.result === 'remark')
        .map(({ label, note }) => ({ label, note })),
    })),
  };
}
