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
import { hearingLetterDueOn, holderRecipient, paragraphsOf } from './document-rules.js';
import { loadSanctionCaseFacts } from './sanction-case-facts.js';
import { consideredSanctionText, hearingIntroduction, NO_ANSWER_NOTE } from './sanction-documents.js';

/**
 * The hearing letter (kommunicering, förvaltningslagen (2017:900) 25 §) to the licence holder
 * before a sanction decision: what the municipality considers and on what grounds, the
 * inspections it rests on, the sanction under consideration, and by when and how to answer.
 */
@Injectable()
export class HearingLetterTemplate implements DocumentTemplate, OnModuleInit {
  readonly kind = 'hearing_letter' as const;

  constructor(
    private readonly registry: DocumentRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.registerTemplate(this);
  }

  async compose(caseId: string, ctx: ComposeContext): Promise<ComposedDocument> {
    const c = await loadSanctionCaseFacts(this.dataSource, caseId);
    if (!c) throw new NotFoundException(`No sanction case with id ${caseId}.`);
    await ctx.progress(0.5);
    const dueOn = formatDay(hearingLetterDueOn(c.responseDueOn, ctx.date));
    const filedAs = ctx.registrationNumber ? `Ange diarienummer ${ctx.registrationNumber} i ert svar.` : 'Ange ärendets diarienummer i ert svar.';
    const contact = [
      ctx.organisation.contactEmail && `e-post ${ctx.organisation.contactEmail}`,
      ctx.organisation.contactPhone && `telefon ${ctx.organisation.contactPhone}`,
    ]
      .filter(Boolean)
      .join(' eller ');

    const body: Content[] = [
      paragraph(hearingIntroduction(c.municipality, c.premisesName)),
      facts([
        ['Tillståndshavare', `${c.holderName} (${c.holderOrgNumber})`],
        ['Serveringsställe', c.premisesAddress ? `${c.premisesName}, ${c.premisesAddress}` : c.premisesName],
        ['Svar senast', dueOn],
      ]),
      heading('Vad kommunen överväger'),
      paragraph(consideredSanctionText(c.consideredSanction)),
      heading('Skäl'),
      ...paragraphsOf(c.grounds).map((p) => paragraph(p)),
      heading('Underlag'),
      c.inspections.length > 0
        ? table(
            ['Tillsyn', 'Typ', 'Anmärkningar'],
            c.inspections.map((i) => [
              formatInstant(i.plannedStart),
              i.type,
              i.remarks.length > 0 ? i.remarks.map((r) => (r.note ? `${r.label}: ${r.note}` : r.label)).join('\n') : 'Inga anmärkningar',
            ]),
            ['auto', 'auto', '*'],
          )
        : emptyNote('Ärendet grundar sig inte på någon protokollförd tillsyn; underlaget framgår av skälen ovan.'),
      paragraph('Ni har rätt att ta del av samtliga handlingar i ärendet. Kontakta kommunen om ni vill få dem skickade till er.'),
      heading('Så lämnar ni ert svar'),
      paragraph(`Ni har möjlighet att yttra er skriftligen över underlaget. Ert svar ska ha kommit in till ${c.municipality} senast den ${dueOn}.`),
      bullets([
        `Skicka svaret till ${c.municipality}${contact ? `, ${contact}` : ''}.`,
        filedAs,
        'Beskriv vad ni anser om uppgifterna ovan och vilka åtgärder ni har vidtagit eller tänker vidta.',
        'Bifoga de handlingar som ni vill att kommunen ska ta hänsyn till.',
      ]),
      paragraph(NO_ANSWER_NOTE),
      legalNote('Kommunicering enligt 25 § förvaltningslagen (2017:900) inför beslut enligt 9 kap. 17–18 §§ alkohollagen (2010:1622).'),
      paragraph(`Med vänlig hälsning\n${ctx.issuedBy.displayName}\n${ctx.organisation.name}`),
    ];
    await ctx.progress(1);
    return {
      title: 'Kommunicering inför beslut i tillsynsärende',
      recipient: holderRecipient({ name: c.holderName, contactName: c.holderContactName, address: c.holderAddress }),
      body,
    };
  }
}
