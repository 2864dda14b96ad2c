import { describe, expect, it } from 'vitest';
import { checkPointInMunicipality, distanceToBoundaryKm, pointInMultiPolygon, SEAT_RADIUS_KM } from '../../src/geography/point-in-municipality';

const ring = (pts: [number, number][]) => [...pts, pts[0]];
// A square with a square hole, and a separate island.
const geometry = {
  type: 'MultiPolygon' as const,
  coordinates: [
    [ring([[21, 42], [21.2, 42], [21.2, 42.2], [21, 42.2]]), ring([[21.05, 42.05], [21.1, 42.05], [21.1, 42.1], [21.05, 42.1]])],
    [ring([[21.5, 42.5], [21.6, 42.5], [21.6, 42.6], [21.5, 42.6]])],
  ],
};
const prishtine = { code: 'prishtine', seatLat: 42.667, seatLng: 21.167, names: { sq: 'Prishtinë' } };

describe('point in municipality', () => {
  it.each([
    [21.15, 42.15, true],
    [21.07, 42.07, false], // in the hole
    [21.55, 42.55, true], // on the island
    [21.3, 42.3, false],
    [20.99, 42.1, false],
  ])('(%d, %d) inside: %s', (lng, lat, inside) => {
    expect(pointInMultiPolygon(lng, lat, geometry)).toBe(inside);
  });

  it('refuses points outside Kosovo whatever the municipality', () => {
    expect(checkPointInMunicipality(41.3, 19.8, prishtine)).toMatchObject({ ok: false, code: 'OUTSIDE_KOSOVO' });
    expect(checkPointInMunicipality(Number.NaN, 21, prishtine)).toMatchObject({ ok: false, code: 'OUTSIDE_KOSOVO' });
  });

  it('without a boundary, accepts points within the seat radius only', () => {
    expect(checkPointInMunicipality(42.66, 21.16, prishtine)).toEqual({ ok: true });
    const far = checkPointInMunicipality(42.2, 20.74, prishtine);
    expect(far).toMatchObject({ ok: false, code: 'OUTSIDE_MUNICIPALITY' });
    expect(SEAT_RADIUS_KM).toBe(25);
  });

  it('with a boundary, the polygon decides, with a tolerance of 2 km for simplified edges', () => {
    const withBoundary = { ...prishtine, seatLat: 42.1, seatLng: 21.1, boundary: geometry };
    expect(checkPointInMunicipality(42.15, 21.15, withBoundary)).toEqual({ ok: true });
    // In the hole, about 2.8 km from the nearest edge.
    expect(checkPointInMunicipality(42.075, 21.075, withBoundary)).toMatchObject({ ok: false, code: 'OUTSIDE_MUNICIPALITY' });
    // 1 km east of the square's edge: accepted; 5 km east: refused.
    expect(checkPointInMunicipality(42.15, 21.2 + 1 / 82, withBoundary)).toEqual({ ok: true });
    expect(checkPointInMunicipality(42.15, 21.2 + 5 / 82, withBoundary)).toMatchObject({ ok: false });
    expect(distanceToBoundaryKm(21.2 + 1 / 82, 42.15, geometry)).toBeCloseTo(1, 1);
  });
});
