import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails, statusTitle } from './problem.js';

/**
 * Turns every error into an RFC 9457 problem+json response: Nest HTTP exceptions, Fastify's own
 * errors (malformed JSON, body too large, unsupported media type) and anything unexpected (500,
 * logged with its stack, never shown to the caller).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = this.toProblem(exception);
    problem.instance = request.url.split('?')[0];
    problem.requestId = request.id;
    if (!(exception instanceof HttpException) && problem.status >= 500) {
      // The caller sees a generic message; the log keeps what went wrong (the line carries the request id).
      this.logger.error(exception instanceof Error ? exception : String(exception));
    }
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
      return {
        type: 'about:blank',
        title: statusTitle(status),
        status,
        detail: Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : undefined,
      };
    }
    const fastifyStatus = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      return {
        type: 'about:blank',
        title: statusTitle(fastifyStatus),
        status: fastifyStatus,
        // Fastify's 4xx messages describe the request, not the server, so they are safe to show.
        detail: (exception as { message?: string }).message,
      };
    }
    return {
      type: 'about:blank',
      title: statusTitle(HttpStatus.INTERNAL_SERVER_ERROR),
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      detail: 'An unexpected error occurred. It has been logged; quote the request id when reporting it.',
    };
  }
}
