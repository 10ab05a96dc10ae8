import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { DECORATORS } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { getMetadataStorage, IsObject, ValidateNested } from 'class-validator';
import type { ErrorParams, FieldCode } from './catalogue/index.js';
import { type FieldError, fieldError, ValidationProblem } from './problem.js';

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
  isHttpsUrl: { code: 'field.https' },
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

/**
 * A property holding an object of the given class (or, with `each`, a list of them), validated in
 * full. class-validator's ValidateNested alone takes a list where an object belongs and checks its
 * items instead, so `[]` for an object or `[[]]` for a list of objects passed unchecked and reached
 * the service (issue #15: no 500 from any input); IsObject refuses a list, a string and null.
 */
export function NestedObject(type: () => new () => object, options: { each?: boolean } = {}): PropertyDecorator {
  return (target, property) => {
    IsObject({ each: options.each })(target, property);
    ValidateNested({ each: options.each })(target, property);
    Type(type)(target, property);
  };
}

/** Flattens class-validator's nested errors into `{ field: 'a.b[0].c', code, params, message }`. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : parent ? `${parent}.${error.property}` : error.property;
    // IsObject and ValidateNested (NestedObject) may refuse the same value: one field.object is said,
    // under the items' own names where ValidateNested named them.
    const itemsNamed = (error.children ?? []).length > 0;
    const checks = primaryChecks(error.constraints).filter(
      ([check]) => !(check === 'nestedValidation' && error.constraints?.isObject) && !(check === 'isObject' && itemsNamed),
    );
    const own = checks.map(([check, message]): FieldError => {
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

/** Where @nestjs/swagger keeps a property's ApiProperty options, and a class's list of them. */
const { API_MODEL_PROPERTIES: API_PROPERTY, API_MODEL_PROPERTIES_ARRAY: API_PROPERTIES } = DECORATORS;

/**
 * JSON null wherever the contract does not declare the property nullable. IsOptional lets null
 * through as if the property were left out, and a service that reads `=== undefined` then met a
 * null (issue #15: a 500 for `"password": null`). The OpenAPI document is the rule: a property that
 * accepts null says `nullable: true` (as `target: null` removes a commitment's target).
 */
export function nullFieldErrors(value: unknown, parent = ''): FieldError[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => nullFieldErrors(item, `${parent}[${index}]`));
  if (value === null || typeof value !== 'object') return [];
  // Only a request class the contract describes: not a plain object (a free-form map) or a file's bytes.
  const prototype = Object.getPrototypeOf(value) as object;
  if (!Reflect.getMetadata(API_PROPERTIES, prototype)) return [];
  return Object.entries(value).flatMap(([property, item]) => {
    const field = parent ? `${parent}.${property}` : property;
    if (item !== null) return nullFieldErrors(item, field);
    const declared = Reflect.getMetadata(API_PROPERTY, prototype, property) as { nullable?: boolean } | undefined;
    return declared?.nullable ? [] : [fieldError(field, 'field.null')];
  });
}

/** The pipe's validation, then the contract's nulls (nullFieldErrors) for a request body. */
class ContractValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const result: unknown = await super.transform(value, metadata);
    if (metadata.type === 'body') {
      const errors = nullFieldErrors(result);
      if (errors.length > 0) throw new ValidationProblem(errors);
    }
    return result;
  }
}

/**
 * The global pipe: strips nothing silently — unknown properties are rejected — and converts
 * query strings and params to the declared types. The target is kept on the errors only so the
 * checks' arguments can be looked up; values are never echoed.
 */
export function createValidationPipe(): ValidationPipe {
  return new ContractValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => new ValidationProblem(toFieldErrors(errors)),
  });
}
