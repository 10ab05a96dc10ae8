import { Injectable, NotFoundException, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, type Permission, type Principal, scopesFor } from '@samverkan/access';
import {
  type ComposeContext,
  type ComposedDocument,
  type DocumentGate,
  type DocumentRecord,
  DocumentRegistry,
  type DocumentTemplate,
  emptyNote,
  facts,
  heading,
  paragraph,
  table,
} from '@samverkan/documents';
import { formatDay, stockholmDate } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import type { FollowUpReportView } from './follow-ups.views.js';
import { PromiseAccess } from './promise-access.js';
import { ReportsService } from './reports.service.js';
import { ASSESSMENT_LABELS, DECISION_LABELS, PARTY_LABELS } from './vocabulary.js';

const BASIS_LABELS: Record<FollowUpReportView['basis'], string> = {
  approved: 'Godkänd uppföljning (siffrorna låstes vid godkännandet)',
  draft: 'Utkast till uppföljning (siffrorna är dagens)',
  preliminary: 'Preliminära siffror',
};

/** "2021" or "första halvåret 2021". */
function periodName(year: number, half: number | null): string {
  return half === 1 ? `första halvåret ${year}` : half === 2 ? `andra halvåret ${year}` : `${year}`;
}

/**
 * Who issues a follow-up's report: the caller's organisation among the promise's parties, the
 * municipality first (the yearly follow-up goes to kommunstyrelsen).
 */
function issuingOrganisation(principal: Principal, collaborationId: string, permission: Permission): string | undefined {
  const granted = new Set(scopesFor(principal, permission).map((s) => s.organisationId));
  const members = principal.memberships.filter((m) => granted.has(m.organisationId) && m.collaborationIds.includes(collaborationId));
  return (members.find((m) => m.organisationKind === 'municipality') ?? members[0])?.organisationId;
}

/**
 * The yearly follow-up's report as a document (issue #21): seen by whoever sees the promise, issued
 * by whoever reports on it (promise:report), from a draft or an approved follow-up alike (the
 * document says which).
 */
@Injectable()
export class FollowUpDocumentGate implements DocumentGate, OnModuleInit {
  readonly recordType = 'follow_up' as const;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: DocumentRegistry,
    private readonly records: PromiseAccess,
    private readonly access: AccessService,
  ) {}

  onModuleInit(): void {
    this.registry.registerGate(this);
  }

  async read(principal: Principal, followUpId: string): Promise<DocumentRecord> {
    const followUp = await this.find(followUpId);
    const promise = await this.records.promise(principal, followUp.promise_id);
    const organisationId = issuingOrganisation(principal, promise.collaborationId, 'promise:read') ?? principal.organisationId;
    return { organisationId, reference: followUp.reference };
  }

  async issue(principal: Principal, followUpId: string): Promise<DocumentRecord> {
    const followUp = await this.find(followUpId);
    const promise = await this.records.promise(principal, followUp.promise_id);
    await this.access.assertAllowed(principal, 'promise:report', promise);
    const organisationId = issuingOrganisation(principal, promise.collaborationId, 'promise:report') ?? principal.organisationId;
    return { organisationId, reference: followUp.reference };
  }

  private async find(followUpId: string): Promise<{ promise_id: string; reference: string }> {
    const [row] = await this.dataSource.query<{ promise_id: string; title: string; year: number; half: number | null }[]>(
      'SELECT f.promise_id, p.title, f.year, f.half FROM follow_ups f JOIN promises p ON p.id = f.promise_id WHERE f.id = $1',
      [followUpId],
    );
    if (!row) throw new NotFoundException(`No follow-up with id ${followUpId}.`);
    return { promise_id: row.promise_id, reference: `Uppföljning ${periodName(row.year, row.half)} – ${row.title}`.slice(0, 200) };
  }
}

/** The report's pages: the figures per problem area, the findings of rounds and walks, the conclusion and who approved it. */
@Injectable()
export class FollowUpReportTemplate implements DocumentTemplate, OnModuleInit {
  readonly kind = 'follow_up_report' as const;

  constructor(
    private readonly registry: DocumentRegistry,
    private readonly reports: ReportsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.registerTemplate(this);
  }

  async compose(followUpId: string, context: ComposeContext): Promise<ComposedDocument> {
    const [row] = await this.dataSource.query<{ half: number | null }[]>('SELECT half FROM follow_ups WHERE id = $1', [followUpId]);
    if (!row) throw new NotFoundException(`No follow-up with id ${followUpId}.`);
    const report = await this.reports.ofFollowUp(followUpId);
    await context.progress(1);
    return followUpReportDocument(report, row.half, context);
  }
}

const pct = (value: number | null) => (value === null ? '–' : `${Math.round(value)} %`);
const amount = (value: number | null | undefined) => (value === null || value === undefined ? '–' : String(Math.round(value * 100) / 100).replace('.', ','));

/** The document itself, from the report (the same figures the CSV and the printable page show). */
export function followUpReportDocument(report: FollowUpReportView, half: number | null, context: ComposeContext): ComposedDocument {
  const areas = [...new Map(report.commitments.map((c) => [c.problemArea.id, c.problemArea])).values()];
  const findings = report.findings.filter((f) => f.raised > 0 || f.fixed > 0);
  return {
    title: `Uppföljning av medborgarlöftet ${periodName(report.year, half)}`,
    // Eight columns of figures and text: landscape, as the printable page prints.
    orientation: 'landscape',
    body: [
      facts([
        ['Medborgarlöfte', report.promise.title],
        ['Samverkan', report.promise.collaboration],
        ['Löftesperiod', `${formatDay(report.promise.periodStart)} – ${formatDay(report.promise.periodEnd)}`],
        ['Uppföljningen avser', `${formatDay(report.window.from)} – ${formatDay(report.window.to)}`],
        ['Underlag', BASIS_LABELS[report.basis]],
        ['Samlad måluppfyllelse', pct(report.progress)],
      ]),
      ...areas.flatMap((area) => [
        heading(area.title),
        table(
          ['Part', 'Åtagande', 'Mål', 'Utfall', 'Mål-uppfyllelse', 'Åtgärder klara', 'Bedömning', 'Kommentar'],
          report.commitments
            .filter((c) => c.problemArea.id === area.id)
            .map((c) => [
              PARTY_LABELS[c.party],
              c.text,
              c.target ? `${amount(c.target.forWindow)} ${c.target.unit}` : '–',
              amount(c.actual),
              pct(c.progress),
              `${c.actions.done} av ${c.actions.total}${c.actions.overdue ? ` (${c.actions.overdue} försenade)` : ''}`,
              ASSESSMENT_LABELS[c.assessment],
              c.narrative,
            ]),
          [62, '*', 70, 44, 60, 70, 70, '*'],
        ),
      ]),
      ...(areas.length === 0 ? [emptyNote('Löftet har inga åtaganden att följa upp.')] : []),
      ...(findings.length > 0
        ? [
            heading('Fynd från ronder och trygghetsvandringar'),
            table(
              ['Problemområde', 'Registrerade', 'Åtgärdade'],
              findings.map((f) => [f.problemAreaTitle ?? 'Utan problemområde', f.raised, f.fixed]),
              ['*', 80, 80],
            ),
          ]
        : []),
      heading('Slutsats'),
      report.conclusion.trim() ? paragraph(report.conclusion) : emptyNote('Ingen slutsats är skriven ännu.'),
      facts([['Beslut', report.decision ? DECISION_LABELS[report.decision] : null]]),
      heading('Godkännande'),
      report.approvals.length > 0
        ? table(
            ['Part', 'Godkänd av', 'Datum'],
            report.approvals.map((a) => [a.side === 'police' ? 'Polisen' : 'Kommunen', a.name, formatDay(stockholmDate(new Date(a.approvedAt)))]),
            [80, '*', 110],
          )
        : emptyNote('Uppföljningen är inte godkänd av parterna ännu.'),
      paragraph(`Rapporten är framtagen ur Samverkan ${formatDay(context.date)} av ${context.issuedBy.displayName}.`, { italics: true }),
    ],
  };
}
