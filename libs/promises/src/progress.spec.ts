import { describe, expect, it } from '@jest/globals';
import { actionsProgress, commitmentProgress, judgeTarget, promiseProgress, targetForWindow, targetProgress, yearsInWindow } from './progress.js';
import { suggest, windowOf } from './follow-ups.service.js';

describe('progress roll-up', () => {
  it('measures a numeric target as actual ÷ target, capped at 100 %', () => {
    expect(targetProgress(10, 7)).toBe(70);
    expect(targetProgress(10, 14)).toBe(100);
    expect(targetProgress(12, 0)).toBe(0);
  });

  it('scales a yearly target with the window and keeps a whole-period one', () => {
    expect(targetForWindow(10, 'year', 3)).toBe(30);
    expect(targetForWindow(10, 'year', 0.5)).toBe(5);
    expect(targetForWindow(8, 'promise_period', 3)).toBe(8);
  });

  describe('the period rule (judgeTarget)', () => {
    const promise = { from: '2020-01-01', to: '2022-12-31' };
    const year2021 = { from: '2021-01-01', to: '2021-12-31' };

    it('judges a yearly target against the outcome within the window', () => {
      expect(judgeTarget({ value: 12, period: 'year' }, { inWindow: 9, sinceStart: 33 }, year2021, promise)).toEqual({ target: 12, actual: 9, progress: 75 });
      expect(judgeTarget({ value: 12, period: 'year' }, { inWindow: 33, sinceStart: 33 }, promise, promise)).toMatchObject({ target: 36, actual: 33 });
    });

    it('judges a whole-period target against the outcome since the start and the share due by the window’s end', () => {
      // Grannsamverkan: 8 new areas over 2020–2022; 2 in 2020 and 3 in 2021 make 5 after two of three years.
      const judged = judgeTarget({ value: 8, period: 'promise_period' }, { inWindow: 3, sinceStart: 5 }, year2021, promise);
      expect(judged.actual).toBe(5);
      expect(judged.target).toBe(5.3);
      expect(judged.progress).toBeCloseTo((5 / 5.3) * 100);
      expect(
        suggest({ target: { value: 8, unit: 'nya områden', period: 'promise_period', metric: null, forWindow: judged.target }, actual: judged.actual }),
      ).toBe('partly');
    });

    it('holds a whole-period target in full against the final outcome once the period is over', () => {
      expect(judgeTarget({ value: 8, period: 'promise_period' }, { inWindow: 1, sinceStart: 6 }, { from: '2022-01-01', to: '2022-12-31' }, promise)).toEqual({
        target: 8,
        actual: 6,
        progress: 75,
      });
      expect(judgeTarget({ value: 8, period: 'promise_period' }, { inWindow: 6, sinceStart: 6 }, promise, promise)).toMatchObject({ target: 8, actual: 6 });
    });
  });

  it('counts windows in half years', () => {
    expect(yearsInWindow('2020-01-01', '2020-12-31')).toBe(1);
    expect(yearsInWindow('2021-01-01', '2021-06-30')).toBe(0.5);
    expect(yearsInWindow('2020-01-01', '2022-11-27')).toBe(3);
    expect(yearsInWindow('2020-01-01', '2020-01-10')).toBe(0.5);
  });

  it('weights actions by their weight', () => {
    // done (weight 1, counts 100) + in progress 50 % (weight 2); cancelled ones are left out in SQL.
    expect(actionsProgress({ weight: 3, weightedProgress: 100 + 2 * 50 })).toBeCloseTo(200 / 3);
    expect(actionsProgress({ weight: 0, weightedProgress: 0 })).toBeNull();
  });

  it('uses the target when there is one, otherwise the actions', () => {
    const actions = { weight: 1, weightedProgress: 20 };
    expect(commitmentProgress(10, 5, actions)).toBe(50);
    expect(commitmentProgress(null, 5, actions)).toBe(20);
  });

  it('rolls commitments up to the promise by their weights, skipping the unmeasurable', () => {
    expect(
      promiseProgress([
        { weight: 2, progress: 100 },
        { weight: 1, progress: 40 },
        { weight: 3, progress: null },
      ]),
    ).toBe(80);
    expect(promiseProgress([{ weight: 1, progress: null }])).toBeNull();
  });

  it('suggests an assessment from the figures', () => {
    const target = { value: 10, unit: 'st', period: 'year' as const, metric: null, forWindow: 10 };
    expect(suggest({ target, actual: 10 })).toBe('achieved');
    expect(suggest({ target, actual: 5 })).toBe('partly');
    expect(suggest({ target, actual: 4 })).toBe('not_achieved');
    expect(suggest({ target: null, actual: 4 })).toBe('not_assessed');
  });

  it('limits a follow-up window to the promise period', () => {
    expect(windowOf({ year: 2020, half: null, period_start: '2020-03-01', period_end: '2022-12-31' })).toEqual({ from: '2020-03-01', to: '2020-12-31' });
    expect(windowOf({ year: 2021, half: 2, period_start: '2020-01-01', period_end: '2022-12-31' })).toEqual({ from: '2021-07-01', to: '2021-12-31' });
  });
});
