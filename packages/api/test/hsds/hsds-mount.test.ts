import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config';
import type { Runtime } from '../../src/app/runtime';
import type { RunningServer } from '../../src/app/server';
import { createOrganizations } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { serveApp, stopApp } from '../support/served-app';

/** The HSDS API inside the real server, before the web app's fallback. */
let db: TestDatabase;
let runtime: Runtime;
let server: RunningServer;

beforeAll(async () => {
  db = await createTestDatabase();
  await createOrganizations(db.orm.em.fork(), [{ sq: 'Qendra Test', sites: [{ municipality: 'prishtine', lat: 42.66, lng: 21.16 }] }]);
  const config = loadConfig({ DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', MAP_TILE_URL: '', WEB_DIST: '/nonexistent-web-dist', DEMO_DATA: 'off' });
  ({ runtime, server } = await serveApp(config));
});
afterAll(async () => {
  await stopApp({ server, runtime });
  await db?.close();
});

describe('/hsds in the server', () => {
  it('answers JSON, also to a browser asking for HTML, and 404s as JSON under /hsds', async () => {
    const root = await fetch(`${server.url}/hsds/`, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(root.status).toBe(200);
    expect(root.headers.get('content-type')).toContain('application/json');
    expect((await root.json()).demo_data).toBe(false);
    const list = await (await fetch(`${server.url}/hsds/organizations`)).json();
    expect(list.contents.map((o: any) => o.name)).toEqual(['Qendra Test']);
    const missing = await fetch(`${server.url}/hsds/no-such-thing`, { headers: { accept: 'text/html' } });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('NOT_FOUND');
  });
});
