import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config';
import { prepareCsvImport } from '../../src/imports/csv-import';
import { CSV_COLUMNS } from '../../src/imports/csv-columns';
import { loadReferenceCatalog } from '../../src/reference/reference-catalog';
import type { Runtime } from '../../src/app/runtime';
import type { RunningServer } from '../../src/app/server';
import { createOrganizations } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { serveApp, stopApp } from '../support/served-app';

/**
 * Malformed and hostile input across the GraphQL API, the export filters, the HSDS parameters and the
 * CSV import. Each one gets a typed error (an error code, a clear message, no stack trace) or, for
 * hostile strings that are valid data, is handled as data; nothing is written; the API stays healthy.
 */
let db: TestDatabase;
let runtime: Runtime;
let server: RunningServer;

beforeAll(async () => {
  db = await createTestDatabase();
  await createOrganizations(db.orm.em.fork(), [
    {
      sq: 'Qendra Test',
      sites: [{ municipality: 'prishtine', lat: 42.66, lng: 21.16 }],
      services: [{ name: 'Strehim', categories: ['residential.shelter-domestic-violence'], area: ['prishtine'], atSites: [0] }],
      licences: [{ categories: ['residential'], from: '2020-01-01' }],
    },
  ]);
  const config = loadConfig({ DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', WEB_DIST: '/nonexistent' });
  ({ runtime, server } = await serveApp(config));
});
afterAll(async () => {
  await stopApp({ server, runtime });
  await db?.close();
});

const TABLES = ['organization', 'service', 'location', 'licence', 'contract', 'revision', 'app_user', 'municipality', 'service_category'];
async function tableCounts(): Promise<Record<string, number>> {
  const [row] = await db.orm.em.fork().execute(`select ${TABLES.map((t) => `(select count(*) from ${t})::int as ${t}`).join(', ')}`);
  return row;
}

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

const ORGS = `query($first: Int, $after: String, $filter: OrganizationFilter, $orderBy: OrganizationOrder) {
  organizations(first: $first, after: $after, filter: $filter, orderBy: $orderBy) { totalCount edges { node { id } } } }`;
const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** [label, variables for ORGS] that must each be refused with BAD_USER_INPUT. */
const BAD_ORGANIZATION_VARIABLES: [string, Record<string, unknown>][] = [
  ['first as a string', { first: 'x' }],
  ['first as a fraction', { first: 1.5 }],
  ['first as a boolean', { first: true }],
  ['first as a list', { first: [1] }],
  ['first beyond 32 bits', { first: 2 ** 31 }],
  ['first negative', { first: -1 }],
  ['first over 100', { first: 101 }],
  ['after as a number', { after: 123 }],
  ['after as an object', { after: {} }],
  ['after not base64 JSON', { after: '%%%' }],
  ['after with a bad id', { after: cursor(['NAME', null, 'x']) }],
  ['after huge', { after: 'A'.repeat(20_000) }],
  ['licensedFor.on a day that does not exist', { filter: { licensedFor: { category: 'residential', on: '2024-02-31' } } }],
  ['contractableFor.on a day that does not exist', { filter: { contractableFor: { category: 'residential', municipality: 'prishtine', on: '2023-02-29' } } }],
  ['after with NUL in its value', { after: cursor(['NAME', 'a\u0000b', '00000000-0000-4000-8000-000000000000']) }],
  ['after of another order', { after: cursor(['DISTANCE', '1', '00000000-0000-4000-8000-000000000000']) }],
  ['filter as a string', { filter: 'residential' }],
  ['filter as a number', { filter: 42 }],
  ['filter as a list', { filter: [] }],
  ['filter with an unknown field', { filter: { colour: 'red' } }],
  ['filter nested 60 levels deep', { filter: nested(60) }],
  ['text as a number', { filter: { text: 123 } }],
  ['text as a list', { filter: { text: ['a'] } }],
  ['text over 200 characters', { filter: { text: 'x'.repeat(201) } }],
  ['text of a megabyte', { filter: { text: 'x'.repeat(900_000) } }],
  ['text with NUL', { filter: { text: 'a\u0000b' } }],
  ['text with a bell', { filter: { text: 'abc\u0007' } }],
  ['text with a lone surrogate', { filter: { text: 'ab\ud800cd' } }],
  ['categories with a number', { filter: { categories: [123] } }],
  ['categories with NUL', { filter: { categories: ['residential\u0000'] } }],
  ['categories with null', { filter: { categories: [null] } }],
  ['categories with a 10,000-character code', { filter: { categories: ['x'.repeat(10_000)] } }],
  ['categories with SQL', { filter: { categories: ["'; drop table organization; --"] } }],
  ['targetGroups with HTML', { filter: { targetGroups: ['<script>alert(1)</script>'] } }],
  ['regions with a path', { filter: { regions: ['../../etc/passwd'] } }],
  ['municipalities empty code', { filter: { municipalities: [''] } }],
  ['near lat as a string', { filter: { near: { lat: '42', lng: 21, radiusKm: 5 } } }],
  ['near without radius', { filter: { near: { lat: 42, lng: 21 } } }],
  ['near lat just over 90', { filter: { near: { lat: 90.0001, lng: 21, radiusKm: 5 } } }],
  ['near lat under -90', { filter: { near: { lat: -91, lng: 21, radiusKm: 5 } } }],
  ['near lng over 180', { filter: { near: { lat: 42, lng: 180.5, radiusKm: 5 } } }],
  ['near radius 0', { filter: { near: { lat: 42, lng: 21, radiusKm: 0 } } }],
  ['near radius negative', { filter: { near: { lat: 42, lng: 21, radiusKm: -1 } } }],
  ['near radius 1e308', { filter: { near: { lat: 42, lng: 21, radiusKm: 1e308 } } }],
  ['near radius 501', { filter: { near: { lat: 42, lng: 21, radiusKm: 501 } } }],
  ['near lat Infinity (null in JSON)', { filter: { near: { lat: Number.POSITIVE_INFINITY, lng: 21, radiusKm: 5 } } }],
  ['near with an unknown field', { filter: { near: { lat: 42, lng: 21, radiusKm: 5, foo: 1 } } }],
  ['bbox minLat over maxLat', { filter: { bbox: { minLat: 43, minLng: 20, maxLat: 42, maxLng: 21 } } }],
  ['bbox minLng over maxLng', { filter: { bbox: { minLat: 42, minLng: 22, maxLat: 43, maxLng: 21 } } }],
  ['bbox latitude 100', { filter: { bbox: { minLat: 42, minLng: 20, maxLat: 100, maxLng: 21 } } }],
  ['bbox missing a corner', { filter: { bbox: { minLat: 42, minLng: 20, maxLat: 43 } } }],
  ['bbox as strings', { filter: { bbox: { minLat: 'a', minLng: 'b', maxLat: 'c', maxLng: 'd' } } }],
  ['licensedFor without category', { filter: { licensedFor: {} } }],
  ['licensedFor 30 February', { filter: { licensedFor: { category: 'residential', on: '2025-02-30' } } }],
  ['licensedFor on "yesterday"', { filter: { licensedFor: { category: 'residential', on: 'yesterday' } } }],
  ['licensedFor unpadded date', { filter: { licensedFor: { category: 'residential', on: '2025-1-1' } } }],
  ['licensedFor date as a number', { filter: { licensedFor: { category: 'residential', on: 20250101 } } }],
  ['licensedFor unknown category', { filter: { licensedFor: { category: 'astrology' } } }],
  ['contractableFor without municipality', { filter: { contractableFor: { category: 'residential' } } }],
  ['contractableFor unknown municipality', { filter: { contractableFor: { category: 'residential', municipality: 'gotham' } } }],
  ['contractableFor year 99999', { filter: { contractableFor: { category: 'residential', municipality: 'prishtine', on: '99999-01-01' } } }],
  ['verified as "yes"', { filter: { verified: 'yes' } }],
  ['verified as 1', { filter: { verified: 1 } }],
  ['status misspelt', { filter: { status: ['ACTIV'] } }],
  ['status as a number', { filter: { status: [1] } }],
  ['includeDemo as "false"', { filter: { includeDemo: 'false' } }],
  ['orderBy unknown', { orderBy: 'RANDOM' }],
  ['orderBy DISTANCE without near', { orderBy: 'DISTANCE' }],
];

/** [label, query, variables] for other operations, refused with BAD_USER_INPUT or a validation error. */
const BAD_OPERATIONS: [string, string, Record<string, unknown>?][] = [
  ['organization id not a UUID', '{ organization(id: "42") { id } }'],
  ['organization id with SQL', `query($id: ID!) { organization(id: $id) { id } }`, { id: "' OR 1=1 --" }],
  ['node id with HTML', `query($id: ID!) { node(id: $id) { id } }`, { id: '<img src=x onerror=alert(1)>' }],
  ['node id almost a UUID', '{ node(id: "00000000-0000-0000-0000-00000000000g") { id } }'],
  ['municipalities of an unknown region', '{ municipalities(region: "nowhere") { code } }'],
  ['mapPoints limit negative', '{ mapPoints(limit: -1) { locationId } }'],
  ['licence validOn a day that does not exist', '{ organizations { edges { node { licences { validOn(date: "2024-02-31") } } } } }'],
  ['mapPoints limit a million', '{ mapPoints(limit: 1000000) { locationId } }'],
  ['mapPoints unknown language', '{ mapPoints(lang: DE) { locationId } }'],
  ['coverage unknown category', '{ coverage(filter: { categories: ["nope"] }) { generatedAt } }'],
  ['coverage unknown region', '{ coverage(filter: { regions: ["nope"] }) { generatedAt } }'],
  ['coverage unknown target group', '{ coverage(filter: { targetGroups: ["nope"] }) { generatedAt } }'],
  ['contracts unknown authority', '{ contracts(filter: { authorities: ["nope"] }) { totalCount } }'],
  ['contracts year 3000', '{ contracts(filter: { years: [3000] }) { totalCount } }'],
  ['contracts provider not a UUID', '{ contracts(filter: { providers: ["x"] }) { totalCount } }'],
  ['contract totals by an unknown dimension', '{ contractTotals(by: COLOUR) { key } }'],
  ['a field that does not exist', '{ nope }'],
  ['a syntax error', '{ organizations('],
  ['a fragment cycle', 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }'],
];

async function graphql(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

function expectNoInternals(body: unknown) {
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/INTERNAL_SERVER_ERROR/);
  expect(text).not.toMatch(/\bat [\w.<>]+ \(.*:\d+:\d+\)/);
  expect(text).not.toMatch(/stacktrace/);
}

const CLIENT_ERROR_CODES = ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST'];
let tried = 0;

describe('bad input suite', () => {
  let before: Record<string, number>;
  beforeAll(async () => {
    before = await tableCounts();
  });

  it.each(BAD_ORGANIZATION_VARIABLES)('organizations: %s', async (_label, variables) => {
    tried++;
    const res = await graphql({ query: ORGS, variables });
    expect(res.status).toBeLessThan(500);
    const body = await res.json();
    expect(body.data?.organizations ?? null).toBeNull();
    expect(body.errors.length).toBeGreaterThan(0);
    expect(CLIENT_ERROR_CODES).toContain(body.errors[0].extensions.code);
    expect(body.errors[0].message.length).toBeGreaterThan(5);
    expectNoInternals(body);
  });

  it.each(BAD_OPERATIONS)('operation: %s', async (_label, query, variables) => {
    tried++;
    const res = await graphql({ query, variables });
    expect(res.status).toBeLessThan(500);
    const body = await res.json();
    expect(body.errors.length).toBeGreaterThan(0);
    expect(CLIENT_ERROR_CODES).toContain(body.errors[0].extensions.code);
    expectNoInternals(body);
  });

  it.each([
    ['a body that is not JSON', () => graphql('{'), 400],
    ['JSON without a query', () => graphql({}), 400],
    ['a query that is not a string', () => graphql({ query: 42 }), 400],
    ['variables that are not an object', () => graphql({ query: ORGS, variables: 'x' }), 400],
    ['an operation name that is not in the document', () => graphql({ query: ORGS, operationName: 'Other' }), 400],
    ['a batch of operations', () => graphql([{ query: '{ regions { code } }' }, { query: '{ regions { code } }' }]), 400],
    ['a body over 1 MB', () => graphql({ query: ORGS, variables: { filter: { text: 'x'.repeat(1_100_000) } } }), 413],
    ['a simple (CSRF-able) text/plain POST', () => fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ regions { code } }"}' }), 400],
  ] as [string, () => Promise<Response>, number][])('protocol: %s', async (_label, send, status) => {
    tried++;
    const res = await send();
    expect(res.status).toBe(status);
    expectNoInternals(await res.text());
  });

  it.each([
    ['not JSON', '{not json'],
    ['a list', '[1,2]'],
    ['an unknown field', JSON.stringify({ colour: 'red' })],
    ['categories as a string', JSON.stringify({ categories: 'residential' })],
    ['near with strings', JSON.stringify({ near: { lat: 'a', lng: 'b', radiusKm: 'c' } })],
    ['an unknown status', JSON.stringify({ status: ['GONE'] })],
    ['10,001 characters', JSON.stringify({ text: 'x'.repeat(10_000) })],
    ['nested 60 levels', JSON.stringify(nested(60))],
    ['text with NUL', JSON.stringify({ text: 'a\u0000b' })],
    ['an unknown municipality', JSON.stringify({ municipalities: ['gotham'] })],
  ])('export filter: %s', async (_label, filter) => {
    tried++;
    for (const path of ['/export/organizations.csv', '/export/locations.geojson']) {
      const res = await fetch(`${server.url}${path}?filter=${encodeURIComponent(filter)}`);
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.error.length).toBeGreaterThan(5);
      expectNoInternals(body);
    }
  });

  it.each([
    ['per_page of 100,000', 'per_page=100000'],
    ['a negative page', 'page=-1'],
    ['a page that is not a number', 'page=abc'],
    ['modified_after that is not a date', 'modified_after=yesterday'],
    ['a taxonomy term that is not an id', 'taxonomy_term_id=%27%20OR%201%3D1'],
  ])('HSDS parameters: %s', async (_label, query) => {
    tried++;
    const res = await fetch(`${server.url}/hsds/services?${query}`);
    expect(res.status).toBe(400);
    expectNoInternals(await res.text());
  });

  const HEADER = CSV_COLUMNS.map((c) => c.name).join(',');
  it.each([
    ['binary garbage', Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256)).toString('latin1'), ['MALFORMED_CSV', 'MISSING_COLUMN', 'UNKNOWN_COLUMN', 'CONTROL_CHARACTER']],
    ['only a byte-order mark', '\uFEFF', ['EMPTY_FILE']],
    ['an unclosed quote', `${HEADER}\n"Qendra,prishtine\n`, ['MALFORMED_CSV']],
    ['more rows than allowed', `${HEADER}\n${'A,,,,,,,,,,,,,,,,prishtine\n'.repeat(50_001)}`, ['TOO_MANY_ROWS']],
    ['a duplicated header', `name_sq,municipality,name_sq\nA,prishtine,B\n`, ['DUPLICATE_COLUMN']],
    ['a name of 10,000 characters', `name_sq,municipality\n${'x'.repeat(10_000)},prishtine\n`, ['TOO_LONG']],
    ['NaN coordinates', `name_sq,municipality,lat,lng\nA,prishtine,NaN,NaN\n`, ['NOT_A_NUMBER']],
    ['Infinity coordinates', `name_sq,municipality,lat,lng\nA,prishtine,Infinity,21\n`, ['NOT_A_NUMBER', 'OUTSIDE_KOSOVO']],
    ['coordinates in scientific notation far away', `name_sq,municipality,lat,lng\nA,prishtine,1e3,21\n`, ['OUTSIDE_KOSOVO']],
    ['the zero date', `name_sq,municipality,registration_date\nA,prishtine,0000-00-00\n`, ['INVALID_DATE']],
    ['SQL in a code column', `name_sq,municipality,service_name_sq,service_categories\nA,prishtine,S,'; drop table organization; --\n`, ['UNKNOWN_CODE']],
    ['a data: URL', `name_sq,municipality,website\nA,prishtine,data:text/html;base64,PHNjcmlwdD4=\n`, ['UNSAFE_URL']],
    ['a NUL inside a value', `name_sq,municipality\nA\u0000B,prishtine\n`, ['CONTROL_CHARACTER']],
  ])('CSV import: %s', async (_label, text, codes) => {
    tried++;
    const em = db.orm.em.fork();
    const { report, rows } = await prepareCsvImport(em, await loadReferenceCatalog(em), text);
    const found = [...report.fileErrors, ...report.rows.flatMap((r) => r.errors)].map((e) => e.code);
    expect(found.some((code) => codes.includes(code)), `codes ${found.join(', ')}`).toBe(true);
    expect(rows).toHaveLength(0);
  });

  it.each([
    ["'; drop table organization; --"],
    ['<script>alert(1)</script>'],
    ['%_\\'],
    ['\u202Eevil'],
    ['😀👩🏽‍⚕️'],
    ['ǅemal Ŧest ß'],
  ])('hostile but valid text %j is searched as data', async (text) => {
    tried++;
    const res = await graphql({ query: ORGS, variables: { filter: { text } } });
    const body = await res.json();
    expect(body.errors).toBeUndefined();
    expect(body.data.organizations.totalCount).toBe(0);
  });

  it('wrote nothing, and the API is healthy afterwards', async () => {
    expect(tried).toBeGreaterThanOrEqual(100);
    expect(await tableCounts()).toEqual(before);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const ok = await (await graphql({ query: ORGS, variables: { first: 5 } })).json();
    expect(ok.data.organizations.totalCount).toBe(1);
  });
});
