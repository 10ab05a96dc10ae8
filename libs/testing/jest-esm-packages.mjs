// Jest on Node 20 cannot require() an ES module (it can from Node 24.9). A few CommonJS packages
// we depend on (@fastify/static, light-my-request, @fastify/cookie) require ESM-only packages.
// For jest only, those packages are compiled to CommonJS copies, which jest.config.mjs maps in.
// The running application loads the real packages through Node, which handles require(esm).
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const ESM_ONLY_PACKAGES = ['content-disposition', 'cookie'];

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CJS_COPIES_DIR = join(root, 'node_modules', '.cache', 'samverkan-jest-cjs');

export function cjsCopyPath(name) {
  return join(CJS_COPIES_DIR, `${name}.cjs`);
}

/** Writes the CommonJS copies; fails loudly if a package stops being a single import-free file. */
export function writeCjsCopies() {
  const require = createRequire(join(root, 'package.json'));
  mkdirSync(CJS_COPIES_DIR, { recursive: true });
  for (const name of ESM_ONLY_PACKAGES) {
    const entry = require.resolve(name);
    const source = readFileSync(entry, 'utf8');
    if (/^\s*import\s|^\s*export\s+\*\s+from|\bimport\(/m.test(source)) {
      throw new Error(`${name}: ${entry} imports other modules; extend jest-esm-packages.mjs to bundle it`);
    }
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, allowJs: true },
      fileName: entry,
    });
    writeFileSync(cjsCopyPath(name), outputText);
  }
}
