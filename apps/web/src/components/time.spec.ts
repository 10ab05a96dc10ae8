import { describe, expect, it } from '@jest/globals';
import { formatDate, formatDateTime } from './time';

describe('the web client’s one date style (Europe/Stockholm)', () => {
  it('writes a calendar day as that day, in Swedish by default and in English', () => {
    expect(formatDate('2022-09-30')).toBe('30 september 2022');
    expect(formatDate('2022-09-30', 'sv')).toBe('30 september 2022');
    expect(formatDate('2022-09-30', 'en')).toBe('30 September 2022');
    expect(formatDate('2023-01-01', 'sv')).toBe('1 januari 2023');
  });

  it('writes an instant as its Stockholm day: 22:30 UTC in summer is the next day', () => {
    expect(formatDate('2022-09-30T22:30:00Z', 'sv')).toBe('1 oktober 2022');
    expect(formatDate('2022-09-30T21:59:00Z', 'sv')).toBe('30 september 2022');
    expect(formatDate(new Date('2022-12-31T23:00:00Z'), 'en')).toBe('1 January 2023');
  });

  it('writes a date and time as the date and "kl." with the Stockholm clock', () => {
    expect(formatDateTime('2022-09-30T12:00:00Z', 'sv')).toBe('30 september 2022 kl. 14:00');
    expect(formatDateTime('2022-09-30T12:00:00Z', 'en')).toBe('30 September 2022, 14:00');
    expect(formatDateTime('2022-12-03T13:05:00Z', 'sv')).toBe('3 december 2022 kl. 14:05');
    expect(formatDateTime('2022-09-30T22:30:00Z', 'sv')).toBe('1 oktober 2022 kl. 00:30');
  });

  it('shows nothing as a dash, and what is not a date as it is', () => {
    expect(formatDate(null)).toBe('–');
    expect(formatDateTime(undefined, 'en')).toBe('–');
    expect(formatDate('snart')).toBe('snart');
    expect(formatDateTime('snart')).toBe('snart');
  });
});
