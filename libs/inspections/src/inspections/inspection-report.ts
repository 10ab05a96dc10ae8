import { escapeHtml, formatInstant } from '@samverkan/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_CHECKLIST_ITEMS } from './checklist.js';
import { findingResultLabel, inspectionTypeLabel } from './inspection-labels.js';
import { HOLDER_RESPONSE_DAYS, type InspectionStatus } from './inspection-rules.js';

/**
 * What a report to the licence holder says of one inspection, read in one query: the printable
 * HTML report (GET /inspections/:id/report) and the issued tillsynsrapport (documents/) both start
 * from it, so they never tell the holder different things.
 */
export interface ReportFacts {
  id: string;
  status: InspectionStatus;
  premisesName: string;
  /** Street, postal code and town, as one line ('' when unknown). */
  premisesAddress: string;
  holderName: string | null;
  holderOrgNumber: string | null;
  /** The holder's postal address as registered (free text, possibly several lines; '' when none). */
  holderAddress: string;
  holderContactName: string;
  type: string;
  plannedStart: Date;
  performedAt: Date | null;
  reportSentAt: Date | null;
  inspectors: { displayName: string; organisation: string }[];
  checklist: { key: string; label: string }[] | null;
  findings: { itemKey: string; result: string; note: string }[];
  responseDays: number;
  /** The municipality that supervises the premises (owns the inspection). */
  municipality: string;
  municipalityId: string;
}

/** The facts of one inspection's report, or undefined when there is no such inspection. The caller has checked access. */
export async function loadReportFacts(db: DataSource | EntityManager, id: string): Promise<ReportFacts | undefined> {
  const [row] = await db.query<Omit<ReportFacts, 'responseDays'>[]>(
    `SELECT i.id, i.status, p.name AS "premisesName",
            concat_ws(', ', nullif(btrim(p.address), ''), nullif(btrim(concat_ws(' ', nullif(p.postal_code, ''), nullif(p.city, ''))), '')) AS "premisesAddress",
            h.name AS "holderName", h.org_number AS "holderOrgNumber", coalesce(h.address, '') AS "holderAddress",
            coalesce(h.contact_name, '') AS "holderContactName",
            i.type, i.planned_start AS "plannedStart", i.performed_at AS "performedAt", i.report_sent_at AS "reportSentAt",
            coalesce((SELECT json_agg(json_build_object('displayName', u.display_name, 'organisation', o2.name) ORDER BY o2.kind, u.display_name)
                      FROM inspection_inspectors ii JOIN users u ON u.id = ii.user_id JOIN organisations o2 ON o2.id = u.organisation_id
                      WHERE ii.inspection_id = i.id), '[]') AS inspectors,
            (SELECT t.items FROM checklist_templates t WHERE t.id = i.checklist_template_id) AS checklist,
            coalesce((SELECT json_agg(json_build_object('itemKey', f.item_key, 'result', f.result, 'note', f.note) ORDER BY f.item_key)
                      FROM inspection_findings f WHERE f.inspection_id = i.id), '[]') AS findings,
            o.name AS municipality, o.id AS "municipalityId"
     FROM inspections i JOIN premises p ON p.id = i.premises_id JOIN organisations o ON o.id = i.owner_organisation_id
     LEFT JOIN licences l ON l.id = i.licence_id LEFT JOIN licence_holders h ON h.id = l.holder_id
     WHERE i.id = $1`,
    [id],
  );
  return row ? { ...row, responseDays: HOLDER_RESPONSE_DAYS } : undefined;
}

/**
 * The findings in checklist order (the order the inspector walked them), each with its item's
 * label; a finding on an item no longer on the checklist keeps its key as label, last.
 */
export function findingsInChecklistOrder(r: Pick<ReportFacts, 'checklist' | 'findings'>): { label: string; result: string; note: string }[] {
  const items = r.checklist ?? DEFAULT_CHECKLIST_ITEMS;
  const order = new Map(items.map((item, index) => [item.key, index]));
  const labels = new Map<string, string>(items.map((item) => [item.key, item.label]));
  return [...r.findings]
    .sort((a, b) => (order.get(a.itemKey) ?? items.length) - (order.get(b.itemKey) ?? items.length))
    .map((f) => ({ label: labels.get(f.itemKey) ?? f.itemKey, result: f.result, note: f.note }));
}

/**
 * The inspection report sent to the licence holder (tillsynsrapport), generated from the protocol:
 * a self-contained, printable Swedish page. The holder may respond within the given days.
 */
export function inspectionReportHtml(r: ReportFacts): string {
  const findings = findingsInChecklistOrder(r);
  const remarks = findings.filter((f) => f.result === 'remark');
  const rows = findings
    .map((f) => `<tr><td>${escapeHtml(f.label)}</td><td>${escapeHtml(findingResultLabel(f.result))}</td><td>${escapeHtml(f.note)}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="sv">
<head><meta charset="utf-8"><title>Tillsynsrapport – ${escapeHtml(r.premisesName)}</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 2rem; color: #1a1a1a; max-width: 60rem; }
  h1 { font-size: 1.4rem; } table { border-collapse: collapse; width: 100%; font-size: .9rem; }
  th, td { border: 1px solid #bbb; padding: .35rem .5rem; text-align: left; vertical-align: top; } th { background: #eef2f5; }
  @media print { body { margin: 1.5cm; } }
</style></head>
<body>
<h1>Tillsynsrapport enligt alkohollagen (2010:1622)</h1>
<p><strong>Serveringsställe:</strong> ${escapeHtml(r.premisesName)}${r.holderName ? `<br><strong>Tillståndshavare:</strong> ${escapeHtml(r.holderName)}` : ''}<br>
<strong>Tillsyn:</strong> ${escapeHtml(inspectionTypeLabel(r.type))}, ${escapeHtml(formatInstant(r.plannedStart))}<br>
<strong>Inspektörer:</strong> ${r.inspectors.map((i) => `${escapeHtml(i.displayName)} (${escapeHtml(i.organisation)})`).join(', ')}</p>
<h2>Iakttagelser</h2>
<table><thead><tr><th>Kontrollpunkt</th><th>Resultat</th><th>Anteckning</th></tr></thead><tbody>
${rows}
</tbody></table>
<p>${remarks.length === 0 ? 'Tillsynen gav inga anmärkningar.' : `Tillsynen gav ${remarks.length} anmärkning${remarks.length === 1 ? '' : 'ar'}.`}</p>
<p>Ni har möjlighet att yttra er över rapporten inom ${r.responseDays} dagar. Skicka yttrandet till ${escapeHtml(r.municipality)}.</p>
</body></html>
`;
}
