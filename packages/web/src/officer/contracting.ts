// The officer's "Find contractable providers" page (issues 5 and 13): its URL state, the API's ranked
// providers as the page shows them, the side-by-side comparison and the shortlist's entries. Pure
// functions, unit-tested. The contractable rule itself is the API's (Organization.contractability).
import type { ContractingSearchQuery } from '../gql/graphql';
import type { Lang } from '../shared/i18n/lang';
import { expandSelection, type CategoryNode } from '../shared/categories';

export const MAX_COMPARE = 4;
export const DEFAULT_RADIUS_KM = 10;

export interface ContractingState {
  /** Service category code. */
  cat: string;
  /** 'municipality': category + municipality (the API's contractableFor); 'point': a point and a radius. */
  mode: 'municipality' | 'point';
  mun: string;
  lat: number | null;
  lng: number | null;
  radiusKm: number;
  /** YYYY-MM-DD; empty means today. */
  on: string;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Today in Kosovo as YYYY-MM-DD (the API's validToday uses the same zone). */
export function todayInKosovo(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Belgrade', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function num(v: string | null): number | null {
  if (v == null || v.trim() === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

export function parseContractingQuery(search: string): ContractingState {
  const p = new URLSearchParams(search);
  const lat = num(p.get('lat'));
  const lng = num(p.get('lng'));
  const r = num(p.get('r'));
  const on = p.get('on') ?? '';
  const point = lat != null && lng != null && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
  return {
    cat: p.get('cat') ?? '',
    mode: p.get('mode') === 'point' || (point && !p.get('mun')) ? 'point' : 'municipality',
    mun: p.get('mun') ?? '',
    lat: point ? lat : null,
    lng: point ? lng : null,
    radiusKm: r != null && r > 0 && r <= 200 ? r : DEFAULT_RADIUS_KM,
    on: DATE_RE.test(on) ? on : '',
  };
}

export function contractingHref(s: ContractingState): string {
  const p = new URLSearchParams();
  if (s.cat) p.set('cat', s.cat);
  if (s.mode === 'point') {
    p.set('mode', 'point');
    if (s.lat != null && s.lng != null) {
      p.set('lat', s.lat.toFixed(5));
      p.set('lng', s.lng.toFixed(5));
    }
    if (s.radiusKm !== DEFAULT_RADIUS_KM) p.set('r', String(s.radiusKm));
  } else if (s.mun) p.set('mun', s.mun);
  if (s.on) p.set('on', s.on);
  const q = p.toString();
  return `/contracting${q ? `?${q}` : ''}`;
}

/** Whether the search has what it needs to run. */
export function isComplete(s: ContractingState): boolean {
  if (!s.cat) return false;
  return s.mode === 'point' ? s.lat != null && s.lng != null : Boolean(s.mun);
}

/** The arguments of the API's contractingSearch (and of /export/contractable.csv) for a search. */
export function searchVariables(s: ContractingState, on: string): { category: string; municipality: string | null; near: { lat: number; lng: number; radiusKm: number } | null; on: string } {
  const point = s.mode === 'point' && s.lat != null && s.lng != null;
  return {
    category: s.cat,
    municipality: point ? null : s.mun,
    near: point ? { lat: s.lat!, lng: s.lng!, radiusKm: s.radiusKm } : null,
    on,
  };
}

/** The ranked list as a CSV file: the API's export of the same search, in the same order. */
export function contractableCsvHref(s: ContractingState, on: string, lang: string): string {
  const v = searchVariables(s, on);
  const p = new URLSearchParams({ category: v.category });
  if (v.near) {
    p.set('lat', String(v.near.lat));
    p.set('lng', String(v.near.lng));
    p.set('radiusKm', String(v.near.radiusKm));
  } else if (v.municipality) p.set('municipality', v.municipality);
  p.set('on', on);
  p.set('lang', lang);
  return `/export/contractable.csv?${p.toString()}`;
}

// ---- providers ----------------------------------------------------------------------------

/** One edge of the API's contractingSearch (officer/operations.ts), ranked there: the generated type. */
export type ContractingEdge = ContractingSearchQuery['contractingSearch']['edges'][number];
/** A provider as the search selects it. */
export type Provider = ContractingEdge['node'];
/** One condition of the contractable rule as the API checked it (Organization.contractability). */
export type RuleCheck = ContractingEdge['contractability']['checks'][number];

export interface RankedProvider {
  provider: Provider;
  distanceKm: number | null;
  /** The API's verdict: the contractable rule is never worked out here. */
  contractable: boolean;
  checks: readonly RuleCheck[];
  /** Active services in the category or below it, to show their area. */
  services: Provider['services'][number][];
  /** Beneficiaries per year over those services (the API's sum); null when none of them states a capacity. */
  capacity: number | null;
  residentialPlaces: number | null;
  /** Licences for the category (itself, an ancestor or a category below it), to show with their validity on the date. */
  licences: Provider['licences'][number][];
  verified: boolean;
}

function ancestorsOf(code: string, index: Map<string, CategoryNode>): string[] {
  const out: string[] = [];
  let node = index.get(code);
  while (node?.parentCode) {
    out.push(node.parentCode);
    node = index.get(node.parentCode);
  }
  return out;
}

/**
 * A provider of the API's ranked list, in the API's order, with what the page shows of it: the verdict
 * and each condition come from the API; the services and licences of the category only pick what to list.
 */
export function fromEdge(edge: ContractingEdge, cat: string, index: Map<string, CategoryNode>): RankedProvider {
  const below = expandSelection([cat], index);
  const related = new Set([...below, ...ancestorsOf(cat, index)]);
  const provider = edge.node;
  return {
    provider,
    distanceKm: edge.distanceKm ?? null,
    contractable: edge.contractability.contractable,
    checks: edge.contractability.checks,
    services: provider.services.filter((s) => s.status === 'ACTIVE' && s.categories.some((c) => below.has(c.code))),
    capacity: edge.capacity ?? null,
    residentialPlaces: edge.residentialPlaces ?? null,
    licences: provider.licences.filter((l) => l.categories.some((c) => related.has(c.code))),
    verified: provider.verification.status === 'VERIFIED',
  };
}

/** Toggles an id in the comparison, keeping at most MAX_COMPARE (a fifth is refused). */
export function toggleCompare(selected: readonly string[], id: string): string[] {
  if (selected.includes(id)) return selected.filter((s) => s !== id);
  if (selected.length >= MAX_COMPARE) return [...selected];
  return [...selected, id];
}

// ---- comparison ---------------------------------------------------------------------------

export type CompareRowKey = 'contractable' | 'distance' | 'capacity' | 'residentialPlaces' | 'licences' | 'serviceArea' | 'sites' | 'verification' | 'contracts';

export type CompareCell =
  | { kind: 'bool'; value: boolean }
  | { kind: 'number'; value: number | null }
  | { kind: 'list'; value: string[] }
  | { kind: 'verification'; verified: boolean; verifiedAt: string | null }
  | { kind: 'contracts'; count: number; amount: number };

export interface CompareTable {
  columns: { id: string; name: string }[];
  rows: { key: CompareRowKey; cells: CompareCell[] }[];
}

function uniqueSorted(values: string[], lang: string): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b, lang));
}

/** The side-by-side table: one column per provider (in the order chosen), one row per property. */
export function buildCompareTable(items: readonly RankedProvider[], options: { withDistance: boolean; lang?: string }): CompareTable {
  const lang = options.lang ?? 'sq';
  const rows: CompareTable['rows'] = [
    { key: 'contractable', cells: items.map((i) => ({ kind: 'bool', value: i.contractable })) },
  ];
  if (options.withDistance) rows.push({ key: 'distance', cells: items.map((i) => ({ kind: 'number', value: i.distanceKm })) });
  rows.push(
    { key: 'capacity', cells: items.map((i) => ({ kind: 'number', value: i.capacity })) },
    { key: 'residentialPlaces', cells: items.map((i) => ({ kind: 'number', value: i.residentialPlaces })) },
    {
      key: 'licences',
      cells: items.map((i) => ({
        kind: 'list',
        value: i.licences.map((l) => `${l.number} (${l.validFrom} – ${l.validUntil ?? '…'})${l.validOn ? ' ✓' : ' ✗'}`),
      })),
    },
    { key: 'serviceArea', cells: items.map((i) => ({ kind: 'list', value: uniqueSorted(i.services.flatMap((s) => s.serviceArea.map((m) => m.name)), lang) })) },
    { key: 'sites', cells: items.map((i) => ({ kind: 'list', value: uniqueSorted(i.provider.locations.map((l) => l.municipality.name), lang) })) },
    { key: 'verification', cells: items.map((i) => ({ kind: 'verification', verified: i.verified, verifiedAt: i.provider.verification.verifiedAt ?? null })) },
    {
      key: 'contracts',
      cells: items.map((i) => ({ kind: 'contracts', count: i.provider.contracts.length, amount: i.provider.contracts.reduce((s, c) => s + (c.amount ?? 0), 0) })),
    },
  );
  return { columns: items.map((i) => ({ id: i.provider.id, name: i.provider.name })), rows };
}

// ---- shortlist entries ----------------------------------------------------------------------

export interface EntryDraft {
  organization: string;
  name: string;
  /** The language the name is in, where it is known (a name in another language than the page's is marked). */
  nameLang?: Lang;
  note: string;
}

/** Moves an entry up (-1) or down (+1); out of range leaves the list as it is. */
export function moveEntry<T>(entries: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (index < 0 || index >= entries.length || to < 0 || to >= entries.length) return [...entries];
  const out = [...entries];
  [out[index], out[to]] = [out[to]!, out[index]!];
  return out;
}

/** Adds organizations that are not in the list yet, at its end. */
export function addEntries(entries: readonly EntryDraft[], add: readonly { id: string; name: string }[]): EntryDraft[] {
  const have = new Set(entries.map((e) => e.organization));
  return [...entries, ...add.filter((a) => !have.has(a.id)).map((a) => ({ organization: a.id, name: a.name, note: '' }))];
}

/** The API's entries input: the order is the list's, an empty note is none. */
export function entriesInput(entries: readonly EntryDraft[]): { organization: string; note: string | null }[] {
  return entries.map((e) => ({ organization: e.organization, note: e.note.trim() ? e.note.trim() : null }));
}

// ---- a form's userErrors --------------------------------------------------------------------

export interface FieldError {
  field?: readonly string[] | null;
  message: string;
  code: string;
}

/** The API's userErrors by form field (["input", "amount"] → "amount"); the rest stay general. */
export function errorsByField(errors: readonly FieldError[], fields: readonly string[]): { byField: Record<string, string[]>; general: FieldError[] } {
  const known = new Set(fields);
  const byField: Record<string, string[]> = {};
  const general: FieldError[] = [];
  for (const e of errors) {
    const path = (e.field ?? []).filter((p) => p !== 'input' && !/^\d+$/.test(p));
    const key = path[0] ?? '';
    if (known.has(key)) (byField[key] ??= []).push(e.message);
    else general.push(e);
  }
  return { byField, general };
}
