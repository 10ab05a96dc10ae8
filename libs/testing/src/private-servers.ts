import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';

const run = promisify(execFile);

/**
 * Private PostgreSQL and Redis servers for fault tests: their own ports and temporary folders, so a
 * test may kill, stop and restart them without touching the shared servers other test files (and
 * other people) use. Nothing is persisted; `destroy()` removes every trace.
 */

/** A port nothing listens on now (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what} did not come up within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A redis-server of its own: no persistence (`--save "" --appendonly no`), noeviction like production. */
export class PrivateRedis {
  private child?: ChildProcess;

  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly extraArgs: readonly string[] = [],
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** @param extraArgs more redis-server options, e.g. `--cluster-enabled yes` */
  static async start(extraArgs: readonly string[] = []): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort(), mkdtempSync(join(tmpdir(), 'samverkan-redis-')), extraArgs);
    await redis.restart();
    return redis;
  }

  /** Starts the server (again, on the same port): empty, as after a crash without persistence. */
  async restart(): Promise<void> {
    if (this.running) throw new Error('redis is running');
    const args = [
      '--port',
      String(this.port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      this.dir,
      '--maxmemory-policy',
      'noeviction',
      ...this.extraArgs,
    ];
    this.child = spawn('redis-server', args, { stdio: 'ignore' });
    await until(`redis-server on port ${this.port}`, () => this.ping());
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Kills the server at once (SIGKILL): its data is gone, clients see refused connections. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  /** Freezes the server (SIGSTOP): connections stay open but nothing answers, as with a hung host. `resume()` thaws it. */
  pause(): void {
    this.child?.kill('SIGSTOP');
  }

  resume(): void {
    this.child?.kill('SIGCONT');
  }

  /** FLUSHALL: every key gone while the server runs, as after a failover to an empty replica. */
  async flushAll(): Promise<void> {
    await this.withClient((client) => client.flushall());
  }

  /** One command on a fresh connection (tests look at what BullMQ holds: ZCARD, EXISTS, …). */
  command(name: string, ...args: (string | number)[]): Promise<unknown> {
    return this.withClient((client) => client.call(name, ...args));
  }

  private async ping(): Promise<boolean> {
    return (await this.withClient((client) => client.ping())) === 'PONG';
  }

  private async withClient<T>(work: (client: Redis) => Promise<T>): Promise<T> {
    const client = new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return await work(client);
    } finally {
      client.disconnect();
    }
  }

  async destroy(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The newest PostgreSQL server binaries installed (Debian's layout: /usr/lib/postgresql/<version>/bin). */
function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  if (versions.length === 0) throw new Error(`no PostgreSQL server binaries under ${root}`);
  return join(root, versions[0], 'bin');
}

/**
 * A PostgreSQL cluster of its own: initdb into a temporary folder, trust authentication, user
 * `postgres`, fsync off. initdb and postgres refuse to run as root, so as root they run as the
 * `postgres` system user (who then owns the folder).
 */
export class PrivatePostgres {
  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  /** The maintenance database; `urlOf(name)` for another. */
  get url(): string {
    return this.urlOf('postgres');
  }

  urlOf(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  static async start(): Promise<PrivatePostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'samverkan-pg-'));
    const server = new PrivatePostgres(await freePort(), dir);
    if (process.getuid?.() === 0) {
      const { stdout } = await run('id', ['-u', 'postgres']);
      const { stdout: gid } = await run('id', ['-g', 'postgres']);
      chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
    }
    await server.asOwner(join(postgresBin(), 'initdb'), ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale', 'C']);
    await server.restart();
    return server;
  }

  /** Starts the server (again) on the same port and data; waits until it takes connections. */
  async restart(): Promise<void> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off`;
    await this.asOwner(join(postgresBin(), 'pg_ctl'), ['-D', join(this.dir, 'data'), '-o', options, '-l', join(this.dir, 'server.log'), '-w', 'start']);
    await until(`PostgreSQL on port ${this.port}`, async () => {
      const client = new pg.Client({ connectionString: this.url });
      await client.connect();
      await client.end();
      return true;
    });
  }

  /**
   * Stops the server. `immediate` is how a crash looks to clients: connections cut without a
   * goodbye (PostgreSQL recovers on the next start); `fast` ends sessions with 57P01 first.
   */
  async stop(mode: 'immediate' | 'fast' = 'immediate'): Promise<void> {
    await this.asOwner(join(postgresBin(), 'pg_ctl'), ['-D', join(this.dir, 'data'), '-m', mode, '-w', 'stop']).catch(() => undefined);
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async asOwner(command: string, args: string[]): Promise<void> {
    if (process.getuid?.() === 0) {
      const quoted = [command, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
      await run('su', ['postgres', '-c', quoted], { timeout: 60_000 });
    } else {
      await run(command, args, { timeout: 60_000 });
    }
  }
}
