import { describe, expect, it } from '@jest/globals';
import { findingStatusChange } from './finding-rules.js';

describe('findingStatusChange', () => {
  const open = { status: 'open' as const, resolution: null };

  it('moves an open finding into work without a resolution', () => {
    expect(findingStatusChange(open, { status: 'in_progress' })).toEqual({ status: 'in_progress', resolution: null, errors: [] });
  });

  it('needs what was done to close it as done, and keeps it trimmed', () => {
    const refused = findingStatusChange(open, { status: 'done' });
    expect(refused.errors.map((e) => [e.field, e.code])).toEqual([['resolution', 'finding.resolution_required']]);
    const done = findingStatusChange({ status: 'in_progress', resolution: null }, { status: 'done', resolution: '  Lampan bytt  ' });
    expect(done).toEqual({ status: 'done', resolution: 'Lampan bytt', errors: [] });
  });

  it('needs a reason to reject it', () => {
    expect(findingStatusChange(open, { status: 'rejected', resolution: ' ' }).errors[0].code).toBe('finding.resolution_required');
    expect(findingStatusChange(open, { status: 'rejected', resolution: 'Privat mark' }).errors).toEqual([]);
  });

  it('drops a resolution given while the finding stays open', () => {
    expect(findingStatusChange(open, { resolution: 'x' })).toEqual({ status: 'open', resolution: null, errors: [] });
  });

  it('refuses every change of a done or rejected finding', () => {
    for (const status of ['done', 'rejected'] as const) {
      const result = findingStatusChange({ status, resolution: 'r' }, { status: 'open' });
      expect(result.errors.map((e) => [e.field, e.code, e.params])).toEqual([['status', 'finding.final', { status }]]);
    }
  });
});
