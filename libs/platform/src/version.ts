import { readFileSync } from 'node:fs';

function findVersion(): string {
  // package.json sits at the repository root, above src/ and above dist/.../src/.
  let dir = new URL('.', import.meta.url);
  for (let i = 0; i < 8; i += 1) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'samverkan' && pkg.version) return pkg.version;
    } catch {
      // not here; look one level up
    }
    dir = new URL('..', dir);
  }
  return 'unknown';
}

/** Samverkan's version, from package.json. */
export const APP_VERSION = findVersion();
