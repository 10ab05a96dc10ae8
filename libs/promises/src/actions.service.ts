import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccessService, hasPermission, type Principal, scopeCondition } from '@samverkan/access';
import { AuditService } from '@samverkan/audit';
import { DeadlinesService } from '@samverkan/deadlines';
import {
  assertVersionMatched,
  Clock,
  type FieldError,
  fieldError,
  invalidField,
  type Page,
  pageOf,
  ProblemException,
  stockholmDate,
  ValidationProblem,
} from '@samverkan/platform';
import type { DataSource, EntityManager } from 'typeorm';
import type { ActionListQuery, CreateActionRequest, UpdateActionRequest } from './actions.dto.js';
import { assertParty } from './party.js';
import { PromiseAccess } from './promise-access.js';
import type { ActionView, ActionWithHistoryView } from './actions.views.js';
import { actionStatusChange } from './promise-rules.js';
import type { ActionStatus } from './vocabulary.js';

/** The deadline kind of an action's due date (reminder rules are set per kind). */
export const ACTION_DEADLINE = 'action_due';

/** An action as the api shows it; `:today` (the Stockholm date) is bound for `overdue`. */
export const SELECT_ACTIONS = `
  SELECT a.id, a.commitment_id AS "commitmentId", c.promise_id AS "promiseId", c.problem_area_id AS "problemAreaId",
         c.party, a.title, a.description,
         json_build_object('id', o.id, 'name', o.name) AS "responsibleOrganisation",
         CASE WHEN un.id IS NULL THEN NULL ELSE json_build_object('id', un.id, 'name', un.name) END AS "responsibleUnit",
         CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'displayName', u.display_name) END AS "responsibleUser",
         to_char(a.start_date, 'YYYY-MM-DD') AS "startDate", to_char(a.due_date, 'YYYY-MM-DD') AS "dueDate",
         a.status, a.status_reason AS "statusReason", a.progress, a.weight::float8 AS weight, a.completed_at AS "completedAt",
         (a.status NOT IN ('done', 'cancelled') AND a.due_date < :today::date) AS overdue,
         a.carried_from_id AS "carriedFromId", a.carried_to_id AS "carriedToId", a.version
  FROM actions a
  JOIN commitments c ON c.id = a.commitment_id
  JOIN organisations o ON o.id = a.responsible_organisation_id
  LEFT JOIN units un ON un.id = a.responsible_unit_id
  LEFT JOIN users u ON u.id = a.responsible_user_id`;

/**
 * One action with its history, oldest first, and its collaboration (for the access check, not
 * shown). `occurredAt` is written as JavaScript's toISOString writes the Date a column gives.
 */
const SELECT_ACTION_WITH_HISTORY = SELECT_ACTIONS.replace(
  ' FROM actions a',
  `, a.collaboration_id AS "collaborationId",
         coalesce((SELECT json_agg(json_build_object(
             'occurredAt', to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
             'actor', CASE WHEN eu.id IS NULL THEN NULL ELSE json_build_object('id', eu.id, 'displayName', eu.display_name) END,
             'kind', e.kind, 'fromStatus', e.from_status, 'toStatus', e.to_status, 'progress', e.progress, 'reason', e.reason, 'note', e.note,
             'changedFields', e.changed_fields) ORDER BY e.occurred_at, e.id)
           FROM action_events e LEFT JOIN users eu ON eu.id = e.actor_user_id WHERE e.action_id = a.id), '[]') AS history
  FROM actions a`,
);

/**
 * Actions of the promise: who does what by when, their status and history. "Today" for overdue
 * is the date in Europe/Stockholm.
 */
@Injectable()
export class ActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly records: PromiseAccess,
    private readonly audit: AuditService,
    private readonly deadlines: DeadlinesService,
    private readonly clock: Clock,
  ) {}

  today(): string {
    return stockholmDate(this.clock.now());
  }

  async list(principal: Principal, query: ActionListQuery): Promise<Page<ActionView>> {
    const today = this.today();
    // Everyone who reads the promise reads all its actions (promise:read has collaboration scope).
    const scope = scopeCondition(principal, 'promise:read', { id: 'a.id', collaborationId: 'a.collaboration_id' }, this.clock.now(), { grants: false });
    const qb = this.dataSource.createQueryBuilder().from('actions', 'a').where(scope.sql, scope.params);
    // The commitment only when a filter asks about it: every action has one (a foreign key), and
    // without the join the page and the count are read from actions' own indexes (issue #19).
    if (query.promiseId || query.party || query.problemAreaId) qb.innerJoin('commitments', 'c', 'c.id = a.commitment_id');
    if (query.promiseId) qb.andWhere('c.promise_id = :promiseId', { promiseId: query.promiseId });
    if (query.commitmentId) qb.andWhere('a.commitment_id = :commitmentId', { commitmentId: query.commitmentId });
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    if (query.overdue === true) qb.andWhere(`a.status NOT IN ('done', 'cancelled') AND a.due_date < :today`, { today });
    if (query.overdue === false) qb.andWhere(`NOT (a.status NOT IN ('done', 'cancelled') AND a.due_date < :today)`, { today });
    if (query.open === true) qb.andWhere(`a.status NOT IN ('done', 'cancelled')`);
    if (query.open === false) qb.andWhere(`a.status IN ('done', 'cancelled')`);
    if (query.dueFrom) qb.andWhere('a.due_date >= :dueFrom', { dueFrom: query.dueFrom });
    if (query.dueBefore) qb.andWhere('a.due_date <= :dueBefore', { dueBefore: query.dueBefore });
    if (query.responsibleOrganisationId) qb.andWhere('a.responsible_organisation_id = :org', { org: query.responsibleOrganisationId });
    if (query.responsibleUnitId) qb.andWhere('a.responsible_unit_id = :unit', { unit: query.responsibleUnitId });
    if (query.responsibleUserId) qb.andWhere('a.responsible_user_id = :person', { person: query.responsibleUserId });
    if (query.party) qb.andWhere('c.party = :party', { party: query.party });
    if (query.problemAreaId) qb.andWhere('c.problem_area_id = :area', { area: query.problemAreaId });
    return pageOf<ActionView>(this.dataSource, qb, { alias: 'a', orderBy: [['a.due_date', 'ASC']], select: SELECT_ACTIONS, selectParams: { today } }, query);
  }

  /** The action and its history in one statement; what it takes to read it is PromiseAccess's. */
  async get(principal: Principal, id: string): Promise<ActionWithHistoryView> {
    const [sql, params] = this.dataSource.driver.escapeQueryWithParameters(`${SELECT_ACTION_WITH_HISTORY} WHERE a.id = :id`, { id, today: this.today() });
    const [row] = await this.dataSource.query<(ActionWithHistoryView & { collaborationId: string })[]>(sql, params);
    if (!row) throw new NotFoundException(`No action with id ${id}.`);
    const { collaborationId, ...action } = row;
    await this.records.readable(principal, { promiseId: action.promiseId, collaborationId });
    return action;
  }

  async create(principal: Principal, request: CreateActionRequest): Promise<ActionView> {
    const commitment = await this.records.commitment(principal, request.commitmentId);
    await this.access.assertAllowed(principal, 'promise:manage', { id: commitment.promiseId, collaborationId: commitment.collaborationId });
    assertParty(principal, 'promise:manage', commitment.party);
    await this.assertResponsible(request.responsibleOrganisationId, request.responsibleUnitId, request.responsibleUserId, commitment.collaborationId);
    if (request.startDate && request.startDate > request.dueDate) {
      throw invalidField('dueDate', 'date.not_before', { other: 'startDate' });
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const [created] = await manager.query<{ id: string }[]>(
        `INSERT INTO actions (commitment_id, collaboration_id, title, description, responsible_organisation_id,
           responsible_unit_id, responsible_user_id, start_date, due_date, weight, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          request.commitmentId,
          commitment.collaborationId,
          request.title.trim(),
          request.description ?? '',
          request.responsibleOrganisationId,
          request.responsibleUnitId ?? null,
          request.responsibleUserId ?? null,
          request.startDate ?? null,
          request.dueDate,
          request.weight ?? 1,
          principal.userId,
        ],
      );
      await manager.query(
        `INSERT INTO action_events (action_id, occurred_at, actor_user_id, kind, to_status, progress) VALUES ($1, $2, $3, 'created', 'planned', 0)`,
        [created.id, this.clock.now(), principal.userId],
      );
      await this.audit.record({ action: 'action.create', resourceType: 'action', resourceId: created.id }, manager);
      await this.syncDeadline(manager, created.id);
      return created.id;
    });
    return this.find(id);
  }

  /**
   * Changes an action. Done and cancelled are final: the only change allowed then is reopening
   * (a new open status with a reason). Blocked and cancelled need a reason; done sets 100 %.
   */
  async update(principal: Principal, id: string, version: number, request: UpdateActionRequest, mode: 'update' | 'reassign' = 'update'): Promise<ActionView> {
    // A hand-over (PUT …/responsible) is allowed by promise_action:reassign as well as :update.
    const facts = await this.records.action(principal, id, mode === 'reassign' ? 'reassign' : true);
    assertParty(
      principal,
      mode === 'reassign' && !hasPermission(principal, 'promise_action:update') ? 'promise_action:reassign' : 'promise_action:update',
      facts.party,
    );
    const before = await this.find(id);
    // Carried into the next promise (promise-succession.service): the work goes on there.
    if (before.carriedToId) throw new ProblemException('action.carried_over');
    const { status, progress, reopening, errors } = actionStatusChange(before, {
      ...request,
      editsOtherFields: Object.keys(request).some((k) => !['status', 'statusReason', 'note'].includes(k)),
    });
    if (errors.length > 0) throw new ValidationProblem(errors);
    if (request.responsibleUnitId !== undefined || request.responsibleUserId !== undefined) {
      await this.assertResponsible(
        before.responsibleOrganisation.id,
        request.responsibleUnitId ?? before.responsibleUnit?.id,
        request.responsibleUserId ?? before.responsibleUser?.id,
        facts.collaborationId,
      );
    }
    const startDate = request.startDate ?? before.startDate;
    const dueDate = request.dueDate ?? before.dueDate;
    if (startDate && startDate > dueDate) throw invalidField('dueDate', 'date.not_before', { other: 'startDate' });
    const statusReason = status === 'blocked' || status === 'cancelled' || reopening ? (request.statusReason ?? before.statusReason) : null;
    const now = this.clock.now();
    const changed = (Object.keys(request) as (keyof UpdateActionRequest)[]).filter(
      (k) => k !== 'note' && JSON.stringify(request[k]) !== JSON.stringify((before as unknown as Record<string, unknown>)[k]),
    );

    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.query<unknown[]>(
        `UPDATE actions SET title = $3, description = $4, responsible_unit_id = $5, responsible_user_id = $6, start_date = $7,
           due_date = $8, status = $9, status_reason = $10, progress = $11, weight = $12,
           completed_at = CASE WHEN $9 = 'done' THEN coalesce(completed_at, $13) ELSE NULL END, version = version + 1
         WHERE id = $1 AND version = $2`,
        [
          id,
          version,
          request.title ?? before.title,
          request.description ?? before.description,
          request.responsibleUnitId ?? before.responsibleUnit?.id ?? null,
          request.responsibleUserId ?? before.responsibleUser?.id ?? null,
          startDate,
          dueDate,
          status,
          statusReason,
          progress,
          request.weight ?? before.weight,
          now,
        ],
      );
      assertVersionMatched(updated, before.version);
      const kind = reopening
        ? 'reopened'
        : status !== before.status
          ? 'status_changed'
          : progress !== before.progress
            ? 'progress'
            : changed.length > 0
              ? 'updated'
              : 'note';
      await manager.query(
        `INSERT INTO action_events (action_id, occurred_at, actor_user_id, kind, from_status, to_status, progress, reason, note, changed_fields)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [id, now, principal.userId, kind, before.status, status, progress, request.statusReason ?? null, request.note ?? null, changed],
      );
      await this.audit.record(
        {
          action: `action.${kind === 'note' ? 'note' : 'update'}`,
          resourceType: 'action',
          resourceId: id,
          changedFields: changed,
          details: kind === 'status_changed' || kind === 'reopened' ? { from: before.status, to: status } : undefined,
        },
        manager,
      );
      await this.syncDeadline(manager, id);
    });
    return this.find(id);
  }

  async remove(principal: Principal, id: string): Promise<void> {
    const facts = await this.records.action(principal, id, false);
    await this.access.assertAllowed(principal, 'promise:manage', { id: facts.promiseId, collaborationId: facts.collaborationId });
    assertParty(principal, 'promise:manage', facts.party);
    await this.dataSource.transaction(async (manager) => {
      await this.deadlines.close(manager, ACTION_DEADLINE, 'action', id, 'cancelled');
      await manager.query('DELETE FROM actions WHERE id = $1', [id]);
      await this.audit.record({ action: 'action.delete', resourceType: 'action', resourceId: id }, manager);
    });
  }

  /**
   * The action's due date as a deadline (reminders, escalation): open while the action is, due at
   * the end of the due date in Stockholm; met when done, cancelled when cancelled or deleted.
   */
  async syncDeadline(manager: EntityManager, id: string): Promise<void> {
    const [a] = await manager.query<{ title: string; due: string; status: ActionStatus; user_id: string | null; unit_id: string | null; org_id: string }[]>(
      `SELECT title, to_char(due_date, 'YYYY-MM-DD') AS due, status, responsible_user_id AS user_id, responsible_unit_id AS unit_id,
              responsible_organisation_id AS org_id FROM actions WHERE id = $1`,
      [id],
    );
    if (a.status === 'done' || a.status === 'cancelled') {
      await this.deadlines.close(manager, ACTION_DEADLINE, 'action', id, a.status === 'done' ? 'met' : 'cancelled');
      return;
    }
    await this.deadlines.upsert(manager, {
      kind: ACTION_DEADLINE,
      resourceType: 'action',
      resourceId: id,
      title: a.title,
      dueOn: a.due,
      responsibleUserId: a.user_id,
      responsibleUnitId: a.unit_id,
      responsibleOrganisationId: a.org_id,
    });
  }

  /** The responsible organisation must take part in the collaboration; unit and person must belong to it. */
  private async assertResponsible(organisationId: string, unitId: string | undefined, userId: string | undefined, collaborationId: string) {
    const [row] = await this.dataSource.query<{ org_ok: boolean; unit_ok: boolean; user_ok: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM collaborations WHERE id = $4 AND $1::uuid IN (police_organisation_id, municipality_organisation_id)) AS org_ok,
              ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM units WHERE id = $2 AND organisation_id = $1)) AS unit_ok,
              ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM users WHERE id = $3 AND organisation_id = $1 AND is_active)) AS user_ok`,
      [organisationId, unitId ?? null, userId ?? null, collaborationId],
    );
    const errors = [
      !row.org_ok && fieldError('responsibleOrganisationId', 'action.responsible_not_party'),
      !row.unit_ok && fieldError('responsibleUnitId', 'action.unit_not_of_organisation'),
      !row.user_ok && fieldError('responsibleUserId', 'action.user_not_of_organisation'),
    ].filter((e): e is FieldError => !!e);
    if (errors.length > 0) throw new ValidationProblem(errors);
  }

  private async find(id: string): Promise<ActionView> {
    const [sql, params] = this.dataSource.driver.escapeQueryWithParameters(`${SELECT_ACTIONS} WHERE a.id = :id`, { id, today: this.today() });
    const [row] = await this.dataSource.query<ActionView[]>(sql, params);
    if (!row) throw new NotFoundException(`No action with id ${id}.`);
    return row;
  }
}
