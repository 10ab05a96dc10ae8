import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, AuditRecorder, Clock, ProblemException, updateReturning } from '@samverkan/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { isPermission, type Permission, splitPermission } from './permissions.js';
import type { Principal } from './principal.js';
import { principalOrganisations, type RecordOwnership, roleScopeAllows } from './record-scope.js';
import type { GrantEffect, GranteeType, RecordGrant } from './record-grant.js';
import { sessionAllows, sessionFreshFor, type StepUpAct } from './strong-auth.js';

export interface NewRecordGrant {
  resourceType: string;
  resourceId: string;
  granteeType: GranteeType;
  granteeId: string;
  effect: GrantEffect;
  actions: string[];
  reason: string;
  validFrom?: Date;
  validUntil?: Date | null;
}

/**
 * Decisions on one record: may this principal see it (else 404, never revealing that it exists)
 * and may they do this to it (else 403). Also keeps the per-record grants.
 */
@Injectable()
export class AccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditRecorder,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /**
   * Throws 404 when the record is outside what the principal may read, 403 when they may read it
   * but not perform `action`. Denials are audited.
   */
  async authorize(principal: Principal, resourceType: string, action: string, record: RecordOwnership): Promise<void> {
    const allows = await this.decider(principal, resourceType, record);
    if (!allows('read')) {
      await this.recordDenial(principal, resourceType, record.id, action, 404);
      throw new NotFoundException(`No ${resourceType} with id ${record.id}.`);
    }
    if (action !== 'read' && !allows(action)) {
      await this.recordDenial(principal, resourceType, record.id, action, 403);
      throw new ProblemException('access.record_denied', { action, resourceType });
    }
    // Seen (else 404 above): reading it, and acting on it, may need a strong session (strong-auth.ts).
    for (const permission of new Set([`${resourceType}:read`, `${resourceType}:${action}`])) {
      await this.assertStrongSession(principal, permission, { resourceType, resourceId: record.id });
    }
  }

  /**
   * For a record the caller has already been shown (so 404 is settled): 403 unless `permission`
   * reaches it through a role scope or a grant, and no deny forbids it.
   */
  async assertAllowed(principal: Principal, permission: Permission, record: RecordOwnership): Promise<void> {
    const [resourceType, action] = splitPermission(permission);
    const allows = await this.decider(principal, resourceType, record);
    if (!allows(action)) {
      await this.recordDenial(principal, resourceType, record.id, action, 403);
      throw new ProblemException('access.permission_required', { permission });
    }
    await this.assertStrongSession(principal, permission, { resourceType, resourceId: record.id });
  }

  /**
   * 403 `auth.strong_required` (audited) when `permission` needs a strong session and the
   * principal's is not (strong-auth.ts: HSLF-FS 2016:40 4 kap 4 § for social services' records,
   * brottsdatalagen 3 kap 8 § for police intelligence). The route guard calls it for the route's
   * permission, the per-record checks above for the record's.
   */
  async assertStrongSession(
    principal: Principal,
    permission: string,
    target: { route?: string; resourceType?: string; resourceId?: string } = {},
  ): Promise<void> {
    if (sessionAllows(principal.session, permission)) return;
    await this.audit.record({
      action: 'access.strong_required',
      outcome: 'denied',
      actor: actorOf(principal),
      resourceType: target.resourceType,
      resourceId: target.resourceId,
      details: { permission, status: 403, method: principal.session?.method, ...(target.route ? { route: target.route } : {}) },
    });
    throw new ProblemException('auth.strong_required', { permission });
  }

  /**
   * 403 `auth.step_up_required` (audited) unless the session's last strong authentication is at
   * most STEP_UP_MAX_AGE_MINUTES old: revealing a full personal number (HSLF-FS 2016:40 4 kap 4 §,
   * OSL 26 kap 1 §) and opening sealed intelligence (brottsdatalagen 3 kap 8 §) ask for it afresh.
   */
  async assertStepUp(principal: Principal, act: StepUpAct, target: { resourceType: string; resourceId: string }): Promise<void> {
    const maxAgeMinutes = this.config.STEP_UP_MAX_AGE_MINUTES;
    if (sessionFreshFor(principal.session, maxAgeMinutes, this.clock.now())) return;
    await this.audit.record({
      action: 'access.step_up_required',
      outcome: 'denied',
      actor: actorOf(principal),
      resourceType: target.resourceType,
      resourceId: target.resourceId,
      details: { act, maxAgeMinutes, strongAt: principal.session?.strongAt?.toISOString() ?? null, status: 403 },
    });
    throw new ProblemException('auth.step_up_required', { maxAgeMinutes });
  }

  /** Whether the session is fresh enough for a step-up act (no exceptions, no audit). */
  isFreshFor(principal: Principal): boolean {
    return sessionFreshFor(principal.session, this.config.STEP_UP_MAX_AGE_MINUTES, this.clock.now());
  }

  /** Whether the principal may `permission` the record (no exceptions, no audit); e.g. for UI hints. */
  async can(principal: Principal, permission: Permission, record: RecordOwnership): Promise<boolean> {
    const [resourceType, action] = splitPermission(permission);
    const allows = await this.decider(principal, resourceType, record);
    return allows('read') && allows(action);
  }

  async grant(principal: Principal, grant: NewRecordGrant, manager: EntityManager = this.dataSource.manager): Promise<RecordGrant> {
    const now = this.clock.now();
    const [row] = await manager.query<RecordGrant[]>(
      `INSERT INTO record_grants (resource_type, resource_id, grantee_type, grantee_id, effect, actions, reason,
         granted_by, valid_from, valid_until)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       RETURNING id, resource_type AS "resourceType", resource_id AS "resourceId", grantee_type AS "granteeType",
         grantee_id AS "granteeId", effect, actions, reason, granted_by AS "grantedBy", valid_from AS "validFrom",
         valid_until AS "validUntil", revoked_at AS "revokedAt", revoked_by AS "revokedBy", created_at AS "createdAt"`,
      [
        grant.resourceType,
        grant.resourceId,
        grant.granteeType,
        grant.granteeId,
        grant.effect,
        grant.actions,
        grant.reason,
        principal.userId,
        grant.validFrom ?? now,
        grant.validUntil ?? null,
      ],
    );
    await this.audit.record(
      {
        action: `record_grant.${grant.effect}`,
        actor: actorOf(principal),
        resourceType: grant.resourceType,
        resourceId: grant.resourceId,
        details: { grantId: row.id, granteeType: grant.granteeType, granteeId: grant.granteeId, actions: grant.actions },
      },
      manager,
    );
    return row;
  }

  async revokeGrant(principal: Principal, grantId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const rows = await updateReturning<{ resource_type: string; resource_id: string }>(
      manager,
      `UPDATE record_grants SET revoked_at = $2, revoked_by = $3 WHERE id = $1 AND revoked_at IS NULL
       RETURNING resource_type, resource_id`,
      [grantId, this.clock.now(), principal.userId],
    );
    if (rows.length === 0) throw new NotFoundException(`No active grant with id ${grantId}.`);
    await this.audit.record(
      {
        action: 'record_grant.revoke',
        actor: actorOf(principal),
        resourceType: rows[0].resource_type,
        resourceId: rows[0].resource_id,
        details: { grantId },
      },
      manager,
    );
  }

  /**
   * Ends grants that other libs gave (a consent's, an operation's participants', a closed case's),
   * in the caller's transaction, with one audit event per record. `by` is null for jobs (retention).
   * Returns how many were still active.
   */
  async revokeGrants(
    by: Principal | null,
    grants: { ids: readonly string[] } | { resourceType: string; resourceId: string },
    manager: EntityManager,
  ): Promise<number> {
    const [where, params] =
      'ids' in grants ? ['id = ANY($3::uuid[])', [grants.ids]] : ['resource_type = $3 AND resource_id = $4', [grants.resourceType, grants.resourceId]];
    const rows = await updateReturning<{ id: string; resource_type: string; resource_id: string }>(
      manager,
      `UPDATE record_grants SET revoked_at = $1, revoked_by = $2 WHERE ${where} AND revoked_at IS NULL RETURNING id, resource_type, resource_id`,
      [this.clock.now(), by?.userId ?? null, ...params],
    );
    const records = new Map<string, { resourceType: string; resourceId: string; grantIds: string[] }>();
    for (const row of rows) {
      const key = `${row.resource_type}/${row.resource_id}`;
      const record = records.get(key) ?? { resourceType: row.resource_type, resourceId: row.resource_id, grantIds: [] };
      record.grantIds.push(row.id);
      records.set(key, record);
    }
    for (const { resourceType, resourceId, grantIds } of records.values()) {
      await this.audit.record({ action: 'record_grant.revoke', actor: by ? actorOf(by) : undefined, resourceType, resourceId, details: { grantIds } }, manager);
    }
    return rows.length;
  }

  /**
   * The rule, in one place: an action is allowed when a role scope reaches the record or a grant
   * allows it, and no deny forbids it (deny beats grant, and beats roles).
   */
  private async decider(principal: Principal, resourceType: string, record: RecordOwnership) {
    const grants = await this.activeGrants(resourceType, record.id, principal);
    return (action: string): boolean => {
      const permission = `${resourceType}:${action}`;
      const byRole = isPermission(permission) && roleScopeAllows(principal, permission, record);
      const granted = grants.some((g) => g.effect === 'grant' && g.actions.includes(action));
      const denied = grants.some((g) => g.effect === 'deny' && g.actions.includes(action));
      return (byRole || granted) && !denied;
    };
  }

  /** Grants and denies on this record that apply to the principal now (one indexed query). */
  private activeGrants(resourceType: string, resourceId: string, principal: Principal) {
    return this.dataSource.query<{ effect: GrantEffect; actions: string[] }[]>(
      `SELECT effect, actions FROM record_grants
       WHERE resource_type = $1 AND resource_id = $2 AND revoked_at IS NULL
         AND valid_from <= $3 AND (valid_until IS NULL OR valid_until > $3)
         AND ((grantee_type = 'user' AND grantee_id = $4)
           OR (grantee_type = 'unit' AND grantee_id = ANY($5::uuid[]))
           OR (grantee_type = 'organisation' AND grantee_id = ANY($6::uuid[])))`,
      [resourceType, resourceId, this.clock.now(), principal.userId, principal.memberships.map((m) => m.unitId), principalOrganisations(principal)],
    );
  }

  private recordDenial(principal: Principal, resourceType: string, resourceId: string, action: string, status: number) {
    return this.audit.record({
      action: `${resourceType}.${action}`,
      outcome: 'denied',
      actor: actorOf(principal),
      resourceType,
      resourceId,
      details: { status },
    });
  }
}

function actorOf(principal: Principal) {
  return { userId: principal.userId, organisationId: principal.organisationId, unitId: principal.memberships[0]?.unitId };
}
