import { applyDecorators } from '@nestjs/common';
import { ValidateBy } from 'class-validator';

/**
 * The years a date or time given to the api may fall in. Nothing Samverkan records (a promise's
 * period, a licence, a meeting, a person's birth) lies outside them, and a bound keeps every date
 * inside what JavaScript, Europe/Stockholm arithmetic and PostgreSQL compute without overflow
 * (year 9999 plus a day, year 0, six-digit years: issue #15).
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

/** YYYY-MM-DD naming a day that exists (2026-02-30 does not). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  return dayExists(year, month, day);
}

function dayExists(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// A date, or a date and a time of day (minutes, seconds and fractions optional) with an optional
// offset: the ISO 8601 forms the api takes. Week dates (2026-W01) and ordinal dates (2026-001)
// are ISO 8601 too, but neither JavaScript nor PostgreSQL reads them the same way, so they are refused.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))?)?$/i;

/** An ISO 8601 date or date-time naming a moment that exists (no 2026-02-30T10:00, no 25:00). */
export function isDateTime(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE_TIME.exec(value);
  if (!match) return false;
  const [, year, month, day, hour = '0', minute = '0', second = '0', , offsetHours = '0', offsetMinutes = '0'] = match;
  return (
    dayExists(Number(year), Number(month), Number(day)) &&
    Number(hour) <= 23 &&
    Number(minute) <= 59 &&
    Number(second) <= 59 &&
    Number(offsetHours) <= 23 &&
    Number(offsetMinutes) <= 59
  );
}

/** The year a date or date-time string starts with is within MIN_YEAR–MAX_YEAR (anything else: another check refuses it). */
export function isYearInRange(value: unknown): boolean {
  if (typeof value !== 'string') return true;
  const match = /^([+-]?\d+)-/.exec(value);
  if (!match) return true;
  const year = Number(match[1]);
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

const YearInRange = () =>
  ValidateBy({
    name: 'yearInRange',
    constraints: [MIN_YEAR, MAX_YEAR],
    validator: { validate: isYearInRange, defaultMessage: () => `$property must lie between the years ${MIN_YEAR} and ${MAX_YEAR}` },
  });

/** A calendar date in ISO form (YYYY-MM-DD) that exists, between the years MIN_YEAR and MAX_YEAR. */
export const IsCalendarDate = () =>
  applyDecorators(
    ValidateBy({ name: 'isCalendarDate', validator: { validate: isCalendarDate, defaultMessage: () => '$property must be a date (YYYY-MM-DD)' } }),
    YearInRange(),
  );

/**
 * The one date-time type of request fields and query parameters: ISO 8601 (`2026-05-20T20:00:00+02:00`;
 * a date alone means its midnight), a moment that exists, between the years MIN_YEAR and MAX_YEAR.
 */
export const IsDateTime = () =>
  applyDecorators(
    ValidateBy({
      name: 'isDateTime',
      validator: { validate: isDateTime, defaultMessage: () => '$property must be a date and time (ISO 8601, e.g. 2026-05-20T20:00:00+02:00)' },
    }),
    YearInRange(),
  );
