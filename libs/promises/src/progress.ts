import type { TargetPeriod } from './vocabulary.js';

/**
 * Progress roll-up, in one place (Decidim's weighted results):
 * - a commitment with a numeric target: actual ÷ target over the window, at most 100 %;
 * - a commitment without one: its actions' progress weighted by their weights (done counts 100 %,
 *   cancelled actions do not count);
 * - a promise: its commitments' progress weighted by the commitments' weights.
 * Percentages are rounded to whole numbers only for display; sums use the exact values.
 */
export interface TargetFacts {
  targetValue: number | null;
  targetPeriod: TargetPeriod | null;
  actual: number;
}

/** What the progress of a commitment's actions is computed from (aggregated in SQL, see below). */
export interface ActionTotals {
  /** Sum of the weights of the actions that count (all but cancelled). */
  weight: number;
  /** Sum of weight × progress over those actions, with done counting 100 %. */
  weightedProgress: number;
}

/** The SQL aggregates over actions `a` that make ActionTotals: the action half of the rule above. */
export const ACTION_TOTALS_SQL = `
  coalesce(sum(a.weight) FILTER (WHERE a.status <> 'cancelled'), 0)::float8 AS weight_sum,
  coalesce(sum(a.weight * CASE WHEN a.status = 'done' THEN 100 ELSE a.progress END) FILTER (WHERE a.status <> 'cancelled'), 0)::float8
    AS weighted_progress`;

/** The target for a window of `years` years (a yearly target scales; a whole-period one does not). */
export function targetForWindow(targetValue: number, targetPeriod: TargetPeriod, years: number): number {
  return targetPeriod === 'year' ? targetValue * years : targetValue;
}

export interface DateWindow {
  from: string;
  to: string;
}

/** A target judged over a window: what was due, what was done over the same span, and the progress. */
export interface TargetJudgement {
  /** The part of the target due over the window (yearly) or by the window's end (whole period). */
  target: number;
  /** The outcome over the span the target covers. */
  actual: number;
  progress: number;
}

/**
 * THE period rule, used by every roll-up (dashboard, follow-up, report, public page):
 * - a yearly target is judged over the window: the target × the window's years against the
 *   outcome within the window;
 * - a whole-period target (for the whole promise) is judged from the promise's start: the share of
 *   the target due by the window's end (in proportion to the years of the promise elapsed, the
 *   whole target once the promise has ended) against the cumulative outcome since the start.
 *   So 5 of 8 new areas after two of three years is 5 against 5.3 (94 %), not 3 (that year's)
 *   against 8 (38 %).
 */
export function judgeTarget(
  target: { value: number; period: TargetPeriod },
  outcome: { inWindow: number; sinceStart: number },
  window: DateWindow,
  promise: DateWindow,
): TargetJudgement {
  if (target.period === 'year') {
    const due = targetForWindow(target.value, 'year', yearsInWindow(window.from, window.to));
    return { target: due, actual: outcome.inWindow, progress: targetProgress(due, outcome.inWindow) };
  }
  const end = window.to < promise.to ? window.to : promise.to;
  const share = end >= promise.to ? 1 : Math.min(1, yearsInWindow(promise.from, end) / yearsInWindow(promise.from, promise.to));
  // To a tenth, as it is shown: the figure on the screen is the one judged.
  const due = Math.round(target.value * share * 10) / 10;
  return { target: due, actual: outcome.sinceStart, progress: targetProgress(due, outcome.sinceStart) };
}

export function targetProgress(target: number, actual: number): number {
  return Math.min(100, (Math.max(0, actual) / target) * 100);
}

export function actionsProgress(totals: ActionTotals): number | null {
  return totals.weight > 0 ? totals.weightedProgress / totals.weight : null;
}

export function commitmentProgress(target: number | null, actual: number, actions: ActionTotals): number | null {
  return target !== null ? targetProgress(target, actual) : actionsProgress(actions);
}

/** Weighted mean over the commitments that have a progress at all. */
export function promiseProgress(commitments: readonly { weight: number; progress: number | null }[]): number | null {
  const known = commitments.filter((c): c is { weight: number; progress: number } => c.progress !== null);
  const weight = known.reduce((sum, c) => sum + c.weight, 0);
  if (weight === 0) return null;
  return known.reduce((sum, c) => sum + c.weight * c.progress, 0) / weight;
}

/**
 * How many years a window of dates spans, to the nearest half year (at least a half):
 * a calendar year is 1, January–June is 0.5, 2020-01-01..2022-11-27 is 3.
 */
export function yearsInWindow(from: string, to: string): number {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  return Math.max(0.5, Math.round((days / 365.25) * 2) / 2);
}
