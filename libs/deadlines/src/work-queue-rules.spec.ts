import { describe, expect, it } from '@jest/globals';
import { dueSoonLimit, isReassignable, workQueueState } from './work-queue-rules.js';

describe('work queue rules', () => {
  const now = new Date('2026-11-30T09:00:00Z');

  it('calls a deadline past its time overdue', () => {
    expect(workQueueState(new Date('2026-11-30T08:59:59Z'), now)).toBe('overdue');
  });

  it('calls one within fourteen days (through the 14th day, Stockholm time) due soon', () => {
    expect(dueSoonLimit(now).toISOString()).toBe('2026-12-14T23:00:00.000Z');
    expect(workQueueState(new Date('2026-11-30T09:00:00Z'), now)).toBe('due_soon');
    expect(workQueueState(new Date('2026-12-14T22:59:59Z'), now)).toBe('due_soon');
    expect(workQueueState(new Date('2026-12-14T23:00:00Z'), now)).toBe('later');
  });

  it('offers reassignment only for kinds whose lib can hand over the responsible person', () => {
    expect(isReassignable('action_due')).toBe(true);
    expect(isReassignable('youth_case_review')).toBe(false);
    expect(isReassignable('licensing_referral')).toBe(false);
  });
});
