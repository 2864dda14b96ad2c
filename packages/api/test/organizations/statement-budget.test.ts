import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api';
import { createOrganizations, type OrganizationSpec } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let db: TestDatabase;
let api: TestApi;

const SPECS: OrganizationSpec[] = Array.from({ length: 60 }, (_, i) => ({
  sq: `Organizata ${String(i).padStart(2, '0')}`,
  sites: [
    { municipality: 'prishtine', lat: 42.66, lng: 21.16 },
    { municipality: 'prizren', lat: 42.21, lng: 20.74 },
  ],
  services: [
    { name: 'Strehim', categories: ['residential.shelter-domestic-violence', 'counselling.psychosocial'], targetGroups: ['women-and-girls', 'youth'], area: ['prishtine', 'obiliq'], atSites: [0] },
    { name: 'Këshillim', categories: ['counselling.family'], targetGroups: ['families-in-need'], area: ['prizren'], atSites: [1] },
  ],
  licences: [{ categories: ['residential'], from: '2024-01-01', until: '2028-01-01' }],
}));

// Everything a profile list shows: services with categories, target groups, area and sites; sites with municipality; licences.
const PAGE = /* GraphQL */ `
  query Page($first: Int) {
    organizations(first: $first) {
      totalCount
      edges {
        node {
          id name(lang: EN) isDemo verification { status verifiedAt }
          services { id name categories { code name parent { code } } targetGroups { code name } serviceArea { code name region { code } } locations { id } }
          locations { id point { lat lng } municipality { code name region { name } } }
          licences { number validFrom validUntil validToday categories { code } }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

beforeAll(async () => {
  db = await createTestDatabase();
  api = await createTestApi(db);
  await createOrganizations(db.orm.em.fork(), SPECS);
  await api.reference.get();
});
afterAll(() => db?.close());

describe('SQL statements per page', () => {
  it('a page of 50 with nested services, locations and licences runs at most 8 statements, and a page of 10 the same number', async () => {
    const fifty = await api.countStatements(() => api.query(PAGE, { first: 50 }));
    expect(fifty.result.errors).toBeUndefined();
    expect(fifty.result.data.organizations.edges).toHaveLength(50);
    expect(fifty.result.data.organizations.edges[0].node.services[0].categories.length).toBeGreaterThan(0);
    expect(fifty.result.data.organizations.edges[0].node.locations[0].municipality.code).toBeTruthy();
    expect(fifty.result.data.organizations.edges[0].node.licences[0].categories[0].code).toBe('residential');
    // At least the page, the count, services, locations and licences: proves the counter sees the statements.
    expect(fifty.statements.length).toBeGreaterThanOrEqual(5);
    expect(fifty.statements.length).toBeLessThanOrEqual(8);

    const ten = await api.countStatements(() => api.query(PAGE, { first: 10 }));
    expect(ten.result.data.organizations.edges).toHaveLength(10);
    expect(ten.statements.length).toBe(fifty.statements.length);
  });

  it('the statement count does not grow with the page size', async () => {
    const counts = [];
    for (const first of [1, 25, 60]) {
      const run = await api.countStatements(() => api.query(PAGE, { first }));
      expect(run.result.errors).toBeUndefined();
      counts.push(run.statements.length);
    }
    expect(new Set(counts).size).toBe(1);
    expect(counts[0]).toBeGreaterThanOrEqual(5);
  });
});

// The result list the benchmark's search scenarios fetch (packages/bench/src/scenarios.mjs): names, verification, sites.
const LIST = /* GraphQL */ `
  query List($first: Int, $filter: OrganizationFilter) {
    organizations(first: $first, filter: $filter) {
      totalCount
      edges { distanceKm node { id name verification { status } locations { id point { lat lng } municipality { code } } } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

describe('SQL statements per filtered result list', () => {
  const filters = {
    text: { text: 'organizata' },
    near: { near: { lat: 42.66, lng: 21.16, radiusKm: 10 } },
    bbox: { bbox: { minLat: 42.6, minLng: 21.1, maxLat: 42.7, maxLng: 21.2 } },
  };
  for (const [name, filter] of Object.entries(filters)) {
    it(`${name}: the page, its count and the sites, 3 statements whatever the page size`, async () => {
      const counts = [];
      for (const first of [5, 20, 50]) {
        const run = await api.countStatements(() => api.query(LIST, { first, filter }));
        expect(run.result.errors).toBeUndefined();
        expect(run.result.data.organizations.edges).toHaveLength(first);
        counts.push(run.statements.length);
      }
      expect(counts).toEqual([3, 3, 3]);
    });
  }
});
