import { addMonths } from '@samverkan/platform';
import type { PremisesRiskFactorView } from './supervision.dto.js';

/**
 * The risk model of supervision planning, in one place (DOMAIN.md §2: risk-weighted by type of
 * premises, serving hours, capacity, young guests, dancing, earlier remarks or sanctions, tips and
 * complaints, time since the last visit). Change the weights and thresholds here; every score
 * carries the factors behind it, so inspectors can see why a place is high on the list.
 */
export const RISK_MODEL = {
  kind: { nightclub: 3, bar: 2, pub: 2, event_venue: 2, hotel: 1, restaurant: 1, sports_venue: 1, cafe: 0, other: 1 } as Record<string, number>,
  /** Latest serving end on any weekday: points when it is at or after the hour (01 means 01:00 at night). */
  lateServing: [
    { after: '02:00', points: 3 },
    { after: '01:00', points: 2 },
    { after: '23:00', points: 1 },
  ],
  capacity: [
    { atLeast: 300, points: 3 },
    { atLeast: 150, points: 2 },
    { atLeast: 50, points: 1 },
  ],
  youngAudience: 2,
  dancing: 1,
  /** Per remark found in the last two years, at most `max`. */
  remarks: { each: 1, max: 3, years: 2 },
  /** Sanctions decided in the last three years. */
  sanctions: { erinran: 1, varning: 3, years: 3 },
  /** Per tip or complaint in the last year, at most `max`. */
  tips: { each: 1, max: 3 },
  /** Time since the last performed visit. */
  lastVisit: { never: 3, over24Months: 2, over12Months: 1 },
  /** Visits a year by score: at least one for every active licence (normal practice), more for higher risk. */
  visits: [
    { atLeast: 10, visits: 3 },
    { atLeast: 6, visits: 2 },
    { atLeast: 0, visits: 1 },
  ],
} as const;

export interface RiskFacts {
  kind: string;
  capacity: number | null;
  youngAudience: boolean;
  dancing: boolean;
  /** Latest serving end over the week as HH:MM (times before 06:00 count as the night after). */
  latestServingEnd: string | null;
  remarks: number;
  erinran: number;
  varning: number;
  tips: number;
  monthsSinceLastVisit: number | null;
}

/** The factors a score can be made of, in the order they are weighed. */
export const RISK_FACTORS = ['kind', 'late_serving', 'capacity', 'young_audience', 'dancing', 'remarks', 'sanctions', 'tips', 'last_visit'] as const;
export type RiskFactorName = (typeof RISK_FACTORS)[number];

/** Minutes after 06:00, so that 01:00 (the night after) sorts after 23:00. */
export function nightMinutes(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return ((h + 18) % 24) * 60 + m;
}

export function riskScore(f: RiskFacts): { score: number; factors: PremisesRiskFactorView[] } {
  const factors: PremisesRiskFactorView[] = [];
  const add = (factor: RiskFactorName, points: number, because: string) => points > 0 && factors.push({ factor, points, because });
  add('kind', RISK_MODEL.kind[f.kind] ?? 1, `typ av ställe: ${f.kind}`);
  if (f.latestServingEnd) {
    const late = RISK_MODEL.lateServing.find((l) => nightMinutes(f.latestServingEnd!) >= nightMinutes(l.after));
    if (late) add('late_serving', late.points, `servering till ${f.latestServingEnd}`);
  }
  const capacity = RISK_MODEL.capacity.find((c) => (f.capacity ?? 0) >= c.atLeast);
  if (capacity) add('capacity', capacity.points, `${f.capacity} gäster`);
  if (f.youngAudience) add('young_audience', RISK_MODEL.youngAudience, 'unga gäster');
  if (f.dancing) add('dancing', RISK_MODEL.dancing, 'dans');
  add('remarks', Math.min(RISK_MODEL.remarks.max, f.remarks * RISK_MODEL.remarks.each), `${f.remarks} anmärkningar senaste ${RISK_MODEL.remarks.years} åren`);
  add(
    'sanctions',
    f.erinran * RISK_MODEL.sanctions.erinran + f.varning * RISK_MODEL.sanctions.varning,
    `${f.erinran} erinran, ${f.varning} varning senaste ${RISK_MODEL.sanctions.years} åren`,
  );
  add('tips', Math.min(RISK_MODEL.tips.max, f.tips * RISK_MODEL.tips.each), `${f.tips} tips/klagomål senaste året`);
  const v = RISK_MODEL.lastVisit;
  if (f.monthsSinceLastVisit === null) add('last_visit', v.never, 'aldrig besökt');
  else if (f.monthsSinceLastVisit > 24) add('last_visit', v.over24Months, `senaste besök för ${f.monthsSinceLastVisit} månader sedan`);
  else if (f.monthsSinceLastVisit > 12) add('last_visit', v.over12Months, `senaste besök för ${f.monthsSinceLastVisit} månader sedan`);
  return { score: factors.reduce((sum, x) => sum + x.points, 0), factors };
}

/**
 * When the premises are next due a visit: the planned visits a year spread evenly, counted from
 * the *scheduled* date of the last visit that was carried out — not the day it was completed, so
 * a late visit does not push the whole rhythm later. Null when never visited (due now).
 */
export function nextVisitDueOn(lastVisitScheduledOn: string | null, visitsPerYear: number | null): string | null {
  if (!lastVisitScheduledOn) return null;
  return addMonths(lastVisitScheduledOn, Math.floor(12 / Math.max(1, visitsPerYear ?? 1)));
}

export function plannedVisits(score: number): number {
  return RISK_MODEL.visits.find((v) => score >= v.atLeast)!.visits;
}
