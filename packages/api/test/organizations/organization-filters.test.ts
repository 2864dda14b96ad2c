import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OrganizationStatus } from '../../src/organizations/organization.enums';
import { ServiceStatus } from '../../src/services/service.enums';
import { createTestApi, type TestApi } from '../support/api';
import { createOrganizations, type OrganizationSpec } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** Independent reference haversine (spherical Earth, mean radius), written apart from the code under test. */
function referenceHaversineKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const toRad = (d: number) => (d * Math.PI) / 180;
  const R = 6371.0088;
  const h =
    Math.sin(toRad(b.lat - a.lat) / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(toRad(b.lng - a.lng) / 2) ** 2;
  return 2 * R * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h));
}

const PRISHTINE = { lat: 42.667, lng: 21.167 };

// A hand-built registry where each organization differs from the others in the property a filter reads.
const FIXTURE: Record<string, OrganizationSpec> = {
  safeHouse: {
    sq: 'Shtëpia e Sigurt',
    sr: 'Sigurna kuća',
    en: 'Safe House',
    acronym: 'SHS',
    sites: [{ municipality: 'prishtine', lat: 42.6671, lng: 21.1655 }],
    services: [
      {
        name: 'Strehimore',
        categories: ['residential.shelter-domestic-violence'],
        targetGroups: ['victims-of-domestic-violence', 'women-and-girls'],
        area: ['prishtine'],
        atSites: [0],
      },
    ],
    licences: [{ categories: ['residential'], from: '2020-01-01', until: '2030-12-31' }],
  },
  gracanica: {
    sq: 'Qendra për Fëmijë Graçanicë',
    sr: 'Centar za decu Gračanica',
    en: 'Children Centre Gracanica',
    verified: false,
    sites: [{ municipality: 'gracanice', lat: 42.6012, lng: 21.1934 }],
    services: [{ name: 'Qendër ditore', categories: ['day-care.children-street'], targetGroups: ['street-involved-children'], area: ['gracanice'], atSites: [0] }],
    licences: [{ categories: ['day-care'], from: '2019-01-01', until: '2021-12-31' }],
  },
  elderlyVoice: {
    sq: 'Zëri i të Moshuarve',
    en: 'Voice of the Elderly',
    status: OrganizationStatus.INACTIVE,
    sites: [{ municipality: 'prizren', lat: 42.2139, lng: 20.7397 }],
    services: [{ name: 'Kujdes në shtëpi', categories: ['community.home-care'], targetGroups: ['elderly'], area: ['prizren'], atSites: [0] }],
  },
  demo: {
    sq: 'Organizata Demo Pejë',
    isDemo: true,
    sites: [{ municipality: 'peje', lat: 42.6593, lng: 20.2887 }],
    services: [{ name: 'Këshillim', categories: ['counselling.psychosocial'], targetGroups: ['youth'], area: ['peje'], atSites: [0] }],
    licences: [{ categories: ['counselling.psychosocial'], from: '2022-03-01', until: null }],
  },
  help: {
    sq: 'Fondacioni Ndihma',
    en: 'Help Foundation',
    sites: [{ municipality: 'peje', lat: 42.661, lng: 20.295 }],
    services: [
      {
        name: 'Shtëpi për fëmijë',
        categories: ['residential.children'],
        targetGroups: ['children-without-parental-care'],
        area: ['prishtine'],
        status: ServiceStatus.INACTIVE,
        atSites: [0],
      },
      { name: 'Këshillim familjar', categories: ['counselling.family'], targetGroups: ['families-in-need'], area: ['peje', 'prishtine'], atSites: [0] },
    ],
  },
};

let db: TestDatabase;
let api: TestApi;
const nameById = new Map<string, string>();

beforeAll(async () => {
  db = await createTestDatabase();
  api = await createTestApi(db);
  const keys = Object.keys(FIXTURE);
  const created = await createOrganizations(db.orm.em.fork(), Object.values(FIXTURE));
  created.forEach((organization, i) => nameById.set(organization.id, keys[i]));
});
afterAll(() => db?.close());

const QUERY = /* GraphQL */ `
  query Find($filter: OrganizationFilter, $first: Int, $after: String, $orderBy: OrganizationOrder) {
    organizations(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      totalCount
      edges { cursor distanceKm node { id name } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

/** The fixture keys of the organizations the filter finds, sorted; also checks totalCount agrees. */
async function find(filter: Record<string, unknown>): Promise<string[]> {
  const result = await api.query(QUERY, { filter, first: 100 });
  expect(result.errors).toBeUndefined();
  const connection = result.data.organizations;
  expect(connection.totalCount).toBe(connection.edges.length);
  return connection.edges.map((e: any) => nameById.get(e.node.id)).sort();
}

describe('OrganizationFilter, each filter alone', () => {
  it('no filter returns every organization, demo records included by default', async () => {
    expect(await find({})).toEqual(['demo', 'elderlyVoice', 'gracanica', 'help', 'safeHouse']);
  });

  it.each([
    ['shtepi', ['safeHouse']],
    ['SHTËPIA', ['safeHouse']],
    ['sigurna kuca', ['safeHouse']],
    ['safe house', ['safeHouse']],
    ['gracanica', ['gracanica']],
    ['gračanica', ['gracanica']],
    ['graçanicë', ['gracanica']],
    ['GRACANICE', ['gracanica']],
    ['zeri moshuarve', ['elderlyVoice']],
    ['elderly', ['elderlyVoice']],
    ['shs', ['safeHouse']],
    ['qendra', ['gracanica']],
    ['100%_match', []],
  ])('text %j finds %j (sq, sr, en; case and diacritics folded)', async (text, expected) => {
    expect(await find({ text })).toEqual(expected);
  });

  it('categories: a leaf matches its services, a parent matches its children, inactive services do not count', async () => {
    expect(await find({ categories: ['residential.shelter-domestic-violence'] })).toEqual(['safeHouse']);
    expect(await find({ categories: ['residential'] })).toEqual(['safeHouse']);
    expect(await find({ categories: ['counselling'] })).toEqual(['demo', 'help']);
    expect(await find({ categories: ['community', 'day-care'] })).toEqual(['elderlyVoice', 'gracanica']);
    expect(await find({ categories: ['reintegration'] })).toEqual([]);
  });

  it('targetGroups (values combine with OR)', async () => {
    expect(await find({ targetGroups: ['elderly'] })).toEqual(['elderlyVoice']);
    expect(await find({ targetGroups: ['youth', 'families-in-need'] })).toEqual(['demo', 'help']);
    expect(await find({ targetGroups: ['children-without-parental-care'] })).toEqual([]);
  });

  it('regions: a site in the region or an active service area there', async () => {
    expect(await find({ regions: ['prishtine'] })).toEqual(['gracanica', 'help', 'safeHouse']);
    expect(await find({ regions: ['prizren'] })).toEqual(['elderlyVoice']);
    expect(await find({ regions: ['ferizaj'] })).toEqual([]);
  });

  it('municipalities: a site there or an active service area including it', async () => {
    expect(await find({ municipalities: ['peje'] })).toEqual(['demo', 'help']);
    expect(await find({ municipalities: ['prishtine'] })).toEqual(['help', 'safeHouse']);
    expect(await find({ municipalities: ['gracanice', 'prizren'] })).toEqual(['elderlyVoice', 'gracanica']);
  });

  it('near: within the radius, ordered by distance, distances correct to 0.1 km', async () => {
    const near = { ...PRISHTINE, radiusKm: 12 };
    const result = await api.query(QUERY, { filter: { near }, first: 100 });
    expect(result.errors).toBeUndefined();
    const edges = result.data.organizations.edges;
    expect(edges.map((e: any) => nameById.get(e.node.id))).toEqual(['safeHouse', 'gracanica']);
    for (const edge of edges) {
      const site = FIXTURE[nameById.get(edge.node.id)!].sites![0];
      expect(Math.abs(edge.distanceKm - referenceHaversineKm(PRISHTINE, site))).toBeLessThan(0.1);
    }
    // Every radius finds exactly the organizations the reference haversine puts inside it.
    for (const radiusKm of [0.01, 1, 10, 55, 62, 71, 74, 100]) {
      const expected = Object.entries(FIXTURE)
        .filter(([, spec]) => spec.sites!.some((site) => referenceHaversineKm(PRISHTINE, site) <= radiusKm))
        .map(([key]) => key)
        .sort();
      expect(await find({ near: { ...PRISHTINE, radiusKm } }), `radius ${radiusKm}`).toEqual(expected);
    }
  });

  it('near: long distances match the reference haversine too, in ascending order', async () => {
    const result = await api.query(QUERY, { filter: { near: { ...PRISHTINE, radiusKm: 200 } }, first: 100 });
    const edges = result.data.organizations.edges;
    expect(edges).toHaveLength(5);
    for (const edge of edges) {
      const site = FIXTURE[nameById.get(edge.node.id)!].sites![0];
      expect(Math.abs(edge.distanceKm - referenceHaversineKm(PRISHTINE, site))).toBeLessThan(0.1);
    }
    const distances = edges.map((e: any) => e.distanceKm);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
  });

  it('bbox: a site inside the box', async () => {
    expect(await find({ bbox: { minLat: 42.1, minLng: 20.6, maxLat: 42.3, maxLng: 20.9 } })).toEqual(['elderlyVoice']);
    expect(await find({ bbox: { minLat: 42.55, minLng: 21.1, maxLat: 42.7, maxLng: 21.25 } })).toEqual(['gracanica', 'safeHouse']);
    expect(await find({ bbox: { minLat: 41.0, minLng: 19.0, maxLat: 41.5, maxLng: 19.5 } })).toEqual([]);
  });

  it('licensedFor: a licence valid on the date covering the category, its parent or a child', async () => {
    expect(await find({ licensedFor: { category: 'residential.shelter-domestic-violence', on: '2025-06-01' } })).toEqual(['safeHouse']);
    expect(await find({ licensedFor: { category: 'residential', on: '2025-06-01' } })).toEqual(['safeHouse']);
    expect(await find({ licensedFor: { category: 'day-care.children-street', on: '2020-06-01' } })).toEqual(['gracanica']);
    expect(await find({ licensedFor: { category: 'day-care', on: '2025-06-01' } })).toEqual([]);
    expect(await find({ licensedFor: { category: 'counselling', on: '2040-01-01' } })).toEqual(['demo']);
    expect(await find({ licensedFor: { category: 'counselling.psychosocial', on: '2022-02-28' } })).toEqual([]);
    expect(await find({ licensedFor: { category: 'counselling.psychosocial', on: '2022-03-01' } })).toEqual(['demo']);
    expect(await find({ licensedFor: { category: 'residential', on: '2030-12-31' } })).toEqual(['safeHouse']);
    expect(await find({ licensedFor: { category: 'residential', on: '2031-01-01' } })).toEqual([]);
    // Without a date: today.
    expect(await find({ licensedFor: { category: 'counselling.psychosocial' } })).toEqual(['demo']);
  });

  it('verified', async () => {
    expect(await find({ verified: false })).toEqual(['gracanica']);
    expect(await find({ verified: true })).toEqual(['demo', 'elderlyVoice', 'help', 'safeHouse']);
  });

  it('status (values combine with OR)', async () => {
    expect(await find({ status: ['INACTIVE'] })).toEqual(['elderlyVoice']);
    expect(await find({ status: ['INACTIVE', 'CLOSED'] })).toEqual(['elderlyVoice']);
    expect(await find({ status: ['CLOSED'] })).toEqual([]);
  });

  it('includeDemo: false leaves demo records out', async () => {
    expect(await find({ includeDemo: false })).toEqual(['elderlyVoice', 'gracanica', 'help', 'safeHouse']);
    expect(await find({ includeDemo: true })).toContain('demo');
  });

  it('contractableFor: active, verified, serving the municipality, licensed on the date', async () => {
    expect(await find({ contractableFor: { category: 'residential', municipality: 'prishtine', on: '2025-06-01' } })).toEqual(['safeHouse']);
    expect(await find({ contractableFor: { category: 'counselling', municipality: 'peje', on: '2025-06-01' } })).toEqual(['demo']);
    // Gracanica's licence expired and it is unverified; Elderly Voice is inactive and unlicensed.
    expect(await find({ contractableFor: { category: 'day-care', municipality: 'gracanice', on: '2020-06-01' } })).toEqual([]);
    expect(await find({ contractableFor: { category: 'community', municipality: 'prizren', on: '2025-06-01' } })).toEqual([]);
  });
});

describe('OrganizationFilter, combined (AND across filters)', () => {
  it.each([
    [{ categories: ['counselling'], includeDemo: false }, ['help']],
    [{ text: 'qendra', verified: false }, ['gracanica']],
    [{ text: 'qendra', verified: true }, []],
    [{ regions: ['prishtine'], categories: ['residential'] }, ['safeHouse']],
    [{ municipalities: ['peje'], targetGroups: ['families-in-need'], verified: true }, ['help']],
    [{ near: { ...PRISHTINE, radiusKm: 100 }, categories: ['counselling'], includeDemo: false }, ['help']],
    [{ bbox: { minLat: 42.5, minLng: 20.2, maxLat: 42.8, maxLng: 21.3 }, status: ['ACTIVE'], verified: true }, ['demo', 'help', 'safeHouse']],
    [{ licensedFor: { category: 'residential', on: '2025-01-01' }, text: 'safe' }, ['safeHouse']],
    [{ licensedFor: { category: 'residential', on: '2025-01-01' }, text: 'ndihma' }, []],
    [{ categories: ['residential.shelter-domestic-violence'], targetGroups: ['women-and-girls'], regions: ['prishtine'], text: 'sigurt' }, ['safeHouse']],
    // The same active service must match both the category and the target group.
    [{ categories: ['counselling'], targetGroups: ['children-without-parental-care'] }, []],
  ])('%j → %j', async (filter, expected) => {
    expect(await find(filter)).toEqual(expected);
  });
});

describe('bad input gets a clear error with a code, never an internal error', () => {
  it.each([
    [{ filter: { categories: ['no-such-category'] } }, /Unknown service category code "no-such-category"/],
    [{ filter: { targetGroups: ['martians'] } }, /Unknown target group code "martians"/],
    [{ filter: { regions: ['atlantis'] } }, /Unknown region code "atlantis"/],
    [{ filter: { municipalities: ['nowhere'] } }, /Unknown municipality code "nowhere"/],
    [{ filter: { near: { lat: 42.6, lng: 21.1, radiusKm: -5 } } }, /radiusKm must be more than 0/],
    [{ filter: { near: { lat: 91, lng: 21.1, radiusKm: 5 } } }, /latitude from -90 to 90/],
    [{ filter: { near: { lat: 42, lng: 190, radiusKm: 5 } } }, /longitude from -180 to 180/],
    [{ filter: { bbox: { minLat: -95, minLng: 20, maxLat: 43, maxLng: 21 } } }, /latitude from -90 to 90/],
    [{ filter: { bbox: { minLat: 43, minLng: 20, maxLat: 42, maxLng: 21 } } }, /minLat must not be greater than maxLat/],
    [{ filter: { licensedFor: { category: 'residential', on: '2025-13-45' } } }, /date/i],
    [{ after: 'not-a-cursor' }, /not a valid cursor/],
    [{ after: Buffer.from('["NAME","x","not-a-uuid"]').toString('base64url') }, /not a valid cursor/],
    [{ first: 101 }, /at most 100/],
    [{ first: -1 }, /from 0 to 100/],
    [{ orderBy: 'DISTANCE' }, /DISTANCE needs filter.near/],
    [{ filter: { text: 'x'.repeat(201) } }, /at most 200 characters/],
  ])('%j', async (variables, message) => {
    const result = await api.query(QUERY, variables as Record<string, unknown>);
    expect(result.data?.organizations ?? null).toBeNull();
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors!;
    expect(error.message).toMatch(message);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.stacktrace).toBeUndefined();
    expect(JSON.stringify(error)).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it('a cursor from another order is refused', async () => {
    const byName = await api.query(QUERY, { first: 1 });
    const cursor = byName.data.organizations.pageInfo.endCursor;
    const result = await api.query(QUERY, { first: 1, after: cursor, orderBy: 'UPDATED_AT' });
    expect(result.errors?.[0].message).toMatch(/cursor for the order NAME/);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('organization(id) with a malformed id is a user error; an unknown id is null', async () => {
    const bad = await api.query('{ organization(id: "42") { id } }');
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const missing = await api.query('{ organization(id: "00000000-0000-4000-8000-000000000000") { id } }');
    expect(missing.errors).toBeUndefined();
    expect(missing.data.organization).toBeNull();
  });
});
