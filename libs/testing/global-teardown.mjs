// Runs once after the whole jest run: removes test databases and queue keys that a crashed or
// interrupted test file left behind. Databases still in use (another run) are left alone.
import pg from 'pg';

export default async function globalTeardown() {
  const server = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    const { rows } = await admin.query(
      `SELECT d.datname FROM pg_database d
        WHERE d.datname LIKE 'samverkan\\_t\\_%'
          AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)`,
    );
    for (const { datname } of rows) {
      await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)}`).catch(() => undefined);
    }
  } finally {
    await admin.end();
  }
}
