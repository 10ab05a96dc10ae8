import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import type { ErrorParams, FieldCode } from './catalogue/index.js';
import { type FieldError, ValidationProblem } from './problem.js';

/**
 * A check's list argument as strings. The arguments are looked up on the DTO the error names; an
 * error about a body that is no object at all (an array sent for one) finds none (issue #15: 500).
 */
const listed = (values: unknown): string[] => (Array.isArray(values) ? values.map(String) : []);

/**
 * class-validator's checks, named as the catalogue names them, with the params a translation
 * needs taken from the check's own arguments. A unit test fails for a check a DTO uses that is
 * missing here, so every field error the pipe sends has a real code.
 */
export const FIELD_CHECKS: Record<string, { code: FieldCode; params?: (args: unknown[]) => ErrorParams }> = {
  isDefined: { code: 'field.required' },
  isNotEmpty: { code: 'field.required' },
  arrayNotEmpty: { code: 'field.min_items', params: () => ({ min: 1 }) },
  whitelistValidation: { code: 'field.unknown' },
  unknownValue: { code: 'field.unknown' },
  nestedValidation: { code: 'field.object' },
  isString: { code: 'field.string' },
  isInt: { code: 'field.integer' },
  isNumber: { code: 'field.number' },
  isBoolean: { code: 'field.boolean' },
  isArray: { code: 'field.array' },
  isObject: { code: 'field.object' },
  isUuid: { code: 'field.uuid' },
  isEmail: { code: 'field.email' },
  isUrl: { code: 'field.url' },
  isCalendarDate: { code: 'field.date' },
  isDateTime: { code: 'field.datetime' },
  yearInRange: { code: 'field.year_range', params: ([min, max]) => ({ min: min as number, max: max as number }) },
  isIso8601: { code: 'field.datetime' },
  isDateString: { code: 'field.datetime' },
  isLatitude: { code: 'field.latitude' },
  isLongitude: { code: 'field.longitude' },
  matches: { code: 'field.pattern' },
  isIn: { code: 'field.one_of', params: ([values]) => ({ allowed: listed(values) }) },
  isEnum: { code: 'field.one_of', params: ([, values]) => ({ allowed: listed(values) }) },
  min: { code: 'field.min', params: ([min]) => ({ min: min as number }) },
  max: { code: 'field.max', params: ([max]) => ({ max: max as number }) },
  isPositive: { code: 'field.positive' },
  minLength: { code: 'field.min_length', params: ([min]) => ({ min: min as number }) },
  maxLength: { code: 'field.max_length', params: ([max]) => ({ max: max as number }) },
  arrayMinSize: { code: 'field.min_items', params: ([min]) => ({ min: min as number }) },
  arrayMaxSize: { code: 'field.max_items', params: ([max]) => ({ max: max as number }) },
  arrayUnique: { code: 'field.unique_items' },
};

/**
 * The checks worth showing for one field. When a type check failed ("must be an integer") the
 * range checks that also failed on the same value only add noise, so only type checks are shown.
 */
export function primaryChecks(constraints: Record<string, string> = {}): [name: string, message: string][] {
  const entries = Object.entries(constraints);
  const typeChecks = entries.filter(([name]) => TYPE_CHECKS.has(name));
  return typeChecks.length > 0 ? typeChecks : entries;
}

const TYPE_CHECKS = new Set([
  'isInt',
  'isNumber',
  'isString',
  'isBoolean',
  'isDate',
  'isDateString',
  'isIso8601',
  'isCalendarDate',
  'isDateTime',
  'isUuid',
  'isEnum',
  'isIn',
  'isArray',
  'isObject',
  'isEmail',
  'nestedValidation',
  'isDefined',
]);

/** The arguments a DTO gave a check (`@Max(5000)` → [5000]), found in class-validator's metadata. */
function checkArguments(error: ValidationError, check: string): unknown[] {
  const target = error.target?.constructor;
  if (!target) return [];
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((m) => m.propertyName === error.property && (m.name === check || m.type === check));
  return metadata?.constraints ?? [];
}

/** Flattens class-validator's nested errors into `{ field: 'a.b[0].c', code, params, message }`. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : parent ? `${parent}.${error.property}` : error.property;
    const own = primaryChecks(error.constraints).map(([check, message]): FieldError => {
      const known = FIELD_CHECKS[check];
      return {
        field,
        code: known?.code ?? 'field.invalid',
        params: known?.params?.(checkArguments(error, check)) ?? {},
        message: humanise(message, error.property, field),
      };
    });
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

// class-validator names the bare property ("property street should not exist"); show the full path.
function humanise(message: string, property: string, field: string): string {
  return field === property ? message : message.replace(new RegExp(`^(property )?${property}\\b`), `$1${field}`);
}

/**
 * The global pipe: strips nothing silently — unknown properties are rejected — and converts
 * query strings and params to the declared types. The target is kept on the errors only so the
 * checks' arguments can be looked up; values are never echoed.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => new ValidationProblem(toFieldErrors(errors)),
  });
}
