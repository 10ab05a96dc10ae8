import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify from 'fastify';

// Headers of the probe's own answer, not security headers.
const NOT_SECURITY = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive']);

/**
 * The headers @fastify/helmet sets for `options`, computed once. The plugin rebuilds helmet's
 * middleware (and re-parses the Content-Security-Policy) on every request (#19); the answer is the
 * same every time, so it is taken from one probe request at start-up and set as it stands.
 */
export async function securityHeaders(options: FastifyHelmetOptions): Promise<Record<string, string>> {
  const probe = Fastify({ logger: false });
  try {
    await probe.register(helmet, options);
    probe.get('/', (_request, reply) => reply.send(''));
    const answer = await probe.inject({ method: 'GET', url: '/' });
    return Object.fromEntries(
      Object.entries(answer.headers).flatMap(([name, value]) => (NOT_SECURITY.has(name) || typeof value !== 'string' ? [] : [[name, value]])),
    );
  } finally {
    await probe.close();
  }
}
