import { describe, expect, it } from '@jest/globals';
import { CHAIN_START, chainBreak, checkpointBreak, verificationStart } from './audit-verification-rules.js';

describe('audit verification rules', () => {
  const last = { lastEventId: '120', lastHash: 'abc', baseEvents: 100, checkedEvents: 20 };

  it('starts a full run at the first event, an incremental one where the newest completed run stopped', () => {
    expect(verificationStart('full', last)).toEqual(CHAIN_START);
    expect(verificationStart('incremental', null)).toEqual({ fromEventId: '0', fromHash: '', baseEvents: 0 });
    expect(verificationStart('incremental', last)).toEqual({ fromEventId: '120', fromHash: 'abc', baseEvents: 120 });
  });

  it('names an altered event before a broken link', () => {
    expect(chainBreak(true, true)).toBeNull();
    expect(chainBreak(false, false)).toMatchObject({ kind: 'contents' });
    expect(chainBreak(false, true)).toMatchObject({ kind: 'contents' });
    expect(chainBreak(true, false)).toMatchObject({ kind: 'link' });
  });

  it('refuses a checkpoint whose event is gone or rewritten', () => {
    expect(checkpointBreak('0', '', null)).toBeNull();
    expect(checkpointBreak('120', 'abc', 'abc')).toBeNull();
    expect(checkpointBreak('120', 'abc', null)).toMatchObject({ kind: 'link', reason: expect.stringMatching(/is gone/) });
    expect(checkpointBreak('120', 'abc', 'def')).toMatchObject({ kind: 'link', reason: expect.stringMatching(/rewritten/) });
  });
});
