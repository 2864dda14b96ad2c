import { describe, expect, it } from 'vitest';
import { buildCategoryTree, indexTree } from '../shared/categories';
import {
  MAX_COMPARE,
  addEntries,
  buildCompareTable,
  contractableCsvHref,
  contractingHref,
  entriesInput,
  errorsByField,
  fromEdge,
  isComplete,
  moveEntry,
  parseContractingQuery,
  searchVariables,
  todayInKosovo,
  toggleCompare,
  type Provider,
  type RuleCheck,
} from './contracting';

const index = indexTree(
  buildCategoryTree([
    { code: 'care', name: 'Care' },
    { code: 'care.home', name: 'Home care', parent: { code: 'care' } },
    { code: 'care.day', name: 'Day care', parent: { code: 'care' } },
    { code: 'counselling', name: 'Counselling' },
  ]),
);

function org(id: string, over: Partial<Provider> = {}): Provider {
  return {
    id,
    name: `Org ${id}`,
    names: { sq: `Org ${id}`, sr: null, en: null },
    acronym: null,
    isDemo: false,
    status: 'ACTIVE',
    verification: { status: 'VERIFIED', verifiedAt: '2025-03-01T10:00:00Z' },
    services: [{ id: `${id}-s1`, name: 'S', status: 'ACTIVE', capacity: 100, residentialPlaces: null, categories: [{ code: 'care.home' }], serviceArea: [{ code: 'prishtine', name: 'Prishtinë' }] }],
    licences: [{ id: `${id}-l1`, number: `L-${id}`, authority: 'MD', validFrom: '2024-01-01', validUntil: null, validOn: true, categories: [{ code: 'care' }] }],
    locations: [{ id: `${id}-loc`, municipality: { code: 'prishtine', name: 'Prishtinë' } }],
    contracts: [],
    ...over,
  };
}

describe('the search in the URL', () => {
  it('round-trips a municipality search and a point search', () => {
    const m = parseContractingQuery('?cat=care&mun=prishtine&on=2026-01-31');
    expect(m).toMatchObject({ cat: 'care', mode: 'municipality', mun: 'prishtine', on: '2026-01-31' });
    expect(parseContractingQuery(contractingHref(m).split('?')[1]!)).toEqual(m);
    const p = parseContractingQuery('?cat=care&mode=point&lat=42.66&lng=21.16&r=25');
    expect(p).toMatchObject({ mode: 'point', lat: 42.66, lng: 21.16, radiusKm: 25 });
    expect(parseContractingQuery(contractingHref(p).split('?')[1]!)).toEqual(p);
    expect(isComplete(p)).toBe(true);
    expect(isComplete({ ...p, lat: null })).toBe(false);
    expect(isComplete(parseContractingQuery('?cat=care'))).toBe(false);
  });

  it('ignores bad dates, radii and coordinates', () => {
    const s = parseContractingQuery('?cat=care&on=31.01.2026&r=-3&lat=999&lng=20&mode=point');
    expect(s.on).toBe('');
    expect(s.radiusKm).toBe(10);
    expect(s.lat).toBeNull();
  });

  it('asks the API\'s contractingSearch by municipality or by a point, and links the same search as CSV', () => {
    const m = parseContractingQuery('?cat=care&mun=peje');
    expect(searchVariables(m, '2026-02-01')).toEqual({ category: 'care', municipality: 'peje', near: null, on: '2026-02-01' });
    const p = parseContractingQuery('?cat=care&mode=point&lat=42&lng=21&r=5&mun=peje');
    expect(searchVariables(p, '2026-02-01')).toEqual({ category: 'care', municipality: null, near: { lat: 42, lng: 21, radiusKm: 5 }, on: '2026-02-01' });
    expect(contractableCsvHref(m, '2026-02-01', 'en')).toBe('/export/contractable.csv?category=care&municipality=peje&on=2026-02-01&lang=en');
    expect(contractableCsvHref(p, '2026-02-01', 'sq')).toBe('/export/contractable.csv?category=care&lat=42&lng=21&radiusKm=5&on=2026-02-01&lang=sq');
  });

  it('gives today in Kosovo as a date', () => {
    expect(todayInKosovo(new Date('2026-03-31T22:30:00Z'))).toBe('2026-04-01');
    expect(todayInKosovo(new Date('2026-01-15T10:00:00Z'))).toBe('2026-01-15');
  });
});

const HOLDS = { ACTIVE: 'IS_ACTIVE', VERIFIED: 'IS_VERIFIED', SERVICE: 'SERVICE_IN_CATEGORY', AREA: 'SERVES_PLACE', LICENCE: 'LICENCE_VALID' } as const;
const CHECKS: RuleCheck[] = (['ACTIVE', 'VERIFIED', 'SERVICE', 'AREA', 'LICENCE'] as const).map((condition) => ({
  condition,
  holds: true,
  reason: HOLDS[condition],
  serviceName: null,
  licenceNumber: null,
  licenceValidFrom: null,
  licenceValidUntil: null,
}));
const edge = (node: Provider, contractable = true, over: { distanceKm?: number; capacity?: number | null } = {}) => ({
  node,
  capacity: 'capacity' in over ? (over.capacity ?? null) : 100,
  residentialPlaces: null,
  distanceKm: over.distanceKm ?? null,
  contractability: { contractable, checks: CHECKS },
});

describe('a provider of the API\'s list', () => {
  it('takes the verdict, the checks and the capacity from the API, never from its own reading of the rule', () => {
    // Unverified and without a licence here, yet the API says contractable: the API decides.
    const r = fromEdge(edge(org('a', { verification: { status: 'UNVERIFIED', verifiedAt: null }, licences: [] }), true, { capacity: 7 }), 'care', index);
    expect(r.contractable).toBe(true);
    expect(r.capacity).toBe(7);
    expect(r.checks).toBe(CHECKS);
    expect(fromEdge(edge(org('b'), false), 'care', index).contractable).toBe(false);
  });

  it('lists the active services and the licences of the category', () => {
    const base = org('a').services[0]!;
    const r = fromEdge(
      edge(
        org('a', {
          services: [base, { ...base, id: 's2', categories: [{ code: 'care.day' }] }, { ...base, id: 's3', categories: [{ code: 'counselling' }] }, { ...base, id: 's4', status: 'INACTIVE' }],
          licences: [org('a').licences[0]!, { ...org('a').licences[0]!, id: 'l2', categories: [{ code: 'counselling' }] }],
        }),
      ),
      'care',
      index,
    );
    expect(r.services.map((s) => s.id)).toEqual(['a-s1', 's2']);
    expect(r.licences.map((l) => l.id)).toEqual(['a-l1']);
  });
});

describe('comparison', () => {
  it('keeps at most four', () => {
    let s: string[] = [];
    for (const id of ['a', 'b', 'c', 'd', 'e']) s = toggleCompare(s, id);
    expect(s).toEqual(['a', 'b', 'c', 'd']);
    expect(s.length).toBe(MAX_COMPARE);
    expect(toggleCompare(s, 'b')).toEqual(['a', 'c', 'd']);
  });

  it('builds one column per provider and one row per property', () => {
    const a = fromEdge(
      edge(org('a', {
        locations: [
          { id: '1', municipality: { code: 'peje', name: 'Pejë' } },
          { id: '2', municipality: { code: 'prishtine', name: 'Prishtinë' } },
          { id: '3', municipality: { code: 'peje', name: 'Pejë' } },
        ],
        contracts: [
          { id: 'k1', amount: 1000 },
          { id: 'k2', amount: null },
          { id: 'k3', amount: 250.5 },
        ],
      }), true, { distanceKm: 1.25 }),
      'care',
      index,
    );
    const b = fromEdge(edge(org('b', { verification: { status: 'UNVERIFIED', verifiedAt: null }, licences: [] }), false, { distanceKm: 4 }), 'care', index);
    const table = buildCompareTable([a, b], { withDistance: true });
    expect(table.columns).toEqual([
      { id: 'a', name: 'Org a' },
      { id: 'b', name: 'Org b' },
    ]);
    const row = (k: string) => table.rows.find((r) => r.key === k)!.cells;
    expect(table.rows.map((r) => r.key)).toEqual(['contractable', 'distance', 'capacity', 'residentialPlaces', 'licences', 'serviceArea', 'sites', 'verification', 'contracts']);
    expect(row('contractable')).toEqual([
      { kind: 'bool', value: true },
      { kind: 'bool', value: false },
    ]);
    expect(row('distance')).toEqual([
      { kind: 'number', value: 1.25 },
      { kind: 'number', value: 4 },
    ]);
    expect(row('sites')[0]).toEqual({ kind: 'list', value: ['Pejë', 'Prishtinë'] });
    expect(row('licences')).toEqual([
      { kind: 'list', value: ['L-a (2024-01-01 – …) ✓'] },
      { kind: 'list', value: [] },
    ]);
    expect(row('verification')[1]).toEqual({ kind: 'verification', verified: false, verifiedAt: null });
    expect(row('contracts')[0]).toEqual({ kind: 'contracts', count: 3, amount: 1250.5 });
    expect(buildCompareTable([a], { withDistance: false }).rows.some((r) => r.key === 'distance')).toBe(false);
  });
});

describe('shortlist entries', () => {
  const entries = [
    { organization: 'a', name: 'A', note: '' },
    { organization: 'b', name: 'B', note: ' call first ' },
    { organization: 'c', name: 'C', note: '' },
  ];
  it('move up and down within bounds', () => {
    expect(moveEntry(entries, 1, -1).map((e) => e.organization)).toEqual(['b', 'a', 'c']);
    expect(moveEntry(entries, 1, 1).map((e) => e.organization)).toEqual(['a', 'c', 'b']);
    expect(moveEntry(entries, 0, -1).map((e) => e.organization)).toEqual(['a', 'b', 'c']);
    expect(moveEntry(entries, 2, 1).map((e) => e.organization)).toEqual(['a', 'b', 'c']);
  });
  it('add only new organizations, and become the API input in order', () => {
    const added = addEntries(entries, [
      { id: 'b', name: 'B' },
      { id: 'd', name: 'D' },
    ]);
    expect(added.map((e) => e.organization)).toEqual(['a', 'b', 'c', 'd']);
    expect(entriesInput(added)).toEqual([
      { organization: 'a', note: null },
      { organization: 'b', note: 'call first' },
      { organization: 'c', note: null },
      { organization: 'd', note: null },
    ]);
  });
});

describe('userErrors by field', () => {
  it('puts the errors of the fields a form shows next to them, the rest above', () => {
    const out = errorsByField(
      [
        { field: ['input', 'amount'], message: 'negative', code: 'INVALID_INPUT' },
        { field: ['input', 'categories', '0'], message: 'unknown', code: 'INVALID_INPUT' },
        { field: ['input', 'authority'], message: 'not yours', code: 'FORBIDDEN' },
        { field: null, message: 'sign in', code: 'UNAUTHENTICATED' },
        { field: ['input', 'secret'], message: '?', code: 'INVALID_INPUT' },
      ],
      ['amount', 'categories', 'authority'],
    );
    expect(out.byField).toEqual({ amount: ['negative'], categories: ['unknown'], authority: ['not yours'] });
    expect(out.general.map((e) => e.message)).toEqual(['sign in', '?']);
  });
});
