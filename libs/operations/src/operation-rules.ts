/**
 * The rules of police operations in one place (DOMAIN.md §4): the status path and who moves it,
 * the substance catalogue of seizures, and what a released summary may contain.
 */
import type { OutcomeView, SummaryCountsView } from './operations.views.js';

export const OPERATION_STATUSES = ['proposed', 'decided', 'executing', 'completed', 'outcome_reported', 'cancelled'] as const;
export type OperationStatus = (typeof OPERATION_STATUSES)[number];

/**
 * Each step and the permission it takes: the commander decides (and may cancel); participants carry
 * the operation out and report it. Cancelling needs a reason (often: the intelligence was not enough).
 */
export const OPERATION_TRANSITIONS: Record<OperationStatus, Partial<Record<OperationStatus, 'operation:decide' | 'operation:report'>>> = {
  proposed: { decided: 'operation:decide', cancelled: 'operation:decide' },
  decided: { executing: 'operation:report', cancelled: 'operation:decide' },
  executing: { completed: 'operation:report', cancelled: 'operation:decide' },
  completed: { outcome_reported: 'operation:report' },
  outcome_reported: {},
  cancelled: {},
};

/** Seizures: substance and the units it is counted in. */
export const SUBSTANCES = {
  cannabis: { label: 'Cannabis', units: ['g', 'plants'] },
  amphetamine: { label: 'Amfetamin', units: ['g'] },
  cocaine: { label: 'Kokain', units: ['g'] },
  heroin: { label: 'Heroin', units: ['g'] },
  ecstasy: { label: 'Ecstasy (MDMA)', units: ['tablets', 'g'] },
  benzodiazepines: { label: 'Narkotikaklassade läkemedel', units: ['tablets'] },
  spice: { label: 'Syntetiska cannabinoider (spice)', units: ['g'] },
  other_narcotics: { label: 'Annan narkotika', units: ['g', 'tablets'] },
  smuggled_spirits: { label: 'Smuggelsprit', units: ['l'] },
  home_distilled: { label: 'Hembränt', units: ['l'] },
  smuggled_beer_wine: { label: 'Smuggelöl och -vin', units: ['l'] },
  cash: { label: 'Kontanter (misstänkt brottsvinst)', units: ['sek'] },
} as const;
export type Substance = keyof typeof SUBSTANCES;
export const SUBSTANCE_KEYS = Object.keys(SUBSTANCES) as Substance[];
export const SEIZURE_UNITS = ['g', 'plants', 'tablets', 'l', 'sek'] as const;
export type SeizureUnit = (typeof SEIZURE_UNITS)[number];

/** The counts of a recorded outcome (its seizures as recorded). */
export type OutcomeCounts = Pick<OutcomeView, 'arrests' | 'reportsFiled' | 'personsChecked' | 'placesChecked' | 'seizures'>;

/**
 * The released summary's counts, and the activity metrics under the promise commitment (#4):
 * whole numbers with snake_case names, one per substance and unit. Nothing else leaves the police.
 */
export function summaryCounts(outcome: OutcomeCounts): { counts: SummaryCountsView; metrics: Record<string, number> } {
  const seized: Record<string, number> = {};
  for (const s of outcome.seizures) seized[`${s.substance}_${s.unit}`] = (seized[`${s.substance}_${s.unit}`] ?? 0) + s.quantity;
  const metrics: Record<string, number> = {
    operations: 1,
    arrests: outcome.arrests,
    reports_filed: outcome.reportsFiled,
    persons_checked: outcome.personsChecked,
    places_checked: outcome.placesChecked,
  };
  for (const [key, quantity] of Object.entries(seized)) metrics[`seized_${key}`] = Math.round(quantity);
  return {
    counts: {
      arrests: outcome.arrests,
      reportsFiled: outcome.reportsFiled,
      personsChecked: outcome.personsChecked,
      placesChecked: outcome.placesChecked,
      seizures: Object.entries(seized).map(([key, quantity]) => {
        const unit = SEIZURE_UNITS.find((u) => key.endsWith(`_${u}`))!;
        const substance = key.slice(0, -unit.length - 1) as Substance;
        return { substance, label: SUBSTANCES[substance].label, quantity, unit };
      }),
    },
    metrics,
  };
}

/** Deadline kind of the licensing officers' task to look at a referral (reminders in the Operations migration). */
export const REFERRAL_DEADLINE = 'licensing_referral';
export const REFERRAL_RESPONSE_DAYS = 14;

/**
 * The circle the map draws around a released summary's named place (issue #20): a few hundred
 * metres, wide enough that it says "around Skoghalls båthamn" and nothing finer. Police
 * intelligence stays with the police (DOMAIN.md; OSL 18 kap 1 §).
 */
export const OPERATION_AREA_RADIUS_METRES = 400;
