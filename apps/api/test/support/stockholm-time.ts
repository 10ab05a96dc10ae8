import { CALENDAR_TIME_ZONE } from '@samverkan/platform';

/** An instant as a `datetime-local` field shows it in Stockholm: `YYYY-MM-DDTHH:mm`. */
export function stockholmLocal(instant: Date): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: CALENDAR_TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}
