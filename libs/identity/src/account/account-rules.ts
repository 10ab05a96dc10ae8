/**
 * Rules of the account life cycle (issue #18): how long one-time links live, what state a link is
 * in, and how a session's device is named in the session lists. Pure; unit-tested.
 */
import { createHash, randomBytes } from 'node:crypto';

export const ACCOUNT_TOKEN_KINDS = ['invitation', 'password_reset'] as const;
export type AccountTokenKind = (typeof ACCOUNT_TOKEN_KINDS)[number];

/** An invitation link is valid 72 hours, a password reset link one hour (issue #18). */
export const ACCOUNT_TOKEN_TTL_MINUTES: Record<AccountTokenKind, number> = { invitation: 72 * 60, password_reset: 60 };

export type AccountTokenState = 'valid' | 'used' | 'expired';

/** A used link never works again, even before it would have expired; an unused one until its expiry. */
export function accountTokenState(token: { usedAt: Date | null; expiresAt: Date }, now: Date): AccountTokenState {
  if (token.usedAt) return 'used';
  return token.expiresAt > now ? 'valid' : 'expired';
}

export const INVITATION_STATES = ['pending', 'accepted', 'expired'] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];

/** The state of a user's latest invitation: accepted once used, else pending until it expires. */
export function invitationState(token: { usedAt: Date | null; expiresAt: Date }, now: Date): InvitationState {
  const state = accountTokenState(token, now);
  return state === 'used' ? 'accepted' : state === 'valid' ? 'pending' : 'expired';
}

/** A new raw token (256 bits, only ever in the e-mail link) and the SHA-256 that is stored. */
export function newAccountToken(): { raw: string; hash: string } {
  const raw = randomBytes(32).toString('base64url');
  return { raw, hash: hashAccountToken(raw) };
}

export const hashAccountToken = (raw: string): string => createHash('sha256').update(raw).digest('hex');

/** A raw token as the links carry it: 43 characters of base64url. Anything else is not looked up. */
export const isAccountTokenShape = (raw: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(raw);

const BROWSERS: [RegExp, string][] = [
  [/Edg\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/Firefox\//, 'Firefox'],
  [/Chrome\/|Chromium\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const SYSTEMS: [RegExp, string][] = [
  [/Windows/, 'Windows'],
  [/iPhone|iPad/, 'iOS'],
  [/Android/, 'Android'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux|X11/, 'Linux'],
];

/** A user agent summarised as the session lists show it: browser and system, or null when unknown. */
export function describeDevice(userAgent: string | null): { browser: string | null; system: string | null } {
  if (!userAgent) return { browser: null, system: null };
  return {
    browser: BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null,
    system: SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null,
  };
}
