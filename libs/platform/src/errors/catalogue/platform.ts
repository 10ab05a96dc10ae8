import { field, problem } from './define.js';

/**
 * Codes every route may answer: plain HTTP problems (the filter gives each status its code),
 * request validation and the field checks behind it, versions and rate limits.
 */
export const PLATFORM_CODES = {
  // Plain HTTP problems; a 404 never says more (what the caller may not see does not exist for them).
  'http.bad_request': problem(400, 'The request could not be read.'),
  'http.unauthorized': problem(401, 'Sign in first.'),
  'http.forbidden': problem(403, 'You may not do this.'),
  'http.not_found': problem(404, 'Not found.'),
  'http.method_not_allowed': problem(405, 'The method is not allowed here.'),
  'http.not_acceptable': problem(406, 'None of the accepted media types can be produced.'),
  'http.conflict': problem(409, 'The request conflicts with the current state.'),
  'http.payload_too_large': problem(413, 'The request body is too large.'),
  'http.uri_too_long': problem(414, 'The address (URL) is too long.'),
  'http.bad_url': problem(400, 'The address (URL) is not valid: a bad percent-encoding.'),
  'http.json_too_deep': problem(400, 'The JSON body is nested more than {maxDepth} levels deep.', { maxDepth: 'the deepest nesting allowed' }),
  'http.unsupported_media_type': problem(415, 'The request body has a media type this route does not take.'),
  'http.too_many_requests': problem(429, 'Too many requests; try again later.'),
  'http.internal': problem(500, 'An unexpected error occurred. It has been logged; quote the request id when reporting it.'),
  'http.service_unavailable': problem(503, 'The service is unavailable; try again later.'),
  'http.error': problem(500, 'The request failed.'),

  validation: problem(400, 'The request has invalid fields.'),
  'version.if_match_required': problem(428, 'Send If-Match with the version (ETag) of the record you are changing.'),
  'version.stale': problem(412, 'The record has changed since you read it; reload it and apply your change again.', {
    currentVersion: 'the version the record has now',
  }),
  'replacement.empty': field('{field}: an empty list would remove every one; send removeAll: true if that is what you mean.'),
  'replacement.remove_all_with_items': field('{field}: removeAll: true replaces the list with nothing; send no items with it.'),
  'health.not_ready': problem(503, 'Not ready: {failed} down.', { failed: 'the dependencies that failed' }),
  'health.worker_unavailable': problem(503, 'No worker answered a system.ping job within {timeoutMs} ms.', { timeoutMs: 'how long the api waited' }),
  // Dependencies out of reach at run time (#15): the request may succeed later; Retry-After says when to try.
  'database.unavailable': problem(503, 'The database cannot be reached; try again in {retryAfterSeconds} s.', {
    retryAfterSeconds: 'seconds to wait before trying again (also the Retry-After header)',
  }),
  'queue.unavailable': problem(503, 'The job queue (Redis) cannot be reached; try again in {retryAfterSeconds} s.', {
    retryAfterSeconds: 'seconds to wait before trying again (also the Retry-After header)',
  }),

  // Field checks of request bodies, query strings and path parameters.
  'field.required': field('{field} is required.'),
  'field.unknown': field('{field} is not a field of this request.'),
  'field.null': field('{field} may not be null: leave it out instead.'),
  'field.invalid': field('{field} is not valid.'),
  'field.string': field('{field} must be text.'),
  'field.integer': field('{field} must be a whole number.'),
  'field.number': field('{field} must be a number.'),
  'field.boolean': field('{field} must be true or false.'),
  // Photo uploads (files/photo-type.ts): the raw body must be an image of the type it claims.
  'photo.body_missing': field('Send the photo as the request body (image/jpeg, image/png or image/webp).'),
  'photo.type_mismatch': field('The body must be a JPEG, PNG or WebP image of the type its Content-Type says.'),
  'field.array': field('{field} must be a list.'),
  'field.object': field('{field} must be an object.'),
  'field.uuid': field('{field} must be an id (UUID).'),
  'field.email': field('{field} must be an e-mail address.'),
  'field.url': field('{field} must be an address (URL).'),
  'field.https': field('{field} must be a secure address beginning with https://.'),
  'field.date': field('{field} must be a date (YYYY-MM-DD).'),
  'field.datetime': field('{field} must be a date and time (ISO 8601).'),
  'field.year_range': field('{field} must lie between the years {min} and {max}.', { min: 'the first year allowed', max: 'the last year allowed' }),
  'field.text': field('{field} holds a character that is not allowed (NUL or a broken character).'),
  'field.latitude': field('{field} must be a latitude.'),
  'field.longitude': field('{field} must be a longitude.'),
  'field.pattern': field('{field} has the wrong form.'),
  'field.one_of': field('{field} must be one of: {allowed}.', { allowed: 'the values allowed' }),
  'field.min': field('{field} must be at least {min}.', { min: 'the smallest value allowed' }),
  'field.max': field('{field} must be at most {max}.', { max: 'the largest value allowed' }),
  'field.positive': field('{field} must be greater than 0.'),
  'field.min_length': field('{field} must be at least {min} characters long.', { min: 'the fewest characters allowed' }),
  'field.max_length': field('{field} must be at most {max} characters long.', { max: 'the most characters allowed' }),
  'field.min_items': field('{field} must hold at least {min} items.', { min: 'the fewest items allowed' }),
  'field.max_items': field('{field} must hold at most {max} items.', { max: 'the most items allowed' }),
  'field.unique_items': field('{field} must not name the same item twice.'),
  'date.after': field('{field} must be after {other}.', { other: 'the field it must come after' }),
  'date.in_future': field('{field} cannot be in the future.'),
  'date.not_before': field('{field} must not be before {other}.', { other: 'the field it must not come before' }),
  'status.transition': field('{field} cannot go from {from} to {to}.', { from: 'the status now', to: 'the status asked for' }),
  'reference.not_found': field('{field} names no {resource}.', { resource: 'what the id should name (organisation, unit, …)' }),
  'map.bbox': field('{field} must be four numbers west,south,east,north (WGS 84 degrees) with west < east and south < north.'),
} as const;
