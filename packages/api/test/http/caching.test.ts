import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/accounts/auth';
import { loadConfig } from '../../src/core/config';
import { PUBLIC_MAX_AGE_SECONDS } from '../../src/app/graphql/http-cache';
import type { Runtime } from '../../src/app/runtime';
import { type RunningServer, startServer } from '../../src/app/server';
import { createAccount } from '../support/accounts';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { serveApp, stopApp } from '../support/served-app';

let db: TestDatabase;
let runtime: Runtime;
let server: RunningServer;
let token: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const config = loadConfig({ DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', WEB_DIST: '/nonexistent', NODE_ENV: 'production' });
  ({ runtime, server } = await serveApp(config));
  token = (await createAccount(runtime.orm.em.fork(), { email: 'cache-editor@example.org' })).token;
});
afterAll(async () => {
  await stopApp({ server, runtime });
  await db?.close();
});

const QUERY = '{ regions { code } }';
const PUBLIC = `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`;

/** GET /graphql; Apollo's CSRF prevention wants a non-simple header on GET, as every GraphQL client sends. */
function get(params: Record<string, unknown>, headers: Record<string, string> = {}) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) search.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  return fetch(`${server.url}/graphql?${search}`, { headers: { 'apollo-require-preflight': 'true', accept: 'application/json', ...headers } });
}

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('HTTP caching of GraphQL responses', () => {
  it('an anonymous GET query is public for 60 s, and varies on Cookie and Authorization', async () => {
    const res = await get({ query: QUERY });
    expect(res.status).toBe(200);
    expect((await res.json()).data.regions.length).toBeGreaterThan(0);
    expect(res.headers.get('cache-control')).toBe(PUBLIC);
    const vary = (res.headers.get('vary') ?? '').toLowerCase();
    expect(vary).toContain('cookie');
    expect(vary).toContain('authorization');
  });

  it('the same query by POST is no-store', async () => {
    const res = await post({ query: QUERY });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('a signed-in GET (session cookie or bearer token) is never cached, even for public data', async () => {
    const byCookie = await get({ query: QUERY }, { cookie: `${SESSION_COOKIE}=${token}` });
    expect(byCookie.status).toBe(200);
    expect(byCookie.headers.get('cache-control')).toBe('no-store');
    const byBearer = await get({ query: QUERY }, { authorization: `Bearer ${token}` });
    expect(byBearer.status).toBe(200);
    expect(byBearer.headers.get('cache-control')).toBe('no-store');
    const otherScheme = await get({ query: QUERY }, { authorization: 'Basic Zm9vOmJhcg==' });
    expect(otherScheme.headers.get('cache-control')).toBe('no-store');
  });

  it('a GET answered with errors is no-store', async () => {
    const invalid = await get({ query: '{ regions { noSuchField } }' });
    expect(invalid.headers.get('cache-control')).toBe('no-store');
    const badInput = await get({ query: 'query($id: ID!) { organization(id: $id) { id } }', variables: { id: 'not-a-uuid' } });
    expect((await badInput.json()).errors?.length).toBeGreaterThan(0);
    expect(badInput.headers.get('cache-control')).toBe('no-store');
  });

  it('mutations cannot be sent by GET', async () => {
    const res = await get({ query: 'mutation { signOut { userErrors { code } } }' });
    expect(res.status).toBe(405);
    expect(res.headers.get('cache-control')).not.toBe(PUBLIC);
  });

  it('automatic persisted queries: a GET by hash works once the query is registered, and is cacheable', async () => {
    const query = '{ municipalities { code } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };

    const unknown = await get({ extensions });
    const unknownBody = await unknown.json();
    expect(unknownBody.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(unknown.headers.get('cache-control')).toBe('no-store');

    const registered = await get({ query, extensions });
    expect((await registered.json()).data.municipalities.length).toBeGreaterThan(0);

    const byHash = await get({ extensions });
    const body = await byHash.json();
    expect(body.errors).toBeUndefined();
    expect(body.data.municipalities.length).toBeGreaterThan(0);
    expect(byHash.headers.get('cache-control')).toBe(PUBLIC);
  });
});

describe('rate limiting of persisted-query GETs', () => {
  it('a GET naming a query only by its hash is counted like any other query', async () => {
    const config = loadConfig({ DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', WEB_DIST: '/nonexistent', NODE_ENV: 'production', RATE_LIMIT_PER_MINUTE: '2' });
    const limited = await startServer({ ...runtime, config });
    try {
      const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: createHash('sha256').update('{ regions { code } }').digest('hex') } });
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await fetch(`${limited.url}/graphql?extensions=${encodeURIComponent(extensions)}`, {
          headers: { 'apollo-require-preflight': 'true', accept: 'application/json' },
        });
        statuses.push(res.status);
      }
      expect(statuses).toContain(429);
    } finally {
      await limited.close();
    }
  });
});
