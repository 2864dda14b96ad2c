import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config';
import { createRuntime, type Runtime } from '../../src/app/runtime';
import { type RunningServer, startServer } from '../../src/app/server';
import { createOrganizations } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let db: TestDatabase;
let runtime: Runtime;
let server: RunningServer;

beforeAll(async () => {
  db = await createTestDatabase();
  await createOrganizations(db.orm.em.fork(), [{ sq: 'Qendra Test', sites: [{ municipality: 'prishtine', lat: 42.66, lng: 21.16 }] }]);
  const config = loadConfig({ DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', MAP_TILE_URL: '', WEB_DIST: '/nonexistent-web-dist' });
  runtime = await createRuntime({ config, logger: pino({ level: process.env.DEBUG_LOG ? 'error' : 'silent' }) });
  server = await startServer(runtime);
});
afterAll(async () => {
  await server?.close();
  await runtime?.close();
  await db?.close();
});

const post = (body: unknown) =>
  fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('HTTP', () => {
  it('/healthz answers while the process lives', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('/readyz checks the database', async () => {
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready' });
  });

  it('POST /graphql answers queries', async () => {
    const res = await post({ query: '{ organizations(first: 5) { totalCount edges { node { name } } } regions { code } }' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.errors).toBeUndefined();
    expect(body.data.organizations.totalCount).toBe(1);
    expect(body.data.organizations.edges[0].node.name).toBe('Qendra Test');
    expect(body.data.regions).toHaveLength(7);
  });

  it('says what the registry holds and whether demo records are among them', async () => {
    await db.orm.em.fork().execute(`insert into organization (id, name_sq, is_demo) values (gen_random_uuid(), 'Demo', true)`);
    const body = await (await post({ query: '{ about { organizations demoOrganizations includesDemoData dataLicence { name url } } }' })).json();
    expect(body.data.about).toEqual({ organizations: 2, demoOrganizations: 1, includesDemoData: true, dataLicence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' } });
    await db.orm.em.fork().execute(`delete from organization where is_demo`);
  });

  it('bad input is a typed error without a stack trace', async () => {
    const body = await (await post({ query: '{ organizations(first: 500) { totalCount } }' })).json();
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].extensions.stacktrace).toBeUndefined();
    const malformed = await post({ query: '{ organizations(first: "x") { totalCount } }' });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('a browser opening /graphql gets a local GraphiQL that loads nothing from another origin', async () => {
    const res = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<div id="root">');
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(sources.length).toBeGreaterThanOrEqual(3);
    for (const source of sources) {
      expect(source.startsWith('/'), source).toBe(true);
      const asset = await fetch(`${server.url}${source}`);
      expect(asset.status, source).toBe(200);
    }
    const bundle = await (await fetch(`${server.url}/graphiql/graphiql.js`)).text();
    expect(bundle).toContain('renderYogaGraphiQL');
    expect(bundle).not.toMatch(/https:\/\/(unpkg\.com|cdn\.jsdelivr\.net)\//);
  });

  it('/config.json gives the map settings; empty MAP_TILE_URL turns tiles off', async () => {
    const res = await fetch(`${server.url}/config.json`);
    expect(await res.json()).toEqual({ tileUrl: '', tileAttribution: expect.any(String), demoData: false, boundaryAttribution: expect.stringContaining('geoBoundaries') });
  });

  it('compresses responses for clients that accept it', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' },
      body: JSON.stringify({ query: '{ municipalities { code name names { sq sr en } seat { lat lng } } }' }),
    });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect((await res.json()).data.municipalities).toHaveLength(38);
  });

  it('without a built web app, / still says where the API is', async () => {
    const res = await fetch(`${server.url}/`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('/graphql');
  });
});
