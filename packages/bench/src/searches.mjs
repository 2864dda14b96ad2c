// civimap's own scenarios beyond the page: the searches and coverage (latency, throughput, CPU), the
// HSDS export (MB/s, peak RSS) and the load test (many connections on one process).
import { latency, send, throughput } from './measure.mjs';
import os from 'node:os';
import { cpuMs, peakRssMb, resetPeakRss, rssMb, waitIdle } from './processes.mjs';
import { civimapScenarios, hsdsExport } from './scenarios.mjs';

export async function measureSearches(api, { tput, counter, pgProbe, log }) {
  const rows = [];
  for (const scenario of civimapScenarios.slice(1)) {
    await waitIdle(api.pid);
    const lat = await latency(api.origin, scenario.request, { counter, pid: api.pid, pgProbe, appName: api.appName });
    // Slow scenarios (coverage) get a longer run, so that some requests complete in it (at most 20 s),
    // and a client timeout long enough for a saturated server (with n connections a request takes
    // about n times its sequential latency on 2 cores).
    const expected = (lat.p50 * tput.connections) / 1000;
    const duration = Math.min(20, Math.max(tput.duration, Math.ceil(expected * 2)));
    const timeout = Math.min(120, Math.max(10, Math.ceil(expected * 3)));
    const thr = await throughput(api.origin, scenario.request, { ...tput, duration, timeout, pid: api.pid, pgProbe, appName: api.appName });
    // When no request completed within the window, CPU comes from the sequential runs (marked).
    const sequential = !thr.total;
    rows.push({
      cpuFrom: sequential ? 'sequential' : 'throughput',
      key: scenario.key,
      label: scenario.label,
      p50: lat.p50,
      p95: lat.p95,
      p99: lat.p99,
      runs: lat.runs,
      rps: thr.rps,
      cpu: sequential ? lat.cpuPerRequest : thr.cpuPerRequest,
      pgCpu: sequential ? lat.pgCpuPerRequest : thr.pgCpuPerRequest,
      pgClusterCpu: sequential ? lat.pgClusterCpuPerRequest : thr.pgClusterCpuPerRequest,
      sequentialCpu: { api: lat.cpuPerRequest, pg: lat.pgCpuPerRequest },
      statements: lat.statements,
      kb: lat.bytes / 1024,
      errors: thr.errors,
    });
    const row = rows.at(-1);
    log(`  ${scenario.key}: p50 ${lat.p50.toFixed(1)} ms, p99 ${lat.p99.toFixed(1)} ms, ${thr.rps.toFixed(0)} req/s, CPU ms/req API ` +
      `${row.cpu?.toFixed(1)} PG ${row.pgCpu?.toFixed(1)} (${row.cpuFrom}), ${thr.errors} errors, ${lat.statements?.toFixed(1)} statements`);
  }
  return rows;
}

/**
 * The HSDS export: everything, streamed; MB/s over the whole response, the API's peak RSS, the CPU
 * of the API and of PostgreSQL (its backends serving the API, and the whole cluster) per export, the
 * load average around it; then once gzip-compressed (what a client asking for it gets).
 */
export async function measureExport(api, { size, counter, pgProbe, log }) {
  await waitIdle(api.pid);
  const peakReset = resetPeakRss(api.pid);
  const runs = [];
  await counter?.reset();
  const loadBefore = os.loadavg();
  const cpuBefore = cpuMs(api.pid);
  const pgWindow = pgProbe ? await pgProbe.start(api.appName) : null;
  // A whole 100k export streams for about a minute: once is enough there.
  const times = size >= 100_000 ? 1 : 3;
  for (let i = 0; i < times; i++) {
    const run = await send(api.origin, hsdsExport.request);
    const error = hsdsExport.request.check(run.status) ?? (run.lines ? null : 'an empty export');
    if (error) {
      log(`  hsds: FAILED after ${(run.ms / 1000).toFixed(1)} s: ${error}`);
      return { error, seconds: run.ms / 1000, peakRssMb: peakRssMb(api.pid) };
    }
    runs.push(run);
    log(`  hsds run ${i + 1}: ${(run.bytes / 1e6).toFixed(1)} MB in ${(run.ms / 1000).toFixed(2)} s`);
  }
  const pg = pgWindow ? await pgWindow() : null;
  const apiCpuMs = (cpuMs(api.pid) - cpuBefore) / runs.length;
  const loadAfter = os.loadavg();
  const statements = counter ? (await counter.read()) / runs.length : null;
  const best = runs.reduce((a, b) => (a.ms < b.ms ? a : b));
  const gzipCpuBefore = cpuMs(api.pid);
  const gzip = await send(api.origin, { ...hsdsExport.request, headers: { 'accept-encoding': 'gzip' } });
  const hsds = {
    organizations: best.lines,
    runs: times,
    mb: best.bytes / 1e6,
    seconds: best.ms / 1000,
    mbPerSecond: best.bytes / 1e6 / (best.ms / 1000),
    runSeconds: runs.map((r) => +(r.ms / 1000).toFixed(2)),
    medianSeconds: runs.map((r) => r.ms / 1000).sort((a, b) => a - b)[Math.floor(runs.length / 2)],
    peakRssMb: peakRssMb(api.pid),
    peakRssScope: peakReset ? 'during the export' : 'since the API started',
    statements,
    apiCpuMs,
    pgCpuMs: pg ? pg.poolMs / runs.length : null,
    pgClusterCpuMs: pg ? pg.clusterMs / runs.length : null,
    loadAverage: { before: loadBefore.map((x) => +x.toFixed(1)), after: loadAfter.map((x) => +x.toFixed(1)) },
    gzip: { status: gzip.status, encoding: gzip.headers['content-encoding'] ?? 'identity', mb: gzip.bytes / 1e6, seconds: gzip.ms / 1000, apiCpuMs: cpuMs(api.pid) - gzipCpuBefore },
  };
  log(`  hsds: ${best.lines} organizations, ${hsds.mb.toFixed(1)} MB in ${hsds.seconds.toFixed(2)} s = ${hsds.mbPerSecond.toFixed(1)} MB/s, peak RSS ${hsds.peakRssMb.toFixed(0)} MB, ` +
    `CPU per export API ${apiCpuMs.toFixed(0)} ms, PostgreSQL ${hsds.pgCpuMs?.toFixed(0)} ms (cluster ${hsds.pgClusterCpuMs?.toFixed(0)} ms); load ${hsds.loadAverage.before[0]} → ${hsds.loadAverage.after[0]}`);
  log(`  hsds gzip: ${hsds.gzip.encoding}, ${hsds.gzip.mb.toFixed(1)} MB in ${hsds.gzip.seconds.toFixed(2)} s, API CPU ${hsds.gzip.apiCpuMs.toFixed(0)} ms`);
  return hsds;
}

/**
 * Many connections for a while on the page query, then on the text search; errors, p99, peak RSS.
 * `cache`: whether the API runs with its response cache (on: every client asks the same query, so
 * after the first miss the answers come from memory; off: every request is computed).
 */
export async function loadTest(api, { connections, duration, pgProbe, log, cache = 'on' }) {
  const results = [];
  for (const scenario of [civimapScenarios[0], civimapScenarios[1]]) {
    await waitIdle(api.pid);
    resetPeakRss(api.pid);
    // Three sequential requests first, as before every latency run: the fresh process compiles the
    // operation (and, with the cache on, keeps its answer) before 200 clients arrive at once.
    for (let i = 0; i < 3; i++) await send(api.origin, scenario.request);
    const rssBefore = rssMb(api.pid);
    // A client waits up to 30 s: with 200 clients queued on one process, answers take seconds.
    const run = await throughput(api.origin, scenario.request, { connections, duration, timeout: 30, pid: api.pid, pgProbe, appName: api.appName });
    results.push({ key: scenario.key, label: scenario.label, responseCache: cache, ...run, rssBeforeMb: rssBefore, peakRssMb: peakRssMb(api.pid) });
    log(`  load ${scenario.key} (response cache ${cache}): ${run.rps.toFixed(0)} req/s, p99 ${run.p99} ms, ${run.errors} errors ${JSON.stringify(run.detail)}, ` +
      `X-Cache ${JSON.stringify(run.cache)}, load generator CPU ${run.generatorCpuPercent.toFixed(0)}% of a core, peak RSS ${peakRssMb(api.pid).toFixed(0)} MB`);
  }
  return results;
}
