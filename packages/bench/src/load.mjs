// The 200-connection load test's generator: a fixed set of keep-alive connections, opened and each
// answered once before the clock starts, then every connection sends its next request as soon as
// the previous answer has arrived. Why not autocannon: it opens all connections at the moment it
// starts timing and counts the wait for the server to accept them in the first request's latency.
// A Node server whose event loop is saturated accepts about one pending connection per loop
// iteration (measured: 100-150 connections waited in the accept queue for ~10 s, with the API and
// with a ten-line `http` server alike), so those first requests alone made the p99 (2.8-10.7 s
// while requests on open connections took at most 0.7 s in the server). That wait is reported on
// its own here ("connect"), and connections the server closes during the run are counted.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { percentile } from './measure.mjs';
import { cpuMs } from './processes.mjs';

const CACHE_ANSWERS = ['HIT', 'SHARED', 'MISS'];

function once(agent, origin, request, timeoutMs) {
  const url = new URL(request.path, origin);
  return new Promise((resolve) => {
    const started = performance.now();
    const chunks = [];
    const req = http.request(url, { method: request.method, headers: request.headers, agent }, (res) => {
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const ms = performance.now() - started;
        resolve({ ms, status: res.statusCode, body: Buffer.concat(chunks), cache: res.headers['x-cache'], reused: req.reusedSocket });
      });
      res.on('error', (error) => resolve({ ms: performance.now() - started, error }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error('timeout'), { timeout: true })));
    req.on('error', (error) => resolve({ ms: performance.now() - started, error }));
    req.end(request.body);
  });
}

const ERRORS = Buffer.from('"errors"');

/**
 * Why an answer is an error, or null. The body is decoded (and the request's check run) only for a
 * non-2xx status or a body that mentions "errors": the generator shares the cores with the API, and
 * decoding every 68 KB page would slow its own event loop, which delays every answer it times.
 */
function failure(request, r) {
  if (r.status >= 200 && r.status < 300 && !r.body.includes(ERRORS)) return null;
  const body = r.body.toString('utf8');
  return request.check?.(r.status, body) ?? (r.status < 200 || r.status >= 300 ? `HTTP ${r.status}` : null);
}

/** Opens `connections` sockets (one request each, all at once) and waits until every one has its answer. */
async function openConnections(agent, origin, request, { connections, timeoutMs }) {
  const started = performance.now();
  const first = await Promise.all(Array.from({ length: connections }, () => once(agent, origin, request, timeoutMs)));
  const failed = first.filter((r) => r.error || r.status !== 200).length;
  const times = first.map((r) => r.ms).sort((a, b) => a - b);
  return { ms: performance.now() - started, failed, p50: percentile(times, 50), max: times.at(-1) };
}

/**
 * Same result fields as measure.mjs throughput() (rps, total, p50, p99, errors, detail, cache,
 * generatorCpuPercent), plus `connect` (opening the connections, not timed in p50/p99), `warmup`
 * (seconds of untimed load after that, and how many answers, failed ones apart) and
 * `newConnections` (sockets opened during the timed window: the server closed some).
 */
export async function steadyLoad(origin, request, { connections, duration, warmup = 0, timeout = 30, pid, pgProbe, appName }) {
  const timeoutMs = timeout * 1000;
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections, scheduling: 'fifo' });
  // Every connection sends its next request as soon as its previous answer is in, until the deadline.
  const drive = (deadline, onAnswer) =>
    Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < deadline) {
          const r = await once(agent, origin, request, timeoutMs);
          // Answers that arrive after the end are not counted (as autocannon does).
          if (performance.now() > deadline) break;
          onAnswer(r);
        }
      }),
    );
  try {
    const connect = await openConnections(agent, origin, request, { connections, timeoutMs });
    // Untimed: a fresh process serves its first seconds under 200 connections several times slower
    // (V8 still optimising the hit path); --load-warmup=0 times them too.
    const warmupAnswers = { total: 0, failed: 0 };
    await drive(performance.now() + warmup * 1000, (r) => {
      warmupAnswers.total += 1;
      if (r.error || failure(request, r)) warmupAnswers.failed += 1;
    });
    const times = [];
    const cache = { HIT: 0, SHARED: 0, MISS: 0 };
    const detail = { transport: 0, timeouts: 0, non2xx: 0, graphql: 0, firstError: null };
    let newConnections = 0;
    const pgWindow = pgProbe && appName ? await pgProbe.start(appName) : null;
    const cpuBefore = pid ? cpuMs(pid) : null;
    const generatorCpu = process.cpuUsage();
    const started = performance.now();
    await drive(started + duration * 1000, (r) => {
      if (r.reused === false) newConnections += 1;
      if (r.error) {
        detail[r.error.timeout ? 'timeouts' : 'transport'] += 1;
        detail.firstError ??= r.error.message;
        return;
      }
      times.push(r.ms);
      if (CACHE_ANSWERS.includes(r.cache)) cache[r.cache] += 1;
      const error = failure(request, r);
      if (!error) return;
      detail[r.status < 200 || r.status >= 300 ? 'non2xx' : 'graphql'] += 1;
      detail.firstError ??= error;
    });
    const elapsed = performance.now() - started;
    const used = process.cpuUsage(generatorCpu);
    const cpuPerRequest = pid && times.length ? (cpuMs(pid) - cpuBefore) / times.length : null;
    const pgCpu = pgWindow ? await pgWindow() : null;
    times.sort((a, b) => a - b);
    return {
      rps: (times.length / elapsed) * 1000,
      total: times.length,
      p50: percentile(times, 50),
      p99: percentile(times, 99),
      max: times.at(-1),
      errors: detail.transport + detail.timeouts + detail.non2xx + detail.graphql,
      detail,
      cache,
      connect,
      warmup: { seconds: warmup, ...warmupAnswers },
      newConnections,
      cpuPerRequest,
      pgCpuPerRequest: pgCpu && times.length ? pgCpu.poolMs / times.length : null,
      pgClusterCpuPerRequest: pgCpu && times.length ? pgCpu.clusterMs / times.length : null,
      generatorCpuPercent: ((used.user + used.system) / 1000 / elapsed) * 100,
    };
  } finally {
    agent.destroy();
  }
}
