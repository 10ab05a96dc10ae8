// Draws the sign-in page into the built index.html (issue #19: on a phone the page shows when the
// HTML and the stylesheet are there, not after the scripts have downloaded and run). The page comes
// from the app's own components, rendered in Node by the prerender bundle (apps/web/src/prerender.tsx,
// built with `vite build --ssr`): Swedish into #root, English into #root-en. public/first-paint.js
// picks which one shows, if any; main.tsx hydrates it. The bundle is removed afterwards.
//
// `node scripts/prerender-web.mjs [dir]` (default dist/web); `npm run build:web` runs it.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = '<div id="root"></div>';

export async function prerender(dir, bundleDir) {
  const { renderSignIn } = await import(pathToFileURL(join(bundleDir, 'prerender.js')).href);
  const page = join(dir, 'index.html');
  const html = readFileSync(page, 'utf8');
  if (!html.includes(ROOT)) throw new Error(`${page} has no empty ${ROOT} to draw into`);
  const [sv, en] = [await renderSignIn('sv'), await renderSignIn('en')];
  writeFileSync(page, html.replace(ROOT, `<div id="root">${sv}</div><div id="root-en">${en}</div>`));
  return { sv: sv.length, en: en.length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? fileURLToPath(new URL('../dist/web', import.meta.url));
  const bundleDir = fileURLToPath(new URL('../dist/web-prerender', import.meta.url));
  const sizes = await prerender(dir, bundleDir);
  rmSync(bundleDir, { recursive: true, force: true });
  console.log(`prerender-web: the sign-in page drawn into index.html (${sizes.sv} + ${sizes.en} characters)`);
}
