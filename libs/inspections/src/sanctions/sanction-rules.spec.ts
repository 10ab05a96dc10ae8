import { describe, expect, it } from '@jest/globals';
import {
  consideredSanctionErrors,
  decisionErrors,
  DECISIONS,
  HEARING_RESPONSE_DAYS,
  hearingErrors,
  hearingResponseDueOn,
  isDecided,
  proposalErrors,
  responseErrors,
  revokesLicence,
  sanctionStage,
} from './sanction-rules.js';

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

  it('gives the holder 14 days to answer the hearing unless the officer sets another day after it', () => {
    expect(HEARING_RESPONSE_DAYS).toBe(14);
    expect(hearingResponseDueOn('2022-07-04')).toBe('2022-07-18');
    expect(hearingResponseDueOn('2022-07-04', '2022-07-11')).toBe('2022-07-11');
    expect(hearingErrors('2022-07-04', '2022-07-04', '2022-07-11')).toEqual([]);
    expect(codes(hearingErrors('2022-07-04', '2022-07-04', '2022-07-04'))).toEqual(['responseDueOn: date.after']);
    expect(codes(hearingErrors('2022-07-04', '2022-07-04', '2022-07-01'))).toEqual(['responseDueOn: date.after']);
    expect(codes(hearingErrors('2022-07-04', '2022-07-10', undefined, '2022-07-08'))).toEqual(['heardOn: sanction.hearing_answered']);
    expect(hearingErrors('2022-07-04', '2022-07-10', undefined, null)).toEqual([]);
  });

  it('records the holder’s answer after the hearing was sent, never in the future', () => {
    expect(codes(responseErrors({ heardOn: null }, '2022-07-10', '2022-07-20'))).toEqual(['receivedOn: sanction.not_heard']);
    expect(codes(responseErrors({ heardOn: '2022-07-04' }, '2022-07-03', '2022-07-20'))).toEqual(['receivedOn: date.not_before']);
    expect(codes(responseErrors({ heardOn: '2022-07-04' }, '2022-07-21', '2022-07-20'))).toEqual(['receivedOn: date.in_future']);
    expect(responseErrors({ heardOn: '2022-07-04' }, '2022-07-04', '2022-07-20')).toEqual([]);
  });

  it('decides only after the holder was heard, on an earlier day (FL 25 §)', () => {
    const heard = { heardOn: '2022-07-04', responseDueOn: '2022-07-18', responseReceivedOn: '2022-07-08', consideredSanction: null };
    expect(codes(decisionErrors({ ...heard, heardOn: null }, 'varning', '2022-07-20', '2022-07-20'))).toEqual(['decision: sanction.not_heard']);
    expect(codes(decisionErrors({ ...heard, heardOn: '2022-07-20' }, 'varning', '2022-07-20', '2022-07-20'))).toEqual(['decision: sanction.not_heard']);
    expect(codes(decisionErrors({ ...heard, heardOn: '2022-07-21' }, 'varning', '2022-07-20', '2022-07-21'))).toEqual(['decision: sanction.not_heard']);
    expect(decisionErrors(heard, 'varning', '2022-07-20', '2022-07-20')).toEqual([]);
  });

  it('decides no harsher than the sanction the hearing named (FL 25 §), and names it only before the hearing', () => {
    const heard = { heardOn: '2022-07-04', responseDueOn: '2022-07-18', responseReceivedOn: '2022-07-08', consideredSanction: 'varning' as const };
    for (const decision of ['no_action', 'erinran', 'varning'] as const) expect(decisionErrors(heard, decision, '2022-07-20', '2022-07-20')).toEqual([]);
    expect(decisionErrors(heard, 'aterkallelse', '2022-07-20', '2022-07-20')).toEqual([
      expect.objectContaining({ field: 'decision', code: 'sanction.harsher_than_heard', params: { consideredSanction: 'varning' } }),
    ]);
    expect(codes(decisionErrors({ ...heard, consideredSanction: 'erinran' }, 'varning', '2022-07-20', '2022-07-20'))).toEqual([
      'decision: sanction.harsher_than_heard',
    ]);
    expect(decisionErrors({ ...heard, consideredSanction: 'aterkallelse' }, 'aterkallelse', '2022-07-20', '2022-07-20')).toEqual([]);
    expect(consideredSanctionErrors({ heardOn: null })).toEqual([]);
    expect(codes(consideredSanctionErrors({ heardOn: '2022-07-04' }))).toEqual(['consideredSanction: sanction.already_heard']);
  });

  it('decides once the holder’s answer is in, or its deadline has passed without one', () => {
    const waiting = { heardOn: '2022-07-04', responseDueOn: '2022-07-18', responseReceivedOn: null, consideredSanction: null };
    expect(decisionErrors(waiting, 'varning', '2022-07-10', '2022-07-10')).toEqual([
      expect.objectContaining({ field: 'decision', code: 'sanction.awaiting_response', params: { dueOn: '2022-07-18' } }),
    ]);
    expect(codes(decisionErrors(waiting, 'varning', '2022-07-18', '2022-07-18'))).toEqual(['decision: sanction.awaiting_response']);
    expect(decisionErrors(waiting, 'varning', '2022-07-19', '2022-07-19')).toEqual([]);
    expect(decisionErrors({ ...waiting, responseReceivedOn: '2022-07-08' }, 'varning', '2022-07-10', '2022-07-10')).toEqual([]);
    expect(codes(decisionErrors({ ...waiting, responseReceivedOn: '2022-07-12' }, 'varning', '2022-07-10', '2022-07-20'))).toEqual([
      'decision: sanction.awaiting_response',
    ]);
  });

  it('tells where a case stands: proposed, awaiting the answer, answered or its time passed, decided', () => {
    const c = { heardOn: null, responseDueOn: null, responseReceivedOn: null, decision: null };
    expect(sanctionStage(c, '2022-07-10')).toBe('proposed');
    const sent = { ...c, heardOn: '2022-07-04', responseDueOn: '2022-07-18' };
    expect(sanctionStage(sent, '2022-07-18')).toBe('awaiting_response');
    expect(sanctionStage(sent, '2022-07-19')).toBe('response_time_passed');
    expect(sanctionStage({ ...sent, responseReceivedOn: '2022-07-08' }, '2022-07-19')).toBe('response_received');
    expect(sanctionStage({ ...sent, decision: 'erinran' }, '2022-07-19')).toBe('decided');
  });

  it('revokes the licence on återkallelse only', () => {
    expect(DECISIONS.filter(revokesLicence)).toEqual(['aterkallelse']);
  });
});
