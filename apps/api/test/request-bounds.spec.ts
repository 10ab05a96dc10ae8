/**
 * Every number and date a request may carry is bounded where it is declared (issue #15): a whole
 * number beyond a PostgreSQL integer, a float beyond what a column holds or a date-time outside
 * the years the api computes with answered 500. Reads class-validator's metadata of every DTO
 * the api loads, so a new field without its bound fails here rather than in production.
 */
import { describe, expect, it } from '@jest/globals';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata.js';
import { INT4_MAX } from '@samverkan/platform';
import '../src/api.module.js';

/** DTO class → its checks (the app's configuration is read from the environment, not from requests). */
function requestDtos(): Map<string, ValidationMetadata[]> {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<{ name: string }, ValidationMetadata[]> };
  return new Map([...storage.validationMetadatas].filter(([target]) => target.name !== 'AppConfig').map(([target, metadata]) => [target.name, metadata]));
}

/** `Class.property` → the names of its checks with their arguments. */
function checksByField(): Map<string, Map<string, unknown[]>> {
  const fields = new Map<string, Map<string, unknown[]>>();
  for (const [dto, metadata] of requestDtos()) {
    for (const check of metadata) {
      const key = `${dto}.${check.propertyName}`;
      if (!fields.has(key)) fields.set(key, new Map());
      if (check.name) fields.get(key)!.set(check.name, check.constraints ?? []);
    }
  }
  return fields;
}

describe('bounds of request fields', () => {
  const fields = checksByField();

  it('finds the DTOs of the api', () => {
    expect(fields.size).toBeGreaterThan(200);
  });

  it('gives every whole number and every number a maximum that fits a PostgreSQL integer, and a minimum', () => {
    const numeric = [...fields].filter(([, checks]) => checks.has('isInt') || checks.has('isNumber'));
    expect(numeric.map(([field]) => field)).toEqual(expect.arrayContaining(['PageQuery.offset', 'PremisesInput.capacity', 'OutcomeInput.arrests']));
    const unbounded = numeric
      .filter(([, checks]) => {
        const max = checks.get('max')?.[0];
        const min = checks.get('min')?.[0];
        const hasMin = typeof min === 'number' ? min >= -INT4_MAX : checks.has('isPositive');
        return !(typeof max === 'number' && max <= INT4_MAX && hasMin);
      })
      .map(([field]) => field);
    expect(unbounded).toEqual([]);
  });

  it('reads every date-time through IsDateTime and every date through IsCalendarDate, both with a year range', () => {
    const loose = [...fields].filter(([, checks]) => checks.has('isIso8601') || checks.has('isDateString') || checks.has('isDate')).map(([field]) => field);
    expect(loose).toEqual([]);
    const withoutRange = [...fields]
      .filter(([, checks]) => (checks.has('isDateTime') || checks.has('isCalendarDate')) && !checks.has('yearInRange'))
      .map(([field]) => field);
    expect(withoutRange).toEqual([]);
  });
});
