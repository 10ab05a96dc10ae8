import { describe, expect, it } from '@jest/globals';
import { OPERATION_STATUSES, OPERATION_TRANSITIONS, summaryCounts } from './operation-rules.js';

describe('operation status path (DOMAIN.md §4)', () => {
  it('is decided by the commander and carried out and reported by the participants', () => {
    expect(OPERATION_TRANSITIONS.proposed.decided).toBe('operation:decide');
    expect(OPERATION_TRANSITIONS.decided.executing).toBe('operation:report');
    expect(OPERATION_TRANSITIONS.executing.completed).toBe('operation:report');
    expect(OPERATION_TRANSITIONS.completed.outcome_reported).toBe('operation:report');
  });

  it('skips no step', () => {
    expect(OPERATION_TRANSITIONS.proposed.executing).toBeUndefined();
    expect(OPERATION_TRANSITIONS.decided.outcome_reported).toBeUndefined();
  });

  it('is cancelled only by the commander and only before it is over', () => {
    const cancellable = OPERATION_STATUSES.filter((from) => OPERATION_TRANSITIONS[from].cancelled);
    expect(cancellable).toEqual(['proposed', 'decided', 'executing']);
    for (const from of cancellable) expect(OPERATION_TRANSITIONS[from].cancelled).toBe('operation:decide');
  });

  it('ends with a reported outcome or a cancellation, and nothing follows either', () => {
    expect(OPERATION_TRANSITIONS.outcome_reported).toEqual({});
    expect(OPERATION_TRANSITIONS.cancelled).toEqual({});
  });
});

describe('the released summary', () => {
  const outcome = {
    arrests: 2,
    reportsFiled: 3,
    personsChecked: 14,
    placesChecked: 4,
    seizures: [
      { substance: 'cannabis' as const, label: 'Cannabis', quantity: 12.5, unit: 'g' as const },
      { substance: 'cannabis' as const, label: 'Cannabis', quantity: 7.5, unit: 'g' as const },
      { substance: 'cannabis' as const, label: 'Cannabis', quantity: 3, unit: 'plants' as const },
      { substance: 'smuggled_spirits' as const, label: 'Smuggelsprit', quantity: 10.4, unit: 'l' as const },
    ],
  };

  it('sums the seizures per substance and unit, and carries only counts', () => {
    const { counts } = summaryCounts(outcome);
    expect(counts).toEqual({
      arrests: 2,
      reportsFiled: 3,
      personsChecked: 14,
      placesChecked: 4,
      seizures: [
        { substance: 'cannabis', label: 'Cannabis', quantity: 20, unit: 'g' },
        { substance: 'cannabis', label: 'Cannabis', quantity: 3, unit: 'plants' },
        { substance: 'smuggled_spirits', label: 'Smuggelsprit', quantity: 10.4, unit: 'l' },
      ],
    });
  });

  it('gives the promise activity whole-number metrics with snake_case names', () => {
    const { metrics } = summaryCounts(outcome);
    expect(metrics).toEqual({
      operations: 1,
      arrests: 2,
      reports_filed: 3,
      persons_checked: 14,
      places_checked: 4,
      seized_cannabis_g: 20,
      seized_cannabis_plants: 3,
      seized_smuggled_spirits_l: 10,
    });
    for (const [name, value] of Object.entries(metrics)) {
      expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(Number.isInteger(value)).toBe(true);
    }
  });
});
