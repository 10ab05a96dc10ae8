import { describe, expect, it } from '@jest/globals';
import { mayChangeFactors, newRecoveryCode, normaliseRecoveryCode, normaliseTotpCode, relyingParty, secondFactors } from './mfa-rules.js';

describe('mfa rules', () => {
  it('offers the recovery codes only with TOTP, and passkeys when there are any', () => {
    expect(secondFactors(false, 0)).toEqual([]);
    expect(secondFactors(true, 0)).toEqual(['totp', 'recovery_code']);
    expect(secondFactors(false, 2)).toEqual(['passkey']);
    expect(secondFactors(true, 1)).toEqual(['totp', 'recovery_code', 'passkey']);
  });

  it('makes recovery codes of ten characters without look-alikes, typed in any case with or without the dash', () => {
    const code = newRecoveryCode(Buffer.from([0, 1, 2, 3, 31, 32, 33, 63, 255, 200]));
    expect(code).toBe('0123z-01zz8');
    expect(newRecoveryCode()).toMatch(/^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);
    expect(normaliseRecoveryCode(' 0123Z-01ZZ8 ')).toBe('0123z01zz8');
  });

  it('takes six digits as a TOTP code', () => {
    expect(normaliseTotpCode('123 456')).toBe('123456');
    expect(normaliseTotpCode('12345')).toBeNull();
    expect(normaliseTotpCode('abcdef')).toBeNull();
  });

  it('derives the relying party from PUBLIC_URL unless configured', () => {
    expect(relyingParty({ WEBAUTHN_ORIGIN: '', WEBAUTHN_RP_ID: '', PUBLIC_URL: 'https://samverkan.hammaro.se/app' })).toEqual({
      origin: 'https://samverkan.hammaro.se',
      rpId: 'samverkan.hammaro.se',
    });
    expect(relyingParty({ WEBAUTHN_ORIGIN: 'https://a.example.se:8443', WEBAUTHN_RP_ID: 'example.se', PUBLIC_URL: 'http://x' })).toEqual({
      origin: 'https://a.example.se:8443',
      rpId: 'example.se',
    });
  });

  it('lets the factors of an account with one change only in a recently strong session', () => {
    const now = new Date('2026-11-30T10:00:00Z');
    const session = (strongAt: string | null) => ({ id: 's', method: 'password' as const, acr: null, strongAt: strongAt ? new Date(strongAt) : null });
    expect(mayChangeFactors(false, session(null), 15, now)).toBe(true);
    expect(mayChangeFactors(true, session(null), 15, now)).toBe(false);
    expect(mayChangeFactors(true, session('2026-11-30T09:50:00Z'), 15, now)).toBe(true);
    expect(mayChangeFactors(true, session('2026-11-30T09:40:00Z'), 15, now)).toBe(false);
  });
});
