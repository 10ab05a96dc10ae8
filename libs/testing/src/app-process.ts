import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Env } from '@samverkan/platform';

const ENTRY_POINTS = {
  api: 'dist/apps/api/apps/api/src/main.js',
  worker: 'dist/apps/worker/apps/worker/src/main.js',
} as const;

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * How long a started process may take to say something. It loads the whole Nest app first: a few
 * seconds on a quiet machine, but CI on a shared machine (load 7 on 2 cores) once saw no line at all
 * within 15 s. A fixed budget, generous, never a measure of speed. Specs that start a process set
 * their jest timeout above it (PROCESS_TEST_TIMEOUT_MS).
 */
export const PROCESS_START_TIMEOUT_MS = 60_000;
export const PROCESS_TEST_TIMEOUT_MS = PROCESS_START_TIMEOUT_MS + 60_000;

/**
 * A built app (`npm run build`, which `npm test` runs first) started as its own process, for tests
 * of what only a real process shows: start-up messages, exit codes, signals.
 */
export class AppProcess {
  private output = '';
  private readonly waiters: { pattern: RegExp; resolve: (match: RegExpMatchArray) => void }[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(private readonly child: ChildProcess) {
    const collect = (chunk: Buffer) => {
      this.output += chunk.toString('utf8');
      for (const waiter of [...this.waiters]) {
        const match = this.output.match(waiter.pattern);
        if (match) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(match);
        }
      }
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    this.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  }

  static start(app: keyof typeof ENTRY_POINTS, env: Env): AppProcess {
    const entry = `${ROOT}${ENTRY_POINTS[app]}`;
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build (npm test builds first)`);
    const child = spawn(process.execPath, [entry], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new AppProcess(child);
  }

  /** Everything the process wrote to stdout and stderr so far. */
  get text(): string {
    return this.output;
  }

  waitFor(pattern: RegExp, timeoutMs = PROCESS_START_TIMEOUT_MS): Promise<RegExpMatchArray> {
    const match = this.output.match(pattern);
    if (match) return Promise.resolve(match);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`no output matching ${pattern} within ${timeoutMs} ms; output was:\n${this.output}`));
      }, timeoutMs);
      this.waiters.push({
        pattern,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** Ends the process if a test left it running. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }
}
