import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  checkbox,
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
import { AppConfig } from '@samverkan/platform';
import type { DataSource } from 'typeorm';
import { caseReference } from '../youth-deadlines.js';
import { CASE_FORMS, type CaseForm, CATEGORY_KEYS, INFORMATION_CATEGORIES } from '../youth-rules.js';
import { YouthSubjectsService } from '../youth-subjects.service.js';
import { consentSignatureLines, guardianConsentEnds, swedish } from './youth-document-rules.js';

/**
 * Samtycke (issue #21): the consent form of a youth case, ready to sign, filled from the case —
 * the young person, the parties that may exchange information, one box per information category of
 * the catalogue (never offence data, GDPR art. 10), the period, that consent is voluntary and can be
 * withdrawn, the legal ground (OSL 12 kap 2 §, 10 kap 18 a §; GDPR art. 6, 9) and a line for each
 * one who must sign by the age rule (consentSignatureLines; YOUTH_OWN_CONSENT_AGE).
 */
@Injectable()
export class ConsentFormTemplate implements DocumentTemplate, OnModuleInit {
  readonly kind = 'consent_form' as const;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: DocumentRegistry,
    private readonly subjects: YouthSubjectsService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.registerTemplate(this);
  }

  async compose(caseId: string, ctx: ComposeContext): Promise<ComposedDocument> {
    const [theCase] = await this.dataSource.query<
      { subjectId: string | null; form: CaseForm; ownerOrganisation: string; ownerOrganisationId: string; ownerUnit: string; collaborationId: string }[]
    >(
      `SELECT c.subject_id AS "subjectId", c.form, o.name AS "ownerOrganisation", o.id AS "ownerOrganisationId", un.name AS "ownerUnit",
              c.collaboration_id AS "collaborationId"
       FROM youth_cases c JOIN organisations o ON o.id = c.owner_organisation_id JOIN units un ON un.id = c.owner_unit_id WHERE c.id = $1`,
      [caseId],
    );
    // The api let the request through a moment ago; a case purged since has nothing to fill in.
    if (!theCase?.subjectId) throw new Error(`Youth case ${caseId} has no young person to fill in.`);
    const subject = this.subjects.view(await this.subjects.sealed(theCase.subjectId));
    // The parties of the case's collaboration other than the owner: the police area and any partners.
    const parties = await this.dataSource.query<{ name: string; kind: string }[]>(
      `SELECT o.name, o.kind FROM collaborations k JOIN organisations o ON o.id = k.police_organisation_id WHERE k.id = $1
       UNION
       SELECT o.name, o.kind FROM collaboration_partners p JOIN organisations o ON o.id = p.organisation_id WHERE p.collaboration_id = $1
       ORDER BY 1`,
      [theCase.collaborationId],
    );
    await ctx.progress(0.5);

    const reference = caseReference(caseId);
    const signers = consentSignatureLines(subject.name, subject.birthDate, ctx.date, this.config.YOUTH_OWN_CONSENT_AGE);
    const guardiansSign = signers.some((s) => s.startsWith('Vårdnadshavare'));
    const consentable = CATEGORY_KEYS.filter((c) => !INFORMATION_CATEGORIES[c].offenceData);
    const contact = [ctx.organisation.contactPhone, ctx.organisation.contactEmail].filter(Boolean).join(', ');

    return {
      title: 'Samtycke till informationsutbyte',
      body: [
        paragraph(
          `${theCase.ownerOrganisation}, ${theCase.ownerUnit.toLocaleLowerCase('sv')}, ber om samtycke till att uppgifter om den unge får lämnas mellan de parter som ` +
            `samverkar kring den unge (${swedish(CASE_FORMS[theCase.form].label)}). Uppgifter hos socialtjänsten omfattas av sekretess; med samtycket får de ` +
            'lämnas till de parter och i den omfattning som kryssas i nedan, under den tid som anges.',
        ),
        heading('Den unge'),
        facts([
          ['Namn', subject.name],
          ['Personnummer', subject.personalNumber],
          ['Ärende', reference],
        ]),
        heading('Vem som får lämna och ta emot uppgifter'),
        facts([['Uppgifterna lämnas av', `${theCase.ownerOrganisation}, ${theCase.ownerUnit}`]]),
        paragraph('Uppgifterna får lämnas till och utbytas med (kryssa i):'),
        ...parties.map((p) => checkbox(p.kind === 'police' ? `${p.name} (Polisen)` : p.name)),
        heading('Vilka uppgifter som får lämnas'),
        paragraph('Kryssa i de slag av uppgifter samtycket gäller. Grunduppgifter lämnas alltid när något annat lämnas.'),
        ...consentable.map((c) => checkbox(swedish(INFORMATION_CATEGORIES[c].label))),
        legalNote(
          'Uppgifter om brott och misstankar om brott omfattas aldrig av ett samtycke (GDPR art. 10); sådana uppgifter lämnas bara med stöd av lag, ' +
            'till exempel OSL 10 kap 18 a §.',
        ),
        heading('Hur länge samtycket gäller'),
        paragraph('Samtycket gäller från och med ____________________ till och med ____________________.'),
        ...(guardiansSign
          ? [
              paragraph(
                `Ett samtycke från vårdnadshavare gäller längst till och med ${guardianConsentEnds(subject.birthDate)}, dagen innan den unge fyller 18 år.`,
              ),
            ]
          : []),
        heading('Samtycket är frivilligt'),
        paragraph(
          'Det är frivilligt att lämna samtycke, och att inte göra det påverkar inte rätten till stöd och hjälp. Samtycket kan när som helst återkallas, ' +
            `helt eller delvis, muntligen eller skriftligen hos ${theCase.ownerOrganisation}${contact ? ` (${contact})` : ''}. Från återkallelsen lämnas inga ` +
            'fler uppgifter med stöd av samtycket; uppgifter som redan har lämnats kan inte tas tillbaka.',
        ),
        heading('Rättslig grund'),
        legalNote(
          'Uppgifter om enskildas personliga förhållanden hos socialtjänsten omfattas av sekretess (OSL 26 kap 1 §). Den enskilde kan helt eller delvis ' +
            'häva sekretessen genom samtycke (OSL 12 kap 2 §); för den som är under 18 år lämnas samtycket av vårdnadshavare, och av den unge själv när ' +
            `den unge har fyllt ${this.config.YOUTH_OWN_CONSENT_AGE} år. Utan samtycke får socialtjänsten lämna uppgifter till polisen om en person under ` +
            '21 år endast under de förutsättningar som anges i OSL 10 kap 18 a §.',
        ),
        legalNote(
          'Personuppgifterna behandlas för socialtjänstens uppgifter av allmänt intresse och som ett led i myndighetsutövning (GDPR art. 6.1 e), ' +
            'uppgifter om hälsa för socialtjänstens omsorg (GDPR art. 9.2 h). Du har rätt att få veta vilka uppgifter som finns om dig (registerutdrag, ' +
            'GDPR art. 15) och att få felaktiga uppgifter rättade (GDPR art. 16).',
        ),
        heading('Underskrift'),
        paragraph('Jag har tagit del av informationen ovan och samtycker till att uppgifterna lämnas som jag har kryssat i.'),
        signatureLines(signers),
      ],
    };
  }
}
