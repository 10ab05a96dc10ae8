import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** @digdir/designsystemet-web's ES modules, one file per custom element (src/design-system-web.ts picks some). */
const designsystemetWeb = join(dirname(dirname(createRequire(import.meta.url).resolve('@digdir/designsystemet-web'))), 'esm');

/**
 * The web client: static files built into dist/web, which the api serves at `/`. In development
 * (`npm run web:dev`) Vite proxies /api to the api on port 3000.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  resolve: {
    alias: [
      // Issue #19: the first load gets only the custom elements its pages use (src/design-system-web.ts).
      { find: /^@digdir\/designsystemet-web$/, replacement: fileURLToPath(new URL('./src/design-system-web.ts', import.meta.url)) },
      { find: /^@digdir\/designsystemet-web\/esm\//, replacement: `${designsystemetWeb}/` },
    ],
  },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      // Two pages: the app (index.html) and the public promise page alone (public-promise.html,
      // issue #19), which the api sends for /public/promises/:id. Shared modules become shared chunks.
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        'public-promise': fileURLToPath(new URL('./public-promise.html', import.meta.url)),
      },
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
});
