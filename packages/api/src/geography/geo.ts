import { type Sql, sql } from '../core/sql';

/** Mean Earth radius (IUGG), km. */
export const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE_LAT = (Math.PI * EARTH_RADIUS_KM) / 180;

export function haversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** The same great-circle distance in SQL, from the columns lat/lng of `alias` to the point bound by three parameters (lat, lat, lng). */
export function haversineSql(alias: string): string {
  return (
    `(2 * ${EARTH_RADIUS_KM} * asin(least(1, sqrt(` +
    `power(sin(radians(${alias}.lat - ?) / 2), 2) + ` +
    `cos(radians(?)) * cos(radians(${alias}.lat)) * power(sin(radians(${alias}.lng - ?) / 2), 2)))))`
  );
}

export interface Box {
  minLat: number;
  minLng: number;
  maxLat: number;
  maxLng: number;
}

/** A box that surely holds every point within radiusKm, so the GiST index can prune before the exact distance. */
export function boxAround(lat: number, lng: number, radiusKm: number): Box {
  const dLat = radiusKm / KM_PER_DEGREE_LAT;
  const maxAbsLat = Math.min(90, Math.abs(lat) + dLat);
  const cos = Math.cos((maxAbsLat * Math.PI) / 180);
  const dLng = cos < 1e-6 ? 180 : Math.min(180, radiusKm / (KM_PER_DEGREE_LAT * cos));
  return {
    minLat: Math.max(-90, lat - dLat),
    maxLat: Math.min(90, lat + dLat),
    minLng: Math.max(-180, lng - dLng),
    maxLng: Math.min(180, lng + dLng),
  };
}

/**
 * A box wholly within radiusKm of the point by haversineSql (a square inscribed in the circle, shrunk
 * by a millionth): a site in it needs no distance test. From a = sin²(Δφ/2) + cos φ0 cos φ sin²(Δλ/2)
 * with sin²x ≤ x² and cos φ at most its value at the box's latitude nearest the equator, a ≤ sin²(r/2R).
 * Null where no such box helps (near a pole).
 */
export function boxWithin(lat: number, lng: number, radiusKm: number): Box | null {
  const rad = Math.PI / 180;
  const s = Math.sin(Math.min(Math.PI / 2, radiusKm / (2 * EARTH_RADIUS_KM)));
  const halfLat = Math.SQRT2 * s * (1 - 1e-6);
  const nearestEquator = Math.max(0, Math.abs(lat * rad) - halfLat);
  const cosProduct = Math.cos(lat * rad) * Math.cos(nearestEquator);
  if (Math.abs(lat * rad) + halfLat >= Math.PI / 2 || cosProduct < 1e-6) return null;
  const halfLng = ((Math.SQRT2 * s) / Math.sqrt(cosProduct)) * (1 - 1e-6);
  return {
    minLat: lat - halfLat / rad,
    maxLat: lat + halfLat / rad,
    minLng: Math.max(-180, lng - halfLng / rad),
    maxLng: Math.min(180, lng + halfLng / rad),
  };
}

/**
 * Sites (alias `alias`) within radiusKm of the point, for the GiST index on point(lng, lat): the
 * enclosing box for the index, then the distance tested only outside the inscribed box (sites in it
 * are within for certain), which spares the trigonometry for most sites of a dense radius.
 */
export function withinRadiusSql(alias: string, lat: number, lng: number, radiusKm: number): Sql {
  const outer = boxAround(lat, lng, radiusKm);
  const inner = boxWithin(lat, lng, radiusKm);
  const point = `point(${alias}.lng, ${alias}.lat)`;
  const distance = sql(`${haversineSql(alias)} <= ?`, lat, lat, lng, radiusKm);
  const test = inner
    ? sql(`(${point} <@ box(point(?, ?), point(?, ?)) or ${distance.text})`, inner.minLng, inner.minLat, inner.maxLng, inner.maxLat, ...distance.params)
    : distance;
  return sql(`${point} <@ box(point(?, ?), point(?, ?)) and ${test.text}`, outer.minLng, outer.minLat, outer.maxLng, outer.maxLat, ...test.params);
}

/** Kosovo's extent with a margin, for validating coordinates of sites. */
export const KOSOVO_BOX: Box = { minLat: 41.85, minLng: 20.01, maxLat: 43.27, maxLng: 21.8 };

/** Today's date in Kosovo (licences are valid by calendar day there). */
export function todayInKosovo(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Belgrade', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
