// `npm run db:migration:new -- AddPremises`: creates migrations/<timestamp>-AddPremises.ts and lists
// it in migrations/index.ts (a migration that is not listed never runs).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) {
  console.error('usage: npm run db:migration:new -- <PascalCaseName>');
  process.exit(1);
}
const dir = fileURLToPath(new URL('../migrations/', import.meta.url));
const timestamp = Date.now();
const className = `${name}${timestamp}`;
const file = `${timestamp}-${name}`;

writeFileSync(
  `${dir}${file}.ts`,
  `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(q: QueryRunner): Promise<void> {
    await q.query(\`\`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(\`\`);
  }
}
`,
);

const indexPath = `${dir}index.ts`;
let index = readFileSync(indexPath, 'utf8');
index = index.replace(/(\nexport const migrations = \[)/, `import { ${className} } from './${file}.js';\n$1`);
index = index.replace(/export const migrations = \[([^\]]*)\];/, (_, list) => `export const migrations = [${list.trim().replace(/,$/, '')}, ${className}];`);
writeFileSync(indexPath, index);
console.log(`created migrations/${file}.ts and listed it in migrations/index.ts`);
