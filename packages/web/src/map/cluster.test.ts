import { describe, expect, it } from 'vitest';
import { buildIndex, clustersFor, expandCluster, itemKey, padBox, totalSites, type MapPoint } from './cluster';

function point(i: number, lat: number, lng: number, extra: Partial<MapPoint> = {}): MapPoint {
  return {
    locationId: `loc-${i}`,
    organizationId: `org-${i % 7}`,
    name: `Org ${i}`,
    nameLanguage: 'SQ',
    lat,
    lng,
    categoryCodes: ['counselling.legal-aid'],
    verified: i % 2 === 0,
    isDemo: false,
    ...extra,
  };
}

/** Deterministic pseudo-random points over Kosovo. */
function kosovoPoints(n: number): MapPoint[] {
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: n }, (_, i) => point(i, 41.9 + rnd() * 1.3, 20.1 + rnd() * 1.6));
}

const KOSOVO: [number, number, number, number] = [20.0, 41.8, 21.8, 43.3];

describe('supercluster index from MapPoints', () => {
  it('summarises sites, organizations and demo data', () => {
    const { summary } = buildIndex([point(1, 42.6, 21.1), point(2, 42.7, 21.2, { isDemo: true }), point(8, 42.5, 21.0)]);
    expect(summary).toEqual({ sites: 3, organizations: 2, hasDemo: true });
  });

  it('skips points with invalid coordinates', () => {
    const { summary, index } = buildIndex([point(1, 42.6, 21.1), point(2, NaN, 21), point(3, 95, 21), point(4, 42, -200)]);
    expect(summary.sites).toBe(1);
    expect(totalSites(clustersFor(index, KOSOVO, 8))).toBe(1);
  });

  it('accounts for every site at every zoom level (clusters + points = all)', () => {
    const pts = kosovoPoints(2000);
    const { index } = buildIndex(pts);
    for (const zoom of [6, 8, 10, 12, 14, 17]) {
      expect(totalSites(clustersFor(index, [-180, -85, 180, 85], zoom)), `zoom ${zoom}`).toBe(2000);
    }
  });

  it('clusters at low zoom and separates at high zoom', () => {
    const pts = kosovoPoints(500);
    const { index } = buildIndex(pts);
    const low = clustersFor(index, KOSOVO, 7);
    const high = clustersFor(index, KOSOVO, 17);
    expect(low.length).toBeLessThan(50);
    expect(low.some((i) => i.kind === 'cluster')).toBe(true);
    expect(high.length).toBe(500);
    expect(high.every((i) => i.kind === 'point')).toBe(true);
  });

  it('returns only what lies in the box', () => {
    const { index } = buildIndex([point(1, 42.66, 21.16), point(2, 42.21, 20.74)]);
    const items = clustersFor(index, [21.0, 42.5, 21.3, 42.8], 14);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'point', locationId: 'loc-1', organizationId: 'org-1', name: 'Org 1', verified: false });
  });

  it('keeps sites at the same spot in one cluster that never splits, and lists them', () => {
    const same = [point(1, 42.6, 21.1), point(2, 42.6, 21.1), point(3, 42.6, 21.1)];
    const { index } = buildIndex(same);
    const items = clustersFor(index, KOSOVO, 16);
    expect(items).toHaveLength(1);
    const c = items[0]!;
    expect(c.kind).toBe('cluster');
    if (c.kind !== 'cluster') return;
    const r = expandCluster(index, c.id);
    expect(r.total).toBe(3);
    expect(r.leaves.map((l) => l.locationId).sort()).toEqual(['loc-1', 'loc-2', 'loc-3']);
    expect(r.expansionZoom).toBeGreaterThan(16);
  });

  it('gives the zoom at which a cluster splits', () => {
    const { index } = buildIndex([point(1, 42.6, 21.1), point(2, 42.61, 21.11)]);
    const c = clustersFor(index, KOSOVO, 8)[0]!;
    expect(c.kind).toBe('cluster');
    if (c.kind !== 'cluster') return;
    const z = expandCluster(index, c.id).expansionZoom;
    expect(z).toBeGreaterThan(8);
    expect(clustersFor(index, KOSOVO, z).every((i) => i.kind === 'point')).toBe(true);
  });

  it('indexes 20,000 sites', () => {
    const { index, summary } = buildIndex(kosovoPoints(20000));
    expect(summary.sites).toBe(20000);
    const items = clustersFor(index, KOSOVO, 8);
    expect(totalSites(items)).toBe(20000);
    expect(items.length).toBeLessThan(300); // few enough DOM markers to stay smooth
  });

  it('gives stable keys: points by location, clusters by id and size', () => {
    const { index } = buildIndex(kosovoPoints(100));
    const a = clustersFor(index, KOSOVO, 9).map(itemKey);
    const b = clustersFor(index, KOSOVO, 9).map(itemKey);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(a.length);
  });
});

describe('padBox', () => {
  it('grows a box on every side', () => {
    expect(padBox([20, 42, 21, 43], 0.5)).toEqual([19.5, 41.5, 21.5, 43.5]);
  });
  it('clamps to the world', () => {
    expect(padBox([-179, -89, 179, 89], 0.5)).toEqual([-180, -90, 180, 90]);
    expect(padBox([170, 0, 179, 10], 0.5)).toEqual([165.5, -5, 180, 15]);
  });
});
