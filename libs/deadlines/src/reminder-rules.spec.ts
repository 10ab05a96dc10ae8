import { describe, expect, it } from '@jest/globals';
import { bucketJobId, bucketOf, bucketSpan, dueText, fireAt, MAX_SHARDS, SHARD_SIZE, shardsFor, superseded } from './reminder-rules.js';

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

  it('puts reminders of the same second in one bucket, whose job runs at its end and has an id BullMQ accepts', () => {
    const at = new Date('2022-06-30T22:00:00.250Z');
    const bucket = bucketOf(at);
    expect(bucketOf(new Date('2022-06-30T22:00:00.999Z'))).toBe(bucket);
    expect(bucketOf(new Date('2022-06-30T22:00:01.000Z'))).toBe(bucket + 1);
    expect(bucketSpan(bucket)).toEqual({ start: new Date('2022-06-30T22:00:00Z'), end: new Date('2022-06-30T22:00:01Z') });
    const id = bucketJobId(bucket);
    expect(id).toBe('reminders-1656626400');
    expect(id).not.toContain(':');
    expect(id).not.toMatch(/^\d+$/);
  });

  it('sends a late reminder once, as the latest rule that is due says', () => {
    const rules = [
      { key: 'before-7d', anchor: 'before', offsetValue: 7, offsetUnit: 'days', recipient: 'responsible', active: true },
      { key: 'before-1d', anchor: 'before', offsetValue: 1, offsetUnit: 'days', recipient: 'responsible', active: true },
      { key: 'at-due', anchor: 'at', offsetValue: 0, offsetUnit: 'days', recipient: 'responsible', active: true },
      { key: 'escalate', anchor: 'after', offsetValue: 2, offsetUnit: 'working_days', recipient: 'manager', active: true },
    ] as const;
    const [week, day, atDue, escalate] = rules;
    // On time: a week before, only that rule is due; it is not overtaken.
    const weekBefore = new Date('2022-06-23T22:00:00Z');
    expect(superseded(week, rules, due, weekBefore)).toBe(false);
    // Registered when already overdue: the earlier reminders are overtaken by "at due"; the escalation goes to others.
    const late = new Date('2022-07-01T08:00:00Z');
    expect(rules.map((r) => superseded(r, rules, due, late))).toEqual([true, true, false, false]);
    expect(superseded(day, [day, { ...atDue, active: false }], due, late)).toBe(false);
    expect(superseded(escalate, rules, due, new Date('2022-07-10T08:00:00Z'))).toBe(false);
  });

  it('names a date-only due time as its day and others with their time', () => {
    expect(dueText({ due_at: new Date('2022-09-30T22:00:00Z'), due_on: '2022-09-30' })).toBe('senast 30 september 2022');
    expect(dueText({ due_at: new Date('2022-09-30T12:00:00Z'), due_on: null })).toBe('30 september 2022 kl. 14:00');
  });
});

describe('shards of a bucket (#19)', () => {
  it('keeps a small bucket whole and splits a large one into at most four', () => {
    expect([0, 1, SHARD_SIZE].map(shardsFor)).toEqual([1, 1, 1]);
    expect([SHARD_SIZE + 1, 2 * SHARD_SIZE, 2 * SHARD_SIZE + 1, 100_000].map(shardsFor)).toEqual([2, 2, 4, MAX_SHARDS]);
  });
});
