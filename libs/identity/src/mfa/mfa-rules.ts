import { createHash, randomBytes } from 'node:crypto';
import { type PrincipalSession, strongWithin } from '@samverkan/access';

/**
 * Rules of the second factors (issue #18): a password with TOTP (RFC 6238), a recovery code or a
 * passkey (WebAuthn) counts as strong authentication for local accounts (HSLF-FS 2016:40 4 kap 4 §).
 */

/** The step between a password and its second factor, and a passkey ceremony, must finish within this. */
export const MFA_CHALLENGE_MINUTES = 5;
/** Recovery codes shown once at a time. */
export const RECOVERY_CODE_COUNT = 10;
/** TOTP: 30-second steps, six digits (RFC 6238 defaults, what authenticator apps expect). */
export const TOTP_PERIOD_SECONDS = 30;
/** One step either side for clock drift (RFC 6238 5.2 recommends at most one step back). */
export const TOTP_TOLERANCE_SECONDS = 30;

export type SecondFactor = 'totp' | 'recovery_code' | 'passkey';

/** The second factors a user may complete a sign-in with, in the order the web offers them. */
export function secondFactors(totpConfirmed: boolean, passkeys: number): SecondFactor[] {
  return [...(totpConfirmed ? (['totp', 'recovery_code'] as const) : []), ...(passkeys > 0 ? (['passkey'] as const) : [])];
}

/** 32 letters and digits without look-alikes (no i, l, o, u): five bits each. */
const RECOVERY_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** A recovery code: ten characters (50 random bits), shown as `xxxxx-xxxxx`. */
export function newRecoveryCode(random: Buffer = randomBytes(10)): string {
  const chars = [...random.subarray(0, 10)].map((byte) => RECOVERY_ALPHABET[byte & 31]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

/** What a person typed, as stored: case, spaces and dashes do not matter. */
export function normaliseRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]/g, '');
}

/** A six-digit TOTP code as typed, spaces removed; null when it cannot be one. */
export function normaliseTotpCode(input: string): string | null {
  const code = input.replace(/\s/g, '');
  return /^\d{6}$/.test(code) ? code : null;
}

/** SHA-256 (hex) of a high-entropy secret (recovery code, challenge token): enough, as it cannot be guessed. */
export const sha256Hex = (value: string) => createHash('sha256').update(value).digest('hex');

/** The WebAuthn relying party: the configured origin (default: PUBLIC_URL's) and rp id (default: its host name). */
export function relyingParty(config: { WEBAUTHN_ORIGIN: string; WEBAUTHN_RP_ID: string; PUBLIC_URL: string }): { origin: string; rpId: string } {
  const origin = new URL(config.WEBAUTHN_ORIGIN || config.PUBLIC_URL).origin;
  return { origin, rpId: config.WEBAUTHN_RP_ID || new URL(origin).hostname };
}

/**
 * Changing the factors of an account that has one (adding a passkey, removing one) is allowed only
 * in a session that authenticated strongly within the step-up time: else a stolen password session
 * could add its own passkey and make itself strong.
 */
export function mayChangeFactors(hasFactor: boolean, session: PrincipalSession | undefined, stepUpMaxAgeMinutes: number, now: Date): boolean {
  return !hasFactor || strongWithin(session, stepUpMaxAgeMinutes, now);
}
