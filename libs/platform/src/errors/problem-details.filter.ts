import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { reasonOf } from '../database/connection-target.js';
import { isDatabaseUnavailable } from '../database/connection-errors.js';
import type { ProblemCode } from './catalogue/index.js';
import { PROBLEM_CONTENT_TYPE, ProblemException, type ProblemDetails, problemType, statusTitle } from './problem.js';

/** What a 503 for a dependency that is down tells the caller to wait (RFC 9110 §10.2.3 Retry-After). */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** The code of a plain HTTP problem (Nest's own exceptions, Fastify's errors), by its status. */
export const CODE_BY_STATUS: Record<number, ProblemCode> = {
  400: 'http.bad_request',
  401: 'http.unauthorized',
  403: 'http.forbidden',
  404: 'http.not_found',
  405: 'http.method_not_allowed',
  406: 'http.not_acceptable',
  409: 'http.conflict',
  413: 'http.payload_too_large',
  414: 'http.uri_too_long',
  415: 'http.unsupported_media_type',
  429: 'http.too_many_requests',
  500: 'http.internal',
  503: 'http.service_unavailable',
};

/** A problem without a code of its own: `about:blank` would say nothing, so the status's code names it. */
export function plainProblem(status: number, detail: string | undefined): ProblemDetails {
  const code = CODE_BY_STATUS[status] ?? 'http.error';
  return { type: problemType(code), title: statusTitle(status), status, code, params: {}, detail };
}

/**
 * Turns every error into an RFC 9457 problem+json response: Nest HTTP exceptions, Fastify's own
 * errors (malformed JSON, body too large, unsupported media type), PostgreSQL out of reach (503
 * `database.unavailable` with Retry-After: the pool reconnects by itself once it is back, #15) and
 * anything unexpected (500, logged with its stack, never shown to the caller). A 429 or 503 whose
 * params carry `retryAfterSeconds` gets a Retry-After header.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    this.send(exception, http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>());
  }

  /** The answer to `exception` as problem+json; also the error handler of routes Fastify answers itself (liveness.ts). */
  send(exception: unknown, request: FastifyRequest, reply: FastifyReply): void {
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`database unavailable: ${reasonOf(exception)}`);
      exception = new ProblemException('database.unavailable', { retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS });
    }
    const problem = this.toProblem(exception);
    problem.instance = request.url.split('?')[0];
    problem.requestId = request.id;
    if (!(exception instanceof HttpException) && problem.status >= 500) {
      // The caller sees a generic message; the log keeps what went wrong (the line carries the request id).
      this.logger.error(exception instanceof Error ? exception : String(exception));
    }
    const retryAfter = problem.params?.retryAfterSeconds;
    if ((problem.status === 429 || problem.status === 503) && typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
    void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  }

  private toProblem(exception: unknown): ProblemDetails {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      if (typeof body === 'object' && body !== null && 'type' in body) {
        return { ...(body as ProblemDetails) };
      }
      // Nest's built-in exceptions: { statusCode, message, error }.
      const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
      return plainProblem(status, Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : undefined);
    }
    const fastifyStatus = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      // Fastify's 4xx messages describe the request, not the server, so they are safe to show.
      return plainProblem(fastifyStatus, (exception as { message?: string }).message);
    }
    return plainProblem(HttpStatus.INTERNAL_SERVER_ERROR, 'An unexpected error occurred. It has been logged; quote the request id when reporting it.');
  }
}
