import { ConfigError } from '../config/load-config.js';
import { StartupError } from './dependency-check.js';

/**
 * Runs a process entry point. Configuration and dependency problems end the process with one
 * line on stderr naming what is wrong; anything else prints its stack.
 */
export async function runMain(processName: string, main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof StartupError) {
      process.stderr.write(`${processName}: ${error.message}\n`);
    } else {
      const detail = error instanceof Error ? `${error.message}\n${error.stack}` : String(error);
      process.stderr.write(`${processName}: failed: ${detail}\n`);
    }
    process.exit(1);
  }
}

/**
 * Logs the shutdown signal, and guards the graceful shutdown Nest runs on SIGTERM/SIGINT (in-flight
 * requests and jobs finish, connections close): if it takes longer than `timeoutMs`, exit anyway.
 */
export function guardShutdown(timeoutMs: number, log: (message: string) => void): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      log(`${signal} received: finishing in-flight work, then stopping`);
      setTimeout(() => {
        log(`Graceful shutdown took longer than ${timeoutMs} ms; exiting`);
        process.exit(1);
      }, timeoutMs).unref();
    });
  }
}
