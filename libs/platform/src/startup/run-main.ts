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
      process.stderr.write(`${processName}: failed to start\n${error instanceof Error ? error.stack : String(error)}\n`);
    }
    process.exit(1);
  }
}

/**
 * A second guard for shutdown: Nest closes gracefully on SIGTERM/SIGINT (in-flight requests and
 * jobs finish); if that takes longer than `timeoutMs`, the process exits anyway.
 */
export function forceExitAfter(timeoutMs: number, log: (message: string) => void): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        log(`Graceful shutdown took longer than ${timeoutMs} ms; exiting`);
        process.exit(1);
      }, timeoutMs).unref();
    });
  }
}
