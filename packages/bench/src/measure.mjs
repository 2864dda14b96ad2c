// Latency (sequential requests over one keep-alive connection), throughput (autocannon) and the
// statements each request costs (pg_stat_statements).
import autocannon from 'autocannon';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { cpuMs } from './processes.mjs';

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/**
 * A scenario's request: { method, path, headers, body, check(status, body) -> error message or null }.
 * GraphQL requests are errors when the status is not 2xx or the body carries "errors".
 */
export function graphqlRequest(query, variables = {}) {
  const body = JSON.stringify({ query, variables });
  return {
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body,
    check: graphqlCheck,
  };
}

export function graphqlCheck(status, body) {
  if (status < 200 || status >= 300) return `HTTP ${status}: ${body.slice(0, 300)}`;
  if (body.includes('"errors":[')) return `GraphQL errors: ${body.slice(0, 300)}`;
  return null;
}

export function send(origin, request) {
  const url = new URL(request.path, origin);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let bytes = 0;
    let lines = 0;
    const chunks = [];
    const req = http.request(url, { method: request.method, headers: request.headers, agent }, (res) => {
      res.on('data', (c) => {
        bytes += c.length;
        if (request.discardBody) for (let i = c.indexOf(10); i !== -1; i = c.indexOf(10, i + 1)) lines += 1;
        else chunks.push(c);
      });
      res.on('end', () => {
        const ms = performance.now() - started;
        resolve({ status: res.statusCode, headers: res.headers, body: request.discardBody ? '' : Buffer.concat(chunks).toString('utf8'), bytes, lines, ms });
      });
      res.on('error', reject);
      res.on('aborted', () => reject(new Error(`${request.path}: response cut off after ${bytes} bytes`)));
    });
    req.on('error', reject);
    req.end(request.body);
  });
}

export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/**
 * Sequential requests: warm-up, then at least minRuns and until maxMs has passed (at most maxRuns).
 * When a statement counter is given, the statements of the measured runs are counted too.
 */
export async function latency(origin, request, { warmup = 3, minRuns = 3, maxRuns = 300, maxMs = 4000, counter, pid, pgProbe, appName } = {}) {
  for (let i = 0; i < warmup; i++) {
    const r = await send(origin, request);
    const error = request.check?.(r.status, r.body);
    if (error) throw new Error(`${request.path}: ${error}`);
  }
  await counter?.reset();
  // CPU per request over the sequential runs too: for scenarios so slow that no request completes
  // within a throughput window (coverage at 100k), it is the only CPU figure.
  const pgWindow = pgProbe && appName ? await pgProbe.start(appName) : null;
  const cpuBefore = pid ? cpuMs(pid) : null;
  const times = [];
  let bytes = 0;
  const started = performance.now();
  // At least minRuns; then as many as fit in maxMs (slow scenarios such as coverage at 100k get few).
  while (times.length < minRuns || (times.length < maxRuns && performance.now() - started < maxMs)) {
    const r = await send(origin, request);
    const error = request.check?.(r.status, r.body);
    if (error) throw new Error(`${request.path}: ${error}`);
    times.push(r.ms);
    bytes += r.bytes;
  }
  const cpuPerRequest = pid ? (cpuMs(pid) - cpuBefore) / times.length : null;
  const pgCpu = pgWindow ? await pgWindow() : null;
  const statements = counter ? (await counter.read()) / times.length : null;
  times.sort((a, b) => a - b);
  return {
    runs: times.length,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    bytes: bytes / times.length,
    statements,
    cpuPerRequest,
    pgCpuPerRequest: pgCpu ? pgCpu.poolMs / times.length : null,
    pgClusterCpuPerRequest: pgCpu ? pgCpu.clusterMs / times.length : null,
  };
}

/**
 * autocannon against one request; errors = transport errors + timeouts + non-2xx + GraphQL errors.
 * pid: the server's process, whose CPU per request is reported; pgProbe + appName (pg-cpu.mjs): the
 * PostgreSQL CPU per request of the backends serving it and of the whole cluster.
 */
export async function throughput(origin, request, { connections = 8, duration = 5, timeout = 10, pid, pgProbe, appName } = {}) {
  let checkErrors = 0;
  const pgWindow = pgProbe && appName ? await pgProbe.start(appName) : null;
  const cpuBefore = pid ? cpuMs(pid) : null;
  let firstError = null;
  // What the API's response cache said (X-Cache), and the load generator's own CPU: if it were near a
  // whole core, the generator and not the server would set the pace.
  const cache = { HIT: 0, SHARED: 0, MISS: 0 };
  const generatorCpu = process.cpuUsage();
  const started = performance.now();
  const result = await autocannon({
    url: origin,
    connections,
    duration,
    timeout,
    pipelining: 1,
    requests: [
      {
        method: request.method,
        path: request.path,
        headers: request.headers,
        body: request.body,
        onResponse: (status, body, _context, headers) => {
          const answer = headers?.['x-cache'] ?? headers?.['X-Cache'];
          if (answer in cache) cache[answer] += 1;
          // autocannon counts non-2xx itself; GraphQL errors come with 200.
          if (status >= 200 && status < 300 && request.check) {
            const error = request.check(status, body ?? '');
            if (error) {
              checkErrors += 1;
              firstError ??= error;
            }
          }
        },
      },
    ],
  });
  const used = process.cpuUsage(generatorCpu);
  const generatorCpuPercent = ((used.user + used.system) / 1000 / (performance.now() - started)) * 100;
  // autocannon counts a timeout in `errors` too: transport errors are the rest.
  const errors = result.errors + result.non2xx + checkErrors;
  const cpuPerRequest = pid && result.requests.total ? (cpuMs(pid) - cpuBefore) / result.requests.total : null;
  const pgCpu = pgWindow ? await pgWindow() : null;
  const perRequest = (ms) => (result.requests.total ? ms / result.requests.total : null);
  return {
    cpuPerRequest,
    pgCpuPerRequest: pgCpu ? perRequest(pgCpu.poolMs) : null,
    pgClusterCpuPerRequest: pgCpu ? perRequest(pgCpu.clusterMs) : null,
    rps: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors,
    generatorCpuPercent,
    cache,
    detail: { transport: result.errors - result.timeouts, timeouts: result.timeouts, non2xx: result.non2xx, graphql: checkErrors, firstError },
  };
}
