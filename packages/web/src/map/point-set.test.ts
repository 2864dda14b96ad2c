import { describe, expect, it } from 'vitest';
import { buildSetIndex, cellKey, decodePointSet, pointItem, type PointSet } from './point-set';

const SET: PointSet = {
  count: 4,
  organizations: 3,
  hasDemo: true,
  originLat: 41.85,
  originLng: 20.01,
  scale: 100_000,
  // latitudes 42.66, 42.66 (two sites in one cell), 42.66, then 42.70001
  latSteps: [81_000, 0, 0, 4_001],
  lngSteps: [115_000, 116_000, 116_000, 100_000],
  flags: [1, 0, 3, 2],
};

describe('the compact map point set', () => {
  it('decodes running latitude steps and flags into index features, grouping sites by cell', () => {
    const { features, cells } = decodePointSet(SET);
    expect(features.map((f) => f.geometry.coordinates)).toEqual([
      [20.01 + 115_000 / 100_000, 41.85 + 81_000 / 100_000],
      [20.01 + 116_000 / 100_000, 41.85 + 81_000 / 100_000],
      [20.01 + 116_000 / 100_000, 41.85 + 81_000 / 100_000],
      [20.01 + 100_000 / 100_000, 41.85 + 85_001 / 100_000],
    ]);
    expect(features.map((f) => f.properties.v)).toEqual([true, false, true, false]);
    expect(cells.get(cellKey(81_000, 116_000))).toEqual([1, 2]);
    expect(buildSetIndex(SET).summary).toEqual({ sites: 4, organizations: 3, hasDemo: true });
  });

  it('gives a single site the details of its cell, the k-th site of a shared cell the k-th details', () => {
    const { features, cells } = decodePointSet(SET);
    const d = (id: string) => ({ locationId: id, organizationId: `o-${id}`, name: `N ${id}`, lat: 0, lng: 0, categoryCodes: ['x'] });
    const details = new Map([[cellKey(81_000, 116_000), [d('a'), d('b')]]]);
    const at = (i: number) => pointItem(features[i]!.properties, 1, 2, cells, details);
    expect(at(1)?.locationId).toBe('a');
    expect(at(2)?.locationId).toBe('b');
    expect(at(2)?.verified).toBe(true);
    expect(at(0)).toBeNull(); // no details asked for yet
  });
});
