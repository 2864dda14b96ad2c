import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/core/config';
import { dropDatabase, ensureDatabase } from '../src/app/db/database';
import type { Runtime } from '../src/app/runtime';
import type { RunningServer } from '../src/app/server';
import { type RestartableServer, restartableServer } from './support';
import { serveApp, stopApp } from '../test/support/served-app';

let pg: RestartableServer;
let runtime: Runtime;
let server: RunningServer;
let url: string;

beforeAll(async () => {
  pg = await restartableServer();
  url = pg.url(`civimap_fault_${process.pid}`);
  await ensureDatabase(url);
  const config = loadConfig({ DATABASE_URL: url, PORT: '0', HOST: '127.0.0.1', WEB_DIST: '/nonexistent', DB_POOL_MAX: '4' });
  ({ runtime, server } = await serveApp(config));
});
afterAll(async () => {
  await stopApp({ server, runtime });
  await pg?.start().catch(() => undefined);
  await dropDatabase(url).catch(() => undefined);
  await pg?.dispose();
});

const query = () =>
  fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ organizations(first: 3) { totalCount } }' }),
  });

describe('PostgreSQL restarts while the API runs', () => {
  it('requests during the outage fail cleanly; later ones succeed without restarting the API', async () => {
    const before = await query();
    expect(before.status).toBe(200);
    expect((await before.json()).data.organizations.totalCount).toBe(0);

    await pg.stop();
    for (let i = 0; i < 3; i++) {
      const during = await query();
      const body = await during.json();
      expect([200, 503]).toContain(during.status);
      expect(body.data ?? null).toBeNull();
      expect(body.errors[0].extensions.code).toMatch(/SERVICE_UNAVAILABLE|INTERNAL_SERVER_ERROR/);
      expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|at .*\.js:\d+/);
    }
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(503);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    await pg.start();
    let recovered = false;
    for (let i = 0; i < 20 && !recovered; i++) {
      const after = await query();
      recovered = after.status === 200 && !(await after.json()).errors;
      if (!recovered) await new Promise((r) => setTimeout(r, 250));
    }
    expect(recovered).toBe(true);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    // Every later request works, on fresh connections.
    for (let i = 0; i < 10; i++) expect((await query()).status).toBe(200);
  });
});
