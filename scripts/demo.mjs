// `npm run demo` (after `npm run build`): migrates, seeds, then runs the api and the worker
// together with readable logs, until Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = {
  migrate: 'dist/apps/api/apps/api/src/cli/migrate.js',
  seed: 'dist/apps/api/apps/api/src/cli/seed.js',
  api: 'dist/apps/api/apps/api/src/main.js',
  worker: 'dist/apps/worker/apps/worker/src/main.js',
};
for (const file of Object.values(entry)) {
  if (!existsSync(`${root}${file}`)) {
    console.error(`demo: ${file} is missing; run npm run build first (npm run demo does)`);
    process.exit(1);
  }
}

/** Whether something answers at host:port within a second. */
function reachable(host, port) {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 1_000 });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket
      .once('connect', () => done(true))
      .once('error', () => done(false))
      .once('timeout', () => done(false));
  });
}

const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

/**
 * PostgreSQL and Redis on this machine: started when installed but not running (as .ci/run does);
 * when one is missing, one line says what to install. Remote servers (DATABASE_URL, REDIS_URL
 * elsewhere) are left to their owners.
 */
const services = [
  {
    name: 'PostgreSQL',
    url: new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/samverkan'),
    defaultPort: 5432,
    installed: () => existsSync('/etc/postgresql') && has('pg_ctlcluster'),
    start: () => spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', readdirSync('/etc/postgresql').sort().at(-1), 'main', 'start'], { stdio: 'inherit' }),
    install: 'PostgreSQL 15 or later (Debian: apt-get install postgresql), or set DATABASE_URL',
  },
  {
    name: 'Redis',
    url: new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'),
    defaultPort: 6379,
    installed: () => has('redis-server'),
    start: (port) =>
      spawnSync(
        'redis-server',
        ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'],
        { stdio: 'inherit' },
      ),
    install: 'Redis 6.2 or later (Debian: apt-get install redis-server), or set REDIS_URL',
  },
];
for (const service of services) {
  const host = service.url.hostname;
  const port = Number(service.url.port || service.defaultPort);
  if (await reachable(host, port)) continue;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) {
    console.error(`demo: ${service.name} does not answer at ${host}:${port}; start it or point the URL elsewhere`);
    process.exit(1);
  }
  if (!service.installed()) {
    console.error(`demo: ${service.name} is not running on ${host}:${port} and not installed here: install ${service.install}`);
    process.exit(1);
  }
  console.log(`demo: starting the local ${service.name}`);
  service.start(port);
  let up = false;
  for (let i = 0; i < 30 && !up; i += 1) up = (await reachable(host, port)) || (await sleep(1_000), false);
  if (!up) {
    console.error(`demo: ${service.name} did not come up on ${host}:${port}; see its log`);
    process.exit(1);
  }
}

for (const step of [[entry.migrate, 'up'], [entry.seed]]) {
  const result = spawnSync(process.execPath, step, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// DEMO_OIDC=1: a local OpenID provider to try sign-in through the organisation's identity provider (#18).
const demoOidc =
  process.env.DEMO_OIDC === '1'
    ? await import('./demo-oidc.mjs').then(async (m) => {
        const publicUrl = process.env.PUBLIC_URL ?? 'http://127.0.0.1:3000';
        const redirectUris = [...new Set([new URL('/oidc/callback', publicUrl).href, 'http://127.0.0.1:3000/oidc/callback'])];
        const port = Number(process.env.DEMO_OIDC_PORT ?? 3100);
        return { module: m, ...(await m.startDemoOidcProvider({ port, redirectUris })) };
      })
    : undefined;

const pretty = await import('pino-pretty').then((m) => m.default).catch(() => undefined);

const children = ['api', 'worker'].map((name) => {
  const child = spawn(process.execPath, [entry[name]], {
    cwd: root,
    // The demo accounts sign in with passwords; in the demo those sessions count as strong (#18).
    env: { DEMO_STRONG_PASSWORD_SESSIONS: 'true', ...process.env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const out = pretty
    ? pretty({
        colorize: process.stdout.isTTY,
        ignore: 'pid,hostname,service,context',
        messageFormat: `[${name}] {if context}{context}: {end}{msg}`,
        translateTime: 'SYS:HH:MM:ss',
      })
    : process.stdout;
  child.stdout.pipe(out);
  if (name === 'api') {
    // Show where to go once the api says it listens.
    let seen = '';
    const watch = (chunk) => {
      seen += chunk.toString();
      const match = seen.match(/listening on (http:\/\/[^\s"]+)/);
      if (match) {
        child.stdout.off('data', watch);
        // 127.0.0.1 as PUBLIC_URL names it: the OpenID provider returns there, to the same origin.
        const url = match[1].replace('0.0.0.0', '127.0.0.1');
        if (demoOidc) {
          demoOidc.module
            .registerDemoOidcProvider({
              api: url,
              issuer: demoOidc.issuer,
              clientSecret: demoOidc.clientSecret,
              adminEmail: 'admin@samverkan.test',
              adminPassword: process.env.SEED_PASSWORD ?? 'Samverkan-demo-2026',
            })
            .then(() => banner(url))
            .catch((error) => {
              console.error(`demo: could not register the demo OpenID provider: ${error.message}`);
              banner(url);
            });
        } else setTimeout(() => banner(url), 200);
      }
    };
    child.stdout.on('data', watch);
  }
  return { name, child };
});

function banner(url) {
  console.log(`
  Samverkan is running with the demo data.
    Web client (sign in with a demo account listed above): ${url}/
    API documentation (OpenAPI):  ${url}/api/docs
    Readiness:                    ${url}/api/v1/health/ready
    Queue round trip (worker):    ${url}/api/v1/health/worker (signed in as admin@samverkan.test)${
      demoOidc
        ? `
    Demo OpenID provider (DEMO_OIDC=1): ${demoOidc.issuer}: on the sign-in page choose
      "Logga in med Hammarö kommun (demo)" and type a demo account's e-mail address.`
        : ''
    }
  Press Ctrl-C to stop both processes.
`);
}

let stopping = false;
const stop = (signal) => {
  if (stopping) return;
  stopping = true;
  for (const { child } of children) if (child.exitCode === null) child.kill(signal);
  void demoOidc?.close();
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));

let exitCode = 0;
await Promise.all(
  children.map(
    ({ name, child }) =>
      new Promise((resolve) =>
        child.on('exit', (code, signal) => {
          if (!stopping) {
            console.error(`demo: ${name} stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping the rest`);
            exitCode = 1;
            stop('SIGTERM');
          }
          resolve();
        }),
      ),
  ),
);
process.exit(exitCode);
