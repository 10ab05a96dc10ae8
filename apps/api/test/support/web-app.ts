import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import type { INestApplicationContext } from '@nestjs/common';
import { type Env, runSeed } from '@samverkan/platform';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { seedSteps } from '../../src/seed/seed-steps.js';
import { TestBrowser } from './browser.js';
import { startDocumentWorker } from './documents.js';
import { DEMO_PASSWORD, TestApi } from './test-api.js';

/**
 * Jest's limit for one browser test: each is a whole job through several screens (axe on each) on a
 * shared two-core machine. It only catches a hang; nothing here measures speed.
 */
export const BROWSER_TEST_TIMEOUT = 180_000;

/** The built client the api serves; `WEB_DIST_DIR` lets a second checkout's build be tested on its own. */
const WEB_DIST_DIR = process.env.WEB_DIST_DIR ?? 'dist/web';

/**
 * The web client against the real api (PostgreSQL, Redis) with the Hammarö demo data, listening on
 * a free port, and a headless Chromium to drive it. One per browser test file.
 */
export class WebTestApp {
  private constructor(
    readonly api: TestApi,
    readonly browser: TestBrowser,
    /** The api's address, e.g. http://127.0.0.1:41234 */
    readonly base: string,
    /** The worker in this process, when the test asked for one (`{ worker: true }`): it renders documents, sends e-mail, runs jobs. */
    private worker?: INestApplicationContext,
  ) {}

  /** Stops this file's worker: jobs wait in the queue until it starts again (a render that stays pending). */
  async stopWorker(): Promise<void> {
    await this.worker?.close();
    this.worker = undefined;
  }

  /** Starts the worker (again). */
  async startWorker(): Promise<void> {
    this.worker ??= await startDocumentWorker(this.api);
  }

  /**
   * @param overrides settings for this file's api, e.g. `{ DEMO_STRONG_PASSWORD_SESSIONS: 'false' }` for step-up tests
   * or SMTP_URL; PUBLIC_URL is the api's own address unless given, so e-mailed links lead here.
   * @param port where it listens (default: a free port).
   * @param options `worker: true` also starts the worker in this process (with the api's settings), for screens
   * that wait on a job (documents); it stops on close.
   */
  static async start(overrides: Env = {}, port?: number, options: { worker?: boolean } = {}): Promise<WebTestApp> {
    if (!existsSync(join(WEB_DIST_DIR, 'index.html'))) throw new Error(`${WEB_DIST_DIR} is missing: npm test builds it (npm run build:web)`);
    const listenPort = port ?? (await freePort());
    const api = await TestApi.start({ WEB_DIST_DIR, PUBLIC_URL: `http://127.0.0.1:${listenPort}`, ...overrides });
    await runSeed(api.env.config, seedSteps(api.env.config));
    await api.app.listen({ port: listenPort, host: '127.0.0.1' });
    const base = await api.app.getUrl();
    let worker: INestApplicationContext | undefined;
    if (options.worker) worker = await startDocumentWorker(api);
    const browser = await TestBrowser.launch();
    return new WebTestApp(api, browser, base, worker);
  }

  /** A page signed in as a demo user, on the start page (Swedish, the default). */
  async signIn(email: string, viewport = { width: 1280, height: 900 }, options: BrowserContextOptions = {}): Promise<Page> {
    const page = await this.browser.newPage({ viewport, ...options });
    await page.goto(this.base);
    await page.getByLabel('E-postadress').fill(email);
    await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /^Hej / }).waitFor();
    return page;
  }

  async close(): Promise<void> {
    await this.browser?.close();
    await this.worker?.close();
    await this.api?.close();
  }
}

/** A port free on loopback now (the kernel picks it), for an api that must know its address before it listens. */
/** A port nothing listens on now (for an app whose address must be known before it starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
