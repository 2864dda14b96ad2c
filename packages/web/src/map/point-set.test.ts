import { describe, expect, it } from 'vitest';
import { buildSetIndex, cellKey, decodePointSet, pointItem, type PointSet } from './point-set';

// latitudes 42.66 (band 81), twice 42.6601 in one cell, then 42.7001 (band 85)
const SET: PointSet = {
  count: 4,
  organizations: 3,
  hasDemo: true,
  originLat: 41.85,
  originLng: 20.01,
  scale: 10_000,
  bandSize: 100,
  firstBand: 81,
  bandCounts: [3, 0, 0, 0, 1],
  latOffsets: [0, 1, 1, 1],
  // west to east within a band: 11,500, then 11,600 twice; the next band starts from the origin
  lngDeltas: [11_500, 100, 0, 10_000],
};

describe('the compact map point set', () => {
  it('decodes bands, offsets in a band and longitudes running within a band into index features, grouping sites by cell', () => {
    const { features, cells } = decodePointSet(SET);
    expect(features.map((f) => f.properties)).toEqual([
      { i: 0, y: 8_100, x: 11_500 },
      { i: 1, y: 8_101, x: 11_600 },
      { i: 2, y: 8_101, x: 11_600 },
      { i: 3, y: 8_501, x: 10_000 },
    ]);
    expect(features[3]!.geometry.coordinates).toEqual([20.01 + 10_000 / 10_000, 41.85 + 8_501 / 10_000]);
    expect(cells.get(cellKey(8_101, 11_600))).toEqual([1, 2]);
    expect(buildSetIndex(SET).summary).toEqual({ sites: 4, organizations: 3, hasDemo: true });
  });

  it('gives a single site the details of its cell (the k-th site of a shared cell the k-th details), at their exact position', () => {
    const { features, cells } = decodePointSet(SET);
    const d = (id: string, verified: boolean) => ({ locationId: id, organizationId: `o-${id}`, name: `N ${id}`, nameLanguage: 'SQ' as const, lat: 42.66012, lng: 21.16004, categoryCodes: ['x'], verified });
    const details = new Map([[cellKey(8_101, 11_600), [d('a', false), d('b', true)]]]);
    const at = (i: number) => pointItem(features[i]!.properties, cells, details);
    expect(at(1)?.locationId).toBe('a');
    expect(at(2)?.locationId).toBe('b');
    expect(at(2)?.verified).toBe(true);
    expect(at(1)?.verified).toBe(false);
    expect([at(2)?.lat, at(2)?.lng]).toEqual([42.66012, 21.16004]);
    expect(at(2)?.nameLang).toBe('sq'); // the language the name is in, for its lang attribute
    expect(at(0)).toBeNull(); // no details asked for yet
  });
});
