import { openDataSet } from './datasets.mjs';
import { startApi } from './processes.mjs';
import { loadTest } from './searches.mjs';
import { pgCpuProbe } from './pg-cpu.mjs';
import os from 'node:os';
const log = (...p) => console.error(`[load ${new Date().toISOString().slice(11, 19)}]`, ...p);
const modes = (process.env.MODES ?? 'on').split(',');
const ds = await openDataSet({ size: 10000, seed: 20241, port: 55450, log });
const pgProbe = await pgCpuProbe(ds.adminUrl);
try {
  for (const cache of modes) {
    log('load average', os.loadavg().map((x) => x.toFixed(1)).join(' / '));
    const api = await startApi(ds.url, { port: 4850, env: cache === 'off' ? { RESPONSE_CACHE_MB: '0' } : {} });
    try {
      const r = await loadTest(api, { connections: 200, duration: Number(process.env.DURATION ?? 30), pgProbe, log, cache });
      console.log(JSON.stringify(r.map(({ key, responseCache, rps, total, p50, p99, errors, detail, cache: c, generatorCpuPercent, cpuPerRequest, pgCpuPerRequest, rssBeforeMb, peakRssMb }) => ({ key, responseCache, rps, total, p50, p99, errors, detail, c, generatorCpuPercent, cpuPerRequest, pgCpuPerRequest, rssBeforeMb, peakRssMb }))));
      console.error(api.output().slice(-3000));
    } finally { await api.stop(); }
  }
} finally { await pgProbe?.close(); await ds.stop(); }
log('load average', os.loadavg().map((x) => x.toFixed(1)).join(' / '));
