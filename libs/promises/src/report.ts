import { escapeHtml, formatDay, stockholmDate, toCsv } from '@samverkan/platform';
import { ASSESSMENT_LABELS, DECISION_LABELS, PARTY_LABELS } from './vocabulary.js';
import type { FollowUpReportView } from './follow-ups.views.js';

const CSV_COLUMNS = [
  'Problemområde',
  'Part',
  'Åtagande',
  'Mål',
  'Enhet',
  'Utfall',
  'Måluppfyllelse (%)',
  'Aktiviteter',
  'Åtgärder klara',
  'Åtgärder pågående',
  'Åtgärder försenade',
  'Bedömning',
  'Kommentar',
];

const FINDING_CSV_COLUMNS = ['Problemområde', 'Fynd registrerade', 'Fynd åtgärdade'];

/**
 * Semicolon-separated with a BOM, as Swedish Excel opens it. When rounds and walks found anything in
 * the window, a second table follows after an empty line: findings raised and fixed per problem area,
 * as the printable report shows them (issue #20).
 */
export function reportCsv(report: FollowUpReportView): string {
  const number = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(Math.round(value * 100) / 100).replace('.', ','));
  const findings = report.findings.some((f) => f.raised > 0 || f.fixed > 0)
    ? [[], FINDING_CSV_COLUMNS, ...report.findings.map((f) => [f.problemAreaTitle ?? 'Utan problemområde', f.raised, f.fixed])]
    : [];
  return toCsv([
    CSV_COLUMNS,
    ...report.commitments.map((c) => [
      c.problemArea.title,
      PARTY_LABELS[c.party],
      c.text,
      number(c.target?.forWindow),
      c.target?.unit ?? '',
      number(c.actual),
      number(c.progress === null ? null : Math.round(c.progress)),
      c.activities,
      c.actions.done,
      c.actions.open,
      c.actions.overdue,
      ASSESSMENT_LABELS[c.assessment],
      c.narrative,
    ]),
    ...findings,
  ]);
}

/** A self-contained Swedish page that prints well on A4. */
export function reportHtml(report: FollowUpReportView): string {
  const pct = (value: number | null) => (value === null ? '–' : `${Math.round(value)} %`);
  const basis = { approved: 'Godkänd uppföljning', draft: 'Utkast till uppföljning', preliminary: 'Preliminära siffror' }[report.basis];
  const areas = [...new Map(report.commitments.map((c) => [c.problemArea.id, c.problemArea])).values()];
  const rows = (areaId: string) =>
    report.commitments
      .filter((c) => c.problemArea.id === areaId)
      .map(
        (c) => `<tr><td>${escapeHtml(PARTY_LABELS[c.party])}</td><td>${escapeHtml(c.text)}</td>
          <td class="num">${c.target ? `${escapeHtml(c.target.forWindow)} ${escapeHtml(c.target.unit)}` : '–'}</td>
          <td class="num">${escapeHtml(c.actual)}</td><td class="num">${pct(c.progress)}</td>
          <td class="num">${c.actions.done} / ${c.actions.total}${c.actions.overdue ? ` (${c.actions.overdue} försenade)` : ''}</td>
          <td>${escapeHtml(ASSESSMENT_LABELS[c.assessment])}</td><td>${escapeHtml(c.narrative)}</td></tr>`,
      )
      .join('\n');
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<title>Uppföljning ${report.year} – ${escapeHtml(report.promise.title)}</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 2rem; color: #1a1a1a; }
  h1 { font-size: 1.5rem; margin-bottom: .25rem; } h2 { font-size: 1.15rem; margin-top: 1.5rem; }
  .meta { color: #444; margin: 0 0 1rem; }
  table { border-collapse: collapse; width: 100%; font-size: .9rem; }
  th, td { border: 1px solid #bbb; padding: .35rem .5rem; vertical-align: top; text-align: left; }
  th { background: #eef2f5; } td.num { text-align: right; white-space: nowrap; }
  @media print { body { margin: 1cm; } @page { size: A4 landscape; } }
</style>
</head>
<body>
<h1>Uppföljning av medborgarlöftet ${report.year}</h1>
<p class="meta">${escapeHtml(report.promise.title)} · ${escapeHtml(report.promise.collaboration)} ·
  löftesperiod ${formatDay(report.promise.periodStart)} – ${formatDay(report.promise.periodEnd)} · ${basis} · perioden ${formatDay(report.window.from)} – ${formatDay(report.window.to)}</p>
<p><strong>Samlad måluppfyllelse:</strong> ${pct(report.progress)}</p>
${areas
  .map(
    (area) => `<h2>${escapeHtml(area.title)}</h2>
<table>
<thead><tr><th>Part</th><th>Åtagande</th><th>Mål</th><th>Utfall</th><th>Måluppfyllelse</th><th>Åtgärder klara</th><th>Bedömning</th><th>Kommentar</th></tr></thead>
<tbody>
${rows(area.id)}
</tbody>
</table>`,
  )
  .join('\n')}
${
  report.findings.some((f) => f.raised > 0 || f.fixed > 0)
    ? `<h2>Fynd från ronder och trygghetsvandringar</h2>
<table>
<thead><tr><th>Problemområde</th><th>Registrerade</th><th>Åtgärdade</th></tr></thead>
<tbody>
${report.findings.map((f) => `<tr><td>${escapeHtml(f.problemAreaTitle ?? 'Utan problemområde')}</td><td class="num">${f.raised}</td><td class="num">${f.fixed}</td></tr>`).join('\n')}
</tbody>
</table>`
    : ''
}
<h2>Slutsats</h2>
<p>${escapeHtml(report.conclusion) || '–'}</p>
<p><strong>Beslut:</strong> ${report.decision ? escapeHtml(DECISION_LABELS[report.decision]) : '–'}</p>
${report.approvals.length ? `<p><strong>Godkänd av:</strong> ${report.approvals.map((a) => `${escapeHtml(a.name)} (${a.side === 'police' ? 'polisen' : 'kommunen'}, ${formatDay(stockholmDate(new Date(a.approvedAt)))})`).join(', ')}</p>` : ''}
</body>
</html>
`;
}
