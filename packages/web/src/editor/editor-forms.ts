// Form state ⇄ mutation input for the editor. A form holds strings (and string lists for codes);
// its keys are the input's paths ("names.sq", "capacity"), so the API's userErrors (field
// ["input", "names", "sq"]) land on the right field. An update sends only what changed (the API
// keeps omitted fields; null clears), a creation everything that is filled in.

import type { FormState, FormValue } from '../shared/ui/Forms';

export type FieldKind = 'text' | 'int' | 'float' | 'enum' | 'codes' | 'list';

export interface FieldSpec {
  key: string;
  kind: FieldKind;
}

export type { FormState, FormValue } from '../shared/ui/Forms';

const LOCALIZED = (prefix: string): FieldSpec[] => ['sq', 'sr', 'en'].map((l) => ({ key: `${prefix}.${l}`, kind: 'text' }));

export const ORGANIZATION_FIELDS: FieldSpec[] = [
  ...LOCALIZED('names'),
  { key: 'acronym', kind: 'text' },
  ...LOCALIZED('descriptions'),
  { key: 'legalForm', kind: 'enum' },
  { key: 'registrationNumber', kind: 'text' },
  { key: 'registrationDate', kind: 'text' },
  { key: 'website', kind: 'text' },
  { key: 'email', kind: 'text' },
  { key: 'phone', kind: 'text' },
  { key: 'yearFounded', kind: 'int' },
  { key: 'staffCount', kind: 'int' },
  { key: 'volunteerCount', kind: 'int' },
  { key: 'status', kind: 'enum' },
];

export const SERVICE_FIELDS: FieldSpec[] = [
  ...LOCALIZED('names'),
  ...LOCALIZED('descriptions'),
  { key: 'status', kind: 'enum' },
  { key: 'categories', kind: 'codes' },
  { key: 'targetGroups', kind: 'codes' },
  { key: 'serviceArea', kind: 'codes' },
  { key: 'locationIds', kind: 'codes' },
  { key: 'capacity', kind: 'int' },
  { key: 'residentialPlaces', kind: 'int' },
  { key: 'fee', kind: 'enum' },
  { key: 'languages', kind: 'list' },
  { key: 'eligibility', kind: 'text' },
];

export const LOCATION_FIELDS: FieldSpec[] = [
  { key: 'name', kind: 'text' },
  { key: 'address', kind: 'text' },
  { key: 'municipality', kind: 'enum' },
  { key: 'lat', kind: 'float' },
  { key: 'lng', kind: 'float' },
  { key: 'openingHours', kind: 'text' },
  { key: 'accessibility', kind: 'text' },
];

export const LICENCE_FIELDS: FieldSpec[] = [
  { key: 'number', kind: 'text' },
  { key: 'authority', kind: 'text' },
  { key: 'validFrom', kind: 'text' },
  { key: 'validUntil', kind: 'text' },
  { key: 'documentReference', kind: 'text' },
  { key: 'categories', kind: 'codes' },
];

// ---- entity → form ----

type Localized = { sq?: string | null; sr?: string | null; en?: string | null } | null | undefined;
const str = (v: string | number | null | undefined): string => (v == null ? '' : String(v));
const localized = (prefix: string, t: Localized): FormState => ({
  [`${prefix}.sq`]: str(t?.sq),
  [`${prefix}.sr`]: str(t?.sr),
  [`${prefix}.en`]: str(t?.en),
});
const codes = (list: readonly { code: string }[]): string[] => list.map((c) => c.code).sort();

export interface OrganizationLike {
  names: Localized;
  descriptions?: Localized;
  acronym?: string | null;
  legalForm?: string | null;
  registrationNumber?: string | null;
  registrationDate?: string | null;
  website?: string | null;
  email?: string | null;
  phone?: string | null;
  yearFounded?: number | null;
  staffCount?: number | null;
  volunteerCount?: number | null;
  status?: string | null;
}

export function organizationToForm(o: OrganizationLike): FormState {
  return {
    ...localized('names', o.names),
    acronym: str(o.acronym),
    ...localized('descriptions', o.descriptions),
    legalForm: str(o.legalForm),
    registrationNumber: str(o.registrationNumber),
    registrationDate: str(o.registrationDate),
    website: str(o.website),
    email: str(o.email),
    phone: str(o.phone),
    yearFounded: str(o.yearFounded),
    staffCount: str(o.staffCount),
    volunteerCount: str(o.volunteerCount),
    status: str(o.status),
  };
}

export interface ServiceLike {
  names: Localized;
  descriptions?: Localized;
  status?: string | null;
  categories: readonly { code: string }[];
  targetGroups: readonly { code: string }[];
  serviceArea: readonly { code: string }[];
  locations: readonly { id: string }[];
  capacity?: number | null;
  residentialPlaces?: number | null;
  fee?: string | null;
  languages: readonly string[];
  eligibility?: string | null;
}

export function serviceToForm(s: ServiceLike): FormState {
  return {
    ...localized('names', s.names),
    ...localized('descriptions', s.descriptions),
    status: str(s.status),
    categories: codes(s.categories),
    targetGroups: codes(s.targetGroups),
    serviceArea: codes(s.serviceArea),
    locationIds: s.locations.map((l) => l.id).sort(),
    capacity: str(s.capacity),
    residentialPlaces: str(s.residentialPlaces),
    fee: str(s.fee),
    languages: s.languages.join(', '),
    eligibility: str(s.eligibility),
  };
}

export interface LocationLike {
  name?: string | null;
  address?: string | null;
  openingHours?: string | null;
  accessibility?: string | null;
  municipality: { code: string };
  point: { lat: number; lng: number };
}

export function locationToForm(l: LocationLike): FormState {
  return {
    name: str(l.name),
    address: str(l.address),
    municipality: l.municipality.code,
    lat: String(l.point.lat),
    lng: String(l.point.lng),
    openingHours: str(l.openingHours),
    accessibility: str(l.accessibility),
  };
}

export interface LicenceLike {
  number: string;
  authority: string;
  validFrom: string;
  validUntil?: string | null;
  documentReference?: string | null;
  categories: readonly { code: string }[];
}

export function licenceToForm(l: LicenceLike): FormState {
  return {
    number: l.number,
    authority: l.authority,
    validFrom: l.validFrom,
    validUntil: str(l.validUntil),
    documentReference: str(l.documentReference),
    categories: codes(l.categories),
  };
}

/** An empty form for a creation. */
export function emptyForm(fields: FieldSpec[], defaults: FormState = {}): FormState {
  return Object.fromEntries(fields.map((f) => [f.key, defaults[f.key] ?? (f.kind === 'codes' ? [] : '')]));
}

// ---- form → input ----

export type ParseProblem = 'notInteger' | 'notNumber';

export interface InputResult {
  /** The input's fields (without id, version or organizationId). */
  input: Record<string, unknown>;
  /** Fields the browser already knows are wrong, by key. */
  problems: Record<string, ParseProblem>;
  /** Whether anything differs from the loaded record. */
  changed: boolean;
}

function parseValue(spec: FieldSpec, value: FormValue | undefined): { value: unknown; problem?: ParseProblem } {
  if (spec.kind === 'codes') return { value: [...((value as string[] | undefined) ?? [])].sort() };
  const text = typeof value === 'string' ? value.trim() : '';
  switch (spec.kind) {
    case 'list':
      return { value: text.split(/[,;\s]+/).map((s) => s.trim()).filter(Boolean) };
    case 'int': {
      if (!text) return { value: null };
      return /^-?\d+$/.test(text) ? { value: Number(text) } : { value: undefined, problem: 'notInteger' };
    }
    case 'float': {
      if (!text) return { value: null };
      const n = Number(text.replace(',', '.'));
      return Number.isFinite(n) ? { value: n } : { value: undefined, problem: 'notNumber' };
    }
    default:
      return { value: text || null };
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The input for a save. With `initial` (an update): only the changed fields; a localized group
 * (names, descriptions) goes whole when any of its languages changed, as the API replaces it whole.
 * Without (a creation): every filled-in field.
 */
export function formToInput(fields: FieldSpec[], form: FormState, initial?: FormState): InputResult {
  const input: Record<string, unknown> = {};
  const problems: Record<string, ParseProblem> = {};
  const groups = new Map<string, { changed: boolean; value: Record<string, unknown> }>();
  let changed = false;
  for (const spec of fields) {
    const now = parseValue(spec, form[spec.key]);
    if (now.problem) {
      problems[spec.key] = now.problem;
      continue;
    }
    const before = initial ? parseValue(spec, initial[spec.key]).value : undefined;
    const differs = initial ? !same(before, now.value) : true;
    if (initial && differs) changed = true;
    const dot = spec.key.indexOf('.');
    if (dot > 0) {
      const group = spec.key.slice(0, dot);
      const g = groups.get(group) ?? { changed: false, value: {} };
      g.value[spec.key.slice(dot + 1)] = now.value;
      g.changed ||= differs && (initial ? true : now.value != null);
      groups.set(group, g);
      continue;
    }
    if (initial) {
      if (differs) input[spec.key] = now.value;
    } else if (now.value != null && !(Array.isArray(now.value) && now.value.length === 0)) input[spec.key] = now.value;
  }
  for (const [group, g] of groups) if (g.changed) input[group] = g.value;
  if (!initial) changed = Object.keys(input).length > 0;
  return { input, problems, changed };
}

/** Parses a "lat"/"lng" pair of a form; null while either is not a number. */
export function formPoint(form: FormState): { lat: number; lng: number } | null {
  const lat = Number(String(form.lat ?? '').replace(',', '.'));
  const lng = Number(String(form.lng ?? '').replace(',', '.'));
  if (!String(form.lat ?? '').trim() || !String(form.lng ?? '').trim() || !Number.isFinite(lat) || !Number.isFinite(lng)) return null;
  return { lat, lng };
}

/** Six decimals (about 10 cm): what a picked point is stored and shown with. */
export function roundCoord(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}
