import type { MultiPolygon } from '../geography/boundaries-import';
/**
 * The shapes the demo generator produces (plain rows by table) and reads (the reference data), and
 * the fixed clock it keeps.
 */

/**
 * Fixed instants instead of "now": the data set must not depend on the day it is generated.
 * Records are created during 2026 and last touched before the reference date, against which licence
 * validity and contract status are arranged (some licences expired, most valid, a few not yet).
 */
export const DEMO_EPOCH = Date.UTC(2026, 0, 1);
export const DEMO_REFERENCE_DATE = '2026-11-01';
export const REFERENCE = Date.parse(`${DEMO_REFERENCE_DATE}T00:00:00Z`);
export const MINUTE = 60_000;
export const DAY = 86_400_000;

export interface LocalizedNames {
  sq: string;
  sr: string | null;
  en: string | null;
}

export interface RefMunicipality {
  id: string;
  code: string;
  names: LocalizedNames;
  regionCode: string;
  population: number;
  seatLat: number;
  seatLng: number;
  /** The imported polygon, when there is one: every site is drawn inside it. */
  boundary?: MultiPolygon | null;
}

export interface RefCategory {
  id: string;
  code: string;
  names: LocalizedNames;
  parentCode: string | null;
}

export interface RefTargetGroup {
  id: string;
  code: string;
  names: LocalizedNames;
}

export interface RefAuthority {
  id: string;
  code: string;
  kind: string;
  municipalityCode: string | null;
}

/** The reference data the generator draws from. Lists must be sorted by code, never by id: ids differ between databases. */
export interface DemoReference {
  municipalities: RefMunicipality[];
  categories: RefCategory[];
  targetGroups: RefTargetGroup[];
  authorities: RefAuthority[];
}

export type Cell = string | number | boolean | null | string[];
export type Row = Record<string, Cell>;

/** Rows by table, in an order that satisfies the foreign keys when inserted top to bottom. */
export interface DemoRows {
  organization: Row[];
  location: Row[];
  service: Row[];
  service_at_location: Row[];
  service_category_link: Row[];
  service_target_group: Row[];
  service_area: Row[];
  licence: Row[];
  licence_category: Row[];
  contract: Row[];
  contract_category: Row[];
}

export function emptyRows(): DemoRows {
  return {
    organization: [],
    location: [],
    service: [],
    service_at_location: [],
    service_category_link: [],
    service_target_group: [],
    service_area: [],
    licence: [],
    licence_category: [],
    contract: [],
    contract_category: [],
  };
}

/** A site while its organization is being built: whether a service is delivered there, and a residential one. */
export interface Site {
  row: Row;
  municipality: RefMunicipality;
  residential: boolean;
  served: boolean;
}

export interface BuiltService {
  id: string;
  primary: RefCategory;
  area: Set<RefMunicipality>;
}

/** Creation and update instants of a record under an organization: created soon after it, never updated before it. */
export type ChildTime = () => { created_at: string; updated_at: string };

export const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const isoTime = (ms: number) => new Date(ms).toISOString();
export const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
export const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
export const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));

export function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate());
}

/** Host-name-safe ASCII: letters without diacritics, hyphens between words. */
export function slug(text: string): string {
  return text
    .replace(/[đĐ]/g, 'dj')
    .replace(/ı/g, 'i')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function listOf(items: string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/** Integer percentages that sum to exactly 100 (largest remainder), from non-negative weights. */
export function toPercentages(weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / total) * 100);
  const floors = exact.map(Math.floor);
  let missing = 100 - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (missing <= 0) break;
    floors[i]++;
    missing--;
  }
  return floors;
}
