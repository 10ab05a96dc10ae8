import { describe, expect, it } from '@jest/globals';
import { fireAt, reminderJobId } from './reminder-rules.js';

describe('reminder rules', () => {
  const due = new Date('2022-06-30T22:00:00Z'); // midnight between 30 June and 1 July, Stockholm

  it('fires before, at and after the due time', () => {
    expect(fireAt(due, { anchor: 'before', offsetValue: 7, offsetUnit: 'days' })).toEqual(new Date('2022-06-23T22:00:00Z'));
    expect(fireAt(due, { anchor: 'at', offsetValue: 5, offsetUnit: 'days' })).toEqual(due);
    expect(fireAt(due, { anchor: 'after', offsetValue: 90, offsetUnit: 'minutes' })).toEqual(new Date('2022-06-30T23:30:00Z'));
  });

  it('counts working days past weekends', () => {
    // Due at the start of Friday 1 July 2022: two working days later is the start of Tuesday 5 July.
    expect(fireAt(due, { anchor: 'after', offsetValue: 2, offsetUnit: 'working_days' })).toEqual(new Date('2022-07-04T22:00:00Z'));
    // Two working days before the start of Friday 1 July: the start of Wednesday 29 June.
    expect(fireAt(due, { anchor: 'before', offsetValue: 2, offsetUnit: 'working_days' })).toEqual(new Date('2022-06-28T22:00:00Z'));
  });

  it('makes job ids BullMQ accepts', () => {
    const id = reminderJobId('6f1c2d1e-0000-4000-8000-000000000001', 'before-7d', 3);
    expect(id).toBe('remind-6f1c2d1e-0000-4000-8000-000000000001-before-7d-v3');
    expect(id).not.toContain(':');
  });
});
