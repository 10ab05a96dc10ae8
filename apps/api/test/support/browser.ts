import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContextOptions, chromium, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium); tests never download a browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags this sandboxed, offline machine needs (no network chatter, no GPU, no sandbox as root). */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Headless Chromium for the web client's tests. Each page gets its own context (its own session).
 * Should Chromium die, the next page starts a new one, and what Chromium last printed is reported,
 * so one crash costs one test and says why.
 */
export class TestBrowser {
  private browser?: Browser;
  private readonly lastOutput: string[] = [];
  private closing = false;

  static async launch(): Promise<TestBrowser> {
    const test = new TestBrowser();
    await test.start();
    return test;
  }

  async newPage(options: BrowserContextOptions = {}): Promise<Page> {
    if (!this.browser?.isConnected()) await this.start();
    // Users who ask for reduced motion get none; so do the tests, which then measure settled screens.
    const context = await this.browser!.newContext({ locale: 'sv-SE', reducedMotion: 'reduce', ...options });
    const page = await context.newPage();
    // Shorter than the test's own timeout, so a failure names the element it waited for.
    page.setDefaultTimeout(20_000);
    page.on('close', () => void context.close().catch(() => undefined));
    return page;
  }

  async close(): Promise<void> {
    this.closing = true;
    await this.browser?.close();
  }

  private async start(): Promise<void> {
    this.browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      logger: {
        isEnabled: (name) => name === 'browser',
        log: (_name, _severity, message) => {
          this.lastOutput.push(String(message));
          if (this.lastOutput.length > 40) this.lastOutput.shift();
        },
      },
    });
    this.browser.on('disconnected', () => {
      if (!this.closing) console.error(`Chromium went away during the web client tests; its last output:\n${this.lastOutput.join('\n')}`);
    });
  }
}

/** WCAG 2.1 A/AA problems that axe-core rates serious or critical on the page as it is now. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  await settled(page);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => `${n.target.join(' ')}: ${n.any.map((check) => check.message).join(' ')}`)
          .slice(0, 3)
          .join('; ')})`,
    );
}

/**
 * Waits until no finite animation or transition runs, so axe measures colours as they end up rather
 * than half-way through a fade (a dialog opening measured mid-way reads as a contrast fault).
 */
// The tests are typed without the DOM library: only what is used here is declared.
type Running = { finished: Promise<unknown>; effect: { getComputedTiming(): { iterations?: number } } | null };

async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const running = (globalThis as unknown as { document: { getAnimations(): Running[] } }).document.getAnimations();
    await Promise.all(running.filter((a) => a.effect?.getComputedTiming().iterations !== Infinity).map((a) => a.finished.catch(() => undefined)));
  });
}

/** How many finite animations and transitions run on the page now (a spinner's endless turn is not counted). */
export function runningAnimations(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (globalThis as unknown as { document: { getAnimations(): Running[] } }).document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity).length,
  );
}

/** What assistive technology reads out with a field (its aria-describedby): where the api's message next to it must be. */
export async function fieldDescription(field: Locator): Promise<string> {
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => field.page().locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

/** The message the page shows next to a field, once the field is marked invalid. */
export async function messageNextTo(page: Page, id: string): Promise<string> {
  const field = page.locator(`[id="${id}"][aria-invalid="true"]`);
  await field.waitFor();
  return fieldDescription(field);
}

/**
 * Nothing on the screen is still loading: no spinner ("Hämtar…", or "Loading…" in English) left,
 * however many the screen drew while its parts loaded.
 */
export async function nothingLoading(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      !(globalThis as unknown as { document: { querySelector(selector: string): unknown } }).document.querySelector(
        '[aria-label="Hämtar…"], [aria-label="Loading…"]',
      ),
  );
}
