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
 * are within for certain), which spares the trigonometry for most sites of a dense radius. `bands`:
 * the same test for the band index (siteBandsSql) instead, where the radius is not too tall for it.
 */
export function withinRadiusSql(alias: string, lat: number, lng: number, radiusKm: number, form: 'gist' | 'bands' = 'gist'): Sql {
  const outer = boxAround(lat, lng, radiusKm);
  const inner = boxWithin(lat, lng, radiusKm);
  const distance = sql(`${haversineSql(alias)} <= ?`, lat, lat, lng, radiusKm);
  const bands = form === 'bands' ? siteBandsSql(alias, outer) : null;
  const inBox = (box: Box) => (bands ? inBoxColumns(alias, box) : inBoxGist(alias, box));
  const test = inner ? sql(`(${inBox(inner).text} or ${distance.text})`, ...inBox(inner).params, ...distance.params) : distance;
  const area = bands ?? inBox(outer);
  return sql(`${area.text} and ${test.text}`, ...area.params, ...test.params);
}

/** The GiST index's operator: the point of the site in the box. */
function inBoxGist(alias: string, box: Box): Sql {
  return sql(`point(${alias}.lng, ${alias}.lat) <@ box(point(?, ?), point(?, ?))`, box.minLng, box.minLat, box.maxLng, box.maxLat);
}

/** The same test on the columns (PostgreSQL's point-in-box compares them inclusively, without tolerance). */
function inBoxColumns(alias: string, box: Box): Sql {
  return sql(`${alias}.lng between ? and ? and ${alias}.lat between ? and ?`, box.minLng, box.maxLng, box.minLat, box.maxLat);
}

/** Latitude bands of 0.01°: the leading key of the sites' index location_band_index (Migration20261204100000SiteBands). */
const BANDS_PER_DEGREE = 100;
/** Beyond this many bands (4° of latitude; Kosovo spans 1.4°) one GiST scan beats a descent per band. */
const MAX_BANDS = 400;

/**
 * Sites in the box, for the B-tree on (latitude band, lng) that carries the latitude and the
 * organization's number: one descent per band and a contiguous run of entries, about half the CPU of
 * the GiST index over the same sites, for counts that read every site in an area. The bands are
 * computed as PostgreSQL computes the key (the same float8 product and floor), so none is missed.
 * Null where the box spans too many bands.
 */
export function siteBandsSql(alias: string, box: Box): Sql | null {
  const first = Math.floor(box.minLat * BANDS_PER_DEGREE);
  const last = Math.floor(box.maxLat * BANDS_PER_DEGREE);
  if (last - first + 1 > MAX_BANDS) return null;
  const bands = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const inBox = inBoxColumns(alias, box);
  return sql(`floor(${alias}.lat * ${BANDS_PER_DEGREE})::int = any(?::int[]) and ${inBox.text}`, `{${bands.join(',')}}`, ...inBox.params);
}

/** Kosovo's extent with a margin, for validating coordinates of sites. */
export const KOSOVO_BOX: Box = { minLat: 41.85, minLng: 20.01, maxLat: 43.27, maxLng: 21.8 };

/** Today's date in Kosovo (licences are valid by calendar day there). */
export function todayInKosovo(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Belgrade', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
