import { HttpException, HttpStatus } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';

/** RFC 9457 problem details, as every error response of the API carries them. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  /** Field-level messages for 400 validation problems. */
  errors?: FieldError[];
  [extension: string]: unknown;
}

export interface FieldError {
  /** Dotted path of the offending field in the request, e.g. `address.postalCode`. */
  field: string;
  message: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem types Samverkan defines; plain HTTP errors use `about:blank` as RFC 9457 says. */
export const problemType = (slug: string) => `urn:samverkan:problem:${slug}`;

export function statusTitle(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}

/**
 * An HTTP error with a Samverkan problem type and optional extension members. Domain code throws
 * this (or a subclass) rather than building responses by hand.
 */
export class ProblemException extends HttpException {
  constructor(
    status: HttpStatus,
    readonly slug: string,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
    title = statusTitle(status),
  ) {
    super({ type: problemType(slug), title, status, detail, ...extensions }, status);
  }
}

/** 400 with per-field messages. */
export class ValidationProblem extends ProblemException {
  constructor(readonly errors: FieldError[], detail = 'The request has invalid fields.') {
    super(HttpStatus.BAD_REQUEST, 'validation', detail, { errors }, 'Invalid request');
  }
}
