/** "PostgreSQL at 127.0.0.1:5432/samverkan": where a URL points, without credentials, for messages. */
export function describePostgres(url: string): string {
  const u = new URL(url);
  return `PostgreSQL at ${u.hostname}:${u.port || '5432'}/${databaseName(url)}`;
}

export function describeRedis(url: string): string {
  const u = new URL(url);
  return `Redis at ${u.hostname}:${u.port || '6379'}`;
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
}

/** The same server with another database name (used to reach the maintenance database). */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

/** A short reason from a driver error: the error code when there is one, else the message. */
export function reasonOf(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as { code?: unknown; message?: unknown; errors?: unknown[] };
    // Node's AggregateError (IPv4 + IPv6 attempts) carries the useful code on its members.
    const inner = Array.isArray(e.errors) && e.errors.length > 0 ? (e.errors[0] as { code?: unknown }) : undefined;
    const code = typeof e.code === 'string' ? e.code : typeof inner?.code === 'string' ? inner.code : undefined;
    const message = typeof e.message === 'string' && e.message ? e.message : undefined;
    if (code && message && !message.includes(code)) return `${code}: ${message}`;
    return message ?? code ?? String(error);
  }
  return String(error);
}
