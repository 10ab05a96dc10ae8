// npm run web:screenshot — the README's pictures: the built api and web client on a fresh demo
// database, photographed in Debian's headless Chromium.
import { chromium } from 'playwright-core';
import { freshDatabase, root, startApi } from './bench/lib.mjs';

const db = await freshDatabase('samverkan_screenshots');
const api = await startApi(db.url, 3196);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  const shoot = async (email, path, file, viewport = { width: 1280, height: 820 }) => {
    const context = await browser.newContext({ viewport, locale: 'sv-SE', reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(api.url);
    await page.getByLabel('E-postadress').fill(email);
    await page.getByLabel('Lösenord').fill('Samverkan-demo-2026');
    await page.getByRole('button', { name: 'Logga in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /^Hej / }).waitFor();
    if (path !== '/') {
      await page.goto(`${api.url}${path}`);
      await page.waitForLoadState('networkidle');
    }
    await page.screenshot({ path: `${root}docs/screenshots/${file}` });
    await context.close();
  };
  await shoot('socialsekreterare@hammaro.test', '/', 'start.png');
  await shoot('chef@hammaro.test', '/promise', 'dashboard.png');
  // The demo's upcoming inspections are the next weekends' evenings: show the month of the first.
  const soon = new Date(Date.now() + 8 * 86_400_000).toISOString().slice(0, 10);
  await shoot('alkohol@hammaro.test', `/inspections/calendar?view=month&date=${soon}`, 'calendar.png');
  console.log('docs/screenshots/start.png, docs/screenshots/dashboard.png, docs/screenshots/calendar.png');
} finally {
  await browser.close();
  await api.stop();
  await db.drop();
}
