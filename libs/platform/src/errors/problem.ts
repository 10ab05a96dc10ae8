import { HttpException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { type ErrorParams, type FieldCode, fieldSpec, interpolate, type ProblemCode, problemSpec } from './catalogue/index.js';

/** RFC 9457 problem details, as every error response of the API carries them. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  /** A stable code from the catalogue (libs/platform/src/errors/catalogue); clients translate it. */
  code: ProblemCode;
  /** What a translation of the code needs (names, dates, limits). */
  params: ErrorParams;
  /** The same in English, for developers and logs; never meant for a Swedish user. */
  detail?: string;
  instance?: string;
  requestId?: string;
  /** Field-level errors for 400 validation problems. */
  errors?: FieldError[];
  [extension: string]: unknown;
}

export interface FieldError {
  /** Dotted path of the offending field in the request, e.g. `address.postalCode`. */
  field: string;
  code: FieldCode;
  params: ErrorParams;
  /** English text of the code, for developers. */
  message: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** A problem's type URI names its code, so the two never disagree. */
export const problemType = (code: ProblemCode) => `urn:samverkan:problem:${code}`;

export function statusTitle(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

/**
 * An HTTP error with a catalogued code: the status and the English `detail` come from the
 * catalogue, `params` carry what a client needs to say it in its own language, and `extensions`
 * add members a client acts on (e.g. the conflicting bookings). Domain code throws this rather
 * than Nest's ConflictException/ForbiddenException, so every refusal has a code.
 */
export class ProblemException extends HttpException {
  constructor(
    readonly code: ProblemCode,
    readonly params: ErrorParams = {},
    readonly extensions: Record<string, unknown> = {},
  ) {
    const { status, en } = problemSpec(code);
    const body: ProblemDetails = { type: problemType(code), title: statusTitle(status), status, code, params, detail: interpolate(en, params), ...extensions };
    super(body, status);
  }
}

/** 400 with per-field errors. */
export class ValidationProblem extends ProblemException {
  constructor(readonly errors: FieldError[]) {
    super('validation', {}, { errors });
  }
}

/** One field error, its English message from the catalogue. */
export function fieldError(field: string, code: FieldCode, params: ErrorParams = {}): FieldError {
  return { field, code, params, message: interpolate(fieldSpec(code).en, { field, ...params }) };
}

/** Shorthand for the common case of one bad field. */
export const invalidField = (field: string, code: FieldCode, params: ErrorParams = {}) => new ValidationProblem([fieldError(field, code, params)]);
