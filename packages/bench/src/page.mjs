// The page of 50 side by side: civimap, the floor, PostGraphile 4 and PostGraphile 5 over the same
// data set. Their answers are verified equal first; then each round measures each server in turn
// (latency, then throughput with the API's and PostgreSQL's CPU), and the median of the rounds is kept.
import { latency, throughput } from './measure.mjs';
import { civimapScenarios, floorPage, postgraphile5Page, postgraphilePage } from './scenarios.mjs';
import { verifySamePage } from './verify.mjs';

const median = (xs) => {
  const v = xs.filter((x) => x !== null && x !== undefined && !Number.isNaN(x)).sort((a, b) => a - b);
  return v.length ? v[Math.floor((v.length - 1) / 2)] : null;
};

/**
 * @param {{ api: object, floor?: object, postgraphile?: object, postgraphile5?: object }} servers started processes
 * @returns {Promise<{ verification: object, rows: object[] }>} rows empty when the answers differ
 */
export async function measurePage(servers, { rounds, tput, counter, pgProbe, log }) {
  const lineup = [
    { key: 'page', server: servers.api, scenario: civimapScenarios[0] },
    { key: 'page.floor', server: servers.floor, scenario: floorPage },
    { key: 'page.postgraphile', server: servers.postgraphile, scenario: postgraphilePage },
    { key: 'page.postgraphile5', server: servers.postgraphile5, scenario: postgraphile5Page },
  ]
    .filter((t) => t.server)
    .map((t) => ({ ...t, origin: t.server.origin }));

  const verification = await verifySamePage(lineup);
  if (!verification.ok) {
    log(`  PAGE SCENARIO FAILED: the servers do not answer the same page; not measured:\n    ${verification.differences.join('\n    ')}`);
    return { verification, rows: [] };
  }
  log(`  page verified: ${lineup.map((t) => t.key).join(', ')} answer the same ${verification.organizations} organizations, ` +
    `${verification.services} services (${verification.categories} category and target group links), ${verification.locations} sites`);

  const runs = Object.fromEntries(lineup.map((t) => [t.key, { lat: [], thr: [] }]));
  for (let round = 0; round < rounds; round++) {
    for (const t of lineup) {
      const lat = await latency(t.origin, t.scenario.request, { counter, maxMs: 3000 });
      const thr = await throughput(t.origin, t.scenario.request, { ...tput, pid: t.server.pid, pgProbe, appName: t.server.appName });
      runs[t.key].lat.push(lat);
      runs[t.key].thr.push(thr);
      log(`  ${t.key} round ${round + 1}: p50 ${lat.p50.toFixed(1)} ms, ${thr.rps.toFixed(0)} req/s, CPU ms/req API ${thr.cpuPerRequest?.toFixed(1)} ` +
        `PG ${thr.pgCpuPerRequest?.toFixed(1)} (cluster ${thr.pgClusterCpuPerRequest?.toFixed(1)}), ${thr.errors} errors, ${lat.statements?.toFixed(1)} statements`);
    }
  }
  const rows = lineup.map((t) => {
    const { lat, thr } = runs[t.key];
    return {
      key: t.key,
      label: t.scenario.label,
      p50: median(lat.map((l) => l.p50)),
      p95: median(lat.map((l) => l.p95)),
      p99: median(lat.map((l) => l.p99)),
      rps: median(thr.map((x) => x.rps)),
      cpu: median(thr.map((x) => x.cpuPerRequest)),
      pgCpu: median(thr.map((x) => x.pgCpuPerRequest)),
      pgClusterCpu: median(thr.map((x) => x.pgClusterCpuPerRequest)),
      statements: median(lat.map((l) => l.statements)),
      kb: lat[0].bytes / 1024,
      runs: lat.reduce((n, l) => n + l.runs, 0),
      errors: thr.reduce((n, x) => n + x.errors, 0),
      rounds: { p50: lat.map((l) => l.p50), rps: thr.map((x) => x.rps) },
    };
  });
  return { verification, rows };
}
