import i18next from 'i18next';

/**
 * Calendar days and wall-clock times in Europe/Stockholm, where the inspections happen, whatever
 * the browser's own time zone: a day is "YYYY-MM-DD", a time as a datetime-local input gives it.
 * Also the one way the client writes dates for people (formatDate, formatDateTime).
 */
const ZONE = 'Europe/Stockholm';
// Made on first use, not when the module loads: the first Intl.DateTimeFormat of a page starts
// ICU (about 20 ms on a desktop, four times that on a phone), which the sign-in page, showing no
// date, need not pay before it is drawn (issue #19).
let wallClock: Intl.DateTimeFormat | undefined;
const wallClockFormat = () =>
  (wallClock ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }));

/** The Stockholm wall-clock time of an instant, as "YYYY-MM-DDTHH:MM" (a datetime-local value). */
export function stockholmLocal(instant: string | Date): string {
  const p = Object.fromEntries(
    wallClockFormat()
      .formatToParts(new Date(instant))
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** The Stockholm calendar day of an instant. */
export const stockholmDay = (instant: string | Date) => stockholmLocal(instant).slice(0, 10);

/** The instant of a Stockholm wall-clock time ("YYYY-MM-DDTHH:MM"), as ISO 8601. */
export function fromStockholm(local: string): string {
  const asUtc = Date.parse(`${local}:00Z`);
  const offsetAt = (instant: number) => Date.parse(`${stockholmLocal(new Date(instant))}:00Z`) - instant;
  let instant = asUtc - offsetAt(asUtc);
  // Near a change to or from summer time the offset at the result can differ from the first guess.
  instant = asUtc - offsetAt(instant);
  return new Date(instant).toISOString();
}

/** Calendar arithmetic on "YYYY-MM-DD" (no time zone involved). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function addMonths(day: string, months: number): string {
  const d = new Date(`${day.slice(0, 7)}-01T12:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** Monday of the day's week (Swedish weeks start on Monday). */
export function weekStart(day: string): string {
  const weekday = (new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

export const monthStart = (day: string) => `${day.slice(0, 7)}-01`;

/** The ISO 8601 week number (the week with the year's first Thursday is week 1). */
export function isoWeek(day: string): number {
  const thursday = addDays(weekStart(day), 3);
  const firstThursday = addDays(weekStart(`${thursday.slice(0, 4)}-01-04`), 3);
  return 1 + Math.round((Date.parse(thursday) - Date.parse(firstThursday)) / (7 * 86_400_000));
}

/** The days from `first` up to, not including, `end`. */
export function daysBetween(first: string, end: string): string[] {
  const days: string[] = [];
  for (let d = first; d < end; d = addDays(d, 1)) days.push(d);
  return days;
}

/** Today as a Stockholm calendar day ("YYYY-MM-DD"), the form the api takes dates in. */
export const todayInStockholm = () => stockholmDay(new Date());

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The language dates are written in: the given one, else the app's current (i18next), Swedish by default. */
const english = (language?: string) => (language ?? i18next.language ?? 'sv').startsWith('en');

/**
 * A date as the whole client writes it — "30 september 2022" (English "30 September 2022").
 * A calendar day ("YYYY-MM-DD": a due date, a review day) is shown as that day, never moved by a
 * time zone; an instant is shown as its day in Stockholm. Empty: "–".
 */
export function formatDate(value: string | Date | null | undefined, language?: string): string {
  if (!value) return '–';
  if (!DAY.test(String(value)) && Number.isNaN(new Date(value).getTime())) return String(value);
  const day = typeof value === 'string' && DAY.test(value) ? value : stockholmDay(value);
  const locale = english(language) ? 'en-GB' : 'sv-SE';
  let format = dayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    dayFormats.set(locale, format);
  }
  return format.format(new Date(`${day}T12:00:00Z`));
}

/**
 * An instant as the whole client writes it, in Stockholm time: "30 september 2022 kl. 14:00"
 * (English "30 September 2022, 14:00"). Date-only values belong in formatDate. Empty: "–".
 */
export function formatDateTime(value: string | Date | null | undefined, language?: string): string {
  if (!value) return '–';
  if (Number.isNaN(new Date(value).getTime())) return String(value);
  const local = stockholmLocal(value);
  const date = formatDate(local.slice(0, 10), language);
  return english(language) ? `${date}, ${local.slice(11)}` : `${date} kl. ${local.slice(11)}`;
}

/**
 * The one short style, for a day inside a period whose year is already shown (the calendar's
 * days and weeks): "3 dec." (English "3 Dec").
 */
export function formatDayShort(day: string, language?: string): string {
  return new Intl.DateTimeFormat(english(language) ? 'en-GB' : 'sv-SE', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

/** A day's weekday, "måndag" or "mån" (English "Monday", "Mon"). */
export function weekdayName(day: string, width: 'long' | 'short', language?: string): string {
  return new Intl.DateTimeFormat(english(language) ? 'en-GB' : 'sv-SE', { weekday: width, timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
}

/** A month and its year, "december 2022" (English "December 2022"). */
export function formatMonth(day: string, language?: string): string {
  return new Intl.DateTimeFormat(english(language) ? 'en-GB' : 'sv-SE', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}
