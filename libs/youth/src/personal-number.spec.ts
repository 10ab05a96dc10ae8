import { describe, expect, it } from '@jest/globals';
import { ageOn, luhnCheckDigit, maskPersonalNumber, parsePersonalNumber } from './personal-number.js';

const TODAY = '2026-11-27';

describe('personal identity numbers', () => {
  it('accepts the usual ways of writing a valid personnummer and stores 12 digits', () => {
    // Skatteverket's well-known test number (Tolvan Tolvansson).
    for (const input of ['19121212-1212', '191212121212', '121212+1212']) {
      expect(parsePersonalNumber(input, TODAY)).toEqual({ canonical: '191212121212', birthDate: '1912-12-12', coordinationNumber: false });
    }
    expect(parsePersonalNumber('080314-2389', TODAY)).toEqual({ canonical: '200803142389', birthDate: '2008-03-14', coordinationNumber: false });
  });

  it('refuses a wrong check digit, an impossible date, a future birth date and malformed input', () => {
    expect(parsePersonalNumber('19121212-1213', TODAY)).toBeNull();
    expect(parsePersonalNumber('20080230-1230', TODAY)).toBeNull();
    expect(parsePersonalNumber('20301212-1213', TODAY)).toBeNull();
    expect(parsePersonalNumber('2008-03-14', TODAY)).toBeNull();
    expect(parsePersonalNumber('19121212+1212', TODAY)).toBeNull();
    expect(parsePersonalNumber('', TODAY)).toBeNull();
  });

  it('accepts a samordningsnummer (day + 60) and derives the real birth date', () => {
    const nine = '080374238'; // 14 March 2008 as a coordination number (74 = 14 + 60)
    const number = `20${nine}${luhnCheckDigit(nine)}`;
    expect(parsePersonalNumber(number, TODAY)).toEqual({ canonical: number, birthDate: '2008-03-14', coordinationNumber: true });
    expect(parsePersonalNumber(`20080392238${luhnCheckDigit('080392238')}`, TODAY)).toBeNull(); // day 32
  });

  it('masks to the date and computes age on a day', () => {
    expect(maskPersonalNumber('200803142389')).toBe('20080314-****');
    expect(ageOn('2008-03-14', '2023-03-13')).toBe(14);
    expect(ageOn('2008-03-14', '2023-03-14')).toBe(15);
  });
});
