import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config';
import { createRuntime, type Runtime } from '../../src/app/runtime';
import { type RunningServer, startServer } from '../../src/app/server';
import { UserRole } from '../../src/users/user.enums';
import { createAccount, type TestAccount } from '../support/accounts';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let db: TestDatabase;
const started: { runtime: Runtime; server: RunningServer }[] = [];
let moderator: TestAccount;
// The built web app, in a folder under a dot-folder (as in ~/.local/src/civimap).
const dotFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'civimap-dot-'));
const webDist = path.join(dotFolder, '.local', 'src', 'civimap', 'dist');

async function start(env: Record<string, string>): Promise<RunningServer> {
  const config = loadConfig({ DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', MAP_TILE_URL: '', WEB_DIST: '/nonexistent', DEMO_DATA: 'off', ...env });
  const runtime = await createRuntime({ config, logger: pino({ level: 'silent' }) });
  const server = await startServer(runtime);
  started.push({ runtime, server });
  return server;
}

let limited: RunningServer;
let open: RunningServer;
let behindProxy: RunningServer;

beforeAll(async () => {
  db = await createTestDatabase();
  moderator = await createAccount(db.orm.em, { email: 'mod@example.org', role: UserRole.MODERATOR });
  fs.mkdirSync(path.join(webDist, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>civimap</title><div id="root"></div>');
  fs.writeFileSync(path.join(webDist, 'assets', 'app.js'), 'console.log(1)');
  limited = await start({ RATE_LIMIT_PER_MINUTE: '3', RATE_LIMIT_SIGNED_IN_PER_MINUTE: '100' });
  open = await start({ RATE_LIMIT_PER_MINUTE: '0', METRICS_PORT: '0', HTTP_REQUEST_TIMEOUT_MS: '1500', HTTP_HEADERS_TIMEOUT_MS: '1000', WEB_DIST: webDist });
  behindProxy = await start({ RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: '1' });
});
afterAll(async () => {
  for (const { runtime, server } of started) {
    await server.close();
    await runtime.close();
  }
  await db?.close();
  fs.rmSync(dotFolder, { recursive: true, force: true });
});

const ask = (server: RunningServer, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ regions { code } }' }) });
const statuses = async (server: RunningServer, headers: () => Record<string, string>, n: number) => {
  const seen: number[] = [];
  for (let i = 0; i < n; i++) seen.push((await ask(server, headers())).status);
  return seen;
};

describe('rate limits cannot be escaped', () => {
  it('a made-up bearer token gets the anonymous allowance, a real session the signed-in one', async () => {
    expect(await statuses(limited, () => ({ authorization: `Bearer made-up-${Math.random()}` }), 5)).toEqual([200, 200, 200, 429, 429]);
    const account = await createAccount(db.orm.em, { email: 'someone@example.org' });
    // The same address, its anonymous budget spent: the real session still has its own.
    expect(await statuses(limited, () => ({ authorization: `Bearer ${account.token}` }), 5)).toEqual([200, 200, 200, 200, 200]);
  });

  it('by default X-Forwarded-For is ignored: a client cannot name a fresh address per request', async () => {
    let n = 0;
    const seen = await statuses(limited, () => ({ 'x-forwarded-for': `203.0.113.${++n}` }), 2);
    // The address budget was spent by the made-up tokens above: spoofed addresses do not help.
    expect(seen).toEqual([429, 429]);
  });

  it('TRUST_PROXY=1 trusts exactly one hop: only the address the proxy saw counts', async () => {
    let n = 0;
    // The client prepends whatever it likes; the proxy appends the address it saw (198.51.100.7).
    const seen = await statuses(behindProxy, () => ({ 'x-forwarded-for': `203.0.113.${++n}, 198.51.100.7` }), 4);
    expect(seen).toEqual([200, 200, 200, 429]);
    expect((await ask(behindProxy, { 'x-forwarded-for': '198.51.100.8' })).status).toBe(200);
  });

  it('refuses TRUST_PROXY=true, which would trust any client', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
  });
});

describe('/metrics', () => {
  it('is not served by the public app, only by the metrics listener', async () => {
    expect((await fetch(`${limited.url}/metrics`)).status).toBe(404);
    // The web app's fallback may answer the path, never with metrics.
    expect(await (await fetch(`${open.url}/metrics`)).text()).not.toMatch(/civimap_/);
    expect(open.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(new URL(open.metricsUrl!).port).not.toBe(String(open.port));
    await fetch(`${open.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'query FindRegions { regions { code } }' }) });
    const text = await (await fetch(open.metricsUrl!)).text();
    expect(text).toMatch(/civimap_graphql_operation_duration_seconds_count\{operation="FindRegions",type="query",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/civimap_http_request_duration_seconds_count\{method="POST",route="\/graphql",status="200"\} [1-9]/);
    expect(text).toMatch(/civimap_db_pool_used \d+/);
    expect(limited.metricsUrl).toBeNull();
  });
});

describe('errors on every HTTP route are typed JSON', () => {
  it('a NUL byte in a CSV cell is refused with its line, not an SQL error', async () => {
    const body = 'name_sq,municipality\nQendra\u0000 X,prishtine\n';
    const res = await fetch(`${open.url}/import/csv`, { method: 'POST', body, headers: { authorization: `Bearer ${moderator.token}`, 'content-type': 'text/csv' } });
    expect(res.status).toBe(400);
    const answer = await res.json();
    expect(answer.code).toBe('INVALID_FILE');
    expect(answer.error).toMatch(/line 2/);
    expect(JSON.stringify(answer)).not.toMatch(/insert|select|0x00|stack/i);
  });

  it('an oversized upload is a JSON 413, not an HTML stack page', async () => {
    const res = await fetch(`${open.url}/import/csv`, { method: 'POST', body: 'x'.repeat(21 * 1024 * 1024), headers: { authorization: `Bearer ${moderator.token}`, 'content-type': 'text/csv' } });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const answer = await res.text();
    expect(JSON.parse(answer).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(answer).not.toMatch(/<html|at \w+ \(|node_modules/i);
  });

  it('malformed JSON and unknown API paths get JSON too', async () => {
    const bad = await fetch(`${open.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
    const unknown = await fetch(`${open.url}/nothing-here`, { method: 'POST' });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).errors[0].extensions.code).toBe('NOT_FOUND');
  });
});

describe('slow clients', () => {
  it('a body that trickles in is cut off after HTTP_REQUEST_TIMEOUT_MS, not held for minutes', async () => {
    const { port } = new URL(open.url);
    const socket = net.connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query":');
    const answer = await new Promise<string>((resolve) => {
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.once('close', () => resolve(text || 'closed'));
      // Well past the 1.5 s limit, far below Node's default of 300 s.
      setTimeout(() => resolve('still open'), 8000).unref();
    });
    socket.destroy();
    expect(answer).not.toBe('still open');
  });
});

describe('the web app', () => {
  it('is served from a folder under a dot-folder: / and client-side routes', async () => {
    const index = await fetch(`${open.url}/`, { headers: { accept: 'text/html' } });
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<div id="root">');
    const route = await fetch(`${open.url}/organizations/some-id`, { headers: { accept: 'text/html' } });
    expect(route.status).toBe(200);
    expect((await fetch(`${open.url}/assets/app.js`)).status).toBe(200);
  });
});
