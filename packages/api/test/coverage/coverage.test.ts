import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrganizationStatus } from '../../src/organizations/organization.enums';
import { ServiceStatus } from '../../src/services/service.enums';
import { createTestApi, type TestApi } from '../support/api';
import { createOrganizations, type OrganizationSpec } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let db: TestDatabase;
let api: TestApi;

/** A tiny LCG so the fixture is varied but the same every run. */
function lcg(seed: number) {
  let state = seed >>> 0;
  return () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const LEAVES = ['residential.shelter-domestic-violence', 'residential.elderly', 'day-care.disability', 'counselling.psychosocial', 'counselling.family', 'family.foster-care', 'community.home-care'];
const GROUPS = ['elderly', 'youth', 'women-and-girls', 'persons-with-disabilities'];

async function buildFixture(): Promise<OrganizationSpec[]> {
  const [rows] = [await db.orm.em.fork().execute('select code, seat_lat, seat_lng from municipality order by code')];
  const random = lcg(7);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  return Array.from({ length: 45 }, (_, i) => {
    const home = pick(rows);
    const sites = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
      const m = random() < 0.8 ? home : pick(rows);
      return { municipality: m.code, lat: m.seat_lat + (random() - 0.5) * 0.04, lng: m.seat_lng + (random() - 0.5) * 0.04 };
    });
    return {
      sq: `Organizata ${i}`,
      isDemo: i % 9 === 0,
      status: i % 11 === 0 ? OrganizationStatus.CLOSED : OrganizationStatus.ACTIVE,
      sites,
      services: Array.from({ length: 1 + Math.floor(random() * 3) }, (_, k) => ({
        name: `Shërbim ${k}`,
        categories: [pick(LEAVES)],
        targetGroups: [pick(GROUPS)],
        area: random() < 0.7 ? [home.code, ...(random() < 0.3 ? [pick(rows).code] : [])] : [],
        status: random() < 0.85 ? ServiceStatus.ACTIVE : ServiceStatus.INACTIVE,
        atSites: [0],
      })),
    };
  });
}

beforeAll(async () => {
  db = await createTestDatabase();
  api = await createTestApi(db);
  await createOrganizations(db.orm.em.fork(), await buildFixture());
});
afterAll(() => db?.close());

function haversine(lat1: number, lng1: number, lat2: number, lng2: number) {
  const r = (d: number) => (d * Math.PI) / 180;
  const a = Math.sin(r(lat2 - lat1) / 2) ** 2 + Math.cos(r(lat1)) * Math.cos(r(lat2)) * Math.sin(r(lng2 - lng1) / 2) ** 2;
  return 2 * 6371.0088 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
}

/** The coverage rules computed from the raw rows, independently of the service under test. */
async function expectedCoverage(options: { categories?: string[]; targetGroups?: string[]; includeDemo?: boolean; regions?: string[] }) {
  const q = (sql: string) => db.orm.em.fork().execute(sql);
  const categories = await q('select c.id, c.code, p.code as parent_code from service_category c left join service_category p on p.id = c.parent_id');
  const municipalities = await q('select m.id, m.code, m.population, m.seat_lat, m.seat_lng, r.code as region from municipality m join region r on r.id = m.region_id');
  const organizations = await q('select id, status, is_demo from organization');
  const services = await q('select id, organization_id, status from service');
  const serviceCategories = await q('select sc.service_id, c.code from service_category_link sc join service_category c on c.id = sc.category_id');
  const serviceGroups = await q('select st.service_id, g.code from service_target_group st join target_group g on g.id = st.target_group_id');
  const areas = await q('select service_id, municipality_id from service_area');
  const locations = await q('select organization_id, municipality_id, lat, lng from location');

  const orgById = new Map(organizations.map((o: any) => [o.id, o]));
  const roots = options.categories ?? categories.map((c: any) => c.code);
  const inRoot = (code: string, root: string) => code === root || categories.find((c: any) => c.code === code)?.parent_code === root;
  const cells: any[] = [];
  for (const root of roots) {
    const qualifying = services.filter((s: any) => {
      const o: any = orgById.get(s.organization_id);
      if (s.status !== 'ACTIVE' || o.status !== 'ACTIVE') return false;
      if (options.includeDemo === false && o.is_demo) return false;
      if (!serviceCategories.some((sc: any) => sc.service_id === s.id && inRoot(sc.code, root))) return false;
      if (options.targetGroups && !serviceGroups.some((g: any) => g.service_id === s.id && options.targetGroups!.includes(g.code))) return false;
      return true;
    });
    const orgIds = new Set(qualifying.map((s: any) => s.organization_id));
    for (const m of municipalities) {
      if (options.regions && !options.regions.includes(m.region)) continue;
      const providers = new Set<string>();
      for (const s of qualifying) {
        if (areas.some((a: any) => a.service_id === s.id && a.municipality_id === m.id)) providers.add(s.organization_id);
        if (locations.some((l: any) => l.organization_id === s.organization_id && l.municipality_id === m.id)) providers.add(s.organization_id);
      }
      const siteList = locations.filter((l: any) => orgIds.has(l.organization_id));
      const distances = siteList.map((l: any) => haversine(m.seat_lat, m.seat_lng, l.lat, l.lng));
      cells.push({
        municipality: m.code,
        category: root,
        providers: providers.size,
        sites: siteList.filter((l: any) => l.municipality_id === m.id).length,
        providersPer10k: (providers.size * 10000) / m.population,
        nearestSiteKm: distances.length ? Math.min(...distances) : null,
      });
    }
  }
  return cells;
}

const COVERAGE = /* GraphQL */ `
  query Coverage($filter: CoverageFilter) {
    coverage(filter: $filter) {
      generatedAt
      cells { municipality { code } category { code } providers sites providersPer10k nearestSiteKm }
      gaps { municipality { code } category { code } providers }
    }
  }
`;

async function compare(filter: Record<string, any>) {
  const result = await api.query(COVERAGE, { filter });
  expect(result.errors).toBeUndefined();
  const actual = result.data.coverage.cells;
  const expected = await expectedCoverage(filter);
  expect(actual).toHaveLength(expected.length);
  const key = (c: any) => `${c.category}/${c.municipality}`;
  const byKey = new Map(expected.map((c: any) => [key(c), c]));
  let nonZero = 0;
  for (const cell of actual) {
    const e: any = byKey.get(`${cell.category.code}/${cell.municipality.code}`);
    expect(e, `${cell.category.code}/${cell.municipality.code}`).toBeDefined();
    expect(cell.providers).toBe(e.providers);
    expect(cell.sites).toBe(e.sites);
    expect(cell.providersPer10k).toBeCloseTo(e.providersPer10k, 9);
    if (e.nearestSiteKm === null) expect(cell.nearestSiteKm).toBeNull();
    else expect(Math.abs(cell.nearestSiteKm - e.nearestSiteKm)).toBeLessThan(0.01);
    if (cell.providers > 0) nonZero++;
  }
  const gaps = result.data.coverage.gaps;
  expect(gaps.length).toBe(actual.filter((c: any) => c.providers === 0).length);
  expect(gaps.every((g: any) => g.providers === 0)).toBe(true);
  return { cells: actual.length, nonZero, gaps: gaps.length };
}

describe('coverage', () => {
  it('every municipality × every category matches an independent computation from the raw rows', async () => {
    const { cells, nonZero, gaps } = await compare({});
    expect(cells).toBe(38 * 35);
    expect(nonZero).toBeGreaterThan(20);
    expect(gaps).toBeGreaterThan(100);
  });

  it.each([
    { categories: ['residential'] },
    { categories: ['counselling.family', 'day-care'] },
    { categories: ['residential', 'counselling'], includeDemo: false },
    { targetGroups: ['elderly'] },
    { regions: ['prizren', 'peje'], categories: ['community'] },
  ])('filtered %j', async (filter) => {
    const { cells } = await compare(filter);
    expect(cells).toBeGreaterThan(0);
  });

  it('rejects unknown codes with a clear error', async () => {
    const result = await api.query(COVERAGE, { filter: { categories: ['nope'] } });
    expect(result.errors?.[0].message).toMatch(/Unknown service category code "nope"/);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
