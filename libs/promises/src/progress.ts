import type { ActionStatus, TargetPeriod } from './vocabulary.js';

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

export interface ActionFacts {
  status: ActionStatus;
  progress: number;
  weight: number;
}

/** The target for a window of `years` years (a yearly target scales; a whole-period one does not). */
export function targetForWindow(targetValue: number, targetPeriod: TargetPeriod, years: number): number {
  return targetPeriod === 'year' ? targetValue * years : targetValue;
}

export function targetProgress(target: number, actual: number): number {
  return Math.min(100, (Math.max(0, actual) / target) * 100);
}

export function actionsProgress(actions: readonly ActionFacts[]): number | null {
  const counted = actions.filter((a) => a.status !== 'cancelled');
  const weight = counted.reduce((sum, a) => sum + a.weight, 0);
  if (weight === 0) return null;
  return counted.reduce((sum, a) => sum + a.weight * (a.status === 'done' ? 100 : a.progress), 0) / weight;
}

export function commitmentProgress(target: number | null, actual: number, actions: readonly ActionFacts[]): number | null {
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
