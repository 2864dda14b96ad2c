import { describe, expect, it } from 'vitest';
import { buildCategoryTree, indexTree } from '../shared/categories';
import {
  MAX_COMPARE,
  addEntries,
  assessProvider,
  buildCompareTable,
  contractingHref,
  entriesInput,
  errorsByField,
  isComplete,
  mergeResults,
  moveEntry,
  parseContractingQuery,
  rankProviders,
  searchFilters,
  todayInKosovo,
  toggleCompare,
  type Provider,
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

  it('asks the API for contractableFor by municipality and for near by a point', () => {
    const m = searchFilters(parseContractingQuery('?cat=care&mun=peje'), '2026-02-01');
    expect(m.contractable).toEqual({ contractableFor: { category: 'care', municipality: 'peje', on: '2026-02-01' } });
    expect(m.candidates).toEqual({ categories: ['care'], municipalities: ['peje'], status: ['ACTIVE'] });
    const p = searchFilters(parseContractingQuery('?cat=care&mode=point&lat=42&lng=21&r=5'), '2026-02-01');
    expect(p.contractable).toBeNull();
    expect(p.candidates.near).toEqual({ lat: 42, lng: 21, radiusKm: 5 });
  });

  it('gives today in Kosovo as a date', () => {
    expect(todayInKosovo(new Date('2026-03-31T22:30:00Z'))).toBe('2026-04-01');
    expect(todayInKosovo(new Date('2026-01-15T10:00:00Z'))).toBe('2026-01-15');
  });
});

describe('assessing a provider', () => {
  it('is contractable with a licence for an ancestor of the service category', () => {
    const r = assessProvider(org('a'), 'care', index);
    expect(r.contractable).toBe(true);
    expect(r.capacity).toBe(100);
    expect(r.licensedOnDate).toBe(true);
  });

  it('is not contractable when the licence is not valid on the date, for another category, unverified or inactive', () => {
    expect(assessProvider(org('a', { licences: [{ ...org('a').licences[0]!, validOn: false }] }), 'care', index).contractable).toBe(false);
    // a licence for the sibling category does not cover care.home
    expect(assessProvider(org('a', { licences: [{ ...org('a').licences[0]!, categories: [{ code: 'care.day' }] }] }), 'care', index).contractable).toBe(false);
    expect(assessProvider(org('a', { verification: { status: 'UNVERIFIED' } }), 'care', index).contractable).toBe(false);
    expect(assessProvider(org('a', { status: 'INACTIVE' }), 'care', index).contractable).toBe(false);
    const inactiveService = org('a', { services: [{ ...org('a').services[0]!, status: 'INACTIVE' }] });
    const r = assessProvider(inactiveService, 'care', index);
    expect(r.contractable).toBe(false);
    expect(r.capacity).toBeNull();
  });

  it('sums the capacity of the matching active services only', () => {
    const base = org('a').services[0]!;
    const r = assessProvider(
      org('a', {
        services: [
          base,
          { ...base, id: 's2', capacity: 50, residentialPlaces: 12, categories: [{ code: 'care.day' }] },
          { ...base, id: 's3', capacity: 1000, categories: [{ code: 'counselling' }] },
          { ...base, id: 's4', capacity: 7, status: 'INACTIVE' },
        ],
      }),
      'care',
      index,
    );
    expect(r.capacity).toBe(150);
    expect(r.residentialPlaces).toBe(12);
    expect(r.services.map((s) => s.id)).toEqual(['a-s1', 's2']);
  });
});

describe('ranking', () => {
  it('puts the contractable first, then the nearest, then the largest capacity, then the name', () => {
    const far = assessProvider(org('far'), 'care', index, 9);
    const near = assessProvider(org('near'), 'care', index, 2);
    const notContractable = assessProvider(org('nc', { verification: { status: 'UNVERIFIED' } }), 'care', index, 0.5);
    const big = assessProvider(org('big', { services: [{ ...org('x').services[0]!, capacity: 900 }] }), 'care', index, 9);
    expect(rankProviders([notContractable, far, big, near]).map((r) => r.provider.id)).toEqual(['near', 'big', 'far', 'nc']);
  });

  it('takes the API contractable set by municipality, and lists its members missing from the candidates', () => {
    const a = org('a');
    const b = org('b', { name: 'Alpha' });
    const c = org('c');
    // a is contractable by the client's rule but the API says no (e.g. its area): the API decides
    const merged = mergeResults([{ node: a }, { node: b }], [{ node: b }, { node: c }], 'care', index);
    expect(merged.map((r) => [r.provider.id, r.contractable])).toEqual([
      ['b', true],
      ['c', true],
      ['a', false],
    ]);
  });

  it('applies the rule itself by a point, and keeps distances', () => {
    const merged = mergeResults([{ node: org('a'), distanceKm: 3 }, { node: org('b', { verification: { status: 'UNVERIFIED' } }), distanceKm: 1 }], null, 'care', index);
    expect(merged.map((r) => [r.provider.id, r.contractable, r.distanceKm])).toEqual([
      ['a', true, 3],
      ['b', false, 1],
    ]);
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
    const a = assessProvider(
      org('a', {
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
      }),
      'care',
      index,
      1.25,
    );
    const b = assessProvider(org('b', { verification: { status: 'UNVERIFIED', verifiedAt: null }, licences: [] }), 'care', index, 4);
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
