import { escapeHtml, formatInstant } from '@samverkan/platform';
import { DEFAULT_CHECKLIST_ITEMS } from './checklist.js';

const RESULT_LABELS: Record<string, string> = { ok: 'Utan anmärkning', remark: 'Anmärkning', not_applicable: 'Ej tillämpligt', not_checked: 'Ej kontrollerat' };
const TYPE_LABELS: Record<string, string> = {
  external: 'Yttre tillsyn',
  internal: 'Inre tillsyn',
  coordinated: 'Samordnad tillsyn',
  preventive: 'Förebyggande tillsyn',
};

export interface ReportFacts {
  premisesName: string;
  holderName: string | null;
  type: string;
  plannedStart: Date;
  inspectors: { displayName: string; organisation: string }[];
  checklist: { key: string; label: string }[] | null;
  findings: { itemKey: string; result: string; note: string }[];
  responseDays: number;
  municipality: string;
}

/**
 * The inspection report sent to the licence holder (tillsynsrapport), generated from the protocol:
 * a self-contained, printable Swedish page. The holder may respond within the given days.
 */
export function inspectionReportHtml(r: ReportFacts): string {
  const labels = new Map<string, string>((r.checklist ?? DEFAULT_CHECKLIST_ITEMS).map((item) => [item.key, item.label]));
  const remarks = r.findings.filter((f) => f.result === 'remark');
  const rows = r.findings
    .map(
      (f) =>
        `<tr><td>${escapeHtml(labels.get(f.itemKey) ?? f.itemKey)}</td><td>${escapeHtml(RESULT_LABELS[f.result] ?? f.result)}</td><td>${escapeHtml(f.note)}</td></tr>`,
    )
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
<strong>Tillsyn:</strong> ${escapeHtml(TYPE_LABELS[r.type] ?? r.type)}, ${escapeHtml(formatInstant(r.plannedStart))}<br>
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
