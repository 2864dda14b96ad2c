import { describe, expect, it } from 'vitest';
import {
  activeCriteria,
  boundsToBBox,
  emptyFilter,
  filterKey,
  isEmptyFilter,
  parseQuery,
  toApiFilter,
  toQuery,
  type Filter,
  type MapPageState,
} from './filter';

const full: Filter = {
  text: 'shtëpi & "strehë" #1 / 50%+?',
  categories: ['residential.shelter-domestic-violence', 'counselling'],
  targetGroups: ['children-without-parental-care', 'elderly'],
  regions: ['prishtine', 'peje'],
  municipalities: ['prishtine', 'fushe-kosove'],
  verified: true,
  licensedFor: { category: 'residential', on: '2025-03-01' },
  bbox: { minLat: 42.5, minLng: 20.9, maxLat: 42.75, maxLng: 21.3 },
};

function roundTrip(state: MapPageState): MapPageState {
  return parseQuery(toQuery(state));
}

describe('filter ⇄ query string', () => {
  it('round-trips every field', () => {
    const state: MapPageState = { filter: full, view: { lat: 42.66701, lng: 21.16599, zoom: 12 } };
    expect(roundTrip(state)).toEqual(state);
  });

  it('round-trips through a leading "?" and through URLSearchParams', () => {
    const q = toQuery({ filter: full, view: null });
    expect(parseQuery('?' + q)).toEqual({ filter: full, view: null });
    expect(parseQuery(new URLSearchParams(q))).toEqual({ filter: full, view: null });
  });

  it('gives an empty query for the empty filter, and the empty filter back', () => {
    expect(toQuery({ filter: emptyFilter, view: null })).toBe('');
    expect(parseQuery('')).toEqual({ filter: emptyFilter, view: null });
    expect(isEmptyFilter(parseQuery('?').filter)).toBe(true);
  });

  it('leaves out empty lists and keeps single-element lists', () => {
    const f: Filter = { ...emptyFilter, categories: [], regions: ['prizren'] };
    const q = toQuery({ filter: f, view: null });
    expect(q).toBe('region=prizren');
    expect(roundTrip({ filter: f, view: null }).filter).toEqual(f);
  });

  it('keeps list values that contain commas, ampersands, equals signs, spaces and non-ASCII letters', () => {
    const f: Filter = { ...emptyFilter, categories: ['a,b', 'c&d=e', 'ç ë'], targetGroups: ['Đakovica'] };
    expect(roundTrip({ filter: f, view: null }).filter).toEqual(f);
  });

  it('uses repeated keys for lists and short names', () => {
    const q = new URLSearchParams(toQuery({ filter: full, view: { lat: 42.6, lng: 21.1, zoom: 9 } }));
    expect(q.getAll('cat')).toEqual(full.categories);
    expect(q.get('verified')).toBe('1');
    expect(q.get('lic')).toBe('residential');
    expect(q.get('licOn')).toBe('2025-03-01');
    expect(q.get('area')).toBe('42.5,20.9,42.75,21.3');
    expect(q.get('map')).toBe('9/42.6/21.1');
  });

});

describe('filter ⇄ query string: what a hand-written or stale link may hold', () => {
  it('trims and de-duplicates list values and text, and drops blank ones', () => {
    const s = parseQuery('q=%20%20hello%20&cat=a&cat=%20a%20&cat=&cat=b&tg=');
    expect(s.filter.text).toBe('hello');
    expect(s.filter.categories).toEqual(['a', 'b']);
    expect(s.filter.targetGroups).toEqual([]);
  });

  it('treats whitespace-only text as no text', () => {
    expect(toQuery({ filter: { ...emptyFilter, text: '   ' }, view: null })).toBe('');
  });

  it('drops an invalid bbox (wrong arity, non-numbers, inverted, out of range)', () => {
    for (const area of ['1,2,3', '1,2,3,4,5', 'a,b,c,d', '42.8,20,42.5,21', '42,21,43,20', '-95,0,10,10', '0,0,10,190', ',,,']) {
      expect(parseQuery(`area=${encodeURIComponent(area)}`).filter.bbox, area).toBeNull();
    }
  });

  it('rounds bbox coordinates to 5 decimals', () => {
    const f = parseQuery('area=42.1234567,20.9876543,42.7,21.3').filter;
    expect(f.bbox).toEqual({ minLat: 42.12346, minLng: 20.98765, maxLat: 42.7, maxLng: 21.3 });
  });

  it('drops an invalid map view and clamps the zoom', () => {
    expect(parseQuery('map=abc').view).toBeNull();
    expect(parseQuery('map=10/42').view).toBeNull();
    expect(parseQuery('map=10/95/21').view).toBeNull();
    expect(parseQuery('map=10//21').view).toBeNull();
    expect(parseQuery('map=40/42.5/21').view).toEqual({ zoom: 19, lat: 42.5, lng: 21 });
    expect(parseQuery('map=8.6/42.5/21').view).toEqual({ zoom: 9, lat: 42.5, lng: 21 });
  });

  it('accepts verified as 1/true/yes and nothing else', () => {
    expect(parseQuery('verified=1').filter.verified).toBe(true);
    expect(parseQuery('verified=TRUE').filter.verified).toBe(true);
    expect(parseQuery('verified=yes').filter.verified).toBe(true);
    expect(parseQuery('verified=0').filter.verified).toBe(false);
    expect(parseQuery('verified=').filter.verified).toBe(false);
  });

  it('keeps a licence category without a date, and drops a malformed date', () => {
    expect(parseQuery('lic=residential').filter.licensedFor).toEqual({ category: 'residential', on: null });
    expect(parseQuery('lic=residential&licOn=01.03.2025').filter.licensedFor).toEqual({ category: 'residential', on: null });
    expect(parseQuery('licOn=2025-01-01').filter.licensedFor).toBeNull();
  });

  it('ignores unknown parameters', () => {
    expect(parseQuery('foo=bar&utm_source=x')).toEqual({ filter: emptyFilter, view: null });
  });

  it('gives equal keys for equal filters regardless of duplicates', () => {
    expect(filterKey({ ...emptyFilter, categories: ['a', 'a', 'b'] })).toBe(filterKey({ ...emptyFilter, categories: ['a', 'b'] }));
    expect(filterKey({ ...emptyFilter, categories: ['a'] })).not.toBe(filterKey({ ...emptyFilter, targetGroups: ['a'] }));
  });
});

describe('filter → GraphQL OrganizationFilter', () => {
  it('maps every field', () => {
    expect(toApiFilter(full)).toEqual({
      text: full.text,
      categories: full.categories,
      targetGroups: full.targetGroups,
      regions: full.regions,
      municipalities: full.municipalities,
      verified: true,
      licensedFor: { category: 'residential', on: '2025-03-01' },
      bbox: full.bbox,
    });
  });

  it('leaves out empty parts so that the API defaults apply (e.g. verified=false means "any")', () => {
    expect(toApiFilter(emptyFilter)).toEqual({});
    expect(toApiFilter({ ...emptyFilter, licensedFor: { category: 'residential', on: null } })).toEqual({ licensedFor: { category: 'residential' } });
  });

  it('counts active criteria', () => {
    expect(activeCriteria(emptyFilter)).toBe(0);
    expect(activeCriteria(full)).toBe(8);
  });
});

describe('map bounds → bbox filter', () => {
  it('converts Leaflet-style bounds and rounds them', () => {
    expect(boundsToBBox({ south: 42.1234567, west: 20.5, north: 42.9, east: 21.7654321 })).toEqual({
      minLat: 42.12346,
      minLng: 20.5,
      maxLat: 42.9,
      maxLng: 21.76543,
    });
  });

  it('clamps a world-wrapped view to valid longitudes and latitudes', () => {
    const b = boundsToBBox({ south: -100, west: -200, north: 100, east: 250 });
    expect(b).toEqual({ minLat: -90, minLng: -180, maxLat: 90, maxLng: 180 });
    const f = parseQuery(toQuery({ filter: { ...emptyFilter, bbox: b }, view: null })).filter;
    expect(f.bbox).toEqual(b);
  });
});
