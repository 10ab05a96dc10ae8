import { describe, expect, it } from '@jest/globals';
import { isCalendarDate, isDateTime, isYearInRange } from '../pagination/calendar-date.js';
import { hasDecimalPlaces } from '../pagination/numbers.js';
import { parseIfMatch } from './etag.js';
import { jsonNestsDeeperThan } from './json-body.js';
import { unsafeTextFields } from './unsafe-text.js';

const bytes = (text: string) => Buffer.from(text);

describe('the checks every request passes (issue #15)', () => {
  it('measures JSON depth without parsing, ignoring brackets in strings and escaped quotes', () => {
    expect(jsonNestsDeeperThan(bytes('{"a":[{"b":[1]}]}'), 4)).toBe(false);
    expect(jsonNestsDeeperThan(bytes('{"a":[{"b":[1]}]}'), 3)).toBe(true);
    expect(jsonNestsDeeperThan(bytes('{"a":"[[[[[[[[","b":"\\"[[[["}'), 1)).toBe(false);
    expect(jsonNestsDeeperThan(bytes('['.repeat(1_000_000)), 32)).toBe(true);
    expect(jsonNestsDeeperThan(bytes('{"å":"😀[[["}'), 1)).toBe(false);
  });

  it('finds NUL and lone surrogates in values and names, and lets a well-formed pair through', () => {
    expect(unsafeTextFields({ a: 'ok', b: ['x', 'y\u0000'], c: { d: '\uD800' }, 'e\u0000': 1, f: '😀', g: 'x\uDC00' }, '')).toEqual(['b[1]', 'c.d', '?', 'g']);
    expect(unsafeTextFields('\uDBFF', 'q')).toEqual(['q']);
    expect(unsafeTextFields(Buffer.from([0, 0xd8]), '')).toEqual([]);
  });

  it('reads dates and date-times that exist, in the forms JavaScript and PostgreSQL read alike', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    for (const ok of ['2026-05-20', '2026-05-20T20:00', '2026-05-20T20:00:00Z', '2026-05-20T20:00:00.123+02:00', '2026-05-20T20:00:00+0200']) {
      expect(isDateTime(ok)).toBe(true);
    }
    for (const bad of [
      '2026-02-30T10:00:00Z',
      '2026-W01',
      '2026-001',
      '2026-12-31T24:00:00Z',
      '2026-05-20T20:60',
      '2026-05-20T20:00:00+25:00',
      '+275760-09-13T00:00:00Z',
      '20260520',
    ]) {
      expect(isDateTime(bad)).toBe(false);
    }
  });

  it('keeps dates between the years 1900 and 2200', () => {
    expect(isYearInRange('1900-01-01')).toBe(true);
    expect(isYearInRange('2200-12-31T23:59:59Z')).toBe(true);
    expect(isYearInRange('1899-12-31')).toBe(false);
    expect(isYearInRange('9999-12-31T23:59:59+01:00')).toBe(false);
    expect(isYearInRange('0000-01-01')).toBe(false);
  });

  it('counts decimals as written, also for numbers JavaScript prints with an exponent', () => {
    expect(hasDecimalPlaces(125.5, 3)).toBe(true);
    expect(hasDecimalPlaces(0.1, 2)).toBe(true);
    expect(hasDecimalPlaces(1.005, 2)).toBe(false);
    expect(hasDecimalPlaces(1e-320, 2)).toBe(false);
    expect(hasDecimalPlaces(1e-7, 3)).toBe(false);
    expect(hasDecimalPlaces('1', 2)).toBe(false);
  });

  it('reads If-Match only as a version a record can have', () => {
    expect(parseIfMatch('"3"')).toBe(3);
    expect(parseIfMatch('W/"3"')).toBe(3);
    expect(parseIfMatch('"2147483647"')).toBe(2_147_483_647);
    expect(parseIfMatch('"2147483648"')).toBeNull();
    expect(parseIfMatch('"99999999999999999999"')).toBeNull();
    expect(parseIfMatch('"-1"')).toBeNull();
    expect(parseIfMatch('*')).toBeNull();
    expect(parseIfMatch(undefined)).toBeNull();
  });
});
