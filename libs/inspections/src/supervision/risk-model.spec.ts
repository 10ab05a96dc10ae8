import { describe, expect, it } from '@jest/globals';
import { nextVisitDueOn, plannedVisits, riskScore } from './risk-model.js';

const quiet = {
  kind: 'cafe',
  capacity: 30,
  youngAudience: false,
  dancing: false,
  latestServingEnd: '22:00',
  remarks: 0,
  erinran: 0,
  varning: 0,
  tips: 0,
  monthsSinceLastVisit: 6,
};

describe('risk model', () => {
  it('scores a quiet café low: one visit a year', () => {
    expect(riskScore(quiet)).toEqual({ score: 0, factors: [] });
    expect(plannedVisits(0)).toBe(1);
  });

  it('adds up late hours, kind, size, young guests, history and time since the last visit, and says why', () => {
    const { score, factors } = riskScore({
      kind: 'nightclub',
      capacity: 350,
      youngAudience: true,
      dancing: true,
      latestServingEnd: '02:00',
      remarks: 5,
      erinran: 1,
      varning: 1,
      tips: 2,
      monthsSinceLastVisit: 14,
    });
    expect(factors.map((f) => [f.factor, f.points])).toEqual([
      ['kind', 3],
      ['late_serving', 3],
      ['capacity', 3],
      ['young_audience', 2],
      ['dancing', 1],
      ['remarks', 3],
      ['sanctions', 4],
      ['tips', 2],
      ['last_visit', 1],
    ]);
    expect(score).toBe(22);
    expect(plannedVisits(score)).toBe(3);
    expect(factors.find((f) => f.factor === 'late_serving')?.because).toBe('servering till 02:00');
  });

  it('treats serving past midnight as later than 23:00', () => {
    expect(riskScore({ ...quiet, latestServingEnd: '00:30' }).factors).toEqual([{ factor: 'late_serving', points: 1, because: 'servering till 00:30' }]);
    expect(riskScore({ ...quiet, latestServingEnd: '01:00' }).factors[0]).toMatchObject({ points: 2 });
    expect(riskScore({ ...quiet, monthsSinceLastVisit: null }).factors).toEqual([{ factor: 'last_visit', points: 3, because: 'aldrig besökt' }]);
    expect(plannedVisits(6)).toBe(2);
  });

  it('puts the next visit a year (or the planned share of one) after the last visit’s scheduled date', () => {
    expect(nextVisitDueOn(null, 2)).toBeNull();
    expect(nextVisitDueOn('2021-05-20', null)).toBe('2022-05-20');
    expect(nextVisitDueOn('2021-05-20', 2)).toBe('2021-11-20');
    expect(nextVisitDueOn('2021-05-20', 3)).toBe('2021-09-20');
  });
});
