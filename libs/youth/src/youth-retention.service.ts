import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService } from '@samverkan/access';
import { AttachmentsService } from '@samverkan/attachments';
import { AuditService } from '@samverkan/audit';
import { DeadlinesService } from '@samverkan/deadlines';
import { DocumentStore } from '@samverkan/documents';
import { Clock, stockholmDate } from '@samverkan/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { caseDeadlineResources } from './youth-deadlines.js';

/** How many cases one run purges, each in its own transaction; the next night takes the rest. */
const PURGE_BATCH = 200;

/**
 * Gallring (SoL 12 kap 1 §): closed cases whose purge date has come are destroyed. What remains is a
 * tombstone — form, dates, retention class, how much was removed — and an audit event; the young
 * person's number and name go too when no other case refers to them.
 */
@Injectable()
export class YouthRetentionService {
  private readonly logger = new Logger(YouthRetentionService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deadlines: DeadlinesService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly attachments: AttachmentsService,
    private readonly documents: DocumentStore,
  ) {}

  async purgeDue(): Promise<{ purged: number }> {
    const today = stockholmDate(this.clock.now());
    const due = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM youth_cases WHERE status = 'closed' AND purge_on <= $1::date ORDER BY purge_on, id LIMIT ${PURGE_BATCH}`,
      [today],
    );
    let purged = 0;
    for (const { id } of due) {
      if (await this.dataSource.transaction((manager) => this.purge(manager, id))) purged += 1;
    }
    if (purged > 0) this.logger.log(`purged ${purged} youth cases due by ${today}`);
    return { purged };
  }

  private async purge(manager: EntityManager, id: string): Promise<boolean> {
    // Locked and re-checked: another worker may have taken it.
    const [row] = await manager.query<
      { subject_id: string; form: string; created_at: Date; closed_on: string; retention_class: string; owner_organisation_id: string }[]
    >(
      `SELECT subject_id, form, created_at, to_char(closed_on, 'YYYY-MM-DD') AS closed_on, retention_class, owner_organisation_id
       FROM youth_cases WHERE id = $1 AND status = 'closed' FOR UPDATE SKIP LOCKED`,
      [id],
    );
    if (!row) return false;
    const removed: Record<string, number> = {};
    await this.deadlines.closeAllFor(manager, await caseDeadlineResources(manager, id), 'cancelled');
    const meetingIds = (await manager.query<{ id: string }[]>('SELECT id FROM youth_meetings WHERE case_id = $1', [id])).map((m) => m.id);
    const tables = {
      meetings: 'youth_meetings',
      entries: 'youth_entries',
      plan_items: 'youth_plan_items',
      disclosures: 'youth_disclosures',
      consents: 'youth_consents',
      participants: 'youth_case_participants',
    };
    for (const [what, table] of Object.entries(tables)) {
      const [{ n }] = await manager.query<{ n: number }[]>(
        `WITH gone AS (DELETE FROM ${table} WHERE case_id = $1 RETURNING 1) SELECT count(*)::int AS n FROM gone`,
        [id],
      );
      removed[what] = n;
    }
    // The case's files go with it, their bytes once this transaction commits (issue #21).
    removed.attachments = await this.attachments.purge(manager, 'youth_case', [id]);
    // And its documents: consent forms of the case, minutes of its meetings (issue #21).
    removed.documents = (await this.documents.purge(manager, 'youth_case', [id])) + (await this.documents.purge(manager, 'youth_meeting', meetingIds));
    await this.access.revokeGrants(null, { resourceType: 'youth_case', resourceId: id }, manager);
    await manager.query(
      `UPDATE youth_cases SET status = 'purged', subject_id = NULL, coordinator_user_id = NULL, risk_factors = '{}', review_on = NULL,
         purged_at = $2, tombstone = $3, version = version + 1 WHERE id = $1`,
      [
        id,
        this.clock.now(),
        JSON.stringify({
          form: row.form,
          openedYear: Number(stockholmDate(row.created_at).slice(0, 4)),
          closedOn: row.closed_on,
          retentionClass: row.retention_class,
          purgedOn: stockholmDate(this.clock.now()),
          removed,
        }),
      ],
    );
    const [{ others }] = await manager.query<{ others: number }[]>('SELECT count(*)::int AS others FROM youth_cases WHERE subject_id = $1', [row.subject_id]);
    if (others === 0) {
      // The person's register extracts go with the person (GDPR art. 5.1 e: kept no longer than what they copy).
      await this.documents.purge(manager, 'youth_subject', [row.subject_id]);
      await manager.query('DELETE FROM youth_subjects WHERE id = $1', [row.subject_id]);
    }
    await this.audit.record(
      {
        action: 'youth_case.purge',
        resourceType: 'youth_case',
        resourceId: id,
        subjectOrganisationId: row.owner_organisation_id,
        details: { removed, subjectRemoved: others === 0 },
      },
      manager,
    );
    return true;
  }
}
