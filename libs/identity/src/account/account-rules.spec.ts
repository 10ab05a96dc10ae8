import { describe, expect, it } from '@jest/globals';
import { accountTokenState, describeDevice, hashAccountToken, invitationState, isAccountTokenShape, newAccountToken } from './account-rules.js';

const now = new Date('2026-11-30T10:00:00Z');
const later = new Date('2026-11-30T11:00:00Z');
const earlier = new Date('2026-11-30T09:00:00Z');

describe('account-rules', () => {
  it('a used link is used even before its expiry; an unused one is valid until it expires', () => {
    expect(accountTokenState({ usedAt: earlier, expiresAt: later }, now)).toBe('used');
    expect(accountTokenState({ usedAt: null, expiresAt: later }, now)).toBe('valid');
    expect(accountTokenState({ usedAt: null, expiresAt: now }, now)).toBe('expired');
    expect(invitationState({ usedAt: earlier, expiresAt: earlier }, now)).toBe('accepted');
    expect(invitationState({ usedAt: null, expiresAt: later }, now)).toBe('pending');
    expect(invitationState({ usedAt: null, expiresAt: earlier }, now)).toBe('expired');
  });

  it('stores only the hash of a fresh 256-bit token', () => {
    const a = newAccountToken();
    const b = newAccountToken();
    expect(a.raw).not.toBe(b.raw);
    expect(isAccountTokenShape(a.raw)).toBe(true);
    expect(a.hash).toBe(hashAccountToken(a.raw));
    expect(a.hash).not.toContain(a.raw);
    expect(isAccountTokenShape('short')).toBe(false);
  });

  it('names the browser and system of a user agent', () => {
    expect(describeDevice('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36')).toEqual({
      browser: 'Chrome',
      system: 'Linux',
    });
    expect(describeDevice('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile Safari/604.1')).toEqual({
      browser: 'Safari',
      system: 'iOS',
    });
    expect(describeDevice('Mozilla/5.0 (Windows NT 10.0) Gecko/20100101 Firefox/133.0')).toEqual({ browser: 'Firefox', system: 'Windows' });
    expect(describeDevice(null)).toEqual({ browser: null, system: null });
    expect(describeDevice('curl/8.0')).toEqual({ browser: null, system: null });
  });
});
