import type { IncomingMessage } from 'node:http';
import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import { type INestApplication, VersioningType } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { addProblemContract } from '../openapi/problem-schema.js';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { type AppConfig, tileOrigin } from '../config/app-config.js';
import { plainProblem, ProblemDetailsFilter } from '../errors/problem-details.filter.js';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails, ProblemException } from '../errors/problem.js';
import { createValidationPipe } from '../errors/validation.js';
import { requestContext } from '../logging/request-context.js';
import { ROOT_LOGGER, type RootLogger } from '../logging/root-logger.js';
import { APP_VERSION } from '../version.js';
import { useJsonBodyParser } from './json-body.js';
import { REQUEST_ID_HEADER, requestIdFromHeaders } from './request-id.js';
import { securityHeaders } from './security-headers.js';
import { LivenessView } from '../health/health.dto.js';
import { documentLiveness, registerLiveness } from '../health/liveness.js';
import { refuseUnsafeText } from './unsafe-text.js';
import { ATTACHMENT_BODY_TYPES, readAttachmentBody } from '../files/attachment-type.js';

export const API_PREFIX = 'api';
export const DOCS_PATH = 'api/docs';
export const DOCS_JSON_PATH = 'api/docs-json';

// Probes call these every few seconds; a successful probe is not worth a log line.
const QUIET_PATHS = new Set([`/${API_PREFIX}/v1/health`, `/${API_PREFIX}/v1/health/ready`]);

/**
 * Answers under /api that shared and browser caches may keep: they carry no personal data and no
 * credentials (health probes, the published promise for citizens, the OpenAPI document and UI).
 */
const CACHEABLE_API_PATH = new RegExp(`^/${API_PREFIX}/(v1/health(/.*)?|v1/public/.*|docs(-json)?(/.*)?)$`);

/**
 * `Cache-Control: no-store` on every other /api answer, unless its route chose a header itself:
 * they carry personal data (a revealed personnummer, case notes) or tokens, and must not be kept
 * by a browser or proxy (RFC 9111 §5.2.2.5; GDPR art. 32; RFC 6749 §5.1 for token answers).
 * Deny by default, so a new route cannot forget. ETags here serve If-Match only (no 304s), so
 * nothing needs revalidation instead.
 */
function noStore(request: FastifyRequest, reply: FastifyReply): void {
  const path = request.url.split('?')[0];
  if (!path.startsWith(`/${API_PREFIX}/`) && path !== `/${API_PREFIX}`) return;
  if (CACHEABLE_API_PATH.test(path) || reply.hasHeader('cache-control')) return;
  void reply.header('cache-control', 'no-store');
}

/**
 * One access line per request, including unknown routes and requests Fastify rejects before any
 * handler runs. Only the path is logged: query strings may name people.
 */
function logAccess(logger: RootLogger, request: FastifyRequest, reply: FastifyReply): void {
  const path = request.url.split('?')[0];
  const status = reply.statusCode;
  if (status < 400 && QUIET_PATHS.has(path)) return;
  const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
  // Nothing is built for a line the level leaves out (LOG_LEVEL=warn skips every success).
  if (!logger.isLevelEnabled(level)) return;
  logger[level](
    {
      requestId: request.id,
      method: request.method,
      path,
      status,
      responseTimeMs: Math.round(reply.elapsedTime),
      remoteAddress: request.ip,
    },
    'request completed',
  );
}

export function createFastifyAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    // One id per request, reused from X-Request-Id when the caller sent a sane one.
    genReqId: (req: IncomingMessage) => requestIdFromHeaders(req.headers),
    logger: false,
    frameworkErrors: answerRouterError,
    // No Nest middleware here (hooks and guards do that work): without middie no request passes
    // through an empty middleware chain (#19). A middleware added later fails loudly at start.
    skipMiddie: true,
  });
}

/**
 * Fastify's router refuses a bad percent-encoding (`/%E0%A4%A`, FST_ERR_BAD_URL) and an over-long
 * path parameter (FST_ERR_MAX_PARAM_LENGTH, 414) before any hook, filter or error handler runs;
 * left alone it answers in its own JSON. Here they are problem+json with a code like every other
 * error (issue #15).
 */
function answerRouterError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const problem: ProblemDetails =
    error.code === 'FST_ERR_BAD_URL'
      ? { ...(new ProblemException('http.bad_url').getResponse() as ProblemDetails) }
      : error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? { ...(new ProblemException('http.uri_too_long').getResponse() as ProblemDetails) }
        : plainProblem(error.statusCode ?? 400, undefined);
  // The path may be the very thing refused: named only as far as a log line or a reader needs it.
  problem.instance = request.url.split('?')[0].slice(0, 200);
  problem.requestId = request.id;
  void reply
    .code(problem.status)
    .header(REQUEST_ID_HEADER, request.id)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .header('x-content-type-options', 'nosniff')
    .send(JSON.stringify(problem));
}

/**
 * Everything an HTTP app of Samverkan has, in one place so that main.ts and the tests build the
 * same application: /api/v1 routes, validation, problem+json errors, security headers, CORS,
 * request ids and the OpenAPI document.
 */
export async function configureHttpApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  configureRouting(app);
  useJsonBodyParser(app, config.BODY_LIMIT_BYTES);
  app.useGlobalPipes(createValidationPipe());
  const problems = new ProblemDetailsFilter();
  app.useGlobalFilters(problems);

  const logger = app.get<RootLogger>(ROOT_LOGGER);
  const fastify = app.getHttpAdapter().getInstance();
  // Helmet's headers, computed once (security-headers.ts): the same on every answer.
  const security = await securityHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Swagger UI styles itself inline and loads its favicon as data: URLs.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // The map's tiles (issue #20) come from the configured tile server, and from nowhere else.
        imgSrc: ["'self'", 'data:', ...(config.MAP_TILE_URL ? [tileOrigin(config.MAP_TILE_URL) as string] : [])],
        scriptSrc: ["'self'"],
        objectSrc: ["'none'"],
        // A document's preview (issue #21) is shown in a frame from a blob: address the client made of
        // the PDF it fetched with its token (blob: addresses belong to the origin that made them).
        frameSrc: ["'self'", 'blob:'],
        frameAncestors: ["'none'"],
      },
    },
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.headers(security);
    void reply.header(REQUEST_ID_HEADER, request.id);
    // The rest of the request runs inside this context, so its log lines carry the request id.
    requestContext.run({ requestId: request.id, ip: request.ip }, done);
  });
  fastify.addHook('onSend', (request, reply, payload, done) => {
    noStore(request, reply);
    done(null, payload);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    logAccess(logger, request, reply);
    done();
  });
  refuseUnsafeText(fastify);
  registerLiveness(fastify, problems);

  // Photo uploads arrive as raw image bodies; their own, larger limit. What the bytes really are is
  // checked where they are stored.
  fastify.addContentTypeParser(
    ['image/jpeg', 'image/png', 'image/webp'],
    { parseAs: 'buffer', bodyLimit: config.PHOTO_MAX_BYTES },
    (_request: FastifyRequest, body: Buffer, done: (error: Error | null, body?: Buffer) => void) => done(null, body),
  );
  // Attachments (issue #21) arrive as raw bodies too; one over ATTACHMENT_MAX_BYTES becomes a 400 at
  // the field `body` where it is checked (a 413 only far beyond it). The type comes from the bytes.
  fastify.addContentTypeParser([...ATTACHMENT_BODY_TYPES], (_request: FastifyRequest, payload, done) =>
    readAttachmentBody(payload, config.ATTACHMENT_MAX_BYTES, 4 * config.ATTACHMENT_MAX_BYTES, done),
  );

  if (config.CORS_ORIGINS.length > 0) {
    app.enableCors({
      origin: config.CORS_ORIGINS,
      credentials: true,
      exposedHeaders: [REQUEST_ID_HEADER, 'etag'],
      allowedHeaders: ['authorization', 'content-type', 'if-match', REQUEST_ID_HEADER],
    });
  }

  SwaggerModule.setup(DOCS_PATH, app, openApiDocument(app), { jsonDocumentUrl: DOCS_JSON_PATH });
  await serveWebClient(app, config, logger);
}

/**
 * The web client's static files at `/`, and index.html for any other path outside /api, so deep
 * links (/youth-cases/…) open the app. Unknown /api paths stay 404 problem+json.
 *
 * Issue #19 (a phone on a slow network): the build writes a brotli and a gzip copy beside each text
 * file (scripts/compress-web.mjs), sent by the request's Accept-Encoding with `Vary:
 * accept-encoding`, else the file as it is; nothing is compressed per request. Hashed assets are
 * cached for good, everything else (index.html, robots.txt) is revalidated on each use so a new
 * release is seen at once.
 */
/** The web client's public page of a promise (apps/web/src/App.tsx), with the promise's id. */
/** Its own page in the build (apps/web/vite.config.ts). */
const PUBLIC_PROMISE_HTML = 'public-promise.html';
const PUBLIC_PROMISE_PAGE = /^\/public\/promises\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i;

async function serveWebClient(app: NestFastifyApplication, config: AppConfig, logger: RootLogger): Promise<void> {
  if (!config.WEB_DIST_DIR) return;
  const root = resolve(config.WEB_DIST_DIR);
  if (!existsSync(join(root, 'index.html'))) {
    logger.info({ webDistDir: root }, 'no built web client found; serving the API only');
    return;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: false,
    cacheControl: false,
    preCompressed: true,
    // The compressed copies are answers to their file's address, not addresses of their own.
    globIgnore: ['**/*.br', '**/*.gz'],
    // Built assets carry a content hash in their names: cache them for good; other files never unchecked.
    setHeaders: (reply, path) => {
      void reply.header('cache-control', path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const fastify = app.getHttpAdapter().getInstance();
  // The public promise page has a page of its own (apps/web/public-promise.html, issue #19): the
  // promise alone, without the app's router, session and sign-in, so a citizen's phone loads less.
  // A build without it serves the app's page, which shows the same promise.
  const publicPromisePage = existsSync(join(root, PUBLIC_PROMISE_HTML)) ? PUBLIC_PROMISE_HTML : 'index.html';
  const page = (request: FastifyRequest, reply: FastifyReply) => {
    // The public promise page shows its promise first thing: the browser fetches it while the
    // scripts load, not after (the page's fetch then takes the preloaded answer).
    const promiseId = PUBLIC_PROMISE_PAGE.exec(request.url.split('?')[0])?.[1];
    if (promiseId) void reply.header('link', `</${API_PREFIX}/v1/public/promises/${promiseId}>; rel=preload; as=fetch; crossorigin`);
    return reply
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .sendFile(promiseId ? publicPromisePage : 'index.html');
  };
  fastify.get('/', page);
  fastify.get('/*', (request, reply) => {
    if (!request.url.startsWith(`/${API_PREFIX}/`) && request.url !== `/${API_PREFIX}`) return page(request, reply);
    // An over-long path parameter makes the router skip the api route and land here: still a 414.
    if (hasOverlongSegment(request.url, fastify.initialConfig.maxParamLength ?? 100)) {
      return answerRouterError({ code: 'FST_ERR_MAX_PARAM_LENGTH' } as FastifyError, request, reply);
    }
    return reply.callNotFound();
  });
}

function hasOverlongSegment(url: string, maxLength: number): boolean {
  return url
    .split('?')[0]
    .split('/')
    .some((segment) => segment.length > maxLength);
}

/** Routes under /api/v1, as the running app and the OpenAPI generator both see them. */
export function configureRouting(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX);
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
}

/**
 * The OpenAPI document of the app's routes: served at /api/docs-json, and written by
 * `npm run web:api` for the web client's generated types (one source, so they cannot drift).
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Samverkan API')
      .setDescription('Samverkan: police and municipality working together under a citizen promise (medborgarlöfte). ' + 'Errors are RFC 9457 problem+json.')
      .setVersion(APP_VERSION)
      .addBearerAuth()
      .build(),
    { extraModels: [LivenessView] },
  );
  return addProblemContract(documentLiveness(document));
}
