import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../src/demo/demo-generator';
import { BAND_SIZE, encodePointSet, gridCell } from '../../src/organizations/map-point-set';
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
  bandSize: number;
  firstBand: number;
  bandCounts: number[];
  latOffsets: number[];
  lngDeltas: number[];
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

const SET = `query($f: OrganizationFilter) { mapPointSet(filter: $f) { count organizations hasDemo originLat originLng scale bandSize firstBand bandCounts latOffsets lngDeltas flags } }`;
const POINTS = `query($f: OrganizationFilter) { mapPoints(filter: $f) { locationId organizationId name lat lng verified isDemo } }`;
const AT = `query($cells: [MapCellInput!]!, $f: OrganizationFilter, $lang: Language) { mapSitesAt(cells: $cells, filter: $f, lang: $lang) { locationId organizationId name lat lng verified isDemo } }`;

async function data<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const r = await api.query(query, variables);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data as T;
}

/** Independent decoding, band by band: a latitude within the band, longitudes as running sums within it. */
function decode(set: Pick<PointSet, 'originLat' | 'originLng' | 'scale' | 'bandSize' | 'firstBand' | 'bandCounts' | 'latOffsets' | 'lngDeltas' | 'flags'>) {
  const out: { y: number; x: number; lat: number; lng: number; flags: number }[] = [];
  set.bandCounts.forEach((n, k) => {
    let x = 0;
    for (let j = 0; j < n; j++) {
      const i = out.length;
      const y = (set.firstBand + k) * set.bandSize + set.latOffsets[i]!;
      x = j === 0 ? set.lngDeltas[i]! : x + set.lngDeltas[i]!;
      out.push({ y, x, lat: set.originLat + y / set.scale, lng: set.originLng + x / set.scale, flags: set.flags[i]! });
    }
  });
  return out;
}

const cellOf = (p: { lat: number; lng: number }, set: PointSet) => `${Math.round((p.lat - set.originLat) * set.scale)},${Math.round((p.lng - set.originLng) * set.scale)}`;

describe('mapPointSet: the compact form of mapPoints', () => {
  for (const [label, filter] of [
    ['every site', {}],
    ['a category', { categories: ['residential'] }],
    ['verified only', { verified: true }],
  ] as const) {
    it(`holds the same sites as mapPoints, to a grid step, with the same flags (${label})`, async () => {
      const { mapPointSet: set } = await data<{ mapPointSet: PointSet }>(SET, { f: filter });
      const { mapPoints } = await data<{ mapPoints: Point[] }>(POINTS, { f: filter });
      expect(set.count).toBe(mapPoints.length);
      expect(set.latOffsets).toHaveLength(set.count);
      expect(set.bandCounts.reduce((a, b) => a + b, 0)).toBe(set.count);
      expect(set.organizations).toBe(new Set(mapPoints.map((p) => p.organizationId)).size);
      expect(set.hasDemo).toBe(mapPoints.some((p) => p.isDemo));
      const decoded = decode(set);
      // small numbers: offsets within a band, and west to east within a band
      expect(set.latOffsets.every((d) => d >= 0 && d < set.bandSize)).toBe(true);
      expect(set.lngDeltas.filter((d) => d < 0)).toEqual([]);
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

  it('encodes sites south of the origin in negative bands, and no sites as no bands', () => {
    const sites = [
      { ...gridCell(41.8, 20.3), f: 1, o: 'a' },
      { ...gridCell(42.66, 21.16), f: 2, o: 'b' },
      { ...gridCell(42.66, 21.1), f: 0, o: 'b' },
    ];
    const set = encodePointSet(sites);
    expect(set.firstBand).toBe(Math.floor(gridCell(41.8, 20.3).y / BAND_SIZE));
    expect(set.firstBand).toBeLessThan(0);
    expect(set.organizations).toBe(2);
    expect(set.hasDemo).toBe(true);
    const decoded = decode(set);
    expect(decoded.map((p) => `${p.y},${p.x},${p.flags}`).sort()).toEqual(sites.map((p) => `${p.y},${p.x},${p.f}`).sort());
    // west to east within the band of 42.66
    expect(decoded.slice(1).map((p) => p.lng)).toEqual([20.01 + gridCell(42.66, 21.1).x / set.scale, 20.01 + gridCell(42.66, 21.16).x / set.scale]);
    const empty = encodePointSet([]);
    expect([empty.count, empty.firstBand, empty.bandCounts.length]).toEqual([0, 0, 0]);
  });

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

  it('mapSitesAt says which language each name is in: the one asked for, else Albanian', async () => {
    const { mapPointSet: set } = await data<{ mapPointSet: PointSet }>(SET, { f: {} });
    const cells = decode(set).map((p) => ({ lat: p.y, lng: p.x })).slice(0, 400);
    const q = `query($cells: [MapCellInput!]!, $lang: Language) { mapSitesAt(cells: $cells, lang: $lang) { organizationId name nameLanguage } }`;
    const { mapSitesAt: en } = await data<{ mapSitesAt: { organizationId: string; name: string; nameLanguage: string }[] }>(q, { cells, lang: 'EN' });
    const ids = [...new Set(en.map((p) => p.organizationId))];
    const names = new Map<string, { sq: string; en: string | null }>();
    for (const id of ids) names.set(id, (await data<{ organization: { names: { sq: string; en: string | null } } }>('query($id: ID!) { organization(id: $id) { names { sq en } } }', { id })).organization.names);
    for (const p of en) {
      const n = names.get(p.organizationId)!;
      expect(p.nameLanguage, p.name).toBe(n.en == null ? 'SQ' : 'EN');
      expect(p.name).toBe(n.en ?? n.sq);
    }
    const { mapSitesAt: sq } = await data<{ mapSitesAt: { nameLanguage: string }[] }>(q, { cells, lang: 'SQ' });
    expect(new Set(sq.map((p) => p.nameLanguage))).toEqual(new Set(['SQ']));
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
