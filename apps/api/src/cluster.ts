import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import type { AppConfig } from '@samverkan/platform';

/**
 * How many api processes this machine runs (#19, "the api uses every core"): API_PROCESSES, or
 * with 0 one per available core in production and one elsewhere (development, tests, `npm run demo`).
 * On Kubernetes the manifests set 1 and scale with replicas (deploy/k8s, docs/scaling.md).
 */
export function apiProcessCount(config: Pick<AppConfig, 'API_PROCESSES' | 'NODE_ENV'>): number {
  if (config.API_PROCESSES > 0) return config.API_PROCESSES;
  return config.NODE_ENV === 'production' ? availableParallelism() : 1;
}

export interface PrimaryOptions {
  processes: number;
  /** SHUTDOWN_TIMEOUT_MS: each fork's own graceful shutdown is bounded by it; the primary waits a little longer. */
  shutdownTimeoutMs: number;
  log: (level: 'info' | 'warn' | 'error', message: string) => void;
}

/** A crashed fork is replaced after 1 s, doubling per crash in a row up to 30 s; a minute up resets it. */
const FIRST_RESTART_DELAY_MS = 1_000;
const MAX_RESTART_DELAY_MS = 30_000;
const STABLE_AFTER_MS = 60_000;
/** Forks that die before they listen, this many in a row, mean the api cannot start: the primary gives up. */
const MAX_FAILED_STARTS = 3;
/** Beyond SHUTDOWN_TIMEOUT_MS, which each fork enforces itself (guardShutdown). */
const SHUTDOWN_GRACE_MS = 5_000;

/**
 * The primary of a multi-process api. It runs no Nest application and no HTTP handler: it forks
 * `processes` api processes that share the listening port (node:cluster hands each connection to
 * one of them), replaces a fork that dies with backoff, and on SIGTERM/SIGINT passes the signal on
 * so each fork finishes its in-flight requests (guardShutdown) and exits; then it exits itself.
 * Start-up checks ran once before this (main.ts), not once per fork.
 * Resolves with the exit code the primary should end with.
 */
export function runPrimary(options: PrimaryOptions): Promise<number> {
  const { processes, shutdownTimeoutMs, log } = options;
  const listening = new WeakSet<Worker>();
  const startedAt = new WeakMap<Worker, number>();
  let crashesInARow = 0;
  let failedStarts = 0;
  let stopping = false;
  let exitCode = 0;

  return new Promise<number>((resolve) => {
    const fork = () => {
      if (stopping) return;
      const worker = cluster.fork();
      startedAt.set(worker, Date.now());
    };

    const finishIfDone = () => {
      if (stopping && Object.keys(cluster.workers ?? {}).length === 0) resolve(exitCode);
    };

    const stop = (signal: NodeJS.Signals, code: number, why = `${signal} received`) => {
      if (stopping) return;
      stopping = true;
      exitCode = code;
      log(code === 0 ? 'info' : 'error', `${why}: stopping ${Object.keys(cluster.workers ?? {}).length} api process(es)`);
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
      setTimeout(() => {
        log('error', `api processes still running ${shutdownTimeoutMs + SHUTDOWN_GRACE_MS} ms after ${signal}; killing them`);
        for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
        exitCode = 1;
      }, shutdownTimeoutMs + SHUTDOWN_GRACE_MS).unref();
      finishIfDone();
    };

    cluster.on('listening', (worker) => {
      listening.add(worker);
      failedStarts = 0;
    });

    cluster.on('exit', (worker, code, signal) => {
      if (stopping) {
        if (code !== 0 && signal !== 'SIGTERM' && signal !== 'SIGINT') exitCode = 1;
        finishIfDone();
        return;
      }
      const how = signal ? `signal ${signal}` : `code ${code}`;
      if (!listening.has(worker)) {
        failedStarts += 1;
        if (failedStarts >= MAX_FAILED_STARTS) {
          stop('SIGTERM', 1, `${failedStarts} api processes in a row stopped (${how}) before they listened; giving up`);
          return;
        }
      }
      const upMs = Date.now() - (startedAt.get(worker) ?? Date.now());
      crashesInARow = upMs >= STABLE_AFTER_MS ? 1 : crashesInARow + 1;
      const delay = Math.min(MAX_RESTART_DELAY_MS, FIRST_RESTART_DELAY_MS * 2 ** (crashesInARow - 1));
      log('warn', `api process ${worker.process.pid} stopped (${how}); starting another in ${delay} ms`);
      setTimeout(fork, delay);
    });

    process.on('SIGTERM', () => stop('SIGTERM', 0));
    process.on('SIGINT', () => stop('SIGINT', 0));

    log('info', `starting ${processes} api processes`);
    for (let i = 0; i < processes; i += 1) fork();
  });
}
