/**
 * Restaurangrapport (Alkohollagen 2010:1622, 9 kap 7 §): each holder of a permanent licence (or
 * one for a shared serving area) reports the year's sales to the municipality by 1 March the
 * following year. Pure rules; the services load what they need and throw the field errors.
 */
import { type FieldError, fieldError } from '@samverkan/platform';

/** The figures a report gives: litres sold of each drink category (Folkhälsomyndigheten's form). */
export const RESTAURANT_REPORT_FIGURES = ['spirits_litres', 'wine_litres', 'strong_beer_litres', 'other_fermented_litres'] as const;
export type RestaurantReportFigure = (typeof RESTAURANT_REPORT_FIGURES)[number];

/** Where a licence's report for a year stands. */
export const RESTAURANT_REPORT_STATUSES = ['not_opened', 'open', 'late', 'submitted'] as const;
export type RestaurantReportStatus = (typeof RESTAURANT_REPORT_STATUSES)[number];

/** Litres a year no licence comes near: a figure above it is a typing error. */
export const MAX_FIGURE = 10_000_000;

/** Each figure one of the known ones, a number from 0 to MAX_FIGURE; figures left out are not reported. */
export function restaurantReportFigureErrors(figures: Record<string, unknown>): FieldError[] {
  return Object.entries(figures).flatMap(([key, value]) => {
    if (!(RESTAURANT_REPORT_FIGURES as readonly string[]).includes(key)) return [fieldError(`figures.${key}`, 'restaurant_report.unknown_figure')];
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_FIGURE
      ? []
      : [fieldError(`figures.${key}`, 'restaurant_report.figure')];
  });
}

/** 9 kap 7 §: the report for `year` is due by the end of 1 March the following year (a Stockholm date). */
export function restaurantReportDueOn(year: number): string {
  return `${year + 1}-03-01`;
}

/** The status of a licence's report: none opened, submitted, or open and late once its due day has passed. */
export function restaurantReportStatus(report: { opened: boolean; submittedOn: string | null; dueOn: string }, today: string): RestaurantReportStatus {
  if (!report.opened) return 'not_opened';
  if (report.submittedOn) return 'submitted';
  return today > report.dueOn ? 'late' : 'open';
}
