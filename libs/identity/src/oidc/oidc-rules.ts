/**
 * Sign-in through an organisation's identity provider (OpenID Connect, issue #18): the pure
 * decisions, apart from the HTTP and the database.
 */

/** Which users column a provider's user claim is matched against. */
export const MATCH_ON = ['email', 'external_subject'] as const;
export type MatchOn = (typeof MATCH_ON)[number];

/** How long a started sign-in waits for the provider's answer. */
export const LOGIN_ATTEMPT_MINUTES = 10;

/**
 * Whether the provider's `acr` counts as strong authentication: only the values the organisation
 * named (e.g. a SITHS or BankID level). Social services' records need it (HSLF-FS 2016:40 4 kap. 3 §).
 */
export function isStrongAcr(acr: unknown, strongValues: readonly string[]): boolean {
  return typeof acr === 'string' && acr !== '' && strongValues.includes(acr);
}

/**
 * Whether an issuer may be used: over https always; over plain http only outside production (the
 * tests' and the demo's local providers). Tokens and the client secret travel to it.
 */
export function issuerAllowed(issuer: string, production: boolean): boolean {
  const protocol = URL.canParse(issuer) ? new URL(issuer).protocol : '';
  return protocol === 'https:' || (protocol === 'http:' && !production);
}

/** The `amr` claim as a list of short strings (anything else is dropped). */
export function amrOf(claims: Record<string, unknown>): string[] {
  const amr = claims.amr;
  return Array.isArray(amr) ? amr.filter((v): v is string => typeof v === 'string' && v.length <= 40).slice(0, 10) : [];
}

/** The value of the claim that names the user, trimmed; undefined when absent, empty or not a scalar. */
export function claimValue(claims: Record<string, unknown>, claim: string): string | undefined {
  const value = claims[claim];
  const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : undefined;
  return text && text.length <= 320 ? text : undefined;
}

export type OidcRefusal = 'oidc.nonce_mismatch' | 'oidc.id_token_invalid' | 'oidc.provider_refused' | 'oidc.provider_unavailable';

/**
 * What a failed code exchange means for the user, from openid-client's (oauth4webapi's) error:
 * the nonce belongs to another attempt; the ID token is not for us, expired or badly signed; the
 * provider refused the code; or the provider could not be reached. The technical detail goes to
 * the audit trail, never to the user.
 */
export function classifyOidcError(error: unknown): { code: OidcRefusal; detail: string; providerError?: string } {
  const e = (error ?? {}) as { code?: unknown; message?: unknown; cause?: unknown; error?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  // openid-client wraps oauth4webapi's error (its `cause`), which names the claim that failed in its own `cause`.
  const inner = (e.cause instanceof Error ? e.cause : e) as { message?: unknown; cause?: unknown; error?: unknown };
  const cause = (inner.cause ?? e.cause ?? {}) as { claim?: unknown; error?: unknown };
  const claim = typeof cause.claim === 'string' ? cause.claim : undefined;
  const message = typeof inner.message === 'string' ? inner.message : String(error);
  const detail = `${code || 'error'}${claim ? ` (${claim})` : ''}: ${message}`.slice(0, 500);
  if (code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' && claim === 'nonce') return { code: 'oidc.nonce_mismatch', detail };
  if (code === 'OAUTH_RESPONSE_BODY_ERROR' || code === 'OAUTH_AUTHORIZATION_RESPONSE_ERROR') {
    const providerError = [e.error, inner.error, cause.error].find((v): v is string => typeof v === 'string') ?? 'error';
    return { code: 'oidc.provider_refused', detail, providerError: providerError.slice(0, 60) };
  }
  if (code.startsWith('OAUTH_') || code.startsWith('ERR_JW')) return { code: 'oidc.id_token_invalid', detail };
  return { code: 'oidc.provider_unavailable', detail };
}
