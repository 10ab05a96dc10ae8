import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';

type Schemas = components['schemas'];

/** A seizure as recorded (SeizureView), or as a summary carries it (SummarySeizureView, with the substance's label). */
export type Seizure = Schemas['SeizureView'] & { label?: string };

/** The counts of an outcome, and of a released summary (the only part that leaves the police). */
export type Counts = Omit<Schemas['SummaryCountsView'], 'seizures'> & { seizures: Seizure[] };

/** An entry of the substance catalogue (GET /operations/substances). */
export type SubstanceOption = Schemas['SubstanceView'];

export const number = (value: number, language: string) =>
  new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'sv-SE', { maximumFractionDigits: 3 }).format(value);

/** "Cannabis 52,5 g" — the substance's label from the api, the unit in words. */
export function useSeizureText() {
  const { t, i18n } = useTranslation();
  return (s: Seizure, substances?: SubstanceOption[]) =>
    `${s.label ?? substances?.find((x) => x.key === s.substance)?.label ?? s.substance} ${number(s.quantity, i18n.language)} ${t(`operationsUnits.${s.unit}`, { defaultValue: s.unit })}`;
}

/** The years a filter offers, newest first. */
export function recentYears(from: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => from - i);
}
