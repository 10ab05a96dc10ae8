import type { FastifyInstance } from 'fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { ProblemDetailsFilter } from '../errors/problem-details.filter.js';
import { APP_VERSION } from '../version.js';
import type { LivenessView } from './health.dto.js';

export const LIVENESS_PATH = '/api/v1/health';

/**
 * GET /api/v1/health, the liveness probe, is answered by Fastify itself, not through Nest's router.
 * A kubelet calls it every few seconds on every pod, and all it may say is that the process and its
 * event loop answer: no guard, pipe or interceptor has anything to add (it is public and takes no
 * input), yet going through them cost more than half of each answer (#19: 0.31× plain Fastify).
 * Fastify's global hooks still run, so it carries the same security headers and request id as
 * every answer. Readiness (/health/ready) stays a Nest route: it checks the dependencies.
 */
export function registerLiveness(fastify: FastifyInstance, problems: ProblemDetailsFilter): void {
  fastify.get(
    LIVENESS_PATH,
    // A refusal by a global hook (unsafe text in the query, #15) is problem+json as from any route:
    // Nest's own error handler is not yet set when this route is added.
    { errorHandler: (error, request, reply) => problems.send(error, request, reply) },
    (_request, reply) => {
      const view: LivenessView = { status: 'ok', version: APP_VERSION, uptimeSeconds: Math.round(process.uptime()) };
      void reply.send(view);
    },
  );
}

/** The probe in the OpenAPI document, as Nest would describe it (LivenessView is an extra model of the document). */
export function documentLiveness(document: OpenAPIObject): OpenAPIObject {
  // First, where Nest put it when it was a controller route.
  document.paths = {
    [LIVENESS_PATH]: {
      get: {
        operationId: 'liveness_v1',
        summary: 'Liveness: the process is running',
        description: 'Answered by the HTTP server itself, before the application pipeline: no access token, no dependencies checked.',
        tags: ['health'],
        parameters: [],
        responses: {
          '200': { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/LivenessView' } } } },
        },
      },
    },
    ...document.paths,
  };
  return document;
}
