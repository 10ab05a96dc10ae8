import { ValidateBy } from 'class-validator';

/** YYYY-MM-DD naming a day that exists (2026-02-30 does not). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A calendar date in ISO form (YYYY-MM-DD) that exists; the message names the field. */
export const IsCalendarDate = () =>
  ValidateBy({ name: 'isCalendarDate', validator: { validate: isCalendarDate, defaultMessage: () => '$property must be a date (YYYY-MM-DD)' } });
