// @ts-check
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Which part of the monorepo a path belongs to: `libs/<name>`, `apps/<name>`, `migrations`, or null. */
function partOf(path) {
  const rel = relative(ROOT, path).split('\\').join('/');
  const match = /^(libs|apps)\/([^/]+)\//.exec(rel);
  if (match) return `${match[1]}/${match[2]}`;
  return rel.startsWith('migrations/') ? 'migrations' : null;
}

/**
 * Libs talk to each other only through their public entry (`@samverkan/<lib>`, its index.ts):
 * no `@samverkan/<lib>/<file>` and no relative path into another lib or app. Tests may reach
 * into the apps they start (the api's tests start the worker).
 */
export const libBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Import other libs through @samverkan/<lib> only' },
    messages: {
      deep: 'Import {{lib}} through its public entry `@samverkan/{{lib}}`, not one of its files.',
      relative: 'This relative import reaches into {{target}}; import it as `@samverkan/<lib>` (its public entry) instead.',
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const own = partOf(file);
    const isTest = /\/test\/|\.(e2e-)?spec\.ts$/.test(file);
    /** @param {import('estree').Node} node @param {unknown} source */
    function check(node, source) {
      if (typeof source !== 'string') return;
      const deep = /^@samverkan\/([^/]+)\/.+/.exec(source);
      if (deep) return context.report({ node, messageId: 'deep', data: { lib: deep[1] } });
      if (!source.startsWith('.') || !own || isTest) return;
      const target = partOf(resolve(dirname(file), source));
      if (target && target !== own) context.report({ node, messageId: 'relative', data: { target } });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
