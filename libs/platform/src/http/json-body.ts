import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { ProblemException } from '../errors/problem.js';

/**
 * The deepest nesting of arrays and objects a JSON body may have. No request of the api nests
 * more than a few levels; a body nested thousands deep overflowed the stack where it was turned
 * into a DTO and answered 500 — even unauthenticated, on /auth/refresh (issue #15).
 */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]); // [ {
const CLOSERS = new Set([0x5d, 0x7d]); // ] }

/**
 * Whether JSON text nests arrays and objects more than `limit` deep, read byte by byte without
 * recursion, skipping strings (a multi-byte UTF-8 character never holds one of these bytes).
 * Runs before parsing, so a deep body costs one pass and no stack.
 */
export function jsonNestsDeeperThan(body: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (OPENERS.has(byte)) {
      if (++depth > limit) return true;
    } else if (CLOSERS.has(byte)) {
      depth--;
    }
  }
  return false;
}

/**
 * The JSON body parser of every route: the depth check, then Fastify's own parser (which refuses
 * `__proto__` and `constructor.prototype` keys), within the body limit. Runs before any guard,
 * so it protects unauthenticated routes too.
 */
export function useJsonBodyParser(app: NestFastifyApplication, bodyLimit: number): void {
  const fastify = app.getHttpAdapter().getInstance();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  app.useBodyParser('application/json', { bodyLimit }, (request: FastifyRequest, body: Buffer, done: (error: Error | null, body?: unknown) => void) => {
    if (jsonNestsDeeperThan(body, MAX_JSON_DEPTH)) {
      done(new ProblemException('http.json_too_deep', { maxDepth: MAX_JSON_DEPTH }));
      return;
    }
    // Fastify's types name a string; its parser (secure-json-parse) reads a Buffer as Nest's default does.
    void parseJson(request, body as unknown as string, done);
  });
}
