import { Injectable, type OnModuleInit } from '@nestjs/common';
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
  subheading,
  table,
} from '@samverkan/documents';
import { AppConfig, FieldCipher } from '@samverkan/platform';
import type { Content } from 'pdfmake';
import type { DataSource } from 'typeorm';
import { type SealedSigners, withSigners } from '../consent-signers.js';
import { caseReference } from '../youth-deadlines.js';
import {
  CASE_FORMS,
  type CaseForm,
  type CaseStatus,
  DISCLOSURE_GROUNDS,
  type DisclosureGround,
  type EntryKind,
  INFORMATION_CATEGORIES,
  type InformationCategory,
  type MeetingKind,
  OSL_18A_CRITERIA,
  type PlanItemStatus,
  RETENTION_CLASSES,
  type RetentionClass,
  RISK_FACTORS,
  type RiskFactor,
} from '../youth-rules.js';
import { YouthSubjectsService } from '../youth-subjects.service.js';
import { MEETING_TITLES, PLAN_STATUS_LABELS } from './meeting-minutes.template.js';
import { attendeesByRole, type Official, officialLabel, officialUnitSql, READ_ACTION_PATTERN, swedish } from './youth-document-rules.js';

export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  concern_raised: 'Oro anmäld',
  assessment: 'Bedömning',
  awaiting_consent: 'Inväntar samtycke',
  mapping: 'Kartläggning',
  plan_active: 'Plan pågår',
  follow_up: 'Uppföljning',
  closed: 'Avslutat',
  purged: 'Gallrat',
};
const ENTRY_KIND_LABELS: Readonly<Record<EntryKind, string>> = { journal: 'Journalanteckning', meeting_minutes: 'Mötesanteckningar' };

const category = (c: string) => swedish(INFORMATION_CATEGORIES[c as InformationCategory]?.label ?? c);
const categories = (cs: readonly string[]) => cs.map(category).join('; ');
const ground = (g: DisclosureGround) => swedish(DISCLOSURE_GROUNDS[g]);

/** An official as rows carry them: name, unit and organisation columns under one prefix. */
const official = (prefix: string) =>
  `${prefix}.display_name AS "${prefix}Name", ${officialUnitSql(prefix)} AS "${prefix}Unit",
   (SELECT o.name FROM organisations o WHERE o.id = ${prefix}.organisation_id) AS "${prefix}Organisation"`;
type OfficialColumns<P extends string> = { [K in `${P}Name` | `${P}Unit` | `${P}Organisation`]: string | null };
const officialOf = <P extends string>(row: OfficialColumns<P>, prefix: P): Official | null =>
  row[`${prefix}Name`] || row[`${prefix}Unit`] ? { name: row[`${prefix}Name`], unit: row[`${prefix}Unit`], organisation: row[`${prefix}Organisation`] } : null;

interface CaseRow extends OfficialColumns<'k'> {
  id: string;
  form: CaseForm;
  status: CaseStatus;
  riskFactors: RiskFactor[];
  openedOn: string;
  closedOn: string | null;
  purgeOn: string | null;
  retentionClass: RetentionClass;
  ownerUnit: string;
  ownerOrganisation: string;
}

/**
 * Registerutdrag (GDPR art. 15, issue #21): everything the municipality's social services hold
 * about one young person — identity, every case and what is written in it, consents, files, every
 * disclosure (to whom, what, when, on what ground), which units read the records and when (the audit
 * trail, HSLF-FS 2016:40 4 kap 9 §), the purposes, legal grounds, retention and the person's rights.
 *
 * Nothing of any other private person (GDPR art. 15.4): guardians appear as "vårdnadshavare", meeting
 * attendees and task owners by role only; officials by unit, or by name too, as the authority has
 * chosen (REGISTER_EXTRACT_OFFICIALS). Police data is not part of it: only the municipality's own
 * cases; disclosures to the police are listed as the municipality's own record of them.
 */
@Injectable()
export class RegisterExtractTemplate implements DocumentTemplate, OnModuleInit {
  readonly kind = 'register_extract' as const;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: DocumentRegistry,
    private readonly subjects: YouthSubjectsService,
    private readonly cipher: FieldCipher,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.registerTemplate(this);
  }

  async compose(subjectId: string, ctx: ComposeContext): Promise<ComposedDocument> {
    const mode = this.config.REGISTER_EXTRACT_OFFICIALS;
    const who = (o: Official | null) => (o ? officialLabel(o, mode) : '–');
    const sealed = await this.subjects.sealed(subjectId);
    const subject = this.subjects.view(sealed);
    const [{ registeredOn }] = await this.dataSource.query<{ registeredOn: string }[]>(
      `SELECT to_char(created_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') AS "registeredOn" FROM youth_subjects WHERE id = $1`,
      [subjectId],
    );

    // Only the cases of the person's own organisation (the municipality): nothing another body holds.
    const cases = await this.dataSource.query<CaseRow[]>(
      `SELECT c.id, c.form, c.status, c.risk_factors AS "riskFactors", to_char(c.created_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') AS "openedOn",
              to_char(c.closed_on, 'YYYY-MM-DD') AS "closedOn", to_char(c.purge_on, 'YYYY-MM-DD') AS "purgeOn", c.retention_class AS "retentionClass",
              un.name AS "ownerUnit", o.name AS "ownerOrganisation", ${official('k')}
       FROM youth_cases c JOIN organisations o ON o.id = c.owner_organisation_id JOIN units un ON un.id = c.owner_unit_id
       LEFT JOIN users k ON k.id = c.coordinator_user_id
       WHERE c.subject_id = $1 AND c.owner_organisation_id = $2 AND c.status <> 'purged' ORDER BY c.created_at`,
      [subjectId, sealed.owner_organisation_id],
    );
    const ids = cases.map((c) => c.id);
    await ctx.progress(0.15);

    const [entries, meetings, plan, consents, attachments, disclosures] = await Promise.all([
      this.dataSource.query<({ caseId: string; kind: EntryKind; category: string; occurredOn: string; body: string } & OfficialColumns<'a'>)[]>(
        `SELECT e.case_id AS "caseId", e.kind, e.category, to_char(e.occurred_on, 'YYYY-MM-DD') AS "occurredOn", e.body, ${official('a')}
         FROM youth_entries e LEFT JOIN users a ON a.id = e.author_id WHERE e.case_id = ANY($1::uuid[]) ORDER BY e.occurred_on, e.created_at`,
        [ids],
      ),
      this.dataSource.query<{ id: string; caseId: string; kind: MeetingKind; plannedAt: string; heldOn: string | null; attendees: string }[]>(
        `SELECT m.id, m.case_id AS "caseId", m.kind, to_char(m.planned_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') AS "plannedAt",
                to_char(m.held_on, 'YYYY-MM-DD') AS "heldOn", m.attendees
         FROM youth_meetings m WHERE m.case_id = ANY($1::uuid[]) ORDER BY m.planned_at`,
        [ids],
      ),
      this.dataSource.query<
        ({ caseId: string; goal: string; task: string; ownerDescription: string; dueOn: string; status: PlanItemStatus } & OfficialColumns<'p'>)[]
      >(
        `SELECT i.case_id AS "caseId", i.goal, i.task, i.owner_description AS "ownerDescription", to_char(i.due_on, 'YYYY-MM-DD') AS "dueOn", i.status, ${official('p')}
         FROM youth_plan_items i LEFT JOIN users p ON p.id = i.owner_user_id WHERE i.case_id = ANY($1::uuid[]) ORDER BY i.due_on, i.created_at`,
        [ids],
      ),
      this.dataSource.query<
        ({
          caseId: string;
          categories: string[];
          recipients: string[];
          signedOn: string;
          validFrom: string;
          validUntil: string;
          withdrawnOn: string | null;
        } & SealedSigners)[]
      >(
        `SELECT k.case_id AS "caseId", k.key_id, k.signers_sealed, k.categories, to_char(k.signed_on, 'YYYY-MM-DD') AS "signedOn",
                to_char(k.valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(k.valid_until, 'YYYY-MM-DD') AS "validUntil",
                to_char(k.withdrawn_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') AS "withdrawnOn",
                ARRAY(SELECT o.name FROM organisations o WHERE o.id = ANY(k.organisation_ids) ORDER BY o.name) AS recipients
         FROM youth_consents k WHERE k.case_id = ANY($1::uuid[]) ORDER BY k.valid_from`,
        [ids],
      ),
      this.dataSource.query<{ caseId: string; fileName: string; category: string; uploadedOn: string }[]>(
        `SELECT a.record_id AS "caseId", a.file_name AS "fileName", a.category, to_char(a.uploaded_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') AS "uploadedOn"
         FROM attachments a WHERE a.record_type = 'youth_case' AND a.record_id = ANY($1::uuid[]) ORDER BY a.uploaded_at`,
        [ids],
      ),
      this.dataSource.query<
        ({
          caseId: string;
          ground: DisclosureGround;
          fromName: string;
          toName: string;
          categories: string[];
          justification: string;
          criteria: Record<string, boolean> | null;
          decidedOn: string;
        } & OfficialColumns<'d'>)[]
      >(
        `SELECT x.case_id AS "caseId", x.ground, fo.name AS "fromName", tor.name AS "toName", x.categories, x.justification, x.criteria,
                to_char(x.decided_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') AS "decidedOn", ${official('d')}
         FROM youth_disclosures x JOIN organisations fo ON fo.id = x.from_organisation_id JOIN organisations tor ON tor.id = x.to_organisation_id
         LEFT JOIN users d ON d.id = x.decided_by WHERE x.case_id = ANY($1::uuid[]) ORDER BY x.decided_at`,
        [ids],
      ),
    ]);
    await ctx.progress(0.45);

    // Who read and changed the person's records, from the audit trail, by unit and day (HSLF-FS 2016:40 4 kap 9 §).
    const byName = mode === 'name';
    const reads = await this.dataSource.query<
      { day: string; organisation: string | null; unit: string | null; name: string | null; reads: number; changes: number }[]
    >(
      `SELECT to_char(a.occurred_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') AS day, o.name AS organisation, un.name AS unit,
              ${byName ? 'u.display_name' : 'NULL::text'} AS name,
              count(*) FILTER (WHERE a.action ~ $4)::int AS reads, count(*) FILTER (WHERE a.action !~ $4)::int AS changes
       FROM audit_events a LEFT JOIN organisations o ON o.id = a.actor_organisation_id LEFT JOIN units un ON un.id = a.actor_unit_id
       LEFT JOIN users u ON u.id = a.actor_user_id
       WHERE a.outcome = 'success' AND a.actor_user_id IS NOT NULL
         AND ((a.resource_type = 'youth_case' AND a.resource_id = ANY($1::text[]))
           OR (a.resource_type = 'youth_meeting' AND a.resource_id = ANY($2::text[]))
           OR (a.resource_type = 'youth_subject' AND a.resource_id = $3))
       GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
      [ids, meetings.map((m) => m.id), subjectId, READ_ACTION_PATTERN],
    );
    // The documents issued from the cases and their meetings (consent forms, minutes); previews are nobody's record.
    const issuedDocuments = await this.dataSource.query<
      { caseId: string; title: string | null; version: number; registrationNumber: string; issuedOn: string; sentOn: string | null }[]
    >(
      `SELECT coalesce(m.case_id, d.record_id) AS "caseId", d.title, d.version, d.registration_number AS "registrationNumber",
              to_char(d.requested_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') AS "issuedOn", to_char(d.sent_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') AS "sentOn"
       FROM documents d LEFT JOIN youth_meetings m ON d.record_type = 'youth_meeting' AND m.id = d.record_id
       WHERE d.version IS NOT NULL AND ((d.record_type = 'youth_case' AND d.record_id = ANY($1::uuid[])) OR (d.record_type = 'youth_meeting' AND d.record_id = ANY($2::uuid[])))
       ORDER BY d.requested_at`,
      [ids, meetings.map((m) => m.id)],
    );
    await ctx.progress(0.7);

    const ofCase = <T extends { caseId: string }>(rows: T[], id: string) => rows.filter((r) => r.caseId === id);
    const caseParts: Content[] = cases.flatMap((c) => {
      const notes = ofCase(entries, c.id);
      const caseMeetings = ofCase(meetings, c.id);
      const items = ofCase(plan, c.id);
      const caseConsents = ofCase(consents, c.id).map((k) => withSigners(this.cipher, k));
      const files = ofCase(attachments, c.id);
      const documents = ofCase(issuedDocuments, c.id);
      return [
        subheading(`Ärende ${caseReference(c.id)} – ${swedish(CASE_FORMS[c.form].label)}`),
        facts([
          ['Status', CASE_STATUS_LABELS[c.status]],
          ['Öppnat', c.openedOn],
          ['Avslutat', c.closedOn],
          ['Ansvarig enhet', `${c.ownerUnit}, ${c.ownerOrganisation}`],
          ['Samordnare', who(officialOf(c, 'k'))],
          ['Riskfaktorer', c.riskFactors.map((r) => swedish(RISK_FACTORS[r]?.label ?? r)).join('; ')],
          ['Gallring', c.purgeOn ? `Ärendet gallras ${c.purgeOn}` : swedish(RETENTION_CLASSES[c.retentionClass].label)],
        ]),
        paragraph('Anteckningar', { bold: true }),
        ...(notes.length > 0
          ? notes.flatMap((e) => [
              paragraph(`${e.occurredOn} · ${ENTRY_KIND_LABELS[e.kind]} · ${category(e.category)} · ${who(officialOf(e, 'a'))}`, { italics: true }),
              paragraph(e.body),
            ])
          : [emptyNote('Inga anteckningar.')]),
        paragraph('Möten', { bold: true }),
        caseMeetings.length > 0
          ? table(
              ['Möte', 'Planerat', 'Hölls', 'Deltagare'],
              caseMeetings.map((m) => [MEETING_TITLES[m.kind], m.plannedAt, m.heldOn, attendeesByRole(m.attendees, subject.name).join(', ')]),
            )
          : emptyNote('Inga möten.'),
        paragraph('Plan', { bold: true }),
        items.length > 0
          ? table(
              ['Mål', 'Uppgift', 'Ansvarig', 'Klart senast', 'Status'],
              items.map((i) => {
                const owner = officialOf(i, 'p');
                return [
                  i.goal,
                  i.task,
                  owner ? who(owner) : attendeesByRole(i.ownerDescription, subject.name, 'annan person').join(', '),
                  i.dueOn,
                  PLAN_STATUS_LABELS[i.status],
                ];
              }),
            )
          : emptyNote('Ingen plan.'),
        paragraph('Samtycken', { bold: true }),
        caseConsents.length > 0
          ? table(
              ['Undertecknat', 'Giltigt', 'Återkallat', 'Uppgifter', 'Till', 'Undertecknat av'],
              caseConsents.map((k) => [
                k.signedOn,
                `${k.validFrom} – ${k.validUntil}`,
                k.withdrawnOn ?? 'Nej',
                categories(k.categories),
                k.recipients.join(', '),
                // Guardians by their role only: the extract names no other private person (GDPR art. 15.4).
                [...new Set(k.signers.map((s) => (s.role === 'guardian' ? 'vårdnadshavare' : 'du själv')))].join(', '),
              ]),
            )
          : emptyNote('Inga samtycken.'),
        paragraph('Filer', { bold: true }),
        files.length > 0
          ? table(
              ['Fil', 'Slag av uppgift', 'Tillagd'],
              files.map((f) => [f.fileName, category(f.category), f.uploadedOn]),
            )
          : emptyNote('Inga filer.'),
        paragraph('Utfärdade handlingar', { bold: true }),
        documents.length > 0
          ? table(
              ['Handling', 'Version', 'Diarienummer', 'Utfärdad', 'Skickad'],
              documents.map((d) => [d.title, d.version, d.registrationNumber, d.issuedOn, d.sentOn]),
              ['*', 'auto', 'auto', 'auto', 'auto'],
            )
          : emptyNote('Inga utfärdade handlingar.'),
      ];
    });
    await ctx.progress(0.85);

    const classes = [...new Set(cases.map((c) => c.retentionClass))];
    const contact = [ctx.organisation.contactPhone, ctx.organisation.contactEmail, ctx.organisation.contactUrl].filter(Boolean).join(', ');
    return {
      title: 'Registerutdrag',
      body: [
        paragraph(
          `Det här är ett utdrag ur ${ctx.organisation.name}s register över de uppgifter socialtjänsten behandlar om dig i samverkan med polisen och ` +
            `andra parter, per ${ctx.date} (dataskyddsförordningen, GDPR art. 15). Utdraget omfattar kommunens egna uppgifter; uppgifter som polisen ` +
            'själv behandlar begär du ut hos Polismyndigheten.',
        ),
        heading('Dina uppgifter'),
        facts([
          ['Namn', subject.name],
          [subject.coordinationNumber ? 'Samordningsnummer' : 'Personnummer', this.subjects.fullNumber(sealed)],
          ['Födelsedatum', subject.birthDate],
          ['Registrerad', registeredOn],
        ]),
        heading('Ärenden'),
        cases.length > 0
          ? table(
              ['Ärende', 'Form', 'Status', 'Öppnat', 'Avslutat', 'Enhet'],
              cases.map((c) => [caseReference(c.id), swedish(CASE_FORMS[c.form].label), CASE_STATUS_LABELS[c.status], c.openedOn, c.closedOn, c.ownerUnit]),
              ['auto', '*', 'auto', 'auto', 'auto', '*'],
            )
          : emptyNote('Det finns inga ärenden om dig.'),
        ...caseParts,
        heading('Utlämnade uppgifter'),
        paragraph('Varje gång uppgifter om dig har lämnats ut eller tagits emot: till vem, vilka slag av uppgifter, när och med vilket stöd.'),
        disclosures.length > 0
          ? table(
              ['Datum', 'Från', 'Till', 'Uppgifter', 'Grund', 'Beslutat av', 'Ärende'],
              disclosures.map((d) => [
                d.decidedOn,
                d.fromName,
                d.toName,
                categories(d.categories),
                ground(d.ground),
                who(officialOf(d, 'd')),
                caseReference(d.caseId),
              ]),
              ['auto', '*', '*', '*', '*', '*', 70],
            )
          : emptyNote('Inga uppgifter om dig har lämnats ut.'),
        ...disclosures.flatMap((d) => [
          paragraph(
            `${d.decidedOn}: ${categories(d.categories)} från ${d.fromName} till ${d.toName} med stöd av ${ground(d.ground)}. Motivering: ${d.justification}`,
          ),
          ...(d.ground === 'osl_10_18a' && d.criteria
            ? [
                bullets(
                  (Object.keys(OSL_18A_CRITERIA) as (keyof typeof OSL_18A_CRITERIA)[]).map(
                    (k) => `${OSL_18A_CRITERIA[k]}: ${d.criteria?.[k] ? 'bedömt uppfyllt' : 'inte bedömt'}`,
                  ),
                ),
              ]
            : []),
        ]),
        heading('Vilka som har tagit del av uppgifterna'),
        paragraph('Varje läsning och ändring av dina uppgifter loggas. Här är de per dag och enhet.'),
        reads.length > 0
          ? table(
              byName ? ['Dag', 'Organisation', 'Enhet', 'Tjänsteperson', 'Läsningar', 'Ändringar'] : ['Dag', 'Organisation', 'Enhet', 'Läsningar', 'Ändringar'],
              reads.map((r) => (byName ? [r.day, r.organisation, r.unit, r.name, r.reads, r.changes] : [r.day, r.organisation, r.unit, r.reads, r.changes])),
            )
          : emptyNote('Ingen har läst eller ändrat uppgifterna.'),
        heading('Varför uppgifterna behandlas och med vilket stöd'),
        bullets([
          'Att utreda och ge stöd till barn och unga och att förebygga att unga hamnar i brott (socialtjänstlagen, SoL 5 kap 1 § och 14 kap 1 §).',
          'Att samverka med skola, polis och fritid kring dig, med ditt eller dina vårdnadshavares samtycke (OSL 12 kap 2 §).',
          'Att lämna uppgifter till polisen när lagen tillåter det utan samtycke (OSL 10 kap 18 a §), och att ta emot orosanmälningar (SoL 14 kap 1 §).',
          'Rättslig grund: uppgift av allmänt intresse och myndighetsutövning (GDPR art. 6.1 e); uppgifter om hälsa för socialtjänstens omsorg ' +
            '(GDPR art. 9.2 h); uppgifter om brott bara med stöd av lag (GDPR art. 10).',
        ]),
        heading('Hur länge uppgifterna sparas'),
        ...(classes.length > 0 ? [bullets(classes.map((k) => swedish(RETENTION_CLASSES[k].label)))] : []),
        paragraph(
          'Anteckningar i socialtjänstens ärenden gallras fem år efter den sista anteckningen, senast under året därefter (SoL 12 kap 1 §). ' +
            'Uppgifter om den som är född den 5, 15 eller 25 i en månad sparas för forskning (SoL 12 kap 2 §). Loggen över vem som har tagit del av ' +
            'uppgifterna sparas i minst fem år.',
        ),
        heading('Dina rättigheter'),
        bullets([
          'Att få felaktiga uppgifter rättade och ofullständiga kompletterade (GDPR art. 16).',
          'Att begära att uppgifter raderas eller att behandlingen begränsas, i den mån socialtjänstlagen och arkivlagen inte kräver att de sparas (GDPR art. 17 och 18).',
          'Att invända mot behandlingen (GDPR art. 21) och att när som helst återkalla ett samtycke.',
          'Att klaga hos Integritetsskyddsmyndigheten, IMY (GDPR art. 77).',
        ]),
        legalNote(
          `Frågor om utdraget och begäran om rättelse: ${ctx.organisation.name}${contact ? `, ${contact}` : ''}. Utdraget innehåller inga uppgifter om andra ` +
            'enskilda personer (GDPR art. 15.4); vårdnadshavare och andra deltagare anges med sin roll.',
        ),
      ],
    };
  }
}
