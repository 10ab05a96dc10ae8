import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

// A caller (or proxy) may pass its own id so logs line up across systems; anything odd is replaced.
const ACCEPTABLE_ID = /^[A-Za-z0-9._-]{8,128}$/;

export function requestIdFromHeaders(headers: IncomingHttpHeaders): string {
  const given = headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && ACCEPTABLE_ID.test(given) ? given : randomUUID();
}

/** "POST /api/v1/users/:id/deactivate": the matched route pattern, never the ids or query in the URL. */
export function routeOf(request: { method: string; url: string; routeOptions?: { url?: string } }): string {
  return `${request.method} ${request.routeOptions?.url ?? request.url.split('?')[0]}`;
}
