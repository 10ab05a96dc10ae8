/**
 * How a session was authenticated, and whether that counts as strong (issue #18). Social services
 * may open youth cases, and the police read intelligence, only after strong authentication
 * (HSLF-FS 2016:40 4 kap 4 § for social services' records; in practice SITHS eID, Freja eID or
 * BankID through the organisation's identity provider, or a password with a second factor).
 */
export const AUTH_METHODS = ['password', 'password_totp', 'password_recovery_code', 'passkey', 'oidc'] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

/** Why a session ended (auth_sessions.ended_reason). */
export const SESSION_END_REASONS = ['signed_out', 'signed_out_elsewhere', 'ended_by_admin', 'deactivated', 'replayed', 'expired', 'password_changed'] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/** The session a request comes from, loaded with the principal (principal.service.ts). */
export interface PrincipalSession {
  id: string;
  method: AuthMethod;
  /** The identity provider's authentication context class, for an `oidc` session. */
  acr: string | null;
  /** The last strong authentication in this session (sign-in or step-up); null when it never was strong. */
  strongAt: Date | null;
}

/** Whether the session has authenticated strongly at all. */
export function isStrongSession(session: PrincipalSession | undefined): boolean {
  return session?.strongAt != null;
}

/** Whether the last strong authentication is recent enough for an act that asks for step-up. */
export function strongWithin(session: PrincipalSession | undefined, maxAgeMinutes: number, now: Date): boolean {
  return session?.strongAt != null && now.getTime() - session.strongAt.getTime() <= maxAgeMinutes * 60_000;
}
