// Runs once after the whole jest run: removes the test databases that a crashed or
// interrupted test file left behind. A test database's name carries the pid of its owner
// (samverkan_t_<pid>_<random>): one whose owner still runs belongs to another jest run on this
// machine and is left alone, even while it has no open connection.
import pg from 'pg';

const OWNED = /^samverkan_t_(\d+)_/;

function ownerIsAlive(datname) {
  const pid = Number(OWNED.exec(datname)?.[1]);
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return error.code === 'EPERM';
  }
}

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
      if (ownerIsAlive(datname)) continue;
      await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)}`).catch(() => undefined);
    }
  } finally {
    await admin.end();
  }
}
