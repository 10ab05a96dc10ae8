import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/** @digdir/designsystemet-web's ES modules, one file per custom element (src/design-system-web.ts picks some). */
const designsystemetWeb = join(dirname(dirname(createRequire(import.meta.url).resolve('@digdir/designsystemet-web'))), 'esm');

/**
 * The order of the page's requests (issue #19). The stylesheet first: Vite writes it after the
 * scripts and their preloads, and a browser on HTTP/1.1 (six connections to a host) then has the
 * page's only render-blocking file wait for script downloads. On the app's page (index.html) the
 * scripts at low priority too: the sign-in page is drawn into it at build time
 * (scripts/prerender-web.mjs), so the first paint waits for the stylesheet and first-paint.js only,
 * and the scripts, which take over afterwards, should not hold those up. The public promise page
 * needs its scripts to draw anything, so they keep their priority there.
 */
const requestOrder: Plugin = {
  name: 'samverkan-request-order',
  transformIndexHtml: {
    order: 'post',
    handler(html, { path }) {
      const links = html.match(/^\s*<link rel="stylesheet"[^>]*>\n/gm) ?? [];
      let page = links.reduce((text, link) => text.replace(link, ''), html);
      page = page.replace(/(\n\s*<title>[^<]*<\/title>\n)/, `$1${links.join('')}`);
      if (path === '/index.html') page = page.replace(/<(script type="module"|link rel="modulepreload")/g, '<$1 fetchpriority="low"');
      return page;
    },
  },
};

/**
 * The web client: static files built into dist/web, which the api serves at `/`. In development
 * (`npm run web:dev`) Vite proxies /api to the api on port 3000.
 */
/** `SAMVERKAN_WEB_PAGE=public-promise vite build` builds the public promise page alone (see input below). */
const publicPromiseBuild = process.env.SAMVERKAN_WEB_PAGE === 'public-promise';

export default defineConfig(({ isSsrBuild }) => ({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [requestOrder],
  base: '/',
  resolve: {
    alias: [
      // Issue #19: the first load gets only the custom elements its pages use (src/design-system-web.ts).
      // In the build of the sign-in page's HTML (src/prerender.tsx, in Node) there is no DOM to define them in.
      {
        find: /^@digdir\/designsystemet-web$/,
        replacement: fileURLToPath(new URL(isSsrBuild ? './src/design-system-web-server.ts' : './src/design-system-web.ts', import.meta.url)),
      },
      { find: /^@digdir\/designsystemet-web\/esm\//, replacement: `${designsystemetWeb}/` },
    ],
  },
  // The prerender bundle takes Designsystemet's React components in, so the alias above applies to them.
  ssr: { noExternal: ['@digdir/designsystemet-react'] },
  build: {
    // `vite build --ssr src/prerender.tsx` (npm run build:web) writes the prerender bundle beside, not into, the site.
    outDir: fileURLToPath(new URL(isSsrBuild ? '../../dist/web-prerender' : '../../dist/web', import.meta.url)),
    emptyOutDir: !publicPromiseBuild,
    copyPublicDir: !isSsrBuild && !publicPromiseBuild,
    sourcemap: !isSsrBuild,
    rolldownOptions: {
      // Two pages, each its own build: the app (index.html), and the public promise page alone
      // (public-promise.html, issue #19), which the api sends for /public/promises/:id. Built on its
      // own, the public page's scripts are one file, not chunks shared with the app: fewer requests
      // before the promise shows (a phone on HTTP/1.1 opens six connections at most).
      input: isSsrBuild
        ? fileURLToPath(new URL('./src/prerender.tsx', import.meta.url))
        : fileURLToPath(new URL(publicPromiseBuild ? './public-promise.html' : './index.html', import.meta.url)),
      treeshake: {
        // Designsystemet's React package declares no `sideEffects`, so every component its index
        // re-exports (comboboxes, floating UI, virtual lists) would ride along with the first page
        // that imports one button. Its modules only declare components; what must run on import
        // (the custom elements of @digdir/designsystemet-web) lives in that package, which keeps
        // its side effects. Issue #19: the sign-in and public pages load only what they use.
        moduleSideEffects: [
          { test: /node_modules[\\/]@digdir[\\/]designsystemet-react[\\/]/, sideEffects: false },
          { test: /./, sideEffects: true },
        ],
      },
      // Libraries mark their modules "use client" for React Server Components; meaningless in a bundle.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
}));
