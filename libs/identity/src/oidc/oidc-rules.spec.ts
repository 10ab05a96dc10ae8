import { describe, expect, it } from '@jest/globals';
import { amrOf, claimValue, classifyOidcError, isStrongAcr, issuerAllowed } from './oidc-rules.js';

describe('sign-in through an identity provider: the rules', () => {
  it('counts only the acr values the organisation named as strong', () => {
    expect(isStrongAcr('urn:siths:loa3', ['urn:siths:loa3'])).toBe(true);
    expect(isStrongAcr('urn:siths:loa2', ['urn:siths:loa3'])).toBe(false);
    expect(isStrongAcr(undefined, ['urn:siths:loa3'])).toBe(false);
    expect(isStrongAcr('', [''])).toBe(false);
  });

  it('accepts a plain-http issuer only outside production', () => {
    expect(issuerAllowed('https://idp.hammaro.se', true)).toBe(true);
    expect(issuerAllowed('http://127.0.0.1:3100', false)).toBe(true);
    expect(issuerAllowed('http://idp.hammaro.se', true)).toBe(false);
    expect(issuerAllowed('ftp://idp.hammaro.se', false)).toBe(false);
    expect(issuerAllowed('not a url', false)).toBe(false);
  });

  it('reads the naming claim and the amr defensively', () => {
    expect(claimValue({ email: ' a@b.test ' }, 'email')).toBe('a@b.test');
    expect(claimValue({ hsa: 12 }, 'hsa')).toBe('12');
    expect(claimValue({ email: ['a'] }, 'email')).toBeUndefined();
    expect(claimValue({}, 'email')).toBeUndefined();
    expect(amrOf({ amr: ['pwd', 3, 'mfa'] })).toEqual(['pwd', 'mfa']);
    expect(amrOf({})).toEqual([]);
  });

  it('tells a nonce mismatch from an invalid token, a refusal and an unreachable provider', () => {
    // As openid-client throws them: its own error around oauth4webapi's, which names the claim.
    const inner = Object.assign(new Error('unexpected ID Token "nonce" claim value'), { code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED', cause: { claim: 'nonce' } });
    const nonce = Object.assign(new Error('unexpected JWT claim value encountered', { cause: inner }), { code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' });
    const audience = Object.assign(new Error('unexpected JWT "aud"'), { code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED', cause: { claim: 'aud' } });
    const refused = Object.assign(new Error('server responded with an error'), { code: 'OAUTH_RESPONSE_BODY_ERROR', error: 'invalid_grant' });
    expect(classifyOidcError(nonce)).toMatchObject({ code: 'oidc.nonce_mismatch', detail: expect.stringContaining('(nonce)') });
    expect(classifyOidcError(audience).code).toBe('oidc.id_token_invalid');
    expect(classifyOidcError(refused)).toMatchObject({ code: 'oidc.provider_refused', providerError: 'invalid_grant' });
    expect(classifyOidcError(new TypeError('fetch failed')).code).toBe('oidc.provider_unavailable');
  });
});
