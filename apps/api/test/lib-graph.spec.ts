import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';

/**
 * The libs import each other through `@samverkan/<lib>` only (ESLint: scripts/eslint/lib-boundaries.mjs)
 * and never in a circle: a cycle means two libs cannot change, build or be understood apart.
 */
const LIBS = readdirSync('libs', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'testing')
  .map((entry) => entry.name);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.ts$/.test(entry.name) && !/\.(e2e-)?spec\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** lib → the libs its production code imports. */
const GRAPH = new Map(
  LIBS.map((lib) => {
    const imported = new Set<string>();
    for (const file of sources(join('libs', lib, 'src'))) {
      for (const [, target] of readFileSync(file, 'utf8').matchAll(/from '@samverkan\/([a-z-]+)'/g))
        if (target !== lib && LIBS.includes(target)) imported.add(target);
    }
    return [lib, imported];
  }),
);

/** A cycle through the graph, as `a → b → a`, or undefined. */
function findCycle(): string | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (lib: string): string | undefined => {
    if (state.get(lib) === 'done') return undefined;
    if (state.get(lib) === 'open') return [...path.slice(path.indexOf(lib)), lib].join(' → ');
    state.set(lib, 'open');
    path.push(lib);
    for (const next of GRAPH.get(lib) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(lib, 'done');
    return undefined;
  };
  for (const lib of LIBS) {
    const cycle = visit(lib);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('the libs’ import graph', () => {
  it('reads every lib', () => {
    expect(LIBS).toEqual(
      expect.arrayContaining(['platform', 'access', 'audit', 'identity', 'promises', 'inspections', 'youth', 'operations', 'deadlines', 'notifications']),
    );
  });

  it('has no cycle', () => {
    expect(findCycle()).toBeUndefined();
  });

  it('keeps platform at the bottom: it imports no other lib, nor the migrations', () => {
    expect([...(GRAPH.get('platform') ?? [])]).toEqual([]);
    expect(sources('libs/platform/src').filter((file) => readFileSync(file, 'utf8').includes("from '@samverkan/migrations'"))).toEqual([]);
  });
});
