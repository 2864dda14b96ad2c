// npm run bench [-- --sizes=1000,10000,100000 --seed=20241 --load-size=10000 --load-duration=30 --load-connections=200]
// Prints the tables and writes them to .data/bench/results.{md,json}. Never fails on a slow figure:
// benchmarks report, they do not judge (exit code 1 only when something could not run at all).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_DATA_ROOT, openDataSet, statementCounter, withClient } from './datasets.mjs';
import { explainPlans } from './explain.mjs';
import { latency, send, throughput } from './measure.mjs';
import { peakRssMb, resetPeakRss, rssMb, startApi, startFloor, startPostGraphile } from './processes.mjs';
import { civimapScenarios, floorPage, hsdsExport, postgraphilePage } from './scenarios.mjs';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    seed: { type: 'string', default: '20241' },
    'load-size': { type: 'string', default: '10000' },
    'load-duration': { type: 'string', default: '30' },
    'load-connections': { type: 'string', default: '200' },
    'throughput-duration': { type: 'string', default: '4' },
    'throughput-connections': { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
    'explain-sizes': { type: 'string', default: '10000,100000' },
    'hsds-sizes': { type: 'string', default: '1000,10000' },
    'no-load': { type: 'boolean', default: false },
    'no-peers': { type: 'boolean', default: false },
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

const log = (...parts) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...parts);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

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

async function measureSize(size, index) {
  const ds = await openDataSet({ size, seed, port: 55400 + index + 3, log });
  const result = { size, rows: [], page: {}, hsds: null, explain: null, load: null };
  const servers = [];
  let counter;
  try {
    const [{ version, services, locations }] = await withClient(ds.url, async (c) => (await c.query(
      `select current_setting('server_version') as version, (select count(*)::int from service) as services, (select count(*)::int from location) as locations`,
    )).rows);
    Object.assign(result, { postgres: version, services, locations });
    counter = ds.statements ? await statementCounter(ds.adminUrl, ds.url) : undefined;
    const apiServer = await startApi(ds.url);
    servers.push(apiServer);
    const floor = args['no-peers'] ? null : await startFloor(ds.url);
    const peer = args['no-peers'] ? null : await startPostGraphile(ds.url);
    servers.push(...[floor, peer].filter(Boolean));
    log(`size ${size}: ${services} services, ${locations} sites; API pid ${apiServer.pid}`);

    // The page query, side by side: each round measures civimap, the floor and PostGraphile in turn.
    const trio = [
      { key: 'page', origin: apiServer.origin, pid: apiServer.pid, scenario: civimapScenarios[0] },
      ...(floor ? [{ key: 'page.floor', origin: floor.origin, pid: floor.pid, scenario: floorPage }] : []),
      ...(peer ? [{ key: 'page.postgraphile', origin: peer.origin, pid: peer.pid, scenario: postgraphilePage }] : []),
    ];
    const perKey = Object.fromEntries(trio.map((t) => [t.key, { lat: [], tput: [] }]));
    for (let round = 0; round < rounds; round++) {
      for (const t of trio) {
        const lat = await latency(t.origin, t.scenario.request, { counter, maxMs: 3000 });
        const thr = await throughput(t.origin, t.scenario.request, { ...tput, pid: t.pid });
        perKey[t.key].lat.push(lat);
        perKey[t.key].tput.push(thr);
        log(`  ${t.key} round ${round + 1}: p50 ${lat.p50.toFixed(1)} ms, ${thr.rps.toFixed(0)} req/s, ${thr.cpuPerRequest?.toFixed(1)} CPU ms/req, ${thr.errors} errors, ${lat.statements?.toFixed(1)} statements`);
      }
    }
    for (const t of trio) {
      const { lat, tput: thr } = perKey[t.key];
      const row = {
        key: t.key,
        label: t.scenario.label,
        p50: median(lat.map((l) => l.p50)),
        p95: median(lat.map((l) => l.p95)),
        rps: median(thr.map((x) => x.rps)),
        cpu: median(thr.map((x) => x.cpuPerRequest ?? NaN)),
        statements: median(lat.map((l) => l.statements ?? NaN)),
        kb: lat[0].bytes / 1024,
        runs: lat.reduce((n, l) => n + l.runs, 0),
        errors: thr.reduce((n, x) => n + x.errors, 0),
      };
      result.rows.push(row);
      result.page[t.key] = row;
    }

    for (const scenario of civimapScenarios.slice(1)) {
      const lat = await latency(apiServer.origin, scenario.request, { counter });
      // Slow scenarios (coverage) get a longer run, so that some requests complete in it (at most 20 s).
      // (With n connections a request takes about n times its sequential latency on a saturated server.)
      const duration = Math.min(20, Math.max(tput.duration, Math.ceil((lat.p50 * tput.connections * 2) / 1000)));
      const thr = await throughput(apiServer.origin, scenario.request, { ...tput, duration, pid: apiServer.pid });
      result.rows.push({ key: scenario.key, label: scenario.label, p50: lat.p50, p95: lat.p95, runs: lat.runs, rps: thr.rps, cpu: thr.cpuPerRequest, statements: lat.statements, kb: lat.bytes / 1024, errors: thr.errors });
      log(`  ${scenario.key}: p50 ${lat.p50.toFixed(1)} ms, p95 ${lat.p95.toFixed(1)} ms, ${thr.rps.toFixed(0)} req/s, ${thr.errors} errors, ${lat.statements?.toFixed(1)} statements`);
    }

    // The HSDS export: everything, streamed; MB/s over the whole response and the API's peak RSS.
    if (hsdsSizes.includes(size)) {
      const peakReset = resetPeakRss(apiServer.pid);
      const runs = [];
      await counter?.reset();
      for (let i = 0; i < 3; i++) runs.push(await send(apiServer.origin, hsdsExport.request));
      const statements = counter ? (await counter.read()) / runs.length : null;
      const best = runs.reduce((a, b) => (a.ms < b.ms ? a : b));
      result.hsds = {
        organizations: best.lines,
        mb: best.bytes / 1e6,
        seconds: best.ms / 1000,
        mbPerSecond: best.bytes / 1e6 / (best.ms / 1000),
        peakRssMb: peakRssMb(apiServer.pid),
        peakRssScope: peakReset ? 'during the export' : 'since the API started',
        statements,
      };
      log(`  hsds: ${best.lines} organizations, ${result.hsds.mb.toFixed(1)} MB in ${result.hsds.seconds.toFixed(2)} s = ${result.hsds.mbPerSecond.toFixed(1)} MB/s, peak RSS ${result.hsds.peakRssMb.toFixed(0)} MB`);
    }

    if (explainSizes.includes(size)) {
      result.explain = await explainPlans(ds.url);
      log(`  EXPLAIN plans taken`);
    }

    if (!args['no-load'] && size === loadSize) {
      result.load = [];
      for (const scenario of [civimapScenarios[0], civimapScenarios[1]]) {
        await new Promise((r) => setTimeout(r, 1000));
        resetPeakRss(apiServer.pid);
        const rssBefore = rssMb(apiServer.pid);
        const run = await throughput(apiServer.origin, scenario.request, {
          connections: Number(args['load-connections']),
          duration: Number(args['load-duration']),
          // A client waits up to 30 s: with 200 clients queued on one process, answers take seconds.
          timeout: 30,
        });
        result.load.push({ key: scenario.key, label: scenario.label, ...run, rssBeforeMb: rssBefore, peakRssMb: peakRssMb(apiServer.pid) });
        log(`  load ${scenario.key}: ${run.rps.toFixed(0)} req/s, p99 ${run.p99} ms, ${run.errors} errors ${JSON.stringify(run.detail)}, peak RSS ${peakRssMb(apiServer.pid).toFixed(0)} MB`);
      }
    }
    result.apiPeakRssMb = peakRssMb(apiServer.pid);
    return result;
  } finally {
    for (const s of servers) await s.stop();
    await counter?.close();
    await ds.stop();
  }
}

const fmt = (n, d = 1) => (n === null || n === undefined || Number.isNaN(n) ? '–' : n.toFixed(d));

function report(info, results) {
  const out = [];
  out.push(`Machine: ${info.nproc} CPUs (${info.cpu}), ${info.memoryGb} GB, Node ${info.node}, PostgreSQL ${results[0]?.postgres ?? '?'}; ${info.date}`);
  out.push(`Load average (1/5/15 min) at the start: ${info.loadAverage.join(' / ')}; at the end: ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')} (shared machine).`);
  out.push(`Command: ${info.command}`);
  out.push('');
  out.push('Latency: sequential requests over one keep-alive connection (median of rounds for the page trio). Throughput: autocannon, ' +
    `${tput.connections} connections for ${tput.duration} s. SQL statements per request: pg_stat_statements calls in the data set's database, ` +
    'top-level statements including BEGIN/COMMIT, divided by the requests measured. Server CPU ms / request: user + system CPU time of the ' +
    'server process (/proc) during the throughput run divided by the requests answered (PostgreSQL\'s own CPU not included); ' +
    'less sensitive than latency to other processes on a shared machine.');
  for (const r of results) {
    out.push('');
    out.push(`### ${r.size.toLocaleString('en')} organizations (${r.services.toLocaleString('en')} services, ${r.locations.toLocaleString('en')} sites)`);
    out.push('');
    out.push('| scenario | p50 ms | p95 ms | runs | req/s | server CPU ms / request | SQL statements / request | response KB | errors |');
    out.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const row of r.rows) {
      out.push(`| ${row.label} | ${fmt(row.p50)} | ${fmt(row.p95)} | ${row.runs} | ${fmt(row.rps, 0)} | ${fmt(row.cpu, 1)} | ${fmt(row.statements, 1)} | ${fmt(row.kb, 1)} | ${row.errors} |`);
    }
    const h = r.hsds;
    if (h) {
      out.push(`| HSDS export: ${h.organizations.toLocaleString('en')} organizations, ${fmt(h.mb)} MB | ${fmt(h.seconds * 1000, 0)} (whole stream, best of 3) | | 3 | ${fmt(h.mbPerSecond)} MB/s | | ${fmt(h.statements, 1)} | | API peak RSS ${fmt(h.peakRssMb, 0)} MB (${h.peakRssScope}) |`);
    }
    const c = r.page.page;
    const f = r.page['page.floor'];
    const p = r.page['page.postgraphile'];
    if (c && f && p) {
      out.push('');
      out.push(`Ratios at ${r.size.toLocaleString('en')}: civimap p50 / floor p50 = **${fmt(c.p50 / f.p50, 2)}x** (target ≤ 3x); ` +
        `civimap throughput / PostGraphile throughput = **${fmt(c.rps / p.rps, 2)}x** (target ≥ 1.5x); ` +
        `civimap p50 / PostGraphile p50 = ${fmt(c.p50 / p.p50, 2)}x; civimap throughput / floor throughput = ${fmt(c.rps / f.rps, 2)}x; ` +
        `server CPU per request: civimap ${fmt(c.cpu, 1)} ms, floor ${fmt(f.cpu, 1)} ms, PostGraphile ${fmt(p.cpu, 1)} ms.`);
    }
    out.push(`API peak RSS over the whole size run: ${fmt(r.apiPeakRssMb, 0)} MB.`);
    if (r.load) {
      out.push('');
      out.push(`Load test at ${r.size.toLocaleString('en')}: ${args['load-connections']} connections for ${args['load-duration']} s (autocannon, client timeout 30 s; requests still in flight at the end are not counted).`);
      out.push('');
      out.push('| query | req/s | p50 ms | p99 ms | requests | errors (transport / timeouts / non-2xx / GraphQL) | API RSS before → peak MB |');
      out.push('|---|---:|---:|---:|---:|---|---|');
      for (const l of r.load) {
        out.push(`| ${l.label} | ${fmt(l.rps, 0)} | ${fmt(l.p50, 0)} | ${fmt(l.p99, 0)} | ${l.total} | **${l.errors}** (${l.detail.transport} / ${l.detail.timeouts} / ${l.detail.non2xx} / ${l.detail.graphql}) | ${fmt(l.rssBeforeMb, 0)} → ${fmt(l.peakRssMb, 0)} |`);
      }
    }
  }
  const explained = results.filter((r) => r.explain);
  if (explained.length) {
    out.push('');
    out.push('### EXPLAIN (ANALYZE, BUFFERS) of the statements the API runs (OrganizationSearch, first: 20)');
    for (const r of explained) {
      for (const [key, statements] of Object.entries(r.explain)) {
        for (const s of statements) {
          out.push('');
          out.push(`#### ${key} at ${r.size.toLocaleString('en')}: ${s.statement}`);
          out.push('');
          out.push('```sql');
          out.push(s.sql);
          out.push(`-- parameters: ${JSON.stringify(s.params)}`);
          out.push('```');
          out.push('');
          out.push('```');
          out.push(s.plan);
          out.push('```');
        }
      }
    }
  }
  return out.join('\n');
}

async function main() {
  const info = machine();
  log(`sizes ${sizes.join(', ')}, seed ${seed}; ${info.nproc} CPUs, ${info.cpu}`);
  const results = [];
  for (const [i, size] of sizes.entries()) results.push(await measureSize(size, i));
  const text = report(info, results);
  console.log(text);
  fs.mkdirSync(BENCH_DATA_ROOT, { recursive: true });
  fs.writeFileSync(path.join(BENCH_DATA_ROOT, 'results.md'), `${text}\n`);
  fs.writeFileSync(path.join(BENCH_DATA_ROOT, 'results.json'), JSON.stringify({ info, results }, null, 2));
  log(`written to ${path.relative(process.cwd(), path.join(BENCH_DATA_ROOT, 'results.md'))} and results.json`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
