import { describe, expect, it } from '@jest/globals';
import { restaurantReportDueOn, restaurantReportFigureErrors, restaurantReportStatus } from './restaurant-report-rules.js';

describe('restaurant report rules (AL 9 kap 7 §)', () => {
  it('accepts the known figures as numbers ≥ 0 and refuses anything else at its field', () => {
    expect(restaurantReportFigureErrors({ spirits_litres: 0, wine_litres: 1800.5 })).toEqual([]);
    expect(restaurantReportFigureErrors({ wine_litres: -1, beer: 3, spirits_litres: Number.NaN })).toEqual([
      expect.objectContaining({ field: 'figures.wine_litres', code: 'restaurant_report.figure' }),
      expect.objectContaining({ field: 'figures.beer', code: 'restaurant_report.unknown_figure' }),
      expect.objectContaining({ field: 'figures.spirits_litres', code: 'restaurant_report.figure' }),
    ]);
    expect(restaurantReportFigureErrors({ strong_beer_litres: '12' })).toEqual([expect.objectContaining({ field: 'figures.strong_beer_litres' })]);
  });

  it('is due 1 March the following year, and late only after that day', () => {
    expect(restaurantReportDueOn(2025)).toBe('2026-03-01');
    const open = { opened: true, submittedOn: null, dueOn: '2026-03-01' };
    expect(restaurantReportStatus(open, '2026-03-01')).toBe('open');
    expect(restaurantReportStatus(open, '2026-03-02')).toBe('late');
    expect(restaurantReportStatus({ ...open, submittedOn: '2026-03-05' }, '2026-04-01')).toBe('submitted');
    expect(restaurantReportStatus({ opened: false, submittedOn: null, dueOn: '2026-03-01' }, '2026-01-10')).toBe('not_opened');
  });
});
