import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../src/demo/demo-generator';
import { createTestApi, type TestApi } from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let db: TestDatabase;
let api: TestApi;
beforeAll(async () => {
  db = await createTestDatabase();
  await generateDemoData(db.orm.em.fork(), { organizations: 120, seed: 7 });
  api = await createTestApi(db);
});
afterAll(() => db?.close());

interface PointSet {
  count: number;
  organizations: number;
  hasDemo: boolean;
  originLat: number;
  originLng: number;
  scale: number;
  latSteps: number[];
  lngSteps: number[];
  flags: number[];
}
interface Point {
  locationId: string;
  organizationId: string;
  name: string;
  lat: number;
  lng: number;
  verified: boolean;
  isDemo: boolean;
}

const SET = `query($f: OrganizationFilter) { mapPointSet(filter: $f) { count organizations hasDemo originLat originLng scale latSteps lngSteps flags } }`;
const POINTS = `query($f: OrganizationFilter) { mapPoints(filter: $f) { locationId organizationId name lat lng verified isDemo } }`;
const AT = `query($cells: [MapCellInput!]!, $f: OrganizationFilter, $lang: Language) { mapSitesAt(cells: $cells, filter: $f, lang: $lang) { locationId organizationId name lat lng verified isDemo } }`;

async function data<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const r = await api.query(query, variables);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data as T;
}

/** Independent decoding: a running sum of the latitude steps. */
function decode(set: PointSet) {
  let y = 0;
  return set.latSteps.map((d, i) => {
    y += d;
    return { y, x: set.lngSteps[i]!, lat: set.originLat + y / set.scale, lng: set.originLng + set.lngSteps[i]! / set.scale, flags: set.flags[i]! };
  });
}

const cellOf = (p: { lat: number; lng: number }, set: PointSet) => `${Math.round((p.lat - set.originLat) * set.scale)},${Math.round((p.lng - set.originLng) * set.scale)}`;

describe('mapPointSet: the compact form of mapPoints', () => {
  for (const [label, filter] of [
    ['every site', {}],
    ['a category', { categories: ['residential'] }],
    ['verified only', { verified: true }],
  ] as const) {
    it(`holds the same sites as mapPoints, to a metre, with the same flags (${label})`, async () => {
      const { mapPointSet: set } = await data<{ mapPointSet: PointSet }>(SET, { f: filter });
      const { mapPoints } = await data<{ mapPoints: Point[] }>(POINTS, { f: filter });
      expect(set.count).toBe(mapPoints.length);
      expect(set.latSteps).toHaveLength(set.count);
      expect(set.organizations).toBe(new Set(mapPoints.map((p) => p.organizationId)).size);
      expect(set.hasDemo).toBe(mapPoints.some((p) => p.isDemo));
      const decoded = decode(set);
      // sorted by latitude: every step after the first is >= 0
      expect(set.latSteps.slice(1).every((d) => d >= 0)).toBe(true);
      const key = (cell: string, flags: number) => `${cell}|${flags}`;
      const fromSet = decoded.map((p) => key(`${p.y},${p.x}`, p.flags)).sort();
      const fromPoints = mapPoints.map((p) => key(cellOf(p, set), (p.verified ? 1 : 0) + (p.isDemo ? 2 : 0))).sort();
      expect(fromSet).toEqual(fromPoints);
      for (const p of decoded.slice(0, 50)) {
        const near = mapPoints.find((q) => cellOf(q, set) === `${p.y},${p.x}`)!;
        expect(Math.abs(near.lat - p.lat)).toBeLessThanOrEqual(0.5 / set.scale + 1e-12);
        expect(Math.abs(near.lng - p.lng)).toBeLessThanOrEqual(0.5 / set.scale + 1e-12);
      }
    });
  }

  it('mapSitesAt gives exactly the matching sites in the cells asked for, with ids and names', async () => {
    const filter = { categories: ['residential'] };
    const { mapPointSet: set } = await data<{ mapPointSet: PointSet }>(SET, { f: filter });
    const { mapPoints } = await data<{ mapPoints: Point[] }>(POINTS, { f: filter });
    expect(set.count).toBeGreaterThan(5);
    const cells = decode(set)
      .filter((_, i) => i % 3 === 0)
      .map((p) => ({ lat: p.y, lng: p.x }));
    const { mapSitesAt } = await data<{ mapSitesAt: Point[] }>(AT, { cells, f: filter, lang: 'EN' });
    const wanted = new Set(cells.map((c) => `${c.lat},${c.lng}`));
    const expected = mapPoints.filter((p) => wanted.has(cellOf(p, set)));
    expect(mapSitesAt.map((p) => p.locationId).sort()).toEqual(expected.map((p) => p.locationId).sort());
    expect(mapSitesAt.every((p) => p.name.length > 0 && p.organizationId)).toBe(true);
    // a site of another category in the same cells is not given
    const { mapSitesAt: all } = await data<{ mapSitesAt: Point[] }>(AT, { cells, f: {} });
    expect(all.length).toBeGreaterThanOrEqual(mapSitesAt.length);
  });

  it('refuses too many cells and non-integer limits', async () => {
    const cells = Array.from({ length: 501 }, (_, i) => ({ lat: i, lng: i }));
    const r = await api.query(AT, { cells });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const none = await data<{ mapSitesAt: Point[] }>(AT, { cells: [] });
    expect(none.mapSitesAt).toEqual([]);
    const bad = await api.query('{ mapPointSet(limit: -1) { count } }');
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
