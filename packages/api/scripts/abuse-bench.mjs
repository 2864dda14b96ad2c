#!/usr/bin/env node
// Prints the figures of the load-and-abuse suite (issue 11); the tests in test-abuse assert the
// behaviour, this measures it. Build first (npm run build -w @civimap/api), then:
//   node packages/api/scripts/abuse-bench.mjs [--signins 200] [--names 1000]
// Uses DATABASE_URL when set (a database of its own, dropped afterwards), else an embedded
// PostgreSQL in a temporary folder.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';

const require = createRequire(import.meta.url);
const dist = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'dist');
if (!fs.existsSync(path.join(dist, 'main.js'))) throw new Error('build the API first: npm run build -w @civimap/api');
require('reflect-metadata');
const pino = require('pino');
const { loadConfig } = require(path.join(dist, 'core/config.js'));
const { createRuntime } = require(path.join(dist, 'app/runtime.js'));
const { startServer } = require(path.join(dist, 'app/server.js'));
const { hashPassword } = require(path.join(dist, 'accounts/credentials.js'));
const { dropDatabase, withDatabase } = require(path.join(dist, 'app/db/database.js'));

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SIGNINS = arg('signins', 200);
const NAMES = arg('names', 1000);

const logs = [];
const sink = new Writable({ write: (chunk, _e, done) => (logs.push(...chunk.toString().split('\n').filter(Boolean)), done()) });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'civimap-abuse-bench-'));
const databaseUrl = process.env.DATABASE_URL ? withDatabase(process.env.DATABASE_URL, `civimap_abuse_bench_${process.pid}`) : undefined;
const config = loadConfig({
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATA_DIR: path.join(dataDir, 'pg'), EMBEDDED_PG_PORT: String(55000 + (process.pid % 400)) }),
  PORT: '0', HOST: '127.0.0.1', WEB_DIST: '/nonexistent', MAP_TILE_URL: '', DEMO_DATA: 'off',
  DB_POOL_MAX: '4', TRUST_PROXY: 'loopback', METRICS_PORT: '0', RATE_LIMIT_PER_MINUTE: '100000',
});
const runtime = await createRuntime({ config, logger: pino({ level: 'warn' }, sink) });
const server = await startServer(runtime);
const post = (body, headers = {}) => fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

try {
  await runtime.orm.em.fork().execute(`insert into app_user (id, email, display_name, password_hash, role, email_confirmed_at) values (gen_random_uuid(), 'target@example.org', 'Target', ?, 'EDITOR', now())`, [await hashPassword('Correct horse 42 battery')]);
  await (await post({ query: '{ organizations(first: 1) { totalCount } }' })).json();

  // 1. Wrong-password flood while a public query runs every 100 ms.
  const waits = [];
  let flooding = true;
  const reads = (async () => {
    while (flooding) {
      const t = performance.now();
      await (await post({ query: '{ organizations(first: 1) { totalCount } }' })).json();
      waits.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const started = performance.now();
  const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(input: { email: $e, password: $p }) { userErrors { code } } }';
  const outcomes = await Promise.all(
    Array.from({ length: SIGNINS }, async (_, i) => {
      const res = await post({ query: SIGN_IN, variables: { e: i % 2 ? 'target@example.org' : `nobody-${i}@example.org`, p: `wrong ${i}` } }, { 'x-forwarded-for': `10.9.${i >> 8}.${i & 255}` });
      const body = await res.json();
      return body.errors ? `HTTP ${res.status}` : (body.data.signIn.userErrors[0]?.code ?? 'OK');
    }),
  );
  const floodSeconds = (performance.now() - started) / 1000;
  flooding = false;
  await reads;
  const counts = outcomes.reduce((m, o) => ({ ...m, [o]: (m[o] ?? 0) + 1 }), {});
  const poolTimeouts = logs.filter((l) => /Timeout acquiring|database unavailable/i.test(l)).length;
  console.log(`sign-in flood: ${SIGNINS} concurrent wrong passwords answered in ${floodSeconds.toFixed(1)} s (${JSON.stringify(counts)})`);
  console.log(`  public query during the flood: ${waits.length} runs, median ${percentile(waits, 0.5).toFixed(0)} ms, p95 ${percentile(waits, 0.95).toFixed(0)} ms, max ${Math.max(...waits).toFixed(0)} ms (bound: 2000 ms)`);
  console.log(`  pool timeouts logged: ${poolTimeouts}; load average ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores`);

  // 2. Random operation names against the metric series.
  const rssBefore = process.memoryUsage().rss;
  for (let i = 0; i < NAMES; i += 25) {
    await Promise.all(Array.from({ length: Math.min(25, NAMES - i) }, async () => (await post({ query: `query Q${randomBytes(12).toString('hex')} { __typename }` })).arrayBuffer()));
  }
  const metrics = await (await fetch(server.metricsUrl)).text();
  const series = new Set([...metrics.matchAll(/civimap_graphql_operation_duration_seconds_count\{operation="([^"]*)"/g)].map((m) => m[1]));
  console.log(`metric labels: ${NAMES} random operation names -> ${series.size} operation label values, /metrics ${(metrics.length / 1024).toFixed(0)} KiB, RSS ${((process.memoryUsage().rss - rssBefore) / 2 ** 20).toFixed(0)} MiB more`);
} finally {
  await server.close();
  await runtime.close();
  if (databaseUrl) await dropDatabase(databaseUrl).catch(() => undefined);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
