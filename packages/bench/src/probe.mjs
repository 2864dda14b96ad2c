// npm run probe -w @civimap/bench -- --sizes=10000 [--only=coverage,near] : a quick look at the searches' latency and
// statements (and API and PostgreSQL CPU per request) at one or more sizes on an already prepared data set (no peers, no load test): for
// iterating on a query; the figures of record come from `npm run bench`.
import { parseArgs } from 'node:util';
import { openDataSet } from './datasets.mjs';
import { latency } from './measure.mjs';
import { pgCpuProbe } from './pg-cpu.mjs';
import { startApi } from './processes.mjs';
import { civimapScenarios } from './scenarios.mjs';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '20241' },
    only: { type: 'string', default: '' },
    'pg-port': { type: 'string', default: process.env.BENCH_PG_PORT ?? '55400' },
    'max-ms': { type: 'string', default: '3000' },
  },
});
const log = (...parts) => console.error(`[probe ${new Date().toISOString().slice(11, 19)}]`, ...parts);
const only = args.only ? new Set(args.only.split(',')) : null;
const allSizes = args.sizes.split(',').map(Number);
for (const [i, size] of allSizes.entries()) {
  const ds = await openDataSet({ size, seed: Number(args.seed), port: Number(args['pg-port']) + i, log });
  const started = Date.now();
  const server = await startApi(ds.url, { env: { RESPONSE_CACHE_MB: '0' } });
  log(`size ${size}: API ready in ${((Date.now() - started) / 1000).toFixed(1)} s (migrations included)`);
  const pgProbe = await pgCpuProbe(ds.adminUrl);
  try {
    for (const scenario of civimapScenarios) {
      if (only && !only.has(scenario.key)) continue;
      const r = await latency(server.origin, scenario.request, { maxMs: Number(args['max-ms']), pid: server.pid, pgProbe, appName: 'bench-civimap' });
      console.log(`${size}\t${scenario.key}\tp50 ${r.p50?.toFixed(1)} ms\tp99 ${r.p99?.toFixed(1)} ms\truns ${r.runs}\tAPI CPU ${r.cpuPerRequest?.toFixed?.(1) ?? '-'} ms\tPG CPU ${r.pgCpuPerRequest?.toFixed?.(1) ?? '-'} ms`);
    }
  } finally {
    await pgProbe?.close();
    await server.stop();
    await ds.stop();
  }
}
