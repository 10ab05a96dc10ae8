import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Principal, principalOrganisations, recordLinkSql, scopeCondition, scopesFor } from '@samverkan/access';
import { MembersDirectory } from '@samverkan/identity';
import { Clock, type Page, pageOf } from '@samverkan/platform';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { selectDeadlines } from './deadlines.service.js';
import type { StaffMemberView, WorkQueueItemView, WorkQueueQuery, WorkQueueSummaryView } from './work-queue.dto.js';
import { dueSoonLimit, REASSIGNABLE_KINDS } from './work-queue-rules.js';

/** Where the reader's work-queue permission reaches: everything, organisations, or units. */
interface QueueReach {
  all: boolean;
  organisationIds: string[];
  unitIds: string[];
}

/**
 * A manager's work queue: the open deadlines of the units and organisation they lead
 * (work_queue:read, with the scope of their role: a unit head their unit, a manager the
 * organisation), with counts per kind and per person. Only deadlines whose subject the reader may
 * open are listed (a youth case outside their reach is not even named), besides their own.
 */
@Injectable()
export class WorkQueueService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly members: MembersDirectory,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal, query: WorkQueueQuery): Promise<Page<WorkQueueItemView>> {
    const now = this.clock.now();
    const soon = dueSoonLimit(now);
    const qb = this.queue(principal, now);
    if (query.personId) qb.andWhere('d.responsible_user_id = :personId', { personId: query.personId });
    if (query.kind) qb.andWhere('d.kind = :kind', { kind: query.kind });
    if (query.state === 'overdue') qb.andWhere('d.due_at < :now', { now });
    if (query.state === 'due_soon') qb.andWhere('d.due_at >= :now AND d.due_at < :soon', { now, soon });
    if (query.state === 'later') qb.andWhere('d.due_at >= :soon', { soon });
    if (query.attention) qb.andWhere('d.due_at < :soon', { soon });
    const { select, params } = selectDeadlines(recordLinkSql(principal, 'd.resource_type', 'd.resource_id', now));
    // Reassignable where the kind allows it and the owning lib's permission reaches the record
    // (the deadline carries the record's responsible organisation, unit and person).
    const reassign = Object.entries(REASSIGNABLE_KINDS).map(([kind, rule]) => {
      const allowed = rule.permissions.map((permission) =>
        scopeCondition(
          principal,
          permission,
          { id: 'd.resource_id', organisationId: 'd.responsible_organisation_id', unitId: 'd.responsible_unit_id', ownerUserId: 'd.responsible_user_id' },
          now,
        ),
      );
      for (const a of allowed) Object.assign(params, a.params);
      return `WHEN d.kind = '${kind}' AND (${allowed.map((a) => a.sql).join(' OR ')}) THEN '${rule.resourceType}'`;
    });
    const full = select.replace(
      ' FROM deadlines d',
      `, CASE WHEN d.due_at < :wqNow THEN 'overdue' WHEN d.due_at < :wqSoon THEN 'due_soon' ELSE 'later' END AS state,
         ru.display_name AS "responsibleUserName", un.name AS "responsibleUnitName", CASE ${reassign.join(' ')} END AS "reassignVia"
       FROM deadlines d LEFT JOIN users ru ON ru.id = d.responsible_user_id LEFT JOIN units un ON un.id = d.responsible_unit_id`,
    );
    return pageOf<WorkQueueItemView>(
      this.dataSource,
      qb,
      { alias: 'd', orderBy: [['d.due_at', 'ASC']], select: full, selectParams: { ...params, now, wqNow: now, wqSoon: soon } },
      query,
    );
  }

  /** Counts of the whole queue: in all, per kind, per person (most overdue first). */
  async summary(principal: Principal): Promise<WorkQueueSummaryView> {
    const now = this.clock.now();
    const soon = dueSoonLimit(now);
    const counts = `count(*) FILTER (WHERE d.due_at < :cNow)::int AS overdue,
      count(*) FILTER (WHERE d.due_at >= :cNow AND d.due_at < :cSoon)::int AS "dueSoon", count(*)::int AS open`;
    const [total] = await this.queue(principal, now).select(counts).setParameters({ cNow: now, cSoon: soon }).getRawMany();
    const byKind = await this.queue(principal, now)
      .select(`d.kind AS kind, ${counts}`)
      .setParameters({ cNow: now, cSoon: soon })
      .groupBy('d.kind')
      .orderBy('d.kind')
      .getRawMany();
    const byPerson = await this.queue(principal, now)
      .leftJoin('users', 'ru', 'ru.id = d.responsible_user_id')
      .select(`d.responsible_user_id AS "userId", ru.display_name AS name, ${counts}`)
      .setParameters({ cNow: now, cSoon: soon })
      .groupBy('d.responsible_user_id')
      .addGroupBy('ru.display_name')
      .orderBy('overdue', 'DESC')
      .addOrderBy('ru.display_name', 'ASC', 'NULLS LAST')
      .limit(200)
      .getRawMany();
    return { total, byKind, byPerson };
  }

  /** The people of the reader's units and organisation (to filter by, and to hand work to). */
  async staff(principal: Principal): Promise<StaffMemberView[]> {
    const reach = this.reach(principal);
    if (reach.all) return this.members.staff({ unitIds: [], organisationIds: principalOrganisations(principal) });
    return this.members.staff({ unitIds: reach.unitIds, organisationIds: reach.organisationIds });
  }

  private reach(principal: Principal): QueueReach {
    const scopes = scopesFor(principal, 'work_queue:read');
    return {
      all: scopes.some((s) => s.scope === 'all'),
      // A collaboration-wide role leads its own organisation's work, not the partner's.
      organisationIds: scopes.filter((s) => s.scope === 'organisation' || s.scope === 'collaboration').map((s) => s.organisationId),
      unitIds: scopes.filter((s) => s.scope === 'unit' || s.scope === 'own').map((s) => s.unitId),
    };
  }

  /** The open deadlines in the reader's reach whose subject they may open, or which are their own. */
  private queue(principal: Principal, now: Date): SelectQueryBuilder<Record<string, unknown>> {
    const reach = this.reach(principal);
    const link = recordLinkSql(principal, 'd.resource_type', 'd.resource_id', now);
    const qb = this.dataSource.createQueryBuilder().from('deadlines', 'd').where(`d.status = 'open'`);
    if (!reach.all) {
      qb.andWhere(
        `(d.responsible_organisation_id = ANY(:wqOrgs::uuid[]) OR d.responsible_unit_id = ANY(:wqUnits::uuid[])
          OR d.responsible_user_id IN (SELECT m.user_id FROM memberships m
            WHERE m.unit_id = ANY(:wqUnits::uuid[]) AND m.valid_from <= :wqAt AND (m.valid_until IS NULL OR m.valid_until > :wqAt)))`,
        { wqOrgs: reach.organisationIds, wqUnits: reach.unitIds, wqAt: now },
      );
    }
    return qb.andWhere(`(d.responsible_user_id = :wqMe OR ${link.sql} IS NOT NULL)`, { ...link.params, wqMe: principal.userId });
  }
}
