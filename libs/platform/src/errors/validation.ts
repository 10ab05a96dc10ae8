import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { type FieldError, ValidationProblem } from './problem.js';

/**
 * The messages worth showing for one field. When a type check failed ("must be an integer") the
 * range checks that also failed on the same value only add noise, so only type checks are shown.
 */
export function primaryMessages(constraints: Record<string, string> = {}): string[] {
  const entries = Object.entries(constraints);
  const typeChecks = entries.filter(([name]) => TYPE_CHECKS.has(name));
  return (typeChecks.length > 0 ? typeChecks : entries).map(([, message]) => message);
}

const TYPE_CHECKS = new Set([
  'isInt',
  'isNumber',
  'isString',
  'isBoolean',
  'isDate',
  'isDateString',
  'isISO8601',
  'isUUID',
  'isEnum',
  'isIn',
  'isArray',
  'isObject',
  'isEmail',
  'nestedValidation',
  'isDefined',
]);

/** Flattens class-validator's nested errors into `{ field: 'a.b[0].c', message }` pairs. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    const own = primaryMessages(error.constraints).map((message) => ({
      field,
      message: humanise(message, error.property, field),
    }));
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

// class-validator names the bare property ("property street should not exist"); show the full path.
function humanise(message: string, property: string, field: string): string {
  return field === property ? message : message.replace(new RegExp(`^(property )?${property}\\b`), `$1${field}`);
}

/**
 * The global pipe: strips nothing silently — unknown properties are rejected — and converts
 * query strings and params to the declared types.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationProblem(toFieldErrors(errors)),
  });
}
