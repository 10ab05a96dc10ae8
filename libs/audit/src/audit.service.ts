import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hasPermission, type Principal, recordPage, scopesFor } from '@samverkan/access';
import { AppConfig, AuditRecorder, beforeCommit, bindAfter, Clock, type Page, pageOf, preparedQuery, requestContext } from '@samverkan/platform';
import type { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import type { AuditEntry } from './audit-event.js';
import type { AuditActorChoice, AuditEventView } from './audit.dto.js';
import type { AuditEventQuery } from './audit-event.query.js';

/**
 * A record's human name by its type, looked up by table (libs/audit knows no domain lib): a case
 * number for a youth case, never a young person's name or personnummer (youth subjects get no
 * label). `org` is the organisation owning the record; `sealed` types are labelled only for an
 * auditor of that organisation (or one who sees everything).
 */
export const RESOURCE_LABELS = `LEFT JOIN LATERAL (SELECT CASE WHEN e.resource_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
    THEN e.resource_id::uuid END AS id) rid ON true
  LEFT JOIN LATERAL (
    SELECT x.display_name AS label, x.organisation_id AS org, false AS sealed FROM users x WHERE e.resource_type = 'user' AND x.id = rid.id
    UNION ALL SELECT x.name, x.id, false FROM organisations x WHERE e.resource_type = 'organisation' AND x.id = rid.id
    UNION ALL SELECT x.name, NULL, false FROM collaborations x WHERE e.resource_type = 'collaboration' AND x.id = rid.id
    UNION ALL SELECT x.display_name, x.organisation_id, false FROM identity_providers x WHERE e.resource_type = 'identity_provider' AND x.id = rid.id
    UNION ALL SELECT 'UÄ-' || upper(left(x.id::text, 8)), x.owner_organisation_id, true FROM youth_cases x
      WHERE e.resource_type = 'youth_case' AND x.id = rid.id
    UNION ALL SELECT 'UÄ-' || upper(left(c.id::text, 8)), c.owner_organisation_id, true FROM youth_plan_items x JOIN youth_cases c ON c.id = x.case_id
      WHERE e.resource_type = 'youth_plan_item' AND x.id = rid.id
    UNION ALL SELECT 'UÄ-' || upper(left(c.id::text, 8)), c.owner_organisation_id, true FROM youth_meetings x JOIN youth_cases c ON c.id = x.case_id
      WHERE e.resource_type = 'youth_meeting' AND x.id = rid.id
    UNION ALL SELECT 'UÄ-' || upper(left(c.id::text, 8)), c.owner_organisation_id, true FROM youth_consents x JOIN youth_cases c ON c.id = x.case_id
      WHERE e.resource_type = 'youth_consent' AND x.id = rid.id
    UNION ALL SELECT x.name, x.owner_organisation_id, false FROM premises x WHERE e.resource_type = 'premises' AND x.id = rid.id
    UNION ALL SELECT p.name, x.owner_organisation_id, false FROM licences x JOIN premises p ON p.id = x.premises_id
      WHERE e.resource_type = 'licence' AND x.id = rid.id
    UNION ALL SELECT x.name, x.owner_organisation_id, false FROM licence_holders x WHERE e.resource_type = 'licence_holder' AND x.id = rid.id
    UNION ALL SELECT p.name || ', ' || to_char(x.planned_start AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD'), x.owner_organisation_id, false
      FROM inspections x JOIN premises p ON p.id = x.premises_id WHERE e.resource_type = 'inspection' AND x.id = rid.id
    UNION ALL SELECT p.name, x.owner_organisation_id, false FROM sanction_cases x JOIN licences l ON l.id = x.licence_id JOIN premises p ON p.id = l.premises_id
      WHERE e.resource_type = 'sanction_case' AND x.id = rid.id
    UNION ALL SELECT p.name || ', ' || x.year, l.owner_organisation_id, false FROM restaurant_reports x JOIN licences l ON l.id = x.licence_id
      JOIN premises p ON p.id = l.premises_id WHERE e.resource_type = 'restaurant_report' AND x.id = rid.id
    UNION ALL SELECT x.year::text, x.owner_organisation_id, false FROM supervision_plans x WHERE e.resource_type = 'supervision_plan' AND x.id = rid.id
    UNION ALL SELECT x.name, x.owner_organisation_id, false FROM checklist_templates x WHERE e.resource_type = 'checklist_template' AND x.id = rid.id
    UNION ALL SELECT x.title, NULL, false FROM promises x WHERE e.resource_type = 'promise' AND x.id = rid.id
    UNION ALL SELECT left(x.text, 80), NULL, false FROM commitments x WHERE e.resource_type = 'commitment' AND x.id = rid.id
    UNION ALL SELECT x.title, NULL, false FROM actions x WHERE e.resource_type = 'action' AND x.id = rid.id
    UNION ALL SELECT to_char(x.occurred_on, 'YYYY-MM-DD') || coalesce(', ' || x.place, ''), x.owner_organisation_id, false FROM activities x
      WHERE e.resource_type = 'activity' AND x.id = rid.id
    UNION ALL SELECT p.title || ', ' || x.year || CASE WHEN x.half IS NULL THEN '' ELSE ' (' || x.half || ')' END, NULL, false
      FROM follow_ups x JOIN promises p ON p.id = x.promise_id WHERE e.resource_type = 'follow_up' AND x.id = rid.id
    UNION ALL SELECT x.title, x.owner_organisation_id, true FROM operations x WHERE e.resource_type = 'operation' AND x.id = rid.id
    UNION ALL SELECT x.area, NULL, false FROM operation_summaries x WHERE e.resource_type = 'operation_summary' AND x.id = rid.id
    UNION ALL SELECT p.name, x.owner_organisation_id, false FROM licensing_referrals x JOIN premises p ON p.id = x.premises_id
      WHERE e.resource_type = 'licensing_referral' AND x.id = rid.id
    LIMIT 1
  ) r ON true`;

/** One statement per page: the events with their actor's name and unit and their record's label. */
export const SELECT_EVENTS = `SELECT e.id::text AS "id", e.occurred_at AS "occurredAt", e.actor_user_id AS "actorUserId",
  e.actor_unit_id AS "actorUnitId", e.actor_organisation_id AS "actorOrganisationId", e.action,
  e.resource_type AS "resourceType", e.resource_id AS "resourceId",
  e.subject_organisation_id AS "subjectOrganisationId", e.outcome, e.request_id AS "requestId", e.ip,
  e.changed_fields AS "changedFields", e.details, e.hash,
  au.display_name AS "actorName", un.name AS "actorUnitName",
  CASE WHEN r.sealed AND NOT (:labelAll OR r.org = ANY(:labelOrganisations::uuid[])) THEN NULL ELSE r.label END AS "resourceLabel",
  r.label IS NOT NULL AND (:labelAll OR r.org IS NULL OR r.org = ANY(:labelOrganisations::uuid[])) AS "resourceOwnedHere"
  FROM audit_events e
  LEFT JOIN users au ON au.id = e.actor_user_id
  LEFT JOIN units un ON un.id = e.actor_unit_id
  ${RESOURCE_LABELS}`;

type EventRow = Omit<AuditEventView, 'occurredAt' | 'actor' | 'resource'> & {
  occurredAt: Date;
  actorName: string | null;
  actorUnitName: string | null;
  resourceLabel: string | null;
  resourceOwnedHere: boolean;
};

/**
 * The append-only audit trail. Domain services record inside their own transaction (pass the
 * EntityManager) so that a change and its audit event commit together or not at all.
 */
@Injectable()
export class AuditService implements AuditRecorder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    const context = requestContext.getStore();
    // Benchmarks only (refused in production, app-config.ts): what a request costs without its event.
    if (this.config.BENCH_AUDIT_OFF) {
      if (context) context.audited = true;
      return;
    }
    // The request's actor knows the acting unit; an explicit actor is for work outside requests.
    const actor = entry.actor && context?.actor?.userId !== entry.actor.userId ? entry.actor : (context?.actor ?? entry.actor);
    const row: unknown[] = [
      this.clock.now(),
      actor?.userId ?? null,
      actor?.unitId ?? null,
      actor?.organisationId ?? null,
      entry.action,
      entry.resourceType ?? null,
      entry.resourceId ?? null,
      entry.subjectOrganisationId ?? null,
      entry.outcome ?? 'success',
      context?.requestId ?? null,
      context?.ip ?? null,
      entry.changedFields ?? null,
      entry.details ? JSON.stringify(entry.details) : null,
    ];
    // In the caller's transaction the event commits with the change, written just before COMMIT so the
    // chain's lock is held only for the insert and the commit (before-commit.ts); otherwise it joins the next group.
    if (manager?.queryRunner?.isTransactionActive) beforeCommit(manager, 'audit-events', row, insertEvents);
    else await this.appendGrouped(row);
    if (context) context.audited = true;
  }

  /**
   * Events recorded outside a transaction (the interceptor's, denials, sign-ins) are appended in
   * groups: one INSERT and one commit for every event that arrived while the previous group was
   * being written (#19). The chain trigger holds its lock until commit, so one commit per event made
   * every audited request wait for every other's disk flush; a group pays that once. Nothing is
   * buffered past its caller: each record() resolves only when its own event is committed, so a
   * request never answers before its event is stored, and a group that fails is written again one
   * by one, so only the event at fault fails its caller.
   */
  private async appendGrouped(row: unknown[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ row, resolve, reject });
      if (!this.writing) void this.writeGroups();
    });
  }

  private waiting: PendingEvent[] = [];
  private writing = false;

  private async writeGroups(): Promise<void> {
    this.writing = true;
    try {
      while (this.waiting.length > 0) {
        const group = this.waiting.splice(0, MAX_GROUP);
        try {
          await insertEvents(
            this.dataSource.manager,
            group.map((event) => event.row),
          );
          group.forEach((event) => event.resolve());
        } catch (error) {
          if (group.length === 1) group[0].reject(error);
          else
            for (const event of group) {
              await insertEvents(this.dataSource.manager, [event.row]).then(event.resolve, event.reject);
            }
        }
      }
    } finally {
      this.writing = false;
    }
  }

  /**
   * Events the principal may read, newest first. An auditor with organisation scope sees what
   * their organisation's people did and what was done to their organisation's records.
   */
  async list(principal: Principal, query: AuditEventQuery): Promise<Page<AuditEventView>> {
    const scopes = scopesFor(principal, 'audit:read');
    // Labels of sealed records only for the auditor's own organisations (or an auditor of everything).
    const all = scopes.some((s) => s.scope === 'all');
    const selectParams = { labelAll: all, labelOrganisations: scopes.map((s) => s.organisationId) };
    const page = all
      ? await this.everything(query, selectParams)
      : await this.ofOrganisations([...new Set(scopes.map((s) => s.organisationId))], query, selectParams);
    return { ...page, items: page.items.map((row) => viewOf(principal, row)) };
  }

  /** The query's filters (each backed by an index on audit_events) as SQL over `e`, binding through `bind`. */
  private filters(query: AuditEventQuery, bind: (value: unknown) => string): string {
    const where: string[] = [];
    if (query.actorUserId) where.push(`e.actor_user_id = ${bind(query.actorUserId)}`);
    if (query.resourceType) where.push(`e.resource_type = ${bind(query.resourceType)}`);
    if (query.resourceId) where.push(`e.resource_id = ${bind(query.resourceId)}`);
    if (query.action) where.push(`e.action = ${bind(query.action)}`);
    if (query.outcome) where.push(`e.outcome = ${bind(query.outcome)}`);
    if (query.from) where.push(`e.occurred_at >= ${bind(query.from)}`);
    if (query.to) where.push(`e.occurred_at < ${bind(query.to)}`);
    return where.map((condition) => ` AND ${condition}`).join('');
  }

  /** An auditor of everything: the whole trail, newest first. */
  private everything(query: AuditEventQuery, selectParams: ObjectLiteral): Promise<Page<EventRow>> {
    const qb = this.dataSource.createQueryBuilder().from('audit_events', 'e');
    const named: ObjectLiteral = {};
    const filter = this.filters(query, (value) => {
      const name = `f${Object.keys(named).length}`;
      named[name] = value;
      return `:${name}`;
    });
    qb.where(`TRUE${filter}`, named);
    // Ids grow with time, so the newest of events in the same instant come first too.
    return pageOf<EventRow>(
      this.dataSource,
      qb,
      { alias: 'e', orderBy: [['e.occurred_at', 'DESC']], idOrder: 'DESC', select: SELECT_EVENTS, selectParams },
      query,
    );
  }

  /**
   * An auditor of organisations: what their people did and what was done to their records. "Actor
   * or subject" is a union of index scans, two per organisation, each read newest first and
   * stopping at the page's end, instead of an OR that fetches every event of the organisation to
   * sort them (issue #19: 5 million events).
   */
  private async ofOrganisations(organisations: string[], query: AuditEventQuery, selectParams: ObjectLiteral): Promise<Page<EventRow>> {
    // One branch per column and organisation: `=`, not `= ANY`, so PostgreSQL reads the index in order.
    const scoped = (params: unknown[], columns: string, tail = '') => {
      const bind = (value: unknown) => `$${params.push(value)}`;
      const filter = this.filters(query, bind);
      return organisations
        .flatMap((organisation) => {
          const o = bind(organisation);
          return ['actor_organisation_id', 'subject_organisation_id'].map(
            (column) => `(SELECT ${columns} FROM audit_events e WHERE e.${column} = ${o}::uuid${filter}${tail})`,
          );
        })
        .join(' UNION ');
    };
    const params: unknown[] = [query.offset + query.limit, query.limit, query.offset];
    const branches = scoped(params, 'e.id, e.occurred_at', ' ORDER BY e.occurred_at DESC, e.id DESC LIMIT $1');
    const rows = bindAfter(SELECT_EVENTS, selectParams, params);
    // Counted as "actor" plus "subject and not actor", each from one index (it carries the other column).
    const countParams: unknown[] = [organisations];
    const countFilter = this.filters(query, (value) => `$${countParams.push(value)}`);
    const count = `SELECT ((SELECT count(*) FROM audit_events e WHERE e.actor_organisation_id = ANY($1::uuid[])${countFilter})
      + (SELECT count(*) FROM audit_events e WHERE e.subject_organisation_id = ANY($1::uuid[])
           AND (e.actor_organisation_id IS NULL OR NOT e.actor_organisation_id = ANY($1::uuid[]))${countFilter}))::int AS total`;
    // Ids grow with time, so the newest of events in the same instant come first too. Prepared: planned once per connection.
    const [items, [{ total }]] = await Promise.all([
      preparedQuery<EventRow>(
        this.dataSource,
        `WITH page AS (SELECT id, occurred_at AS sort0 FROM (${branches}) scoped ORDER BY occurred_at DESC, id DESC LIMIT $2 OFFSET $3)
         ${rows} JOIN page ON page.id = e.id ORDER BY page.sort0 DESC, e.id DESC`,
        params,
      ),
      preparedQuery<{ total: number }>(this.dataSource, count, countParams),
    ]);
    return { items, total, limit: query.limit, offset: query.offset };
  }

  /**
   * The people the principal may pick in the trail's filter: every user of an organisation whose
   * trail they read (all users for an auditor of everything), by name.
   */
  async actors(principal: Principal): Promise<AuditActorChoice[]> {
    const scopes = scopesFor(principal, 'audit:read');
    const all = scopes.some((s) => s.scope === 'all');
    return this.dataSource.query<AuditActorChoice[]>(
      `SELECT u.id, u.display_name AS "name", o.name AS "organisationName"
       FROM users u JOIN organisations o ON o.id = u.organisation_id
       WHERE $1 OR u.organisation_id = ANY($2::uuid[])
       ORDER BY u.display_name, u.id`,
      [all, scopes.map((s) => s.organisationId)],
    );
  }
}

interface PendingEvent {
  row: unknown[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Events per INSERT at most (13 parameters each, far below PostgreSQL's 65 535). */
const MAX_GROUP = 500;
const EVENT_COLUMNS = 13;

/** One INSERT for the rows; the database chains each event (prev_hash, hash) and draws its id (see the AuditTrail migration). */
async function insertEvents(manager: EntityManager, rows: unknown[][]): Promise<void> {
  const values = rows.map((_, r) => `(${Array.from({ length: EVENT_COLUMNS }, (_, c) => `$${r * EVENT_COLUMNS + c + 1}`).join(', ')}, '', '')`);
  await manager.query(
    `INSERT INTO audit_events (occurred_at, actor_user_id, actor_unit_id, actor_organisation_id, action,
       resource_type, resource_id, subject_organisation_id, outcome, request_id, ip, changed_fields, details,
       prev_hash, hash)
     VALUES ${values.join(', ')}`,
    rows.flat(),
  );
}

/** The row as the api lists it: who (name, unit), which record (its label, and a link when the reader may open it). */
function viewOf(principal: Principal, row: EventRow): AuditEventView {
  const { actorName, actorUnitName, resourceLabel, resourceOwnedHere, occurredAt, ...event } = row;
  // Where the web shows the record and what it takes to open it: one table (libs/access record-pages.ts).
  const page = row.resourceType ? recordPage(row.resourceType) : undefined;
  const mayOpen = page && row.resourceId && resourceLabel !== null && hasPermission(principal, page.permission) && (!page.ownedOnly || resourceOwnedHere);
  return {
    ...event,
    occurredAt: occurredAt.toISOString(),
    actor: row.actorUserId ? { id: row.actorUserId, name: actorName, unitName: actorUnitName } : null,
    resource: row.resourceType
      ? { type: row.resourceType, id: row.resourceId, label: resourceLabel, ...(mayOpen ? { link: page.path(row.resourceId!) } : {}) }
      : null,
  };
}
