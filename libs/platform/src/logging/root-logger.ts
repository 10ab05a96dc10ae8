import { type DestinationStream, pino, type Logger } from 'pino';
import type { AppConfig } from '../config/app-config.js';
import { requestContext } from './request-context.js';

export type RootLogger = Logger;
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/**
 * Paths pino blanks out in every log line. Personal data never belongs in logs (DESIGN.md); this
 * list is the safety net for what slips through inside a logged object or error.
 */
export const REDACTED_PATHS = [
  '*.authorization',
  '*.cookie',
  '*["set-cookie"]',
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

/** The process's one pino logger: JSON lines on stdout, ISO times, level names, request ids. */
export function createRootLogger(config: Pick<AppConfig, 'LOG_LEVEL'>, service: string, destination: DestinationStream = pino.destination(1)): RootLogger {
  return pino(
    {
      level: config.LOG_LEVEL,
      base: { service, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      mixin: () => {
        const context = requestContext.getStore();
        return context ? { requestId: context.requestId } : {};
      },
    },
    destination,
  );
}
