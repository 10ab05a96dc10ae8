import type { FastifyInstance } from 'fastify';
import { fieldError, ValidationProblem } from '../errors/problem.js';

// NUL, and a UTF-16 surrogate without its partner (a broken character, e.g. "\uD800" in JSON).
// PostgreSQL refuses NUL in text ("invalid byte sequence for encoding UTF8: 0x00": a 500 before,
// issue #15), and a lone surrogate has no UTF-8 form: it would be stored as U+FFFD, not as sent.
// eslint-disable-next-line no-control-regex
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether text holds a character no field may hold (NUL, a lone surrogate). */
export const isUnsafeText = (text: string) => UNSAFE_TEXT.test(text);

/**
 * The fields of a request body, query string or path whose text (value or name) holds NUL or a
 * lone surrogate, as field paths (`a.b[0].c`). A JSON body is at most MAX_JSON_DEPTH deep, so
 * the walk's depth is bounded too (and capped here for values that did not come from JSON).
 */
export function unsafeTextFields(value: unknown, path: string, found: string[] = [], depth = 0): string[] {
  if (typeof value === 'string') {
    if (isUnsafeText(value)) found.push(path);
  } else if (Array.isArray(value)) {
    if (depth < 64) value.forEach((item, i) => unsafeTextFields(item, `${path}[${i}]`, found, depth + 1));
  } else if (isPlainObject(value) && depth < 64) {
    for (const [key, item] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      if (isUnsafeText(key)) found.push(path ? `${path}.?` : '?');
      else unsafeTextFields(item, field, found, depth + 1);
    }
  }
  return found;
}

// Parsed JSON, a query string, path parameters (objects without Object.prototype); not photo bytes.
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !ArrayBuffer.isView(value);
}

/**
 * The one text check every route passes (issue #15): a path parameter, query parameter or body
 * field holding NUL or a lone surrogate is a 400 naming the fields (`field.text`). It runs after
 * routing and body parsing but before Nest's guards, interceptors and pipes, so neither a guard
 * loading a record nor the audit of a refused request ever sends such text to PostgreSQL.
 */
export function refuseUnsafeText(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', (request, _reply, done) => {
    const bad = [...unsafeTextFields(request.params, ''), ...unsafeTextFields(request.query, ''), ...unsafeTextFields(request.body, '')];
    done(bad.length > 0 ? new ValidationProblem(bad.map((field) => fieldError(field || 'body', 'field.text'))) : undefined);
  });
}
