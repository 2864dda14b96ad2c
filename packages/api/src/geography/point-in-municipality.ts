import { haversineKm, KOSOVO_BOX } from './geo';
import type { MultiPolygon } from './boundaries-import';

/**
 * Without imported boundaries, a site is accepted within this distance of its municipality's seat.
 * Kosovo's largest municipalities (Prizren, Podujevë, Dragash) reach about 25 km from their seats.
 */
export const SEAT_RADIUS_KM = 25;

/**
 * Imported boundaries are usually simplified (geoBoundaries' simplified ADM2 file moves edges by up to
 * a kilometre or two: Fushë Kosovë's seat falls 1.1 km outside its polygon), so points this close to
 * the boundary still count as inside.
 */
export const BOUNDARY_TOLERANCE_KM = 2;

export type PointCheck = { ok: true } | { ok: false; code: 'OUTSIDE_KOSOVO' | 'OUTSIDE_MUNICIPALITY'; message: string };

/** Ray casting over one ring: the number of edges a ray to the east crosses is odd inside. */
function inRing(lng: number, lat: number, ring: [number, number][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside a polygon's outer ring and outside its holes, for any polygon of the MultiPolygon. */
export function pointInMultiPolygon(lng: number, lat: number, geometry: MultiPolygon): boolean {
  return geometry.coordinates.some(([outer, ...holes]) => inRing(lng, lat, outer) && !holes.some((hole) => inRing(lng, lat, hole)));
}

/** Distance in km from the point to the nearest edge of the MultiPolygon (equirectangular; fine at this scale). */
export function distanceToBoundaryKm(lng: number, lat: number, geometry: MultiPolygon): number {
  const kx = 111.195 * Math.cos((lat * Math.PI) / 180);
  const ky = 111.195;
  let best = Infinity;
  for (const polygon of geometry.coordinates) {
    for (const ring of polygon) {
      for (let i = 1; i < ring.length; i++) {
        const ax = (ring[i - 1][0] - lng) * kx;
        const ay = (ring[i - 1][1] - lat) * ky;
        const dx = (ring[i][0] - lng) * kx - ax;
        const dy = (ring[i][1] - lat) * ky - ay;
        const length2 = dx * dx + dy * dy;
        const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / length2));
        best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
      }
    }
  }
  return best;
}

/** Whether a site's point lies in Kosovo and in the municipality it names (by polygon when imported, else by distance from the seat). */
export function checkPointInMunicipality(
  lat: number,
  lng: number,
  municipality: { code: string; seatLat: number; seatLng: number; boundary?: unknown | null; names: { sq: string } },
): PointCheck {
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || lat < KOSOVO_BOX.minLat || lat > KOSOVO_BOX.maxLat || lng < KOSOVO_BOX.minLng || lng > KOSOVO_BOX.maxLng) {
    return { ok: false, code: 'OUTSIDE_KOSOVO', message: `The point ${lat}, ${lng} is outside Kosovo.` };
  }
  const boundary = municipality.boundary as MultiPolygon | null | undefined;
  if (boundary && boundary.type === 'MultiPolygon') {
    if (pointInMultiPolygon(lng, lat, boundary) || distanceToBoundaryKm(lng, lat, boundary) <= BOUNDARY_TOLERANCE_KM) return { ok: true };
    return { ok: false, code: 'OUTSIDE_MUNICIPALITY', message: `The point ${lat}, ${lng} is outside the boundary of ${municipality.names.sq}.` };
  }
  const distance = haversineKm(lat, lng, municipality.seatLat, municipality.seatLng);
  return distance <= SEAT_RADIUS_KM
    ? { ok: true }
    : {
        ok: false,
        code: 'OUTSIDE_MUNICIPALITY',
        message: `The point is ${distance.toFixed(1)} km from the seat of ${municipality.names.sq}; sites must be within ${SEAT_RADIUS_KM} km while no boundary is imported.`,
      };
}
