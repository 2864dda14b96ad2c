import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/core/config';
import { dropDatabase, ensureDatabase } from '../src/app/db/database';
import { createRuntime } from '../src/app/runtime';
import { freePort, type RestartableServer, restartableServer, spawnApi } from './support';

let pg: RestartableServer;
let url: string;
const running: ChildProcess[] = [];

beforeAll(async () => {
  pg = await restartableServer();
  url = pg.url(`civimap_ratelimit_${process.pid}`);
  await ensureDatabase(url);
  const runtime = await createRuntime({ config: loadConfig({ DATABASE_URL: url, DEMO_DATA: 'off' }), logger: pino({ level: 'silent' }) });
  await runtime.close();
});
afterAll(async () => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGTERM');
  await Promise.all(running.map((child) => (child.exitCode === null ? once(child, 'exit') : undefined)));
  await dropDatabase(url).catch(() => undefined);
  await pg?.dispose();
});

async function replica(env: Record<string, string>): Promise<string> {
  const port = await freePort();
  const child = spawnApi({ DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', DEMO_DATA: 'off', WEB_DIST: '/nonexistent', MIGRATE_ON_START: 'false', ...env });
  running.push(child);
  const base = `http://127.0.0.1:${port}`;
  // A startup wait, not a timing check: on a loaded 2-core machine two replicas can take well over 20 s.
  for (let i = 0; i < 450; i++) {
    if (await fetch(`${base}/readyz`).then((r) => r.ok).catch(() => false)) return base;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('replica did not become ready');
}

const ask = (base: string, key: string) =>
  fetch(`${base}/graphql`, {
    method: 'POST',
    // The same client, seen by both replicas behind one proxy.
    headers: { 'content-type': 'application/json', 'x-forwarded-for': key },
    body: JSON.stringify({ query: '{ regions { code } }' }),
  });

describe.each([
  ['PostgreSQL', {}],
  ['Redis', { REDIS_URL: 'redis://127.0.0.1:6379/2' }],
])('rate limits shared by two API replicas through %s', (_store, storeEnv) => {
  it('a client gets 8 requests a minute in total, whichever replica answers', async () => {
    // The test stands where the proxy would: its X-Forwarded-For names the client.
    const env = { RATE_LIMIT_PER_MINUTE: '8', TRUST_PROXY: 'loopback', ...storeEnv };
    const [a, b] = await Promise.all([replica(env), replica(env)]);
    // A fresh client address per store, so the two runs do not share counters.
    const client = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.7`;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await ask(a, client)).status, (await ask(b, client)).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(8);
    expect(statuses.slice(8)).toEqual([429, 429]);
    const refused = await ask(a, client);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).errors[0].extensions.code).toBe('RATE_LIMITED');
    // Another client still gets through.
    expect((await ask(b, `${client}1`)).status).toBe(200);
  });
});
