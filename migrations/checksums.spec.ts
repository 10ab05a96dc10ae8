import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';

/**
 * A migration on main is never edited again: a database that ran it would never see the edit (a
 * change is a new migration). migrations/checksums.json records each finished migration's bytes
 * (`npm run db:migration:lock`); this test fails when a recorded migration changes, and — reading
 * the git history — when a recorded checksum was changed or dropped to make an edit pass.
 */
const DIR = 'migrations';
const LIST = `${DIR}/checksums.json`;
type Checksums = Record<string, string>;

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const current = JSON.parse(readFileSync(LIST, 'utf8')) as Checksums;
const files = readdirSync(DIR).filter((f) => /^\d+-.+\.ts$/.test(f) && !f.endsWith('.spec.ts'));
const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

describe('committed migrations stay as they are', () => {
  it('records every migration (run `npm run db:migration:lock` once a new one is final)', () => {
    expect(files.filter((file) => !current[file])).toEqual([]);
  });

  it('finds every recorded migration byte for byte as recorded', () => {
    const changed = Object.entries(current).filter(([file, checksum]) => !files.includes(file) || sha256(`${DIR}/${file}`) !== checksum);
    expect(changed.map(([file]) => file)).toEqual([]);
  });

  it('never changed or dropped a recorded checksum in the history', () => {
    const commits = git('log', '--format=%H', '--', LIST).split('\n').filter(Boolean);
    expect(commits.length).toBeGreaterThan(0); // the list is committed (a clone has the history)
    const rewritten = commits.flatMap((commit) => {
      const then = JSON.parse(git('show', `${commit}:${LIST}`)) as Checksums;
      return Object.entries(then)
        .filter(([file, checksum]) => current[file] !== checksum)
        .map(([file]) => `${file} (as of ${commit.slice(0, 8)})`);
    });
    expect(rewritten).toEqual([]);
  });
});
