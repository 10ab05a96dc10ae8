/** Calendar rules (due dates, "today", years) follow Swedish time, whatever the server's zone. */
export const CALENDAR_TIME_ZONE = 'Europe/Stockholm';

const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: CALENDAR_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date (YYYY-MM-DD) in Stockholm at this instant. */
export function stockholmDate(instant: Date): string {
  return formatter.format(instant);
}

/** YYYY-MM-DD plus `days` days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const hourFormatter = new Intl.DateTimeFormat('en-GB', { timeZone: CALENDAR_TIME_ZONE, hour: '2-digit', hourCycle: 'h23' });

/** The instant a Stockholm calendar day begins (00:00 local time, CET or CEST). */
export function stockholmMidnight(date: string): Date {
  for (const offset of ['+01:00', '+02:00']) {
    const instant = new Date(`${date}T00:00:00${offset}`);
    if (stockholmDate(instant) === date && hourFormatter.format(instant) === '00') return instant;
  }
  throw new Error(`cannot place ${date} in ${CALENDAR_TIME_ZONE}`);
}

/** YYYY-MM-DD plus `months` calendar months; the day is clamped to the month's end (31 Jan + 1 = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, lastDay));
  return first.toISOString().slice(0, 10);
}

const LONG_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'UTC', dateStyle: 'long' });
const CLOCK = new Intl.DateTimeFormat('en-GB', { timeZone: CALENDAR_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * A calendar day (YYYY-MM-DD) as Swedish text says it: "30 september 2022" — the one date style of
 * texts the api writes (reminders, e-mail, digests), the same as the web client's.
 */
export function formatDay(date: string): string {
  return LONG_DAY.format(new Date(`${date}T12:00:00Z`));
}

/** An instant as Swedish text says it, in Stockholm time: "30 september 2022 kl. 14:00". */
export function formatInstant(instant: Date): string {
  return `${formatDay(stockholmDate(instant))} kl. ${CLOCK.format(instant)}`;
}
