import type { IncomingMessage } from 'node:http';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config.js';
import { requestIdFromHeaders } from '../http/request-id.js';

/**
 * Paths pino blanks out in every log line. Personal data never belongs in logs (DESIGN.md); this
 * list is the safety net for what slips through as part of a request or an error.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.secret',
  '*.personalIdentityNumber',
  '*.personnummer',
  '*.email',
  '*.phone',
];

/** Structured JSON logs (pino); log lines written while handling a request carry its id. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.LOG_LEVEL,
          redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
          // Fastify's genReqId (configureHttpApp) already put the id on the raw request.
          genReqId: (req: IncomingMessage) => (req as { id?: string }).id ?? requestIdFromHeaders(req.headers),
          // The access log is written by configureHttpApp's onResponse hook, which also sees
          // unknown routes and requests Fastify rejects before any middleware runs.
          autoLogging: false,
        },
      }),
    }),
  ],
})
export class LoggingModule {}
