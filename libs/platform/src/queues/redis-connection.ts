/**
 * Connection options for a Redis client on REDIS_URL (BullMQ passes them to ioredis).
 * `disconnectTimeout` is short because ioredis otherwise keeps a 2 s timer alive after
 * disconnecting from a server it never reached, which holds shutdown up for nothing.
 */
export function redisConnection(url: string, connectionName: string) {
  return { url, connectionName, disconnectTimeout: 200 };
}

/** How long a command sent on behalf of an HTTP request may wait for Redis before it fails. */
export const REDIS_COMMAND_TIMEOUT_MS = 3_000;

/**
 * For clients that serve HTTP requests (the api's queue producers, its rate-limit counters): while
 * Redis is unreachable a command fails at once (no offline queue, one retry) and when Redis hangs
 * it fails after REDIS_COMMAND_TIMEOUT_MS, instead of waiting for a reconnect that may never come
 * (#15: a request must answer within a bound). Never for workers or QueueEvents: they block on purpose.
 */
export function failFastRedisConnection(url: string, connectionName: string) {
  return { ...redisConnection(url, connectionName), enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: REDIS_COMMAND_TIMEOUT_MS };
}
