// `npm run demo` (after `npm run build`): migrates, seeds, then runs the api and the worker
// together with readable logs, until Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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

for (const step of [
  [entry.migrate, 'up'],
  [entry.seed],
]) {
  const result = spawnSync(process.execPath, step, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const pretty = await import('pino-pretty').then((m) => m.default).catch(() => undefined);

const children = ['api', 'worker'].map((name) => {
  const child = spawn(process.execPath, [entry[name]], {
    cwd: root,
    env: process.env,
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
        setTimeout(() => banner(match[1].replace('0.0.0.0', 'localhost')), 200);
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
    Queue round trip (worker):    ${url}/api/v1/health/worker
  Press Ctrl-C to stop both processes.
`);
}

let stopping = false;
const stop = (signal) => {
  if (stopping) return;
  stopping = true;
  for (const { child } of children) if (child.exitCode === null) child.kill(signal);
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
