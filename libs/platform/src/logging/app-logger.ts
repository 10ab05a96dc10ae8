import type { LoggerService } from '@nestjs/common';
import type { RootLogger } from './root-logger.js';

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/**
 * Nest's LoggerService on top of the pino root logger, so framework and application messages
 * (`new Logger(Context).log(...)`) come out as the same JSON lines as everything else.
 */
export class AppLogger implements LoggerService {
  constructor(private readonly root: RootLogger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    // Nest passes (message, stack?, context?).
    const [maybeStack, ...rest] = params;
    if (typeof maybeStack === 'string' && maybeStack.includes('\n    at ')) {
      this.write('error', message, rest, { stack: maybeStack });
    } else {
      this.write('error', message, params);
    }
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[], extra: Record<string, unknown> = {}): void {
    // The last string parameter is the context Nest (or `new Logger(Context)`) adds.
    const context = typeof params.at(-1) === 'string' ? (params.at(-1) as string) : undefined;
    const fields = { ...extra, ...(context ? { context } : {}) };
    if (message instanceof Error) {
      this.root[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.root[level]({ ...fields, ...(message as Record<string, unknown>) });
    } else {
      this.root[level](fields, String(message));
    }
  }
}
