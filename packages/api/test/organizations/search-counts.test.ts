import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boxWithin, haversineKm } from '../../src/geography/geo';
import { createTestApi, type TestApi } from '../support/api';
import { createOrganizations, type OrganizationSpec } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { D, FIXTURE } from './contractable-fixture';

// near tests the distance only outside the box inscribed in its circle (geo.ts withinRadiusSql), and
// contractableFor in a municipality counts its matches in the page's statement: both must count
// exactly what a brute-force reading of the same data gives.
let db: TestDatabase;
let api: TestApi;
const CENTRE = { lat: 42.6629, lng: 21.1655 };
const RADIUS = 10;
const KM_PER_DEGREE = (Math.PI * 6371.0088) / 180;

/** The point at `km` from the centre in direction `degrees` (flat approximation: exact distances are measured after). */
function offset(km: number, degrees: number) {
  const a = (degrees * Math.PI) / 180;
  return { lat: CENTRE.lat + (km * Math.cos(a)) / KM_PER_DEGREE, lng: CENTRE.lng + (km * Math.sin(a)) / (KM_PER_DEGREE * Math.cos((CENTRE.lat * Math.PI) / 180)) };
}

const inner = boxWithin(CENTRE.lat, CENTRE.lng, RADIUS)!;
const POINTS = [
  // Around the circle, a hair inside and a hair outside (1 cm and 1 m), in 24 directions.
  ...Array.from({ length: 24 }, (_, i) => [offset(RADIUS - 1e-5, i * 15 + 1), offset(RADIUS + 1e-3, i * 15 + 8)]).flat(),
  // The inscribed box's corners and just beyond them.
  { lat: inner.minLat, lng: inner.minLng },
  { lat: inner.maxLat, lng: inner.maxLng },
  { lat: inner.maxLat, lng: inner.minLng },
  { lat: inner.minLat - 1e-4, lng: inner.maxLng + 1e-4 },
  { lat: inner.maxLat + 1e-3, lng: CENTRE.lng },
  CENTRE,
];
const SPECS: OrganizationSpec[] = POINTS.map((point, i) => ({
  sq: `Pika ${String(i).padStart(2, '0')}`,
  // Every fifth organization has a second site far away, so that the count must still take it once.
  sites: [{ municipality: 'prishtine', ...point }, ...(i % 5 === 0 ? [{ municipality: 'prishtine', ...offset(RADIUS * 0.3, i * 7) }] : [])],
}));
const contractableKeys = Object.keys(FIXTURE);
// The contractable fixture's sites are in central Prishtina too: the near sets include them.
const EVERY_SPEC = [...SPECS, ...Object.values(FIXTURE)];

beforeAll(async () => {
  db = await createTestDatabase();
  api = await createTestApi(db);
  await createOrganizations(db.orm.em.fork(), EVERY_SPEC);
  await api.reference.get();
});
afterAll(() => db?.close());

const LIST = /* GraphQL */ `
  query List($filter: OrganizationFilter, $first: Int, $after: String, $orderBy: OrganizationOrder) {
    organizations(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      edges { node { name } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

/** Every page of a list, `first` at a time: the names in order, and each page's totalCount. */
async function walk(filter: unknown, first: number, orderBy?: string) {
  const names: string[] = [];
  const totals: number[] = [];
  let after: string | null = null;
  for (;;) {
    const result: any = await api.query(LIST, { filter, first, after, orderBy });
    expect(result.errors).toBeUndefined();
    names.push(...result.data.organizations.edges.map((e: any) => e.node.name));
    totals.push(result.data.organizations.totalCount);
    if (!result.data.organizations.pageInfo.hasNextPage) return { names, totals };
    after = result.data.organizations.pageInfo.endCursor;
  }
}

describe('near counts exactly at the edge of its circle', () => {
  const expected = EVERY_SPEC.filter((spec) => spec.sites!.some((s) => haversineKm(CENTRE.lat, CENTRE.lng, s.lat, s.lng) <= RADIUS)).map((spec) => spec.sq);

  it('the generated points straddle the circle and the inscribed box', () => {
    expect(expected.length).toBeGreaterThan(24);
    expect(expected.length).toBeLessThan(EVERY_SPEC.length - 20);
  });

  it('totalCount, the pages by distance and by name, and the map all hold the brute-force set', async () => {
    const filter = { near: { ...CENTRE, radiusKm: RADIUS } };
    for (const orderBy of ['DISTANCE', 'NAME']) {
      const { names, totals } = await walk(filter, 7, orderBy);
      expect(names.slice().sort()).toEqual(expected.slice().sort());
      expect(new Set(totals)).toEqual(new Set([expected.length]));
    }
    const map = await api.query(`query($f: OrganizationFilter) { mapPoints(filter: $f) { organizationId lat lng } }`, { f: filter });
    expect(map.errors).toBeUndefined();
    const sites = EVERY_SPEC.flatMap((spec) => spec.sites!).filter((s) => haversineKm(CENTRE.lat, CENTRE.lng, s.lat, s.lng) <= RADIUS);
    expect(map.data.mapPoints).toHaveLength(sites.length);
  });

  it('the inscribed box lies within the radius, at other latitudes and radii too', () => {
    for (const [lat, lng, radiusKm] of [[42.66, 21.16, 0.5], [-33.9, 151.2, 120], [64.1, -21.9, 500], [0.1, 10, 300]]) {
      const box = boxWithin(lat, lng, radiusKm)!;
      for (let i = 0; i <= 20; i++) {
        for (let j = 0; j <= 20; j++) {
          const pLat = box.minLat + ((box.maxLat - box.minLat) * i) / 20;
          const pLng = box.minLng + ((box.maxLng - box.minLng) * j) / 20;
          expect(haversineKm(lat, lng, pLat, pLng)).toBeLessThanOrEqual(radiusKm);
        }
      }
    }
    expect(boxWithin(89.99, 0, 100)).toBeNull();
  });
});

describe('bbox counts exactly at its edges', () => {
  // The count reads the sites' band index (0.01° of latitude per band, geo.ts siteBandsSql); the
  // list tests point(lng, lat) <@ box on the GiST index. Boxes whose edges run through sites (the
  // box is inclusive), across band boundaries, and a box that is one site's point.
  const sites = EVERY_SPEC.flatMap((spec) => spec.sites!.map((site) => ({ name: spec.sq, ...site })));
  const inside = (box: { minLat: number; minLng: number; maxLat: number; maxLng: number }) =>
    [...new Set(sites.filter((s) => s.lat >= box.minLat && s.lat <= box.maxLat && s.lng >= box.minLng && s.lng <= box.maxLng).map((s) => s.name))];
  const [a, b, c] = [POINTS[0]!, POINTS[9]!, POINTS[30]!];
  const boxes = [
    { minLat: Math.min(a.lat, b.lat), maxLat: Math.max(a.lat, b.lat), minLng: Math.min(a.lng, b.lng), maxLng: Math.max(a.lng, b.lng) },
    { minLat: c.lat, maxLat: c.lat, minLng: c.lng, maxLng: c.lng },
    { minLat: inner.minLat, maxLat: inner.maxLat, minLng: inner.minLng, maxLng: inner.maxLng },
    { minLat: 42.65, maxLat: 42.67, minLng: 21.1, maxLng: 21.2 },
  ];

  it('totalCount and the pages hold the brute-force set', async () => {
    for (const bbox of boxes) {
      const expected = inside(bbox);
      expect(expected.length).toBeGreaterThan(0);
      const { names, totals } = await walk({ bbox }, 5);
      expect(names.slice().sort()).toEqual(expected.slice().sort());
      expect(new Set(totals)).toEqual(new Set([expected.length]));
    }
  });
});

describe('contractableFor counts what it lists', () => {
  it('totalCount equals the full list, on every page, in one statement for page and count', async () => {
    for (const input of [
      { category: 'residential', municipality: 'prishtine', on: D },
      { category: 'residential.shelter-domestic-violence', municipality: 'prishtine', on: D },
      { category: 'residential', municipality: 'peje', on: D },
      { category: 'counselling', municipality: 'prishtine', on: D },
    ]) {
      const filter = { contractableFor: input };
      const all = await walk(filter, 100);
      expect(new Set(all.totals)).toEqual(new Set([all.names.length]));
      const paged = await walk(filter, 2);
      expect(paged.names).toEqual(all.names);
      expect(new Set(paged.totals)).toEqual(new Set([all.names.length]));
      for (const name of all.names) expect(contractableKeys.map((k) => FIXTURE[k]!.sq)).toContain(name);
    }
    const first = await walk({ contractableFor: { category: 'residential', municipality: 'prishtine', on: D } }, 100);
    expect(first.names).toHaveLength(6);

    const run = await api.countStatements(() => api.query(LIST, { filter: { contractableFor: { category: 'residential', municipality: 'prishtine', on: D } }, first: 3 }));
    expect(run.result.data.organizations.totalCount).toBe(6);
    expect(run.statements).toHaveLength(1);
  });

  it('a cursor past the last match still gets the count', async () => {
    const filter = { contractableFor: { category: 'residential', municipality: 'prishtine', on: D } };
    const all = await walk(filter, 100);
    const last: any = await api.query(LIST, { filter, first: 6 });
    const beyond: any = await api.query(LIST, { filter, first: 3, after: last.data.organizations.pageInfo.endCursor });
    expect(beyond.errors).toBeUndefined();
    expect(beyond.data.organizations.edges).toEqual([]);
    expect(beyond.data.organizations.totalCount).toBe(all.names.length);
  });
});
