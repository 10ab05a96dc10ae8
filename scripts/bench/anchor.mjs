// The anchor of `npm run bench` (issue #19): a plain Fastify server with a `pg` Pool, no framework
// around it, so each Samverkan figure is read as a ratio against the same work done bare on the
// same machine in the same run. `GET /hello` answers plain text (against GET /api/v1/health);
// `GET /e/<i>` runs entry i of endpoints.mjs: the same data SQL the endpoint issues.
// Run as its own process: `node scripts/bench/anchor.mjs <port> <database url>`.
import Fastify from 'fastify';
import pg from 'pg';
import { endpoints, prepare } from './endpoints.mjs';

const [port, databaseUrl] = process.argv.slice(2);
// The api's own pool size (TypeORM's pg driver defaults to 10), so neither side has more connections.
const pool = new pg.Pool({ connectionString: databaseUrl, max: Number(process.env.BENCH_ANCHOR_POOL ?? 10) });
const ctx = await prepare(pool);

const app = Fastify({ logger: false });
app.get('/hello', async (_request, reply) => reply.type('text/plain').send('hello'));
endpoints.forEach((entry, i) => {
  app.get(`/e/${i}`, async () => entry.anchor(pool, ctx));
});

await app.listen({ port: Number(port), host: '127.0.0.1' });
process.send?.('ready');
const stop = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
