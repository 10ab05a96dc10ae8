import { describe, expect, it } from '@jest/globals';
import { decisionErrors, DECISIONS, hearingErrors, isDecided, proposalErrors, revokesLicence } from './sanction-rules.js';

const codes = (errors: { field: string; code: string }[]) => errors.map((e) => `${e.field}: ${e.code}`);

describe('sanction rules', () => {
  it('ends a case in erinran, varning, återkallelse or no action, up the ladder', () => {
    expect(DECISIONS).toEqual(['erinran', 'varning', 'aterkallelse', 'no_action']);
  });

  it('decides a case once', () => {
    expect(isDecided({ decision: null })).toBe(false);
    for (const decision of DECISIONS) expect(isDecided({ decision })).toBe(true);
  });

  it('rests a proposal on inspections of the licensed premises only', () => {
    expect(proposalErrors([], 0)).toEqual([]);
    expect(proposalErrors(['a', 'b'], 2)).toEqual([]);
    expect(proposalErrors(['a', 'a'], 1)).toEqual([]);
    expect(codes(proposalErrors(['a', 'b'], 1))).toEqual(['inspectionIds: sanction.inspection_not_of_premises']);
  });

  it('hears the holder on a day that has come', () => {
    expect(hearingErrors('2022-07-04', '2022-07-04')).toEqual([]);
    expect(hearingErrors('2022-07-03', '2022-07-04')).toEqual([]);
    expect(codes(hearingErrors('2022-07-05', '2022-07-04'))).toEqual(['heardOn: date.in_future']);
  });

  it('decides only after the holder was heard, on an earlier day (FL 25 §)', () => {
    expect(codes(decisionErrors({ heardOn: null }, '2022-07-20'))).toEqual(['decision: sanction.not_heard']);
    expect(codes(decisionErrors({ heardOn: '2022-07-20' }, '2022-07-20'))).toEqual(['decision: sanction.not_heard']);
    expect(codes(decisionErrors({ heardOn: '2022-07-21' }, '2022-07-20'))).toEqual(['decision: sanction.not_heard']);
    expect(decisionErrors({ heardOn: '2022-07-04' }, '2022-07-20')).toEqual([]);
  });

  it('revokes the licence on återkallelse only', () => {
    expect(DECISIONS.filter(revokesLicence)).toEqual(['aterkallelse']);
  });
});
