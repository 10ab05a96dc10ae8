import { describe, expect, it } from '@jest/globals';
import { addDays, addMonths, formatDay, formatInstant, stockholmDate, stockholmMidnight } from './calendar.js';

describe('Stockholm calendar', () => {
  it('gives the date in Sweden, not in UTC', () => {
    // 23:30 UTC on 30 June is 01:30 on 1 July in Stockholm (summer time, UTC+2).
    expect(stockholmDate(new Date('2022-06-30T23:30:00Z'))).toBe('2022-07-01');
    expect(stockholmDate(new Date('2022-06-30T21:59:59Z'))).toBe('2022-06-30');
    // Winter time, UTC+1.
    expect(stockholmDate(new Date('2021-12-31T23:00:00Z'))).toBe('2022-01-01');
    expect(stockholmDate(new Date('2021-12-31T22:59:59Z'))).toBe('2021-12-31');
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2022-12-25', 14)).toBe('2023-01-08');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('adds months, clamping to the end of shorter months', () => {
    expect(addMonths('2021-03-15', 12)).toBe('2022-03-15');
    expect(addMonths('2021-08-31', 6)).toBe('2022-02-28');
    expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
    expect(addMonths('2022-05-10', 4)).toBe('2022-09-10');
  });
});

describe('Stockholm midnight', () => {
  it('is 22:00 UTC in summer and 23:00 UTC in winter', () => {
    expect(stockholmMidnight('2022-07-01')).toEqual(new Date('2022-06-30T22:00:00Z'));
    expect(stockholmMidnight('2022-01-15')).toEqual(new Date('2022-01-14T23:00:00Z'));
    // The night summer time begins (27 March 2022) still starts at 00:00 CET.
    expect(stockholmMidnight('2022-03-27')).toEqual(new Date('2022-03-26T23:00:00Z'));
  });
});

describe('dates in Swedish text', () => {
  it('writes a calendar day as a date, never shifted by a time zone', () => {
    expect(formatDay('2022-09-30')).toBe('30 september 2022');
    expect(formatDay('2022-01-01')).toBe('1 januari 2022');
  });

  it('writes an instant as its Stockholm date and time', () => {
    // 22:30 UTC on 30 September is 00:30 on 1 October in Stockholm (summer time).
    expect(formatInstant(new Date('2022-09-30T22:30:00Z'))).toBe('1 oktober 2022 kl. 00:30');
    expect(formatInstant(new Date('2022-12-03T13:00:00Z'))).toBe('3 december 2022 kl. 14:00');
  });
});
