/**
 * Connection options for a Redis client on REDIS_URL (BullMQ passes them to ioredis).
 * `disconnectTimeout` is short because ioredis otherwise keeps a 2 s timer alive after
 * disconnecting from a server it never reached, which holds shutdown up for nothing.
 */
export function redisConnection(url: string, connectionName: string) {
  return { url, connectionName, disconnectTimeout: 200 };
}
