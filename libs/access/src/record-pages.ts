import type { Permission } from './permissions.js';
import type { Principal } from './principal.js';
import { type OwnershipColumns, scopeCondition, type SqlCondition } from './record-scope.js';

/**
 * Where the web client shows a record, and what it takes to open it — the one table the audit
 * trail, the inbox and the deadlines use to turn "a record of type X" into a link
 * (apps/web/src/App.tsx and each area's index.tsx hold the routes).
 * `permission` is what the record's own GET checks; `ownedOnly` (audit trail only) links a sealed
 * record only for a reader of its owning organisation.
 */
export interface RecordPage {
  path: (id: string) => string;
  permission: Permission;
  ownedOnly?: boolean;
}

export const RECORD_PAGES = {
  user: { path: (id) => `/admin/users/${id}`, permission: 'user:read', ownedOnly: true },
  youth_case: { path: (id) => `/youth-cases/${id}`, permission: 'youth_case:read', ownedOnly: true },
  premises: { path: (id) => `/inspections/premises/${id}`, permission: 'premises:read' },
  licence_holder: { path: (id) => `/inspections/licences/holders/${id}`, permission: 'premises:read' },
  inspection: { path: (id) => `/inspections/${id}`, permission: 'inspection:read' },
  // The sanction case's GET checks premises:read on its premises (sanctions.service, licences.get).
  sanction_case: { path: (id) => `/inspections/sanctions/${id}`, permission: 'premises:read' },
  action: { path: (id) => `/promise/actions/${id}`, permission: 'promise:read' },
  follow_up: { path: (id) => `/promise/follow-ups/${id}`, permission: 'promise:read' },
  // Reading a finding is reading the promise, in the finding's collaboration (libs/promises findings.service).
  finding: { path: (id) => `/findings/${id}`, permission: 'promise:read' },
  operation: { path: (id) => `/operations/${id}`, permission: 'operation:read', ownedOnly: true },
  // Tips and police referrals are read by those who manage the premises (premises-tips.service, licensing-referrals.service).
  premises_tip: { path: (id) => `/inspections/tips/${id}`, permission: 'premises:manage' },
  licensing_referral: { path: (id) => `/inspections/referrals/${id}`, permission: 'premises:manage' },
} as const satisfies Record<string, RecordPage>;

export type RecordPageType = keyof typeof RECORD_PAGES;

/** The page of a record type whose page shows that very record, if any. */
export function recordPage(resourceType: string): RecordPage | undefined {
  return Object.hasOwn(RECORD_PAGES, resourceType) ? RECORD_PAGES[resourceType as RecordPageType] : undefined;
}

/**
 * How a record that notifications and deadlines are about leads to a page: which page, the id of
 * the record that page shows, and the facts its GET checks access against (the same columns as
 * that lib's scope: e.g. CASE_COLUMNS in libs/youth, OPERATION_COLUMNS in libs/operations). A
 * record without a page of its own opens the one it belongs to (a consent, meeting or plan item
 * its youth case; a restaurant report the premises).
 * `from` is `<table> x [JOIN …]`; `key` is the column that equals the resource id.
 */
interface RecordTarget {
  page: RecordPageType;
  from: string;
  key: string;
  target: string;
  columns: Omit<OwnershipColumns, 'id'> & { id: string };
  /** Extra condition (a purged case has nothing to open). */
  where?: string;
}

const YOUTH_CASE_OF = (child: string): RecordTarget => ({
  page: 'youth_case',
  from: `${child} x JOIN youth_cases c ON c.id = x.case_id`,
  key: 'x.id',
  target: 'c.id',
  columns: { id: 'c.id', organisationId: 'c.owner_organisation_id', unitId: 'c.owner_unit_id', ownerUserId: 'c.coordinator_user_id' },
  where: "c.status <> 'purged'",
});

const PREMISES_COLUMNS = { id: 'p.id', collaborationId: 'p.collaboration_id', organisationId: 'p.owner_organisation_id' };

export const RECORD_TARGETS: Record<string, RecordTarget> = {
  // Reading an action is reading its promise (libs/promises promise-access.ts).
  action: {
    page: 'action',
    from: 'actions x JOIN commitments cm ON cm.id = x.commitment_id',
    key: 'x.id',
    target: 'x.id',
    columns: { id: 'cm.promise_id', collaborationId: 'x.collaboration_id' },
  },
  follow_up: {
    page: 'follow_up',
    from: 'follow_ups x JOIN promises p ON p.id = x.promise_id',
    key: 'x.id',
    target: 'x.id',
    columns: { id: 'p.id', collaborationId: 'p.collaboration_id' },
  },
  finding: {
    page: 'finding',
    from: 'findings x',
    key: 'x.id',
    target: 'x.id',
    columns: { id: 'x.promise_id', collaborationId: 'x.collaboration_id' },
  },
  // A photo's read is recorded with the finding's id (the route's :id): it links to the finding.
  finding_photo: {
    page: 'finding',
    from: 'findings x',
    key: 'x.id',
    target: 'x.id',
    columns: { id: 'x.promise_id', collaborationId: 'x.collaboration_id' },
  },
  inspection: {
    page: 'inspection',
    from: 'inspections x',
    key: 'x.id',
    target: 'x.id',
    columns: { id: 'x.id', collaborationId: 'x.collaboration_id', organisationId: 'x.owner_organisation_id' },
  },
  sanction_case: {
    page: 'sanction_case',
    from: 'sanction_cases x JOIN licences l ON l.id = x.licence_id',
    key: 'x.id',
    target: 'x.id',
    columns: { id: 'l.premises_id', collaborationId: 'x.collaboration_id', organisationId: 'x.owner_organisation_id' },
  },
  premises: { page: 'premises', from: 'premises p', key: 'p.id', target: 'p.id', columns: PREMISES_COLUMNS },
  restaurant_report: {
    page: 'premises',
    from: 'restaurant_reports x JOIN licences l ON l.id = x.licence_id JOIN premises p ON p.id = l.premises_id',
    key: 'x.id',
    target: 'p.id',
    columns: PREMISES_COLUMNS,
  },
  // A referral is addressed to the licensing officers of its municipality (licensing-referrals.service).
  licensing_referral: {
    page: 'licensing_referral',
    from: 'licensing_referrals x',
    key: 'x.id',
    target: 'x.id',
    columns: { id: 'x.id', organisationId: 'x.owner_organisation_id' },
  },
  premises_tip: {
    page: 'premises_tip',
    from: 'premises_tips x JOIN premises p ON p.id = x.premises_id',
    key: 'x.id',
    target: 'x.id',
    columns: PREMISES_COLUMNS,
  },
  youth_case: {
    page: 'youth_case',
    from: 'youth_cases c',
    key: 'c.id',
    target: 'c.id',
    columns: { id: 'c.id', organisationId: 'c.owner_organisation_id', unitId: 'c.owner_unit_id', ownerUserId: 'c.coordinator_user_id' },
    where: "c.status <> 'purged'",
  },
  youth_consent: YOUTH_CASE_OF('youth_consents'),
  youth_meeting: YOUTH_CASE_OF('youth_meetings'),
  youth_plan_item: YOUTH_CASE_OF('youth_plan_items'),
  operation: {
    page: 'operation',
    from: 'operations x',
    key: 'x.id',
    target: 'x.id',
    columns: {
      id: 'x.id',
      collaborationId: 'x.collaboration_id',
      organisationId: 'x.owner_organisation_id',
      unitId: 'x.owner_unit_id',
      ownerUserId: 'x.proposed_by',
    },
  },
  user: { page: 'user', from: 'users x', key: 'x.id', target: 'x.id', columns: { id: 'x.id', organisationId: 'x.organisation_id', ownerUserId: 'x.id' } },
};

/**
 * An SQL expression: the web path of the record (`typeColumn`, `idColumn`) for `principal`, or
 * NULL when it has no page or the principal may not open it — by the page's permission and the
 * record's scope (role scope, per-record grants, denies), as the record's own GET decides.
 * One correlated, indexed lookup per row, inside the list's statement (no N+1).
 */
export function recordLinkSql(principal: Principal, typeColumn: string, idColumn: string, now: Date): SqlCondition {
  const params: Record<string, unknown> = {};
  const branches: string[] = [];
  const cases: string[] = [];
  const t = { id: 't.grant_id', collaborationId: 't.collaboration', organisationId: 't.organisation', unitId: 't.unit', ownerUserId: 't.owner' };
  for (const [type, target] of Object.entries(RECORD_TARGETS)) {
    const c = target.columns;
    branches.push(`SELECT '${target.page}'::text AS page, ${target.target} AS target_id, ${c.id} AS grant_id,
        ${c.collaborationId ?? 'NULL::uuid'} AS collaboration, ${c.organisationId ?? 'NULL::uuid'} AS organisation,
        ${c.unitId ?? 'NULL::uuid'} AS unit, ${c.ownerUserId ?? 'NULL::uuid'} AS owner
      FROM ${target.from} WHERE ${typeColumn} = '${type}' AND ${target.key} = ${idColumn}${target.where ? ` AND ${target.where}` : ''}`);
  }
  for (const [page, definition] of Object.entries(RECORD_PAGES) as [RecordPageType, RecordPage][]) {
    const allowed = scopeCondition(principal, definition.permission, t, now);
    Object.assign(params, allowed.params);
    cases.push(`WHEN t.page = '${page}' AND ${allowed.sql} THEN '${definition.path('')}' || t.target_id::text`);
  }
  return { sql: `(SELECT CASE ${cases.join(' ')} END FROM (${branches.join(' UNION ALL ')}) t LIMIT 1)`, params };
}
