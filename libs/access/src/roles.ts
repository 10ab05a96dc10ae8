import { type Permission, type PermissionArea, permissionArea } from './permissions.js';

/**
 * How far a role's permission reaches:
 * - own: records the user owns (created or is responsible for)
 * - unit: records owned by the unit of the membership that carries the role
 * - organisation: records owned by that unit's organisation
 * - collaboration: records of the collaborations that organisation takes part in
 * - all: every record in the deployment
 */
export const SCOPES = ['own', 'unit', 'organisation', 'collaboration', 'all'] as const;
export type Scope = (typeof SCOPES)[number];

/** The kinds of organisation a collaboration is made of (and a role may be held in). */
export const ORGANISATION_KINDS = ['police', 'municipality', 'rescue_service', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export interface RoleDefinition {
  label: string;
  /** The kinds of organisation in which a membership may carry this role. */
  organisationKinds: readonly OrganisationKind[];
  /** The scope of every permission unless `permissions` names another for it. */
  scope: Scope;
  permissions: readonly (Permission | [Permission, Scope])[];
}

const ANY_KIND: readonly OrganisationKind[] = ORGANISATION_KINDS;

/**
 * The role catalogue: each role is a set of permissions and a scope (Primero's model). The role ×
 * permission matrix test renders this file, so every change here shows up as a test diff.
 * Youth cases and operation intelligence are restricted: no role reads them across organisations;
 * sharing them goes through per-record grants and recorded disclosures.
 */
export const ROLES = {
  system_admin: {
    label: 'Systemadministratör (System administrator)',
    organisationKinds: ANY_KIND,
    scope: 'all',
    permissions: [
      'organisation:read',
      'organisation:manage',
      'organisation:details',
      'collaboration:manage',
      'user:read',
      'user:manage',
      'audit:read',
      'audit:verify',
      'reminder_rule:manage',
      'operations:read',
    ],
  },
  org_admin: {
    label: 'Organisationsadministratör (Organisation administrator)',
    organisationKinds: ANY_KIND,
    scope: 'organisation',
    // Its own organisation's contact and court: the public page and its letters show them.
    permissions: ['organisation:read', 'organisation:details', 'user:read', 'user:manage'],
  },
  police_officer: {
    label: 'Polis (Police officer)',
    organisationKinds: ['police'],
    scope: 'unit',
    permissions: [
      ['promise:read', 'collaboration'],
      'promise_action:update',
      // Findings: they record what a round finds; they work on those their unit is responsible for.
      'finding:record',
      'finding:update',
      // Premises, licences and inspections: those they take part in (per-record grants), not the register.
      ['premises:read', 'own'],
      ['inspection:read', 'own'],
      ['inspection:perform', 'own'],
      // The police may propose a sanction on premises they inspected; only the municipality decides.
      ['sanction:propose', 'own'],
      // Youth cases only through a consent or a recorded disclosure to the police (per-record grants).
      ['youth_case:read', 'own'],
      ['youth_concern:report', 'collaboration'],
      // Operations: those they proposed, and those they take part in (per-record grants); commanders see all.
      ['operation:read', 'own'],
      'operation:propose',
      ['operation:report', 'own'],
      ['operation_summary:read', 'collaboration'],
    ],
  },
  police_commander: {
    label: 'Insatschef (Police commander)',
    organisationKinds: ['police'],
    scope: 'organisation',
    permissions: [
      ['promise:read', 'collaboration'],
      ['promise:manage', 'collaboration'],
      ['promise_action:update', 'collaboration'],
      ['promise:report', 'collaboration'],
      'finding:record',
      'finding:update',
      ['premises:read', 'own'],
      ['inspection:read', 'own'],
      ['inspection:perform', 'own'],
      ['sanction:propose', 'own'],
      ['youth_case:read', 'own'],
      ['youth_concern:report', 'collaboration'],
      'operation:read',
      'operation:propose',
      'operation:decide',
      'operation:report',
      ['operation_summary:read', 'collaboration'],
      'work_queue:read',
    ],
  },
  social_worker: {
    label: 'Socialsekreterare (Social worker)',
    organisationKinds: ['municipality'],
    scope: 'unit',
    permissions: [
      ['promise:read', 'collaboration'],
      'youth_case:read',
      'youth_case:create',
      'youth_case:update',
      'youth_case:share',
      'youth_case:disclose',
      ['youth_subject:find', 'organisation'],
      ['youth_subject:reveal', 'organisation'],
    ],
  },
  social_services_manager: {
    label: 'Enhetschef socialtjänst (Social services manager)',
    organisationKinds: ['municipality'],
    scope: 'unit',
    permissions: [
      ['promise:read', 'collaboration'],
      ['promise_action:update', 'organisation'],
      'youth_case:read',
      'youth_case:create',
      'youth_case:update',
      'youth_case:share',
      'youth_case:disclose',
      'youth_case:close',
      'youth_case:access_log',
      ['youth_statistics:read', 'organisation'],
      ['youth_subject:find', 'organisation'],
      ['youth_subject:reveal', 'organisation'],
      ['youth_subject:extract', 'organisation'],
      'work_queue:read',
    ],
  },
  licensing_officer: {
    label: 'Alkoholhandläggare (Licensing officer)',
    organisationKinds: ['municipality'],
    scope: 'organisation',
    permissions: [
      ['promise:read', 'collaboration'],
      'promise_action:update',
      'finding:record',
      'finding:update',
      'premises:read',
      'premises:manage',
      'inspection:read',
      'inspection:plan',
      'inspection:perform',
      'sanction:propose',
      'sanction:decide',
    ],
  },
  municipal_guard: {
    label: 'Väktare (Municipal security guard)',
    organisationKinds: ['municipality'],
    scope: 'unit',
    permissions: [['promise:read', 'collaboration'], 'promise_action:update', 'finding:record', 'finding:update'],
  },
  rescue_service: {
    label: 'Räddningstjänst (Rescue service)',
    organisationKinds: ['rescue_service'],
    scope: 'unit',
    // A partner of the collaboration (collaboration_partners): reads the promise, records the safety
    // walks it takes part in (the party rule in libs/promises party.ts) and what they find; nothing
    // of youth cases, licensing or operations.
    permissions: [['promise:read', 'collaboration'], 'promise_action:update', 'finding:record'],
  },
  safety_coordinator: {
    label: 'Trygghetssamordnare (Safety coordinator)',
    organisationKinds: ['municipality'],
    scope: 'collaboration',
    permissions: [
      'promise:read',
      'promise:manage',
      'promise_action:update',
      'promise:report',
      'finding:record',
      'finding:update',
      'premises:read',
      'inspection:read',
      'operation_summary:read',
      'youth_statistics:read',
      ['work_queue:read', 'organisation'],
    ],
  },
  manager: {
    label: 'Chef, läsbehörighet (Manager, read access)',
    organisationKinds: ['police', 'municipality'],
    scope: 'collaboration',
    permissions: [
      'promise:read',
      'promise:report',
      'premises:read',
      'inspection:read',
      'operation_summary:read',
      'youth_statistics:read',
      // A manager answers for the organisation's work: sees its queue and hands an action to another person.
      ['work_queue:read', 'organisation'],
      ['promise_action:reassign', 'organisation'],
    ],
  },
  auditor: {
    label: 'Granskare (Auditor)',
    organisationKinds: ANY_KIND,
    scope: 'organisation',
    permissions: ['audit:read', 'audit:verify'],
  },
} as const satisfies Record<string, RoleDefinition>;

export type RoleName = keyof typeof ROLES;
export const ROLE_NAMES = Object.keys(ROLES) as RoleName[];

export function isRoleName(value: string): value is RoleName {
  return Object.hasOwn(ROLES, value);
}

/** Roles whose holders lead a unit's work: overdue deadlines escalate to them. */
export const SUPERVISOR_ROLES: readonly RoleName[] = ['social_services_manager', 'police_commander', 'safety_coordinator', 'manager'];

/** The scope with which `role` holds `permission`, or undefined if it does not. */
export function roleScope(role: RoleName, permission: Permission): Scope | undefined {
  const definition: RoleDefinition = ROLES[role];
  for (const entry of definition.permissions) {
    if (entry === permission) return definition.scope;
    if (Array.isArray(entry) && entry[0] === permission) return entry[1];
  }
  return undefined;
}

/** The permissions a role holds, without their scopes. */
export function rolePermissions(role: RoleName): Permission[] {
  const definition: RoleDefinition = ROLES[role];
  return definition.permissions.map((entry) => (Array.isArray(entry) ? entry[0] : (entry as Permission)));
}

/**
 * The areas one kind of organisation keeps to itself: youth cases are social services' (the
 * municipality's; secret under OSL 26 kap 1 §), operations and their intelligence the police's.
 */
export const AREA_KEEPERS = { social_services: 'municipality', police: 'police' } as const satisfies Partial<Record<PermissionArea, OrganisationKind>>;
export type RestrictedArea = keyof typeof AREA_KEEPERS;

/**
 * The restricted areas a role reads in its own right: the areas of its permissions whose keeper
 * is a kind of organisation the role is held in. A police officer's `youth_case:read` (own scope)
 * reaches only the cases social services share with them through a grant, so it does not make the
 * role a social-services role; a social worker's does.
 */
export function restrictedAreas(role: RoleName): RestrictedArea[] {
  const kinds: readonly OrganisationKind[] = ROLES[role].organisationKinds;
  const areas = new Set<RestrictedArea>();
  for (const permission of rolePermissions(role)) {
    const area = permissionArea(permission);
    if (area in AREA_KEEPERS && kinds.includes(AREA_KEEPERS[area as RestrictedArea])) areas.add(area as RestrictedArea);
  }
  return [...areas];
}

/**
 * Who may give or end a role (issue #15; and nobody their own: users.service):
 * - `system`: a role that reaches every record (a permission with scope `all`) — only those who
 *   administer everything;
 * - `administrator`: a purely administrative role (every permission in the administration area:
 *   org_admin, auditor) — anyone who administers the membership's organisation, a system
 *   administrator included: that is how a new organisation gets its first administrators;
 * - `own_administrator`: every domain role — only an administrator of the very organisation the
 *   membership is in, never a system administrator. For a role reading youth cases that is the
 *   municipality's administrator, for a police role the police organisation's (a restricted role is
 *   held only in its keeper's kind of organisation; roles.spec checks it).
 */
export type GrantAuthority = 'system' | 'administrator' | 'own_administrator';

export function grantAuthority(role: RoleName): GrantAuthority {
  const permissions = rolePermissions(role);
  if (permissions.some((permission) => roleScope(role, permission) === 'all')) return 'system';
  return permissions.every((permission) => permissionArea(permission) === 'administration') ? 'administrator' : 'own_administrator';
}
