import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Principal, scopesFor } from '@samverkan/access';
import { AuditRecorder, Clock, type Page, pageOf, requestContext } from '@samverkan/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditAnchorService } from './audit-anchor.service.js';
import type { AuditEntry } from './audit-event.js';
import type { AuditEventView, ChainVerification } from './audit.dto.js';
import type { AuditEventQuery } from './audit-event.query.js';

const SELECT_EVENTS = `SELECT e.id::text AS "id", e.occurred_at AS "occurredAt", e.actor_user_id AS "actorUserId",
  e.actor_unit_id AS "actorUnitId", e.actor_organisation_id AS "actorOrganisationId", e.action,
  e.resource_type AS "resourceType", e.resource_id AS "resourceId",
  e.subject_organisation_id AS "subjectOrganisationId", e.outcome, e.request_id AS "requestId", e.ip,
  e.changed_fields AS "changedFields", e.details, e.hash
  FROM audit_events e`;

/**
 * The append-only audit trail. Domain services record inside their own transaction (pass the
 * EntityManager) so that a change and its audit event commit together or not at all.
 */
@Injectable()
export class AuditService implements AuditRecorder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly anchors: AuditAnchorService,
  ) {}

  async record(entry: AuditEntry, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const context = requestContext.getStore();
    // The request's actor knows the acting unit; an explicit actor is for work outside requests.
    const actor = entry.actor && context?.actor?.userId !== entry.actor.userId ? entry.actor : (context?.actor ?? entry.actor);
    // The database chains the event (prev_hash, hash) and draws its id; see the AuditTrail migration.
    await manager.query(
      `INSERT INTO audit_events (occurred_at, actor_user_id, actor_unit_id, actor_organisation_id, action,
         resource_type, resource_id, subject_organisation_id, outcome, request_id, ip, changed_fields, details,
         prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, '', '')`,
      [
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
      ],
    );
    if (context) context.audited = true;
  }

  /**
   * Events the principal may read, newest first. An auditor with organisation scope sees what
   * their organisation's people did and what was done to their organisation's records.
   */
  async list(principal: Principal, query: AuditEventQuery): Promise<Page<AuditEventView>> {
    const scopes = scopesFor(principal, 'audit:read');
    const qb = this.dataSource.createQueryBuilder().from('audit_events', 'e');
    if (!scopes.some((s) => s.scope === 'all')) {
      const organisations = scopes.map((s) => s.organisationId);
      qb.andWhere('(e.actor_organisation_id = ANY(:organisations::uuid[]) OR e.subject_organisation_id = ANY(:organisations::uuid[]))', { organisations });
    }
    if (query.actorUserId) qb.andWhere('e.actor_user_id = :actorUserId', { actorUserId: query.actorUserId });
    if (query.resourceType) qb.andWhere('e.resource_type = :resourceType', { resourceType: query.resourceType });
    if (query.resourceId) qb.andWhere('e.resource_id = :resourceId', { resourceId: query.resourceId });
    if (query.action) qb.andWhere('e.action = :action', { action: query.action });
    if (query.outcome) qb.andWhere('e.outcome = :outcome', { outcome: query.outcome });
    if (query.from) qb.andWhere('e.occurred_at >= :from', { from: query.from });
    if (query.to) qb.andWhere('e.occurred_at < :to', { to: query.to });
    // Ids grow with time, so the newest of events in the same instant come first too.
    const page = await pageOf<Omit<AuditEventView, 'occurredAt'> & { occurredAt: Date }>(
      this.dataSource,
      qb,
      { alias: 'e', orderBy: [['e.occurred_at', 'DESC']], idOrder: 'DESC', select: SELECT_EVENTS },
      query,
    );
    return { ...page, items: page.items.map((row) => ({ ...row, occurredAt: row.occurredAt.toISOString() })) };
  }

  /**
   * Recomputes every event's hash in id order and checks each link to the one before, then the
   * anchors sealed outside the database (AuditAnchorService); reports the first thing that does not
   * match (an event altered, removed or inserted out of band; the trail rewritten or emptied).
   */
  async verify(): Promise<ChainVerification> {
    const [result] = await this.dataSource.query<{ checked: number; broken_id: string | null; hash_ok: boolean | null; link_ok: boolean | null }[]>(
      `WITH chain AS (
         SELECT e.id, e.hash = audit_event_digest(e, e.prev_hash) AS hash_ok,
                e.prev_hash = coalesce(lag(e.hash) OVER (ORDER BY e.id), '') AS link_ok
         FROM audit_events e
       )
       SELECT (SELECT count(*)::int FROM chain) AS checked, b.id::text AS broken_id, b.hash_ok, b.link_ok
       FROM (SELECT 1) one
       LEFT JOIN LATERAL (SELECT * FROM chain WHERE NOT (hash_ok AND link_ok) ORDER BY id LIMIT 1) b ON true`,
    );
    const anchors = await this.anchors.verify();
    if (result.broken_id) {
      return {
        valid: false,
        checkedEvents: result.checked,
        firstBrokenEventId: result.broken_id,
        breakKind: result.hash_ok ? 'link' : 'contents',
        reason: result.hash_ok
          ? 'its link to the previous event does not match (an event before it was removed, altered or inserted)'
          : 'its contents do not match its hash (the event was altered)',
        anchors,
      };
    }
    if (anchors.brokenAnchorSeq !== undefined) {
      return { valid: false, checkedEvents: result.checked, firstBrokenEventId: anchors.brokenEventId, breakKind: 'anchor', reason: anchors.reason, anchors };
    }
    return { valid: true, checkedEvents: result.checked, anchors };
  }
}
