import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config';
import { LIMITS } from '../../src/app/graphql/limits';
import type { Runtime } from '../../src/app/runtime';
import type { RunningServer } from '../../src/app/server';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { serveApp, stopApp } from '../support/served-app';

let db: TestDatabase;
let runtime: Runtime;
let server: RunningServer;

beforeAll(async () => {
  db = await createTestDatabase();
  const config = loadConfig({
    DATABASE_URL: db.url,
    PORT: '0',
    HOST: '127.0.0.1',
    WEB_DIST: '/nonexistent',
    NODE_ENV: 'production',
    CORS_ORIGINS: 'https://research.example.org',
    MAP_TILE_URL: 'https://tiles.example.org/{z}/{x}/{y}.png',
    METRICS_PORT: '0',
  });
  ({ runtime, server } = await serveApp(config));
});
afterAll(async () => {
  await stopApp({ server, runtime });
  await db?.close();
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

function deepQuery(depth: number): string {
  // organization → services → organization → services … alternates object levels.
  let inner = 'id';
  for (let i = 0; i < depth; i++) inner = i % 2 === 0 ? `services { organization { ${inner} } }` : `locations { organization { ${inner} } }`;
  return `{ organizations(first: 1) { edges { node { ${inner} } } } }`;
}

describe('GraphQL limits', () => {
  it(`refuses queries deeper than ${LIMITS.maxDepth}`, async () => {
    const body = await (await post({ query: deepQuery(6) })).json();
    expect(body.errors[0].message).toMatch(/depth/i);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const shallow = await (await post({ query: deepQuery(2) })).json();
    expect(shallow.errors).toBeUndefined();
  });

  it(`refuses more than ${LIMITS.maxAliases} aliases`, async () => {
    const aliases = Array.from({ length: LIMITS.maxAliases + 1 }, (_, i) => `a${i}: regions { code }`).join(' ');
    const body = await (await post({ query: `{ ${aliases} }` })).json();
    expect(body.errors[0].message).toMatch(/alias/i);
    const fine = await (await post({ query: `{ a: regions { code } b: regions { code } }` })).json();
    expect(fine.errors).toBeUndefined();
  });

  it('reports the cost of every query and refuses one over the limit', async () => {
    const cheap = await (await post({ query: '{ regions { code } }' })).json();
    expect(cheap.extensions.cost).toEqual({ requested: expect.any(Number), maximum: LIMITS.maxCost });
    expect(cheap.extensions.cost.requested).toBeGreaterThan(1);
    const page = await (await post({ query: '{ organizations(first: 100) { edges { node { services { categories { code } targetGroups { code } } locations { municipality { code } } } } } }' })).json();
    expect(page.errors, JSON.stringify(page.errors)).toBeUndefined();
    expect(page.extensions.cost.requested).toBeLessThanOrEqual(LIMITS.maxCost);
    const heavy = '{ ' + Array.from({ length: 6 }, (_, i) => `p${i}: organizations(first: 100) { edges { node { services { categories { code children { code } } serviceArea { code } } } } }`).join(' ') + ' }';
    const refused = await (await post({ query: heavy })).json();
    expect(refused.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(refused.errors[0].extensions.cost.requested).toBeGreaterThan(LIMITS.maxCost);
  });

  it('keeps introspection on (the API is public)', async () => {
    const body = await (await post({ query: '{ __schema { queryType { name } types { name fields { name type { name ofType { name ofType { name ofType { name } } } } } } } }' })).json();
    expect(body.errors).toBeUndefined();
    expect(body.data.__schema.queryType.name).toBe('Query');
  });

  it(`refuses documents of more than ${LIMITS.maxTokens} tokens while parsing`, async () => {
    const body = await (await post({ query: `{ ${Array.from({ length: LIMITS.maxTokens }, () => '__typename').join(' ')} }` })).json();
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(body.errors[0].message).toMatch(/token/i);
  });

  it('refuses batched requests', async () => {
    const res = await post([{ query: '{ regions { code } }' }]);
    expect(res.status).toBe(400);
  });
});

describe('headers', () => {
  it('sends a Content Security Policy without unsafe-inline scripts, frame-ancestors none, HSTS in production, a request id', async () => {
    const res = await fetch(`${server.url}/healthz`);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/unsafe-inline/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(csp).toMatch(/img-src 'self' data: https:\/\/tiles\.example\.org/);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'abc-123' } });
    expect(echoed.headers.get('x-request-id')).toBe('abc-123');
  });

  it('lets only the GraphiQL page use inline styles', async () => {
    const page = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-security-policy')).toMatch(/style-src 'self' 'unsafe-inline'/);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
  });

  it('answers CORS only for the allow-listed origins', async () => {
    const allowed = await fetch(`${server.url}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://research.example.org', 'access-control-request-method': 'POST' } });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://research.example.org');
    const other = await post({ query: '{ regions { code } }' }, { origin: 'https://evil.example.com' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('/metrics', () => {
  it('exposes request durations by GraphQL operation and the database pool in Prometheus text', async () => {
    await post({ query: 'query FindRegions { regions { code } }', operationName: 'FindRegions' });
    const text = await (await fetch(server.metricsUrl!)).text();
    expect(text.split('\n').filter((l) => l.includes('route=')).join('\n')).toMatch(/graphql/);
    expect(text).toMatch(/civimap_graphql_operation_duration_seconds_count\{operation="FindRegions",type="query",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/civimap_http_request_duration_seconds_count\{method="POST",route="\/graphql",status="200"\} [1-9]/);
    expect(text).toMatch(/civimap_db_pool_used \d+/);
    expect(text).toMatch(/civimap_process_resident_memory_bytes/);
  });
});
