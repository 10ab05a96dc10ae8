import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../api/client';

/** A seizure as the api stores and releases it. */
export interface Seizure { substance: string; label?: string; quantity: number; unit: string }

/** The counts of an outcome, and of a released summary (the only part that leaves the police). */
export interface Counts { arrests: number; reportsFiled: number; personsChecked: number; placesChecked: number; seizures: Seizure[] }

/** An entry of the substance catalogue (GET /operations/substances). */
export interface SubstanceOption { key: string; label: string; units: string[] }

/** The api's message for one field of a 400 answer, to show next to that field. */
export function errorFor(problem: Problem | undefined, field: string): string | undefined {
  const messages = problem?.errors?.filter((e) => e.field === field).map((e) => e.message) ?? [];
  return messages.length > 0 ? messages.join(' ') : undefined;
}

/** Whether a 400 answer names this field or one inside it (`places` for `places[0].name`). */
export function hasErrorUnder(problem: Problem | undefined, field: string): boolean {
  return !!problem?.errors?.some((e) => e.field === field || e.field.startsWith(`${field}[`) || e.field.startsWith(`${field}.`));
}

/**
 * A `datetime-local` value ("2026-12-04T21:00") read as Swedish time, as ISO 8601 with its offset:
 * operations are planned in Swedish time whatever the browser's own zone.
 */
export function stockholmIso(local: string): string {
  const offsetAt = (instant: Date) => {
    const name = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Stockholm', timeZoneName: 'longOffset' }).formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    return name === 'GMT' ? '+00:00' : name.slice(3);
  };
  const minutes = (offset: string) => (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const asUtc = new Date(`${local}:00Z`);
  // The offset at the local time itself: look it up at the UTC instant the first guess gives.
  const offset = offsetAt(new Date(asUtc.getTime() - minutes(offsetAt(asUtc)) * 60_000));
  return `${local}:00${offset}`;
}

export const number = (value: number, language: string) => new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'sv-SE', { maximumFractionDigits: 3 }).format(value);

/** "Cannabis 52,5 g" — the substance's label from the api, the unit in words. */
export function useSeizureText() {
  const { t, i18n } = useTranslation();
  return (s: Seizure, substances?: SubstanceOption[]) =>
    `${s.label ?? substances?.find((x) => x.key === s.substance)?.label ?? s.substance} ${number(s.quantity, i18n.language)} ${t(`operationsUnits.${s.unit}`, { defaultValue: s.unit })}`;
}

/** Previous / next through a paginated list, with where the reader is. */
export function Pager({ total, limit, offset, onOffset }: { total: number; limit: number; offset: number; onOffset: (offset: number) => void }) {
  const { t } = useTranslation();
  if (total <= limit) return null;
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.ceil(total / limit);
  return (
    <nav aria-label={t('operationsCommon.pages')} className="row">
      <Button variant="secondary" data-size="sm" disabled={page <= 1} onClick={() => onOffset(Math.max(0, offset - limit))}>{t('operationsCommon.previous')}</Button>
      <Paragraph data-size="sm">{t('operationsCommon.page', { page, pages, total })}</Paragraph>
      <Button variant="secondary" data-size="sm" disabled={page >= pages} onClick={() => onOffset(offset + limit)}>{t('operationsCommon.next')}</Button>
    </nav>
  );
}

/** The years a filter offers, newest first. */
export function recentYears(from: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => from - i);
}
