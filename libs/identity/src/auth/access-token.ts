import { createSecretKey, type KeyObject } from 'node:crypto';
import { type AppConfig, jwtSecret } from '@samverkan/platform';

/**
 * What an access token (JWT, HS256) must carry to be accepted. RFC 8725 (JWT Best Current
 * Practices) §3.8–3.9: validate issuer and audience; the token is refused unless it names this
 * issuer and this api as its audience, carries `iat` and `exp`, the user's token version (`tv`,
 * bumped on deactivation) and its session (`sid`, the refresh-token family, revoked on sign-out
 * and on refresh-token reuse). The session and version are checked against the database on every
 * request (PrincipalService.load), so a revocation takes effect on the very next call.
 */
export const ACCESS_TOKEN_ISSUER = 'samverkan';
export const ACCESS_TOKEN_AUDIENCE = 'samverkan-api';
export const ACCESS_TOKEN_ALGORITHM = 'HS256';

export interface AccessTokenPayload {
  sub: string;
  /** users.token_version when issued; a deactivation bumps it and voids the token. */
  tv: number;
  /** The session: the refresh-token family the token was issued with. */
  sid: string;
}

/** The claims the verifier hands over, once the signature, issuer, audience and expiry hold. */
export interface VerifiedAccessToken {
  userId: string;
  tokenVersion: number;
  sessionId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isTime = (value: unknown) => typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

/**
 * The token's subject, version and session, or undefined when a required claim is missing or
 * malformed. jsonwebtoken checks `exp` only when present and `iat` only with `maxAge`, so their
 * presence is checked here too.
 */
export function readAccessToken(payload: unknown): VerifiedAccessToken | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const claims = payload as Record<string, unknown>;
  const { sub, tv, sid, iat, exp } = claims;
  if (typeof sub !== 'string' || !UUID.test(sub)) return undefined;
  if (typeof sid !== 'string' || !UUID.test(sid)) return undefined;
  if (typeof tv !== 'number' || !Number.isSafeInteger(tv) || tv < 0 || tv > 2_147_483_647) return undefined;
  if (!isTime(iat) || !isTime(exp) || (exp as number) <= (iat as number)) return undefined;
  if (claims.iss !== ACCESS_TOKEN_ISSUER || claims.aud !== ACCESS_TOKEN_AUDIENCE) return undefined;
  return { userId: sub, tokenVersion: tv, sessionId: sid };
}

const keys = new WeakMap<object, KeyObject>();

/**
 * The signing key as a KeyObject, made once per configuration: given a string, jsonwebtoken builds
 * a new KeyObject on every sign and verify (measured at 16 % of the api's CPU in #19).
 */
export function accessTokenKey(config: Pick<AppConfig, 'JWT_SECRET'>): KeyObject {
  let key = keys.get(config);
  if (!key) {
    key = createSecretKey(Buffer.from(jwtSecret(config), 'utf8'));
    keys.set(config, key);
  }
  return key;
}
