import { Injectable, NotFoundException, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, type Principal, scopesFor } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { type DocumentGate, type DocumentRecord, DocumentRegistry } from '@samverkan/documents';
import { ProblemException } from '@samverkan/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { YouthCaseAccess } from '../youth-case-access.js';
import { caseReference } from '../youth-deadlines.js';
import type { InformationCategory } from '../youth-rules.js';
import { YouthSubjectsService } from '../youth-subjects.service.js';

/** The reference a register extract carries on every page: never the name or number of the person (the page header travels). */
export function subjectReference(subjectId: string): string {
  return `UP-${subjectId.slice(0, 8).toUpperCase()}`;
}

/**
 * Documents of a youth case (the consent form) follow the case (issue #21): seen by whoever sees
 * the case (OSL 10 kap 18 a §, 12 kap 2 §: a recipient only while a consent or disclosure covers
 * them), issued by those who may update it while it is open. An issued document is an entry of the
 * case: retention counts from it (SoL 12 kap 1 §), as for a new attachment.
 */
@Injectable()
export class YouthCaseDocumentGate implements DocumentGate, OnModuleInit {
  readonly recordType = 'youth_case' as const;

  constructor(
    private readonly registry: DocumentRegistry,
    private readonly cases: YouthCaseAccess,
  ) {}

  onModuleInit(): void {
    this.registry.registerGate(this);
  }

  async read(principal: Principal, caseId: string): Promise<DocumentRecord> {
    const { record } = await this.cases.readable(principal, caseId);
    return { organisationId: record.ownerOrganisationId, reference: caseReference(record.id) };
  }

  async issue(principal: Principal, caseId: string): Promise<DocumentRecord> {
    const record = await this.cases.workable(principal, caseId, 'youth_case:update');
    return { organisationId: record.ownerOrganisationId, reference: caseReference(record.id) };
  }

  issued(manager: EntityManager, caseId: string): Promise<void> {
    return this.cases.touch(manager, caseId);
  }
}

/**
 * Documents of a meeting (its minutes) follow the meeting's case. Meetings belong to the plan: a
 * reader outside the owning organisation sees them only while `plan` is covered, and the minutes
 * only when the minutes entry itself is shared in a covered category (the rule of
 * youth-records.service.ts). Minutes are issued once the meeting's minutes are recorded (409 before).
 */
@Injectable()
export class YouthMeetingDocumentGate implements DocumentGate, OnModuleInit {
  readonly recordType = 'youth_meeting' as const;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly registry: DocumentRegistry,
    private readonly cases: YouthCaseAccess,
  ) {}

  onModuleInit(): void {
    this.registry.registerGate(this);
  }

  async read(principal: Principal, meetingId: string): Promise<DocumentRecord> {
    const meeting = await this.meeting(meetingId);
    const { record, access } = await this.cases.readable(principal, meeting.caseId);
    if (!access.owner) {
      const minutesCovered =
        meeting.minutesVisibility === null ||
        (meeting.minutesVisibility === 'shared' && access.categories.includes(meeting.minutesCategory as InformationCategory));
      if (!access.categories.includes('plan') || !minutesCovered) throw new NotFoundException(`No meeting with id ${meetingId}.`);
    }
    return { organisationId: record.ownerOrganisationId, reference: caseReference(record.id) };
  }

  async issue(principal: Principal, meetingId: string): Promise<DocumentRecord> {
    const meeting = await this.meeting(meetingId);
    const record = await this.cases.workable(principal, meeting.caseId, 'youth_case:update');
    if (!meeting.heldOn) throw new ProblemException('youth_meeting.minutes_missing');
    return { organisationId: record.ownerOrganisationId, reference: caseReference(record.id) };
  }

  async issued(manager: EntityManager, meetingId: string): Promise<void> {
    const [row] = await manager.query<{ case_id: string }[]>('SELECT case_id FROM youth_meetings WHERE id = $1', [meetingId]);
    if (row) await this.cases.touch(manager, row.case_id);
  }

  private async meeting(
    id: string,
  ): Promise<{ caseId: string; heldOn: string | null; minutesVisibility: 'owner' | 'shared' | null; minutesCategory: string | null }> {
    const [row] = await this.dataSource.query<
      { caseId: string; heldOn: string | null; minutesVisibility: 'owner' | 'shared' | null; minutesCategory: string | null }[]
    >(
      `SELECT m.case_id AS "caseId", to_char(m.held_on, 'YYYY-MM-DD') AS "heldOn", e.visibility AS "minutesVisibility", e.category AS "minutesCategory"
       FROM youth_meetings m LEFT JOIN youth_entries e ON e.id = m.minutes_entry_id WHERE m.id = $1`,
      [id],
    );
    if (!row) throw new NotFoundException(`No meeting with id ${id}.`);
    return row;
  }
}

/**
 * The register extract of a young person (GDPR art. 15) is everything the municipality's social
 * services hold about them, across every unit: made and read only by those who produce extracts in
 * the person's organisation (youth_subject:extract, the permission of the JSON extract), never by
 * the police or another unit's staff, who get 404 as if the person did not exist (OSL 26 kap 1 §).
 * It shows the full personal number: a recent strong authentication (HSLF-FS 2016:40 4 kap 4 §).
 * An extract adds nothing to a case, so it does not move any case's retention.
 */
@Injectable()
export class YouthSubjectDocumentGate implements DocumentGate, OnModuleInit {
  readonly recordType = 'youth_subject' as const;

  constructor(
    private readonly registry: DocumentRegistry,
    private readonly subjects: YouthSubjectsService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.registry.registerGate(this);
  }

  read(principal: Principal, subjectId: string): Promise<DocumentRecord> {
    return this.extractable(principal, subjectId);
  }

  issue(principal: Principal, subjectId: string): Promise<DocumentRecord> {
    return this.extractable(principal, subjectId);
  }

  private async extractable(principal: Principal, subjectId: string): Promise<DocumentRecord> {
    const row = await this.subjects.sealed(subjectId).catch((error: unknown) => {
      if (error instanceof NotFoundException) return undefined;
      throw error;
    });
    if (!row || !scopesFor(principal, 'youth_subject:extract').some((s) => s.organisationId === row.owner_organisation_id)) {
      await this.audit.record({ action: 'youth_subject.register_extract', outcome: 'denied', resourceType: 'youth_subject', resourceId: subjectId });
      throw new NotFoundException(`No youth subject with id ${subjectId}.`);
    }
    await this.access.assertStepUp(principal, 'personal_number', { resourceType: 'youth_subject', resourceId: subjectId });
    return { organisationId: row.owner_organisation_id, reference: subjectReference(subjectId) };
  }
}
