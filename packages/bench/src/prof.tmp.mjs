import { openDataSet } from './datasets.mjs';
import { startApi } from './processes.mjs';
import { throughput, send } from './measure.mjs';
import { civimapScenarios } from './scenarios.mjs';
const ds = await openDataSet({ size: 10000, seed: 20241, port: 55450, log: () => {} });
const api = await startApi(ds.url, { port: 4850, nodeArgs: ['--cpu-prof', '--cpu-prof-dir=/tmp/load-prof'] });
try {
  for (let i = 0; i < 5; i++) await send(api.origin, civimapScenarios[0].request);
  const r = await throughput(api.origin, civimapScenarios[0].request, { connections: 50, duration: 10, timeout: 30, pid: api.pid });
  console.log(JSON.stringify({ rps: r.rps, p50: r.p50, p99: r.p99, cpu: r.cpuPerRequest, cache: r.cache, gen: r.generatorCpuPercent }));
} finally {
  process.kill(api.pid, 'SIGTERM');
  for (let i = 0; i < 60; i++) { try { process.kill(api.pid, 0); } catch { break; } await new Promise((r) => setTimeout(r, 500)); }
  await ds.stop();
}
