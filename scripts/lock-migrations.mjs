// `npm run db:migration:lock`: records the checksum of each finished migration in
// migrations/checksums.json. Entries are only ever added: a migration on main is never edited
// again (a database that ran it would never see the edit), and migrations/checksums.spec.ts fails
// when a recorded migration's bytes or a recorded checksum change.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../migrations/', import.meta.url));
const listPath = `${dir}checksums.json`;
const list = JSON.parse(readFileSync(listPath, 'utf8'));
const added = [];
for (const file of readdirSync(dir)
  .filter((f) => /^\d+-.+\.ts$/.test(f))
  .sort()) {
  if (list[file]) continue;
  list[file] = createHash('sha256')
    .update(readFileSync(`${dir}${file}`))
    .digest('hex');
  added.push(file);
}
writeFileSync(listPath, `${JSON.stringify(list, null, 2)}\n`);
console.log(added.length ? `locked ${added.join(', ')}` : 'every migration is already locked');
