import { describe, expect, it } from 'vitest';
import {
  buildScale,
  byRegion,
  classOf,
  colourOf,
  coverageCsv,
  coverageHref,
  defaultCoverageState,
  legendEntries,
  parseCoverageQuery,
  sortRows,
  toCoverageFilter,
  toCoverageQuery,
  GAP_FILL,
  PALETTE,
  SORT_KEYS,
  type CoverageRow,
  type CoverageState,
} from './coverage';

function row(code: string, name: string, region: string, providers: number, per10k: number, nearestKm: number | null, sites = providers): CoverageRow {
  return { code, name, regionCode: region, regionName: region.toUpperCase(), population: 10_000, providers, sites, per10k, nearestKm, gap: providers === 0 };
}

describe('coverage query string', () => {
  it('round-trips every part of the state', () => {
    const states: CoverageState[] = [
      defaultCoverageState,
      { category: 'residential', targetGroups: [], regions: [], sort: 'municipality', dir: 'asc' },
      { category: 'residential.children', targetGroups: ['elderly', 'youth'], regions: ['prishtine'], sort: 'per10k', dir: 'desc' },
      { category: 'counselling', targetGroups: ['a&b=c', 'ë ç'], regions: [], sort: 'nearestKm', dir: 'asc' },
      { category: null, targetGroups: [], regions: ['gjilan', 'peje'], sort: 'region', dir: 'desc' },
    ];
    for (const s of states) {
      const q = toCoverageQuery(s);
      expect(parseCoverageQuery(q)).toEqual(s);
      expect(parseCoverageQuery('?' + q)).toEqual(s);
    }
  });

  it('leaves defaults out, so the default state is the bare path', () => {
    expect(toCoverageQuery(defaultCoverageState)).toBe('');
    expect(coverageHref(defaultCoverageState)).toBe('/coverage');
    // a numeric column sorts largest first by default: no dir parameter then
    expect(toCoverageQuery({ ...defaultCoverageState, sort: 'providers', dir: 'desc' })).toBe('sort=providers');
    expect(toCoverageQuery({ ...defaultCoverageState, sort: 'providers', dir: 'asc' })).toBe('sort=providers&dir=asc');
    expect(coverageHref({ ...defaultCoverageState, category: 'family' })).toBe('/coverage?cat=family');
  });

  it('drops invalid parts and duplicates', () => {
    expect(parseCoverageQuery('sort=bogus&dir=sideways&tg=a&tg=a&tg=%20&cat=%20')).toEqual({ ...defaultCoverageState, targetGroups: ['a'] });
    expect(parseCoverageQuery('sort=sites').dir).toBe('desc');
    expect(parseCoverageQuery('sort=region').dir).toBe('asc');
  });

  it('builds the CoverageFilter for one category', () => {
    expect(toCoverageFilter(defaultCoverageState, 'family')).toEqual({ categories: ['family'] });
    expect(toCoverageFilter({ ...defaultCoverageState, targetGroups: ['youth'], regions: ['peje'] }, 'family')).toEqual({
      categories: ['family'],
      targetGroups: ['youth'],
      regions: ['peje'],
    });
  });
});

describe('colour scale and legend', () => {
  it('puts the positive values into quantile classes with rounded bounds; zeros are gaps', () => {
    const values = [0, 0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5.001];
    const scale = buildScale(values);
    expect(scale.breaks).toEqual([1, 2, 3, 4, 5.01]);
    expect(scale.colours).toEqual([...PALETTE]);
    expect(classOf(0.5, 1, scale)).toBe(0);
    expect(classOf(1, 1, scale)).toBe(0);
    expect(classOf(1.01, 1, scale)).toBe(1);
    expect(classOf(5.001, 3, scale)).toBe(4);
    expect(classOf(0, 0, scale)).toBe(-1);
    expect(colourOf(0, 0, scale)).toBe(GAP_FILL);
    expect(colourOf(2.5, 2, scale)).toBe(PALETTE[2]);
    // every positive value, as shown with two decimals, falls into a class whose labelled bounds contain it
    const legend = legendEntries(scale);
    for (const v of [...values.filter((x) => x > 0), 1.004, 1.006, 4.999]) {
      const shown = Math.round(v * 100) / 100;
      const e = legend[classOf(v, 1, scale)]!;
      expect((e.from == null ? shown > 0 : shown >= e.from) && shown <= e.to, String(v)).toBe(true);
    }
    // a figure the table shows as 1.00 is in "up to 1.00", not in "1.01 to 2.00"
    expect(classOf(1.004, 1, scale)).toBe(0);
  });

  it('labels the classes plainly: "up to" the first bound, then from one hundredth above the previous bound', () => {
    const legend = legendEntries(buildScale([0.2, 0.9, 1.7, 3.3, 8]));
    expect(legend.map((e) => [e.from, e.to])).toEqual([
      [null, 0.2],
      [0.21, 0.9],
      [0.91, 1.7],
      [1.71, 3.3],
      [3.31, 8],
    ]);
  });

  it('merges repeated bounds and uses the dark end of the palette for a single class', () => {
    const same = buildScale([2, 2, 2, 2, 2, 2]);
    expect(same.breaks).toEqual([2]);
    expect(same.colours).toEqual([PALETTE[PALETTE.length - 1]]);
    const two = buildScale([1, 1, 1, 1, 3]);
    expect(two.breaks).toEqual([1, 3]);
    expect(two.colours).toEqual([PALETTE[0], PALETTE[PALETTE.length - 1]]);
  });

  it('has no classes when every municipality is a gap', () => {
    const scale = buildScale([0, 0, 0]);
    expect(scale.breaks).toEqual([]);
    expect(legendEntries(scale)).toEqual([]);
    expect(classOf(0, 0, scale)).toBe(-1);
  });

  it('treats a municipality with no provider as a gap whatever its rate says', () => {
    const scale = buildScale([1, 2]);
    expect(classOf(1, 0, scale)).toBe(-1);
  });
});

describe('sorting the coverage table', () => {
  const rows = [
    row('b', 'Ferizaj', 'ferizaj', 9, 0.82, 0.7),
    row('a', 'Deçan', 'peje', 7, 2.52, 0.18),
    row('c', 'Shtërpcë', 'ferizaj', 0, 0, 16.7),
    row('d', 'Zubin Potok', 'mitrovice', 0, 0, null),
    row('e', 'Çiçavica', 'prishtine', 7, 1.2, null),
  ];

  it('sorts by every column in both directions', () => {
    for (const key of SORT_KEYS) {
      for (const dir of ['asc', 'desc'] as const) {
        const sorted = sortRows(rows, key, dir);
        expect(sorted).toHaveLength(rows.length);
        expect(new Set(sorted.map((r) => r.code))).toEqual(new Set(rows.map((r) => r.code)));
      }
    }
    expect(sortRows(rows, 'providers', 'desc').map((r) => r.providers)).toEqual([9, 7, 7, 0, 0]);
    expect(sortRows(rows, 'providers', 'asc').map((r) => r.providers)).toEqual([0, 0, 7, 7, 9]);
    expect(sortRows(rows, 'per10k', 'desc').map((r) => r.code)).toEqual(['a', 'e', 'b', 'c', 'd']);
  });

  it('breaks ties by name and sorts names by the language (ç after c, ë after e in Albanian)', () => {
    expect(sortRows(rows, 'providers', 'desc').map((r) => r.name)).toEqual(['Ferizaj', 'Çiçavica', 'Deçan', 'Shtërpcë', 'Zubin Potok']);
    expect(sortRows(rows, 'municipality', 'asc', 'sq').map((r) => r.name)).toEqual(['Çiçavica', 'Deçan', 'Ferizaj', 'Shtërpcë', 'Zubin Potok']);
    expect(sortRows(rows, 'municipality', 'desc', 'sq').map((r) => r.name)).toEqual(['Zubin Potok', 'Shtërpcë', 'Ferizaj', 'Deçan', 'Çiçavica']);
    expect(sortRows(rows, 'region', 'asc').map((r) => r.regionCode)).toEqual(['ferizaj', 'ferizaj', 'mitrovice', 'peje', 'prishtine']);
  });

  it('puts missing distances last in either direction', () => {
    expect(sortRows(rows, 'nearestKm', 'asc').map((r) => r.nearestKm)).toEqual([0.18, 0.7, 16.7, null, null]);
    expect(sortRows(rows, 'nearestKm', 'desc').map((r) => r.nearestKm)).toEqual([16.7, 0.7, 0.18, null, null]);
  });

  it('does not change its input', () => {
    const copy = rows.map((r) => ({ ...r }));
    sortRows(rows, 'sites', 'asc');
    expect(rows).toEqual(copy);
  });

  it('groups by region in the given order, largest rate first', () => {
    const groups = byRegion(rows, ['prishtine', 'ferizaj', 'peje']);
    expect(groups.map((g) => g.regionCode)).toEqual(['prishtine', 'ferizaj', 'peje', 'mitrovice']);
    expect(groups[1]!.rows.map((r) => r.code)).toEqual(['b', 'c']);
  });

  it('writes the table as CSV with quoting', () => {
    const csv = coverageCsv([row('x', 'A, "B"', 'r', 1, 1.5, null)], ['code', 'name', 'region', 'providers', 'sites', 'per10k', 'km', 'gap']);
    expect(csv).toBe('code,name,region,providers,sites,per10k,km,gap\r\nx,"A, ""B""",R,1,1,1.5000,,0\r\n');
  });
});
