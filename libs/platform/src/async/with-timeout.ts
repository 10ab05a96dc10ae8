/** A promise that did not settle within its bound. */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';

  constructor(
    readonly what: string,
    readonly ms: number,
  ) {
    super(`${what}: no answer within ${ms} ms`);
  }
}

/**
 * Races `promise` against a timer: every wait on PostgreSQL or Redis that an HTTP answer depends
 * on is bounded, so a dependency that hangs (down, unreachable, stopped) makes a request fail
 * within the bound instead of holding it open. The promise itself goes on; a late rejection is
 * swallowed here (the caller has moved on and decided what to do).
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, what = 'operation'): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(what, ms)), ms);
    timer.unref();
  });
  promise.catch(() => undefined);
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
