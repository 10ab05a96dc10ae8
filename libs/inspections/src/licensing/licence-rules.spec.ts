import { describe, expect, it } from '@jest/globals';
import { isOldEnough, isValidOrgNumber, kitchenRequired, normaliseOrgNumber } from './licence-rules.js';

describe('licence rules', () => {
  it('validates organisation numbers with the Luhn check digit', () => {
    expect(isValidOrgNumber('212000-1850')).toBe(true); // Hammarö kommun
    expect(isValidOrgNumber('2120001850')).toBe(true);
    expect(isValidOrgNumber('556016-0680')).toBe(true);
    expect(isValidOrgNumber('556016-0681')).toBe(false);
    expect(isValidOrgNumber('55601-60680')).toBe(false);
    expect(isValidOrgNumber('abcdef-ghij')).toBe(false);
    expect(normaliseOrgNumber('5560160680')).toBe('556016-0680');
  });

  it('requires serving managers to have turned 20', () => {
    expect(isOldEnough('2002-03-15', '2022-03-15')).toBe(true);
    expect(isOldEnough('2002-03-15', '2022-03-14')).toBe(false);
    expect(isOldEnough('2004-02-29', '2024-02-29')).toBe(true);
  });

  it('requires a kitchen only for a permanent licence to the public', () => {
    expect(kitchenRequired('permanent', 'public')).toBe(true);
    expect(kitchenRequired('permanent', 'private')).toBe(false);
    expect(kitchenRequired('temporary', 'public')).toBe(false);
  });
});
