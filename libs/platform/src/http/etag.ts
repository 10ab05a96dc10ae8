import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { affectedRows } from '../database/update-returning.js';
import { type FieldError, fieldError, ProblemException } from '../errors/problem.js';
import { INT4_MAX } from '../pagination/numbers.js';

/** The ETag of a versioned record: its version number, quoted. */
export const etagOf = (version: number) => `"${version}"`;

/**
 * The version in an `If-Match` header, or null when there is none that a record could have:
 * versions are PostgreSQL integers (int4), so `"99999999999999999999"` names no version and
 * never reaches the database (issue #15: it answered 500 with "integer out of range").
 */
export function parseIfMatch(header: unknown): number | null {
  const match = typeof header === 'string' ? /^(?:W\/)?"?(\d{1,10})"?$/.exec(header.trim()) : null;
  const version = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(version) && version <= INT4_MAX ? version : null;
}

/**
 * The version the caller last saw, from `If-Match: "<version>"`. Updates of versioned records
 * require it (428 without it, or with one no record can have); a stale one is answered 412 by
 * the service, so nobody overwrites a change they have not seen.
 */
export const IfMatchVersion = createParamDecorator((_: unknown, context: ExecutionContext): number => {
  const version = parseIfMatch(context.switchToHttp().getRequest<FastifyRequest>().headers['if-match']);
  if (version === null) {
    throw new ProblemException('version.if_match_required');
  }
  return version;
});

export class StaleVersionProblem extends ProblemException {
  constructor(current: number) {
    super('version.stale', { currentVersion: current }, { currentVersion: current });
  }
}

/**
 * The one check of an optimistic update (`UPDATE … WHERE id = $1 AND version = $2`): no row
 * changed means someone changed the record since the caller read it — a 412 with its version now.
 */
export function assertVersionMatched(result: unknown, currentVersion: number): void {
  if (affectedRows(result) === 0) throw new StaleVersionProblem(currentVersion);
}

/**
 * The one rule of a write that replaces a whole list (issue #15): besides If-Match, an empty
 * replacement removes everything, so it must be said explicitly (`removeAll: true`), and then with
 * no items. `lists` names the request's list fields; the first one carries the error.
 */
export function replacementErrors(lists: Record<string, readonly unknown[] | undefined>, removeAll: boolean | undefined): FieldError[] {
  const [first] = Object.keys(lists);
  const empty = Object.values(lists).every((list) => !list || list.length === 0);
  if (empty && !removeAll) return [fieldError(first, 'replacement.empty')];
  if (!empty && removeAll) return [fieldError('removeAll', 'replacement.remove_all_with_items')];
  return [];
}
