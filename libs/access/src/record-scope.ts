import type { Permission } from './permissions.js';
import { splitPermission } from './permissions.js';
import { type Principal, type ScopeGrant, scopesFor } from './principal.js';
import { sessionAllows } from './strong-auth.js';

/**
 * Where a kind of record keeps the facts that scopes are checked against, as SQL column
 * expressions (e.g. `c.owner_unit_id`). A record type names only the columns it has; a scope that
 * needs a missing column never matches. Every named column must be indexed by its table.
 */
export interface OwnershipColumns {
  id: string;
  collaborationId?: string;
  organisationId?: string;
  unitId?: string;
  ownerUserId?: string;
}

/** The same facts for one loaded record. */
export interface RecordOwnership {
  id: string;
  collaborationId?: string | null;
  organisationId?: string | null;
  unitId?: string | null;
  ownerUserId?: string | null;
}

export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

let sequence = 0;

/**
 * The SQL condition under which `principal` may use `permission` on a row: a role scope matches
 * or a per-record grant allows the action, and no per-record deny forbids it (deny beats grant).
 * Parameter names are unique per call, so conditions can be combined in one query.
 * `grants: false` is for record types that are never shared one by one.
 */
export function scopeCondition(
  principal: Principal,
  permission: Permission,
  columns: OwnershipColumns,
  now: Date,
  options: { grants?: boolean } = {},
): SqlCondition {
  // A session too weak for the permission reaches nothing (strong-auth.ts, HSLF-FS 2016:40 4 kap
  // 4 §): routes refuse it before (guard, AccessService) — this keeps any other path closed.
  if (!sessionAllows(principal.session, permission)) return { sql: 'FALSE', params: {} };
  const p = `scope${(sequence = (sequence + 1) % 1_000_000)}_`;
  const [resourceType, action] = splitPermission(permission);
  const params: Record<string, unknown> = {
    [`${p}type`]: resourceType,
    [`${p}action`]: action,
    [`${p}now`]: now,
    [`${p}user`]: principal.userId,
    [`${p}units`]: principal.memberships.map((m) => m.unitId),
    [`${p}orgs`]: principalOrganisations(principal),
  };
  const clauses = scopesFor(principal, permission).map((grant, i) => scopeClause(grant, columns, `${p}${i}_`, params));
  const byRole = clauses.some((c) => c === 'TRUE') ? 'TRUE' : clauses.filter((c) => c !== 'FALSE').join(' OR ') || 'FALSE';
  const grantee = `((g.grantee_type = 'user' AND g.grantee_id = :${p}user)
      OR (g.grantee_type = 'unit' AND g.grantee_id = ANY(:${p}units))
      OR (g.grantee_type = 'organisation' AND g.grantee_id = ANY(:${p}orgs)))`;
  // Uncorrelated on purpose: PostgreSQL evaluates the principal's grants once (an InitPlan) instead
  // of probing record_grants for every row of a long list. `= ANY(ARRAY(…))`, not `IN (…)`: the
  // array is a parameter an index can take, so "role scope OR granted" becomes a BitmapOr of the
  // scope's index and the primary key rather than a scan of the whole table (issue #19).
  const grantsFor = (effect: 'grant' | 'deny') => `${columns.id} = ANY(ARRAY(SELECT g.resource_id FROM record_grants g
      WHERE g.resource_type = :${p}type AND g.effect = '${effect}'
        AND :${p}action = ANY(g.actions) AND g.revoked_at IS NULL
        AND g.valid_from <= :${p}now AND (g.valid_until IS NULL OR g.valid_until > :${p}now)
        AND ${grantee}))`;
  // Record types that are never shared one by one (users, organisations) skip the grant lookups.
  if (options.grants === false) return { sql: `(${byRole})`, params };
  return { sql: `((${byRole}) OR ${grantsFor('grant')}) AND NOT ${grantsFor('deny')}`, params };
}

function scopeClause(grant: ScopeGrant, columns: OwnershipColumns, p: string, params: Record<string, unknown>): string {
  switch (grant.scope) {
    case 'all':
      return 'TRUE';
    case 'collaboration':
      if (!columns.collaborationId || grant.collaborationIds.length === 0) return 'FALSE';
      // One collaboration (most users' case) as `=`: PostgreSQL 15 reads an index in order only
      // for `=`, so a page sorted on the index's next column stops after the page (issue #19).
      if (grant.collaborationIds.length === 1) {
        params[`${p}collab`] = grant.collaborationIds[0];
        return `${columns.collaborationId} = :${p}collab`;
      }
      params[`${p}collabs`] = grant.collaborationIds;
      return `${columns.collaborationId} = ANY(:${p}collabs)`;
    case 'organisation':
      if (!columns.organisationId) return 'FALSE';
      params[`${p}org`] = grant.organisationId;
      return `${columns.organisationId} = :${p}org`;
    case 'unit':
      if (!columns.unitId) return 'FALSE';
      params[`${p}unit`] = grant.unitId;
      return `${columns.unitId} = :${p}unit`;
    case 'own':
      if (!columns.ownerUserId) return 'FALSE';
      params[`${p}owner`] = grant.userId;
      return `${columns.ownerUserId} = :${p}owner`;
  }
}

/** Does any role scope of the principal reach this record for `permission`? (grants aside) */
export function roleScopeAllows(principal: Principal, permission: Permission, record: RecordOwnership): boolean {
  return scopesFor(principal, permission).some((grant) => {
    switch (grant.scope) {
      case 'all':
        return true;
      case 'collaboration':
        return !!record.collaborationId && grant.collaborationIds.includes(record.collaborationId);
      case 'organisation':
        return !!record.organisationId && record.organisationId === grant.organisationId;
      case 'unit':
        return !!record.unitId && record.unitId === grant.unitId;
      case 'own':
        return !!record.ownerUserId && record.ownerUserId === grant.userId;
    }
  });
}

/** The organisations a principal acts for: its employer and those of its memberships. */
export function principalOrganisations(principal: Principal): string[] {
  return [...new Set([principal.organisationId, ...principal.memberships.map((m) => m.organisationId)])];
}
