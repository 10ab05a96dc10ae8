import { describe, expect, it } from '@jest/globals';
import { actionStatusChange, carriedDates, PROMISE_TRANSITIONS, promiseEnded, promiseStatusErrors, shownPromiseStatus } from './promise-rules.js';
import { PROMISE_STATUSES } from './vocabulary.js';

const codes = (errors: { field: string; code: string }[]) => errors.map(({ field, code }) => `${field}:${code}`);

describe('promise status', () => {
  it('shows a promise in force as closed once its period has ended', () => {
    expect(shownPromiseStatus('active', '2022-12-31', '2022-12-31')).toBe('active');
    expect(shownPromiseStatus('active', '2022-12-31', '2023-01-01')).toBe('closed');
    expect(shownPromiseStatus('extended', '2022-12-31', '2023-05-01')).toBe('closed');
    expect(shownPromiseStatus('draft', '2022-12-31', '2023-05-01')).toBe('draft');
    expect(shownPromiseStatus('evaluated', '2022-12-31', '2023-05-01')).toBe('evaluated');
    expect(promiseEnded('2022-12-31', '2023-01-01')).toBe(true);
    expect(promiseEnded('2022-12-31', '2022-12-31')).toBe(false);
  });

  it('is signed before it is in force, and a closed promise stays closed', () => {
    expect(promiseStatusErrors('draft', 'signed')).toEqual([]);
    expect(promiseStatusErrors('signed', 'active')).toEqual([]);
    expect(promiseStatusErrors('draft', 'active')).toEqual([
      expect.objectContaining({ field: 'status', code: 'status.transition', params: { from: 'draft', to: 'active' } }),
    ]);
    for (const to of PROMISE_STATUSES.filter((s) => s !== 'closed')) expect(codes(promiseStatusErrors('closed', to))).toEqual(['status:status.transition']);
  });

  it('accepts no change and the same status', () => {
    expect(promiseStatusErrors('active', undefined)).toEqual([]);
    expect(promiseStatusErrors('active', 'active')).toEqual([]);
  });

  it('names every status in the path', () => {
    expect(Object.keys(PROMISE_TRANSITIONS).sort()).toEqual([...PROMISE_STATUSES].sort());
  });
});

describe('action status', () => {
  const open = { status: 'in_progress' as const, progress: 40 };

  it('needs a reason to block or cancel', () => {
    expect(codes(actionStatusChange(open, { status: 'blocked', editsOtherFields: false }).errors)).toEqual(['statusReason:action.reason_required']);
    expect(actionStatusChange(open, { status: 'blocked', statusReason: 'Väntar på polisen', editsOtherFields: false }).errors).toEqual([]);
  });

  it('sets 100 % when done', () => {
    expect(actionStatusChange(open, { status: 'done', editsOtherFields: false })).toMatchObject({ status: 'done', progress: 100, errors: [] });
  });

  it('takes nothing but reopening once final, and reopening needs a reason', () => {
    const done = { status: 'done' as const, progress: 100 };
    expect(codes(actionStatusChange(done, { editsOtherFields: true }).errors)).toEqual(['status:action.final']);
    expect(codes(actionStatusChange(done, { status: 'cancelled', statusReason: 'x', editsOtherFields: false }).errors)).toEqual(['status:action.final']);
    expect(codes(actionStatusChange(done, { status: 'in_progress', editsOtherFields: false }).errors)).toEqual(['statusReason:action.reason_required']);
    expect(actionStatusChange(done, { status: 'in_progress', statusReason: 'Fler kontroller behövs', editsOtherFields: false })).toMatchObject({
      status: 'in_progress',
      reopening: true,
      progress: 90,
      errors: [],
    });
  });

  it('keeps the progress a change does not set', () => {
    expect(actionStatusChange(open, { editsOtherFields: true })).toMatchObject({ status: 'in_progress', progress: 40, reopening: false });
    expect(actionStatusChange(open, { progress: 60, editsOtherFields: false }).progress).toBe(60);
  });
});

describe('an action carried into the next promise', () => {
  const next = { periodStart: '2023-01-01', periodEnd: '2025-12-31' };

  it('starts with the new period and keeps a due date that falls within it', () => {
    expect(carriedDates({ startDate: '2022-03-01', dueDate: '2023-06-30' }, next)).toEqual({ startDate: '2023-01-01', dueDate: '2023-06-30' });
    expect(carriedDates({ startDate: '2023-02-01', dueDate: '2023-06-30' }, next)).toEqual({ startDate: '2023-02-01', dueDate: '2023-06-30' });
  });

  it('gives an overdue action the end of the first year, and one due after the period its last day', () => {
    expect(carriedDates({ startDate: null, dueDate: '2022-10-31' }, next)).toEqual({ startDate: '2023-01-01', dueDate: '2023-12-31' });
    expect(carriedDates({ startDate: '2022-01-01', dueDate: '2027-01-31' }, next)).toEqual({ startDate: '2023-01-01', dueDate: '2025-12-31' });
    // A promise of half a year: the first year's end is after it.
    expect(carriedDates({ startDate: null, dueDate: '2022-10-31' }, { periodStart: '2023-01-01', periodEnd: '2023-06-30' })).toEqual({
      startDate: '2023-01-01',
      dueDate: '2023-06-30',
    });
  });
});
