// The load generator's contract: the connections are opened (and each answered) before the timed
// window, so the timed requests all reuse them; closed sockets and failures are counted, not hidden.
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { steadyLoad } from '../src/load.mjs';

const request = { method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json' }, body: '{"query":"{ a }"}', check: (status, body) => (body.includes('"errors":[') ? 'GraphQL errors' : null) };

let server;
afterEach(() => new Promise((resolve) => (server ? (server.closeAllConnections(), server.close(() => resolve())) : resolve())));

async function serve(handler, configure = () => {}) {
  const seen = { connections: 0, requests: 0 };
  server = http.createServer((req, res) => {
    seen.requests += 1;
    req.resume();
    req.on('end', () => handler(req, res, seen));
  });
  server.on('connection', () => (seen.connections += 1));
  configure(server);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, seen };
}

const answer = (status, body) => (req, res) => {
  res.writeHead(status, { 'content-type': 'application/json', 'x-cache': 'HIT' });
  res.end(body);
};

describe('steadyLoad', () => {
  it('opens every connection before timing and reuses them all during the run', async () => {
    const { origin, seen } = await serve(answer(200, '{"data":{"a":1}}'));
    const run = await steadyLoad(origin, request, { connections: 8, duration: 0.5 });
    expect(run.connect).toMatchObject({ failed: 0 });
    expect(seen.connections).toBe(8);
    expect(run.newConnections).toBe(0);
    expect(run.errors).toBe(0);
    expect(run.total).toBeGreaterThan(8);
    expect(run.cache.HIT).toBe(run.total);
    // The opening requests are not among the timed ones; those in flight at the end are dropped.
    expect(seen.requests).toBeGreaterThanOrEqual(run.total + 8);
  });

  it('keeps the warm-up answers out of the timed ones', async () => {
    const { origin, seen } = await serve(answer(200, '{"data":{"a":1}}'));
    const run = await steadyLoad(origin, request, { connections: 4, duration: 0.3, warmup: 0.3 });
    expect(run.warmup).toMatchObject({ seconds: 0.3, failed: 0 });
    expect(run.warmup.total).toBeGreaterThan(0);
    expect(seen.connections).toBe(4);
    expect(seen.requests).toBeGreaterThanOrEqual(run.total + run.warmup.total + 4);
  });

  it('counts the connections the server closes during the run', async () => {
    const { origin, seen } = await serve(answer(200, '{"data":{"a":1}}'), (s) => (s.maxRequestsPerSocket = 3));
    const run = await steadyLoad(origin, request, { connections: 4, duration: 0.5 });
    expect(run.errors).toBe(0);
    expect(run.newConnections).toBeGreaterThan(0);
    expect(seen.connections).toBeGreaterThan(4);
  });

  it('counts non-2xx answers and GraphQL errors as errors', async () => {
    const failing = await serve((req, res, seen) => answer(seen.requests % 2 ? 200 : 503, '{"data":{"a":1}}')(req, res));
    const run = await steadyLoad(failing.origin, request, { connections: 2, duration: 0.3 });
    expect(run.detail.non2xx).toBeGreaterThan(0);
    expect(run.errors).toBe(run.detail.non2xx);
    await new Promise((resolve) => (server.closeAllConnections(), server.close(resolve)));
    const erring = await serve(answer(200, '{"errors":[{"message":"no"}]}'));
    const second = await steadyLoad(erring.origin, request, { connections: 2, duration: 0.3 });
    expect(second.detail.graphql).toBe(second.total);
    expect(second.detail.firstError).toBe('GraphQL errors');
  });
});
