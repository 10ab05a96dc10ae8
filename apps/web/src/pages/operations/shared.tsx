import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';
import { useEnumLabel } from '../../components/labels';

type Schemas = components['schemas'];

/** A seizure as recorded (SeizureView), or as a summary carries it (SummarySeizureView, with the substance's label). */
export type Seizure = Schemas['SeizureView'] & { label?: string };

/** The counts of an outcome, and of a released summary (the only part that leaves the police). */
export type Counts = Omit<Schemas['SummaryCountsView'], 'seizures'> & { seizures: Seizure[] };

/** An entry of the substance catalogue (GET /operations/substances). */
export type SubstanceOption = Schemas['SubstanceView'];

export const number = (value: number, language: string) =>
  new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'sv-SE', { maximumFractionDigits: 3 }).format(value);

/** "Cannabis 52,5 g" — the substance and the unit in words of the current language. */
export function useSeizureText() {
  const { i18n } = useTranslation();
  const label = useEnumLabel();
  return (s: Seizure) => `${label('Substance', s.substance)} ${number(s.quantity, i18n.language)} ${label('SeizureUnit', s.unit)}`;
}

/** The years a filter offers, newest first. */
export function recentYears(from: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => from - i);
}
