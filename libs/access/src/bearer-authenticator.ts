import type { Principal } from './principal.js';

/**
 * Turns a bearer access token into the signed-in principal, or null when the token is not valid
 * (signature, issuer, audience, expiry, claims) or its user, version or session no longer holds.
 * libs/identity provides it (AccessTokenAuthenticator); the access guard calls it, so access does
 * not import identity, whose own routes are guarded by access.
 */
export abstract class BearerAuthenticator {
  abstract authenticate(token: string): Promise<Principal | null>;
}

// RFC 6750 §2.1: `Authorization: Bearer <token>`, the scheme case-insensitive.
const BEARER = /^\s*bearer\s+(\S+)\s*$/i;

/** The token of an `Authorization: Bearer …` header, or undefined. */
export function bearerToken(authorization: string | string[] | undefined): string | undefined {
  if (typeof authorization !== 'string') return undefined;
  return BEARER.exec(authorization)?.[1];
}
