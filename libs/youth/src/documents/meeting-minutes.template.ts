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
  paragraph,
  signatureLines,
  table,
} from '@samverkan/documents';
import type { DataSource } from 'typeorm';
import { caseReference } from '../youth-deadlines.js';
import type { MeetingKind, PlanItemStatus } from '../youth-rules.js';
import { YouthSubjectsService } from '../youth-subjects.service.js';
import { attendeesByRole, officialLabel, officialUnitSql } from './youth-document-rules.js';

export const MEETING_TITLES: Readonly<Record<MeetingKind, string>> = { network: 'Nätverksmöte', follow_up: 'Uppföljningsmöte' };
export const PLAN_STATUS_LABELS: Readonly<Record<PlanItemStatus, string>> = { open: 'Pågår', done: 'Klar', cancelled: 'Avbruten' };

/**
 * Protokoll (issue #21): the minutes of a held network or follow-up meeting of a youth case — its
 * kind and time, who took part (officials by name, unit and organisation; private persons by role
 * only, GDPR art. 5.1 c), the minutes as recorded (the meeting's minutes entry, youth-records.service.ts)
 * and the case's plan as it stands.
 */
@Injectable()
export class MeetingMinutesTemplate implements DocumentTemplate, OnModuleInit {
  readonly kind = 'meeting_minutes' as const;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: DocumentRegistry,
    private readonly subjects: YouthSubjectsService,
  ) {}

  onModuleInit(): void {
    this.registry.registerTemplate(this);
  }

  async compose(meetingId: string, ctx: ComposeContext): Promise<ComposedDocument> {
    const [meeting] = await this.dataSource.query<
      {
        caseId: string;
        subjectId: string | null;
        kind: MeetingKind;
        plannedAt: string;
        heldOn: string | null;
        attendees: string;
        minutes: string | null;
        authorName: string | null;
        authorUnit: string | null;
        authorOrganisation: string | null;
        coordinatorName: string | null;
        coordinatorUnit: string | null;
        coordinatorOrganisation: string | null;
      }[]
    >(
      `SELECT m.case_id AS "caseId", c.subject_id AS "subjectId", m.kind,
              to_char(m.planned_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD "kl." HH24:MI') AS "plannedAt",
              to_char(m.held_on, 'YYYY-MM-DD') AS "heldOn", m.attendees, e.body AS minutes,
              a.name AS "authorName", a.unit AS "authorUnit", a.organisation AS "authorOrganisation",
              k.name AS "coordinatorName", k.unit AS "coordinatorUnit", k.organisation AS "coordinatorOrganisation"
       FROM youth_meetings m JOIN youth_cases c ON c.id = m.case_id
       LEFT JOIN youth_entries e ON e.id = m.minutes_entry_id
       LEFT JOIN LATERAL (SELECT u.display_name AS name, ${officialUnitSql('u')} AS unit, o.name AS organisation
                          FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.id = e.author_id) a ON true
       LEFT JOIN LATERAL (SELECT u.display_name AS name, ${officialUnitSql('u')} AS unit, o.name AS organisation
                          FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.id = c.coordinator_user_id) k ON true
       WHERE m.id = $1`,
      [meetingId],
    );
    if (!meeting) throw new Error(`No youth meeting ${meetingId}.`);
    const youngPerson = meeting.subjectId ? this.subjects.view(await this.subjects.sealed(meeting.subjectId)).name : null;
    const plan = await this.dataSource.query<{ goal: string; task: string; owner: string; dueOn: string; status: PlanItemStatus }[]>(
      `SELECT p.goal, p.task, coalesce(u.display_name, p.owner_description) AS owner, to_char(p.due_on, 'YYYY-MM-DD') AS "dueOn", p.status
       FROM youth_plan_items p LEFT JOIN users u ON u.id = p.owner_user_id WHERE p.case_id = $1 ORDER BY p.due_on, p.created_at`,
      [meeting.caseId],
    );
    await ctx.progress(0.6);

    const author = meeting.authorName ? { name: meeting.authorName, unit: meeting.authorUnit, organisation: meeting.authorOrganisation } : null;
    const coordinator = meeting.coordinatorName
      ? { name: meeting.coordinatorName, unit: meeting.coordinatorUnit, organisation: meeting.coordinatorOrganisation }
      : null;
    const officials = [
      ...(coordinator ? [`${officialLabel(coordinator, 'name')} (samordnare)`] : []),
      ...(author && author.name !== coordinator?.name ? [`${officialLabel(author, 'name')} (protokollförare)`] : []),
    ];
    const others = attendeesByRole(meeting.attendees, youngPerson);

    return {
      title: `Protokoll – ${MEETING_TITLES[meeting.kind].toLocaleLowerCase('sv')}`,
      body: [
        facts([
          ['Ärende', caseReference(meeting.caseId)],
          ['Möte', MEETING_TITLES[meeting.kind]],
          ['Planerat', meeting.plannedAt],
          ['Hölls', meeting.heldOn],
        ]),
        heading('Närvarande'),
        ...(officials.length > 0 ? [paragraph('Tjänstepersoner:', { bold: true }), bullets(officials)] : []),
        ...(others.length > 0 ? [paragraph('Övriga deltagare (efter roll):', { bold: true }), bullets(others)] : []),
        ...(officials.length === 0 && others.length === 0 ? [emptyNote('Inga deltagare är antecknade.')] : []),
        heading('Anteckningar'),
        meeting.minutes ? paragraph(meeting.minutes) : emptyNote('Inga anteckningar är sparade från mötet.'),
        heading('Planen'),
        plan.length > 0
          ? table(
              ['Mål', 'Uppgift', 'Ansvarig', 'Klart senast', 'Status'],
              plan.map((p) => [p.goal, p.task, p.owner, p.dueOn, PLAN_STATUS_LABELS[p.status]]),
              ['*', '*', 'auto', 'auto', 'auto'],
            )
          : emptyNote('Ärendet har ingen plan ännu.'),
        signatureLines([author ? `${author.name} (protokollförare)` : 'Protokollförare']),
      ],
    };
  }
}
