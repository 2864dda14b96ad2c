// The coverage page's logic, kept out of the components so that it can be tested: its state in the
// query string, the colour scale of the choropleth and its legend, and the table's sorting.

import { cleanList } from '../shared/router/params';

export const SORT_KEYS = ['municipality', 'region', 'providers', 'sites', 'per10k', 'nearestKm'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';

export interface CoverageState {
  /** The category the choropleth shows; null: the first category of the tree. */
  category: string | null;
  targetGroups: string[];
  regions: string[];
  sort: SortKey;
  dir: SortDir;
}

export const COVERAGE_PARAM = { category: 'cat', targetGroups: 'tg', regions: 'region', sort: 'sort', dir: 'dir' } as const;

export const defaultCoverageState: CoverageState = Object.freeze({
  category: null,
  targetGroups: [],
  regions: [],
  sort: 'municipality',
  dir: 'asc',
}) as CoverageState;

export function isSortKey(v: unknown): v is SortKey {
  return typeof v === 'string' && (SORT_KEYS as readonly string[]).includes(v);
}

/** The direction a column sorts in when the user picks it: names A→Z, figures largest first. */
export function defaultDir(key: SortKey): SortDir {
  return key === 'municipality' || key === 'region' ? 'asc' : 'desc';
}

/** Parses the coverage page's query string (with or without '?'); invalid parts fall back to the defaults. */
export function parseCoverageQuery(search: string): CoverageState {
  const p = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const category = (p.get(COVERAGE_PARAM.category) ?? '').trim() || null;
  const rawSort = p.get(COVERAGE_PARAM.sort);
  const sort = isSortKey(rawSort) ? rawSort : defaultCoverageState.sort;
  const rawDir = p.get(COVERAGE_PARAM.dir);
  const dir: SortDir = rawDir === 'asc' || rawDir === 'desc' ? rawDir : defaultDir(sort);
  return {
    category,
    targetGroups: cleanList(p.getAll(COVERAGE_PARAM.targetGroups)),
    regions: cleanList(p.getAll(COVERAGE_PARAM.regions)),
    sort,
    dir,
  };
}

/** Serializes the state without the leading '?'; defaults are left out, so the default state gives ''. */
export function toCoverageQuery(s: CoverageState): string {
  const p = new URLSearchParams();
  if (s.category?.trim()) p.set(COVERAGE_PARAM.category, s.category.trim());
  for (const g of cleanList(s.targetGroups)) p.append(COVERAGE_PARAM.targetGroups, g);
  for (const r of cleanList(s.regions)) p.append(COVERAGE_PARAM.regions, r);
  if (s.sort !== defaultCoverageState.sort) p.set(COVERAGE_PARAM.sort, s.sort);
  if (s.dir !== defaultDir(s.sort)) p.set(COVERAGE_PARAM.dir, s.dir);
  return p.toString();
}

export function coverageHref(s: CoverageState): string {
  const q = toCoverageQuery(s);
  return q ? `/coverage?${q}` : '/coverage';
}

/** The GraphQL `CoverageFilter` for the state (one category; empty lists left out). */
export function toCoverageFilter(s: CoverageState, category: string): { categories: string[]; targetGroups?: string[]; regions?: string[] } {
  const out: { categories: string[]; targetGroups?: string[]; regions?: string[] } = { categories: [category] };
  const tg = cleanList(s.targetGroups);
  if (tg.length) out.targetGroups = tg;
  const regions = cleanList(s.regions);
  if (regions.length) out.regions = regions;
  return out;
}

/** The `OrganizationFilter` that selects the organizations behind the coverage view, for its exports. */
export function coverageOrganizationFilter(s: CoverageState, category: string): { categories: string[]; targetGroups?: string[]; regions?: string[] } {
  return toCoverageFilter(s, category);
}

// --- colour scale ------------------------------------------------------------------------------

/** A sequential palette (ColorBrewer YlGnBu, 5 classes), light to dark; readable on the tile-less map. */
export const PALETTE = ['#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494'] as const;
/** Municipalities with no provider: marked apart from the scale. */
export const GAP_FILL = '#fbe3e4';
export const GAP_STROKE = '#a4262c';

export interface ColourScale {
  /** Upper bounds (inclusive) of the classes, ascending; the last is at least the largest value. */
  breaks: number[];
  colours: string[];
}

const ceil2 = (n: number) => Math.ceil(n * 100 - 1e-9) / 100;

/**
 * Quantile classes of the positive values (the zeros are the gaps, shown apart), at most `classes`
 * of them, with bounds rounded up to two decimals and no empty or repeated class.
 */
export function buildScale(values: readonly number[], classes = PALETTE.length): ColourScale {
  const positive = values.filter((v) => Number.isFinite(v) && v > 0).sort((a, b) => a - b);
  if (!positive.length) return { breaks: [], colours: [] };
  const k = Math.max(1, Math.min(classes, PALETTE.length, positive.length));
  const breaks: number[] = [];
  for (let i = 1; i <= k; i++) {
    const b = ceil2(positive[Math.ceil((i * positive.length) / k) - 1]!);
    if (!breaks.length || b > breaks[breaks.length - 1]!) breaks.push(b);
  }
  // spread the palette over the classes that exist, keeping its ends
  const colours = breaks.map((_, i) => PALETTE[breaks.length === 1 ? PALETTE.length - 1 : Math.round((i * (PALETTE.length - 1)) / (breaks.length - 1))]!);
  return { breaks, colours };
}

/**
 * The class index of a value, or -1 for a gap (no provider). The value is compared as shown (two
 * decimals), so a municipality whose figure reads "1.20" is in the class labelled "up to 1.20".
 */
export function classOf(value: number, providers: number, scale: ColourScale): number {
  if (providers <= 0 || !(value > 0) || !scale.breaks.length) return -1;
  const shown = Math.round(value * 100) / 100;
  const i = scale.breaks.findIndex((b) => shown <= b);
  return i < 0 ? scale.breaks.length - 1 : i;
}

export function colourOf(value: number, providers: number, scale: ColourScale): string {
  const i = classOf(value, providers, scale);
  return i < 0 ? GAP_FILL : scale.colours[i]!;
}

export interface LegendEntry {
  /** Smallest value shown (two decimals) in the class: null for the first, which starts above zero (zero is a gap). */
  from: number | null;
  /** Largest value shown in the class (inclusive). */
  to: number;
  colour: string;
}

/** Classes as a reader says them: "up to 1.20", "1.21 to 2.50", ... (bounds are two-decimal figures as the table shows them). */
export function legendEntries(scale: ColourScale): LegendEntry[] {
  return scale.breaks.map((to, i) => ({ from: i === 0 ? null : Math.round((scale.breaks[i - 1]! + 0.01) * 100) / 100, to, colour: scale.colours[i]! }));
}

// --- rows and sorting ----------------------------------------------------------------------------

export interface CoverageRow {
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
  population: number;
  providers: number;
  sites: number;
  per10k: number;
  nearestKm: number | null;
  gap: boolean;
}

/** The value a column sorts by: the row's field of the same name, but for the two named columns. */
function value(row: CoverageRow, key: SortKey): string | number | null {
  return key === 'municipality' ? row.name : key === 'region' ? row.regionName : row[key];
}

/**
 * Sorts a copy of the rows by a column. Missing values (no site anywhere) come last in either
 * direction; ties fall back to the municipality's name, A→Z.
 */
export function sortRows(rows: readonly CoverageRow[], key: SortKey, dir: SortDir, locale = 'sq'): CoverageRow[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = value(a, key);
    const vb = value(b, key);
    if (va == null || vb == null) {
      if (va == null && vb != null) return 1;
      if (vb == null && va != null) return -1;
    } else {
      const c = typeof va === 'string' ? collator.compare(va, vb as string) : (va as number) - (vb as number);
      if (c !== 0) return sign * c;
    }
    return collator.compare(a.name, b.name) || a.code.localeCompare(b.code);
  });
}

/** Rows grouped by region (in the given region order), each group sorted by providers per 10,000, largest first. */
export function byRegion(rows: readonly CoverageRow[], regionOrder: readonly string[], locale = 'sq'): { regionCode: string; regionName: string; rows: CoverageRow[] }[] {
  const groups = new Map<string, CoverageRow[]>();
  for (const r of rows) {
    const g = groups.get(r.regionCode);
    if (g) g.push(r);
    else groups.set(r.regionCode, [r]);
  }
  const order = [...regionOrder.filter((c) => groups.has(c)), ...[...groups.keys()].filter((c) => !regionOrder.includes(c))];
  return order.map((code) => {
    const g = groups.get(code)!;
    return { regionCode: code, regionName: g[0]!.regionName, rows: sortRows(g, 'per10k', 'desc', locale) };
  });
}

/** The table as CSV (RFC 4180 quoting), for the "download this table" link. */
export function coverageCsv(rows: readonly CoverageRow[], header: string[]): string {
  const q = (v: string | number | null) => {
    const s = v == null ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [header.map(q).join(',')];
  for (const r of rows) lines.push([r.code, r.name, r.regionName, r.providers, r.sites, r.per10k.toFixed(4), r.nearestKm == null ? null : r.nearestKm.toFixed(3), r.gap ? 1 : 0].map(q).join(','));
  return lines.join('\r\n') + '\r\n';
}
