// The peer: PostGraphile 4 serving the same tables (public schema), as a user would run it in
// production: no GraphiQL, no query log, no watch mode, a pool of 10 connections.
import http from 'node:http';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';

// PostGraphile 4 needs graphql 15 while the workspace hoists civimap's graphql 16, so npm nests a
// copy of graphql 15 under postgraphile and another under graphile-build-pg; two copies of graphql
// in one schema fail ("Unexpected input type"). In this process every `graphql` is PostGraphile's.
const require = createRequire(import.meta.url);
const postgraphileDir = path.dirname(require.resolve('postgraphile/package.json'));
const graphqlPaths = [path.join(postgraphileDir, 'node_modules'), postgraphileDir];
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, isMain, options) {
  if (request === 'graphql' || request.startsWith('graphql/')) return resolveFilename.call(this, request, parent, isMain, { paths: graphqlPaths });
  return resolveFilename.call(this, request, parent, isMain, options);
};
const { postgraphile } = require('postgraphile');

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_MAX || 10) });
const middleware = postgraphile(pool, 'public', {
  graphiql: false,
  disableQueryLog: true,
  watchPg: false,
  retryOnInitFail: false,
  disableDefaultMutations: true,
  legacyRelations: 'omit',
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  extendedErrors: [],
  showErrorStack: false,
});
const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/healthz') return res.end('ok');
  return middleware(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`postgraphile listening on ${process.env.PORT}`));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
