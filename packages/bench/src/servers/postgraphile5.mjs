// The second peer: PostGraphile 5 (grafast's planner, served by grafserv's node adaptor) over the
// same tables (public schema), as a user would run it in production: the Amber preset, no Ruru
// (GraphiQL), no explain, no watch mode, no mutations, a pool of 10 connections.
//
// Node 20: PostGraphile 5 declares node >= 22, and grafast/grafserv call Promise.withResolvers
// (V8 12.2, Node 22), which Node 20.20 lacks. The few lines below define it exactly as the
// standard says, before PostGraphile loads; nothing else in PostGraphile 5 needs Node 22 for
// this server. Drop them when the project moves to Node 22.
import http from 'node:http';
import pg from 'pg';

if (typeof Promise.withResolvers !== 'function') {
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    writable: true,
    value: function withResolvers() {
      let resolve;
      let reject;
      const promise = new this((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}

// After the polyfill: dynamic imports, so that PostGraphile's modules load with it in place.
const { postgraphile } = await import('postgraphile5');
const { PostGraphileAmberPreset } = await import('postgraphile5/presets/amber');
const { makePgService } = await import('postgraphile5/adaptors/pg');
const { grafserv } = await import('postgraphile5/grafserv/node');

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_MAX || 10) });

const preset = {
  extends: [PostGraphileAmberPreset],
  // Reads only, like PostGraphile 4's disableDefaultMutations in the other peer; and every column
  // orderable, as PostGraphile 4's default (ignoreIndexes) has it: services by name, sites by name.
  disablePlugins: ['PgMutationCreatePlugin', 'PgMutationUpdateDeletePlugin', 'PgIndexBehaviorsPlugin'],
  pgServices: [makePgService({ pool, schemas: ['public'] })],
  grafserv: { graphiql: false, watch: false, maskError: (error) => error },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const handler = serv.createHandler();
// Build the schema before answering /healthz, so that the bench measures a warm server.
await pgl.getSchema();

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/healthz') return res.end('ok');
  return handler(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`postgraphile 5 listening on ${process.env.PORT}`));
process.on('SIGTERM', () =>
  server.close(async () => {
    await pgl.release();
    await pool.end();
    process.exit(0);
  }),
);
