import { Injectable, NotFoundException, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  bullets,
  type ComposeContext,
  type ComposedDocument,
  DocumentRegistry,
  type DocumentTemplate,
  facts,
  heading,
  legalNote,
  paragraph,
  signatureLines,
} from '@samverkan/documents';
import { formatDay, formatInstant } from '@samverkan/platform';
import type { Content } from 'pdfmake';
import type { DataSource } from 'typeorm';
import { DEFAULT_APPEAL_INFORMATION } from '../sanctions/sanction-rules.js';
import { holderRecipient, paragraphsOf } from './document-rules.js';
import { loadSanctionCaseFacts } from './sanction-case-facts.js';
import { appealInstruction, applicableProvisions, DECISION_PROVISIONS, DECISION_TITLES, decisionStatement, NO_APPEAL_NOTE } from './sanction-documents.js';

/**
 * The decision in a sanction case (beslut: erinran, varning, återkallelse or no action, AL 9 kap.
 * 17–18 §§) to the licence holder: the decision, its reasons and the hearing it followed, the legal
 * ground, and how to appeal (förvaltningslagen (2017:900) 33 §, 43–44 §§; AL 10 kap. 1 §).
 */
@Injectable()
export class SanctionDecisionTemplate implements DocumentTemplate, OnModuleInit {
  readonly kind = 'sanction_decision' as const;

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
    // The api's gate refuses a decision letter before the decision (409); a job that finds none is a programming error.
    if (!c.decision || !c.decidedOn) throw new Error(`Sanction case ${caseId} is not decided.`);
    await ctx.progress(0.5);
    const decision = c.decision;
    const appeal = appealInstruction(c.municipality, c.appealCourt);

    const hearing: string[] = [];
    if (c.heardOn) {
      hearing.push(
        c.responseReceivedOn
          ? `${c.holderName} har fått tillfälle att yttra sig över underlaget (kommunicering den ${formatDay(c.heardOn)}) och har yttrat sig den ${formatDay(c.responseReceivedOn)}.`
          : `${c.holderName} har fått tillfälle att yttra sig över underlaget (kommunicering den ${formatDay(c.heardOn)})` +
              `${c.responseDueOn ? ` men har inte yttrat sig inom den angivna tiden, senast den ${formatDay(c.responseDueOn)}` : ' men har inte yttrat sig'}.`,
      );
    }

    const body: Content[] = [
      facts([
        ['Tillståndshavare', `${c.holderName} (${c.holderOrgNumber})`],
        ['Serveringsställe', c.premisesAddress ? `${c.premisesName}, ${c.premisesAddress}` : c.premisesName],
        ['Beslutsdatum', formatDay(c.decidedOn)],
        ['Lagrum', DECISION_PROVISIONS[decision] ?? '–'],
      ]),
      heading('Beslut'),
      paragraph(decisionStatement(decision, c), { bold: true }),
      heading('Skäl för beslutet'),
      ...paragraphsOf(c.decisionReasons).map((p) => paragraph(p)),
      ...(c.inspections.length > 0
        ? [
            paragraph('Beslutet grundar sig på iakttagelser vid följande tillsyn:'),
            bullets(
              c.inspections.flatMap((i) => {
                const visit = `${i.type} ${formatInstant(i.plannedStart)}`;
                if (i.remarks.length === 0) return [`${visit}: inga anmärkningar`];
                return i.remarks.map((r) => `${visit}: ${r.label}${r.note ? ` – ${r.note}` : ''}`);
              }),
            ),
          ]
        : []),
      ...hearing.map((p) => paragraph(p)),
      ...(c.response ? [paragraph('Tillståndshavarens yttrande i sammandrag:'), ...paragraphsOf(c.response).map((p) => paragraph(p, { italics: true }))] : []),
      heading('Tillämpliga bestämmelser'),
      ...applicableProvisions(decision).map((p) => legalNote(p)),
    ];
    await ctx.progress(0.8);
    body.push(heading('Hur man överklagar'));
    if (decision === 'no_action') {
      body.push(paragraph(NO_APPEAL_NOTE));
    } else {
      body.push(...appeal.paragraphs.map((p) => paragraph(p)), bullets(appeal.contents));
      // Appeal information the officer wrote beyond the standard text (DecisionRequest.appealInformation) is printed too.
      if (c.appealInformation && c.appealInformation.trim() !== DEFAULT_APPEAL_INFORMATION) body.push(paragraph(c.appealInformation.trim()));
      body.push(legalNote(appeal.citation));
    }
    body.push(signatureLines([`${c.decidedByName ?? ctx.issuedBy.displayName}, ${c.municipality}`]));
    await ctx.progress(1);
    return {
      title: DECISION_TITLES[decision],
      recipient: holderRecipient({ name: c.holderName, contactName: c.holderContactName, address: c.holderAddress }),
      body,
    };
  }
}
