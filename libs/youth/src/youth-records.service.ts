import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { DeadlinesService } from '@samverkan/deadlines';
import { assertVersionMatched, Clock, invalidField, type Page, pageOf, type PageQuery, ProblemException } from '@samverkan/platform';
import type { DataSource, EntityManager } from 'typeorm';
import type { EntryInput, MeetingInput, MinutesInput, PlanItemInput, PlanItemUpdateInput } from './youth.dto.js';
import { type CaseAccess, type CaseRecord, visibleCategories, YouthCaseAccess } from './youth-case-access.js';
import { caseReference, MEETING_DEADLINE, PLAN_ITEM_DEADLINE } from './youth-deadlines.js';
import type { YouthEntryView, YouthMeetingView, YouthPlanItemView } from './youth.views.js';

const SELECT_ENTRIES = `SELECT e.id, e.kind, e.category, e.visibility, to_char(e.occurred_on, 'YYYY-MM-DD') AS "occurredOn", e.body,
  e.author_id AS "authorId", u.display_name AS "authorName", e.created_at AS "createdAt"
  FROM youth_entries e LEFT JOIN users u ON u.id = e.author_id`;

const SELECT_PLAN = `SELECT p.id, p.goal, p.task, p.owner_user_id AS "ownerUserId", u.display_name AS "ownerName",
  p.owner_description AS "ownerDescription", to_char(p.due_on, 'YYYY-MM-DD') AS "dueOn", p.status, p.version
  FROM youth_plan_items p LEFT JOIN users u ON u.id = p.owner_user_id`;

const SELECT_MEETINGS = `SELECT m.id, m.kind, m.planned_at AS "plannedAt", m.attendees, to_char(m.held_on, 'YYYY-MM-DD') AS "heldOn",
  m.minutes_entry_id AS "minutesEntryId", m.version FROM youth_meetings m`;

const MEETING_LABELS = { network: 'Nätverksmöte', follow_up: 'Uppföljningsmöte' } as const;

/**
 * What is written in a youth case: journal notes and meeting minutes (each with a category and a
 * visibility), the plan (goals, tasks, owners, due dates as deadlines) and network and follow-up
 * meetings. Journal notes are never edited: a correction is a new note (documentation under SoL).
 * Readers outside the owning organisation see shared notes of covered categories, and the plan
 * and meetings only when `plan` is covered. Every read is audited.
 */
@Injectable()
export class YouthRecordsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly gate: YouthCaseAccess,
    private readonly deadlines: DeadlinesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  // ---- entries -----------------------------------------------------------------------------

  async entries(principal: Principal, caseId: string, query: PageQuery): Promise<Page<YouthEntryView>> {
    const { record, access } = await this.gate.readable(principal, caseId);
    // Owners see every note; others shared notes of the categories they are covered for.
    const visible = visibleCategories(access);
    const qb = this.dataSource
      .createQueryBuilder()
      .from('youth_entries', 'e')
      .where('e.case_id = :caseId', { caseId })
      .andWhere(`(:owner OR e.visibility = 'shared')`, { owner: access.owner })
      .andWhere(`(:all OR e.category = ANY(:categories::text[]))`, { all: visible === null, categories: visible ?? [] });
    const page = await pageOf<YouthEntryView>(
      this.dataSource,
      qb,
      {
        alias: 'e',
        orderBy: [
          ['e.occurred_on', 'DESC'],
          ['e.created_at', 'DESC'],
        ],
        select: SELECT_ENTRIES,
      },
      query,
    );
    await this.readAudit('youth_case.entries_read', record, access, { entryIds: page.items.map((e) => e.id) });
    return page;
  }

  async addEntry(principal: Principal, caseId: string, input: EntryInput): Promise<YouthEntryView> {
    const record = await this.gate.workable(principal, caseId, 'youth_case:update');
    const id = await this.dataSource.transaction((manager) => this.insertEntry(manager, principal, record, input));
    const [row] = await this.dataSource.query<YouthEntryView[]>(`${SELECT_ENTRIES} WHERE e.id = $1`, [id]);
    return row;
  }

  // ---- plan --------------------------------------------------------------------------------

  async plan(principal: Principal, caseId: string): Promise<YouthPlanItemView[]> {
    const { record, access } = await this.gate.readable(principal, caseId);
    const items = access.categories.includes('plan')
      ? await this.dataSource.query<YouthPlanItemView[]>(`${SELECT_PLAN} WHERE p.case_id = $1 ORDER BY p.due_on, p.created_at`, [caseId])
      : [];
    await this.readAudit('youth_case.plan_read', record, access);
    return items;
  }

  async addPlanItem(principal: Principal, caseId: string, input: PlanItemInput): Promise<YouthPlanItemView> {
    const record = await this.gate.workable(principal, caseId, 'youth_case:update');
    if (input.ownerUserId) await this.assertTaskOwner(record, input.ownerUserId);
    if (!input.ownerUserId && !input.ownerDescription) throw invalidField('ownerUserId', 'youth_plan.owner_required');
    const id = await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO youth_plan_items (case_id, goal, task, owner_user_id, owner_description, due_on, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [caseId, input.goal.trim(), input.task.trim(), input.ownerUserId ?? null, input.ownerDescription?.trim() ?? '', input.dueOn, principal.userId],
      );
      await this.registerTask(manager, record, row.id, input.dueOn, input.ownerUserId ?? null);
      await this.gate.touch(manager, caseId);
      await this.audit.record(
        {
          action: 'youth_plan_item.create',
          resourceType: 'youth_case',
          resourceId: caseId,
          subjectOrganisationId: record.ownerOrganisationId,
          details: { planItemId: row.id },
        },
        manager,
      );
      return row.id;
    });
    const [row] = await this.dataSource.query<YouthPlanItemView[]>(`${SELECT_PLAN} WHERE p.id = $1`, [id]);
    return row;
  }

  async updatePlanItem(principal: Principal, caseId: string, itemId: string, version: number, input: PlanItemUpdateInput): Promise<YouthPlanItemView> {
    const record = await this.gate.workable(principal, caseId, 'youth_case:update');
    const [item] = await this.dataSource.query<{ owner_user_id: string | null; due_on: string; status: string; version: number }[]>(
      `SELECT owner_user_id, to_char(due_on, 'YYYY-MM-DD') AS due_on, status, version FROM youth_plan_items WHERE id = $1 AND case_id = $2`,
      [itemId, caseId],
    );
    if (!item) throw new NotFoundException(`No plan item with id ${itemId} on this case.`);
    const status = input.status ?? item.status;
    const dueOn = input.dueOn ?? item.due_on;
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.query<unknown[]>(
        `UPDATE youth_plan_items SET status = $3, due_on = $4, task = coalesce($5, task), version = version + 1 WHERE id = $1 AND version = $2`,
        [itemId, version, status, dueOn, input.task?.trim() ?? null],
      );
      assertVersionMatched(updated, item.version);
      if (status === 'open') await this.registerTask(manager, record, itemId, dueOn, item.owner_user_id);
      else await this.deadlines.close(manager, PLAN_ITEM_DEADLINE, 'youth_plan_item', itemId, status === 'done' ? 'met' : 'cancelled');
      await this.gate.touch(manager, caseId);
      await this.audit.record(
        {
          action: 'youth_plan_item.update',
          resourceType: 'youth_case',
          resourceId: caseId,
          subjectOrganisationId: record.ownerOrganisationId,
          details: { planItemId: itemId },
          changedFields: Object.keys(input),
        },
        manager,
      );
    });
    const [row] = await this.dataSource.query<YouthPlanItemView[]>(`${SELECT_PLAN} WHERE p.id = $1`, [itemId]);
    return row;
  }

  // ---- meetings ----------------------------------------------------------------------------

  async meetings(principal: Principal, caseId: string): Promise<YouthMeetingView[]> {
    const { record, access } = await this.gate.readable(principal, caseId);
    const items = access.categories.includes('plan')
      ? await this.dataSource.query<YouthMeetingView[]>(`${SELECT_MEETINGS} WHERE m.case_id = $1 ORDER BY m.planned_at`, [caseId])
      : [];
    await this.readAudit('youth_case.meetings_read', record, access);
    return items;
  }

  async planMeeting(principal: Principal, caseId: string, input: MeetingInput): Promise<YouthMeetingView> {
    const record = await this.gate.workable(principal, caseId, 'youth_case:update');
    const plannedAt = new Date(input.plannedAt);
    const id = await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO youth_meetings (case_id, kind, planned_at, attendees, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [caseId, input.kind, plannedAt, input.attendees?.trim() ?? '', principal.userId],
      );
      await this.deadlines.upsert(manager, {
        kind: MEETING_DEADLINE,
        resourceType: 'youth_meeting',
        resourceId: row.id,
        title: `${MEETING_LABELS[input.kind]} i ungdomsärende ${caseReference(caseId)}`,
        dueAt: plannedAt,
        responsibleUserId: record.coordinatorUserId,
        responsibleOrganisationId: record.ownerOrganisationId,
      });
      await this.gate.touch(manager, caseId);
      await this.audit.record(
        {
          action: 'youth_meeting.plan',
          resourceType: 'youth_case',
          resourceId: caseId,
          subjectOrganisationId: record.ownerOrganisationId,
          details: { meetingId: row.id },
        },
        manager,
      );
      return row.id;
    });
    const [row] = await this.dataSource.query<YouthMeetingView[]>(`${SELECT_MEETINGS} WHERE m.id = $1`, [id]);
    return row;
  }

  /** The meeting was held: its minutes become an entry of the case, and its deadline is met. */
  async recordMinutes(principal: Principal, caseId: string, meetingId: string, input: MinutesInput): Promise<YouthMeetingView> {
    const record = await this.gate.workable(principal, caseId, 'youth_case:update');
    await this.dataSource.transaction(async (manager) => {
      const [meeting] = await manager.query<{ held_on: string | null }[]>('SELECT held_on FROM youth_meetings WHERE id = $1 AND case_id = $2 FOR UPDATE', [
        meetingId,
        caseId,
      ]);
      if (!meeting) throw new NotFoundException(`No meeting with id ${meetingId} on this case.`);
      if (meeting.held_on) throw new ProblemException('youth_meeting.minutes_recorded');
      const entryId = await this.insertEntry(manager, principal, record, { ...input, kind: 'meeting_minutes' });
      await manager.query('UPDATE youth_meetings SET held_on = $2, minutes_entry_id = $3, version = version + 1 WHERE id = $1', [
        meetingId,
        input.occurredOn,
        entryId,
      ]);
      await this.deadlines.close(manager, MEETING_DEADLINE, 'youth_meeting', meetingId, 'met');
    });
    const [row] = await this.dataSource.query<YouthMeetingView[]>(`${SELECT_MEETINGS} WHERE m.id = $1`, [meetingId]);
    return row;
  }

  // ---- helpers -----------------------------------------------------------------------------

  private async insertEntry(manager: EntityManager, principal: Principal, record: CaseRecord, input: EntryInput): Promise<string> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO youth_entries (case_id, kind, category, visibility, occurred_on, body, author_id) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [record.id, input.kind, input.category, input.visibility, input.occurredOn, input.body.trim(), principal.userId],
    );
    await this.gate.touch(manager, record.id);
    // The text itself never goes into the audit trail.
    await this.audit.record(
      {
        action: 'youth_entry.create',
        resourceType: 'youth_case',
        resourceId: record.id,
        subjectOrganisationId: record.ownerOrganisationId,
        details: { entryId: row.id, kind: input.kind, category: input.category },
      },
      manager,
    );
    return row.id;
  }

  private registerTask(manager: EntityManager, record: CaseRecord, itemId: string, dueOn: string, owner: string | null): Promise<string> {
    return this.deadlines.upsert(manager, {
      kind: PLAN_ITEM_DEADLINE,
      resourceType: 'youth_plan_item',
      resourceId: itemId,
      title: `Uppgift i planen – ungdomsärende ${caseReference(record.id)}`,
      dueOn,
      responsibleUserId: owner ?? record.coordinatorUserId,
      responsibleOrganisationId: record.ownerOrganisationId,
    });
  }

  /** A task owner in Samverkan works in the owning organisation or one the sharing covers. */
  private async assertTaskOwner(record: CaseRecord, userId: string): Promise<void> {
    const [user] = await this.dataSource.query<{ organisation_id: string }[]>('SELECT organisation_id FROM users WHERE id = $1 AND is_active', [userId]);
    const ok = user && (user.organisation_id === record.ownerOrganisationId || (await this.gate.coverage(record.id, [user.organisation_id])).includes('plan'));
    if (!ok) throw invalidField('ownerUserId', 'youth_plan.owner_not_covered');
  }

  private async readAudit(action: string, record: CaseRecord, access: CaseAccess, details: Record<string, unknown> = {}): Promise<void> {
    await this.audit.record({
      action,
      resourceType: 'youth_case',
      resourceId: record.id,
      subjectOrganisationId: record.ownerOrganisationId,
      details: { ...details, ...(access.owner ? { as: 'owner' } : { as: 'recipient', categories: access.categories }) },
    });
  }
}
