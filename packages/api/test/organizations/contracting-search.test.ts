import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config';
import type { Runtime } from '../../src/app/runtime';
import type { RunningServer } from '../../src/app/server';
import { createTestApi, type TestApi } from '../support/api';
import { createOrganizations } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { D, FIXTURE } from './contractable-fixture';
import { serveApp, stopApp } from '../support/served-app';

/** The officer's ranked list (contractingSearch) and its CSV export, on the contractable rule's fixture. */
let db: TestDatabase;
let api: TestApi;
let runtime: Runtime;
let server: RunningServer;
const keyById = new Map<string, string>();
const idByKey = new Map<string, string>();

beforeAll(async () => {
  db = await createTestDatabase();
  api = await createTestApi(db);
  const created = await createOrganizations(db.orm.em.fork(), Object.values(FIXTURE));
  Object.keys(FIXTURE).forEach((key, i) => {
    keyById.set(created[i].id, key);
    idByKey.set(key, created[i].id);
  });
  // Capacities that reorder the contractable ones: the largest first.
  await db.orm.em.fork().execute(`update service set capacity_per_year = 200 where organization_id = ?`, [idByKey.get('licenceExactCategory')]);
  await db.orm.em.fork().execute(`update service set capacity_per_year = 50 where organization_id = ?`, [idByKey.get('servesByAreaOnly')]);
  const config = loadConfig({ DATABASE_URL: db.url, PORT: '0', HOST: '127.0.0.1', WEB_DIST: '/nonexistent', RATE_LIMIT_PER_MINUTE: '0' });
  ({ runtime, server } = await serveApp(config));
});
afterAll(async () => {
  await stopApp({ server, runtime });
  await db?.close();
});

const SEARCH = `query($m: ID, $near: NearInput, $first: Int, $after: String) {
  contractingSearch(category: "residential", municipality: $m, near: $near, on: "${D}", first: $first, after: $after) {
    totalCount contractableCount pageInfo { hasNextPage endCursor }
    edges { cursor distanceKm capacity node { id name } contractability { contractable failing } }
  } }`;

async function search(variables: Record<string, unknown>) {
  const result = await api.query(SEARCH, variables);
  expect(result.errors).toBeUndefined();
  return result.data.contractingSearch;
}

const keys = (edges: any[]) => edges.map((e) => keyById.get(e.node.id));

describe('contractingSearch', () => {
  it('lists every provider of the category in the municipality, contractable first, by capacity then name', async () => {
    const page = await search({ m: 'prishtine', first: 100 });
    const offered = await api.query(`{ organizations(first: 100, filter: { categories: ["residential"], municipalities: ["prishtine"] }) { totalCount edges { node { id } } } }`);
    const kept = await api.query(`{ organizations(first: 100, filter: { contractableFor: { category: "residential", municipality: "prishtine", on: "${D}" } }) { edges { node { id } } } }`);
    const contractableIds = new Set(kept.data.organizations.edges.map((e: any) => e.node.id));
    expect(page.totalCount).toBe(offered.data.organizations.totalCount);
    expect(new Set(page.edges.map((e: any) => e.node.id))).toEqual(new Set(offered.data.organizations.edges.map((e: any) => e.node.id)));
    expect(page.contractableCount).toBe(contractableIds.size);
    const verdicts = page.edges.map((e: any) => e.contractability.contractable);
    expect(verdicts).toEqual(page.edges.map((e: any) => contractableIds.has(e.node.id)));
    expect(verdicts).toEqual([...verdicts].sort((a, b) => Number(b) - Number(a)));
    expect(keys(page.edges).slice(0, 2)).toEqual(['licenceExactCategory', 'servesByAreaOnly']);
    expect(page.edges[0].capacity).toBe(200);
    const unranked = page.edges.slice(2, page.contractableCount).map((e: any) => e.node.name);
    expect(unranked).toEqual([...unranked].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
    // Not contractable, listed with the condition that fails.
    expect(page.edges.find((e: any) => keyById.get(e.node.id) === 'unverified').contractability.failing).toEqual(['VERIFIED']);
  });

  it('pages through the same order with cursors', async () => {
    const all = await search({ m: 'prishtine', first: 100 });
    const walked: any[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page = await search({ m: 'prishtine', first: 4, after });
      walked.push(...page.edges);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(keys(walked)).toEqual(keys(all.edges));
    const bad = await api.query(SEARCH, { m: 'prishtine', after: 'nonsense' });
    expect(bad.errors?.[0].message).toMatch(/not a valid cursor/);
  });

  it('near a point: contractable first, then the nearest', async () => {
    const page = await search({ near: { lat: 42.6625, lng: 21.166, radiusKm: 80 }, first: 100 });
    const contractable = page.edges.filter((e: any) => e.contractability.contractable);
    expect(contractable.length).toBe(page.contractableCount);
    for (const e of page.edges) expect(e.distanceKm).toBeGreaterThanOrEqual(0);
    const distances = contractable.map((e: any) => e.distanceKm);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(keys(page.edges)).toContain('areaExcludesMunicipality');
  });
});

describe('/export/contractable.csv', () => {
  const csv = async (query: string) => {
    const response = await fetch(`${server.url}/export/contractable.csv?${query}`);
    // Kept whole: fetch's text() would drop the byte-order mark.
    return { response, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer()) };
  };

  it('is the ranked list with the reason of each condition, in the order of the page', async () => {
    const { response, text } = await csv(`category=residential&municipality=prishtine&on=${D}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    // A plain RFC 4180 table: strict parsing, header first, CRLF.
    const rows = parse(text, { columns: true, bom: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    const page = await search({ m: 'prishtine', first: 100 });
    expect(rows.map((r) => r.organization_id)).toEqual(page.edges.map((e: any) => e.node.id));
    expect(rows.map((r) => r.rank)).toEqual(rows.map((_r, i) => String(i + 1)));
    const other = rows.find((r) => r.organization_id === idByKey.get('licenceForOtherCategory'))!;
    expect(other).toMatchObject({ contractable: 'false', failing: 'LICENCE', licence_holds: 'false', active_holds: 'true' });
    expect(other.licence_reason).toMatch(/covers none of/);
    expect(rows[0]).toMatchObject({ contractable: 'true', failing: '', capacity_per_year: '200' });
    expect(rows.find((r) => r.organization_id === idByKey.get('inactiveOrganization'))!.failing).toBe('ACTIVE');
    expect(JSON.parse(decodeURIComponent(response.headers.get('x-civimap-filter')!))).toEqual({ category: 'residential', municipality: 'prishtine', on: D, lang: 'sq' });
    const link = response.headers.get('link')!;
    expect(link).toContain('rel="license"');
    const described = /<([^>]+)>; rel="describedby"/.exec(link)![1]!;
    expect(described).toContain('/export/contractable.datapackage.json?');
    const pkg = await (await fetch(`${server.url}${new URL(described).pathname}${new URL(described).search}`)).json();
    const header = text.slice(1).split('\r\n')[0]!.split(',');
    expect(pkg.resources[0].schema.fields.map((f: any) => f.name)).toEqual(header);
    expect(pkg.resources[0].path).toContain('bom=0');
    expect(pkg.civimap.search).toEqual({ category: 'residential', municipality: 'prishtine', on: D, lang: 'sq' });
    expect((await fetch(`${server.url}/export/contractable.datapackage.json?municipality=prishtine`)).status).toBe(400);
  });

  it('refuses a search it cannot run with 400', async () => {
    expect((await csv('municipality=prishtine')).response.status).toBe(400);
    expect((await csv('category=residential')).response.status).toBe(400);
    expect((await csv('category=residential&municipality=prishtine&lat=42.6&lng=21.1&radiusKm=5')).response.status).toBe(400);
    expect((await csv('category=nope&municipality=prishtine')).response.status).toBe(400);
    const near = await csv(`category=residential&lat=42.6625&lng=21.166&radiusKm=1&on=${D}`);
    expect(near.response.status).toBe(200);
    expect(near.text).toMatch(/distance_km/);
  });
});
