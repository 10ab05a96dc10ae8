/**
 * The Swedish words for an inspection's kind and a finding's result, in one place: the printable
 * report (inspection-report.ts), the issued tillsynsrapport (documents/) and the calendar feed say
 * them alike.
 */
import type { FindingResult } from './checklist.js';
import type { InspectionType } from './inspection-rules.js';

/** A finding's result, as the report prints it. */
export const FINDING_RESULT_LABELS: Readonly<Record<FindingResult, string>> = {
  ok: 'Utan anmärkning',
  remark: 'Anmärkning',
  not_applicable: 'Ej tillämpligt',
  not_checked: 'Ej kontrollerat',
};

/** The kind of inspection (DOMAIN.md §2), capitalised as a heading or a fact says it; lower-case it inside a sentence. */
export const INSPECTION_TYPE_LABELS: Readonly<Record<InspectionType, string>> = {
  external: 'Yttre tillsyn',
  internal: 'Inre tillsyn',
  coordinated: 'Samordnad tillsyn',
  preventive: 'Förebyggande tillsyn',
};

export function findingResultLabel(result: string): string {
  return FINDING_RESULT_LABELS[result as FindingResult] ?? result;
}

export function inspectionTypeLabel(type: string): string {
  return INSPECTION_TYPE_LABELS[type as InspectionType] ?? type;
}
