import type { Permission } from './permissions.js';
import { hasPermission, type Principal } from './principal.js';
import { isStrongSession, type PrincipalSession, strongWithin } from './session-assurance.js';

/** Why a permission needs a strong session: the rule behind it (shown to the user by the web). */
export type StrongAuthRule = 'social_services_records' | 'police_intelligence';

/**
 * The permissions that need a strong session (issue #18): an identity provider's `acr` that counts
 * as strong, or a password with a second factor (session-assurance.ts). A weaker session holding
 * one of them is refused with 403 `auth.strong_required` wherever the permission is checked
 * (access.guard.ts, AccessService, scopeCondition).
 * - social_services_records: reading and working youth cases and the young people they are about,
 *   and finding them by personal number — HSLF-FS 2016:40 4 kap 4 § (strong authentication for
 *   access to social services' records from outside a protected network; in practice SITHS eID,
 *   Freja eID or BankID), the records being secret under OSL 26 kap 1 §.
 * - police_intelligence: police operations and the intelligence behind them — brottsdatalagen
 *   (2018:1177) 3 kap 8 § and Polisens datalag (2010:361) with the Police's security requirements
 *   (strong authentication for access to personal data in intelligence work).
 * Not here: `operation_summary:read` (the released, aggregated summaries the collaboration reads),
 * `youth_statistics:read` (aggregates with small groups suppressed) and `youth_concern:report`
 * (anyone may file a report of concern, SoL 14 kap 1 §).
 */
export const STRONG_SESSION_PERMISSIONS = {
  'youth_case:read': 'social_services_records',
  'youth_case:create': 'social_services_records',
  'youth_case:update': 'social_services_records',
  'youth_case:share': 'social_services_records',
  'youth_case:disclose': 'social_services_records',
  'youth_case:close': 'social_services_records',
  'youth_case:access_log': 'social_services_records',
  'youth_subject:find': 'social_services_records',
  'youth_subject:reveal': 'social_services_records',
  'youth_subject:extract': 'social_services_records',
  'operation:read': 'police_intelligence',
  'operation:propose': 'police_intelligence',
  'operation:decide': 'police_intelligence',
  'operation:report': 'police_intelligence',
} as const satisfies Partial<Record<Permission, StrongAuthRule>>;

export type StrongSessionPermission = keyof typeof STRONG_SESSION_PERMISSIONS;

/**
 * Acts that need a *fresh* strong authentication (step-up): the last strong sign-in or step-up of
 * the session must be at most STEP_UP_MAX_AGE_MINUTES old, else 403 `auth.step_up_required`.
 * - personal_number: showing a full personal number (reveal, register extract) — HSLF-FS 2016:40
 *   4 kap 4 § with OSL 26 kap 1 §: the most sensitive single fact of a social services record.
 * - intelligence: opening an operation's sealed intelligence — brottsdatalagen 3 kap 8 §.
 */
export const STEP_UP_ACTS = ['personal_number', 'intelligence'] as const;
export type StepUpAct = (typeof STEP_UP_ACTS)[number];

/** The step-up age when the configuration does not name one. */

export function requiresStrongSession(permission: string): permission is StrongSessionPermission {
  return Object.hasOwn(STRONG_SESSION_PERMISSIONS, permission);
}

/**
 * Whether the session may use `permission`. A principal without a session (loaded without an
 * access token: internal use, never a request) is not judged here; every request has one.
 */
export function sessionAllows(session: PrincipalSession | undefined, permission: string): boolean {
  return session === undefined || !requiresStrongSession(permission) || isStrongSession(session);
}

/** Whether the session's last strong authentication is recent enough for a step-up act. */
export function sessionFreshFor(session: PrincipalSession | undefined, maxAgeMinutes: number, now: Date): boolean {
  return session === undefined || strongWithin(session, maxAgeMinutes, now);
}

/** The permissions the principal holds that need a strong session (for /me, so the web knows). */
export function strongPermissionsOf(principal: Principal): StrongSessionPermission[] {
  return (Object.keys(STRONG_SESSION_PERMISSIONS) as StrongSessionPermission[]).filter((p) => hasPermission(principal, p));
}
