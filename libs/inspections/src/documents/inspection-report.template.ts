import { Injectable, NotFoundException, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  bullets,
  type ComposeContext,
  type ComposedDocument,
  DocumentRegistry,
  type DocumentTemplate,
  emptyNote,
  facts,
  heading,
  legalNote,
  paragraph,
  table,
} from '@samverkan/documents';
import { formatDay, formatInstant } from '@samverkan/platform';
import type { Content } from 'pdfmake';
import type { DataSource } from 'typeorm';
import { findingResultLabel, inspectionTypeLabel } from '../inspections/inspection-labels.js';
import { findingsInChecklistOrder, loadReportFacts } from '../inspections/inspection-report.js';
import { holderRecipient, reportResponseDueOn } from './document-rules.js';
import { ALCOHOL_ACT } from './sanction-documents.js';

/**
 * The tillsynsrapport to the licence holder (issue #21; DOMAIN.md §2: every visit gets a written
 * report the holder may answer): the visit, every checklist point with its result and note, what
 * must be remedied and by when, and the holder's right to respond. Reads the same facts as the
 * printable report (inspection-report.ts).
 */
@Injectable()
export class InspectionReportTemplate implements DocumentTemplate, OnModuleInit {
  readonly kind = 'inspection_report' as const;

  constructor(
    private readonly registry: DocumentRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.registerTemplate(this);
  }

  async compose(inspectionId: string, ctx: ComposeContext): Promise<ComposedDocument> {
    const r = await loadReportFacts(this.dataSource, inspectionId);
    if (!r) throw new NotFoundException(`No inspection with id ${inspectionId}.`);
    await ctx.progress(0.5);
    const findings = findingsInChecklistOrder(r);
    const remarks = findings.filter((f) => f.result === 'remark');
    const dueOn = formatDay(reportResponseDueOn(r.reportSentAt ? new Date(r.reportSentAt) : null, ctx.date));
    const filedAs = ctx.registrationNumber ? `och ange diarienummer ${ctx.registrationNumber}` : 'och ange ärendets diarienummer';

    const body: Content[] = [
      paragraph(
        `${r.municipality} har genomfört tillsyn av serveringen på ${r.premisesName} enligt 9 kap. 2 § ${ALCOHOL_ACT}. ` +
          'I denna rapport redovisas vad som iakttogs vid tillsynen.',
      ),
      facts([
        ['Serveringsställe', r.premisesName],
        ['Adress', r.premisesAddress],
        ['Tillståndshavare', r.holderName ? `${r.holderName}${r.holderOrgNumber ? ` (${r.holderOrgNumber})` : ''}` : null],
        ['Typ av tillsyn', inspectionTypeLabel(r.type)],
        ['Datum och tid', formatInstant(new Date(r.plannedStart))],
        ['Inspektörer', r.inspectors.map((i) => `${i.displayName} (${i.organisation})`).join(', ')],
      ]),
      heading('Iakttagelser'),
      findings.length > 0
        ? table(
            ['Kontrollpunkt', 'Resultat', 'Anteckning'],
            findings.map((f) => [f.label, findingResultLabel(f.result), f.note]),
            ['*', 'auto', '*'],
          )
        : emptyNote('Inga kontrollpunkter har protokollförts.'),
      heading('Brister som ska åtgärdas'),
      ...(remarks.length > 0
        ? [
            paragraph(
              `Vid tillsynen noterades ${remarks.length === 1 ? 'följande brist' : `följande ${remarks.length} brister`}. ` +
                `Bristerna ska vara åtgärdade senast den ${dueOn}.`,
            ),
            bullets(remarks.map((f) => (f.note ? `${f.label}: ${f.note}` : f.label))),
            paragraph(
              `Redovisa skriftligen senast den ${dueOn} vilka åtgärder ni har vidtagit. Kommunen följer upp att bristerna är åtgärdade, ` +
                'vid behov genom ett nytt tillsynsbesök.',
            ),
            legalNote(
              `Brister som kvarstår kan leda till att kommunen meddelar en erinran eller en varning eller återkallar serveringstillståndet ` +
                `(9 kap. 17–18 §§ ${ALCOHOL_ACT}).`,
            ),
          ]
        : [emptyNote('Tillsynen gav inga anmärkningar. Ingenting behöver åtgärdas.')]),
      heading('Rätt att yttra sig'),
      paragraph(
        `Ni har rätt att yttra er över rapporten inom ${r.responseDays} dagar, senast den ${dueOn}. ` +
          `Skicka yttrandet till ${ctx.organisation.name}${ctx.organisation.contactEmail ? `, ${ctx.organisation.contactEmail},` : ''} ${filedAs}.`,
      ),
      paragraph(`Med vänlig hälsning\n${ctx.issuedBy.displayName}\n${ctx.organisation.name}`),
    ];
    await ctx.progress(1);
    return {
      title: 'Tillsynsrapport',
      recipient: r.holderName ? holderRecipient({ name: r.holderName, contactName: r.holderContactName, address: r.holderAddress }) : undefined,
      body,
    };
  }
}
