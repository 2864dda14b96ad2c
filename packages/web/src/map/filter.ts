// Filter and map-view state, and its round trip through the URL's query string.
//
// The query string is the single source of truth for what the map page shows, so that a URL can be
// shared and back/forward work. Lists use repeated keys (`cat=a&cat=b`), which survives any
// character in a value; URLSearchParams does the percent-encoding.

import { cleanList } from '../shared/router/params';
import type { BBoxInput, OrganizationFilter } from '../gql/graphql';

/** "Search this area": a box in degrees, as the API's `bbox` filter takes it. */
export type BBox = BBoxInput;

export interface LicensedFor {
  category: string;
  /** ISO date (YYYY-MM-DD); null means "today" (the API's default). */
  on: string | null;
}

export interface Filter {
  text: string;
  categories: string[];
  targetGroups: string[];
  regions: string[];
  municipalities: string[];
  verified: boolean;
  licensedFor: LicensedFor | null;
  /** "Search this area": restrict to a bounding box. */
  bbox: BBox | null;
}

export interface MapView {
  lat: number;
  lng: number;
  zoom: number;
}

export interface MapPageState {
  filter: Filter;
  view: MapView | null;
}

export const emptyFilter: Filter = Object.freeze({
  text: '',
  categories: [],
  targetGroups: [],
  regions: [],
  municipalities: [],
  verified: false,
  licensedFor: null,
  bbox: null,
}) as Filter;

export const PARAM = {
  text: 'q',
  categories: 'cat',
  targetGroups: 'tg',
  regions: 'region',
  municipalities: 'mun',
  verified: 'verified',
  licensedFor: 'lic',
  licensedOn: 'licOn',
  bbox: 'area',
  view: 'map',
} as const;

const COORD_DECIMALS = 5;

function round(n: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(n * f) / f;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isValidBBox(b: BBox): boolean {
  return (
    [b.minLat, b.minLng, b.maxLat, b.maxLng].every(Number.isFinite) &&
    b.minLat >= -90 &&
    b.maxLat <= 90 &&
    b.minLat < b.maxLat &&
    b.minLng >= -180 &&
    b.maxLng <= 180 &&
    b.minLng < b.maxLng
  );
}

export function normalizeBBox(b: BBox): BBox {
  return {
    minLat: round(Math.max(-90, b.minLat), COORD_DECIMALS),
    minLng: round(Math.max(-180, b.minLng), COORD_DECIMALS),
    maxLat: round(Math.min(90, b.maxLat), COORD_DECIMALS),
    maxLng: round(Math.min(180, b.maxLng), COORD_DECIMALS),
  };
}

function parseBBox(raw: string | null): BBox | null {
  if (!raw) return null;
  const parts = raw.split(',').map((p) => (p.trim() === '' ? NaN : Number(p)));
  if (parts.length !== 4) return null;
  const [minLat, minLng, maxLat, maxLng] = parts as [number, number, number, number];
  const b = { minLat, minLng, maxLat, maxLng };
  return isValidBBox(b) ? normalizeBBox(b) : null;
}

function formatBBox(b: BBox): string {
  const n = normalizeBBox(b);
  return [n.minLat, n.minLng, n.maxLat, n.maxLng].join(',');
}

export const MIN_ZOOM = 0;
export const MAX_ZOOM = 19;

function parseView(raw: string | null): MapView | null {
  if (!raw) return null;
  const parts = raw.split('/');
  if (parts.length !== 3 || parts.some((p) => p.trim() === '')) return null;
  const [zoom, lat, lng] = parts.map(Number) as [number, number, number];
  if (![zoom, lat, lng].every(Number.isFinite)) return null;
  if (lat < -90 || lat > 90 || lng < -180 || lng > 180) return null;
  return { zoom: Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.round(zoom))), lat: round(lat, COORD_DECIMALS), lng: round(lng, COORD_DECIMALS) };
}

export function formatView(v: MapView): string {
  return `${Math.round(v.zoom)}/${round(v.lat, COORD_DECIMALS)}/${round(v.lng, COORD_DECIMALS)}`;
}

/** Parses a query string (with or without the leading '?') into the map page's state. Invalid parts are dropped. */
export function parseQuery(search: string | URLSearchParams): MapPageState {
  const p = typeof search === 'string' ? new URLSearchParams(search.startsWith('?') ? search.slice(1) : search) : search;
  const licCategory = (p.get(PARAM.licensedFor) ?? '').trim();
  const licOn = (p.get(PARAM.licensedOn) ?? '').trim();
  const filter: Filter = {
    text: (p.get(PARAM.text) ?? '').trim(),
    categories: cleanList(p.getAll(PARAM.categories)),
    targetGroups: cleanList(p.getAll(PARAM.targetGroups)),
    regions: cleanList(p.getAll(PARAM.regions)),
    municipalities: cleanList(p.getAll(PARAM.municipalities)),
    verified: ['1', 'true', 'yes'].includes((p.get(PARAM.verified) ?? '').toLowerCase()),
    licensedFor: licCategory ? { category: licCategory, on: ISO_DATE.test(licOn) ? licOn : null } : null,
    bbox: parseBBox(p.get(PARAM.bbox)),
  };
  return { filter, view: parseView(p.get(PARAM.view)) };
}

/** Serializes the state to a query string without the leading '?'; the empty filter gives ''. */
export function toQuery(state: MapPageState): string {
  const { filter: f, view } = state;
  const p = new URLSearchParams();
  const text = f.text.trim();
  if (text) p.set(PARAM.text, text);
  for (const c of cleanList(f.categories)) p.append(PARAM.categories, c);
  for (const c of cleanList(f.targetGroups)) p.append(PARAM.targetGroups, c);
  for (const c of cleanList(f.regions)) p.append(PARAM.regions, c);
  for (const c of cleanList(f.municipalities)) p.append(PARAM.municipalities, c);
  if (f.verified) p.set(PARAM.verified, '1');
  if (f.licensedFor && f.licensedFor.category.trim()) {
    p.set(PARAM.licensedFor, f.licensedFor.category.trim());
    if (f.licensedFor.on && ISO_DATE.test(f.licensedFor.on)) p.set(PARAM.licensedOn, f.licensedFor.on);
  }
  if (f.bbox && isValidBBox(f.bbox)) p.set(PARAM.bbox, formatBBox(f.bbox));
  if (view) p.set(PARAM.view, formatView(view));
  return p.toString();
}

/** A canonical, comparable form of a filter (same filter → same string), e.g. for cache keys. */
export function filterKey(f: Filter): string {
  return toQuery({ filter: f, view: null });
}

export function isEmptyFilter(f: Filter): boolean {
  return filterKey(f) === '';
}

/** The GraphQL `OrganizationFilter` for a filter; empty parts are left out so the API's defaults apply. */
export function toApiFilter(f: Filter): OrganizationFilter {
  const out: OrganizationFilter = {};
  const text = f.text.trim();
  if (text) out.text = text;
  const lists = ['categories', 'targetGroups', 'regions', 'municipalities'] as const;
  for (const k of lists) {
    const v = cleanList(f[k]);
    if (v.length) out[k] = v;
  }
  if (f.verified) out.verified = true;
  if (f.licensedFor && f.licensedFor.category.trim()) {
    out.licensedFor = f.licensedFor.on ? { category: f.licensedFor.category.trim(), on: f.licensedFor.on } : { category: f.licensedFor.category.trim() };
  }
  if (f.bbox && isValidBBox(f.bbox)) out.bbox = normalizeBBox(f.bbox);
  return out;
}

/** Bounds of a Leaflet map (or anything with south/west/north/east) as a normalized bbox filter. */
export function boundsToBBox(b: { south: number; west: number; north: number; east: number }): BBox {
  // A world-wrapped view can report longitudes beyond ±180: clamp them.
  return normalizeBBox({ minLat: b.south, minLng: b.west, maxLat: b.north, maxLng: b.east });
}

/** Count of active filter criteria, for the "n filters" badge and the clear button. */
export function activeCriteria(f: Filter): number {
  return (
    (f.text.trim() ? 1 : 0) +
    (f.categories.length ? 1 : 0) +
    (f.targetGroups.length ? 1 : 0) +
    (f.regions.length ? 1 : 0) +
    (f.municipalities.length ? 1 : 0) +
    (f.verified ? 1 : 0) +
    (f.licensedFor ? 1 : 0) +
    (f.bbox ? 1 : 0)
  );
}
